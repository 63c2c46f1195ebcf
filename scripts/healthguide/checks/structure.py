"""HG53x: every pillar and spoke opens with key points and says when to get help."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import CODES, Finding, Severity, finding
from ..model import Site
from ..settings import Settings

KEY_POINTS = "key-points"
CARE_LEVELS = ("care-routine", "care-urgent", "care-emergency")

NO_KEY_POINTS = CODES.define("HG530", "key-points-missing", Severity.ERROR,
                             "a pillar or spoke has no `!!! key-points` box")
NO_CARE = CODES.define("HG531", "care-callout-missing", Severity.ERROR,
                       "a pillar or spoke has no when-to-get-help callout (care-routine, care-urgent or care-emergency)")


def check(site: Site, settings: Settings) -> Iterator[Finding]:
    for page in site.pages.values():
        if page.type is None or not page.type.is_medical or page.load_findings:
            continue
        kinds = {kind for kind, _ in page.admonitions}
        if KEY_POINTS not in kinds:
            yield finding(NO_KEY_POINTS, page.path, 1, 1, "no key-points box",
                          'Start the body with `!!! key-points "Key points"` and 3–5 short bullet points.')
        if not kinds.intersection(CARE_LEVELS):
            yield finding(NO_CARE, page.path, 1, 1, "no when-to-get-help callout",
                          'Add e.g. `!!! care-routine "When to see a GP or physiotherapist"` (or care-urgent / care-emergency).')
