"""HG501's claim model: the shipped weights are what bench/claims/train.py makes of the labelled sets, the
model speaks only where the rules are silent, and only on a page that cites nothing."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from healthguide.analysis import claim_model, claims
from healthguide.model import Position, Sentence

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench" / "claims"))

import train  # noqa: E402


def test_retraining_gives_the_shipped_file() -> None:
    data, _ = train.build(train.load_items())
    assert train.dump(data) == claim_model.MODEL_PATH.read_text(encoding="utf-8"), \
        "claims_model.json is stale: run .venv/bin/python bench/claims/train.py and commit the file"


def test_the_shipped_file_is_small_and_plain_json() -> None:
    assert claim_model.MODEL_PATH.stat().st_size < 900_000  # 22 sets and clause features (bench/README.md, sixth round)
    model = claim_model.shipped()
    assert model.weights and all(isinstance(w, float) for w in model.weights.values())


def _sentence(text: str, keys: tuple[str, ...] = ()) -> Sentence:
    return Sentence(text, keys, Position(1, 1))


def test_a_claim_with_no_wording_cue_gets_the_models_kind() -> None:
    text = "Cheap flip-flops ruin the arches of your feet."
    assert claims.rule_kind(text) is None
    assert claims.claim_kind(text) == claims.MODEL_KIND


def test_off_a_health_topic_the_second_model_reads_claims_and_software_prose_passes() -> None:
    """Sentences naming no body or health topic go to the off-topic model, trained on such sentences of the labelled
    sets and on half the software documentation's pages as plain (the claim is one of the sets': the model is small, and
    the test shows the path, not how far it generalises, which bench/README.md measures)."""
    claim = "Copper tape gives slugs a mild electric shock, so they turn back."
    prose = "The build writes every page into the site folder."
    assert claim_model.reader(claim) == claim_model.reader(prose) == claim_model.OFF_TOPIC
    assert claims.rule_kind(claim) is None
    assert claims.claim_kind(claim) == claims.MODEL_KIND
    assert claims.claim_kind(prose) is None
    assert claim_model.shipped_off_topic().threshold >= train.THRESHOLD_FLOOR


def test_the_rules_kind_comes_first() -> None:
    assert claims.claim_kind("A study in the Journal of Feet found that insoles help.") == \
        "attributes a finding to a named source"


def test_plain_sentences_and_prose_off_topic_pass() -> None:
    for text in ("Roll your foot over a tennis ball for two minutes.", "See a GP if the pain lasts two weeks.",
                 "The build writes every page into the site folder.", "Ice for ten minutes, then rest"):
        assert claims.claim_kind(text) is None, text


def test_the_model_is_not_asked_about_a_finding_denied_or_a_lead_in() -> None:
    """Neither is a claim the rules would read: a denied finding states a limit, a lead-in opens the list that holds
    any claim (the model's threshold can fall below their scores as the rules take more of the claims)."""
    for text in ("Insoles have not been shown to help back pain.", "They are not proven to prevent or cure heel pain.",
                 "Pillows for every kind of sleeper, chosen for back and neck pain:"):
        assert not claim_model.asked(text), text
        assert claims.claim_kind(text) is None, text
    assert claim_model.asked("Insoles have been shown to help back pain.")


def test_the_model_is_not_asked_on_a_page_that_cites_sources() -> None:
    claim = _sentence("Cheap flip-flops ruin the arches of your feet.")
    assert claims.sentence_kinds([claim]) == (claims.MODEL_KIND,)
    cited = _sentence("Insoles may help some people with heel pain.", ("smith2020",))
    assert claims.sentence_kinds([claim, cited]) == (None, None)
    research = _sentence("Research shows that insoles ease back pain.")
    assert claims.sentence_kinds([research, cited]) == ("leans on research", None)


def test_a_warning_sign_from_the_care_file_is_not_the_pages_claim() -> None:
    """The self-check writes every sign into its page, which cites nothing: the care file names each sign's
    sources (HG546), so HG501 leaves the sign's text alone, even when a rule or the model reads it as a claim;
    the page's own sentences are still judged."""
    import dataclasses  # noqa: PLC0415

    from healthguide.checks import uncited  # noqa: PLC0415
    from healthguide.core import load_config  # noqa: PLC0415
    from healthguide.load.assembler import load_site  # noqa: PLC0415
    from healthguide.settings import Settings  # noqa: PLC0415

    site = load_site(load_config(ROOT / "mkdocs.yml"), use_cache=False)
    assert site.care is not None
    page = site.pages["self-check.md"]
    signs = {" ".join(sign.text.split()) for sign in site.care.signs}
    shown = [s for s in page.sentences if s.text in signs]
    assert len(shown) >= 10, "the self-check's checklist lists the signs"
    every = dataclasses.replace(page, claim_kinds=tuple(claims.MODEL_KIND for _ in page.sentences))
    judged = dataclasses.replace(site, pages={**site.pages, "self-check.md": every})
    reported = {f.message for f in uncited.check(judged, Settings())}
    assert not any(s.text in message for s in shown for message in reported)
    assert any("This check asks short questions" in message for message in reported)


def test_every_rule_compiles() -> None:
    """The rules compile when first woken (a warm check wakes few): every one must compile all the same."""
    for rules in (claims.STATISTIC, claims.APPEAL, claims.TESTIMONIAL, claims.EFFECT,
                  claims.RESEARCH_CUED):
        assert all(isinstance(p, re.Pattern) for p in rules.patterns)
