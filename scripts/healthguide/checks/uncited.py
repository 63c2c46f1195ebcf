"""HG501: sentences that state a statistic or lean on research, with no citation in them.

The claim kind of each sentence is a fact on the page (``Page.claim_kinds``, from
:mod:`healthguide.analysis.claims`); this family only reports it.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import CODES, Finding, Severity, finding
from ..model import Site
from ..settings import Settings

UNCITED = CODES.define("HG501", "uncited-claim", Severity.ERROR,
                       "a sentence states a statistic or a research finding without a citation in that sentence")


def check(site: Site, settings: Settings) -> Iterator[Finding]:
    for page in site.pages.values():
        for sentence, kind in zip(page.sentences, page.claim_kinds, strict=False):
            if kind:
                quoted = sentence.text if len(sentence.text) <= 160 else sentence.text[:157] + "…"
                yield finding(UNCITED, page.path, sentence.pos.line, sentence.pos.col,
                              f"sentence {kind} but cites no source: \"{quoted}\"",
                              "Add a citation inside the sentence, before the full stop, e.g. … in women [@menz2013foot].")
