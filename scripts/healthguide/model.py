"""The immutable site model every check reads. Built once by :mod:`healthguide.loader`."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .findings import Finding

if TYPE_CHECKING:
    from .load.care import CareData


class PageType(enum.Enum):
    PILLAR = "pillar"
    SPOKE = "spoke"
    PAGE = "page"

    @property
    def is_medical(self) -> bool:
        """Pillars and spokes carry medical content; plain pages (about, legal) are exempt."""
        return self is not PageType.PAGE


class LinkKind(enum.Enum):
    PAGE = "page"          # another Markdown page in docs/
    ASSET = "asset"        # an image or other file in docs/
    FRAGMENT = "fragment"  # "#anchor" on the same page
    EXTERNAL = "external"  # http(s), mailto, tel…
    ABSOLUTE = "absolute"  # "/path": breaks when the site is not served from the domain root
    UNSAFE = "unsafe"      # javascript:, vbscript:, data: in a link


@dataclass(frozen=True, slots=True)  # slots: a large site holds millions of these
class Position:
    line: int
    col: int = 1


@dataclass(frozen=True, slots=True)  # slots: a large site holds millions of these
class Link:
    href: str
    kind: LinkKind
    pos: Position
    target: str | None = None   # docs-relative path the link resolves to (PAGE / ASSET)
    fragment: str = ""
    is_image: bool = False
    # MkDocs publishes the href unchanged (raw HTML, or a Markdown link that names no file): it is relative
    # to the page's URL, not to its source file.
    as_written: bool = False


@dataclass(frozen=True, slots=True)  # slots: a large site holds millions of these
class Citation:
    key: str
    pos: Position


@dataclass(frozen=True, slots=True)  # slots: a large site holds millions of these
class Sentence:
    """A sentence of running text, with whether a citation marker sits inside it."""

    text: str
    cited_keys: tuple[str, ...]
    pos: Position


@dataclass(frozen=True, slots=True)  # slots: a large site holds millions of these
class RawHtml:
    """Raw HTML an editor wrote in Markdown (as the renderer stashed it)."""

    html: str
    pos: Position


@dataclass(frozen=True)
class PageMeta:
    """Front matter, typed: parsed once (healthguide.load.schema.parse_meta) from the schema's data.

    A value of the wrong type is None or empty here; the contract check (HG1xx) reports it from ``Page.meta``.
    One attribute per key of ``healthguide.load.schema.FIELDS`` (a test holds them equal).
    """

    title: str | None = None
    description: str | None = None
    type: PageType | None = None
    pillar: str | None = None                 # normalised docs-relative path
    related: tuple[str, ...] = ()             # normalised docs-relative paths
    related_written: tuple[str, ...] = ()     # the same entries as written, for messages
    tags: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    reviewed_by: str | None = None
    last_reviewed: dt.date | None = None
    # Material's search options (boost, exclude): read by the theme, kept out of the hash (a dict).
    search: Mapping[str, float | bool] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class Page:
    path: str                                # docs-relative POSIX path
    meta: Mapping[str, Any]                  # front matter as written (empty if unusable), for the contract check
    meta_pos: Mapping[str, Position]         # where each front-matter key sits
    front_matter_pos: Position               # the opening '---' (or line 1)
    anchors: frozenset[str] = frozenset()
    links: tuple[Link, ...] = ()
    citations: tuple[Citation, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    raw_html: tuple[RawHtml, ...] = ()
    admonitions: tuple[tuple[str, Position], ...] = ()   # (type, where)
    text: str = ""                           # plain running text, for readability
    load_findings: tuple[Finding, ...] = ()  # problems found while reading this file
    outline: tuple[tuple[str, str, str, str], ...] = ()   # top-level blocks as rendered: (tag, id, classes, text)
    headings: tuple[tuple[str, Position], ...] = ()       # top-level headings as rendered: (text, where)
    markers: tuple[tuple[str, str, int], ...] = ()        # healthguide.theme.care markers: (kind, argument, line)
    # Facts derived from this page alone (healthguide.analysis), computed once where it is parsed:
    claim_kinds: tuple[str | None, ...] = ()  # per sentence: "states a statistic", "leans on research" or None
    grade: float | None = None               # Flesch–Kincaid grade of `text` (None: too short)
    cited_statistics: tuple[int, ...] | None = None   # indexes of cited sentences stating a statistic (None: not derived)
    front: PageMeta = PageMeta()             # typed front matter, what everything but the contract check reads
    # A compact page (healthguide.stream): the findings of each family's per-page part, judged where the page was
    # parsed, by family name; its sentences, text and outline then hold only what cross-page families read.
    # None: a whole page, the checks judge it themselves.
    local_findings: Mapping[str, tuple[Finding, ...]] | None = None

    @property
    def type(self) -> PageType | None:
        return self.front.type

    @property
    def title(self) -> str:
        return self.front.title if self.front.title is not None else self.path

    def pos_of(self, key: str) -> Position:
        return self.meta_pos.get(key, self.front_matter_pos)


@dataclass(frozen=True)
class Reference:
    id: str
    data: Mapping[str, Any]
    pos: Position

    @property
    def doi(self) -> str | None:
        return _text(self.data.get("DOI"))

    @property
    def pmid(self) -> str | None:
        return _text(self.data.get("PMID"))

    @property
    def url(self) -> str | None:
        return _text(self.data.get("URL"))


@dataclass(frozen=True)
class Author:
    id: str
    name: str
    role: str
    description: str = ""
    url: str = ""
    pos: Position = Position(1)


@dataclass(frozen=True, slots=True)
class Review:
    """When a page was last checked against its sources, and when it falls due again."""

    last: dt.date
    due: dt.date


@dataclass(frozen=True)
class Site:
    config_path: str
    docs_dir: str
    pages: Mapping[str, Page]
    references: Mapping[str, Reference]
    references_path: str                    # docs-relative
    authors: Mapping[str, Author]
    authors_path: str                       # docs-relative
    nav_paths: frozenset[str] | None        # None: no explicit nav, every page is in it
    assets: frozenset[str]                  # docs-relative non-Markdown files
    today: dt.date
    load_findings: tuple[Finding, ...] = field(default=())
    care: CareData | None = None            # the warning signs, when `healthguide.theme.care` is configured
    # Hooks and plugins that may add ids while MkDocs builds (none when the build itself is the source).
    build_changers: tuple[str, ...] = ()
    use_directory_urls: bool = True
    excluded: frozenset[str] = frozenset()  # docs-relative files `mkdocs build` leaves out (exclude_docs, draft_docs)
    # Facts derived across the site (healthguide.analysis), computed once by the assembler:
    reviews: Mapping[str, Review] = field(default_factory=dict)   # page path -> its review dates
    reviewers: frozenset[str] = frozenset()                       # author ids whose role counts as medical reviewer
    digests: Mapping[str, str] = field(default_factory=dict)      # page path -> content digest (cacheable pages)

    def all_load_findings(self) -> list[Finding]:
        found = list(self.load_findings)
        for page in self.pages.values():
            found.extend(page.load_findings)
        return found


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
