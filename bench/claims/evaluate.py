"""Precision and recall of the uncited-claim detector (HG501) on the labelled set in eval.yaml.

    .venv/bin/python bench/claims/evaluate.py            # the table, for bench/README.md
    .venv/bin/python bench/claims/evaluate.py --misses   # also list the dev split's mistakes (never the holdout's)

A sentence counts as flagged when ``healthguide.analysis.claims.claim_kind`` gives it a kind; the set holds
uncited sentences only (a citation in the sentence always silences HG501, which the catalogue tests cover).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from healthguide.analysis.claims import claim_kind  # noqa: E402

SET = Path(__file__).with_name("eval.yaml")


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
    scores = {"dev": Score(), "holdout": Score(), "holdout2": Score(), "holdout3": Score(), "holdout4": Score(), "all": Score()}
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the dev split's misses and false alarms")
    args = parser.parse_args(argv)
    items = yaml.safe_load(SET.read_text(encoding="utf-8"))
    scores, misses = evaluate(items)
    print(table(scores))
    if args.misses:
        for split, kind, text in misses:
            if split == "dev":
                print(f"{kind}: {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
