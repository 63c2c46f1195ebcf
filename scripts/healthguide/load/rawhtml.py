"""Ids and links in the raw HTML a page carries (an editor's HTML blocks, or HTML an extension stashed).

Browsers land on ``id=…`` and on ``<a name=…>``, so both are anchors, wherever they stand. A link
inside ``<pre>`` or ``<code>`` is text a reader sees (e.g. Pygments' ``#__codelineno-…`` line links in
highlighted code), never a link of the page's own: it is not collected.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from markdown.util import AMP_SUBSTITUTE

_CODE = {"pre", "code"}


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: list[tuple[str, bool]] = []   # (href or src, is_image)
        self._in_code = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._collect(tag, attrs)
        if tag in _CODE:
            self._in_code += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._collect(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _CODE and self._in_code:
            self._in_code -= 1

    def _collect(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.append(value)
            elif not self._in_code and ((tag == "a" and name == "href") or (tag == "img" and name == "src")):
                self.links.append((value, tag == "img"))


def scan(fragment: str) -> tuple[list[str], list[tuple[str, bool]]]:
    """The ids and the (href, is_image) links of one HTML fragment, links inside code left out."""
    parser = _Parser()
    try:
        parser.feed(fragment)
        parser.close()
    except (AssertionError, ValueError):  # HTMLParser on malformed markup: keep what was read
        pass
    return parser.ids, parser.links


def decode_href(href: str) -> str:
    """An href as the browser reads it: Python-Markdown writes some (autolinked e-mail) as entities."""
    if AMP_SUBSTITUTE in href:
        href = href.replace(AMP_SUBSTITUTE, "&")
    return html.unescape(href) if "&" in href else href
