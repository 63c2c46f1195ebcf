"""Cross-page findings judged page by page, with what each judgement read (see :mod:`healthguide.load.snapshot`).

Every cross-page family of the catalogue is in two parts: ``relate`` judges each page in turn against the pages it
looks up in ``site.pages`` (a link's target, a spoke's pillar), and ``whole`` judges what only every page together
decides (orphans, unused references, the self-check) from each page's index view. :class:`Relations` runs them for
the whole path and the warm one alike, and notes, for each page, which other pages were looked up while it was
judged: a warm check then re-judges only the pages whose record, or one of whose looked-up pages' records, changed.

Listing the pages (``iter(site.pages)``, what "did you mean" hints read) is not noted: the page list is in the
snapshot's key, so a page added or removed takes the whole path anyway.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping, Sequence

from .catalogue import CATALOGUE, Catalogue
from .findings import Finding
from .load.snapshot import Cross, Related, View, index_view, view_page
from .model import Page, Site
from .settings import Settings


class _Traced(Mapping[str, Page]):
    """``site.pages``, noting each page looked up (by key) into ``reads`` while a page is judged."""

    def __init__(self, pages: Mapping[str, Page]) -> None:
        self.pages = pages
        self.reads: set[str] = set()

    def __getitem__(self, key: str) -> Page:
        self.reads.add(key)
        return self.pages[key]

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str):
            self.reads.add(key)
        return key in self.pages

    def __iter__(self) -> Iterator[str]:
        return iter(self.pages)

    def __len__(self) -> int:
        return len(self.pages)


class Relations:
    """The catalogue's cross-page families for one configuration's settings (``CrossJudge`` of the assembler)."""

    def __init__(self, settings: Settings, catalogue: Catalogue = CATALOGUE) -> None:
        self.settings = settings
        self.families = catalogue.site_families(settings.health)
        self.dropped = frozenset() if settings.health else catalogue.health_only_codes()

    def all(self, site: Site) -> Cross:
        """Every cross-page finding of ``site`` (its pages' load findings included), kept by what it depends on."""
        index = {path: index_view(page) for path, page in site.pages.items()}
        return Cross(self.relate(site, list(site.pages)), index, self.whole(site, index))

    def relate(self, site: Site, paths: Sequence[str]) -> dict[str, Related]:
        """Each page of ``paths``: its load findings and every family's ``relate`` findings, with the pages read."""
        traced = _Traced(site.pages)
        view = dataclasses.replace(site, pages=traced)
        found: dict[str, list[Finding]] = {}
        reads: dict[str, set[str]] = {}
        for path in paths:
            found[path] = [f for f in site.pages[path].load_findings if f.code not in self.dropped]
            reads[path] = set()
        current = ""

        def each() -> Iterator[Page]:
            """The pages in turn: what is looked up, and found, until the next is asked for belongs to this one."""
            nonlocal current
            for path in paths:
                current, traced.reads = path, reads[path]
                yield site.pages[path]

        for family in self.families:
            if family.relate is not None:
                for item in family.relate(view, each(), self.settings):
                    found[current].append(item)
        return {path: Related(frozenset(reads[path] - {path}), tuple(found[path])) for path in paths}

    def whole(self, site: Site, views: Mapping[str, View]) -> tuple[Finding, ...]:
        """The families' ``whole`` parts, judged on ``site`` with its pages made from ``views`` (every page's index
        view), so that the warm check and the whole path judge them from the same facts."""
        made: dict[str, object] = {}     # links and citations, shared between the views (view_page)
        light = dataclasses.replace(site, pages={path: view_page(view, made) for path, view in views.items()})
        return tuple(f for family in self.families if family.whole is not None
                     for f in family.whole(light, self.settings))
