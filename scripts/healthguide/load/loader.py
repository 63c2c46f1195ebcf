"""Read, split and render one page into a :class:`~healthguide.model.Page`; discover files; classify links.

:mod:`healthguide.load.assembler` puts the pages together into the one site model.
"""

from __future__ import annotations

import dataclasses
import logging
import multiprocessing
import os
import pickle
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import NamedTuple, TypeVar
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree as etree

import markdown
import markdown.extensions.abbr
import markdown.extensions.toc
import markdown.serializers
import markdown.treeprocessors

from ..analysis import claims, readability, statistics
from ..findings import CODES, Finding, Severity, finding
from ..model import Citation, Link, LinkKind, Page, Position, RawHtml, Reference, Sentence
from . import care, frontmatter, headings, rawhtml, sitefacts
from .cache import PageCache
from .cores import usable_cores
from .locate import Locator
from .mdext import (
    CollectProcessor,
    ExternalLinkProcessor,
    HealthGuideExtension,
    ParseResult,
    PreviewProcessor,
    reads_leading_text,
)
from .schema import parse_meta
from .siteconfig import SiteConfig

MARKDOWN_CONFIG = CODES.define("HG020", "markdown-config", Severity.ERROR,
                               "a `markdown_extensions` entry in mkdocs.yml cannot be loaded")
RENDER_FAILED = CODES.define("HG021", "render-failed", Severity.ERROR,
                             "the Markdown renderer failed on this page")

SYMLINK_OUTSIDE = CODES.define("HG004", "symlink-outside-docs", Severity.ERROR,
                                "a file or folder under docs/ is a symbolic link that leads outside docs/")
SYMLINK_FOLDER = CODES.define("HG005", "symlink-folder", Severity.ERROR,
                              "a folder under docs/ is a symbolic link: the checks do not follow it, but MkDocs would")

T = TypeVar("T")
log = logging.getLogger(__name__)   # not under "mkdocs": a note here must not fail a --strict build
_UNSAFE_SCHEMES = ("javascript", "vbscript", "data")
_UNSAFE_PREFIXES = tuple(s + ":" for s in _UNSAFE_SCHEMES)


def new_markdown(config: SiteConfig, ext: HealthGuideExtension) -> markdown.Markdown:
    """A Markdown instance with the site's own extensions plus ours (anchors as the site renders them)."""
    return markdown.Markdown(extensions=[*config.markdown_extensions, ext], extension_configs=config.extension_configs)


def new_extension(config: SiteConfig, references: Mapping[str, Reference]) -> HealthGuideExtension:
    """Our extension for the checks: citation syntax is read only where the profile has citations."""
    return HealthGuideExtension(references, health=config.settings.health)


class Discovered(NamedTuple):
    pages: list[str]           # Markdown pages the site publishes
    files: set[str]            # other files it publishes
    excluded: set[str]         # files under docs/ it leaves out (`exclude_docs`, `draft_docs`, templates/)


def discover(docs_dir: Path, is_excluded: Callable[[str], bool] | None = None) -> Discovered:
    """Markdown pages and other files under docs/, as MkDocs publishes them (dot-files excluded)."""
    pages: list[str] = []
    files: set[str] = set()
    excluded: set[str] = set()
    for root, dirs, names in os.walk(docs_dir, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel_root = Path(root).relative_to(docs_dir).as_posix()
        for name in sorted(names):
            if name.startswith("."):
                continue
            rel = name if rel_root == "." else f"{rel_root}/{name}"
            if is_excluded is not None and is_excluded(rel):
                excluded.add(rel)
            elif name.endswith(".md"):
                pages.append(rel)
            else:
                files.add(rel)
    return Discovered(pages, files, excluded)


# What stops a pool of workers without being a fault in parsing: no fork or semaphores here, no memory or processes
# left, a worker killed, pickle refusing what crosses to it. Anything else (an object of ours that cannot be pickled
# is one: TypeError, AttributeError) is a bug, and is not hidden by a retry.
POOL_CANNOT_WORK = (BrokenProcessPool, OSError, NotImplementedError, ImportError, pickle.PicklingError)
POOL_THRESHOLD = 150  # uncached pages before parsing is spread over processes (pool start-up costs ~0.1 s)


def symlink_findings(docs_dir: Path) -> list[Finding]:
    """Symbolic links under docs/ that would publish files from elsewhere, or (folders) loop or go unchecked.

    discover() never follows folder links, so a loop cannot hang the checks; MkDocs does follow them.
    """
    out: list[Finding] = []
    root = docs_dir.resolve()
    for here, dirs, names in os.walk(docs_dir, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        try:
            with os.scandir(here) as entries:   # each entry's type from the listing itself: no lstat per file
                links = {entry.name for entry in entries if entry.is_symlink()}
        except OSError:
            links = set()
        for name in sorted([*dirs, *names]):
            if name.startswith(".") or name not in links:
                continue
            path = Path(here) / name
            rel = path.relative_to(docs_dir).as_posix()
            try:
                target = path.resolve(strict=True)
            except (OSError, RuntimeError):
                if name in dirs:
                    out.append(finding(SYMLINK_FOLDER, rel, 1, 1, f"'{rel}' is a folder link that loops or leads nowhere",
                                       "Delete the link; put real files in docs/."))
                continue  # a broken file link is reported when it cannot be read (HG001)
            if target != root and root not in target.parents:
                out.append(finding(SYMLINK_OUTSIDE, rel, 1, 1, f"'{rel}' is a symbolic link to {target}, outside docs/",
                                   "Copy the file into docs/ instead: the site must not publish files from elsewhere."))
            elif target.is_dir():
                loop = target == root or target in path.parent.resolve().parents or target == path.parent.resolve()
                what = "links back to a folder that contains it (a loop)" if loop else "is a folder link"
                out.append(finding(SYMLINK_FOLDER, rel, 1, 1, f"'{rel}' {what}; MkDocs would publish its pages twice or forever",
                                   "Delete the link and move or copy the real folder into place."))
    return out


# Told (pages parsed so far, pages to parse) while a load parses pages the cache did not have.
OnParsed = Callable[[int, int], None]
# Run on each page right after it is parsed, where it is parsed (healthguide.stream.PageJudge): its findings
# judged there, a compact page returned.
Judge = Callable[[Page, Mapping[str, Reference]], Page]


class OnDisk(NamedTuple):
    """A page whose bytes the parent hashed and let go: whoever parses it reads the file again, so the parent
    never holds the text of every uncached page of a large site at once."""

    file: str
    digest: str


class Parsed(NamedTuple):
    page: Page
    digest: str | None      # of the bytes it was parsed from (a file saved during the check differs from the parent's)


def parse_pages(config: SiteConfig, references: Mapping[str, Reference], md: markdown.Markdown,
                ext: HealthGuideExtension, items: Sequence[tuple[str, bytes | OSError | OnDisk]],
                on_parsed: OnParsed | None = None, judge: Judge | None = None) -> Iterator[Parsed]:
    """Parse pages in order, with the facts derived from each; past POOL_THRESHOLD, in a process pool
    (one Markdown instance per worker). ``on_parsed(done, total)`` is told as they are done. With ``judge``,
    each page is judged where it was parsed and only what it returns comes back (in the pool and here alike).

    Each page is yielded as soon as its chunk comes back, so the caller's own work on it (caching it, resolving its
    links) runs while the workers parse the rest instead of after the last of them."""
    told = on_parsed or (lambda done, total: None)
    workers = min(usable_cores(), 8)
    done = 0
    if len(items) >= POOL_THRESHOLD and workers > 1:
        for parsed in _pooled(config, references, judge, items, workers):
            yield from parsed
            done += len(parsed)
            told(done, len(items))
        if done < len(items):
            log.warning("healthguide: parsing the other %d pages in this process", len(items) - done)
    for path, data in items[done:]:
        yield _parse_one(path, data, md, ext, config.settings.max_file_bytes, references, judge)
        done += 1
        told(done, len(items))


def _pooled(config: SiteConfig, references: Mapping[str, Reference], judge: Judge | None,
            items: Sequence[tuple[str, bytes | OSError | OnDisk]], workers: int) -> Iterator[list[Parsed]]:
    """The chunks the pool parsed, in order, until it cannot work (then the reason is logged and it stops early)."""
    try:
        context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                                 initargs=(config, references, judge)) as pool:
            yield from pool.map(_parse_chunk, _chunks(items, workers))
    except POOL_CANNOT_WORK as err:
        log.warning("healthguide: the parse workers stopped (%s: %s)", type(err).__name__, err)


def _chunks(items: Sequence[T], workers: int) -> list[Sequence[T]]:
    """Small chunks, so the workers finish together (a chunk costs one round trip, ~1 ms), and smaller ones at the
    end: the last chunks handed out decide how long one worker waits for the other (a whole chunk, ~0.4 s, at most)."""
    chunk = max(8, len(items) // (workers * 24))
    tail = min(len(items), workers * chunk * 2)
    body = len(items) - tail
    small = max(2, chunk // 4)
    return ([items[i:min(i + chunk, body)] for i in range(0, body, chunk)]
            + [items[i:i + small] for i in range(body, len(items), small)])


def _parse_one(path: str, data: bytes | OSError | OnDisk, md: markdown.Markdown, ext: HealthGuideExtension, max_bytes: int,
               references: Mapping[str, Reference], judge: Judge | None) -> Parsed:
    if isinstance(data, OnDisk):
        data = read_bytes(Path(data.file))
    page = load_page(path, data, md, ext, max_bytes)
    return Parsed(page if judge is None else judge(page, references), PageCache.key_for(data))


_WORKER: tuple[markdown.Markdown, HealthGuideExtension, int, Mapping[str, Reference], Judge | None] | None = None


def _init_worker(config: SiteConfig, references: Mapping[str, Reference], judge: Judge | None) -> None:
    global _WORKER
    ext = new_extension(config, references)
    _WORKER = (new_markdown(config, ext), ext, config.settings.max_file_bytes, references, judge)


def _parse_chunk(items: Sequence[tuple[str, bytes | OSError | OnDisk]]) -> list[Parsed]:
    assert _WORKER is not None
    md, ext, max_bytes, references, judge = _WORKER
    return [_parse_one(path, data, md, ext, max_bytes, references, judge) for path, data in items]


def loadable_extensions(config: SiteConfig) -> list[object]:
    """The site's extensions that load on their own, so one bad entry does not cascade into false findings."""
    out = []
    for name in config.markdown_extensions:
        try:
            markdown.Markdown(extensions=[name], extension_configs=config.extension_configs)
        except Exception:  # noqa: BLE001 - reported once as HG020
            continue
        out.append(name)
    return out


def read_bytes(path: Path) -> bytes | OSError:
    try:
        return path.read_bytes()
    except OSError as err:
        return err


def load_page(path: str, data: bytes | OSError, md: markdown.Markdown, ext: HealthGuideExtension,
              max_bytes: int) -> Page:
    """Read, split and render one page. Never raises: problems become findings on the page."""
    part = split_page(path, data, max_bytes)
    if isinstance(part, Page):
        return part
    md.reset()
    try:
        render_tree(md, part.body)
        result = ext.result or ParseResult()
    except Exception as err:  # noqa: BLE001 - a third-party extension may choke on odd input
        return _broken(path, finding(RENDER_FAILED, path, part.body_line, 1, f"Markdown could not be rendered: {err!r}"),
                       meta=part.meta, meta_pos=part.meta_pos)
    return page_from_result(path, part, result)


def render_tree(md: markdown.Markdown, source: str) -> None:
    """``md.convert(source)`` for the checks, which read only what our collector saw of the finished tree.

    The same steps in the same order, up to our collector; the rest (unescaping the tree, serialising it to
    HTML, the text post-processors) and the ``rel`` our extension adds to external links (read by nothing
    the collector records) are left out when they cannot fail or change what was collected: see
    :func:`_tail_is_plain`. A tree deeper than ``_DEEP_TREE``, or one with elements left in the HTML stash
    (whose depth the collector did not see), is serialised as the site would, so that a page the renderer
    cannot write out is still reported (HG021).
    """
    if not source.strip():
        return  # what convert() returns '' for, before any processor runs
    plain = _tail_is_plain(md)
    if not plain:
        md.convert(source)
        return
    md.lines = source.split("\n")
    for prep in md.preprocessors:
        md.lines = prep.run(md.lines)
    root = md.parser.parseDocument(md.lines).getroot()
    processors = list(md.treeprocessors)
    skipped = False
    for at, processor in enumerate(processors):
        if isinstance(processor, ExternalLinkProcessor):
            continue
        if type(processor) in UNSEEN_TREEPROCESSORS and unseen_here(processors, root):
            skipped = True
            continue
        new_root = run_processor(processor, root)
        if new_root is not None:
            root = new_root
        if isinstance(processor, CollectProcessor):
            result = getattr(processor.ext, "result", None)
            stashed_tree = any(not isinstance(block, str) for block in md.htmlStash.rawHtmlBlocks)  # md_in_html's
            if result is None or result.depth + skipped > _DEEP_TREE or stashed_tree:
                if skipped:   # the site's tree, <abbr> included, is the one to write out
                    md.reset()
                    md.convert(source)
                    return
                for rest in processors[at + 1:]:
                    rest.run(root)
                output = md.serializer(root)
                for post in md.postprocessors:
                    output = post.run(output)
            return


# Tree processors the check's render leaves out where nothing our collector records can differ:
# abbr's wraps each glossary term in running text in <abbr title="…">, whose text is the term (so sentences,
# running text and headings' text are the same), with no id, href, src or on* attribute; toc, which runs after it,
# takes a heading's id from its text with the tags stripped and entities unescaped, the same with or without the
# element. What abbr's block processor does (taking a page's own ``*[term]: …`` lines out of the text) is kept.
# One level of nesting less is allowed for in the deep-tree bound, and a tree that is written out is the site's
# own (rendered again in full). tests/test_fast_paths.py holds the two renders to the same page models.
# Two things do read where an <abbr> starts, and a page that has either gets abbr as the site runs it: the
# collector's leading text of a loose list item (mdext.reads_leading_text: an element's text up to its first
# child), and toc's [TOC] marker (a paragraph whose whole text is the marker, with no child).
UNSEEN_TREEPROCESSORS = frozenset((markdown.extensions.abbr.AbbrTreeprocessor,))


def unseen_here(processors: Sequence[markdown.treeprocessors.Treeprocessor], root: etree.Element) -> bool:
    """Whether this page's tree lets the check leave out an UNSEEN_TREEPROCESSORS processor (see there)."""
    markers = [p.marker for p in processors if type(p) is markdown.extensions.toc.TocTreeprocessor and p.marker]
    if any(_holds_text(root, marker) for marker in markers):
        return False
    return not reads_leading_text(root)


def _holds_text(root: etree.Element, needle: str) -> bool:
    """Whether any element's text holds ``needle`` (what toc's search for its ``[TOC]`` marker walks)."""
    return any(needle in el.text for el in root.iter() if el.text)


def run_processor(processor: markdown.treeprocessors.Treeprocessor, root: etree.Element) -> etree.Element | None:
    """One tree processor as the check's render runs it: its own ``run``, on the same tree, with two shortcuts
    that cannot change the tree (Python-Markdown's own classes only, not subclasses):

    - toc without the search for its ``[TOC]`` marker (a walk of every element's text) on a page where no
      element's text holds the marker, where that search can replace nothing;
    - the inline pass with its patterns as a tuple: the same patterns in the same order, without the registry's
      look-up (a sort check and two type tests) for each of the thousand or so patterns tried on a page.
    """
    kind = type(processor)
    new_root: etree.Element | None
    if kind is markdown.extensions.toc.TocTreeprocessor:
        toc = processor
        marker = toc.marker
        if marker and not _holds_text(root, marker):
            toc.marker = ""
            try:
                new_root = toc.run(root)
            finally:
                toc.marker = marker
            return new_root
    elif kind is markdown.treeprocessors.InlineProcessor:
        inline = processor
        patterns = inline.inlinePatterns
        inline.inlinePatterns = tuple(patterns)  # type: ignore[assignment]  # len() and [i] are all it uses
        try:
            new_root = inline.run(root)
        finally:
            inline.inlinePatterns = patterns
        return new_root
    new_root = processor.run(root)
    return new_root


_DEEP_TREE = 100
# What may follow our collector in a check's Markdown instance without being run: none of them can fail on a
# tree Python-Markdown, pymdown-extensions and ours built (the source holds no STX/ETX: Markdown's first
# preprocessor removes them, so every placeholder is its own), and none changes what was already collected.
# PreviewProcessor only swaps each preview, already made and read before the collector, for its stashed HTML.
_PLAIN_TAIL = (markdown.treeprocessors.UnescapeTreeprocessor, PreviewProcessor)
_PLAIN_POST = frozenset(("markdown.postprocessors.RawHtmlPostprocessor", "markdown.postprocessors.AndSubstitutePostprocessor",
                         "markdown.extensions.footnotes.FootnotePostprocessor",
                         "markdown.extensions.md_in_html.MarkdownInHTMLPostprocessor"))
_SERIALISERS = (markdown.serializers.to_xhtml_string, markdown.serializers.to_html_string)
_PLAIN_MODULES = ("markdown.", "pymdownx.", "healthguide.")


def _tail_is_plain(md: markdown.Markdown) -> bool:
    """Whether :func:`render_tree` may stop at our collector: it is registered, only known processors follow it,
    and every processor that builds the tree comes from Python-Markdown, pymdown-extensions or this package
    (whose elements always serialise). Decided once per Markdown instance."""
    known = getattr(md, "_hg_plain_tail", None)
    if known is None:
        processors = list(md.treeprocessors)
        at = next((i for i, p in enumerate(processors) if isinstance(p, CollectProcessor)), None)
        built_by = [*md.preprocessors, *md.parser.blockprocessors, *md.inlinePatterns, *processors]
        known = (at is not None and all(isinstance(p, _PLAIN_TAIL) for p in processors[at + 1:])
                 and all(f"{type(p).__module__}.{type(p).__qualname__}" in _PLAIN_POST for p in md.postprocessors)
                 and all(type(p).__module__.startswith(_PLAIN_MODULES) for p in built_by)
                 and md.serializer in _SERIALISERS)
        md._hg_plain_tail = known  # type: ignore[attr-defined]
    return bool(known)


def split_page(path: str, data: bytes | OSError, max_bytes: int) -> frontmatter.Split | Page:
    """The page's front matter and body, or (unreadable, too large) a page that carries only its findings."""
    if isinstance(data, OSError):
        return _broken(path, finding(frontmatter.UNREADABLE, path, 1, 1, f"cannot read file: {data.strerror or data}"))
    text, problems = frontmatter.decode(path, data, max_bytes)
    if text is None:
        return _broken(path, *problems)
    return frontmatter.split(path, text)


def rendered_page(path: str, data: bytes | OSError, result: ParseResult | None, max_bytes: int) -> Page:
    """A page another renderer (MkDocs) converted with our extension: the same model load_page() builds."""
    part = split_page(path, data, max_bytes)
    return part if isinstance(part, Page) else page_from_result(path, part, result or ParseResult())


def page_from_result(path: str, part: frontmatter.Split, result: ParseResult) -> Page:
    where = Locator(part.body, part.body_line)
    links = tuple(Link(href, LinkKind.EXTERNAL, where.find_link(href, result.ref_labels.get(href, ())), is_image=img)
                  for href, img in result.links)
    citations = tuple(Citation(key, where.find("@" + key)) for key in result.citations)
    sentences = tuple(Sentence(text, keys, where.find_words(text)) for text, keys in result.sentences_raw)
    raw = tuple(RawHtml(html, where.find(_first_line(html))) for html in result.raw_html)
    raw += tuple(RawHtml(f'<{tag} {attr}="{value}">' if attr else f"<{tag}>", where.find(attr + "=" if attr else "<" + tag))
                 for tag, attr, value in result.element_attrs)
    admonitions = tuple((kind, where.find(kind, Position(part.body_line))) for kind in result.admonitions)
    text = "\n".join(result.text)
    return Page(
        path=path, meta=part.meta, meta_pos=part.meta_pos, front_matter_pos=part.start,
        anchors=frozenset(result.anchors), links=links + _raw_html_links(raw, where), citations=citations,
        sentences=sentences, raw_html=raw, admonitions=admonitions, text=text,
        load_findings=part.findings, claim_kinds=claims.sentence_kinds(sentences), grade=readability.grade(text),
        cited_statistics=statistics.cited_statistics(sentences),
        front=parse_meta(part.meta), outline=tuple(result.outline),
        headings=headings.locate(result.outline, where.lines, part.body_line),
        markers=tuple(care.markers(part.body, part.body_line)),
    )


def _first_line(html: str) -> str:
    """The text to look for when locating a raw HTML block: its first line, past any leading comments."""
    text = _LEADING_COMMENTS.sub("", html).strip() or html.strip()
    return text.split("\n")[0][:60]


_LEADING_COMMENTS = re.compile(r"^(?:\s*<!--.*?-->)+", re.S)


def _broken(path: str, *found: Finding, meta: Mapping[str, object] | None = None,
            meta_pos: Mapping[str, Position] | None = None) -> Page:
    return Page(path=path, meta=dict(meta or {}), meta_pos=dict(meta_pos or {}), front_matter_pos=Position(1),
                load_findings=tuple(found), front=parse_meta(meta or {}))


def _raw_html_links(raw: Iterable[RawHtml], where: Locator) -> tuple[Link, ...]:
    """Links written in raw HTML (not those inside code), each at its own line when it can be found."""
    out: list[Link] = []
    for block in raw:
        if "href" not in block.html and "src" not in block.html:
            continue
        for href, img in rawhtml.scan(block.html)[1]:
            out.append(Link(href, LinkKind.EXTERNAL, where.find_link(href, (), block.pos), is_image=img, as_written=True))
    return tuple(out)


def resolve_links(page: Page, pages: set[str], use_directory_urls: bool = True,
                  assets: AbstractSet[str] = frozenset(), urls: Mapping[str, str] | None = None) -> Page:
    """Classify each link and resolve relative ones to docs-relative targets, as MkDocs would publish them.

    ``urls``: :func:`sitefacts.page_urls` of ``pages``, computed once per site by the caller.
    """
    urls = sitefacts.page_urls(pages, use_directory_urls) if urls is None else urls
    resolved = tuple(classify(page.path, link, pages, urls, use_directory_urls, assets) for link in page.links)
    return dataclasses.replace(page, links=resolved)


def classify(page_path: str, link: Link, pages: set[str], urls: Mapping[str, str] | None = None,
             use_directory_urls: bool = True, assets: AbstractSet[str] = frozenset()) -> Link:
    href = link.href.strip()
    parts = urlsplit(href)
    scheme = parts.scheme.lower()
    if scheme in _UNSAFE_SCHEMES or href.lower().replace(" ", "").startswith(_UNSAFE_PREFIXES):
        return Link(link.href, LinkKind.UNSAFE, link.pos, is_image=link.is_image)
    if scheme or parts.netloc:
        return Link(link.href, LinkKind.EXTERNAL, link.pos, is_image=link.is_image)
    if href.startswith("/"):
        return Link(link.href, LinkKind.ABSOLUTE, link.pos, fragment=unquote(parts.fragment), is_image=link.is_image)
    if not parts.path:
        return Link(link.href, LinkKind.FRAGMENT, link.pos, target=page_path, fragment=unquote(parts.fragment),
                    as_written=link.as_written)
    path, fragment = unquote(parts.path), unquote(parts.fragment)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), path))
    if link.as_written or (not target.endswith(".md") and target not in assets and not posixpath.splitext(path)[1]):
        # MkDocs rewrites only a link that names a file; anything else (a folder, a name without its
        # .md) it publishes as written, so a browser resolves it from the page's URL.
        return _classify_url(page_path, link, path, fragment, urls or {}, use_directory_urls)
    kind = LinkKind.PAGE if target.endswith(".md") else LinkKind.ASSET
    return Link(link.href, kind, link.pos, target=target, fragment=fragment, is_image=link.is_image)


def _classify_url(page_path: str, link: Link, path: str, fragment: str, urls: Mapping[str, str],
                  use_directory_urls: bool) -> Link:
    """A raw HTML link: MkDocs publishes it unchanged, so it is relative to the page's URL, not its file."""
    base = sitefacts.page_url(page_path, use_directory_urls)
    folder = base.rstrip("/") if base.endswith("/") else posixpath.dirname(base)
    target = posixpath.normpath(posixpath.join(folder, unquote(path)))
    target = "" if target == "." else target
    page = None if target.startswith("..") else sitefacts.url_to_source(target, urls)
    kind, found = (LinkKind.PAGE, page) if page is not None else (LinkKind.ASSET, target)
    return Link(link.href, kind, link.pos, target=found, fragment=fragment, is_image=link.is_image, as_written=True)
