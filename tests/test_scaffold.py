"""`healthguide new`: a scaffolded article passes every check an empty article can pass, and nothing is overwritten."""

from __future__ import annotations

from pathlib import Path

import pytest

from healthguide.commands.scaffold import EXPECTED_ON_EMPTY, slugify
from support import TODAY, build_fixture, run_cli


def test_slugify() -> None:
    assert slugify("Heel cups: do they help?") == "heel-cups-do-they-help"
    assert slugify("Fußgewölbe – Überblick") == "fuagewolbe-uberblick" or slugify("Fußgewölbe – Überblick").startswith("fu")
    assert slugify("!!!") == ""


@pytest.mark.parametrize("kind, args, rel", [
    ("spoke", ["--pillar", "topic/index.md"], "topic/heel-cups-do-they-help.md"),
    ("pillar", [], "heel-cups-do-they-help/index.md"),
    ("page", [], "heel-cups-do-they-help.md"),
])
def test_new_article_passes_checks_but_sources(tmp_path: Path, kind: str, args: list[str], rel: str) -> None:
    project = build_fixture(tmp_path)
    done = run_cli(project, "new", kind, "--title", "Heel cups: do they help?", *args)
    assert done.returncode == 0, done.stderr
    assert f"created docs/{rel}" in done.stdout
    text = (project / "docs" / rel).read_text(encoding="utf-8")
    assert f"type: {kind}" in text and 'title: "Heel cups: do they help?"' in text
    if kind != "page":
        assert f"last_reviewed: {TODAY.isoformat()}" in text and "authors: [editorial-team]" in text
        assert '!!! key-points "Key points"' in text and "!!! care-routine" in text and "References:" in text
    if kind == "spoke":
        assert "pillar: topic/index.md" in text
    check = run_cli(project, "check", "--format", "json")
    import json
    codes = {(f["path"], f["code"]) for f in json.loads(check.stdout)}
    # A plain page has no description to fill in, so only its text placeholder is left.
    expected = {(f"docs/{rel}", code) for code in (EXPECTED_ON_EMPTY if kind != "page" else ("HG503",))}
    assert codes == expected, check.stdout
    assert not list((project / "docs").rglob("*.tmp")), "no temporary file left behind"


def test_refuses_to_overwrite(tmp_path: Path) -> None:
    project = build_fixture(tmp_path)
    target = project / "docs" / "topic" / "flat-feet.md"
    before = target.read_bytes()
    done = run_cli(project, "new", "spoke", "--pillar", "topic/index.md", "--title", "Flat feet")
    assert done.returncode == 1
    assert "topic/flat-feet.md already exists; nothing was written" in done.stderr
    assert target.read_bytes() == before


@pytest.mark.parametrize("args, message", [
    (["spoke", "--title", "X"], "a spoke needs its pillar"),
    (["spoke", "--title", "X", "--pillar", "topic/indx.md"], "Did you mean 'topic/index.md'?"),
    (["spoke", "--title", "X", "--pillar", "topic/flat-feet.md"], "is not a pillar"),
    (["pillar", "--title", "X", "--author", "editorial-tem"], "Did you mean 'editorial-team'?"),
    (["page", "--title", "???"], "--slug"),
])
def test_clear_errors(tmp_path: Path, args: list[str], message: str) -> None:
    project = build_fixture(tmp_path)
    done = run_cli(project, "new", *args)
    assert done.returncode == 1 and message in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_scaffold_is_refused_by_the_build_until_its_placeholders_are_replaced(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs")
    import subprocess
    import sys
    project = build_fixture(tmp_path)
    (project / "mkdocs.yml").write_text((project / "mkdocs.yml").read_text().replace("min_sources: 2", "min_sources: 0"))
    assert run_cli(project, "new", "spoke", "--pillar", "topic/index.md", "--title", "Heel cups").returncode == 0

    def build() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "out")],
                              cwd=project, capture_output=True, text=True, timeout=300,
                              env={**__import__("os").environ, "HEALTHGUIDE_TODAY": TODAY.isoformat()})
    done = build()
    assert done.returncode == 1 and "the site was not published" in done.stderr, done.stderr
    page = project / "docs" / "topic" / "heel-cups.md"
    page.write_text(page.read_text(encoding="utf-8").replace("TODO: ", ""), encoding="utf-8")
    done = build()
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "topic" / "heel-cups" / "index.html").is_file()
