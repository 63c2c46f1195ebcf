"""HG501: sentences that state a statistic or lean on research, with no citation in them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import CODES, Finding, Severity, finding
from ..model import Page, Site
from ..settings import Settings

UNCITED = CODES.define("HG501", "uncited-claim", Severity.ERROR,
                       "a sentence states a statistic or a research finding without a citation in that sentence")

_NUM = r"(?:\d[\d,]*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|a (?:few|hundred|thousand))"
STATISTIC = re.compile(
    r"\d[\d,]*(?:\.\d+)?\s?(?:%|per\s?cent\b|percent\b)"
    rf"|\b{_NUM}\s+(?:in|out of)\s+(?:every\s+)?{_NUM}\b"
    rf"|\b{_NUM}\s+(?:million|billion|thousand)\b"
    r"|\b(?:odds|hazard|risk) ratio\b|\b(?:relative|absolute) risk\b|\bconfidence interval\b"
    r"|\b(?:twice|three times|four times|\d+ times) (?:as|more|less) (?:likely|common)\b"
    r"|\b\d[\d,]* (?:people|patients|adults|participants|women|men|children|workers|volunteers|subjects|studies|trials)\b",
    re.IGNORECASE,
)
RESEARCH = re.compile(
    # A subject that is research, not introduced as "what/how research…" (a meta remark) …
    r"(?=[sradtemgSRADTEMG])"  # the first letters of the words below: skips the look-behinds elsewhere (speed only)
    r"(?<!\bwhat )(?<!\bwhat the )(?<!\bhow )(?<!\bhow the )(?<!\bwhether )"
    r"\b(?:stud(?:y|ies)|research|trials?|reviews?|surveys?|analys[ie]s|meta-analys[ie]s|evidence|data|guidelines?"
    r"|scientists|researchers|experts)\b"
    # … then, with no clause break, modal or negation between (those describe limits, not findings) …
    r"(?:(?!\b(?:can|cannot|can't|could|may|might|would|should|will|not|never|only|to|that|which|like|what|how|whether|if)\b)[^.;,:]){0,40}?"
    # … a reporting verb.
    r"\b(?:show|shows|showed|shown|found|finds|suggest|suggests|suggested|prove|proves|proved|proven"
    r"|demonstrate|demonstrates|demonstrated|indicate|indicates|indicated|confirm|confirms|confirmed|reports that|reported)\b"
    r"|\baccording to (?:the |some |recent |new |clinical |medical )*(?:research|studies|a study|experts|scientists|doctors|evidence)\b",
    re.IGNORECASE,
)


def claim_kind(sentence: str) -> str | None:
    if STATISTIC.search(sentence):
        return "states a statistic"
    if RESEARCH.search(sentence):
        return "leans on research"
    return None


# Per page: the claim kind of each uncited sentence (None for cited ones). A pure function of the page's
# sentences, memoised per page object and seeded by the loader from the page cache (healthguide.cache).
_KINDS: dict[int, tuple[object, tuple[str | None, ...]]] = {}


def sentence_kinds(page: Page) -> tuple[str | None, ...]:
    entry = _KINDS.get(id(page.sentences))
    if entry is not None and entry[0] is page.sentences:
        return entry[1]
    kinds = tuple(None if s.cited_keys else claim_kind(s.text) for s in page.sentences)
    remember_kinds(page, kinds)
    return kinds


def remember_kinds(page: Page, kinds: tuple[str | None, ...]) -> None:
    if len(_KINDS) > 100_000:   # `mkdocs serve` rebuilds: do not keep old pages alive forever
        _KINDS.clear()
    _KINDS[id(page.sentences)] = (page.sentences, kinds)


def check(site: Site, settings: Settings) -> Iterator[Finding]:
    for page in site.pages.values():
        for sentence, kind in zip(page.sentences, sentence_kinds(page), strict=False):
            if kind:
                quoted = sentence.text if len(sentence.text) <= 160 else sentence.text[:157] + "…"
                yield finding(UNCITED, page.path, sentence.pos.line, sentence.pos.col,
                              f"sentence {kind} but cites no source: \"{quoted}\"",
                              "Add a citation inside the sentence, before the full stop, e.g. … in women [@menz2013foot].")
