"""Mistakes that used to pass silently: scaffold placeholders left in a page (HG107 in front matter,
HG503 in the text, HG504 in a heading) and citations typed in round brackets, which render as plain text (HG502)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..findings import CODES, Finding, Severity, finding
from ..model import Page, Site
from ..settings import Settings

PLACEHOLDER_META = CODES.define("HG107", "placeholder-in-front-matter", Severity.ERROR,
                                "a front-matter value still holds a placeholder such as `TODO`")
ROUND_CITATION = CODES.define("HG502", "citation-in-round-brackets", Severity.ERROR,
                              "a citation is written in round brackets, `(@key)`, so it renders as plain text")
PLACEHOLDER_TEXT = CODES.define("HG503", "placeholder-in-text", Severity.ERROR,
                                "the page's text still holds a placeholder such as `TODO`")
PLACEHOLDER_HEADING = CODES.define("HG504", "placeholder-heading", Severity.ERROR,
                                   "a heading is still a placeholder: `## TODO`, `## Heading here`, `## Lorem ipsum`")

# Upper case only: "todo" in ordinary prose is a word, "TODO" is a note to self.
PLACEHOLDER = re.compile(r"(?<![\w-])(?:TODO|FIXME|TBD|XXX)(?![\w-])")
# A template's stand-in heading, the whole of it ("Heading here", "Your title", "Section 2", "Untitled"),
# or filler text anywhere in it; a real heading that uses such a word says more ("Heading off heel pain").
FILLER_HEADING = re.compile(
    r"^(?:(?:insert|add|your|new|a|sub)[ -]?)?(?:heading|title|header|section(?: (?:title|heading|name))?)(?: \d+)?"
    r"(?: (?:goes )?here)?$|^untitled(?: section)?$|^placeholder\b|\blorem ipsum\b", re.IGNORECASE)
_KEY = r"[A-Za-z0-9_][\w:.#$%&+?<>~/-]*"
# "(@key)", "(see @key, p. 3)", "(@a; @b)": an @ that starts a word (so no e-mail address) inside ( ).
ROUND = re.compile(rf"\((?:[^()@\[\]]*?(?<=[\s(;]))?-?@({_KEY}[\w])[^()\[\]]*\)")

_YEAR = re.compile(r"(?:19|20)\d\d")


def check(site: Site, settings: Settings) -> Iterator[Finding]:
    for page in site.pages.values():
        yield from _front_matter(page)
        for text, pos in page.headings:
            if PLACEHOLDER.search(text) or FILLER_HEADING.search(text.strip(" .:")):
                yield finding(PLACEHOLDER_HEADING, page.path, pos.line, pos.col,
                              f"placeholder heading: \"{_quote(text)}\"",
                              "Give the section a heading that says what it covers, or delete the section.")
        for sentence in page.sentences:
            text = sentence.text
            # Substring tests first (C, no regex call): neither pattern can match without its words, and
            # most sentences have none of them.
            if ("TODO" in text or "FIXME" in text or "TBD" in text or "XXX" in text) and PLACEHOLDER.search(text):
                yield finding(PLACEHOLDER_TEXT, page.path, sentence.pos.line, sentence.pos.col,
                              f"placeholder left in the text: \"{_quote(text)}\"",
                              "Write the sentence the placeholder stands for, or delete it.")
            for match in ROUND.finditer(text) if "@" in text else ():
                key = match.group(1)
                if key not in site.references and not _YEAR.search(key):
                    continue  # "(@someone)" is a handle; a citation key names a reference or a year
                known = " (a reference in references.yaml)" if key in site.references else ""
                yield finding(ROUND_CITATION, page.path, sentence.pos.line, sentence.pos.col,
                              f"citation in round brackets: \"{match.group(0)}\"{known} shows as plain text, not a citation",
                              f"Use square brackets: [@{key}].")


def _front_matter(page: Page) -> Iterator[Finding]:
    for key, value in page.meta.items():
        for text in _strings(value):
            if PLACEHOLDER.search(text):
                pos = page.pos_of(key)
                yield finding(PLACEHOLDER_META, page.path, pos.line, pos.col,
                              f"'{key}' still holds a placeholder: \"{_quote(text)}\"",
                              f"Replace the placeholder with the real {key}.")
                break


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _quote(text: str) -> str:
    return text if len(text) <= 120 else text[:117] + "…"
