"""`check --changed BASE`: only findings the change is responsible for, judged against the whole site."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from support import build_fixture, run_cli


def git(project: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=project, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.org", "HOME": str(project), "PATH": "/usr/bin:/bin"})


def repo(tmp_path: Path) -> Path:
    project = build_fixture(tmp_path)
    # an existing problem in a page nobody touches: must not be reported with --changed
    old = project / "docs" / "old.md"
    old.write_text("---\ntitle: Old\ntype: page\n---\n\nA [broken](nowhere.md) link.\n", encoding="utf-8")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "base")
    git(project, "checkout", "-q", "-b", "change")
    return project


def findings(project: Path, *args: str) -> set[tuple[str, str]]:
    done = run_cli(project, "check", "--format", "json", *args)
    assert done.returncode in (0, 1), done.stderr
    return {(f["path"], f["code"]) for f in json.loads(done.stdout)}


def test_only_touched_files_and_pages_linking_into_them(tmp_path: Path) -> None:
    project = repo(tmp_path)
    assert ("docs/old.md", "HG301") in findings(project)
    assert findings(project, "--changed", "main") == set()
    # a committed change: remove the heading the flat-feet page links to
    pillar = project / "docs" / "topic" / "index.md"
    pillar.write_text(pillar.read_text(encoding="utf-8").replace("How it fits together", "How it all fits"), encoding="utf-8")
    git(project, "commit", "-q", "-am", "rename heading")
    # an uncommitted change and an untracked file
    new = project / "docs" / "topic" / "new.md"
    new.write_text("---\ntitle: New\ntype: page\n---\n\nSee [here](missing.md).\n", encoding="utf-8")
    got = findings(project, "--changed", "main")
    assert ("docs/topic/flat-feet.md", "HG302") in got, "a page linking into a changed page is judged"
    assert ("docs/topic/new.md", "HG301") in got, "untracked files count as changed"
    assert not any(path == "docs/old.md" for path, _ in got), "untouched pages stay quiet"


def test_github_format_annotates_changed_lines(tmp_path: Path) -> None:
    project = repo(tmp_path)
    new = project / "docs" / "new.md"
    new.write_text("---\ntitle: New\ntype: page\n---\n\nSee [here](missing.md).\n", encoding="utf-8")
    done = run_cli(project, "check", "--changed", "main", "--format", "github")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[0].startswith("::error file=docs/new.md,line=6,col=")
    assert "title=HG301 link-target-missing::" in lines[0]
    assert not any("old.md" in line for line in lines)


def test_config_change_reports_everything(tmp_path: Path) -> None:
    project = repo(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\n# touched\n", encoding="utf-8")
    assert ("docs/old.md", "HG301") in findings(project, "--changed", "main")


def test_bad_base_is_a_clear_error(tmp_path: Path) -> None:
    project = repo(tmp_path)
    done = run_cli(project, "check", "--changed", "no-such-branch")
    assert done.returncode == 2 and "--changed no-such-branch" in done.stderr and "Traceback" not in done.stderr


def test_a_change_to_the_warning_signs_reports_every_page(tmp_path: Path) -> None:
    # every care section and every mention of a sign is judged against this one file
    root = Path(__file__).resolve().parent.parent
    project = tmp_path / "site"
    for name in ("docs", "overrides"):
        if (root / name).is_dir():
            shutil.copytree(root / name, project / name)
    shutil.copy(root / "mkdocs.yml", project / "mkdocs.yml")
    (project / "docs" / "old.md").write_text("---\ntitle: Old\ntype: page\n---\n\nA [broken](nowhere.md) link.\n",
                                             encoding="utf-8")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "base")
    assert findings(project, "--changed", "main") == set()
    signs = project / "docs" / "care" / "warning-signs.yaml"
    signs.write_text(signs.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    assert ("docs/old.md", "HG301") in findings(project, "--changed", "main")
