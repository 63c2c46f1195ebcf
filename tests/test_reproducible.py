"""Same output every time: two builds of the same sources are byte-identical, the checks never write
into docs/, and check output is sorted by (path, line, column, code) and identical across runs."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT, TODAY, build_fixture, load_cases, run_cli


def _env(seed: str) -> dict[str, str]:
    env = {**os.environ, "HEALTHGUIDE_TODAY": TODAY.isoformat(), "PYTHONHASHSEED": seed,
           "PYTHONPATH": str(ROOT / "scripts")}
    env.pop("SOURCE_DATE_EPOCH", None)   # the build must not need it
    env.pop("GITHUB_ACTIONS", None)
    return env


def _snapshot(tree: Path) -> dict[str, tuple[int, str]]:
    """path -> (mtime_ns, sha256) for every file and folder under ``tree``."""
    out: dict[str, tuple[int, str]] = {}
    for path in sorted(tree.rglob("*")):
        stat = path.lstat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() and not path.is_symlink() else "dir"
        out[path.relative_to(tree).as_posix()] = (stat.st_mtime_ns, digest)
    return out


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def real_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the real guide (docs, theme overrides, mkdocs.yml), safe to build and check."""
    project = tmp_path_factory.mktemp("real") / "guide"
    project.mkdir()
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, project / name, symlinks=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    return project


def _build(project: Path, site: Path, seed: str) -> None:
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=project,
                          env=_env(seed), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-4000:]


def test_two_builds_are_byte_identical_and_docs_untouched(real_project: Path, tmp_path: Path) -> None:
    docs_before = _snapshot(real_project / "docs")
    check = subprocess.run([sys.executable, "-m", "healthguide", "check"], cwd=real_project, env=_env("0"),
                           capture_output=True, text=True, timeout=300)
    assert "Traceback" not in check.stdout + check.stderr
    # Different hash seeds shake out any order that comes from iterating a set or a dict of sets.
    _build(real_project, tmp_path / "a", seed="1")
    _build(real_project, tmp_path / "b", seed="2")
    assert _snapshot(real_project / "docs") == docs_before, "check or build wrote into docs/"
    first, second = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert sorted(first) == sorted(second)
    differ = [name for name in first if first[name] != second[name]]
    assert not differ, f"files differ between two builds: {differ[:10]}"
    assert "sitemap.xml.gz" in first and first["sitemap.xml.gz"][4:8] == b"\0\0\0\0"   # no build-day stamp


def test_fixture_build_and_check_never_write_into_docs(tmp_path: Path) -> None:
    project = build_fixture(tmp_path)
    before = _snapshot(project / "docs")
    assert run_cli(project, "check").returncode == 0
    assert run_cli(project, "check", "--format", "json").returncode == 0
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "site")], cwd=project,
                          env=_env("3"), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert _snapshot(project / "docs") == before


def _noisy_project(tmp_path: Path) -> Path:
    """One fixture with findings on many pages, lines, columns and codes."""
    project = build_fixture(tmp_path)
    for family in ("links", "claims", "html", "citations"):
        case = load_cases(family)[0]
        for rel, content in case.files.items():
            target = project / rel.replace("notes.md", f"notes-{family}.md")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
    return project


def test_check_output_sorted_and_stable(tmp_path: Path) -> None:
    project = _noisy_project(tmp_path)
    runs = [run_cli(project, "check", "--format", "json", env={"PYTHONHASHSEED": seed}) for seed in ("1", "2", "3")]
    assert all(r.returncode == 1 for r in runs), runs[0].stderr
    assert runs[0].stdout == runs[1].stdout == runs[2].stdout
    found = json.loads(runs[0].stdout)
    assert len(found) >= 15 and len({f["path"] for f in found}) >= 3
    keys = [(f["path"], f["line"], f["col"], f["code"]) for f in found]
    assert keys == sorted(keys)
    assert len(keys) == len(set((f["path"], f["line"], f["col"], f["code"], f["message"]) for f in found))
    text_runs = [run_cli(project, "check", env={"PYTHONHASHSEED": seed}).stdout for seed in ("4", "5")]
    assert text_runs[0] == text_runs[1]
