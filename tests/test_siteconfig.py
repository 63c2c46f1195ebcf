"""mkdocs.yml is read as MkDocs reads it (its own YAML loader, tags, INHERIT, extension order), and
`profile: generic` turns the checker into a links-and-anchors checker for any MkDocs site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from healthguide.core import check_site, load_config
from healthguide.load.siteconfig import ConfigError
from support import ROOT, run_cli

GENERIC = "plugins:\n  - healthguide:\n      profile: generic\n"


def _site(tmp_path: Path, config: str, pages: dict[str, str]) -> Path:
    project = tmp_path / "site"
    for rel, text in pages.items():
        (project / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / rel).write_text(text, encoding="utf-8")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


def test_python_tags_env_relative_and_inherit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HG_TEST_SITE_NAME", "From the environment")
    project = _site(tmp_path, "", {"index.md": "# Home\n"})
    (project / "base.yml").write_text(
        "site_name: !ENV [HG_TEST_SITE_NAME, fallback]\n"
        "markdown_extensions:\n"
        "  - pymdownx.tabbed:\n"
        "      slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}\n"
        "  - pymdownx.superfences:\n"
        "      custom_fences:\n"
        "        - name: mermaid\n"
        "          class: mermaid\n"
        "          format: !!python/name:pymdownx.superfences.fence_code_format\n"
        "  - pymdownx.snippets:\n"
        "      base_path: [!relative $config_dir]\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text("INHERIT: base.yml\n" + GENERIC, encoding="utf-8")
    config = load_config(project / "mkdocs.yml")
    assert config.raw["site_name"] == "From the environment"
    assert callable(config.extension_configs["pymdownx.tabbed"]["slugify"])
    assert Path(config.extension_configs["pymdownx.snippets"]["base_path"][0]) == project
    assert config.settings.profile.value == "generic"
    # MkDocs' built-ins first: fenced_code loaded last would take fences from superfences.
    assert config.markdown_extensions[:3] == ["toc", "tables", "fenced_code"]


def test_heading_ids_with_superfences_are_mkdocs_ids(tmp_path: Path) -> None:
    page = "# Page\n\n```python\n# not a heading\n```\n\n## Real heading\n"
    project = _site(tmp_path, "site_name: x\nmarkdown_extensions:\n  - pymdownx.superfences\n" + GENERIC, {"index.md": page})
    site = check_site(project / "mkdocs.yml", use_cache=False).site
    assert site.pages["index.md"].anchors == {"page", "real-heading"}


@pytest.mark.parametrize("text", [
    "site_name: x\nmarkdown_extensions:\n  - x: !!python/name:no_such_module_here.thing\n",
    "site_name: x\nsite_url: !!python/object/apply:no_such_module_here.f []\n",
])
def test_a_tag_mkdocs_cannot_build_is_exit_2_with_the_file(tmp_path: Path, text: str) -> None:
    project = _site(tmp_path, text, {"index.md": "# Home\n"})
    with pytest.raises(ConfigError, match=r"mkdocs.yml:\d+:\d+"):
        load_config(project / "mkdocs.yml")
    done = run_cli(project, "check")
    assert done.returncode == 2 and "mkdocs.yml:" in done.stderr and "Traceback" not in done.stderr


def test_an_error_in_an_inherited_file_names_that_file(tmp_path: Path) -> None:
    project = _site(tmp_path, "INHERIT: base.yml\nsite_name: x\n", {"index.md": "# Home\n"})
    (project / "base.yml").write_text("theme: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"base.yml:\d+:\d+"):
        load_config(project / "mkdocs.yml")


def test_generic_profile_runs_only_files_links_anchors_and_html(tmp_path: Path) -> None:
    pages = {
        "index.md": "# Home\n\nNo front matter, no sources: 80% of people agree [@nobody].\n\n"
                    "See [the guide](guide.md#setup) and [a gap](guide.md#nope).\n",
        "guide.md": "# Guide\n\n## Setup\n\n<script>alert(1)</script>\n",
    }
    project = _site(tmp_path, "site_name: x\n" + GENERIC, pages)
    found = check_site(project / "mkdocs.yml", use_cache=False).findings
    assert sorted((f.path, f.line, f.code) for f in found) == [("guide.md", 5, "HG901"), ("index.md", 5, "HG302")]
    hints = " ".join(f.hint for f in found)
    assert "menz" not in hints and "footwear" not in hints and "#setup" in hints


def test_generic_profile_build_leaves_citation_syntax_alone(tmp_path: Path) -> None:
    project = _site(tmp_path, "site_name: x\n" + GENERIC, {"index.md": "# Home\n\nAs [@someone] wrote.\n"})
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=project,
                          capture_output=True, text=True, timeout=300,
                          env={"PYTHONPATH": str(ROOT / "scripts"), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    html = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "[@someone]" in html and "hg-cite" not in html and "hg-references" not in html


def test_unknown_profile_is_a_configuration_error(tmp_path: Path) -> None:
    project = _site(tmp_path, "site_name: x\nplugins:\n  - healthguide:\n      profile: medical\n", {"index.md": "# x\n"})
    with pytest.raises(ConfigError, match="profile"):
        load_config(project / "mkdocs.yml")


def test_generic_page_opening_with_a_rule_is_checked_whole(tmp_path: Path) -> None:
    """MkDocs renders a first `---` line that never closes as a rule, so the page's links are on the site."""
    page = "---\n\n# Notes\n\nSee [the guide](gone.md) and [this part](#notes).\n"
    project = _site(tmp_path, "site_name: x\n" + GENERIC, {"index.md": page})
    found = [(f.code, f.line) for f in check_site(project / "mkdocs.yml", use_cache=False).findings]
    assert found == [("HG301", 5)]


def test_generic_site_honours_exclude_docs_and_draft_docs(tmp_path: Path) -> None:
    config = "site_name: x\nexclude_docs: |\n  *.py\n  /private/\ndraft_docs: |\n  _*.md\n" + GENERIC
    project = _site(tmp_path, config, {
        "index.md": "# Home\n\n[Script](tool.py), [secret](private/a.md), [draft](_next.md), [kept](public/a.md).\n",
        "tool.py": "print('not published')\n", "private/a.md": "[broken](nowhere.md)\n",
        "_next.md": "[broken](nowhere.md)\n", "public/a.md": "# Kept\n",
    })
    found = sorted((f.code, f.path, f.line, f.col) for f in check_site(project / "mkdocs.yml", use_cache=False).findings)
    assert found == [("HG301", "index.md", 3, 10), ("HG301", "index.md", 3, 29), ("HG301", "index.md", 3, 52)]
