"""Reporters: GitHub annotations (escaped, one per finding, on the right line) and the online Markdown report."""

from __future__ import annotations

from healthguide import report
from healthguide.findings import Finding, Severity
from healthguide.online.report import markdown


def test_github_annotations_levels_and_escaping() -> None:
    found = [
        Finding("docs/a b.md", 7, 3, "HG301", "link to 'x.md': 100% gone, see a,b", "Did you mean\n'y.md'?"),
        Finding("docs/b.md", 2, 1, "HG204", "orphan", severity=Severity.WARN),
        Finding("docs/c.md", 1, 1, "HG999", "note: something", severity=Severity.INFO),
    ]
    lines = report.github(found).splitlines()
    assert lines[0] == ("::error file=docs/a b.md,line=7,col=3,title=HG301 link-target-missing::"
                        "link to 'x.md': 100%25 gone, see a,b%0ADid you mean%0A'y.md'?")
    assert lines[1].startswith("::warning file=docs/b.md,line=2,col=1,title=HG204 orphan-page::orphan")
    assert lines[2].startswith("::notice file=docs/c.md,line=1,col=1,title=HG999::note: something")
    assert lines[3] == "1 error(s), 1 warning(s), 1 note(s)"


def test_github_property_escaping() -> None:
    line = report.github([Finding("docs/a:b,c.md", 1, 1, "HG301", "m")]).splitlines()[0]
    assert line.startswith("::error file=docs/a%3Ab%2Cc.md,line=1,")


def test_markdown_report() -> None:
    found = [Finding("docs/references.yaml", 4, 1, "HG460", "DOI 'x|y' does not exist", "Copy it again.")]
    text = markdown("Reference identifiers", found, [("DOIs", 3)])
    assert text.startswith("## Reference identifiers\n")
    assert "| DOIs | 3 |" in text
    assert "| `docs/references.yaml:4` | ❌ error | HG460 doi-not-found | DOI 'x\\|y' does not exist | Copy it again. |" in text
    assert "Nothing to fix." in markdown("Links", [], [])
