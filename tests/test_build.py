"""Integration: the real `mkdocs build --strict` with our plugin, on a fixture site and on docs/."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT, TODAY, build_fixture, load_cases, run_cli

ENV = {**os.environ, "HEALTHGUIDE_TODAY": TODAY.isoformat()}


def mkdocs_build(project: Path, site_dir: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                           "-d", str(site_dir), *extra], cwd=project, env=ENV, capture_output=True, text=True, timeout=600)


def test_fixture_site_builds_and_renders_metadata(tmp_path: Path) -> None:
    project = build_fixture(tmp_path)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    pillar = (tmp_path / "site" / "topic" / "index.html").read_text(encoding="utf-8")
    spoke = (tmp_path / "site" / "topic" / "flat-feet" / "index.html").read_text(encoding="utf-8")
    # The pillar lists its spokes; the spoke points back to its pillar and its related pages.
    assert "Articles in this guide" in pillar and "Flat feet and back pain" in pillar
    assert "Part of" in spoke and "The topic overview" in spoke
    # Numbered citations, a references list with identifier links, the byline and review dates.
    assert 'class="hg-cite"' in spoke and 'id="ref-menz2013foot"' in spoke
    assert "https://doi.org/10.1093/rheumatology/ket298" in spoke
    assert "Not yet clinically reviewed" in spoke
    assert "Page last reviewed" in spoke and "Next review due" in spoke
    # The disclaimer is on every built page, including the 404 page.
    for page in (tmp_path / "site").rglob("*.html"):
        assert "This guide gives general information, not medical advice." in page.read_text(encoding="utf-8"), page


def test_reviewer_is_named_when_present(tmp_path: Path) -> None:
    project = build_fixture(tmp_path)
    spoke = project / "docs" / "topic" / "flat-feet.md"
    spoke.write_text(spoke.read_text(encoding="utf-8").replace("last_reviewed:", "reviewed_by: dr-real\nlast_reviewed:"), encoding="utf-8")
    assert mkdocs_build(project, tmp_path / "site").returncode == 0
    html = (tmp_path / "site" / "topic" / "flat-feet" / "index.html").read_text(encoding="utf-8")
    assert "Medically reviewed by A Reviewer" in html


@pytest.mark.parametrize("case", [c for c in load_cases("graph") if c.name.startswith("pillar that does not exist")], ids=lambda c: c.name)
def test_strict_build_fails_once_with_located_findings(tmp_path: Path, case) -> None:  # type: ignore[no-untyped-def]
    project = build_fixture(tmp_path, case)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "topic/flat-feet.md:5:1: error: HG201" in result.stderr
    assert result.stderr.count("the site was not published") == 1
    assert "Traceback" not in result.stderr


def test_template_that_drops_the_disclaimer_fails(tmp_path: Path) -> None:
    project = build_fixture(tmp_path)
    overrides = tmp_path / "overrides"
    (overrides / "partials").mkdir(parents=True)
    for item in (ROOT / "overrides").rglob("*.html"):
        target = overrides / item.relative_to(ROOT / "overrides")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(item.read_text(encoding="utf-8"), encoding="utf-8")
    (overrides / "partials" / "hg-disclaimer-footer.html").write_text("", encoding="utf-8")
    (overrides / "partials" / "hg-disclaimer-top.html").write_text("", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(str(ROOT / "overrides"), str(overrides)), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "error: HG601" in result.stderr and "index.html" in result.stderr


def test_real_docs_build_strict(tmp_path: Path) -> None:
    result = mkdocs_build(ROOT, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-4000:]
    assert "0 error(s), 0 warning(s)" in result.stderr


def test_real_docs_check_is_clean() -> None:
    result = run_cli(ROOT, "check")
    assert result.returncode == 0, result.stdout[-4000:]
    assert result.stdout.strip().endswith("0 error(s), 0 warning(s), 0 note(s)")


def test_cli_text_format_names_path_line_col(tmp_path: Path) -> None:
    case = next(c for c in load_cases("graph") if c.name.startswith("pillar that does not exist"))
    project = build_fixture(tmp_path, case)
    result = run_cli(project, "check")
    assert result.returncode == 1
    assert "docs/topic/flat-feet.md:5:1: error: HG201 pillar 'topic/indx.md' does not exist" in result.stdout
    assert "hint: Did you mean 'topic/index.md'?" in result.stdout
    assert "Traceback" not in result.stderr


def test_cli_bad_config_is_a_clear_error(tmp_path: Path) -> None:
    project = build_fixture(tmp_path)
    (project / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - healthguide:\n      severity: {HG999: warn}\n", encoding="utf-8")
    result = run_cli(project, "check")
    assert result.returncode == 2
    assert "unknown finding code 'HG999'" in result.stderr
    assert "Traceback" not in result.stderr
