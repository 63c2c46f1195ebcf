"""HG1xx: the front-matter contract (required keys, types, enums, unknown keys, lengths)."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ..findings import CODES, Finding, Severity, finding
from ..load.schema import ALL, FIELDS, THEME_KEYS, type_problem
from ..model import Page, PageType, Site
from ..settings import Settings

MISSING = CODES.define("HG101", "required-key-missing", Severity.ERROR, "a required front-matter key is missing")
UNKNOWN = CODES.define("HG102", "unknown-key", Severity.ERROR, "a front-matter key is not part of the contract")
WRONG_TYPE = CODES.define("HG103", "wrong-type", Severity.ERROR, "a front-matter value has the wrong type")
BAD_CHOICE = CODES.define("HG104", "bad-choice", Severity.ERROR, "a front-matter value is not one of the allowed words")
DESCRIPTION = CODES.define("HG105", "description-length", Severity.ERROR,
                           "the description is shorter than 50 or longer than 160 characters")
NOT_APPLICABLE = CODES.define("HG106", "key-not-applicable", Severity.ERROR,
                              "a key is used on a page type it does not apply to (e.g. `pillar` on a pillar)")


def check(site: Site, settings: Settings) -> Iterator[Finding]:
    for page in site.pages.values():
        if page.load_findings and not page.meta:
            continue  # the file itself is broken; that is already reported
        yield from check_page(page)


def check_page(page: Page) -> Iterator[Finding]:
    """Every contract problem in one page's front matter, all of them, from the schema's data (FIELDS)."""
    meta, kind = page.meta, page.type
    for key in meta:
        if key in FIELDS or key in THEME_KEYS:
            continue
        pos = page.pos_of(key)
        guess = difflib.get_close_matches(key, list(FIELDS), n=1, cutoff=0.6)
        yield finding(UNKNOWN, page.path, pos.line, pos.col, f"unknown front-matter key '{key}'",
                      f"Did you mean '{guess[0]}'?" if guess else f"Allowed keys: {', '.join(FIELDS)}.")
    for key, field in FIELDS.items():
        pos = page.pos_of(key)
        if key not in meta:
            if field.required(kind):
                needed = f" (required for a {kind.value})" if kind is not None and field.required_for != ALL else ""
                yield finding(MISSING, page.path, page.front_matter_pos.line, 1, f"front matter has no '{key}'{needed}",
                              f"Add `{key}:` with {field.help}.")
            continue
        if kind is not None and kind not in field.allowed_for:
            allowed = " or ".join(t.value for t in PageType if t in field.allowed_for)
            yield finding(NOT_APPLICABLE, page.path, pos.line, pos.col,
                          f"'{key}' only applies to a {allowed}, but this page is a {kind.value}",
                          f"Remove '{key}', or change `type:` to {allowed}.")
            continue
        value = meta[key]
        if value is None and field.nullable:
            continue  # explicitly empty: e.g. no clinical reviewer yet
        if field.choices:
            if value not in field.choices:
                guess = difflib.get_close_matches(str(value), list(field.choices), n=1)
                yield finding(BAD_CHOICE, page.path, pos.line, pos.col,
                              f"{key} '{value}' is not one of {', '.join(field.choices)}",
                              f"Did you mean '{guess[0]}'?" if guess else field.choice_help)
            continue
        problem = type_problem(field.kind, value, field.keys)
        if problem:
            yield finding(WRONG_TYPE, page.path, pos.line, pos.col, f"'{key}' {problem}", f"Write it as {field.help}.")
        elif field.length is not None and isinstance(value, str):
            low, high = field.length
            size = len(value.strip())
            if not low <= size <= high:
                yield finding(DESCRIPTION, page.path, pos.line, pos.col,
                              f"{key} is {size} characters; it should be {low}–{high}",
                              "Search engines show about 160 characters: write one or two plain sentences.")
