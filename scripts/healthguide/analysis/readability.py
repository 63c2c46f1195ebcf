"""HG520: reading grade of each article's running text (Flesch–Kincaid, via textstat)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # textstat 0.7.4 imports the deprecated pkg_resources
    import textstat

from ..findings import CODES, Finding, Severity, finding
from ..model import Page, Site
from ..settings import Settings

TOO_HARD = CODES.define("HG520", "reading-grade", Severity.WARN,
                        "an article's Flesch–Kincaid grade is above `max_reading_grade`")
MIN_WORDS = 100  # below this a grade says nothing useful


GRADES: dict[str, float | None] = {}  # text -> grade; a pure function, memoised (and seeded from the page cache)


def grade(page: Page) -> float | None:
    text = page.text
    if text in GRADES:
        return GRADES[text]
    words = len(text.split())
    value = None if words < MIN_WORDS else float(textstat.flesch_kincaid_grade(text))
    if len(GRADES) > 100_000:   # `mkdocs serve` rebuilds: do not grow forever
        GRADES.clear()
    GRADES[text] = value
    return value


def check(site: Site, settings: Settings) -> Iterator[Finding]:
    for page in site.pages.values():
        if page.type is None or not page.type.is_medical:
            continue
        value = grade(page)
        if value is not None and value > settings.max_reading_grade:
            yield finding(TOO_HARD, page.path, page.front_matter_pos.line, 1,
                          f"reading grade {value:.1f} is above {settings.max_reading_grade:g}",
                          "Use shorter sentences and everyday words; explain medical terms in a few words.")
