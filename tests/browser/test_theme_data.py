"""What the theme is given, without a browser: JSON-LD, the topic map, dates and the sitemap."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from markupsafe import Markup

from healthguide.theme.render import PageContext, PageLink, readable_date
from healthguide.theme.structured import about_entry, faq_items, script_json
from healthguide.theme.topicmap import topic_map
from support import ROOT, TODAY, build_fixture

EVIL = '</script><script>alert(1)</script><!-- & "quotes"'


def test_script_json_cannot_close_the_script_element() -> None:
    text = script_json({"name": EVIL})
    assert "</" not in text and "<!--" not in text
    assert json.loads(text) == {"name": EVIL}


def test_dates_are_readable_and_locale_free() -> None:
    assert readable_date("2026-11-23") == "23 November 2026"
    assert readable_date("2027-01-05") == "5 January 2027"
    assert readable_date(None) == ""
    assert readable_date("soon") == "soon"


def test_topic_map_is_one_list_of_links_with_escaped_text() -> None:
    spokes = (PageLink(EVIL, "a/"), PageLink("Flat feet", "b/", "Low arches."))
    html = str(topic_map(PageContext(True, "d", spokes=spokes), Markup("Overview &amp; more"), ["../a/", "../b/"]))
    assert html.count("<a ") == 2 and 'href="../a/"' in html and 'href="../b/"' in html, "every article is a link, once"
    assert "<script" not in html and "&lt;/script&gt;" in html
    assert "Overview &amp; more" in html and "&amp;amp;" not in html, "an escaped title is not escaped twice"
    assert "Low arches." in html
    assert 'href="a/"' in str(topic_map(PageContext(True, "d", spokes=spokes), "x")), "without hrefs: the site URLs"
    assert str(topic_map(PageContext(True, "d"), "No spokes")) == ""
    assert topic_map(PageContext(True, "d", spokes=spokes), "x") == topic_map(PageContext(True, "d", spokes=spokes), "x")


def test_faq_items_come_from_question_headings() -> None:
    html = ('<p>Intro.</p><h2 id="a">Can flat feet cause back pain?<a class="headerlink" href="#a">¶</a></h2>'
            '<p>Probably not<sup class="hg-cite"><a class="hg-cite__link">1</a><span class="hg-cite__preview">Ref</span></sup>.</p>'
            '<ul><li>One.</li><li>Two.</li></ul><h2 id="b">More reading</h2><p>Skip.</p>'
            '<section class="hg-references"><h2>References</h2><ol><li>Ref</li></ol></section>')
    assert list(faq_items(html)) == [("Can flat feet cause back pain?", "Probably not. One. Two.")]


def _build(project: Path, out: Path) -> Path:
    env = {**os.environ, "HEALTHGUIDE_TODAY": TODAY.isoformat(), "PYTHONPATH": str(ROOT / "scripts"), "SOURCE_DATE_EPOCH": "0"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(out)],
                          cwd=project, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


def _jsonld(html: str) -> list[dict[str, object]]:
    return [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def test_built_pages_carry_structured_data_and_a_clock_free_sitemap(tmp_path: Path) -> None:
    site = _build(build_fixture(tmp_path), tmp_path / "site")
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert re.findall(r"<lastmod>(.*?)</lastmod>", sitemap) == ["2026-06-01", "2026-06-01"]   # pillar and spoke only
    spoke = (site / "topic" / "flat-feet" / "index.html").read_text(encoding="utf-8")
    blocks = {b["@type"]: b for b in _jsonld(spoke)}
    page = blocks["MedicalWebPage"]
    assert page["lastReviewed"] == "2026-06-01" and page["name"] == "Flat feet and back pain"
    assert "reviewedBy" not in page, "no reviewer in front matter, none claimed"
    ids = [i["propertyID"] for c in page["citation"] for i in c.get("identifier", [])]   # type: ignore[union-attr]
    kinds = sorted(str(c["@type"]) for c in page["citation"])  # type: ignore[union-attr]
    assert kinds == ["ScholarlyArticle", "['CreativeWork', 'MedicalGuideline']"], "a guideline is not a research article"
    assert "DOI" in ids or "PMID" in ids
    crumbs = [i["name"] for i in blocks["BreadcrumbList"]["itemListElement"]]  # type: ignore[index]
    assert crumbs == ["Home", "The topic overview", "Flat feet and back pain"]
    assert page["audience"] == "https://schema.org/Patient"
    assert page["publisher"] == {"@type": "Organization", "name": page["author"][0]["name"]}  # type: ignore[index]
    assert page["about"] == {"@type": "Thing", "name": "Flat feet and back pain"}, "no tags: the page title, a topic"
    assert about_entry("Plantar fasciitis") == {"@type": "MedicalCondition", "name": "Plantar fasciitis"}
    assert about_entry("gait")["@type"] == "Thing"
    assert '<meta property="og:url" content="https://example.org/topic/flat-feet/">' in spoke
    assert '<link rel="canonical" href="https://example.org/topic/flat-feet/">' in spoke
    assert "1 June 2026" in spoke and "1 June 2027" in spoke
    pillar = (site / "topic" / "index.html").read_text(encoding="utf-8")
    assert 'class="hg-topicmap__link" href="flat-feet/">Flat feet and back pain</a>' in pillar


def test_the_real_faq_page_is_an_faqpage(tmp_path: Path) -> None:
    site = _build(ROOT, tmp_path / "site")
    blocks = {b["@type"]: b for b in _jsonld((site / "faq" / "index.html").read_text(encoding="utf-8"))}
    questions = blocks["FAQPage"]["mainEntity"]
    assert len(questions) >= 5  # type: ignore[arg-type]
    for q in questions:  # type: ignore[union-attr]
        assert q["name"].endswith("?") and len(q["acceptedAnswer"]["text"]) > 40
        assert "[" not in q["acceptedAnswer"]["text"], "citation markers and previews are left out"
