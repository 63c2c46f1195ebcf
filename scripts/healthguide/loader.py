"""Load a whole site once into the immutable :class:`~healthguide.model.Site`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import posixpath
from collections.abc import Iterable, Mapping
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown

from . import frontmatter
from .findings import CODES, Finding, Severity, finding
from .locate import Locator
from .mdext import HealthGuideExtension, ParseResult
from .model import (Citation, Link, LinkKind, Page, Position, RawHtml, Reference, Sentence, Site)
from .references import load_authors, load_references
from .siteconfig import SiteConfig, nav_paths

MARKDOWN_CONFIG = CODES.define("HG020", "markdown-config", Severity.ERROR,
                               "a `markdown_extensions` entry in mkdocs.yml cannot be loaded")
RENDER_FAILED = CODES.define("HG021", "render-failed", Severity.ERROR,
                             "the Markdown renderer failed on this page")

_UNSAFE_SCHEMES = ("javascript", "vbscript", "data")


def new_markdown(config: SiteConfig, ext: HealthGuideExtension) -> markdown.Markdown:
    """A Markdown instance with the site's own extensions plus ours (anchors as the site renders them)."""
    return markdown.Markdown(extensions=[*config.markdown_extensions, ext], extension_configs=config.extension_configs)


def discover(docs_dir: Path) -> tuple[list[str], set[str]]:
    """Markdown pages and other files under docs/, as MkDocs sees them (dot-files excluded)."""
    pages: list[str] = []
    files: set[str] = set()
    for root, dirs, names in os.walk(docs_dir, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel_root = Path(root).relative_to(docs_dir).as_posix()
        for name in sorted(names):
            if name.startswith("."):
                continue
            rel = name if rel_root == "." else f"{rel_root}/{name}"
            if name.endswith(".md"):
                pages.append(rel)
            else:
                files.add(rel)
    return pages, files


def load_site(config: SiteConfig, today: dt.date | None = None) -> Site:
    settings = config.settings
    docs = config.docs_dir
    references, ref_findings = load_references(docs / settings.references, settings.references)
    authors, author_findings = load_authors(docs / settings.authors, settings.authors)
    site_findings: list[Finding] = [*ref_findings, *author_findings]
    ext = HealthGuideExtension(references, render=False)
    try:
        md = new_markdown(config, ext)
    except Exception as err:  # noqa: BLE001 - any extension may fail to import or configure
        site_findings.append(finding(MARKDOWN_CONFIG, config.path.name, 1, 1, f"markdown_extensions: {err}"))
        md = markdown.Markdown(extensions=[ext])
    page_paths, files = discover(docs) if docs.is_dir() else ([], set())
    pages = {path: load_page(path, _read_bytes(docs / path), md, ext, settings.max_file_bytes) for path in page_paths}
    pages = {path: resolve_links(page, set(pages)) for path, page in pages.items()}
    return Site(
        config_path=str(config.path), docs_dir=str(docs), pages=pages, references=references,
        references_path=settings.references, authors=authors, authors_path=settings.authors,
        nav_paths=nav_paths(config.nav), assets=frozenset(files), today=today or dt.date.today(), load_findings=tuple(site_findings),
    )


def _read_bytes(path: Path) -> bytes | OSError:
    try:
        return path.read_bytes()
    except OSError as err:
        return err


def load_page(path: str, data: bytes | OSError, md: markdown.Markdown, ext: HealthGuideExtension,
              max_bytes: int) -> Page:
    """Read, split and render one page. Never raises: problems become findings on the page."""
    if isinstance(data, OSError):
        return _broken(path, finding(frontmatter.UNREADABLE, path, 1, 1, f"cannot read file: {data.strerror or data}"))
    text, problems = frontmatter.decode(path, data, max_bytes)
    if text is None:
        return _broken(path, *problems)
    part = frontmatter.split(path, text)
    md.reset()
    try:
        md.convert(part.body)
        result = ext.result or ParseResult()
    except Exception as err:  # noqa: BLE001 - a third-party extension may choke on odd input
        return _broken(path, finding(RENDER_FAILED, path, part.body_line, 1, f"Markdown could not be rendered: {err!r}"),
                       meta=part.meta, meta_pos=part.meta_pos)
    return page_from_result(path, part, result)


def page_from_result(path: str, part: frontmatter.Split, result: ParseResult) -> Page:
    where = Locator(part.body, part.body_line)
    links = tuple(Link(href, LinkKind.EXTERNAL, where.find(href), is_image=img) for href, img in result.links)
    citations = tuple(Citation(key, where.find("@" + key)) for key in result.citations)
    sentences = tuple(Sentence(text, keys, where.find_words(text)) for text, keys in result.sentences_raw)
    raw = tuple(RawHtml(html, where.find(html.strip().split("\n")[0][:60])) for html in result.raw_html)
    raw += tuple(RawHtml(f'<{tag} {attr}="{value}">' if attr else f"<{tag}>", where.find(attr + "=" if attr else "<" + tag))
                 for tag, attr, value in result.element_attrs)
    admonitions = tuple((kind, where.find(kind, Position(part.body_line))) for kind in result.admonitions)
    return Page(
        path=path, meta=part.meta, meta_pos=part.meta_pos, front_matter_pos=part.start,
        anchors=frozenset(result.anchors), links=links + _raw_html_links(raw), citations=citations,
        sentences=sentences, raw_html=raw, admonitions=admonitions, text="\n".join(result.text),
        load_findings=part.findings,
    )


def _broken(path: str, *found: Finding, meta: Mapping[str, object] | None = None,
            meta_pos: Mapping[str, Position] | None = None) -> Page:
    return Page(path=path, meta=dict(meta or {}), meta_pos=dict(meta_pos or {}), front_matter_pos=Position(1),
                load_findings=tuple(found))


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is not None and ((tag == "a" and name == "href") or (tag == "img" and name == "src")):
                self.links.append((value, tag == "img"))


def _raw_html_links(raw: Iterable[RawHtml]) -> tuple[Link, ...]:
    out = []
    for block in raw:
        parser = _LinkParser()
        parser.feed(block.html)
        out.extend(Link(href, LinkKind.EXTERNAL, block.pos, is_image=img) for href, img in parser.links)
    return tuple(out)


def resolve_links(page: Page, pages: set[str]) -> Page:
    """Classify each link and resolve relative ones to docs-relative targets."""
    resolved = tuple(classify(page.path, link, pages) for link in page.links)
    return dataclasses.replace(page, links=resolved)


def classify(page_path: str, link: Link, pages: set[str]) -> Link:
    href = link.href.strip()
    parts = urlsplit(href)
    scheme = parts.scheme.lower()
    if scheme in _UNSAFE_SCHEMES or href.lower().replace(" ", "").startswith(tuple(s + ":" for s in _UNSAFE_SCHEMES)):
        return Link(link.href, LinkKind.UNSAFE, link.pos, is_image=link.is_image)
    if scheme or parts.netloc:
        return Link(link.href, LinkKind.EXTERNAL, link.pos, is_image=link.is_image)
    if href.startswith("/"):
        return Link(link.href, LinkKind.ABSOLUTE, link.pos, fragment=unquote(parts.fragment), is_image=link.is_image)
    if not parts.path:
        return Link(link.href, LinkKind.FRAGMENT, link.pos, target=page_path, fragment=unquote(parts.fragment))
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), unquote(parts.path)))
    if not target.endswith(".md") and not link.is_image:
        for candidate in (target + ".md", posixpath.join(target, "index.md")):
            if candidate in pages:
                target = candidate
                break
    kind = LinkKind.PAGE if target.endswith(".md") else LinkKind.ASSET
    return Link(link.href, kind, link.pos, target=target, fragment=unquote(parts.fragment), is_image=link.is_image)
