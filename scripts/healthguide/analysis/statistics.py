"""Which cited sentences of a page state a statistic (read by HG442): derived once where the page is parsed,
and kept in the page cache, so a warm check does not search every sentence of the site again."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Sentence
from .claims import STATISTIC


def cited_statistics(sentences: Sequence[Sentence]) -> tuple[int, ...]:
    """Indexes of the sentences that cite a source and state a statistic."""
    return tuple(i for i, s in enumerate(sentences) if s.cited_keys and STATISTIC.search(s.text))
