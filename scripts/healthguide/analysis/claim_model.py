"""Two small linear models of claim-making sentences, for the claims that the wording rules (claims.py, claim_rules/) cannot name.

A rule needs a wording cue ("studies show", "70% of people"); "Sugar feeds inflammation" has none. The
model scores a sentence from its lower-case words and word pairs (numbers read as "#"), its first word,
and its shape (a question, a lead-in, a fragment with no full stop, a headline in title case, its
length): a weighted sum, compared with a threshold. Each model's weights and threshold live in
claims_model.json, written by bench/claims/train.py from the team's labelled sets (logistic
regression, each threshold chosen by cross-validation); the file is read once, on first use.

There are two models of the same features. One reads the sentences that name a body or health topic. The other reads
every other sentence, with its own weights and threshold: "Beer traps wipe out slugs" is a claim on a health site too,
but software documentation, the prose most like it that no one here wrote, is trained in as plain, so that a page
about a build ("The build writes every page into the site folder") stays quiet.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

MODEL_PATH = Path(__file__).with_name("claims_model.json")
MIN_WORDS = 3  # "Body.", "Heel lifts.": too short to be read as a claim
ON_TOPIC, OFF_TOPIC = "on topic", "off topic"  # which model reads a sentence (reader)

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")


def _inflected(stems: str) -> frozenset[str]:
    """Each verb with the endings English gives it (over-generous: a few non-words do no harm)."""
    out: set[str] = set()
    for stem in stems.split():
        base = stem[:-1] if stem.endswith("e") else stem
        out.update((stem, stem + "s", stem + "es", stem + "d", stem + "ed", base + "ing", base + "ed"))
        if stem.endswith("y"):
            out.update((stem[:-1] + "ies", stem[:-1] + "ied"))
    return frozenset(out)


# Verbs that say one thing does something to another: the core of a claim with no wording cue.
_EFFECT = _inflected(
    "cause trigger lead make ruin wreck damage harm weaken strengthen boost improve reduce lower raise increase heal"
    " cure fix prevent relieve ease repair rebuild restore protect strain load speed slow burn flush drive correct"
    " realign align straighten stop block help support soothe calm shorten lengthen thicken dilute inflame deepen"
    " sharpen melt wear bend pull tilt absorb stimulate relax dissolve drain clog starve feed fuel destroy"
    " kill beat fight cut worsen aggravate irritate compress pinch trap release tighten loosen flatten"
    " collapse shrink swell affect benefit hurt injure disturb sap rob banish erase reverse")
# (Not "put", "take", "give", "keep", "work", "move": steps and safety netting use them as much as claims.)
# Bodies, health and what is eaten, drunk or slept: what a health claim is about (and what a signed quotation must name to
# count as a testimonial, claim_rules.testimonial).
HEALTH_WORDS = frozenset(
    "foot feet heel heels arch arches toe toes ankle ankles knee knees hip hips pelvis spine spinal back backs neck"
    " shoulder shoulders joint joints muscle muscles bone bones tendon tendons ligament ligaments fascia disc discs"
    " vertebrae nerve nerves cartilage calf calves hamstrings glutes core posture gait sleep asleep pain pains ache aches"
    " aching sore soreness stiffness stiff inflammation inflamed injury injuries healing immune metabolism cholesterol"
    " blood gut digestion weight fat calories energy stress arthritis bunion bunions cramp cramps cold colds skin"
    " vitamin vitamins mineral magnesium collagen sugar salt caffeine coffee alcohol diet heart brain mood body bodies"
    " health healthy legs leg circulation tissue tissues liver kidney lungs snoring insomnia fatigue tired tiredness"
    " sciatica strain sprain sprains fractures fracture swelling toxins headache headaches lumbar"
    " mattress mattresses pillow insoles insole orthotics shoes trainers footwear supplement supplements"
    " eat eating eats ate food foods meal meals meat drink drinking drinks smoking smoke harmful pronation overpronation"
    " plantar fasciitis gout spines jaw dehydrated dehydrate hydration hydrated physio physios breakfast dinner lunch"
    " soup bath bed beds bedtime sleepers sleeping slept nap naps night's sitting sit sat slouching standing walking"
    " walkers running runners runner exercise exercises workout stretching stretch stretches massage tea milk dairy"
    " gluten carbs protein fibre fruit vegetables nuts fish eggs bread vinegar water juice cider fever flu infection"
    " wound wounds bruise bruises scar arthritic rheumatism osteoporosis diabetes obesity overweight hormone hormones"
    " breath breathing eyes eye teeth gums hair nails sweat sweating appetite hunger calcium iron zinc omega"
    " focus memory anxiety depression wellbeing ageing aging elderly pregnancy pregnant babies toddlers knuckles"
    " wrist wrists elbow elbows shin shins thigh thighs buttock buttocks blisters corns verruca fungus"
    " athlete's feet's chairs chair desk slippers sandals flip flops boots barefoot"
    # medicine, care and recovery: the words of leaflets, clinic pages and product claims
    " balance falls fall falling fallen recovery recover recovers rehabilitation rehab injured hurt harm sick illness"
    " ill disease diseases symptom symptoms ulcer ulcers virus viral bacteria infected infections verrucas toenail"
    " toenails ingrown nail dizzy dizziness drowsy drowsiness paracetamol ibuprofen codeine painkiller painkillers"
    " medicine medicines medication medications tablets pills melatonin dehydration hydrate cough coughs sneeze"
    " allergy allergies asthma eczema acne wrinkles hearing loneliness lonely detox yoga pilates tai turmeric honey"
    " physiotherapy podiatry chiropractic osteopathy acupuncture podiatrists chiropractors osteopaths surgeons"
    " surgery operation older menopause periods fertility relief sensation numbness tingling"
    " cramping stiffen stiffens posture's ergonomic ergonomics overpronate overpronating supinate flexibility mobility"
    " stamina endurance fitness fit unfit obese bmi waist belly bloating constipation nausea migraine migraines"
    " exhausted exhaustion burnout concentration cognitive dementia skeleton skeletal"
    " stroke cancer tumour blister calluses callus sweaty odour smelly itch itchy rash nervous spur spurs shockwave"
    " jab vaccine vaccines absorption absorb bioavailable concentrate puffy tendinopathy hammer wincing"
    # words of claims no rule caught that the gate never asked about (sixth round), none of them software prose's
    " shoe stomach pollen flare flares painless cravings anxious nostril nostrils plaque cortisol hrt spores flushes"
    " brace braces socks toilet ginger niggles creaky limp limping bloated ailments ailment toddler newborn newborns"
    " infant infants pensioners menopausal hormonal inflammatory chronic therapist therapists therapy therapies"
    " carers insomniac bloodstream immunity allergic hayfever wellness"
    # … and of holdout16–17's (eighth round)
    " cortisone steroid steroids implant implants apnoea apnea sandal sandals fitter teenagers"
    # … and of holdout20–21's (tenth round)
    " antioxidants antioxidant snacking snack snacks patients retina retinas supple stiffened sickness therapeutic panic"
    " gasping concussion taller tenderness stressful brain's exercising colic teething"
    " awake itching veins varicose"
    # … and of holdout28–29's (fourteenth round)
    " tooth enamel pores lung snore snores choking hangover tummy tummies hamstring stressed breakout".split())
# Words that only a body or health topic uses ("back", "core", "weight" and "healthy" are in software prose too): a sentence
# with none of them goes to the off-topic model, which has learnt software prose as plain.
_TOPIC = HEALTH_WORDS - frozenset("back backs core weight support load strain energy cold colds stress fat focus memory"
                             " running runner runners sit sitting standing walking leg eye eyes hair nails iron water"
                             " bed beds tea drink drinks exercise heart body bodies healthy"
                             # … and in software prose: "falls back", "older versions", "load balance", "recovery"
                             " balance fall falls falling fallen older fit flexibility mobility recover recovery relief"
                             " operation ill eat eating eats".split())
_TOPIC_PAIRS = frozenset(("lower back", "bad back", "your back", "the back", "back pain", "back muscles", "my back",
                          "upper back", "body weight", "your weight", "lose weight", "cold feet", "a cold",
                          "on weight", "more weight", "burns fat", "more fat", "belly fat", "their backs",
                          "your heart", "older adults", "older people", "your hair", "hair loss", "hair fall"))
_HEDGE = frozenset("can cannot can't may might could often some sometimes many likely unlikely possible possibly perhaps"
                   " suggest suggests idea should would usually".split())
_QUANTIFIER = frozenset("all always never every everyone everybody nobody most nearly rarely usually only any".split())
# A sentence opening with one of these addresses the reader: advice, a step, a place to get help.
_IMPERATIVE = frozenset(
    "take use apply swap try aim do don't make keep add drink eat rest repeat hold walk book get save order buy stop"
    " start ice place put set count store give lie stand sit lift bend lower raise choose pick shop enjoy mix wear"
    " change replace cut allow avoid limit see call talk ask contact go check roll stretch wrap let note write read"
    " find look wash dry bring tell speak seek visit follow skip leave switch turn press push pull squeeze breathe"
    " relax sleep warm cool run jog cycle swim measure weigh record keep remember think consider plan print join"
    " visit phone ring email share download click open close follow never always".split())
_NOT_GENERIC = frozenset("i i'm i've my me we we've our us you your you're this these here if when please".split()) | _IMPERATIVE


# "Arch: the curve…", "Lumbar refers to…", "A bunion is a bony lump…", "Gait means…": a definition.
_DEFINITION = re.compile(r"^\W*(?:[A-Z][\w'-]*(?: [\w'-]+){0,2}: |(?:an? |the )?[\w'-]+(?: [\w'-]+){0,2}"
                         r" (?:means|refers to|is (?:the )?(?:another |a |an |the )?(?:word|name|term) for|is (?:an?|the) (?:[\w'-]+ ){1,2}(?:that|which|of|in|at|on|along|where|used)\b))",
                         re.IGNORECASE)
# "…: read the page on nerve pain", "see the section on …": a signpost to other pages, which the model is not asked about
# (_left_alone); a pointer (a model feature) is a signpost, or a sentence that opens "Read …", "See …", "Try …", or ": try".
_SIGNPOST = re.compile(r":\s*(?:read|see|go to)\b|\b(?:see|read) (?:the |our )?(?:page|section|chapter|article)s?\b", re.IGNORECASE)
_POINTER = re.compile(r"^\W*(?:read|see|go to|try)\b|:\s*try\b|" + _SIGNPOST.pattern, re.IGNORECASE)
_DEFINITION_WORDS = frozenset(("means", "refers", "is"))
_POINTER_WORDS = frozenset(("read", "see", "go", "try"))
_FIRST_PERSON = frozenset("i i'm i've i'd my me mine we we've our us".split())


def _stem(word: str) -> str:
    """A crude stem, so that "weakens", "weakened" and "weakening" share a weight."""
    for ending in ("ing", "ies", "es", "ed", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


# Where a sentence's later clauses begin: "Stand up often; sitting … damages …", "…, because tight calves pull …".
_CLAUSE = re.compile(r";|:\s|,\s*(?:because|since|as|so|which|and|but|while|whereas)\b"
                     r"|\s(?:because|since|so that|which means)\s|\s[—–-]\s")


def features(text: str, words: list[str] | None = None) -> set[str]:
    """The features of ``text`` the model weighs: those of the whole sentence (:func:`sentence_features`), and
    those of each later clause of three words or more, marked ``c:``, so that a claim after an instruction
    or a piece of news ("Swap your pillow, because old pillows worsen asthma") is weighed as a claim."""
    found = sentence_features(text, words)
    if _CLAUSE.search(text):
        clauses = [part.strip(" ,") for part in _CLAUSE.split(text)]
        for clause in [c for c in clauses if len(c.split()) >= 3][1:]:
            # words and shapes only: the clause's word pairs and stems added weights, not accuracy (bench/README.md)
            found.update(["c:" + f for f in sentence_features(clause) if " " not in f and f[0] != "~"])
    return found


def sentence_features(text: str, words: list[str] | None = None) -> set[str]:
    """Words, word pairs, the first word and the shape of ``text`` (``words``: its ``_words``, when the
    caller has them)."""
    if words is None:
        words = _words(text)
    found = set(words)
    found.update(map(" ".join, zip(words, words[1:], strict=False)))
    end = text.rstrip()[-1:]
    if words:
        first = words[0]
        found.add("^" + first)
        effect = not _EFFECT.isdisjoint(found)
        health = not HEALTH_WORDS.isdisjoint(found)
        hedge = not _HEDGE.isdisjoint(found)
        generic = first not in _NOT_GENERIC and not _EFFECT.isdisjoint(words[1:])
        first_person = not _FIRST_PERSON.isdisjoint(found)
        if first in _IMPERATIVE:
            found.add("<imperative>")
        if hedge:
            found.add("<hedge>")
        # an effect on the body said outright is a claim; with "can", "may" or "often" it is mostly advice
        hedged = "+hedged" if hedge else ""
        if effect:
            found.add("<effect>")
            if health:
                found.add("<effect+health" + hedged + ">")
        if health:
            found.add("<health>")
        if generic:
            found.add("<generic>")
            if health:
                found.add("<generic+health" + hedged + ">")
        if not _QUANTIFIER.isdisjoint(found):
            found.add("<quantifier>")
        if first_person:
            found.add("<first-person>")
            if any(w.endswith("ed") for w in words):
                found.add("<first-person+past>")
        if (first not in _NOT_GENERIC and not first_person and end == "." and not hedge
                and "you" not in found and "your" not in found):
            found.add("<plain-statement>")
            if health:
                found.add("<plain-statement+health>")
        found.update(map(_stemmed, [w for w in words if len(w) > 4]))
        # each pattern needs one of these words (or ": "), so most sentences skip the regex
        if (": " in text or not _DEFINITION_WORDS.isdisjoint(found)) and _DEFINITION.match(text):
            found.add("<definition>")
        if not _POINTER_WORDS.isdisjoint(found) and _POINTER.search(text):
            found.add("<pointer>")
    found.add(_ENDS.get(end, "<no-stop>"))
    # "Do tight shoes cause bunions?" asks; "Why do most runners get shin splints?" takes the claim as given
    if end == "?" and words and words[0] in _YES_NO:
        found.add("<yes-no-question>")
    n = len(words)
    found.add("<short>" if n <= 4 else "<medium>" if n <= 10 else "<long>" if n <= 20 else "<very-long>")
    capitals = [w for w in text.split() if len(w) > 3]
    if len(capitals) >= 2 and all(w[0].isupper() for w in capitals):
        found.add("<title-case>")
    return found


_ENDS = {"?": "<question>", ":": "<lead-in>", ".": "<stop>", "!": "<stop>"}
_YES_NO = frozenset("do does did is are was were can could will would should shall has have had may might".split())
_DIGIT = re.compile(r"\d")


def _words(text: str) -> list[str]:
    """The lower-case words of ``text``, each number as "#"."""
    words = _WORD.findall(text.lower().replace("\u2019", "'"))
    if _DIGIT.search(text):
        return ["#" if w[0].isdigit() else w for w in words]
    return words


@cache
def _stemmed(word: str) -> str:
    return "~" + _stem(word)


class Model(NamedTuple):
    """Weights per feature, the bias and the threshold the score must reach."""

    weights: dict[str, float]
    bias: float
    threshold: float


def score(model: Model, found: set[str]) -> float:
    """The model's margin for a sentence's features (log-odds of a claim)."""
    weights = model.weights
    # fsum: exactly rounded whatever order the set iterates in, so a score never depends on PYTHONHASHSEED
    return model.bias + math.fsum([weights.get(f, 0.0) for f in found])


@cache
def _shipped_file() -> dict[str, object]:
    return json.loads(MODEL_PATH.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@cache
def shipped() -> Model:
    """The on-topic model in claims_model.json (read once)."""
    data = _shipped_file()
    return Model(data["weights"], data["bias"], data["threshold"])  # type: ignore[arg-type]


@cache
def shipped_off_topic() -> Model:
    """The off-topic model in claims_model.json: trained on the labelled sentences off a health topic, and on software
    documentation's (bench/claims/train.py), with its own threshold."""
    data = _shipped_file().get("off_topic")
    if not isinstance(data, dict):
        return Model({}, 0.0, math.inf)  # a file written before there were two models: off topic, nothing is a claim
    return Model(data["weights"], data["bias"], data["threshold"])


# Words that name a condition by their ending: tendinitis, scoliosis, neuralgia, neuropathy.
_MEDICAL_ENDINGS = ("itis", "osis", "algia", "pathy", "ectomy")
_NOT_CONDITIONS = frozenset("diagnosis diagnoses prognosis nostalgia empathy sympathy telepathy apathy".split())


def _names_topic(words: set[str]) -> bool:
    """Whether a word names a body or health topic, as it is or as a plural ("necks", "overpronators")."""
    if not _TOPIC.isdisjoint(words):
        return True
    return any(w[:-1] in _TOPIC or (w.endswith(_MEDICAL_ENDINGS) and w not in _NOT_CONDITIONS)
               for w in words if w[-1:] == "s" or len(w) > 6)


def on_topic(words: set[str], found: set[str]) -> bool:
    """Whether a sentence names a body or health topic (the on-topic model reads it; the off-topic one, any other): one of
    its ``words``, or a pair of its features ``found`` ("lower back"). The words alone, not every feature: a pair such as
    "a diagnosis" would pass for a condition's name, and the words are a fifth of the features."""
    return _names_topic(words) or not _TOPIC_PAIRS.isdisjoint(found)


# Kinds of sentence the rules leave alone and neither model is asked about. A finding denied ("Insoles have not
# been shown to help back pain", "They are not proven to prevent …") is how a careful page states a limit (claim_rules.research.NEGATED).
# A lead-in ("… supported by pillow, the imaging library used for card generation:") opens a list that carries the claims,
# if any (claims.rule_kind); none of the labelled sets' lead-ins is a claim. A signpost ("In the lower back: read strengthening,
# myths and evidence.", "… see the page on nerve pain") sends the reader elsewhere; none of the labelled sets' is a claim.
_DENIED = re.compile(r"\b(?:not|never|no (?:study|trial|research|evidence|review)\w*(?: (?:has|have))?)\b"
                     r"(?: been| yet| so far| ever| clearly| convincingly)*\s+(?:shown|proven|proved|demonstrated|found)\s+(?:to|that)\b",
                     re.IGNORECASE)
_DENIAL_WORDS = frozenset("shown proven proved demonstrated found".split())
# A fourth kind (round sixteen): this page's own contents, "This guide explains … whether a problem at one end can cause pain at
# the other", "This leaflet explains what to expect …", "We look at common worries such as heel pain …" (none of the labelled
# sets' sixteen is a claim; the guide's own introduction is one); not a source's ("The book explains that …"), nor "… explains
# why …" or "… explains that …", which take a claim as given.
_CONTENT_NOUNS = "(?:guide|page|article|section|leaflet|post|chapter|episode|video|course|booklet|factsheet|workshop|webinar)"
_CONTENTS = re.compile(rf"^\W*(?:(?:this|our) {_CONTENT_NOUNS}s? (?:explains|covers|describes|looks at|sets out|tells you"
                       r"|shows you|walks you|explores|outlines|discusses|answers)"
                       rf"|(?:(?:here|below|on this page|in this {_CONTENT_NOUNS}),? )?we (?:look at|explain|cover"
                       r"|describe|set out|explore|outline|discuss|answer|go through))\b(?![^.;:]*\b(?:why|that)\b)", re.IGNORECASE)
_CONTENTS_WORDS = frozenset("explains covers describes looks sets tells shows walks explores outlines discusses answers look"
                            " explain cover describe set explore outline discuss answer go".split())


def _left_alone(text: str, words: set[str]) -> bool:
    return (text.rstrip().endswith(":") or (not _DENIAL_WORDS.isdisjoint(words) and _DENIED.search(text) is not None)
            or (not _POINTER_WORDS.isdisjoint(words) and _SIGNPOST.search(text) is not None)
            or (not _CONTENTS_WORDS.isdisjoint(words) and _CONTENTS.match(text) is not None))


def read(text: str) -> tuple[str, set[str]] | None:
    """Which model reads ``text`` (ON_TOPIC or OFF_TOPIC), and its features; None for a sentence no model reads."""
    words = _words(text)
    distinct = set(words)
    if len(distinct) < MIN_WORDS or _left_alone(text, distinct):
        return None  # too short to judge, or one of the kinds left alone
    found = features(text, words)
    return (ON_TOPIC if on_topic(distinct, found) else OFF_TOPIC), found


def reader(text: str) -> str | None:
    """Which of the two models reads ``text``: ON_TOPIC (a body or health topic), OFF_TOPIC (any other), or None for a
    sentence of fewer than three words, a finding denied, a lead-in, a signpost or a page's contents."""
    found = read(text)
    return None if found is None else found[0]


def model_for(which: str) -> Model:
    """The shipped model that reads what ``reader`` calls ``which``."""
    return shipped() if which == ON_TOPIC else shipped_off_topic()


def asked(text: str) -> bool:
    """Whether the on-topic model reads ``text``: three words or more, on a health topic, and not a finding denied,
    a lead-in, a signpost or a page's contents."""
    return reader(text) == ON_TOPIC


def is_claim(text: str) -> bool:
    """Whether the shipped models read ``text`` as a claim."""
    found = read(text)
    if found is None:
        return False
    model = model_for(found[0])
    return score(model, found[1]) >= model.threshold
