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
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple, TypeVar

import markdown

from ..analysis.review import review_of, reviewers
from ..findings import Finding, finding
from ..model import Author, Citation, Link, Page, Position, Reference, Site
from . import sitefacts
from .cache import PageCache, config_key, content_hash, cross_digest, decode_links, extensions_fingerprint, findings_key
from .care import from_extension_configs
from .loader import (
    MARKDOWN_CONFIG,
    Judge,
    OnDisk,
    OnParsed,
    discover,
    loadable_extensions,
    new_extension,
    new_markdown,
    parse_pages,
    read_bytes,
    rendered_page,
    resolve_links,
    split_page,
    symlink_findings,
)
from .mdext import HealthGuideExtension, ParseResult
from .references import load_authors, load_references
from .schema import parse_meta
from .siteconfig import SiteConfig, nav_paths
from .snapshot import Cross, CrossJudge, Entry, Snapshot, index_view

T = TypeVar("T")
WARM_MAX_CHANGED = 64     # pages changed since the snapshot beyond which a warm check takes the whole path


class Survey(NamedTuple):
    """The files under docs/ and each page's digest (None: never cached), read once per assembler."""

    paths: list[str]
    files: set[str]
    excluded: set[str]
    digests: dict[str, str | None]
    data: dict[str, bytes | OSError]       # the bytes of pages without a digest (snippets, unreadable)


class Warm(NamedTuple):
    """A check's findings, before severity, taken from the last check's snapshot (:meth:`SiteAssembler.warm`)."""

    site: list[Finding]         # references, authors, symbolic links: judged afresh
    cross: list[Finding]        # every page's load findings and the site-wide families' findings, as last judged
    local: list[Finding]        # each page's own findings (parsed now, or as stored for its bytes)


@dataclass(frozen=True)
class Memory:
    """The model of each page from the last build, by content digest (kept by ``mkdocs serve``)."""

    key: str = ""                                             # the configuration and references.yaml it was made with
    pages: Mapping[str, tuple[str, Page]] = field(default_factory=dict)   # path -> (digest, page)


class SiteAssembler:
    """Collects pages for one build and assembles the site model once they are all in."""

    def __init__(self, config: SiteConfig, *, today: dt.date | None = None, use_cache: bool = True,
                 variant: str = "check", memory: Memory | None = None, on_parsed: OnParsed | None = None,
                 judge: Judge | None = None) -> None:
        """``on_parsed(done, total)`` is told as pages the cache did not have are parsed (a progress line).

        ``judge`` (healthguide.stream.PageJudge): each page parsed is judged where it is parsed and kept compact;
        the cache then holds compact records (variant ``index``), keyed also by what their findings depend on.
        """
        self.config = config
        self.judge = judge
        if judge is not None:
            variant = "index"
        self.variant = variant
        self.on_parsed = on_parsed
        self.today = today or dt.date.today()
        settings, docs = config.settings, config.docs_dir
        refs_path = docs / settings.references
        refs_key = _digest(refs_path)
        base = config_key(config)     # reads snippet and data files: once per assembler
        extra = "" if variant == "check" else refs_key
        if judge is not None:   # the records carry findings: every setting, references.yaml and the checks' code
            extra = findings_key(config, settings, refs_key, base)
        self.store = PageCache.for_config(config, variant=variant, extra=extra, base=base) if use_cache else None
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
        memory_key = f"{base}:{refs_key}"
        self.memory = memory if memory is not None and memory.key == memory_key else Memory(memory_key)
        self.rendered: dict[str, tuple[str | None, Page]] = {}
        self._md: tuple[markdown.Markdown, HealthGuideExtension, list[Finding]] | None = None
        self._survey: Survey | None = None

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

    def survey(self) -> Survey:
        """Every file under docs/ and the digest of each page not rendered already (read once per assembler).

        With a cache, a page whose stat signature is the one stored with its digest is not read
        (:meth:`PageCache.read`, git's rule for a racily clean file included)."""
        if self._survey is None:
            config, docs = self.config, self.config.docs_dir
            paths, files, excluded = discover(docs, config.is_excluded) if docs.is_dir() else ([], set(), set())
            digests: dict[str, str | None] = {}
            kept: dict[str, bytes | OSError] = {}
            for path in paths:
                if path in self.rendered:
                    continue
                if self.store is not None:
                    digest, data = self.store.read(path, docs / path)
                else:
                    data = read_bytes(docs / path)
                    digest = PageCache.key_for(data)
                digests[path] = digest
                if digest is None and data is not None:
                    kept[path] = data
            self._survey = Survey(paths, files, excluded, digests, kept)
        return self._survey

    def warm(self, judge: CrossJudge) -> Warm | None:
        """A check's findings from the last check's snapshot (:meth:`remember`), or None: then :meth:`assemble`.

        Only the pages whose bytes changed are parsed (or taken from the cache). The snapshot holds while its key
        (:meth:`_cross_key`: the page list, the other files, the settings, the code, references.yaml, authors.yml…)
        does; a page added, removed or renamed takes the whole path. Then only the pages an edit reaches are judged
        again (``judge.relate``, :mod:`healthguide.relations`): those whose cross-page record changed (a link, an
        anchor, front matter, a cited statistic: :func:`~healthguide.load.cache.cross_digest`) and those that looked
        one of them up when last judged, each decoded from the cache with the pages it looks up; the families'
        whole parts run again, over every page's index view, only when a changed page's view changed. An edit to a
        page's text alone judges nothing again and decodes no record.
        """
        store = self.store
        if store is None or self.judge is None or self.rendered or not self._known_to_load():
            return None
        shot = store.snapshot()
        if shot is None or not isinstance(shot[1], Snapshot):
            return None
        then_key, then = shot
        survey = self.survey()
        key = self._cross_key(survey)
        if key != then_key:
            return None
        changed = [p for p in survey.paths if survey.digests[p] is None or then.pages[p].digest != survey.digests[p]]
        if len(changed) > WARM_MAX_CHANGED:
            return None
        fresh: dict[str, Page] = {}
        todo: list[tuple[str, bytes | OSError | OnDisk]] = []
        for path in changed:
            digest = survey.digests[path]
            cached = store.get(path, digest) if digest else None
            if cached is not None:
                fresh[path] = cached
            else:
                todo.append((path, OnDisk(str(self.config.docs_dir / path), digest) if digest else survey.data[path]))
        if todo:
            md, ext, problem = self._markdown()
            if problem:
                return None
            self._hyphenation()
            for path, page, digest in self._parse(todo, md, ext, store):
                fresh[path] = page
                survey.digests[path] = digest
        for path, page in fresh.items():      # assemble() takes them from here if the snapshot does not hold
            self.rendered[path] = (survey.digests[path], page)
        pages = {p: Entry(survey.digests[p], store.crosses.get(p) or cross_digest(fresh[p]), fresh[p].local_findings or {})
                 if p in fresh else then.pages[p] for p in survey.paths}
        moved = {p for p in fresh if pages[p].cross != then.pages[p].cross}
        cross = then.cross
        if moved:
            try:
                cross = self._rejudge(judge, survey, fresh, moved, then.cross)
            except _NotStored:
                return None
        if fresh:
            store.put_snapshot(key, Snapshot(pages, cross))
        store.save()
        docs = self.config.docs_dir
        local = [f for p in survey.paths for found in pages[p].local.values() for f in found]
        return Warm([*self.site_findings, *(symlink_findings(docs) if docs.is_dir() else [])], cross.findings(), local)

    def _rejudge(self, judge: CrossJudge, survey: Survey, fresh: Mapping[str, Page], moved: set[str],
                 then: Cross) -> Cross:
        """``then`` with the pages ``moved`` (whose cross-page record changed) and those that looked one of them up
        judged again, and the whole parts too if a moved page's index view changed."""
        dirty = [p for p in survey.paths if p in moved or then.relations[p].reads & moved]
        names = set(survey.paths)
        config = self.config
        urls = sitefacts.page_urls(names, config.use_directory_urls)
        links_key = self._links_key(survey)
        store = self.store
        assert store is not None

        def load(path: str) -> Page:
            digest = survey.digests[path]
            if path in fresh:
                page = fresh[path]
            else:
                known = store.stored_links(path)
                links = decode_links(known[1]) if known is not None and known[0] == f"{digest}:{links_key}" else None
                found = store.get(path, digest, links) if digest else None
                if found is None:
                    raise _NotStored(path)
                if links is not None:
                    return found
                page = found
            page = resolve_links(page, names, config.use_directory_urls, survey.files, urls)
            if digest:
                store.put_links(path, f"{digest}:{links_key}", page.links)
            return page

        site = self._site(_Stored(survey.paths, load), dict.fromkeys(dirty), [], {})
        relations = {**then.relations, **judge.relate(site, dirty)}
        index = dict(then.views)
        for path in moved:
            index[path] = index_view(site.pages[path])
        whole = then.whole
        if any(index[p] != then.views[p] for p in moved):
            whole = judge.whole(site, index)
        return Cross({p: relations[p] for p in survey.paths}, index, whole)

    def remember(self, site: Site, cross: Cross) -> None:
        """Store ``cross`` (every page's load findings and the site-wide families' findings on ``site``, the model
        :meth:`assemble` made, by what each depends on) for the next check's :meth:`warm`."""
        store = self.store
        if store is None or self.judge is None or self._survey is None or (self._md is not None and self._md[2]):
            return    # nothing to keep, or pages parsed by the fallback renderer (HG020): never kept
        pages = {p: Entry(site.digests.get(p), store.crosses[p], site.pages[p].local_findings or {})
                 for p in self._survey.paths}
        store.put_snapshot(self._cross_key(self._survey), Snapshot(pages, cross))
        store.save()

    def _cross_key(self, survey: Survey) -> str:
        """What the snapshot's findings depend on besides each page's record and what the cache file's key holds (the
        configuration, every setting, references.yaml, the checks' code): the page list, the other files, what
        mkdocs.yml says about them, authors.yml and today's date."""
        config = self.config
        described = (
            self.store.key if self.store is not None else "", str(config.path), str(config.docs_dir),
            _digest(config.docs_dir / config.settings.authors), self.today.isoformat(), config.use_directory_urls,
            survey.paths, sorted(survey.files), sorted(survey.excluded),
            sorted(sitefacts.theme_files(config.raw, config.path, config.engine)), sorted(nav_paths(config.nav) or ["<every page>"]),
            nav_paths(config.nav) is None, sitefacts.build_time_changers(config.raw, config.path, config.engine),
        )
        return content_hash(repr(described).encode("utf-8", "surrogatepass"))

    def _links_key(self, survey: Survey) -> str:
        """What resolving a page's links reads besides the page: the page list, the other files, use_directory_urls."""
        return content_hash(repr((sorted(survey.paths), sorted(survey.files), self.config.use_directory_urls)).encode())

    def assemble(self) -> Site:
        """Every page under docs/ in one model: links resolved against all of them, site-wide facts derived."""
        config, docs = self.config, self.config.docs_dir
        survey = self.survey()
        page_paths = survey.paths
        # HG020 (an extension that cannot load) needs a Markdown instance made, which costs more than a warm run's
        # checks; when this very cache last saw them load (_known_to_load), none is made unless a page is parsed.
        known = self._known_to_load()
        md: markdown.Markdown | None = None
        ext: HealthGuideExtension | None = None
        problem: list[Finding] = []
        if not known:
            md, ext, problem = self._markdown()
        store = None if problem else self.store     # the fallback renderer's results must not be kept
        loaded: dict[str, Page] = {}
        digests: dict[str, str | None] = {}
        todo: list[tuple[str, bytes | OSError | OnDisk]] = []
        # Links as last resolved, reused while the page and what resolution reads are unchanged (compact records only).
        links_key = self._links_key(survey)
        stored_links = store.resolved_links() if store is not None and self.judge is not None else {}
        resolved: dict[str, tuple[Link, ...]] = {}     # path -> links as resolved last time, still right
        for path in page_paths:
            if path in self.rendered:
                digests[path], loaded[path] = self.rendered[path]
                continue
            digest = digests[path] = survey.digests[path]
            remembered = self.memory.pages.get(path)
            cached = None
            if digest and remembered and remembered[0] == digest:
                cached = remembered[1]
            elif store is not None and digest:
                known_links = stored_links.get(path)
                if known_links is not None and known_links[0] == f"{digest}:{links_key}":
                    resolved[path] = decode_links(known_links[1])
                cached = store.get(path, digest, resolved.get(path))
            if cached is None:
                todo.append((path, OnDisk(str(docs / path), digest) if digest else survey.data[path]))
            else:
                loaded[path] = cached
        if todo:
            self._hyphenation()     # before the workers fork: they inherit it
        if self.store is not None:
            self.store.release()
        if todo and md is None:
            md, ext, problem = self._markdown()
            store = None if problem else store
        if not (known or problem) and self.store is not None:
            self.store.note("markdown-extensions-load", extensions_fingerprint(config))
        site_findings = [*self.site_findings, *problem, *(symlink_findings(docs) if docs.is_dir() else [])]
        names = set(page_paths)     # every page ends up in ``loaded``: rendered, cached or parsed below
        urls = sitefacts.page_urls(names, config.use_directory_urls)   # once per site, not per page
        done: dict[str, Page] = {}

        def resolve(path: str) -> None:
            digest = digests[path]
            page = done[path] = resolve_links(loaded[path], names, config.use_directory_urls, survey.files, urls)
            if store is not None and self.judge is not None and digest:
                store.put_links(path, f"{digest}:{links_key}", page.links)

        if md is not None and ext is not None:
            # each parsed page cached and resolved as it comes back, while the workers parse the rest
            for path, page, digest in self._parse(todo, md, ext, store):
                loaded[path] = page
                digests[path] = digest
                resolve(path)
        if self.store is not None and self.judge is not None:   # for remember(): records without a digest too
            for path in page_paths:
                if path not in self.store.crosses:
                    self.store.crosses[path] = cross_digest(loaded[path])
        if self.judge is None:   # kept for `mkdocs serve`'s next build; a check's assembler is used once
            self.memory = Memory(self.memory.key, {p: (d, loaded[p]) for p, d in digests.items() if d})
        pages = {}
        for path in page_paths:
            if path not in done:
                if path in resolved:
                    done[path] = loaded[path]              # decoded with its resolved links
                else:
                    resolve(path)
            pages[path] = done[path]
        if self.store is not None:
            self.store.keep_only(page_paths)
            self.store.save()
        return self._site(pages, pages, site_findings, digests)

    def front_site(self, cited: Mapping[str, Iterable[str]]) -> Site | None:
        """Every page's front matter and the keys it cites (``cited``, by path, as a render read them), and no text.

        What the theme's page data reads (:func:`healthguide.theme.render.contexts`: titles, types, pillars, related
        pages, bylines, review dates, a pillar's evidence summary), without a page's body parsed: the plugin's
        build, whose check runs beside the render, takes it from here rather than wait for the check's model.
        None when the render did not read a page the model holds (``serve --dirty``; MkDocs leaves out a README.md
        beside an index.md): its citations are then known only to the check.
        """
        config, docs = self.config, self.config.docs_dir
        paths, files, excluded = discover(docs, config.is_excluded) if docs.is_dir() else ([], set(), set())
        pages: dict[str, Page] = {}
        for path in paths:
            part = split_page(path, read_bytes(docs / path), config.settings.max_file_bytes)
            if isinstance(part, Page):   # unreadable or too large: the check reports it, and its model has no text
                pages[path] = part
                continue
            if path not in cited:
                return None
            keys = tuple(Citation(key, Position(part.body_line)) for key in cited[path])
            pages[path] = Page(path=path, meta=part.meta, meta_pos=part.meta_pos, front_matter_pos=part.start,
                               citations=keys, front=parse_meta(part.meta))
        return self._site(pages, pages, [], {}, Survey(paths, files, excluded, {}, {}))

    def _site(self, pages: Mapping[str, Page], reviewed: Iterable[str], site_findings: list[Finding],
              digests: Mapping[str, str | None], survey: Survey | None = None) -> Site:
        """The model of ``pages``, with the review dates of the pages ``reviewed`` (a warm check's re-judged ones)."""
        config, settings, docs = self.config, self.config.settings, self.config.docs_dir
        survey = survey or self.survey()
        theme = sitefacts.theme_files(config.raw, config.path, config.engine)  # favicon and the like: published beside the docs
        return Site(
            config_path=str(config.path), docs_dir=str(docs), pages=pages, references=self.references,
            references_path=settings.references, authors=self.authors, authors_path=settings.authors,
            nav_paths=nav_paths(config.nav), assets=frozenset(survey.files) | theme, today=self.today,
            load_findings=tuple(site_findings),
            # the build itself runs the site's hooks and plugins: nothing it renders is left unverified
            build_changers=() if self.variant == "build" else sitefacts.build_time_changers(config.raw, config.path, config.engine),
            use_directory_urls=config.use_directory_urls,
            excluded=frozenset(survey.excluded),
            reviews={p: r for p in reviewed if (r := review_of(pages[p].front, settings.review_interval_months))},
            reviewers=reviewers(self.authors),
            care=from_extension_configs(config.extension_configs, docs),
            digests={p: d for p, d in digests.items() if d},
        )

    def _parse(self, todo: list[tuple[str, bytes | OSError | OnDisk]], md: markdown.Markdown, ext: HealthGuideExtension,
               store: PageCache | None) -> Iterator[tuple[str, Page, str | None]]:
        """Each page of ``todo`` parsed (:func:`parse_pages`, in workers), with the digest of the bytes parsed (a page
        saved meanwhile is cached as it was read), put in ``store``."""
        for (path, _), (page, digest) in zip(todo, parse_pages(self.config, self.references, md, ext, todo,
                                                               self.on_parsed, self.judge), strict=True):
            if store is not None and digest:
                store.put(path, digest, page)
            yield path, page, digest

    def _hyphenation(self) -> None:
        """pyphen's patterns for the reading grade (``analysis.readability``, en_US) from the cache, put where pyphen
        looks first (its ``hdcache``): parsing the dictionary file costs ~0.2 s in each process that grades a page.

        Kept by the dictionary file's bytes, under the cache file's key (which holds pyphen's version). Anything
        unexpected (another pyphen, another language there) leaves pyphen to read the file itself, as before."""
        try:
            import pyphen
            path = pyphen.LANGUAGES[pyphen.language_fallback("en_US")]
            if path not in pyphen.hdcache:
                found = self._remember("hyphenation", Path(path), lambda: pyphen.HyphDict(path))
                if isinstance(found, pyphen.HyphDict):
                    pyphen.hdcache[path] = found
        except Exception:  # noqa: BLE001 - only a speed-up: pyphen reads the file as it always did
            pass

    def _known_to_load(self) -> bool:
        """The site's extensions loaded when this cache was last written, and nothing that decides it changed: the
        file's key (extension entries, their configuration, the versions of Markdown and pymdown-extensions) and
        :func:`extensions_fingerprint` (each extension module's file). A failure is never remembered: it is tried
        again, and reported, on every run."""
        if self.store is None:
            return False
        return self.store.noted("markdown-extensions-load") == extensions_fingerprint(self.config)

    def _markdown(self) -> tuple[markdown.Markdown, HealthGuideExtension, list[Finding]]:
        """Our own renderer with the site's extensions; if one cannot load, HG020 and the rest of them (made once)."""
        if self._md is None:
            self._md = self._new_markdown()
        return self._md

    def _new_markdown(self) -> tuple[markdown.Markdown, HealthGuideExtension, list[Finding]]:
        ext = new_extension(self.config, self.references)
        try:
            return new_markdown(self.config, ext), ext, []
        except Exception as err:  # noqa: BLE001 - any extension may fail to import or configure
            config_rel = Path(os.path.relpath(self.config.path, self.config.docs_dir)).as_posix()  # docs-relative
            md = markdown.Markdown(extensions=[*loadable_extensions(self.config), ext],
                                   extension_configs=self.config.extension_configs)
            return md, ext, [finding(MARKDOWN_CONFIG, config_rel, 1, 1, f"markdown_extensions: {err}")]


class _NotStored(Exception):
    """A page the snapshot names is not in the page cache: the warm check gives way to the whole path."""


class _Stored(Mapping[str, Page]):
    """Every page of the site by path, each made (``load``) when first looked up: a warm check's re-judged pages and
    the pages they look up, never the rest."""

    def __init__(self, paths: list[str], load: Callable[[str], Page]) -> None:
        self._paths = dict.fromkeys(paths)
        self._load = load
        self._made: dict[str, Page] = {}

    def __getitem__(self, path: str) -> Page:
        if path not in self._paths:
            raise KeyError(path)
        if path not in self._made:
            self._made[path] = self._load(path)
        return self._made[path]

    def __contains__(self, path: object) -> bool:
        return path in self._paths

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)


def _digest(path: Path) -> str:
    try:
        return content_hash(path.read_bytes())
    except OSError:
        return "missing"


def load_site(config: SiteConfig, today: dt.date | None = None, use_cache: bool = True,
              on_parsed: OnParsed | None = None, judge: Judge | None = None) -> Site:
    """The whole site from its files (the command line's path). ``use_cache``: see :mod:`healthguide.load.cache`;
    ``on_parsed``, ``judge``: see :class:`SiteAssembler`."""
    return SiteAssembler(config, today=today, use_cache=use_cache, on_parsed=on_parsed, judge=judge).assemble()
