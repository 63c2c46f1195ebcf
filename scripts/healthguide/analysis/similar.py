""""Did you mean" suggestions: the same answer as ``difflib.get_close_matches(word, possibilities, n=1)``,
without computing the full similarity ratio against every candidate.

``difflib`` scores each candidate with ``SequenceMatcher.ratio()``, which is slow, after two cheap upper
bounds (``real_quick_ratio`` and ``quick_ratio``). Here the cheap bound is computed for every candidate
from a letter count made once per candidate list (:class:`Index`), candidates are visited from the highest
bound down, and the full ratio is computed only while a candidate could still beat the best one found. The
winner is the same, ties included (difflib keeps the largest ``(score, candidate)`` pair).
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Callable, Iterable


class Index:
    """Candidates with their letter counts, built once and asked many times (e.g. every page of a site)."""

    def __init__(self, possibilities: Iterable[str]) -> None:
        # Candidates with the same letters (in any order, e.g. "topic-0012/spoke-03.md" and "topic-0021/spoke-30.md")
        # share one bound: the letter counts are grouped, so a site's paths need far fewer bound computations.
        groups: dict[tuple[tuple[str, int], ...], list[str]] = {}
        for text in dict.fromkeys(possibilities):
            groups.setdefault(tuple(sorted(Counter(text).items())), []).append(text)
        self.groups = [(dict(letters), sum(n for _, n in letters), texts) for letters, texts in groups.items()]

    def closest(self, word: str, cutoff: float = 0.6) -> str | None:
        """The candidate ``difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)`` returns, or None."""
        counts = Counter(word).items()
        bounds: list[tuple[float, str]] = []
        for letters, size, texts in self.groups:
            total = size + len(word)
            shared = sum(min(n, letters.get(c, 0)) for c, n in counts)
            bound = 2.0 * shared / total if total else 1.0     # two empty strings match fully, as in difflib
            if bound >= cutoff:
                bounds.extend((bound, text) for text in texts)
        bounds.sort(reverse=True)
        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(word)
        best: tuple[float, str] | None = None
        for bound, text in bounds:
            if best is not None and bound < best[0]:
                break                  # no candidate left can reach the best score
            matcher.set_seq1(text)
            score = matcher.ratio()
            if score >= cutoff and (best is None or (score, text) > best):
                best = (score, text)
        return best[1] if best else None


def closest(word: str, possibilities: Iterable[str], cutoff: float = 0.6) -> str | None:
    """One-off :meth:`Index.closest` (for short candidate lists asked once)."""
    return Index(possibilities).closest(word, cutoff)



class LazyIndex:
    """An :class:`Index` of ``possibilities()``, built when the first hint is asked for (most runs ask none),
    then reused by every finding of the same check run."""

    def __init__(self, possibilities: Callable[[], Iterable[str]]) -> None:
        self._possibilities = possibilities
        self._index: Index | None = None

    def closest(self, word: str, cutoff: float = 0.6) -> str | None:
        if self._index is None:
            self._index = Index(self._possibilities())
        return self._index.closest(word, cutoff)
