"""HG3xx: internal links, images and anchors, judged against the rendered pages."""

from __future__ import annotations

import difflib
import posixpath
from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from ..findings import CODES, Finding, Severity, finding
from ..model import Link, LinkKind, Page, Site
from ..settings import Settings

PAGE_MISSING = CODES.define("HG301", "link-target-missing", Severity.ERROR, "a link points to a page or file that does not exist")
ANCHOR_MISSING = CODES.define("HG302", "anchor-missing", Severity.ERROR, "a link's #anchor is not an id on the target page")
IMAGE_MISSING = CODES.define("HG303", "image-missing", Severity.ERROR, "an image file does not exist")
ABSOLUTE = CODES.define("HG304", "absolute-link", Severity.WARN, "a link starts with `/`, which breaks when the site is not at the domain root")
OUTSIDE = CODES.define("HG305", "link-outside-docs", Severity.ERROR, "a relative link climbs out of docs/")


def check(site: Site, settings: Settings) -> Iterator[Finding]:
    for page in site.pages.values():
        for link in page.links:
            yield from _check_link(site, page, link)


def _check_link(site: Site, page: Page, link: Link) -> Iterator[Finding]:
    pos = link.pos
    if link.kind is LinkKind.ABSOLUTE:
        yield finding(ABSOLUTE, page.path, pos.line, pos.col, f"absolute link '{link.href}'",
                      "Use a path relative to this page, e.g. ../footwear/index.md.")
        return
    if link.kind not in (LinkKind.PAGE, LinkKind.ASSET, LinkKind.FRAGMENT) or link.target is None:
        return
    target = link.target
    if target.startswith("../") or target == "..":
        yield finding(OUTSIDE, page.path, pos.line, pos.col, f"link '{link.href}' points outside docs/",
                      "Link only to files inside docs/, or use a full https:// address.")
        return
    if link.kind is LinkKind.ASSET:
        if target not in site.assets:
            code = IMAGE_MISSING if link.is_image else PAGE_MISSING
            yield finding(code, page.path, pos.line, pos.col, f"'{link.href}' does not exist (looked for docs/{target})",
                          _suggest(target, site.assets | set(site.pages), page.path))
        return
    dest = site.pages.get(target)
    if dest is None:
        yield finding(PAGE_MISSING, page.path, pos.line, pos.col, f"link to '{link.href}': page docs/{target} does not exist",
                      _suggest(target, set(site.pages), page.path))
        return
    if link.fragment and link.fragment not in dest.anchors and not dest.load_findings:
        guess = difflib.get_close_matches(link.fragment, sorted(dest.anchors), n=1, cutoff=0.5)
        where = "this page" if dest.path == page.path else f"'{dest.path}'"
        yield finding(ANCHOR_MISSING, page.path, pos.line, pos.col, f"anchor '#{link.fragment}' not found on {where}",
                      f"Did you mean '#{guess[0]}'?" if guess else "Anchors are heading ids: check the heading's wording on the target page.")


def _suggest(target: str, candidates: AbstractSet[str], from_page: str) -> str:
    guess = difflib.get_close_matches(target, sorted(candidates), n=1, cutoff=0.5)
    if not guess:
        return "Check the spelling and the path: links are relative to this page's folder."
    rel = posixpath.relpath(guess[0], posixpath.dirname(from_page) or ".")
    return f"Did you mean '{rel}'?"
