"""schema.org structured data from front matter: MedicalWebPage (about, audience, publisher), BreadcrumbList, FAQPage.

Built from the site model (raw front matter, never the theme's escaped copies) and serialised
with :func:`json.dumps`. :func:`script_json` makes the text safe inside
``<script type="application/ld+json">``: ``</`` becomes ``<\\/`` and ``<!--`` is broken up,
so no title can close the script element or open a comment.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from html.parser import HTMLParser
from typing import Any

from ..analysis.evidence import EvidenceKind, evidence_of, jsonld_properties
from ..load.references import year_of
from ..model import Page, PageType, Reference, Site
from .render import PageContext, page_url


def script_json(data: Mapping[str, Any]) -> str:
    """JSON for an inline script element: valid JSON, and it cannot break out of the element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("<!--", "\\u003c!--")


def absolute(site_url: str, url: str) -> str:
    return site_url.rstrip("/") + "/" + url.lstrip("/") if site_url else url


# Tags that name a health condition: `about` says MedicalCondition for these, Thing for the rest
# (a tag such as "gait", "footwear" or "insoles" is a topic, not a condition).
CONDITION_TAGS = frozenset({
    "plantar fasciitis", "heel pain", "low back pain", "flat feet", "high arches", "cavus foot", "sciatica",
    "nerve entrapment", "tarsal tunnel", "cauda equina", "leg length difference", "obesity",
})


def about_entry(name: str) -> dict[str, str]:
    """What a page is about: a MedicalCondition when the tag names one, otherwise a Thing."""
    return {"@type": "MedicalCondition" if name.lower() in CONDITION_TAGS else "Thing", "name": name}


def _article(ref: Reference) -> dict[str, Any]:
    data = ref.data
    evidence = evidence_of(ref)
    # A guideline is advice from a panel, not a research article: schema.org's MedicalGuideline, kept a
    # CreativeWork too because `citation` expects one.
    guideline = evidence is not None and evidence.kind is EvidenceKind.GUIDELINE
    kind: str | list[str] = ["CreativeWork", "MedicalGuideline"] if guideline else "ScholarlyArticle"
    item: dict[str, Any] = {"@type": kind, "name": str(data.get("title") or ref.id)}
    ids = []
    if ref.doi:
        ids.append({"@type": "PropertyValue", "propertyID": "DOI", "value": ref.doi})
        item["url"] = "https://doi.org/" + ref.doi
    if ref.pmid:
        ids.append({"@type": "PropertyValue", "propertyID": "PMID", "value": ref.pmid})
        item.setdefault("url", f"https://pubmed.ncbi.nlm.nih.gov/{ref.pmid}/")
    if ids:
        item["identifier"] = ids
    elif ref.url:
        item["url"] = ref.url
    year = year_of(data)
    if year and year[:4].isdigit():
        item["datePublished"] = year[:4]
    container = data.get("container-title")
    if isinstance(container, str) and container.strip():
        item["isPartOf"] = {"@type": "Periodical", "name": container.strip()}
    if not guideline:
        item.update(jsonld_properties(ref))   # its study design, from references.yaml `evidence:`
    return item


def medical_web_page(site: Site, page: Page, ctx: PageContext, site_url: str, use_directory_urls: bool = True,
                     articles: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """MedicalWebPage for a pillar or spoke: who wrote it, when it was reviewed, what it cites.

    ``articles``: each reference's citation entry by key, shared by the pages of one build (made once, never changed).
    """
    url = absolute(site_url, page_url(page.path, use_directory_urls))
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": page.title,
        "url": url,
        "inLanguage": "en",
    }
    if page.front.description:
        data["description"] = page.front.description
    tags = list(page.front.tags)
    data["about"] = [about_entry(t) for t in tags] or about_entry(page.title)
    data["audience"] = "https://schema.org/Patient"
    if ctx.byline and ctx.byline.last_reviewed:
        data["lastReviewed"] = ctx.byline.last_reviewed
    if ctx.byline and ctx.byline.reviewer:
        data["reviewedBy"] = {"@type": "Person", "name": ctx.byline.reviewer}
    authors = [site.authors[a] for a in page.front.authors if a in site.authors]
    if authors:
        data["author"] = [{"@type": "Organization" if "team" in a.id else "Person", "name": a.name} for a in authors]
    # The publisher is the editorial team (an organisation in authors.yml), never a made-up person.
    team = next((a for a in site.authors.values() if "team" in a.id), None)
    if team is not None:
        data["publisher"] = {"@type": "Organization", "name": team.name}
    cited = list(dict.fromkeys(c.key for c in page.citations))
    refs = [site.references[k] for k in cited if k in site.references]
    if refs:
        made = articles if articles is not None else {}
        data["citation"] = [made[r.id] if r.id in made else made.setdefault(r.id, _article(r)) for r in refs]
    return data


def breadcrumbs(site_url: str, trail: list[tuple[str, str]]) -> dict[str, Any]:
    """BreadcrumbList from (name, site-relative url) pairs, home first."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": name, "item": absolute(site_url, url)}
            for i, (name, url) in enumerate(trail, start=1)
        ],
    }


def page_trail(site: Site, page: Page, ctx: PageContext, use_directory_urls: bool = True) -> list[tuple[str, str]]:
    home = site.pages.get("index.md")
    trail = [(home.title if home else "Home", "")]
    if page.path == "index.md":
        return trail
    if ctx.pillar:
        trail.append((ctx.pillar.title, ctx.pillar.url))
    trail.append((page.title, page_url(page.path, use_directory_urls)))
    return trail


def page_scripts(site: Site, page: Page, ctx: PageContext, site_url: str, use_directory_urls: bool = True,
                 articles: dict[str, dict[str, Any]] | None = None) -> tuple[str, ...]:
    """Every JSON-LD block a page carries, ready for `<script type="application/ld+json">`."""
    blocks = []
    if page.type is not None and page.type is not PageType.PAGE:
        blocks.append(medical_web_page(site, page, ctx, site_url, use_directory_urls, articles))
    blocks.append(breadcrumbs(site_url, page_trail(site, page, ctx, use_directory_urls)))
    return tuple(script_json(b) for b in blocks)


# FAQPage: from the page as rendered. Questions are `## …?` headings; the answer is what follows.

class _FaqParser(HTMLParser):
    _SKIP_CLASSES = ("headerlink", "hg-cite", "hg-cite__preview")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[tuple[str, list[str]]] = []
        self._in_h2 = False
        self._heading: list[str] = []
        self._skip_depth = 0
        self._stack: list[bool] = []
        self._stop = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        skip = any(c in self._SKIP_CLASSES for c in classes) or tag in ("script", "style")
        if tag in ("section",) and "hg-references" in classes:
            self._stop = True
        if tag not in ("br", "img", "hr", "meta", "link", "input", "wbr"):
            self._stack.append(skip)
            self._skip_depth += skip
        if tag == "h2":
            self._in_h2, self._heading = True, []
        elif tag in ("p", "li") and self.items:
            self.items[-1][1].append(" ")

    def handle_endtag(self, tag: str) -> None:
        if self._stack:
            self._skip_depth -= self._stack.pop()
        if tag == "h2" and self._in_h2:
            self._in_h2 = False
            self.items.append(("".join(self._heading).strip(), []))

    def handle_data(self, data: str) -> None:
        if self._skip_depth or self._stop:
            return
        if self._in_h2:
            self._heading.append(data)
        elif self.items:
            self.items[-1][1].append(data)


def faq_items(html: str) -> Iterator[tuple[str, str]]:
    """(question, answer) pairs: every h2 ending in '?' and the plain text up to the next h2."""
    parser = _FaqParser()
    parser.feed(html)
    parser.close()
    for question, parts in parser.items:
        answer = re.sub(r"\s+", " ", "".join(parts)).strip()
        answer = re.sub(r"\s+([.,;:!?])", r"\1", answer)
        if question.endswith("?") and answer:
            yield question, answer


def faq_page(html: str) -> str | None:
    """FAQPage JSON-LD for a rendered page, or None when it has no question headings."""
    items = list(faq_items(html))
    if not items:
        return None
    return script_json({
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {"@type": "Question", "name": q, "acceptedAnswer": {"@type": "Answer", "text": a}} for q, a in items
        ],
    })


def with_page_scripts(site: Site, contexts: Mapping[str, PageContext], site_url: str,
                      use_directory_urls: bool = True) -> dict[str, PageContext]:
    """Each page's context with its JSON-LD (``extra["jsonld"]``): for the plugin and healthguide.extension alike."""
    articles: dict[str, dict[str, Any]] = {}   # each reference's citation entry, made once, not once per page citing it
    return {p: replace(ctx, extra={**ctx.extra, "jsonld": page_scripts(site, site.pages[p], ctx, site_url, use_directory_urls,
                                                                       articles)})
            for p, ctx in contexts.items()}


def jsonld_blocks(ctx: PageContext, path: str, content: str) -> tuple[str, ...]:
    """The JSON-LD blocks a page shows: its own, plus the FAQPage read from the FAQ's rendered answers."""
    faq = faq_page(content) if path == "faq.md" else None
    return (*ctx.extra.get("jsonld", ()), *([faq] if faq else []))  # type: ignore[misc]
