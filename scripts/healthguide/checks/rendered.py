"""HG602–HG609: the built HTML shows what the renderer must put on a page, whatever engine built it.

An engine that silently skips the ``healthguide`` plugin still writes pages; these codes notice. Each
built file is matched to its source through the site model (the URL MkDocs publishes a page at), so
an article (``type: pillar`` or ``spoke``) is held to its own front matter: the top disclaimer, the
byline, the review dates, its reference list when it cites, and its MedicalWebPage JSON-LD. On every
page, raw ``[@key]`` text or the CSP placeholder means the renderer did not run. A pure function of
the site model and the built texts: reading the files is the core's job.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser

from ..findings import CODES, Finding, Severity, finding
from ..load.mdext import CITATION_RE, REFS_CLASS
from ..load.sitefacts import page_urls
from ..model import Page, Site
from ..settings import Settings
from ..theme.csp import PLACEHOLDER

TOP_DISCLAIMER = CODES.define("HG602", "top-disclaimer-missing", Severity.ERROR,
                              "a built article has no top disclaimer (the hg-disclaimer--top block)")
BYLINE = CODES.define("HG603", "byline-missing", Severity.ERROR, "a built article has no byline")
REVIEW_DATES = CODES.define("HG604", "review-dates-missing", Severity.ERROR,
                            "a built article whose source has review dates does not show them")
REFERENCES = CODES.define("HG605", "reference-list-missing", Severity.ERROR,
                          "a built page whose source cites has no reference list")
STRUCTURED = CODES.define("HG606", "structured-data-missing", Severity.ERROR,
                          "a built article has no MedicalWebPage JSON-LD")
RAW_CITATION = CODES.define("HG607", "raw-citation", Severity.ERROR,
                            "raw citation syntax ([@key]) left in a built page's text")
CSP_PLACEHOLDER = CODES.define("HG608", "csp-placeholder", Severity.ERROR,
                               "the Content-Security-Policy placeholder was left in a built page")
NOT_BUILT = CODES.define("HG609", "article-not-built", Severity.ERROR,
                         "an article in the sources has no built page")

_CITATION = re.compile(CITATION_RE)
_SKIP = {"code", "pre", "script", "style", "textarea"}   # text in these is not rendered prose
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_FIX = "Build with the healthguide plugin enabled (mkdocs.yml `plugins:`), or with an engine that runs its renderer."


@dataclass
class _Facts:
    """What one built page shows, as far as the gate cares."""

    classes: set[str] = field(default_factory=set)
    review_times: int = 0
    jsonld: list[str] = field(default_factory=list)
    raw_citation: tuple[int, int] | None = None


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.facts = _Facts()
        self._skip = 0              # depth inside code/pre/script/style
        self._in_review = 0         # depth inside <dl class="hg-review">
        self._jsonld: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = set((values.get("class") or "").split())
        self.facts.classes |= classes
        if tag == "script" and (values.get("type") or "").strip().lower() == "application/ld+json":
            self._jsonld = []
        if tag in _SKIP:
            self._skip += 1
        if (self._in_review or "hg-review" in classes) and tag not in _VOID:
            self._in_review += 1
            if tag == "time" and values.get("datetime"):
                self.facts.review_times += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.facts.classes |= set((dict(attrs).get("class") or "").split())

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self._skip:
            self._skip -= 1
        if tag == "script" and self._jsonld is not None:
            self.facts.jsonld.append("".join(self._jsonld))
            self._jsonld = None
        if self._in_review:
            self._in_review -= 1

    def handle_data(self, data: str) -> None:
        if self._jsonld is not None:
            self._jsonld.append(data)
        if self._skip or self.facts.raw_citation is not None:
            return
        m = _CITATION.search(data)
        if m:
            line, col = self.getpos()
            before = data[:m.start()]
            self.facts.raw_citation = (line + before.count("\n"),
                                       (m.start() - before.rfind("\n") if "\n" in before else col + m.start() + 1))


def _scan(text: str) -> _Facts:
    scanner = _Scanner()
    done = 0
    for start, end in _quiet_spans(text):
        scanner.feed(text[done:start])
        clean = not (scanner.rawdata or scanner.cdata_elem or scanner._skip or scanner._in_review)
        # at a token boundary, outside code and the review block: parsing the span would change nothing the
        # gate reads, so the parser steps over a comment of the same length and lines (positions stay right)
        scanner.feed(_blank(text[start:end]) if clean else text[start:end])
        done = end
    scanner.feed(text[done:])
    scanner.close()
    return scanner.facts


# Material's site navigation is on every built page and holds every page's title, so parsing it makes the
# gate grow with the site's size squared; it holds nothing the gate looks for. It is stepped over only when
# its text proves that: no script, style, code, comment or time element, no hg- class, no citation syntax.
_PRIMARY_NAV = '<nav class="md-nav md-nav--primary"'
_NAV_TAG = re.compile(r"<(/?)nav\b", re.I)
# what would change a fact: these start tags (a start tag has no space after "<"), a comment or CDATA, our classes
_LOUD = ("<script", "<style", "<pre", "<code", "<textarea", "<time", "<!", "-->", "hg-", "ld+json")


def _quiet_spans(text: str) -> Iterator[tuple[int, int]]:
    start = text.find(_PRIMARY_NAV)
    if start < 0:
        return
    depth = 0
    for m in _NAV_TAG.finditer(text, start):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            end = text.find(">", m.end())
            if end < 0:
                return
            span = text[start:end + 1]
            if not _PLAIN_ENTITIES.issuperset(_ENTITY.findall(span)):
                span = html.unescape(span)   # an entity could spell a class name or a citation
            lower = span.lower()
            if not (any(word in lower for word in _LOUD) or _CITATION.search(span)):
                yield start, end + 1
            return


_ENTITY = re.compile(r"&[#\w]+;?")
_PLAIN_ENTITIES = frozenset({"&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&#x27;"})   # none spells a letter, [, @ or -


def _blank(span: str) -> str:
    """A comment that leaves the parser where ``span`` would: as many line breaks, and its last line as long."""
    breaks = span.count("\n")
    if not breaks:
        return "<!--" + " " * (len(span) - 7) + "-->"
    return "<!--" + "\n" * breaks + " " * (len(span) - span.rfind("\n") - 4) + "-->"


def _types(data: object) -> Iterator[str]:
    """Every schema.org @type in a JSON-LD value (objects, lists and @graph)."""
    if isinstance(data, list):
        for item in data:
            yield from _types(item)
    elif isinstance(data, dict):
        kind = data.get("@type")
        yield from ([kind] if isinstance(kind, str) else kind if isinstance(kind, list) else [])
        yield from _types(data.get("@graph", []))


def _has_medical_page(blocks: list[str]) -> bool:
    for block in blocks:
        try:
            if "MedicalWebPage" in _types(json.loads(block)):
                return True
        except ValueError:
            continue
    return False


def built_path(url: str) -> str:
    """The file a site-relative page URL is written to (``a/`` -> ``a/index.html``)."""
    return url + "index.html" if url == "" or url.endswith("/") else url


def check_built_pages(site: Site, pages: Mapping[str, str], settings: Settings) -> Iterator[Finding]:
    """Findings on the built site: ``pages`` maps each built file (site-relative, posix) to its HTML."""
    sources = {built_path(url): site.pages[path] for url, path in page_urls(site.pages, site.use_directory_urls).items()}
    for rel in sorted(pages):       # one page's HTML at a time: ``pages`` may read each from disk when asked
        yield from _check_page(rel, pages[rel], sources.get(rel), settings)
    if settings.health:
        for rel, page in sorted(sources.items()):
            if page.type and page.type.is_medical and rel not in pages:
                yield finding(NOT_BUILT, rel, 1, 1, f"{page.path} ({page.type.value}) has no built page {rel}",
                              "Check the build's output folder and `exclude_docs`/`not_in_nav` in mkdocs.yml; rebuild the site.")


def _check_page(rel: str, text: str, page: Page | None, settings: Settings) -> Iterator[Finding]:
    facts = _scan(text)
    at = text.find(PLACEHOLDER)
    if at >= 0:
        line = text.count("\n", 0, at) + 1
        yield finding(CSP_PLACEHOLDER, rel, line, at - text.rfind("\n", 0, at), f"{rel} still carries the CSP placeholder "
                      f"{PLACEHOLDER}: the browser will block the theme's inline scripts", _FIX)
    if facts.raw_citation is not None:
        yield finding(RAW_CITATION, rel, *facts.raw_citation, f"{rel} shows raw citation syntax ([@key]) instead of a numbered citation", _FIX)
    if page is None:
        return
    if page.citations and REFS_CLASS not in facts.classes:
        yield finding(REFERENCES, rel, 1, 1, f"{rel} (from {page.path}, which cites) has no reference list", _FIX)
    if not (settings.health and page.type and page.type.is_medical):
        return
    what = f"{rel} (article {page.path})"
    if "hg-disclaimer--top" not in facts.classes:
        yield finding(TOP_DISCLAIMER, rel, 1, 1, f"{what} has no top disclaimer",
                      "Keep partials/hg-disclaimer-top.html (the packaged theme, or your overrides/) in the page template; " + _FIX)
    if "hg-byline" not in facts.classes:
        yield finding(BYLINE, rel, 1, 1, f"{what} has no byline (who wrote it, whether a clinician reviewed it)",
                      "Keep partials/hg-byline.html in partials/content.html (the packaged theme, or your overrides/); " + _FIX)
    if page.front.last_reviewed is not None and facts.review_times < 2:
        yield finding(REVIEW_DATES, rel, 1, 1, f"{what} does not show its last and next review dates",
                      "Keep the hg-review block in partials/hg-after-content.html (the packaged theme, or your overrides/); " + _FIX)
    if not _has_medical_page(facts.jsonld):
        yield finding(STRUCTURED, rel, 1, 1, f"{what} has no MedicalWebPage structured data (JSON-LD)",
                      "Keep the JSON-LD loop in partials/hg-head.html (the packaged theme, or your overrides/); " + _FIX)
