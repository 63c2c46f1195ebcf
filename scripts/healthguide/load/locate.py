"""Map what the renderer saw back to source lines.

The renderer decides *what* is in a page (links, citations, anchors); this only answers
*where*, by finding the n-th occurrence of the same text in the source, outside code.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from itertools import accumulate, islice

from ..model import Position

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"`[^`]*`")


class Locator:
    def __init__(self, body: str, first_line: int) -> None:
        """``first_line``: the 1-based file line on which ``body`` starts."""
        self.first_line = first_line
        self.lines = _blank_code(body.split("\n"))
        self._seen: dict[str, int] = defaultdict(int)
        # One joined text and the offset where each line starts: searches run over it in C, once per needle.
        self._joined = "\n".join(self.lines)
        self._starts = list(accumulate((len(line) + 1 for line in self.lines[:-1]), initial=0))
        self._hits: dict[str, list[tuple[int, int]]] = {}
        self._cursor = 0  # where the last sentence was found: sentences arrive in reading order

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

    def find_link(self, href: str, labels: tuple[str, ...] = (), fallback: Position | None = None) -> Position:
        """Where the next use of a link is: ``](href)``, ``href="…"``, ``<href>``, or a reference's ``[label]``.

        The href must end where a link ends (``](a/)`` is not found inside ``](a/b.md)``), and a
        reference-style link is reported where it is used, never at its ``[label]: href`` definition.
        """
        key = "\0link\0" + href + "\0" + "\0".join(labels)
        hits = self._hits.get(key)
        if hits is None:
            text, starts = self._joined, self._starts
            found: list[int] = []
            at = text.find(href) if href else -1
            while at != -1:  # str.find, then a look at both ends: linear even for 10,000 links on a page
                after = text[at + len(href):at + len(href) + 1]
                if after in _LINK_END and _LINK_START.search(text, max(0, at - 24), at):
                    found.append(at)
                at = text.find(href, at + 1)
            if labels:
                names = "|".join(r"\s+".join(re.escape(w) for w in label.split()) for label in sorted(labels, key=len, reverse=True))
                found.extend(m.start() for m in re.finditer(r"\[(?:" + names + r")\](?![:(])", text, re.I))
            hits = []
            for at in sorted(found):
                line = bisect_right(starts, at) - 1
                hits.append((line, at - starts[line]))
            self._hits[key] = hits
        if not hits:
            return self.find(href, fallback)
        nth = self._seen[key]
        self._seen[key] += 1
        line, col = hits[min(nth, len(hits) - 1)]
        return Position(self.first_line + line, col + 1)

    def find_words(self, sentence: str) -> Position:
        """Where a rendered sentence starts: its first words, with any markup between them."""
        words = [m.group() for m in islice(_SENTENCE_WORD.finditer(sentence), 4)]   # only the first four are tried
        for size in (4, 2, 1):
            if len(words) >= size:
                pos = self._search(sentence, words[:size])
                if pos:
                    return pos
        return Position(self.first_line)

    def _search(self, key: str, literals: list[str]) -> Position | None:
        if not self._seen[key]:
            # The usual case, a sentence's first lookup, needs only the first match: found without
            # compiling a regex per sentence (the same answer; see _first_start).
            # The leftmost match that stays on one line is the first line's first match.
            # Look after the previous sentence first: linear for long lists of look-alike items
            # ("Entry 1", "Entry 2", …), and right when the same words occur earlier on the page.
            at = _first_start(self._joined, literals, _IN_LINE, self._cursor) if self._cursor else None
            if at is None:
                at = _first_start(self._joined, literals, _IN_LINE)
            if at is None:
                at = _first_start(self._joined, literals, _ANY)
                if at is None:
                    return None
            self._cursor = at
            line = bisect_right(self._starts, at) - 1
            self._seen[key] += 1
            return Position(self.first_line + line, at - self._starts[line] + 1)
        # A repeated sentence: the regex its words make (built only here, where it is needed).
        pattern = r"\W+(?:\S*?\W+)??".join(re.escape(w) for w in literals)
        regex = re.compile(pattern)
        hits = self._hits.get("\0" + pattern)
        if hits is None:
            hits = []
            # Every match holds each literal word, so only lines holding the longest one can match.
            rows = self._lines_with(max(literals, key=len))
            for i in rows:
                hits.extend((i, m.start()) for m in regex.finditer(self.lines[i]))
            self._hits["\0" + pattern] = hits
        if not hits:
            joined = self._joined
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
        """Every (line, col) where ``needle`` starts, overlapping ones included, in reading order."""
        hits = self._hits.get(needle)
        if hits is None:
            hits = []
            if "\n" not in needle:  # a needle never spans lines
                text, starts = self._joined, self._starts
                at = text.find(needle)
                while at != -1:
                    line = bisect_right(starts, at) - 1
                    hits.append((line, at - starts[line]))
                    at = text.find(needle, at + 1)
            self._hits[needle] = hits
        return hits

    def _lines_with(self, word: str) -> list[int]:
        rows: list[int] = []
        text, starts = self._joined, self._starts
        at = text.find(word)
        while at != -1:
            line = bisect_right(starts, at) - 1
            rows.append(line)
            at = text.find("\n", at)   # next line
            if at == -1:
                break
            at = text.find(word, at + 1)
        return rows


_SENTENCE_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
# What stands just before a link's href (``](``, ``href="``, ``<``) and what may follow it.
_LINK_START = re.compile(r"(?:\]\(\s*<?|\b(?:href|src)\s*=\s*[\"']?|<)\Z", re.I)
_LINK_END = frozenset({"", " ", "\t", "\n", ")", ">", '"', "'"})
_ANY = (re.compile(r"\W*"), re.compile(r"\S*\W*"), re.compile(r"\W+(?:\S*\W+)?"))
_IN_LINE = (re.compile(r"[^\w\n]*"), re.compile(r"\S*[^\w\n]*"), re.compile(r"[^\w\n]+(?:\S*[^\w\n]+)?"))


def _first_start(text: str, words: list[str], gaps: tuple[re.Pattern[str], ...] = _ANY, start: int = 0) -> int | None:
    r"""Where the leftmost match of ``w1\W+(?:\S*?\W+)??w2…`` starts in ``text``, or None.

    The same answer as ``re.search`` with the pattern :meth:`Locator.find_words` builds, without
    compiling a regex per sentence. ``_IN_LINE`` gaps: only matches that do not cross a line end.
    """
    first = words[0]
    at = text.find(first, start)
    # The usual case: the words one space apart where the first word first occurs. That is the match the
    # search below finds first there (one space is the first gap it tries), and no match starts earlier.
    if at != -1 and text.startswith(" ".join(words), at):
        return at
    if len(words) == 1:
        return at if at != -1 else None
    size, end = len(first), len(text)
    while at != -1:
        # The gap after the first word opens with a \W: where a word character follows (the word found inside a
        # longer one, "The" in "There"), _chain would say no.
        q = at + size
        if q < end and not _is_word_char(text[q]) and _chain(text, words, 1, q, gaps):
            return at
        at = text.find(first, at + 1)
    return None


def _is_word_char(char: str) -> bool:
    r"""``re``'s ``\w`` for one character of a str: letters, digits and numerals of any script, and ``_``."""
    return char.isalnum() or char == "_"


def _chain(text: str, words: list[str], i: int, q: int, gaps: tuple[re.Pattern[str], ...]) -> bool:
    if i == len(words):
        return True
    word = words[i]
    after = q + 1
    if text.startswith(" ", q) and text.startswith(word, after):
        # The usual gap, one space: the first place the search below would try (a space is a whole gap).
        if _chain(text, words, i + 1, after + len(word), gaps):
            return True
        after += 1
    nonword, reach, gap = gaps
    m = nonword.match(text, q).end()  # type: ignore[union-attr]
    if m == q:
        return False                          # the gap must open with at least one \W
    # The gap is \W+ then \S* then \W+: it cannot reach past the \W run holding the first space after m.
    end = reach.match(text, m).end() + len(word)  # type: ignore[union-attr]
    r = text.find(word, after, end)
    while r != -1:
        if gap.fullmatch(text, q, r) and _chain(text, words, i + 1, r + len(word), gaps):
            return True
        r = text.find(word, r + 1, end)
    return False


def _blank_code(lines: list[str]) -> list[str]:
    out = []
    fence: str | None = None
    for line in lines:
        m = _FENCE.match(line)
        if fence is None and m:
            fence = m.group(1)   # a fence closes only on a run of its own character at least as long
            out.append("")
        elif fence is not None:
            closing = line.strip()
            if closing.startswith(fence) and not closing.strip(fence[0]):
                fence = None
            out.append("")
        elif "`" in line:
            out.append(_CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line))
        else:
            out.append(line)   # most lines: nothing to blank, no regex call
    return out
