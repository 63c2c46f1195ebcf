"""Review dates and who counts as a medical reviewer: facts the checks, the byline and JSON-LD share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from ..model import Author, PageMeta, Review

REVIEWER_ROLE = "medical reviewer"


def is_reviewer(role: str) -> bool:
    """Only the medical reviewer role counts, however it is spelled ("Medical-Reviewer")."""
    return role.strip().lower().replace("-", " ").replace("_", " ") == REVIEWER_ROLE


def reviewers(authors: Mapping[str, Author]) -> frozenset[str]:
    return frozenset(a.id for a in authors.values() if is_reviewer(a.role))


def next_review(last: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (clamped to the month's end)."""
    month = last.month - 1 + months
    year, month = last.year + month // 12, month % 12 + 1
    for day in (last.day, 30, 29, 28):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def review_of(front: PageMeta, months: int) -> Review | None:
    last = front.last_reviewed
    return Review(last, next_review(last, months)) if last else None
