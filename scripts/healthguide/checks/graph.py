"""HG2xx: the pillar/spoke topic graph, decided once every page is loaded."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..analysis.similar import LazyIndex
from ..findings import CODES, Finding, Severity, finding
from ..model import LinkKind, Page, PageType, Site
from ..settings import Settings

PILLAR_MISSING = CODES.define("HG201", "pillar-not-found", Severity.ERROR, "a spoke's `pillar` names a page that does not exist")
NOT_A_PILLAR = CODES.define("HG202", "pillar-wrong-type", Severity.ERROR, "a spoke's `pillar` names a page whose type is not pillar")
RELATED_MISSING = CODES.define("HG203", "related-not-found", Severity.ERROR, "a `related` entry names a page that does not exist")
ORPHAN = CODES.define("HG204", "orphan-page", Severity.WARN, "a page is neither in the navigation nor linked from any page")
SELF_LINK = CODES.define("HG205", "related-self", Severity.WARN, "a page lists itself as its pillar or as related")


def check(site: Site, settings: Settings) -> Iterator[Finding]:
    yield from relate(site, site.pages.values(), settings)
    yield from whole(site, settings)


def relate(site: Site, pages: Iterable[Page], settings: Settings) -> Iterator[Finding]:
    """Each of ``pages`` in turn: its pillar and related pages, against the pages they name."""
    known = LazyIndex(lambda: site.pages)
    for page in pages:
        yield from _pillar(site, page, known)
        yield from _related(site, page, known)


def whole(site: Site, settings: Settings) -> Iterator[Finding]:
    """What only the whole site decides: the pages nothing reaches."""
    yield from _orphans(site)


def suggest_page(pages: LazyIndex, target: str) -> str:
    guess = pages.closest(target, 0.5)
    return f"Did you mean '{guess}'?" if guess else "Paths are relative to docs/, e.g. foot-back-connection/index.md."


def _pillar(site: Site, page: Page, pages: LazyIndex) -> Iterator[Finding]:
    target = page.front.pillar
    if page.type is not PageType.SPOKE or target is None:
        return
    pos = page.pos_of("pillar")
    if target == page.path:
        yield finding(SELF_LINK, page.path, pos.line, pos.col, "a spoke cannot be its own pillar")
    elif target not in site.pages:
        yield finding(PILLAR_MISSING, page.path, pos.line, pos.col, f"pillar '{target}' does not exist", suggest_page(pages, target))
    elif site.pages[target].type is not PageType.PILLAR:
        kind = site.pages[target].type
        yield finding(NOT_A_PILLAR, page.path, pos.line, pos.col,
                      f"pillar '{target}' is a {kind.value if kind else 'page without a valid type'}, not a pillar",
                      "Point `pillar:` at an overview page whose front matter says `type: pillar`.")


def _related(site: Site, page: Page, pages: LazyIndex) -> Iterator[Finding]:
    pos = page.pos_of("related")
    for item, target in zip(page.front.related_written, page.front.related, strict=True):
        if target == page.path:
            yield finding(SELF_LINK, page.path, pos.line, pos.col, f"page lists itself in `related` ('{item}')")
        elif target not in site.pages:
            yield finding(RELATED_MISSING, page.path, pos.line, pos.col, f"related page '{item}' does not exist", suggest_page(pages, target))


def _orphans(site: Site) -> Iterator[Finding]:
    if site.nav_paths is None:
        return  # MkDocs puts every page in the navigation
    reached = set(site.nav_paths)
    for page in site.pages.values():
        reached.update(link.target for link in page.links if link.kind is LinkKind.PAGE and link.target)
        if page.front.pillar:
            reached.add(page.front.pillar)
        reached.update(page.front.related)
    for path in site.pages:
        if path not in reached and path != "index.md":
            yield finding(ORPHAN, path, 1, 1, "no navigation entry or page links here, so readers cannot find it",
                          "Add it to `nav:` in mkdocs.yml or link to it from a related page.")
