"""What a check keeps for the next one (``SiteAssembler.remember`` and ``warm``), and each page's index view.

A cross-page family is judged in two parts (``healthguide.relations``): each page against the pages it looks up
(its *relations*: the findings, and which other pages were read to reach them), and the rest from every page's
*index view*, a few facts per page (the pages it links to or names, the keys it cites, its front matter, the
self-check it hosts). A warm check re-judges a page only when its own record or one of the pages it read changed,
and runs the whole parts again only when an index view changed; both are kept here, by page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple, Protocol

from ..findings import Finding
from ..model import Citation, Link, LinkKind, Page, Position, Site

_NOWHERE = Position(0, 0)


class Related(NamedTuple):
    """One page's cross-page findings: its load findings and every family's ``relate`` findings on it."""

    reads: frozenset[str]          # the other pages looked up while it was judged
    found: tuple[Finding, ...]


class Cross(NamedTuple):
    """Every cross-page finding of a site, kept by what it depends on."""

    relations: Mapping[str, Related]   # path -> the page's own cross-page findings
    views: Mapping[str, Page]          # path -> its index view (:func:`index_view`)
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

    def whole(self, site: Site, index: Mapping[str, Page]) -> tuple[Finding, ...]:
        """The whole parts, judged on ``site`` with the index views for its pages."""


def index_view(page: Page) -> Page:
    """What the families' ``whole`` parts read from a page, and nothing else: its front matter, the pages it links
    to (once each, without places), the keys it cites (once each), and the self-check it hosts, if it does.

    Two pages with equal views give the whole parts the same findings; a view is a few hundred bytes."""
    targets = sorted({link.target for link in page.links if link.kind is LinkKind.PAGE and link.target})
    host = tuple(m for m in page.markers if m[0] == "self-check")
    return Page(
        path=page.path, meta={}, meta_pos={}, front_matter_pos=page.front_matter_pos, front=page.front,
        links=tuple(Link("", LinkKind.PAGE, _NOWHERE, target=t) for t in targets),
        citations=tuple(Citation(k, _NOWHERE) for k in sorted({c.key for c in page.citations})),
        markers=host, raw_html=page.raw_html if host else (),
    )
