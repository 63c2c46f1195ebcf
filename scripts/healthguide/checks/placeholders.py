"""Placeholders left in a guide's data files: the warning signs (HG620) and authors.yml (HG621).

``healthguide init`` writes a new guide whose warning signs are placeholders (``TODO``) until its team
sources each sign from NHS guidance, and pages repeat some of that text in their care sections. These
codes point at the data file itself, where the fix is made; the same words as HG107 and HG503 count as
placeholders (upper case ``TODO``, ``FIXME``, ``TBD``, ``XXX``).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import CODES, Finding, Severity, finding
from ..load.care import CareData
from ..model import Site
from ..settings import Settings
from .mistakes import PLACEHOLDER

IN_SIGNS = CODES.define("HG620", "placeholder-in-warning-signs", Severity.ERROR,
                        "the warning-signs data still holds a placeholder such as `TODO`")
IN_AUTHORS = CODES.define("HG621", "placeholder-in-authors", Severity.ERROR,
                          "an entry in authors.yml still holds a placeholder such as `TODO`")

_SIGN_HINT = ("Write the sign from the NHS or NICE page it comes from, in your own plain words, "
              "and name that page under `sources:`.")


def check(site: Site, settings: Settings) -> Iterator[Finding]:
    if site.care is not None:
        yield from _signs(site.care)
    for author in site.authors.values():
        for key, value in (("name", author.name), ("role", author.role), ("description", author.description)):
            if PLACEHOLDER.search(value):
                yield finding(IN_AUTHORS, site.authors_path, author.pos.line, author.pos.col,
                              f"'{author.id}': `{key}` still holds a placeholder: \"{_quote(value)}\"",
                              "Describe the real person or the honest role (a team, not an invented name), or delete the entry.")
                break


def _signs(data: CareData) -> Iterator[Finding]:
    for level, info in data.levels.items():
        for key, value in (("title", info.title), ("short", info.short), ("heading", info.heading), ("action", info.action)):
            if PLACEHOLDER.search(value):
                yield finding(IN_SIGNS, data.path, info.line, 1,
                              f"`levels: {level.value}: {key}` still holds a placeholder: \"{_quote(value)}\"",
                              "Write what the reader should do at this level, following NHS guidance for your topic.")
    for sign in data.signs:
        for key, value in (("text", sign.text), ("question", sign.question), ("go", sign.go)):
            if PLACEHOLDER.search(value):
                yield finding(IN_SIGNS, data.path, sign.line, 1,
                              f"sign `{sign.id}`: `{key}` still holds a placeholder: \"{_quote(value)}\"", _SIGN_HINT)
    for source in data.sources.values():
        for key, value in (("title", source.title), ("url", source.url)):
            if PLACEHOLDER.search(value):
                yield finding(IN_SIGNS, data.path, source.line, 1,
                              f"source `{source.id}`: `{key}` still holds a placeholder: \"{_quote(value)}\"",
                              "Give the title and address of the NHS or NICE page you read the signs on.")


def _quote(text: str) -> str:
    return text if len(text) <= 120 else text[:117] + "…"
