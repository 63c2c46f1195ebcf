"""The one site assembler: every path that builds a :class:`~healthguide.model.Site` goes through here.

* the command line: every page is read and rendered here (``load_site``);
* the MkDocs plugin: pages MkDocs renders are handed in (:meth:`SiteAssembler.add_rendered`) with what
  our Markdown extension saw while MkDocs converted them; every page MkDocs did not render this time
  (``serve --dirty`` skips unchanged pages, MkDocs refuses undecodable ones) is taken from the previous
  build's model when its bytes are unchanged, else read and rendered here.

Either way the assembler owns what makes a model: decoding and size limits, front matter, source
lines, the page cache, link resolution against the full page list, symbolic-link findings, the files
under docs/ (never the theme's), references and authors, and the site-wide facts of the analysis layer.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import markdown

from ..analysis.review import review_of, reviewers
from ..findings import Finding, finding
from ..model import Author, Page, Reference, Site
from . import sitefacts
from .cache import PageCache, config_key, content_hash
from .care import from_extension_configs
from .loader import (
    MARKDOWN_CONFIG,
    OnParsed,
    discover,
    loadable_extensions,
    new_extension,
    new_markdown,
    parse_pages,
    read_bytes,
    rendered_page,
    resolve_links,
    symlink_findings,
)
from .mdext import HealthGuideExtension, ParseResult
from .references import load_authors, load_references
from .siteconfig import SiteConfig, nav_paths

T = TypeVar("T")


@dataclass(frozen=True)
class Memory:
    """The model of each page from the last build, by content digest (kept by ``mkdocs serve``)."""

    key: str = ""                                             # the configuration and references.yaml it was made with
    pages: Mapping[str, tuple[str, Page]] = field(default_factory=dict)   # path -> (digest, page)


class SiteAssembler:
    """Collects pages for one build and assembles the site model once they are all in."""

    def __init__(self, config: SiteConfig, *, today: dt.date | None = None, use_cache: bool = True,
                 variant: str = "check", memory: Memory | None = None, on_parsed: OnParsed | None = None) -> None:
        """``on_parsed(done, total)`` is told as pages the cache did not have are parsed (a progress line)."""
        self.config = config
        self.variant = variant
        self.on_parsed = on_parsed
        self.today = today or dt.date.today()
        settings, docs = config.settings, config.docs_dir
        refs_path = docs / settings.references
        refs_key = _digest(refs_path)
        self.store = (PageCache.for_config(config, variant=variant, extra=refs_key if variant != "check" else "")
                      if use_cache else None)
        self.references: dict[str, Reference] = {}
        self.authors: dict[str, Author] = {}
        self.site_findings: list[Finding] = []
        if settings.health:  # profile: generic reads no references or authors
            self.references, ref_findings = self._remember("references", refs_path,
                                                           lambda: load_references(refs_path, settings.references))
            authors_path = docs / settings.authors
            self.authors, author_findings = self._remember("authors", authors_path,
                                                           lambda: load_authors(authors_path, settings.authors))
            self.site_findings = [*ref_findings, *author_findings]
        memory_key = f"{config_key(config)}:{refs_key}"
        self.memory = memory if memory is not None and memory.key == memory_key else Memory(memory_key)
        self.rendered: dict[str, tuple[str | None, Page]] = {}
        self._md: tuple[markdown.Markdown, HealthGuideExtension] | None = None

    def _remember(self, name: str, path: Path, compute: Callable[[], T]) -> T:
        return compute() if self.store is None else self.store.remember(name, path, compute)

    def add_rendered(self, path: str, data: bytes | OSError, result: ParseResult | None, page: Page | None = None) -> Page:
        """A page another renderer (MkDocs) converted with our extension; ``result`` is what it saw.

        ``page``: its model, when it was already built from these very bytes and result (by
        :mod:`healthguide.load.pipeline`'s worker)."""
        digest = PageCache.key_for(data)
        if page is None:
            page = rendered_page(path, data, result, self.config.settings.max_file_bytes)
        self.rendered[path] = (digest, page)
        if self.store is not None and digest:
            self.store.put(path, digest, page)
        return page

    def assemble(self) -> Site:
        """Every page under docs/ in one model: links resolved against all of them, site-wide facts derived."""
        config, settings, docs = self.config, self.config.settings, self.config.docs_dir
        page_paths, files = discover(docs) if docs.is_dir() else ([], set())
        md, ext, problem = self._markdown()
        site_findings = [*self.site_findings, *problem, *(symlink_findings(docs) if docs.is_dir() else [])]
        store = None if problem else self.store     # the fallback renderer's results must not be kept
        loaded: dict[str, Page] = {}
        digests: dict[str, str | None] = {}
        todo: list[tuple[str, bytes | OSError]] = []
        for path in page_paths:
            if path in self.rendered:
                digests[path], loaded[path] = self.rendered[path]
                continue
            data = read_bytes(docs / path)
            digest = digests[path] = PageCache.key_for(data)
            remembered = self.memory.pages.get(path)
            cached = None
            if digest and remembered and remembered[0] == digest:
                cached = remembered[1]
            elif store is not None and digest:
                cached = store.get(path, digest)
            if cached is None:
                todo.append((path, data))
            else:
                loaded[path] = cached
        if self.store is not None:
            self.store.release()
        for (path, _), page in zip(todo, parse_pages(config, self.references, md, ext, todo, self.on_parsed),
                                   strict=True):
            loaded[path] = page
            digest = digests[path]
            if store is not None and digest:
                store.put(path, digest, page)
        if self.store is not None:
            self.store.keep_only(page_paths)
            self.store.save()
        self.memory = Memory(self.memory.key, {p: (d, loaded[p]) for p, d in digests.items() if d})
        names = set(loaded)
        urls = sitefacts.page_urls(names, config.use_directory_urls)   # once per site, not per page
        pages = {path: resolve_links(loaded[path], names, config.use_directory_urls, files, urls) for path in page_paths}
        theme = sitefacts.theme_files(config.raw, config.path)  # favicon and the like: published beside the docs
        return Site(
            config_path=str(config.path), docs_dir=str(docs), pages=pages, references=self.references,
            references_path=settings.references, authors=self.authors, authors_path=settings.authors,
            nav_paths=nav_paths(config.nav), assets=frozenset(files) | theme, today=self.today,
            load_findings=tuple(site_findings),
            # the build itself runs the site's hooks and plugins: nothing it renders is left unverified
            build_changers=() if self.variant == "build" else sitefacts.build_time_changers(config.raw, config.path),
            use_directory_urls=config.use_directory_urls,
            reviews={p: r for p, page in pages.items() if (r := review_of(page.front, settings.review_interval_months))},
            reviewers=reviewers(self.authors),
            care=from_extension_configs(config.extension_configs, docs),
            digests={p: d for p, d in digests.items() if d},
        )

    def _markdown(self) -> tuple[markdown.Markdown, HealthGuideExtension, list[Finding]]:
        """Our own renderer with the site's extensions; if one cannot load, HG020 and the rest of them."""
        ext = new_extension(self.config, self.references)
        try:
            return new_markdown(self.config, ext), ext, []
        except Exception as err:  # noqa: BLE001 - any extension may fail to import or configure
            config_rel = Path(os.path.relpath(self.config.path, self.config.docs_dir)).as_posix()  # docs-relative
            md = markdown.Markdown(extensions=[*loadable_extensions(self.config), ext],
                                   extension_configs=self.config.extension_configs)
            return md, ext, [finding(MARKDOWN_CONFIG, config_rel, 1, 1, f"markdown_extensions: {err}")]


def _digest(path: Path) -> str:
    try:
        return content_hash(path.read_bytes())
    except OSError:
        return "missing"


def load_site(config: SiteConfig, today: dt.date | None = None, use_cache: bool = True,
              on_parsed: OnParsed | None = None) -> Site:
    """The whole site from its files (the command line's path). ``use_cache``: see :mod:`healthguide.load.cache`;
    ``on_parsed``: see :class:`SiteAssembler`."""
    return SiteAssembler(config, today=today, use_cache=use_cache, on_parsed=on_parsed).assemble()
