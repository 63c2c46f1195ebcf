"""Reading grade of a page's running text (Flesch–Kincaid grade level), read by HG520 and `stats`.

Syllables come from pyphen's English hyphenation dictionary (a hyphenation point is a syllable break),
words and sentences from plain rules below: no library that needs ``pkg_resources`` or a data download.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

import pyphen

MIN_WORDS = 100  # below this a grade says nothing useful

# A word is a run of letters or digits, with inner apostrophes and hyphens ("don't", "low-back").
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
# A sentence ends at . ! or ? (possibly repeated, possibly followed by a closing quote or bracket).
_SENTENCE_END = re.compile(r"[.!?]+[\"'’”)\]]*(?=\s|$)")


@functools.cache
def _dictionary() -> pyphen.Pyphen:
    """Loaded on first use (~0.2 s): a warm check takes every grade from the page cache and never needs it."""
    return pyphen.Pyphen(lang="en_US")


@functools.lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Syllables in one word: its hyphenation points plus one (digits count as one)."""
    letters = word.lower().replace("’", "'")
    return len(_dictionary().positions(letters)) + 1


def sentence_count(text: str) -> int:
    """Sentences with at least one word; text without end punctuation is one sentence."""
    # The pieces between sentence ends (the pattern has no group, so split returns only those), the last included.
    return sum(1 for piece in _SENTENCE_END.split(text) if _WORD.search(piece))


def flesch_kincaid_grade(text: str) -> float | None:
    """0.39 × words per sentence + 11.8 × syllables per word − 15.59, or None for text without words."""
    words = _WORD.findall(text)
    if not words:
        return None
    sentences = max(sentence_count(text), 1)
    # each distinct word once (a page repeats most of its words): the same total
    total = sum(syllables(w) * n for w, n in Counter(words).items())
    return round(0.39 * len(words) / sentences + 11.8 * total / len(words) - 15.59, 1)


def grade(text: str) -> float | None:
    """The Flesch–Kincaid grade of ``text``, or None when it is too short to say anything useful."""
    if len(text.split()) < MIN_WORDS:
        return None
    return flesch_kincaid_grade(text)
