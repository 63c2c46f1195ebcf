"""What kind of claim a sentence makes: a statistic, leaning on research or authority, naming a journal,
or appealing to science (read by HG501 and HG442). Measured on bench/claims/eval.yaml (see bench/README.md)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Sentence


class AnyOf:
    """Patterns searched one after another: in Python's engine much faster than one long alternation."""

    def __init__(self, *patterns: str, flags: int = 0) -> None:
        self.patterns = tuple(re.compile(p, flags) for p in patterns)

    def search(self, text: str) -> re.Match[str] | None:
        for pattern in self.patterns:
            found = pattern.search(text)
            if found:
                return found
        return None


_NUM = r"(?:\d[\d,]*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|a (?:few|hundred|thousand))"
# Who a statistic counts: people, and the studies and cases that stand for them.
_WHO = (r"(?:people|patients|adults|participants|women|men|children|workers|volunteers|subjects|studies|trials"
        r"|runners|walkers|athletes|players|soldiers|employees|users|customers|respondents|cases|readers"
        r"|doctors|podiatrists|physiotherapists|nurses|population)")
STATISTIC = AnyOf(
    r"\d[\d,]*(?:\.\d+)?\s?(?:%|per\s?cent\b|percent\b)",
    rf"\b{_NUM}\s+(?:[a-z]+\s+)?(?:in|out of)\s+(?:every\s+)?{_NUM}\b",
    rf"\b{_NUM}\s+(?:million|billion|thousand)\b|\b(?:millions|billions)\b",
    r"\b(?:almost|nearly|virtually) (?:everyone|everybody|all (?:[a-z-]+ )?(?:people|adults|patients|runners|women|men))\b",
    r"\b(?:risk|chance|odds|rate) of [\w\s-]{1,40}? (?:rises|increases|doubles|falls|drops|goes up|is higher|is lower)\b",
    r"\b(?:odds|hazard|risk) ratio\b|\b(?:relative|absolute) risk\b|\bconfidence interval\b",
    r"\b(?:twice|three times|four times|\d+ times) (?:as|more|less) (?:likely|common)\b",
    rf"\b\d[\d,]* (?:[a-z-]+ )?{_WHO}\b",
    # shares and counts of people: "a quarter of the population", "millions of people", "most patients with"
    rf"\b(?:a (?:quarter|third|fifth|tenth)|half|two thirds|three quarters|(?:the |a )?(?:vast |clear |large |small |tiny "
    rf"|big |slim )?(?:majority|minority|fraction|proportion))\s+of\s+(?:all |the |our )?(?:[a-z-]+ )?{_WHO}\b",
    r"\ba (?:small|large|tiny|big|high|low) (?:fraction|proportion|share) of\b",
    rf"\b(?:thousands|millions|hundreds|dozens) of (?:[a-z-]+ )?{_WHO}\b",
    rf"^\W*most (?:[a-z-]+ )?{_WHO} (?:with|who)\b|\bthe average (?:person|adult|man|woman|child|runner|worker|patient)\b",
    r"\b(?:the )?(?:leading|most common|biggest|main) cause of\b",
    rf"\boutnumber(?:s|ed)?\b|\bby {_NUM} to {_NUM}\b",
    r"\b(?:double|triple|twice|half|higher|lower|greater|raised|increased|reduced) (?:the )?(?:risk|chance|odds|rate)s? of\b",
    flags=re.IGNORECASE,
)
# People whose say-so is offered in place of a source ("doctors recommend", "trusted by podiatrists").
_AUTHORITIES = (r"(?:scientists|researchers|experts|doctors|physicians|clinicians|specialists|podiatrists|physiotherapists"
                r"|physios|chiropractors|osteopaths|therapists|surgeons|dermatologists|pharmacists|nurses|GPs|professionals)")
# Who can be said to have found or to hold something: research, its people, and named institutions.
_SOURCE = (r"stud(?:y|ies)|research|trials?|reviews?|surveys?|polls?|analys[ie]s|meta-analys[ie]s|evidence|data|guidelines?"
           r"|papers?|findings|experiments|tests|literature"
           rf"|{_AUTHORITIES}|(?-i:University|Institute|Foundation|Council|Alliance|Centre|Center"
           r"|Clinic|School|Society|Association|College|Hospital|Academy)")
_REPORTS = (r"show|shows|showed|(?<!\bare )(?<!\bis )shown|found|finds|suggest|suggests|suggested|prove|proves|proved|proven"
            r"|demonstrate|demonstrates|demonstrated|indicate|indicates|indicated|confirm|confirms|confirmed"
            r"|reports? that|reported|discovered|concluded|concludes|(?<!is )(?<!are )(?<!was )(?<!were )(?<!be )(?<!been )linked|links"
            r"|reveal(?:s|ed)?|observed|argued|argues|claims? that|says?|said|recommends?|recommended|agree|agrees|agreed|believes?|think|thinks|estimates?|estimated"
            r"|warns?|warned|known|knows|supports?|supported|tells us|told us|points? to|hints?")
RESEARCH = re.compile(
    # A subject that is research or its people, not introduced as "what/how research…" (a meta remark) …
    r"(?=[sradtempfglcuihSRADTEMPFGLCUIH])"  # the first letters of the subjects below: skips the look-behinds elsewhere (speed only)
    r"(?<!\bwhat )(?<!\bwhat the )(?<!\bhow )(?<!\bhow the )(?<!\bwhether )"
    # "These findings show…" points back at a sentence that cites them.
    r"(?<!\bthese )(?<!\bthose )"
    rf"\b(?:{_SOURCE})\b"
    # … then, with no clause break, modal or negation between (those describe limits, not findings) …
    r"(?:(?!\b(?:can|cannot|can't|could|may|might|would|should|will|not|never|only|to|that|which|like|what|how|whether|if)\b)[^.;,:]){0,60}?"
    # … a reporting verb.
    rf"\b(?:{_REPORTS})\b"
    r"|\baccording to (?:the |a |an |some |recent |new |one |many |most |clinical |medical )*(?:[a-z-]+ ){0,2}"
    rf"(?:research|stud|{_AUTHORITIES}|evidence|data|survey|review|report|paper|trial|the literature|(?-i:[A-Z]))"
    r"|\b(?:there is|there's|there are) (?:some |good |strong |growing |limited |little |clear |no |plenty of )?"
    r"(?:evidence|research|data|studies) (?:that|to suggest|showing)\b",
    re.IGNORECASE,
)
# A claim pinned on a named journal (the name is the attribution, the citation is missing).
NAMED_SOURCE = re.compile(
    r"(?-i:\b(?:[A-Z][\w-]+ )+(?:Journal|Annals|Archives|Bulletin|Quarterly|Review|Proceedings)\b"
    r"|\b(?:Journal|Annals|Archives|Bulletin|Review|Proceedings) of (?:the )?[A-Z])"
    r"|\b(?:published|writing|featured|appeared) in (?:the )?(?-i:[A-Z])",
    re.IGNORECASE,
)
# Science or authority invoked in general: "backed by research", "clinically proven", "doctors recommend".
APPEAL = AnyOf(
    r"\b(?:that's|that is|it's|it is) science\b|\bscience (?:has |have )?(?:shows?|shown|says|proves?|proven|tells|confirms)\b"
    r"|\bthe science is (?:clear|settled|in)\b|\bscience-backed\b|\bscientifically (?:proven|shown|tested)\b",
    r"\bbacked by (?:\w+ ){0,2}(?:research|science|studies|evidence|data|doctors|experts|scientists|trials)\b",
    r"\bclinically (?:proven|tested|shown)\b|\bevidence-based\b|\bpeer-reviewed\b",
    r"\bin the (?:medical |scientific )?literature\b",
    rf"\b(?:trusted|recommended|approved|endorsed) by (?:\w+ ){{0,3}}{_AUTHORITIES}\b",
    r"\b(?:as seen|as featured|as reported) (?:in|on|by)\b",
    r"\b(?:medical|scientific|clinical|academic) (?:journals?|findings?|facts?|literature|community|consensus)\b",
    # an authority opening the sentence and endorsing: "Leading physios swear by…", "Most GPs will tell you that…"
    rf"^\W*(?:(?:most|many|some|leading|top|all|the|our|your|local|expert) )*(?:[a-z-]+ )?{_AUTHORITIES}"
    r"(?: (?:at|from|in|across|around) [^,.;:]{1,40}?)?(?: (?:now|often|always|widely|routinely|still|will))?"
    r" (?:advise|advises|prescribe|prescribes|swear by|urge|urges|trust|trusts|favour|favor|prefer|prefers|endorse"
    r"|rate|rave about|praise|tell you|tell us|insist|insists)\b",
    flags=re.IGNORECASE,
)
# "What experts agreed…", "How studies are judged…": a sentence that names research as its topic.
_META = re.compile(r"^\W*(?:what|how|whether|why)\b", re.IGNORECASE)


# Proof, or a study described, unless a negation comes shortly before ("not proven", "not tested in a trial").
_PROOF = re.compile(r"\b(?:proven|proves|proved)\b"
                    r"|\bin (?:a|one|another|a recent|a large|a small|one small|one large) (?:[a-z-]+ )?"
                    r"(?:study|trial|review|survey|experiment)\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|never|no|none|nor|nothing|un\w*|isn't|aren't|hasn't|haven't)\b", re.IGNORECASE)


def _claims_proof(sentence: str) -> bool:
    for match in _PROOF.finditer(sentence):
        before = sentence[max(0, match.start() - 40):match.start()]
        if not _NEGATION.search(before):
            return True
    return False


def claim_kind(sentence: str) -> str | None:
    if STATISTIC.search(sentence):
        return "states a statistic"
    if _META.match(sentence):
        return None
    if NAMED_SOURCE.search(sentence):
        return "attributes a finding to a named source"
    if RESEARCH.search(sentence):
        return "leans on research"
    if APPEAL.search(sentence) or _claims_proof(sentence):
        return "appeals to science or authority"
    return None


def sentence_kinds(sentences: Sequence[Sentence]) -> tuple[str | None, ...]:
    """The claim kind of each uncited sentence (None for cited ones): stored on the page as ``claim_kinds``."""
    return tuple(None if s.cited_keys else claim_kind(s.text) for s in sentences)
