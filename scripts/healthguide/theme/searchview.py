"""The page Material's search plugin reads: ours without the parts it leaves out anyway.

Material's search plugin parses each page's HTML at ``on_page_context`` and skips every element that carries
``data-search-exclude``, but its parser still walks every tag and string inside one. On a guide's page most
of the HTML is such parts: each citation's preview repeats its reference's full text, and the references
list repeats them all. :func:`hide` empties those two (the preview's contents, the list's ``<ol>``), keeping
every tag around them, so the search plugin builds the same index from a smaller page; :func:`restore`
puts them back, in order, before the templates read the page. The search index is the same because an
excluded element's contents add nothing to it: no text, and no heading (there is none inside them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..load.mdext import CITE_CLASS, REFS_CLASS

EXCLUDE = 'data-search-exclude=""'
# The serialiser writes attributes sorted; neither part nests its own tag (the text in them is escaped).
_FULL = re.compile(
    r'(<span class="hg-cite__preview" data-search-exclude="" id="[^"<>]*" role="tooltip">)(.*?)(</span>)'
    rf'|(<section aria-labelledby="references" class="{REFS_CLASS}" data-search-exclude="">'
    r'<details class="hg-references__fold"><summary>.*?</summary><ol>)(.*?)(</ol>)', re.DOTALL)
_EMPTY = re.compile(
    r'(<span class="hg-cite__preview" data-search-exclude="" id="[^"<>]*" role="tooltip">)(</span>)'
    rf'|(<section aria-labelledby="references" class="{REFS_CLASS}" data-search-exclude="">'
    r'<details class="hg-references__fold"><summary>.*?</summary><ol>)(</ol>)', re.DOTALL)
# What Material's search plugin removes from page.content after indexing it (see restore()).
_SEARCH_ATTRS = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")


@dataclass(frozen=True)
class Hidden:
    """A page's HTML with its excluded parts emptied, and those parts in the order they were taken."""

    content: str
    original: str
    parts: tuple[str, ...]


def hide(html: str) -> Hidden | None:
    """The page with the previews' text and the references list emptied; None if it has neither."""
    if EXCLUDE not in html or CITE_CLASS not in html:
        return None
    parts: list[str] = []

    def empty(m: re.Match[str]) -> str:
        if m.group(1) is not None:
            parts.append(m.group(2))
            return m.group(1) + m.group(3)
        parts.append(m.group(5))
        return m.group(4) + m.group(6)

    content = _FULL.sub(empty, html)
    return Hidden(content, html, tuple(parts)) if parts else None


def restore(html: str, hidden: Hidden) -> str:
    """``html`` (the hidden page as the plugins between left it) with the parts put back.

    The search plugin removes ``data-search-*`` attributes that have a value from the page it read, which
    ours (empty) are not. Should anything between have changed the emptied parts themselves, the page is
    the original with that same removal, which is what it would have been with nothing hidden.
    """
    taken = iter(hidden.parts)
    count = 0

    def fill(m: re.Match[str]) -> str:
        nonlocal count
        count += 1
        part = next(taken, "")
        return m.group(1) + part + m.group(2) if m.group(1) is not None else m.group(3) + part + m.group(4)

    filled = _EMPTY.sub(fill, html)
    if count != len(hidden.parts):
        return _SEARCH_ATTRS.sub("", hidden.original)
    if any("data-search-" in part for part in hidden.parts):
        return _SEARCH_ATTRS.sub("", filled)   # as the search plugin would have left the parts
    return filled
