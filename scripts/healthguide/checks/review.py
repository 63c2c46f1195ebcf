"""HG7xx: review dates (``Site.reviews``). Missing or malformed dates are front-matter findings (HG101, HG103)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..findings import CODES, Finding, Severity, finding
from ..model import Page, Site
from ..settings import Settings

FUTURE = CODES.define("HG702", "review-date-future", Severity.ERROR, "`last_reviewed` is a date in the future")
OVERDUE = CODES.define("HG703", "review-overdue", Severity.ERROR, "the page is older than the review interval")
DUE_SOON = CODES.define("HG704", "review-due-soon", Severity.WARN, "the page's review falls due within the warning window")


def check(site: Site, settings: Settings) -> Iterator[Finding]:
    return relate(site, site.pages.values(), settings)


def relate(site: Site, pages: Iterable[Page], settings: Settings) -> Iterator[Finding]:
    """Each of ``pages`` in turn: its review dates against today."""
    for page in pages:
        review = site.reviews.get(page.path)
        if review is None:
            continue
        last, due = review.last, review.due
        pos = page.pos_of("last_reviewed")
        if last > site.today:
            yield finding(FUTURE, page.path, pos.line, pos.col, f"last_reviewed {last} is in the future (today is {site.today})",
                          "Use the date the page was actually checked against its sources.")
        elif due < site.today:
            yield finding(OVERDUE, page.path, pos.line, pos.col,
                          f"review overdue: last reviewed {last}, due {due} ({(site.today - due).days} days ago)",
                          "Re-check the page against its sources, then update `last_reviewed`.")
        elif (due - site.today).days <= settings.review_warning_days:
            yield finding(DUE_SOON, page.path, pos.line, pos.col, f"review due {due}, in {(due - site.today).days} days",
                          "Plan the review: re-check the sources, then update `last_reviewed`.")
