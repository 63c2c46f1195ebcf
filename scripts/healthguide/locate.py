"""Map what the renderer saw back to source lines.

The renderer decides *what* is in a page (links, citations, anchors); this only answers
*where*, by finding the n-th occurrence of the same text in the source, outside code.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .model import Position

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


class Locator:
    def __init__(self, body: str, first_line: int) -> None:
        """``first_line``: the 1-based file line on which ``body`` starts."""
        self.first_line = first_line
        self.lines = _blank_code(body.split("\n"))
        self._seen: dict[str, int] = defaultdict(int)

    def find(self, needle: str, fallback: Position | None = None) -> Position:
        """Where the next not-yet-claimed occurrence of ``needle`` is."""
        if needle:
            nth = self._seen[needle]
            self._seen[needle] += 1
            hits = self._occurrences(needle)
            if hits:
                line, col = hits[min(nth, len(hits) - 1)]
                return Position(self.first_line + line, col + 1)
        return fallback or Position(self.first_line)

    def find_words(self, sentence: str) -> Position:
        """Where a rendered sentence starts: its first words, with any markup between them."""
        words = re.findall(r"[A-Za-z0-9][A-Za-z0-9'’-]*", sentence)
        for size in (4, 2, 1):
            if len(words) >= size:
                pattern = r"\W+(?:\S*?\W+)??".join(re.escape(w) for w in words[:size])
                pos = self._search(pattern, sentence)
                if pos:
                    return pos
        return Position(self.first_line)

    def _search(self, pattern: str, key: str) -> Position | None:
        regex = re.compile(pattern)
        hits = []
        for i, line in enumerate(self.lines):
            hits.extend((i, m.start()) for m in regex.finditer(line))
        if not hits:
            joined = "\n".join(self.lines)
            m = regex.search(joined)
            if not m:
                return None
            line = joined.count("\n", 0, m.start())
            hits = [(line, m.start() - (joined.rfind("\n", 0, m.start()) + 1))]
        nth = self._seen[key]
        self._seen[key] += 1
        line, col = hits[min(nth, len(hits) - 1)]
        return Position(self.first_line + line, col + 1)

    def _occurrences(self, needle: str) -> list[tuple[int, int]]:
        hits = []
        for i, line in enumerate(self.lines):
            start = line.find(needle)
            while start != -1:
                hits.append((i, start))
                start = line.find(needle, start + 1)
        return hits


def _blank_code(lines: list[str]) -> list[str]:
    out = []
    fence: str | None = None
    for line in lines:
        m = _FENCE.match(line)
        if fence is None and m:
            fence = m.group(1)[0] * 3
            out.append("")
        elif fence is not None:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
            out.append("")
        else:
            out.append(re.sub(r"`[^`]*`", lambda m: " " * len(m.group(0)), line))
    return out
