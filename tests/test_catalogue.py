"""Every check family, driven by data: tests/cases/<family>.yaml.

Each case overlays files on the clean fixture site; markers on the offending lines say which
finding must appear there. A case without markers is a near miss and must produce nothing.
The full text of every finding (path, line, column, code, message, hint) is held in a golden
snapshot, tests/snapshots/<family>.txt, so a changed message shows up in review.
`UPDATE_SNAPSHOTS=1 make test` (or the same variable on a pytest run) rewrites the snapshots.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from healthguide.core import check_site
from support import CASES, TODAY, build_fixture, expected_findings, load_cases, snapshot

FAMILIES = sorted(p.stem for p in CASES.glob("*.yaml"))
ALL_CASES = [(family, case) for family in FAMILIES for case in load_cases(family)]


def test_base_fixture_is_clean(tmp_path: Path) -> None:
    project = build_fixture(tmp_path)
    result = check_site(project / "mkdocs.yml", TODAY)
    assert result.findings == []


@pytest.mark.parametrize(("family", "case"), ALL_CASES, ids=[f"{f}:{c.name}" for f, c in ALL_CASES])
def test_case(tmp_path: Path, family: str, case) -> None:  # type: ignore[no-untyped-def]
    project = build_fixture(tmp_path, case)
    result = check_site(project / "mkdocs.yml", TODAY)
    got = {(f.path, f.line, f.code) for f in result.findings}
    assert got == expected_findings(project, case), "\n".join(
        f"{f.path}:{f.line}:{f.col} {f.code} {f.message}" for f in result.findings)
    snapshot(family, case.name, "\n".join(
        f"{f.path}:{f.line}:{f.col} {f.severity.value} {f.code} {f.message}" + (f"\n    hint: {f.hint}" if f.hint else "")
        for f in result.findings))
