"""HG8xx: authors and reviewers exist in authors.yml, and reviewers are medical reviewers."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

from ..analysis.review import REVIEWER_ROLE
from ..findings import CODES, Finding, Severity, finding
from ..model import Page, Site
from ..settings import Settings

UNKNOWN_AUTHOR = CODES.define("HG801", "unknown-author", Severity.ERROR, "an author id is not in authors.yml")
NOT_REVIEWER = CODES.define("HG802", "reviewer-role", Severity.ERROR, "`reviewed_by` names someone whose role is not medical reviewer")
UNKNOWN_REVIEWER = CODES.define("HG803", "unknown-reviewer", Severity.ERROR, "`reviewed_by` is not an id in authors.yml")


def check(site: Site, settings: Settings) -> Iterator[Finding]:
    return relate(site, site.pages.values(), settings)


def relate(site: Site, pages: Iterable[Page], settings: Settings) -> Iterator[Finding]:
    """Each of ``pages`` in turn: its authors and reviewer against authors.yml."""
    ids = list(site.authors)
    for page in pages:
        if page.front.authors:
            pos = page.pos_of("authors")
            for author in page.front.authors:
                if author not in site.authors:
                    yield finding(UNKNOWN_AUTHOR, page.path, pos.line, pos.col, f"author '{author}' is not in {site.authors_path}",
                                  _guess(author, ids))
        reviewer = page.front.reviewed_by
        if reviewer is not None and reviewer.strip():
            pos = page.pos_of("reviewed_by")
            entry = site.authors.get(reviewer)
            if entry is None:
                yield finding(UNKNOWN_REVIEWER, page.path, pos.line, pos.col, f"reviewer '{reviewer}' is not in {site.authors_path}",
                              _guess(reviewer, ids))
            elif reviewer not in site.reviewers:
                yield finding(NOT_REVIEWER, page.path, pos.line, pos.col,
                              f"'{reviewer}' has role '{entry.role}', not '{REVIEWER_ROLE}'",
                              "Only a real clinician with the medical reviewer role may review; otherwise leave `reviewed_by` out.")


def _guess(value: str, ids: list[str]) -> str:
    guess = difflib.get_close_matches(value, ids, n=1, cutoff=0.6)
    return f"Did you mean '{guess[0]}'?" if guess else f"Known ids: {', '.join(ids) or 'none'}."
