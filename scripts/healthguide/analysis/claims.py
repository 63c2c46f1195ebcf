"""What kind of claim a sentence makes: a statistic, a finding, leaning on research or authority, naming a
journal, appealing to science, a testimonial, or an effect on health said as fact (read by HG501 and HG442).

Patterns of claim-making, not lists of sentences: attribution (who says so, before or after the claim),
passive reports ("has been shown to"), quantities with a population, changes in risk, efficacy and
comparison words, generalisations about groups of people. Numbers that are not claims (doses, units of
time, discounts, what a product is made of) are left alone. Measured on bench/claims/eval.yaml and
holdout.yaml (see bench/README.md).

The rules are in :mod:`.claim_rules`, one module per kind (statistic, research, appeal, testimonial, effect);
this module applies them in order and asks the model.

Claims with no wording cue ("Flat feet cause knee pain") are left to a small linear model
(:mod:`.claim_model`), asked only when no rule fires.

Speed: each pattern names the words it needs (``claim_rules.engine.Rule``); a sentence's words are collected once and a
pattern runs only when one of them is there, so most sentences meet few regexes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Sentence
from . import claim_model
from .claim_rules.appeal import APPEAL, claims_proof
from .claim_rules.effect import EFFECT, EFFECT_KIND
from .claim_rules.engine import words_of
from .claim_rules.research import (
    ABOUT_A_TITLE,
    BYLINE,
    NAMED_SOURCE,
    NAMED_WORDS,
    PLURAL_OF_PERSON,
    RESEARCH,
    RESEARCH_CUED,
    RESEARCH_WORDS,
    TITLE_LINE,
)
from .claim_rules.statistic import STATISTIC
from .claim_rules.testimonial import TESTIMONIAL

__all__ = ["APPEAL", "EFFECT", "EFFECT_KIND", "MODEL_KIND", "NAMED_SOURCE", "RESEARCH", "RESEARCH_CUED", "STATISTIC",
           "TESTIMONIAL", "claim_kind", "rule_kind", "sentence_kinds", "words_of"]

MODEL_KIND = "states a claim"  # a claim the model reads, with no wording a rule names

# A question put by a reader, labelled or signed: "Q: Do coffee grounds keep slugs away? (Tom, Derby)", "…? – Anne, Ware".
_ASKED = re.compile(r"^\W*Q\s*[:.]|\?\s*(?:[-–—]\s*[A-Z][\w'’. ]*(?:,\s*[A-Z][\w'’. ]*)?|\([A-Z][\w'’. ]*(?:,\s*[A-Z][\w'’. ]*)?\))\s*$")

# "What experts agreed…", "How studies are judged…": a sentence that names research as its topic.
_META = re.compile(r"^\W*(?:what|how|whether|why)\b", re.IGNORECASE)


def rule_kind(sentence: str) -> str | None:
    """The kind of claim a wording rule finds in the sentence ("states a statistic", …), or None."""
    words = words_of(sentence)
    if STATISTIC.search(sentence, words):
        return "states a statistic"
    if _META.match(sentence):
        # research named as the topic ("What experts agreed…"); what did the writer good still counts ("what finally fixed
        # mine was rolling a frozen water bottle")
        found = TESTIMONIAL.search(sentence, words) and not TITLE_LINE.match(sentence)
        return "offers a testimonial as evidence" if found else None
    if (not NAMED_WORDS.isdisjoint(words) and NAMED_SOURCE.search(sentence) and not ABOUT_A_TITLE.search(sentence)
            and not TITLE_LINE.match(sentence) and not BYLINE.match(sentence)):
        return "attributes a finding to a named source"
    if ((not RESEARCH_WORDS.isdisjoint(words) or PLURAL_OF_PERSON.search(sentence.lower()))
            and RESEARCH.search(sentence)) or RESEARCH_CUED.search(sentence, words):
        return "leans on research"
    if sentence.rstrip().endswith(":"):
        return None  # a lead-in: the list it opens carries the claims, and their citations
    if _ASKED.search(sentence):
        return None  # a reader's question: what it asks about is no claim of the page's
    if APPEAL.search(sentence, words) or claims_proof(sentence, words):
        return "appeals to science or authority"
    if TESTIMONIAL.search(sentence, words):
        return "offers a testimonial as evidence"
    if EFFECT.search(sentence, words):
        return EFFECT_KIND
    return None


def claim_kind(sentence: str) -> str | None:
    """What the sentence claims without a source ("states a statistic", …), or None for a plain sentence:
    the rules' kind, else "states a claim" when the model (:mod:`.claim_model`) reads it as one."""
    kind = rule_kind(sentence)
    if kind is None and claim_model.is_claim(sentence):
        return MODEL_KIND
    return kind


def sentence_kinds(sentences: Sequence[Sentence]) -> tuple[str | None, ...]:
    """The claim kind of each uncited sentence (None for cited ones): stored on the page as ``claim_kinds``.

    The model is asked only on a page that cites nothing (text pasted from a blog, a page not yet sourced):
    on a page that cites its sources, a claim with no wording cue usually rests on the citations around it,
    and only the rules, which need a citation in the sentence itself, apply.

    A sentence's kind depends on its text alone, and pages repeat sentences (a guide's own refrains, headings such
    as "Key points", the same advice on sibling pages: a third of docs/'s sentences are repeats), so each process
    judges a text once (:data:`_KNOWN`)."""
    cited = any(s.cited_keys for s in sentences)
    kind_of = rule_kind if cited else claim_kind
    known = _KNOWN[cited]
    out: list[str | None] = []
    for sentence in sentences:
        if sentence.cited_keys:
            out.append(None)
            continue
        text = sentence.text
        kind = known.get(text, _UNKNOWN)
        if kind is _UNKNOWN:
            if len(known) >= _KNOWN_MAX:
                known.clear()     # bounded: a long `mkdocs serve` keeps the process
            kind = known[text] = kind_of(text)
        out.append(kind)   # type: ignore[arg-type]
    return tuple(out)


# text -> kind, by the rules and the model (False: a page that cites nothing) and by the rules alone (True)
_KNOWN: dict[bool, dict[str, str | None]] = {False: {}, True: {}}
_KNOWN_MAX = 1 << 16
_UNKNOWN = object()
