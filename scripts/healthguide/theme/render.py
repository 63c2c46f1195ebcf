"""What the theme shows from metadata: spokes of a pillar, a spoke's pillar and related pages, the byline.

Plain data for the templates (the packaged theme, healthguide/theme/templates/); no HTML is built here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..analysis import evidence
from ..model import Page, PageType, Site
from ..settings import Settings


@dataclass(frozen=True)
class PageLink:
    title: str
    url: str            # site-root relative, for the theme's `url` filter
    description: str = ""


@dataclass(frozen=True)
class Byline:
    authors: tuple[str, ...]
    reviewer: str | None
    last_reviewed: str | None       # ISO dates: the template formats them
    next_review: str | None


@dataclass(frozen=True)
class PageContext:
    medical: bool
    disclaimer: str
    byline: Byline | None = None
    pillar: PageLink | None = None
    spokes: tuple[PageLink, ...] = ()
    related: tuple[PageLink, ...] = ()
    extra: dict[str, object] = field(default_factory=dict)


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def readable_date(iso: str | None) -> str:
    """'2026-11-23' -> '23 November 2026': fixed English month names, never the machine's locale."""
    if not iso:
        return ""
    try:
        d = dt.date.fromisoformat(str(iso))
    except ValueError:
        return str(iso)
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def page_url(path: str, use_directory_urls: bool = True) -> str:
    """The URL MkDocs gives a docs-relative Markdown path."""
    stem = path[:-3]
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


def contexts(site: Site, settings: Settings, use_directory_urls: bool = True) -> dict[str, PageContext]:
    def link(path: str) -> PageLink | None:
        page = site.pages.get(path)
        if page is None:
            return None
        return PageLink(page.title, page_url(path, use_directory_urls), page.front.description or "")

    spokes_of: dict[str, list[str]] = {}
    for page in site.pages.values():
        if page.type is PageType.SPOKE and page.front.pillar:
            spokes_of.setdefault(page.front.pillar, []).append(page.path)

    out = {}
    for path, page in site.pages.items():
        spokes = tuple(sorted((item for p in spokes_of.get(path, []) if (item := link(p))), key=lambda item: item.title.lower()))
        out[path] = PageContext(
            medical=bool(page.type and page.type.is_medical),
            disclaimer=settings.disclaimer,
            byline=_byline(site, page, settings),
            pillar=link(page.front.pillar) if page.type is PageType.SPOKE and page.front.pillar else None,
            spokes=spokes if page.type is PageType.PILLAR else (),
            # A pillar already lists its spokes (the topic map): a related page is shown once.
            related=tuple(item for p in page.front.related if p not in spokes_of.get(path, ()) and (item := link(p))),
            extra={"evidence_summary": evidence.summary(site, path, lambda p: page_url(p, use_directory_urls))}
            if page.type is PageType.PILLAR else {},
        )
    return out


def _byline(site: Site, page: Page, settings: Settings) -> Byline | None:
    if not (page.type and page.type.is_medical):
        return None
    authors = tuple(site.authors[a].name for a in page.front.authors if a in site.authors)
    reviewer = site.authors.get(page.front.reviewed_by) if page.front.reviewed_by is not None else None
    review = site.reviews.get(page.path)
    return Byline(
        authors=authors,
        reviewer=reviewer.name if reviewer and reviewer.id in site.reviewers else None,
        last_reviewed=review.last.isoformat() if review else None,
        next_review=review.due.isoformat() if review else None,
    )


def as_template_data(ctx: PageContext) -> Mapping[str, object]:
    """Jinja reads attributes fine; this just documents the shape the templates use."""
    return {"hg": ctx}
