"""The Python-Markdown extension shared by the site build and the checks.

It turns Pandoc citations (``[@key]``, ``[@a; @b]``) into numbered markers with a
references list, and, after the site's own extensions have run (so heading ids are the
ones the site really renders), records what the checks need from the finished tree.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.toc import TocTreeprocessor
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor, UnescapeTreeprocessor

from ..model import Reference
from . import rawhtml
from .references import format_reference, short_label

# Pandoc citation keys: start with a letter, digit or _, then word chars and :.#$%&-+?<>~/
_KEY = r"[\w][\w:.#$%&\-+?<>~/]*(?<![:.#$%&\-+?<>~/])"
# Not followed by "(" or "[": ``[@user](https://…)`` and ``[@user][ref]`` are links, as in Pandoc.
CITATION_RE = rf"\[(\s*-?@{_KEY}(?:\s*;\s*-?@{_KEY})*\s*)\](?![(\[])"
_KEY_IN_GROUP = re.compile(rf"@({_KEY})")
CITE_CLASS = "hg-cite"
REFS_CLASS = "hg-references"
# Python-Markdown's stash placeholders: raw HTML (a comment, say) is "\x02wzxhzdk:N\x03", inline ones
# "\x02klzzwxh:N\x03"; neither is text a reader sees.
_PLACEHOLDER = re.compile("\x02(?:wzxhzdk:|klzzwxh:)?\\d+\x03")


def ref_anchor(key: str) -> str:
    return "ref-" + re.sub(r"[^A-Za-z0-9_-]", "-", key)


def cite_anchor(n: int, i: int) -> str:
    """The id of the i-th link in the n-th citation marker: where "Back to the text" returns to."""
    return f"hg-cite-{n}-{i}"


@dataclass
class ParseResult:
    """What one conversion saw. Filled in by the collector; read by the loader."""

    anchors: set[str] = field(default_factory=set)
    links: list[tuple[str, bool]] = field(default_factory=list)       # (href, is_image)
    citations: list[str] = field(default_factory=list)                # keys, in order
    sentences_raw: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    raw_html: list[str] = field(default_factory=list)
    element_attrs: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, attr, value) worth a safety look
    admonitions: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    outline: list[tuple[str, str, str, str]] = field(default_factory=list)  # top-level (tag, id, classes, text)
    ref_labels: dict[str, tuple[str, ...]] = field(default_factory=dict)  # href -> reference labels defining it
    depth: int = 0  # how deep the walked tree nests (the loader serialises a deep one, as the site would)


class CitationProcessor(InlineProcessor):
    def handleMatch(self, m: re.Match[str], data: str) -> tuple[etree.Element, int, int]:  # type: ignore[override]
        keys = _KEY_IN_GROUP.findall(m.group(1))
        el = etree.Element("sup", {"class": CITE_CLASS, "data-keys": " ".join(keys)})
        el.text = "[" + "; ".join("@" + k for k in keys) + "]"
        return el, m.start(0), m.end(0)


class ReferenceListProcessor(Treeprocessor):
    """Numbers citation markers in order of first use and appends the references list."""

    def __init__(self, md: Markdown, ext: HealthGuideExtension) -> None:
        super().__init__(md)
        self.ext = ext
        self.previews: list[tuple[etree.Element, etree.Element, str]] = []   # (marker, preview, key), this page's

    def run(self, root: etree.Element) -> None:
        self.previews = []
        numbers: dict[str, int] = {}
        first_use: dict[str, str] = {}      # key -> id of the marker that cites it first ("back to the text")
        markers = [el for el in root.iter("sup") if el.get("class") == CITE_CLASS]
        steps = self._later_steps() if markers and self.ext.render else None
        headings = [h for h in root.iter() if h.tag in _HEADINGS] if steps is not None else []
        if any(_could_be_preview_id("".join(h.itertext())) for h in headings):
            steps = None   # toc gives a heading a unique id only against the ids it sees: keep the previews' ids in view
        # A heading's text becomes its toc entry (and the page's title): the previews in it stay in the tree.
        headed = {id(m) for h in headings for m in h.iter("sup")} if steps is not None else set()
        for n, marker in enumerate(markers, start=1):
            keys = marker.get("data-keys", "").split()
            self.ext.cited.extend(keys)
            for key in keys:
                numbers.setdefault(key, len(numbers) + 1)
            if self.ext.render:
                self._render_marker(marker, keys, numbers, n, first_use, steps is not None and id(marker) not in headed)
        if numbers and self.ext.render:
            root.append(self._reference_list(numbers, first_use, steps))

    def _later_steps(self) -> list[Callable[[etree.Element], object]] | None:
        """What the tree processors after this one do to a reference's own text and links, when each is known.

        None when a later one is not known to leave them as the page's HTML has them (the collector, in the
        check's render, reads them; so might a site's own extension): then the list and the previews are built in
        full in the tree. MkDocs' relpath is left out: it returns absolute links and a page's own fragments as they
        are. What MkDocs' anchor validation then no longer sees: the previews' ids (aria-describedby targets, which
        no link names) and the back links (each names its marker's id, so always resolves).
        """
        steps: list[Callable[[etree.Element], object]] = []
        later = False
        for processor in self.md.treeprocessors:
            if processor is self:
                later = True
            elif later:
                kind = f"{type(processor).__module__}.{type(processor).__qualname__}"
                if isinstance(processor, ExternalLinkProcessor | UnescapeTreeprocessor):
                    steps.append(processor.run)   # either runs on any subtree
                elif not (isinstance(processor, TocTreeprocessor | PreviewProcessor) or kind in _BLIND_TO_ITEMS):
                    return None
        return steps

    def _render_marker(self, marker: etree.Element, keys: list[str], numbers: dict[str, int], n: int,
                       first_use: dict[str, str], early: bool) -> None:
        """Fills a marker: a link per key and, after it, the reference's preview.

        ``early``: no later tree processor reads a preview's text (:meth:`_later_steps`, not in a heading), so it
        goes in as finished HTML now rather than as a span PreviewProcessor swaps at the end.
        """
        marker.text = None
        for i, key in enumerate(keys):
            ref = self.ext.references.get(key)
            link = etree.SubElement(marker, "a", {"href": "#" + ref_anchor(key), "class": "hg-cite__link",
                                                  "id": cite_anchor(n, i)})
            link.text = str(numbers[key])
            first_use.setdefault(key, cite_anchor(n, i))
            if ref is None:
                link.set("class", "hg-cite__link hg-cite--unknown")
                link.set("title", f"Unknown reference: {key}")
            else:
                preview_id = f"{ref_anchor(key)}-preview-{n}-{i}"  # stable across builds (no id())
                link.set("aria-describedby", preview_id)
                if early:
                    _text, before, after = self.ext.preview(ref, self.md.serializer)
                    link.tail = ("," if i < len(keys) - 1 else "") + self.md.htmlStash.store(before + preview_id + after)
                    continue
                # Its text only, for the tree processors that read text; PreviewProcessor puts in the finished HTML.
                preview = etree.SubElement(marker, "span", preview_attrs(preview_id))
                preview.text = self.ext.preview(ref, self.md.serializer)[0]
                self.previews.append((marker, preview, key))
            if i < len(keys) - 1:
                link.tail = ","
        marker.set("class", CITE_CLASS)

    def _reference_list(self, numbers: dict[str, int], first_use: dict[str, str],
                        steps: list[Callable[[etree.Element], object]] | None) -> etree.Element:
        """The numbered list, folded in a closed <details> so the page leads with its answers.

        healthguide.js opens it when a citation is followed or the page is printed; each entry links back
        to the text that cites it. data-search-exclude keeps the list out of the search index.

        With ``steps`` (:meth:`_later_steps`), each entry's own text and identifier links, and its back link, go
        in as finished HTML (stashed, the same bytes the tree would serialise to): the toc, MkDocs' anchors and
        relpath, and our external-link rel then walk an entry as the item, its id and what the hooks add (the
        evidence link, whose ``.md`` href MkDocs rewrites per page), not as its five or six elements.
        """
        section = etree.Element("section", {"class": REFS_CLASS, "aria-labelledby": "references", "data-search-exclude": ""})
        fold = etree.SubElement(section, "details", {"class": "hg-references__fold"})
        summary = etree.SubElement(fold, "summary")
        heading = etree.SubElement(summary, "h2", {"id": "references", "data-search-exclude": ""})
        heading.text = "References"
        count = etree.SubElement(summary, "span", {"class": "hg-references__count"})
        count.text = f"{len(numbers)} source{'' if len(numbers) == 1 else 's'}: show the list"
        ol = etree.SubElement(fold, "ol")
        for key in sorted(numbers, key=numbers.__getitem__):
            li = etree.SubElement(ol, "li", {"id": ref_anchor(key)})
            ref = self.ext.references.get(key)
            if ref is None:
                li.text = f"Unknown reference: {key}"
                continue
            head = self.ext.list_head(ref, steps, self.md.serializer) if steps is not None else None
            if head is None:
                _list_head(li, ref, self.ext.formatted(ref)[1])
            else:
                li.text = self.md.htmlStash.store(head)
            for hook in self.ext.reference_hooks:
                hook(li, ref)
            if key in first_use and head is not None:
                back = self.md.htmlStash.store(self.ext.back_link(first_use[key], self.md.serializer))
                if len(li):
                    li[-1].tail = (li[-1].tail or "") + back
                else:
                    li.text += back
            elif key in first_use:
                _back_link(li, first_use[key])
        return section


def _list_head(li: etree.Element, ref: Reference, text: str) -> None:
    """A references-list entry's own text and identifier links (DOI, PubMed, source), into ``li``."""
    li.text = text + " "
    for label, url in identifier_links(ref):
        a = etree.SubElement(li, "a", {"href": url, "class": "hg-ref__id"})
        a.text = label
        a.tail = " "


def _back_link(li: etree.Element, cite_id: str) -> None:
    back = etree.SubElement(li, "a", {"href": "#" + cite_id, "class": "hg-ref__back"})
    back.text = "Back to the text"


def _absolute(url: str) -> bool:
    """Whether MkDocs' relpath returns ``url`` as it is (a scheme or a host), as it decides that."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return bool(parts.scheme or parts.netloc)


_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def _could_be_preview_id(heading: str) -> bool:
    """Whether a heading's slug could be a preview's id (``ref-<key>-preview-<n>-<i>``), as toc would make it."""
    text = heading.strip().lower()
    return text.startswith("ref") and "preview" in text
# MkDocs' tree processors that read only ids or the page's first h1, which no entry's text or links hold.
_BLIND_TO_ITEMS = {"mkdocs.structure.pages._ExtractAnchorsTreeprocessor", "mkdocs.structure.pages._ExtractTitleTreeprocessor",
                   "mkdocs.structure.pages._RelativePathTreeprocessor"}


def preview_attrs(preview_id: str) -> dict[str, str]:
    """A citation preview's attributes. data-search-exclude: Material's search leaves the preview out, so results
    never read like a bibliography."""
    return {"class": "hg-cite__preview", "role": "tooltip", "id": preview_id, "data-search-exclude": ""}


class PreviewProcessor(Treeprocessor):
    """Swaps each citation preview for its reference's finished HTML, stashed as raw HTML, last of the tree processors.

    A citation repeats its reference's full text; serialising that once per reference and build, rather than
    building and serialising a subtree per citation, is most of what the markers cost. Every other tree processor
    (the collector, MkDocs' anchors) still sees each preview it swaps, with its id and its text; where none reads a
    preview's text, ``ReferenceListProcessor`` puts the finished HTML in at once and this has nothing to swap.
    """

    def __init__(self, md: Markdown, ext: HealthGuideExtension, numbering: ReferenceListProcessor) -> None:
        super().__init__(md)
        self.ext, self.numbering = ext, numbering

    def run(self, root: etree.Element) -> None:
        previews, self.numbering.previews = self.numbering.previews, []
        for marker, preview, key in previews:
            _text, before, after = self.ext.preview(self.ext.references[key], self.md.serializer)
            link = marker[list(marker).index(preview) - 1]   # the preview follows its link (and the link's comma)
            link.tail = (link.tail or "") + self.md.htmlStash.store(before + preview.get("id", "") + after)
            marker.remove(preview)


_ID_SLOT = "\ue00f"   # where a preview's own id goes in its reference's serialised HTML


def identifier_links(ref: Reference) -> Iterator[tuple[str, str]]:
    if ref.doi:
        yield f"doi:{ref.doi}", "https://doi.org/" + ref.doi
    if ref.pmid:
        yield f"PubMed {ref.pmid}", f"https://pubmed.ncbi.nlm.nih.gov/{ref.pmid}/"
    if ref.url and not ref.doi and not ref.pmid:
        yield "Source", ref.url


_BLOCKS = {"p", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "div", "section",
           "ol", "ul", "table", "thead", "tbody", "tr", "dl", "details", "summary", "pre", "figure", "figcaption"}
_SKIP_TEXT = {"pre", "code", "script", "style"}
_SENTENCE_BLOCKS = {"p", "li", "dd"}
CITE_MARK = "\ue000"


class CollectProcessor(Treeprocessor):
    """Records anchors, links, citations, sentences and raw HTML from the finished tree."""

    def __init__(self, md: Markdown, ext: HealthGuideExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        result = ParseResult()
        self._walk(root, result, in_refs=False)
        result.outline = [(str(el.tag), el.get("id") or "", el.get("class") or "",
                           " ".join(_unplaceholder("".join(el.itertext())).split())) for el in root if isinstance(el.tag, str)]
        for block in self.md.htmlStash.rawHtmlBlocks:
            if isinstance(block, str):
                result.raw_html.append(block)
                if "id=" in block or "name=" in block:
                    result.anchors.update(rawhtml.scan(block)[0])   # ids in HTML blocks and in highlighted code
        labels: dict[str, list[str]] = {}
        for label, (url, _title) in getattr(self.md, "references", {}).items():
            labels.setdefault(url, []).append(label)
        result.ref_labels = {url: tuple(found) for url, found in labels.items()}
        self.ext.result = result

    def _walk(self, el: etree.Element, result: ParseResult, in_refs: bool, in_code: bool = False, depth: int = 1) -> None:
        if depth > result.depth:
            result.depth = depth
        for child in el:
            anchor = child.get("id")
            if anchor:
                result.anchors.add(anchor)
            tag, cls = child.tag, child.get("class")   # (_record reads the element, never changes it)
            if tag == "a" and child.get("name"):
                result.anchors.add(child.get("name", ""))   # browsers land on <a name> too, as MkDocs counts it
            if tag == "section" and cls == REFS_CLASS:
                self._walk(child, result, True, False, depth + 1)
                continue
            if not in_refs and not in_code:
                self._record(child, result)
            if cls == CITE_CLASS:
                continue
            self._walk(child, result, in_refs, in_code or tag in ("pre", "code"), depth + 1)

    def _record(self, el: etree.Element, result: ParseResult) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "a" and el.get("href") is not None:
            result.links.append((rawhtml.decode_href(el.get("href", "")), False))
        elif tag == "img" and el.get("src") is not None:
            result.links.append((rawhtml.decode_href(el.get("src", "")), True))
        elif tag == "sup" and el.get("class") == CITE_CLASS:
            result.citations.extend(el.get("data-keys", "").split())
        elif tag == "div" and "admonition" in (el.get("class") or "").split():
            classes = [c for c in (el.get("class") or "").split() if c != "admonition"]
            result.admonitions.append(classes[0] if classes else "note")
        for attr, value in el.attrib.items():
            if attr.lower().startswith("on") or tag in ("script", "iframe", "object", "embed"):
                result.element_attrs.append((tag, attr, value))
        if tag in ("script", "iframe", "object", "embed"):
            result.element_attrs.append((tag, "", ""))
        if not self.ext.health:
            return  # sentences and running text feed only the health families
        if tag == "tr":
            # A table row is one statement: a citation in any cell covers the row.
            cells = [_unplaceholder("".join(_inline_text(cell))) for cell in el if cell.tag in ("td", "th")]
            row_keys = tuple(_keys(" ".join(cells)))
            for cell in cells:
                result.sentences_raw.extend((s, keys or row_keys) for s, keys in split_sentences(cell))
                result.text.append(CITE_MARK_RE.sub("", cell))
        elif tag in _SENTENCE_BLOCKS and not any(isinstance(c.tag, str) and c.tag in _LOOSE_CHILDREN for c in el):
            text = _unplaceholder("".join(_inline_text(el)))
            result.sentences_raw.extend(split_sentences(text))
            result.text.append(CITE_MARK_RE.sub("", text))
        elif tag in _SENTENCE_BLOCKS and el.text and el.text.strip():
            # A loose list item: its own leading text before nested blocks.
            text = _unplaceholder(el.text)
            result.sentences_raw.extend(split_sentences(text))
            result.text.append(text)


CITE_MARK_RE = re.compile(CITE_MARK + r"[^\ue001]*\ue001")


def reads_leading_text(root: etree.Element) -> bool:
    """Whether the collector would read some element's ``text`` alone, without what follows its first child:
    a p, li or dd with text and a block of its own inside (the loose list item above). Every other text the
    collector takes is the whole run of an element's inline text (``_inline_text``, ``itertext``)."""
    return any(el.text and el.text.strip() and any(isinstance(c.tag, str) and c.tag in _LOOSE_CHILDREN for c in el)
               for el in root.iter() if el.tag in _SENTENCE_BLOCKS)


_LOOSE_CHILDREN = _SENTENCE_BLOCKS | {"p"}


def _inline_text(el: etree.Element, out: list[str] | None = None) -> list[str]:
    """The pieces of an element's inline text, in order (one list filled down the tree, not nested generators)."""
    if out is None:
        out = []
    if el.text:
        out.append(el.text)
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "sup" and child.get("class") == CITE_CLASS:
            out.append(f"{CITE_MARK}{child.get('data-keys', '')}\ue001")
        elif tag in _SKIP_TEXT:
            out.append(" ")
        elif tag not in _BLOCKS:
            _inline_text(child, out)
        if child.tail:
            out.append(child.tail)
    return out


def _unplaceholder(text: str) -> str:
    return _PLACEHOLDER.sub("", text) if "\x02" in text else text


_ABBREVIATIONS = r"(?<!\be\.g)(?<!\bi\.e)(?<!\bet al)(?<!\bvs)(?<!\bDr)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bSt)(?<!\bNo)(?<!\bp)(?<!\bpp)(?<!\bapprox)(?<!\bcf)(?<!\betc)"
_SENTENCE_END = re.compile(r"(?=[.!?])" + _ABBREVIATIONS + r"([.!?]+[\"”’')\]]*)\s+(?=[\"“‘(\[]?[A-Z0-9" + CITE_MARK + "])")


def _keys(text: str) -> list[str]:
    if CITE_MARK not in text:
        return []
    return [k for group in _CITE_GROUP.findall(text) for k in group.split()]


_CITE_GROUP = re.compile(CITE_MARK + r"([^\ue001]*)\ue001")
_SPACE_BEFORE_STOP = re.compile(r"\s+([.,;:!?])")


_LEAD_CITES = re.compile(r"(?:" + CITE_MARK + r"[^\ue001]*\ue001\s*)+")


def split_sentences(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """Split running text into sentences; a citation just after a full stop belongs to the sentence before."""
    text = " ".join(text.split())  # str.split() and re's \s agree on what is white space
    if not text:
        return []
    pieces: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        pieces.append(text[start:m.end(1)])
        start = m.end(0)
    pieces.append(text[start:])
    if CITE_MARK not in text and not _SPACE_BEFORE_STOP.search(text):
        # Most blocks: no citation and no space before a stop anywhere, so none in any piece (each is a part of
        # the text): the loop below would keep every piece as it is, stripped, with no keys.
        return [(plain, ()) for plain in (piece.strip() for piece in pieces) if plain.strip(" .;,")]
    out: list[tuple[str, list[str]]] = []
    for piece in pieces:
        lead = _LEAD_CITES.match(piece)
        if out and lead:
            # "… in women. [@menz2013foot]": a citation just after the full stop belongs to that sentence.
            out[-1][1].extend(_keys(lead.group(0)))
            piece = piece[lead.end():]
        plain = (CITE_MARK_RE.sub("", piece) if CITE_MARK in piece else piece).strip()
        if plain.strip(" .;,"):
            if _SPACE_BEFORE_STOP.search(plain):  # rare: spares the template substitution
                plain = _SPACE_BEFORE_STOP.sub(r"\1", plain)
            out.append((plain, _keys(piece)))
    return [(s, tuple(k)) for s, k in out]


EXTERNAL_REL = ("noopener", "noreferrer")
_URL_DROPS = str.maketrans("", "", "\t\r\n")   # urlsplit removes these anywhere in a URL


def is_external(href: str) -> bool:
    """A link that leaves the site: http(s) or scheme-relative (``//host/…``)."""
    href = href.strip()
    if ":" not in href and "//" not in href.translate(_URL_DROPS):
        return False   # no scheme and no host (most of a page's links): decided without urlsplit
    try:
        parts = urlsplit(href)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") or (not parts.scheme and bool(parts.netloc))


class ExternalLinkProcessor(Treeprocessor):
    """Adds rel="noopener noreferrer" to links that leave the site (rendered pages only)."""

    def __init__(self, md: Markdown, ext: HealthGuideExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        if not self.ext.render:
            return
        for a in root.iter("a"):
            if is_external(a.get("href") or ""):
                rel = (a.get("rel") or "").split()
                a.set("rel", " ".join([*rel, *(r for r in EXTERNAL_REL if r not in rel)]))


class HealthGuideExtension(Extension):
    """One instance per Markdown configuration. ``result`` holds the last conversion's findings."""

    def __init__(self, references: Mapping[str, Reference] | None = None, render: bool = True,
                 reference_hooks: tuple[Callable[[etree.Element, Reference], None], ...] = (),
                 preview_hooks: tuple[Callable[[etree.Element, Reference], None], ...] = (),
                 health: bool = True, collect: bool = True) -> None:
        super().__init__()
        self.collect = collect  # False: render only (healthguide.extension, whose model was loaded before)
        self.references: Mapping[str, Reference] = references or {}
        self.render = render
        self.health = health   # False (profile: generic): citation syntax left as written, no sentences collected
        self.reference_hooks = reference_hooks   # each decorates a references-list <li>
        self.preview_hooks = preview_hooks       # each decorates a citation marker's preview <span>
        self.result: ParseResult | None = None
        self.cited: list[str] = []   # the page's citation keys, marker by marker, as the render read them
        self._formatted: dict[str, tuple[str, str]] = {}   # key -> (short label, full text): once per build, not per use
        self._previews: dict[str, tuple[str, str, str]] = {}   # key -> preview (text, HTML before and after its id)
        self._heads: dict[str, str | None] = {}   # key -> a references-list entry's own finished HTML
        self._back: tuple[str, str] | None = None   # a back link's HTML before and after its marker's id

    def formatted(self, ref: Reference) -> tuple[str, str]:
        """The reference's short label ("Menz et al., 2013") and its full citation text, formatted once."""
        if ref.id not in self._formatted:
            self._formatted[ref.id] = (short_label(ref), format_reference(ref))
        return self._formatted[ref.id]

    def preview(self, ref: Reference, serializer: Callable[[etree.Element], str]) -> tuple[str, str, str]:
        """A citation preview of ``ref``: its text, and its HTML before and after the preview's id, made once per build.

        The preview hooks decorate it once, so they may depend on the reference only, never on the page.
        """
        if ref.id not in self._previews:
            span = etree.Element("span", preview_attrs(_ID_SLOT))
            label, text = self.formatted(ref)
            span.text = f"{label}. {text}"
            for hook in self.preview_hooks:
                hook(span, ref)
            before, _, after = serializer(span).partition(_ID_SLOT)
            self._previews[ref.id] = ("".join(span.itertext()), before, after)
        return self._previews[ref.id]

    def list_head(self, ref: Reference, steps: list[Callable[[etree.Element], object]],
                  serializer: Callable[[etree.Element], str]) -> str | None:
        """A references-list entry's own text and identifier links as finished HTML, made once per build.

        ``steps`` are what the later tree processors do to them; None if one of its links is not absolute (MkDocs
        would rewrite it per page).
        """
        if ref.id not in self._heads:
            li = etree.Element("li")
            _list_head(li, ref, self.formatted(ref)[1])
            head = None
            if all(_absolute(a.get("href", "")) for a in li):
                for step in steps:
                    step(li)
                html = serializer(li)
                head = html[len("<li>"):-len("</li>")]
            self._heads[ref.id] = head
        return self._heads[ref.id]

    def back_link(self, cite_id: str, serializer: Callable[[etree.Element], str]) -> str:
        """A references-list entry's "Back to the text" link as finished HTML (no later tree processor changes it)."""
        if self._back is None:
            li = etree.Element("li")
            _back_link(li, _ID_SLOT)
            before, _, after = serializer(li[0]).partition(_ID_SLOT)
            self._back = (before, after)
        return self._back[0] + cite_id + self._back[1]

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        if self.health:
            md.inlinePatterns.register(CitationProcessor(CITATION_RE, md), "hg_citation", 175)
            numbering = ReferenceListProcessor(md, self)
            md.treeprocessors.register(numbering, "hg_references", 6)
            # After every other one (MkDocs' relpath, unescape and title at 1 and 0), just before serialising.
            md.treeprocessors.register(PreviewProcessor(md, self, numbering), "hg_previews", -1)
        md.treeprocessors.register(ExternalLinkProcessor(md, self), "hg_external_links", 5)
        if self.collect:
            md.treeprocessors.register(CollectProcessor(md, self), "hg_collect", 1.5)

    def reset(self) -> None:
        self.result = None
        self.cited = []
