"""Precision and recall of the uncited-claim detector (HG501) on the labelled set in eval.yaml.

    .venv/bin/python bench/claims/evaluate.py             # eval.yaml's table, and µs per sentence
    .venv/bin/python bench/claims/evaluate.py --misses    # also list eval.yaml's mistakes (never holdout.yaml's)
    .venv/bin/python bench/claims/evaluate.py --holdout   # also score holdout.yaml (only to report: never tune on it)

A sentence counts as flagged when ``healthguide.analysis.claims.claim_kind`` gives it a kind; the sets hold
uncited sentences only (a citation in the sentence always silences HG501, which the catalogue tests cover).
The time is the best of five passes of ``claim_kind`` over every sentence of eval.yaml and holdout.yaml.
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

from healthguide.analysis.claims import claim_kind  # noqa: E402

SET = Path(__file__).with_name("eval.yaml")
HOLDOUT = Path(__file__).with_name("holdout.yaml")


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list eval.yaml's misses and false alarms")
    parser.add_argument("--holdout", action="store_true", help="also score holdout.yaml (to report, not to tune on)")
    args = parser.parse_args(argv)
    items = yaml.safe_load(SET.read_text(encoding="utf-8"))
    blind = yaml.safe_load(HOLDOUT.read_text(encoding="utf-8"))
    scores, misses = evaluate(items)
    print(table(scores))
    if args.holdout:
        print()
        print(table({"holdout.yaml": evaluate([{**item, "split": "blind"} for item in blind])[0]["all"]}))
    texts = [item["text"] for item in items + blind]
    print(f"\n{microseconds_per_sentence(texts):.1f} µs per sentence ({len(texts)} sentences, best of 5)")
    if args.misses:
        for split, kind, text in misses:
            print(f"{split}: {kind}: {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
