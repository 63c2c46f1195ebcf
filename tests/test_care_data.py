"""The warning-signs data and what it generates, without a browser (the pages themselves: tests/cases/care.yaml)."""

from __future__ import annotations

from pathlib import Path

import markdown

from healthguide.core import check_site
from healthguide.load import care
from healthguide.theme import care as care_render
from support import ROOT, TODAY

DATA = care.load_care(ROOT / "docs" / "care" / "warning-signs.yaml", "care/warning-signs.yaml")


def test_the_real_site_configures_the_extension_and_has_no_care_findings() -> None:
    result = check_site(ROOT / "mkdocs.yml", TODAY)
    assert result.site.care is not None and result.site.care.signs
    assert [f for f in result.findings if f.code.startswith("HG54")] == []


def test_every_sign_has_a_source_that_was_read() -> None:
    for sign in DATA.signs:
        assert sign.sources and all(s in DATA.sources for s in sign.sources), sign.id
    for source in DATA.sources.values():
        assert source.url.startswith(("https://", "http://")) and source.title, source.id


def test_the_care_section_puts_emergency_first_and_call_999_first() -> None:
    text = care_render.care_section(DATA, "foot-back-connection/stretches.md")
    assert text.startswith("## When to get help {#when-to-get-help}")
    boxes = [line for line in text.splitlines() if line.startswith(("!!!", "???"))]
    assert boxes[0].startswith('!!! care-emergency "Call 999')
    assert [b.split()[1] for b in boxes] == ["care-emergency", "care-urgent", "care-routine"]


def test_the_section_renders_with_the_sites_extensions() -> None:
    md = markdown.Markdown(extensions=["admonition", "attr_list", "pymdownx.details", "toc", "fenced_code",
                                       care_render.CareExtension(data=str(ROOT / "docs" / "care" / "warning-signs.yaml"))])
    html = md.convert("Intro.\n\n<!-- healthguide:care foot-back-connection/stretches.md -->\n\n```\n<!-- healthguide:care x.md -->\n```\n")
    assert '<h2 id="when-to-get-help">' in html and html.count('id="when-to-get-help"') == 1
    assert "&lt;!-- healthguide:care x.md --&gt;" in html, "a marker inside fenced code is left alone"
    for sign in DATA.signs_for("foot-back-connection/stretches.md"):
        assert sign.text.split(",")[0] in html


def test_an_unreadable_file_still_tells_the_reader_to_call_999(tmp_path: Path) -> None:
    bad = tmp_path / "signs.yaml"
    bad.write_text("levels: [unclosed\n", encoding="utf-8")
    assert care.load_care(bad, "signs.yaml").problems
    md = markdown.Markdown(extensions=["admonition", "attr_list", care_render.CareExtension(data=str(bad))])
    html = md.convert("<!-- healthguide:care a.md -->\n")
    assert 'id="when-to-get-help"' in html and "call 999 or go to A&amp;E" in html


def test_markers_are_found_with_their_lines_outside_code() -> None:
    body = "a\n<!-- healthguide:care p.md -->\n```\n<!-- healthguide:self-check -->\n```\n!!! care-urgent \"x\"\n"
    assert list(care.markers(body, 10)) == [("care", "p.md", 11), ("box", "care-urgent", 15)]
