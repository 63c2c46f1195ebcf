"""The editor's front-matter contract, declared once as data.

:data:`FIELDS` drives everything that knows about front matter: :func:`parse_meta` (the typed
:class:`~healthguide.model.PageMeta` every page carries), the contract check (HG1xx), the scaffold
(`make new`, :func:`scaffold_lines`) and the table in CONTRIBUTING.md (:func:`markdown_table`).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..model import PageMeta, PageType

ALL = frozenset(PageType)
MEDICAL = frozenset({PageType.PILLAR, PageType.SPOKE})


@dataclass(frozen=True)
class Field:
    """One front-matter key: its type, where it is required or allowed, and what `make new` writes.

    Conditional rules are data: ``required_for`` (a spoke needs a pillar), ``allowed_for`` (only a spoke
    has one). A key required for every type (title, type) is reported missing even when ``type`` is unusable.
    """

    kind: str                                   # text | date | list-of-text | choice | mapping
    required_for: frozenset[PageType] = frozenset()
    allowed_for: frozenset[PageType] = ALL
    choices: tuple[str, ...] = ()
    help: str = ""
    choice_help: str = ""                       # the hint when a choice is not one of ``choices``
    nullable: bool = False                      # an explicit empty value means "none yet"
    length: tuple[int, int] | None = None       # bounds on a text's length (HG105)
    path: bool = False                          # docs-relative path(s), normalised when parsed
    scaffold: str | None = None                 # what `make new` writes: {title} {type} {pillar} {author} {today}
    keys: tuple[tuple[str, str], ...] = ()      # a mapping's sub-keys and their kinds: number | yes/no

    def required(self, kind: PageType | None) -> bool:
        return kind in self.required_for if kind is not None else self.required_for == ALL


DESCRIPTION_LENGTH = (50, 160)

FIELDS: dict[str, Field] = {
    "title": Field("text", ALL, help="the page title, e.g. `title: Plantar fasciitis and low back pain`",
                   scaffold="{title}"),
    "description": Field("text", MEDICAL, help="one or two plain sentences, 50–160 characters", length=DESCRIPTION_LENGTH,
                         scaffold="TODO: say in one or two plain sentences what a reader learns on this page."),
    "type": Field("choice", ALL, choices=tuple(t.value for t in PageType), help="pillar, spoke or page",
                  choice_help="Use pillar for an overview, spoke for a focused article, page for about/legal pages.",
                  scaffold="{type}"),
    "pillar": Field("text", frozenset({PageType.SPOKE}), frozenset({PageType.SPOKE}), path=True,
                    help="the docs-relative path of the spoke's pillar, e.g. `foot-back-connection/index.md`",
                    scaffold="{pillar}"),
    "related": Field("list-of-text", path=True, help="docs-relative paths, e.g. `[foot-back-connection/stretches.md]`",
                     scaffold="[]"),
    "tags": Field("list-of-text", help="short topic words, e.g. `[plantar fasciitis, gait]`", scaffold="[]"),
    "authors": Field("list-of-text", MEDICAL, help="ids from authors.yml, e.g. `[editorial-team]`", scaffold="[{author}]"),
    "reviewed_by": Field("text", nullable=True, help="an id from authors.yml whose role is medical reviewer"),
    "last_reviewed": Field("date", MEDICAL, help="the date of the last check against sources, e.g. `2026-11-20`",
                           scaffold="{today}"),
    # Read by Material's search plugin (https://squidfunk.github.io/mkdocs-material/setup/setting-up-site-search/):
    # checked here so a typo such as `boost: high` is reported instead of silently ignored.
    "search": Field("mapping", keys=(("boost", "number"), ("exclude", "yes/no")),
                    help="Material's search options: `boost` ranks the page higher (e.g. `boost: 2`), "
                         "`exclude: true` leaves it out of search"),
}

# Keys Material for MkDocs itself reads from front matter: allowed, not ours to check.
THEME_KEYS = frozenset({"hide", "template", "icon", "status", "subtitle", "social"})


def type_problem(kind: str, value: Any, keys: tuple[tuple[str, str], ...] = ()) -> str | None:
    """Why ``value`` is not of ``kind``, or None (``keys``: a mapping's sub-keys and their kinds)."""
    if value is None:
        return "is empty"
    if kind == "mapping":
        if not isinstance(value, dict):
            return f"must be a mapping of {', '.join(k for k, _ in keys)}, not {_describe(value)}"
        allowed = dict(keys)
        for sub, item in value.items():
            if sub not in allowed:
                return f"has no option '{sub}' (it takes {', '.join(allowed)})"
            if not _is(allowed[sub], item):
                return f"option '{sub}' must be {'a number' if allowed[sub] == 'number' else 'true or false'}, not {_describe(item)}"
        return None
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


def _is(kind: str, value: Any) -> bool:
    """A mapping's sub-value: a number (never yes/no, which YAML also reads as one) or yes/no."""
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, bool)


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


def parse_meta(meta: Mapping[str, Any]) -> PageMeta:
    """The typed front matter: each key converted by its field's kind; a value of the wrong type is None/empty
    (the contract check reports it). Paths are normalised, docs-relative."""
    values: dict[str, Any] = {}
    for key, field in FIELDS.items():
        raw = meta.get(key)
        if field.kind == "text":
            text = raw if isinstance(raw, str) else None
            values[key] = (posixpath.normpath(text.strip()) if text and text.strip() else None) if field.path else text
        elif field.kind == "choice":
            values[key] = raw if isinstance(raw, str) and raw in field.choices else None
        elif field.kind == "date":
            values[key] = as_date(raw)
        elif field.kind == "mapping":
            kinds = dict(field.keys)
            values[key] = ({k: v for k, v in raw.items() if k in kinds and _is(kinds[k], v)}
                           if isinstance(raw, dict) else {})
        else:
            items = tuple(v for v in raw if isinstance(v, str)) if isinstance(raw, list) else ()
            values[key] = tuple(posixpath.normpath(v.strip()) for v in items) if field.path else items
            if field.path:
                values[key + "_written"] = items
    values["type"] = PageType(values["type"]) if values["type"] else None
    return PageMeta(**values)


def scaffold_lines(kind: PageType, *, title: str, author: str, today: dt.date, pillar: str | None) -> list[str]:
    """The front-matter lines `make new` writes for a page of ``kind`` (without the ``---`` fences)."""
    lines = []
    for key, field in FIELDS.items():
        if field.scaffold is None or kind not in field.allowed_for or not (field.required(kind) or kind.is_medical):
            continue
        value = field.scaffold.format(title=title, type=kind.value, pillar=pillar or "", author=author,
                                      today=today.isoformat())
        if not value:
            continue  # e.g. no pillar given
        lines.append(f"{key}: {yaml_text(value) if field.kind == 'text' and not field.path else value}")
    return lines


def yaml_text(value: str) -> str:
    """A YAML scalar that stays text whatever the title contains."""
    if re.fullmatch(r"[A-Za-z0-9][^:#\[\]{}&*!|>'\"%@`,]*", value) and value.strip() == value:
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


_KIND_WORDS = {"list-of-text": "list of text", "date": "date, YYYY-MM-DD"}


def _kind_words(field: Field) -> str:
    if field.choices:
        return f"one of {', '.join(field.choices)}"
    if field.kind == "mapping":
        return "mapping: " + ", ".join(f"{k} ({kind})" for k, kind in field.keys)
    return _KIND_WORDS.get(field.kind, field.kind)
TABLE_START = "<!-- front-matter table: generated from FIELDS in scripts/healthguide/load/schema.py -->"
TABLE_END = "<!-- end of generated table -->"


def markdown_table() -> str:
    """The front-matter table of CONTRIBUTING.md, generated from :data:`FIELDS`."""
    def types(kinds: frozenset[PageType]) -> str:
        return "every page" if kinds == ALL else ", ".join(t.value for t in PageType if t in kinds) or "–"

    rows = ["| key | type | required for | allowed on | what to write |", "|---|---|---|---|---|"]
    for key, field in FIELDS.items():
        rows.append(f"| `{key}` | {_kind_words(field)}{' (may be empty)' if field.nullable else ''} | {types(field.required_for)} | "
                    f"{types(field.allowed_for)} | {field.help} |")
    return "\n".join(rows)
