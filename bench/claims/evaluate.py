"""Precision and recall of the uncited-claim detector (HG501) on the team's labelled sets.

    .venv/bin/python bench/claims/evaluate.py               # eval.yaml's table (fit), and µs per sentence
    .venv/bin/python bench/claims/evaluate.py --misses      # also list eval.yaml's mistakes
    .venv/bin/python bench/claims/evaluate.py --holdout     # also holdout.yaml, train2.yaml, holdout3.yaml (fit: trained on)
    .venv/bin/python bench/claims/evaluate.py --cv          # k-fold cross-validated scores of rules + model, per set
    .venv/bin/python bench/claims/evaluate.py --loso        # leave-one-set-out: each set scored by a detector trained without it
    .venv/bin/python bench/claims/evaluate.py --guards      # sentences flagged on docs/ and on foreign prose
    .venv/bin/python bench/claims/evaluate.py --blind PATH  # score any labelled file once: totals only

A sentence counts as flagged when ``healthguide.analysis.claims.claim_kind`` gives it a kind (the rules, else
the model); the sets hold uncited sentences only (a citation in the sentence always silences HG501, which the
catalogue tests cover), each read as a page that cites nothing. A labelled file is a YAML list of
``{text, label: claim | plain, why}``. The time is the best of five passes of ``claim_kind`` over every
sentence of eval.yaml and holdout.yaml.

``--guards`` loads the site (mkdocs.yml) and the three trees of tests/conformance/ (the MkDocs, Material and
git-revision-date plugin docs: prose no one here wrote, none of it a health claim) as ``healthguide check``
does, and counts the distinct uncited sentences given a kind, by the page-aware path HG501 reports from
(``sentence_kinds``) and by the rules alone.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from healthguide.analysis.claims import claim_kind, rule_kind, sentence_kinds  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
import train  # noqa: E402 - the labelled sets' trainer, and the software documentation it trains on

SET = Path(__file__).with_name("eval.yaml")
HOLDOUT = Path(__file__).with_name("holdout.yaml")
TRAIN2 = Path(__file__).with_name("train2.yaml")
HOLDOUT3 = Path(__file__).with_name("holdout3.yaml")
GUARD_SITES = {"docs/": "mkdocs.yml", "foreign prose": train.SOFTWARE_DOCS}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def evaluate(items: list[dict[str, str]]) -> tuple[dict[str, Score], list[tuple[str, str, str]]]:
    """Scores per split (and over "all"), and every mistake as (split, kind, text)."""
    scores: dict[str, Score] = {}
    for item in items:
        scores.setdefault(item["split"], Score())
    scores["all"] = Score()
    misses = []
    for item in items:
        flagged = claim_kind(item["text"]) is not None
        claim = item["label"] == "claim"
        for split in (item["split"], "all"):
            score = scores[split]
            if claim and flagged:
                score.tp += 1
            elif flagged:
                score.fp += 1
            elif claim:
                score.fn += 1
            else:
                score.tn += 1
        if flagged != claim:
            misses.append((item["split"], "missed" if claim else "false alarm", item["text"]))
    return scores, misses


def table(scores: dict[str, Score]) -> str:
    rows = ["| split | sentences | claims | flagged | true pos. | false pos. | missed | precision | recall |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, s in scores.items():
        rows.append(f"| {name} | {s.tp + s.fp + s.fn + s.tn} | {s.tp + s.fn} | {s.tp + s.fp} | {s.tp} | {s.fp} | {s.fn} "
                    f"| {s.precision:.1%} | {s.recall:.1%} |")
    return "\n".join(rows)


def microseconds_per_sentence(texts: list[str], passes: int = 5) -> float:
    """Best of ``passes`` runs of ``claim_kind`` over ``texts``, in µs per sentence."""
    best = float("inf")
    for _ in range(passes):
        start = time.perf_counter()
        for text in texts:
            claim_kind(text)
        best = min(best, time.perf_counter() - start)
    return best / len(texts) * 1e6


def read_labelled(path: Path) -> list[dict[str, str]]:
    """A labelled file's items; exits with a message when one lacks a text or a claim/plain label."""
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(items, list):
        sys.exit(f"{path}: expected a YAML list of {{text, label, why}}")
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str) or item.get("label") not in ("claim", "plain"):
            sys.exit(f"{path}: item {n} needs a text and a label of claim or plain")
    return items


def blind(path: Path) -> str:
    """One line of totals for a labelled file: no sentence is listed, so the set stays blind."""
    s = evaluate([{**item, "split": "blind"} for item in read_labelled(path)])[0]["all"]
    return (f"{path.name}: {s.tp + s.fp + s.fn + s.tn} sentences ({s.tp + s.fn} claims, {s.fp + s.tn} plains): "
            f"precision {s.precision:.1%}, recall {s.recall:.1%} (flagged {s.tp + s.fp}, true pos. {s.tp}, "
            f"false pos. {s.fp}, missed {s.fn})")


def cross_validated() -> str:
    """The k-fold cross-validated table of rules + model per set (bench/claims/train.py's folds and threshold)."""

    items = train.load_items()
    texts = [item["text"] for item in items]
    labels = [item["label"] == "claim" for item in items]
    ruled = [rule_kind(t) is not None for t in texts]
    detector = train.train_detector(texts, labels, train.off_topic_plain(train.software_prose()))
    on, off = detector.on_topic.threshold, detector.off_topic.threshold
    scores: dict[str, Score] = {}
    for item, rule, a, b, claim in zip(items, ruled, detector.on_oof, detector.off_oof, labels, strict=True):
        flagged = rule or a >= on or b >= off
        for name in (item["set"], "all"):
            score = scores.setdefault(name, Score())
            score.tp += flagged and claim
            score.fp += flagged and not claim
            score.fn += claim and not flagged
            score.tn += not claim and not flagged
    head = f"{train.FOLDS}-fold cross-validated (stratified, seed {train.SEED}), thresholds {on} and {off} (on, off topic):"
    return head + "\n" + table({"all": scores.pop("all"), **scores})


def left_out() -> str:
    """The leave-one-set-out table: each set scored by rules + a model (and threshold) trained on the others."""

    rows = ["| set left out | sentences | true pos. | false pos. | missed | precision | recall |",
            "|---|---:|---:|---:|---:|---:|---:|"]
    total = Score()
    for name, p, r, n, tp, fp, fn in train.leave_one_set_out(train.load_items()):
        rows.append(f"| {name} | {n} | {tp} | {fp} | {fn} | {p:.1%} | {r:.1%} |")
        total.tp += tp
        total.fp += fp
        total.fn += fn
    rows.append(f"| pooled | | {total.tp} | {total.fp} | {total.fn} | {total.precision:.1%} | {total.recall:.1%} |")
    return "\n".join(rows)


def guards() -> str:
    """Distinct uncited sentences flagged on the site's docs and on foreign prose, as HG501 reports them; foreign prose
    also on the half of its pages the off-topic model never trained on (train.trained_on)."""
    from healthguide.checks.uncited import is_sourced_sign, sourced_signs  # noqa: PLC0415
    from healthguide.core import load_config  # noqa: PLC0415
    from healthguide.load.assembler import load_site  # noqa: PLC0415

    rows = ["| prose | distinct uncited sentences | flagged (HG501: rules, or the model on pages citing nothing) "
            "| flagged by the rules alone |", "|---|---:|---:|---:|"]
    for name, configs in GUARD_SITES.items():
        kinds: dict[str, str | None] = {}
        unseen: set[str] = set()
        seen: set[str] = set()  # on a page the off-topic model trained on
        for config in (configs,) if isinstance(configs, str) else configs:
            site = load_site(load_config(ROOT / config), use_cache=False)
            sourced = sourced_signs(site)  # the care file's signs, which HG501 leaves to their own sources
            for key, page in site.pages.items():
                sentences = list(page.sentences)
                for sentence, kind in zip(sentences, sentence_kinds(sentences), strict=True):
                    if not sentence.cited_keys and not is_sourced_sign(sentence.text, sourced):
                        kinds[sentence.text] = kinds.get(sentence.text) or kind
                        if config in train.SOFTWARE_DOCS:
                            (seen if train.trained_on(config, str(key)) else unseen).add(sentence.text)
        unseen -= seen  # a sentence also on a page trained on was seen
        parts = [(name, kinds)]
        if unseen:
            parts.append((name + ", pages never trained on", {t: k for t, k in kinds.items() if t in unseen}))
        for label, found in parts:
            rows.append(f"| {label} | {len(found)} | {sum(k is not None for k in found.values())} "
                        f"| {sum(rule_kind(t) is not None for t in found)} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list eval.yaml's misses and false alarms")
    parser.add_argument("--holdout", action="store_true", help="also score holdout.yaml, train2.yaml and holdout3.yaml (fit)")
    parser.add_argument("--cv", action="store_true", help="k-fold cross-validated scores over every set")
    parser.add_argument("--loso", action="store_true", help="leave-one-set-out scores: the estimate for a new author")
    parser.add_argument("--guards", action="store_true", help="sentences flagged on docs/ and on foreign prose")
    parser.add_argument("--blind", type=Path, metavar="PATH", help="score one labelled file once (totals only)")
    args = parser.parse_args(argv)
    if args.blind:
        print(blind(args.blind))
        return 0
    items = read_labelled(SET)
    held = read_labelled(HOLDOUT)
    scores, misses = evaluate(items)
    print(table(scores))
    if args.holdout:
        print()
        print(table({name: evaluate([{**item, "split": "x"} for item in read_labelled(path)])[0]["all"]
                     for name, path in (("holdout.yaml", HOLDOUT), ("train2.yaml", TRAIN2),
                                        ("holdout3.yaml", HOLDOUT3))}))
    if args.cv:
        print()
        print(cross_validated())
    if args.loso:
        print()
        print(left_out())
    if args.guards:
        print()
        print(guards())
    texts = [item["text"] for item in items + held]
    print(f"\n{microseconds_per_sentence(texts):.1f} µs per sentence ({len(texts)} sentences, best of 5)")
    if args.misses:
        for split, kind, text in misses:
            print(f"{split}: {kind}: {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
