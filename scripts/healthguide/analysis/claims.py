"""What kind of claim a sentence makes: a statistic, or leaning on research (read by HG501 and HG442)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Sentence

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


def sentence_kinds(sentences: Sequence[Sentence]) -> tuple[str | None, ...]:
    """The claim kind of each uncited sentence (None for cited ones): stored on the page as ``claim_kinds``."""
    return tuple(None if s.cited_keys else claim_kind(s.text) for s in sentences)
