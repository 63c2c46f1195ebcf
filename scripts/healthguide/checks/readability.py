"""HG520: reading grade of each article's running text (``Page.grade``, from :mod:`healthguide.analysis.readability`)."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import CODES, Finding, Severity, finding
from ..model import Site
from ..settings import Settings

TOO_HARD = CODES.define("HG520", "reading-grade", Severity.WARN,
                        "an article's Flesch–Kincaid grade is above `max_reading_grade`")


def check(site: Site, settings: Settings) -> Iterator[Finding]:
    for page in site.pages.values():
        if page.type is None or not page.type.is_medical:
            continue
        value = page.grade
        if value is not None and value > settings.max_reading_grade:
            yield finding(TOO_HARD, page.path, page.front_matter_pos.line, 1,
                          f"reading grade {value:.1f} is above {settings.max_reading_grade:g}",
                          "Use shorter sentences and everyday words; explain medical terms in a few words.")
