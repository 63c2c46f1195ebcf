"""HG501: sentences that state a statistic or lean on research, with no citation in them.

The claim kind of each sentence is a fact on the page (``Page.claim_kinds``, from
:mod:`healthguide.analysis.claims`); this family only reports it. A warning sign that the care file
(``healthguide.theme.care``) writes into a page is not the page's claim: the file names its sources for
each sign, and HG546 holds it to them.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import CODES, Finding, Severity, finding
from ..model import Site
from ..settings import Settings

UNCITED = CODES.define("HG501", "uncited-claim", Severity.ERROR,
                       "a sentence states a statistic or a research finding without a citation in that sentence")


def check(site: Site, settings: Settings) -> Iterator[Finding]:
    sourced = sourced_signs(site)
    for page in site.pages.values():
        for sentence, kind in zip(page.sentences, page.claim_kinds, strict=False):
            if kind and not is_sourced_sign(sentence.text, sourced):
                quoted = sentence.text if len(sentence.text) <= 160 else sentence.text[:157] + "…"
                yield finding(UNCITED, page.path, sentence.pos.line, sentence.pos.col,
                              f"sentence {kind} but cites no source: \"{quoted}\"",
                              "Add a citation inside the sentence, before the full stop, e.g. … in women [@menz2013foot].")


def sourced_signs(site: Site) -> tuple[str, ...]:
    """The texts of the care file's warning signs that name their sources (text, question, where to go)."""
    if site.care is None:
        return ()
    return tuple(" ".join(text.split()) for sign in site.care.signs if sign.sources
                 for text in (sign.text, sign.question, sign.go) if text)


def is_sourced_sign(text: str, sourced: tuple[str, ...]) -> bool:
    """Whether a sentence is one of those signs, or part of one (the splitter may cut a sign in two)."""
    return any(text in sign for sign in sourced)
