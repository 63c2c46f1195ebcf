"""The editor's front-matter contract, declared once as data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..model import PageType

ALL = frozenset(PageType)
MEDICAL = frozenset({PageType.PILLAR, PageType.SPOKE})


@dataclass(frozen=True)
class Field:
    kind: str                                   # text | date | list-of-text | choice
    required_for: frozenset[PageType] = frozenset()
    allowed_for: frozenset[PageType] = ALL
    choices: tuple[str, ...] = ()
    help: str = ""


FIELDS: dict[str, Field] = {
    "title": Field("text", ALL, help="the page title, e.g. `title: Plantar fasciitis and low back pain`"),
    "description": Field("text", MEDICAL, help="one or two plain sentences, 50–160 characters"),
    "type": Field("choice", ALL, choices=tuple(t.value for t in PageType), help="pillar, spoke or page"),
    "pillar": Field("text", frozenset({PageType.SPOKE}), frozenset({PageType.SPOKE}),
                    help="the docs-relative path of the spoke's pillar, e.g. `foot-back-connection/index.md`"),
    "related": Field("list-of-text", help="docs-relative paths, e.g. `[foot-back-connection/stretches.md]`"),
    "tags": Field("list-of-text", help="short topic words, e.g. `[plantar fasciitis, gait]`"),
    "authors": Field("list-of-text", MEDICAL, help="ids from authors.yml, e.g. `[editorial-team]`"),
    "reviewed_by": Field("text", help="an id from authors.yml whose role is medical reviewer"),
    "last_reviewed": Field("date", MEDICAL, help="the date of the last check against sources, e.g. `2026-11-20`"),
}

# Keys Material for MkDocs itself reads from front matter: allowed, not ours to check.
THEME_KEYS = frozenset({"hide", "template", "icon", "status", "search", "subtitle", "social"})

DESCRIPTION_LENGTH = (50, 160)


def type_problem(kind: str, value: Any) -> str | None:
    """Why ``value`` is not of ``kind``, or None."""
    if value is None:
        return "is empty"
    if kind in ("text", "choice"):
        return None if isinstance(value, str) and value.strip() else f"must be text, not {_describe(value)}"
    if kind == "list-of-text":
        if not isinstance(value, list):
            return f"must be a list like `[a, b]`, not {_describe(value)}"
        bad = [v for v in value if not isinstance(v, str) or not v.strip()]
        return f"must list text items; {_describe(bad[0])} is not" if bad else None
    if kind == "date":
        return None if as_date(value) else f"must be a date written YYYY-MM-DD, not {value!r}"
    raise ValueError(kind)


def as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"yes/no ({value})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)
