"""What a check keeps for the next one (``SiteAssembler.remember`` and ``warm``), and each page's index view.

A cross-page family is judged in two parts (``healthguide.relations``): each page against the pages it looks up
(its *relations*: the findings, and which other pages were read to reach them), and the rest from every page's
*index view*, a few facts per page (the pages it links to or names, the keys it cites, its front matter, the
self-check it hosts). A warm check re-judges a page only when its own record or one of the pages it read changed,
and runs the whole parts again only when an index view changed; both are kept here, by page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple, Protocol

from ..findings import Finding
from ..model import Citation, Link, LinkKind, Page, PageMeta, PageType, Position, RawHtml, Site

_NOWHERE = Position(0, 0)
View = tuple[Any, ...]      # plain data (pickled fast; compared by value): see index_view


class Related(NamedTuple):
    """One page's cross-page findings: its load findings and every family's ``relate`` findings on it."""

    reads: frozenset[str]          # the other pages looked up while it was judged
    found: tuple[Finding, ...]


class Cross(NamedTuple):
    """Every cross-page finding of a site, kept by what it depends on."""

    relations: Mapping[str, Related]   # path -> the page's own cross-page findings
    views: Mapping[str, View]          # path -> its index view (:func:`index_view`)
    whole: tuple[Finding, ...]         # the families' ``whole`` parts, judged from the index views

    def findings(self) -> list[Finding]:
        return [*(f for related in self.relations.values() for f in related.found), *self.whole]


class Entry(NamedTuple):
    """A page as the last check saw it."""

    digest: str | None                           # of its bytes (None: never cached)
    cross: str                                   # of what cross-page families read from it (cache.cross_digest)
    local: Mapping[str, tuple[Finding, ...]]     # its own findings, by family


class Snapshot(NamedTuple):
    """The last check: every page (:class:`Entry`) and its cross-page findings (:class:`Cross`)."""

    pages: Mapping[str, Entry]
    cross: Cross


class CrossJudge(Protocol):
    """The cross-page families, as the assembler calls them (``healthguide.relations.Relations``)."""

    def relate(self, site: Site, paths: Sequence[str]) -> dict[str, Related]:
        """Each page of ``paths`` judged against the pages of ``site`` it looks up."""

    def whole(self, site: Site, views: Mapping[str, View]) -> tuple[Finding, ...]:
        """The whole parts, judged on ``site`` with its pages made from their index views (:func:`view_page`)."""


def index_view(page: Page) -> View:
    """What the families' ``whole`` parts read from a page, and nothing else, as plain data: its type, pillar and
    related pages, the pages it links to (once each, without places), the keys it cites (once each), and the
    self-check it hosts, if it does. Two pages with equal views give the whole parts the same findings."""
    front = page.front
    host = tuple(m for m in page.markers if m[0] == "self-check")
    return (
        page.path, page.front_matter_pos.line, page.front_matter_pos.col,
        front.type.value if front.type is not None else None, front.pillar, front.related,
        tuple(sorted({link.target for link in page.links if link.kind is LinkKind.PAGE and link.target})),
        tuple(sorted({c.key for c in page.citations})),
        host, tuple((r.html, r.pos.line, r.pos.col) for r in page.raw_html) if host else (),
    )


def view_page(view: View, made: dict[str, Any] | None = None) -> Page:
    """A page made from its index view: what the whole parts read, nothing else (not a page to judge otherwise).

    ``made``: links and citations already made for other views, by target and key, shared (they carry no place and
    are frozen): the whole parts read every page's view, and most pages link to and cite what others do."""
    path, line, col, kind, pillar, related, targets, keys, host, raw = view
    made = {} if made is None else made
    links = []
    for target in targets:
        link = made.get(target)
        if link is None:
            link = made[target] = Link("", LinkKind.PAGE, _NOWHERE, target=target)
        links.append(link)
    citations = []
    for key in keys:
        citation = made.get("@" + key)
        if citation is None:
            citation = made["@" + key] = Citation(key, _NOWHERE)
        citations.append(citation)
    return Page(
        path=path, meta={}, meta_pos={}, front_matter_pos=Position(line, col),
        front=PageMeta(type=PageType(kind) if kind is not None else None, pillar=pillar, related=related),
        links=tuple(links), citations=tuple(citations),
        markers=host, raw_html=tuple(RawHtml(h, Position(a, b)) for h, a, b in raw),
    )
