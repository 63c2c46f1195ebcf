"""The catalogue is complete: every finding code has a case that triggers it, every family a near miss.

HG601 (disclaimer missing) is judged on built HTML, not on sources, so it is tested here through
``check --built`` instead of a case file (HG602-HG609 in test_built_gate.py); HG610 (placeholder site_url) judges mkdocs.yml only when
publishing, so it is tested here through ``check --publish``. The online codes (healthguide.online.codes) need a server
to answer and are tested against local servers by the online tests, not by offline cases.
"""

from __future__ import annotations

import re
from pathlib import Path

from healthguide.catalogue import CATALOGUE, Stage
from healthguide.settings import DEFAULT_DISCLAIMER
from support import CASES, build_fixture, expected_findings, load_cases, run_cli

BUILT_ONLY = {c.code for f in CATALOGUE.families if f.stage is Stage.BUILT for c in f.codes}
ONLINE_ONLY = {c.code for f in CATALOGUE.families if f.stage is Stage.ONLINE for c in f.codes}
PUBLISH_ONLY = {c.code for f in CATALOGUE.families if f.stage is Stage.PUBLISH for c in f.codes}
FAMILIES = sorted(p.stem for p in CASES.glob("*.yaml"))


def _expected_codes(tmp_path: Path) -> dict[str, set[str]]:
    """code -> the cases (family:name) that expect it."""
    seen: dict[str, set[str]] = {}
    for family in FAMILIES:
        for case in load_cases(family):
            # Markers are read from the case text: no fixture needs building for that.
            for _, _, code in expected_findings(tmp_path, case):
                seen.setdefault(code, set()).add(f"{family}:{case.name}")
    return seen


def test_every_code_is_triggered_by_a_case(tmp_path: Path) -> None:
    seen = _expected_codes(tmp_path)
    missing = [c.code for c in CATALOGUE.codes() if c.code not in seen and c.code not in BUILT_ONLY | ONLINE_ONLY | PUBLISH_ONLY]
    assert not missing, f"codes with no triggering case in tests/cases/*.yaml: {missing}"


def test_cases_expect_only_registered_codes(tmp_path: Path) -> None:
    unknown = sorted(code for code in _expected_codes(tmp_path) if code not in CATALOGUE)
    assert not unknown, f"cases expect codes nobody defines: {unknown}"


def test_every_family_has_a_near_miss() -> None:
    lacking = [family for family in FAMILIES
               if not any(not case.expect and not expected_findings(Path("."), case) for case in load_cases(family))]
    assert not lacking, f"family files without a near-miss case (one that must produce nothing): {lacking}"


def test_case_names_are_unique_within_a_family() -> None:
    for family in FAMILIES:
        names = [case.name for case in load_cases(family)]
        assert len(names) == len(set(names)), family


def _built_site(root: Path, with_disclaimer: bool) -> Path:
    site = root / "built"
    (site / "about").mkdir(parents=True)
    body = f"<p>{DEFAULT_DISCLAIMER}</p>" if with_disclaimer else "<p>No disclaimer here.</p>"
    (site / "index.html").write_text(f"<html><body><main>Hello</main>{body}</body></html>", encoding="utf-8")
    (site / "about" / "index.html").write_text(
        f"<html><body>{DEFAULT_DISCLAIMER.replace(' ', chr(10))}</body></html>", encoding="utf-8")  # reflowed: still found
    return site


def test_hg601_built_page_without_disclaimer(tmp_path: Path) -> None:
    project = build_fixture(tmp_path)
    site = _built_site(tmp_path, with_disclaimer=False)
    done = run_cli(project, "check", "--built", str(site))
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"{site.as_posix()}/index.html:1:1: error: HG601" in done.stdout
    assert "about/index.html" not in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


def test_hg601_near_miss_disclaimer_present(tmp_path: Path) -> None:
    project = build_fixture(tmp_path)
    site = _built_site(tmp_path, with_disclaimer=True)
    done = run_cli(project, "check", "--built", str(site))
    assert "HG601" not in done.stdout
    # This hand-made folder holds no article pages: the gate says so (HG609) and nothing else.
    assert set(re.findall(r"error: (HG\d+)", done.stdout)) == {"HG609"}, done.stdout + done.stderr


def test_hg610_publish_refuses_a_placeholder_site_url(tmp_path: Path) -> None:
    project = build_fixture(tmp_path)                       # the fixture's site_url is https://example.org/
    assert run_cli(project, "check").returncode == 0, "a local check does not judge the address"
    done = run_cli(project, "check", "--publish")
    assert done.returncode == 1, done.stdout + done.stderr
    line = next(n for n, text in enumerate((project / "mkdocs.yml").read_text().splitlines(), 1) if text.startswith("site_url:"))
    assert f"mkdocs.yml:{line}:11: error: HG610 site_url 'https://example.org/' is a placeholder" in done.stdout
    assert "hint: Set site_url" in done.stdout and "Traceback" not in done.stdout + done.stderr


def test_hg610_near_miss_a_real_address(tmp_path: Path) -> None:
    project = build_fixture(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("https://example.org/", "https://guide.foot-to-back.org/"))
    done = run_cli(project, "check", "--publish")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "HG610" not in done.stdout
