"""The page Material's search plugin reads: ours without the parts it leaves out anyway.

Material's search plugin parses each page's HTML at ``on_page_context`` and skips every element that carries
``data-search-exclude``, but its parser still walks every tag and string inside one. On a guide's page most
of the HTML is such parts: each citation's preview repeats its reference's full text, and the references
list repeats them all. :func:`hide` takes out the previews and the list's ``<ol>`` (keeping its heading,
which the search plugin records as an excluded section), so the search plugin builds the same index from a
smaller page; :func:`restore` gives the templates the whole page back. The index is the same because an
excluded element adds nothing to it: no text, no heading (there is none inside them), and it sits between
tags, so the text around it reaches the parser as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..load.mdext import REFS_CLASS

# As the serialiser writes them (attributes sorted). A preview holds no other span, the list no other <ol>.
_PREVIEW = '<span class="hg-cite__preview" data-search-exclude="" id="'
_LIST = f'<section aria-labelledby="references" class="{REFS_CLASS}" data-search-exclude="">'
# What Material's search plugin removes from page.content after indexing it (ours, empty, are not).
_SEARCH_ATTRS = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")


@dataclass(frozen=True)
class Hidden:
    """A page's HTML without its excluded parts, and the whole page."""

    content: str
    original: str


def hide(html: str) -> Hidden | None:
    """The page without the citation previews and the references list's items; None if it has neither."""
    if _PREVIEW not in html and _LIST not in html:
        return None
    cuts = list(_previews(html))
    start = html.find(_LIST)
    if start >= 0:
        ol = html.find("<ol>", start)
        end = html.find("</ol>", ol)
        if 0 <= ol < end and html.find("<ol", ol + 1, end) < 0 and html.find("</section>", start, ol) < 0:
            cuts.append((ol, end + len("</ol>")))
    if not cuts:
        return None
    pieces, at = [], 0
    for begin, end in sorted(cuts):
        pieces.append(html[at:begin])
        at = end
    pieces.append(html[at:])
    content = "".join(pieces)
    if content.count("data-search-") != content.count('data-search-exclude=""') and _SEARCH_ATTRS.search(content):
        return None   # the search plugin would edit this page after reading it: keep it whole
    return Hidden(content, html)


def _previews(html: str) -> list[tuple[int, int]]:
    found = []
    at = html.find(_PREVIEW)
    while at >= 0:
        end = html.find("</span>", at)
        if end < 0:
            break
        if html.find("<span", at + 1, end) < 0:   # ours: no span inside (a page's own HTML may differ)
            found.append((at, end + len("</span>")))
        at = html.find(_PREVIEW, end)
    return found


def restore(html: str, hidden: Hidden) -> str:
    """The whole page, as the search plugin leaves the page it read (``html``, the hidden one).

    That plugin removes the ``data-search-*`` attributes that have a value, and :func:`hide` hid no page
    that has one outside the parts it took; should ``html`` differ all the same, the page is the original
    with that removal, which is what it would have been with nothing hidden.
    """
    if html == hidden.content:
        return hidden.original
    return _SEARCH_ATTRS.sub("", hidden.original)
