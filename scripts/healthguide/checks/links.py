"""HG3xx: internal links, images and anchors, judged against the rendered pages."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from ..analysis.similar import LazyIndex, closest
from ..findings import CODES, Finding, Severity, finding
from ..load import frontmatter
from ..load.sitefacts import folder_index
from ..model import Link, LinkKind, Page, Site
from ..settings import Settings

PAGE_MISSING = CODES.define("HG301", "link-target-missing", Severity.ERROR, "a link points to a page or file that does not exist")
ANCHOR_MISSING = CODES.define("HG302", "anchor-missing", Severity.ERROR, "a link's #anchor is not an id on the target page")
IMAGE_MISSING = CODES.define("HG303", "image-missing", Severity.ERROR, "an image file does not exist")
ABSOLUTE = CODES.define("HG304", "absolute-link", Severity.WARN, "a link starts with `/`, which breaks when the site is not at the domain root")
OUTSIDE = CODES.define("HG305", "link-outside-docs", Severity.ERROR, "a relative link climbs out of docs/")
ANCHOR_UNVERIFIED = CODES.define("HG306", "anchor-unverified", Severity.INFO,
                                 "an anchor is not in the page's Markdown, and a hook or plugin may add it at build time")

# A page whose text never reached the renderer has no anchors to judge by (its own finding says why).
_UNRENDERED = frozenset({frontmatter.UNREADABLE.code, frontmatter.TOO_LARGE.code,
                         "HG021"})  # loader.RENDER_FAILED (the checks never import the loader)


def check(site: Site, settings: Settings) -> Iterator[Finding]:
    return relate(site, site.pages.values(), settings)


def relate(site: Site, pages: Iterable[Page], settings: Settings) -> Iterator[Finding]:
    """Each of ``pages`` in turn, its links judged against the pages and files they reach (all of this family)."""
    hints = _Hints(LazyIndex(lambda: site.pages), LazyIndex(lambda: site.assets | set(site.pages)))
    for page in pages:
        for link in page.links:
            yield from _check_link(site, page, link, hints)


class _Hints(NamedTuple):
    pages: LazyIndex           # "did you mean" for a missing page
    files: LazyIndex           # for a missing file: pages and other files


def _check_link(site: Site, page: Page, link: Link, hints: _Hints) -> Iterator[Finding]:
    pos = link.pos
    if link.kind is LinkKind.ABSOLUTE:
        yield finding(ABSOLUTE, page.path, pos.line, pos.col, f"absolute link '{link.href}'", _relative_hint(site, page, link))
        return
    if link.kind not in (LinkKind.PAGE, LinkKind.ASSET, LinkKind.FRAGMENT) or link.target is None:
        return
    target = link.target
    if target.startswith("../") or target == "..":
        yield finding(OUTSIDE, page.path, pos.line, pos.col, f"link '{link.href}' points outside docs/",
                      "Link only to files inside docs/, or use a full https:// address.")
        return
    if target in site.excluded:
        code = IMAGE_MISSING if link.is_image else PAGE_MISSING
        yield finding(code, page.path, pos.line, pos.col,
                      f"'{link.href}' leads to docs/{target}, which mkdocs.yml leaves out of the site "
                      "(`exclude_docs` or `draft_docs`), so the published link is broken",
                      "Link to a published page or file instead, or take this one out of `exclude_docs`/`draft_docs`.")
        return
    if link.kind is LinkKind.ASSET:
        if target not in site.assets:
            code = IMAGE_MISSING if link.is_image else PAGE_MISSING
            if link.as_written:
                yield finding(code, page.path, pos.line, pos.col,
                              f"'{link.href}' is published as written (MkDocs rewrites only links that name a file), "
                              f"so from this page's URL it leads to '{target}', which the site does not have",
                              _file_hint(site, page, link) or _suggest(target, hints.files, page.path))
            else:
                yield finding(code, page.path, pos.line, pos.col, f"'{link.href}' does not exist (looked for docs/{target})",
                              _suggest(target, hints.files, page.path))
        return
    dest = site.pages.get(target)
    if dest is None:
        yield finding(PAGE_MISSING, page.path, pos.line, pos.col, f"link to '{link.href}': page docs/{target} does not exist",
                      _suggest(target, hints.pages, page.path))
        return
    if link.fragment and link.fragment not in dest.anchors and not _UNRENDERED & {f.code for f in dest.load_findings}:
        guess = closest(link.fragment, dest.anchors, 0.5)
        where = "this page" if dest.path == page.path else f"'{dest.path}'"
        if site.build_changers:
            # Offline, ids a hook or plugin adds during the build cannot be seen: say so, and let the build decide.
            yield finding(ANCHOR_UNVERIFIED, page.path, pos.line, pos.col,
                          f"anchor '#{link.fragment}' is not in the Markdown of {where}; not verified, because "
                          f"{', '.join(site.build_changers)} may add ids at build time",
                          "The build decides: `mkdocs build` with the healthguide plugin checks the ids MkDocs renders."
                          + (f" Did you mean '#{guess}'?" if guess else ""))
            return
        yield finding(ANCHOR_MISSING, page.path, pos.line, pos.col, f"anchor '#{link.fragment}' not found on {where}",
                      f"Did you mean '#{guess}'?" if guess else _anchor_hint(dest))


def _file_hint(site: Site, page: Page, link: Link) -> str | None:
    """For a link MkDocs publishes as written: the file it names from the source folder, if there is one."""
    path = link.href.split("#")[0].split("?")[0]
    base = posixpath.normpath(posixpath.join(posixpath.dirname(page.path), path))
    target = next((c for c in (base + ".md", folder_index(base, site.pages)) if c and c in site.pages), None)
    if target is None:
        return None
    rel = posixpath.relpath(target, posixpath.dirname(page.path) or ".")
    return f"Link to the file itself, '{rel}': MkDocs then writes the URL that works from this page."


def _anchor_hint(dest: Page) -> str:
    ids = sorted(dest.anchors)
    if not ids:
        return f"'{dest.path}' has no ids at all: link to the page without '#…', or add a heading."
    return f"Ids on '{dest.path}' include {', '.join(repr('#' + i) for i in ids[:3])}: link to one of them."


def _relative_hint(site: Site, page: Page, link: Link) -> str:
    """A relative path to the same place, taken from this site's own files."""
    path = link.href.split("#")[0].split("?")[0].lstrip("/")
    stem = path.rstrip("/")
    candidates = [stem, stem + ".md", f"{stem}/index.md", f"{stem}/README.md"] if stem else ["index.md", "README.md"]
    target = next((c for c in candidates if c in site.pages or c in site.assets), None)
    if target is None:
        return "Use a path relative to this page's own file, so the link works wherever the site is served."
    rel = posixpath.relpath(target, posixpath.dirname(page.path) or ".")
    return f"Use a path relative to this page, here '{rel}'."


def _suggest(target: str, candidates: LazyIndex, from_page: str) -> str:
    guess = candidates.closest(target, 0.5)
    if not guess:
        return "Check the spelling and the path: links are relative to this page's folder."
    rel = posixpath.relpath(guess, posixpath.dirname(from_page) or ".")
    return f"Did you mean '{rel}'?"
