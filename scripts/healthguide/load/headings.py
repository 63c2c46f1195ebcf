"""Where each rendered heading sits in the source (for findings on headings, e.g. a scaffold's ``## TODO``).

The renderer decides what is a heading (``Page.outline``); this only answers where, by walking the
source's heading lines (ATX ``#`` lines and setext underlines, outside code) in reading order.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

from ..model import Position

_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_ATX = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_WORD = re.compile(r"\w+")
# Python-Markdown's stash placeholders (raw HTML such as a comment) and its escaped "&" (in the toc's "&para;").
_STASHED = re.compile("\x02wzxhzdk:\\d+\x03")
_AMP = "\x02amp\x03"


def locate(outline: Iterable[tuple[str, str, str, str]], lines: Sequence[str],
           first_line: int) -> tuple[tuple[str, Position], ...]:
    """(text as rendered, where) for each top-level heading of ``outline``.

    ``lines``: the body with code blanked out (``Locator.lines``); ``first_line``: the file line of lines[0].
    A heading whose line is not found (raw HTML, markup that hides its first word) is placed on the body's first line.
    """
    found: list[tuple[str, Position]] = []
    cursor = 0
    for tag, _ident, _classes, text in outline:
        if tag not in _HEADING_TAGS:
            continue
        text = " ".join(html.unescape(_STASHED.sub("", text).replace(_AMP, "&")).rstrip("¶ ").split())
        word = _WORD.search(text)
        pos = Position(first_line)
        for i in range(cursor, len(lines)):
            col = _heading_col(lines, i)
            if col is not None and (word is None or word.group(0).lower() in lines[i].lower()):
                pos, cursor = Position(first_line + i, col), i + 1
                break
        found.append((text, pos))
    return tuple(found)


def _heading_col(lines: Sequence[str], i: int) -> int | None:
    """The 1-based column of the heading's text if line i is a heading line, else None."""
    line = lines[i]
    atx = _ATX.match(line)
    if atx:
        return atx.end() + 1
    if line.strip() and i + 1 < len(lines) and _SETEXT.match(lines[i + 1]) and not _ATX.match(line):
        return len(line) - len(line.lstrip()) + 1
    return None
