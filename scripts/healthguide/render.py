"""What the theme shows from metadata: spokes of a pillar, a spoke's pillar and related pages, the byline.

Plain data for templates (overrides/); no HTML is built here.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field

from . import evidence
from .checks.authors import is_reviewer
from .checks.review import review_dates
from .model import Page, PageType, Site
from .settings import Settings


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
        desc = page.meta.get("description")
        return PageLink(page.title, page_url(path, use_directory_urls), desc if isinstance(desc, str) else "")

    spokes_of: dict[str, list[str]] = {}
    for page in site.pages.values():
        pillar = page.meta.get("pillar")
        if page.type is PageType.SPOKE and isinstance(pillar, str):
            spokes_of.setdefault(posixpath.normpath(pillar), []).append(page.path)

    out = {}
    for path, page in site.pages.items():
        spokes = tuple(sorted((item for p in spokes_of.get(path, []) if (item := link(p))), key=lambda item: item.title.lower()))
        related_paths = [posixpath.normpath(r) for r in page.meta.get("related") or [] if isinstance(r, str)]
        out[path] = PageContext(
            medical=bool(page.type and page.type.is_medical),
            disclaimer=settings.disclaimer,
            byline=_byline(site, page, settings),
            pillar=link(posixpath.normpath(page.meta["pillar"])) if page.type is PageType.SPOKE and isinstance(page.meta.get("pillar"), str) else None,
            spokes=spokes if page.type is PageType.PILLAR else (),
            # A pillar already lists its spokes (the topic map): a related page is shown once.
            related=tuple(item for p in related_paths if p not in spokes_of.get(path, ()) and (item := link(p))),
            extra={"evidence_summary": evidence.summary(site, path, lambda p: page_url(p, use_directory_urls))}
            if page.type is PageType.PILLAR else {},
        )
    return out


def _byline(site: Site, page: Page, settings: Settings) -> Byline | None:
    if not (page.type and page.type.is_medical):
        return None
    authors = tuple(site.authors[a].name for a in page.meta.get("authors") or [] if isinstance(a, str) and a in site.authors)
    reviewer_id = page.meta.get("reviewed_by")
    reviewer = site.authors.get(reviewer_id) if isinstance(reviewer_id, str) else None
    dates = review_dates(page, settings)
    return Byline(
        authors=authors,
        reviewer=reviewer.name if reviewer and is_reviewer(reviewer.role) else None,
        last_reviewed=dates[0].isoformat() if dates else None,
        next_review=dates[1].isoformat() if dates else None,
    )


def as_template_data(ctx: PageContext) -> Mapping[str, object]:
    """Jinja reads attributes fine; this just documents the shape the templates use."""
    return {"hg": ctx}
