"""The rules' verdicts on every labelled set, saved and compared: how a change to the rules moves them.

    .venv/bin/python bench/claims/verdicts.py save /tmp/before.json     # before editing analysis/claim_rules/
    .venv/bin/python bench/claims/verdicts.py save /tmp/after.json      # after
    .venv/bin/python bench/claims/verdicts.py diff /tmp/before.json /tmp/after.json
    .venv/bin/python bench/claims/verdicts.py errors bench/claims/holdout16.yaml   # a read set's errors, and by what

``diff`` lists each sentence whose rule verdict changed (flagged or not), better when it now agrees with the label,
and counts them. ``errors`` lists the detector's misses and false alarms on the named files, each with what decided
it: a rule (and its kind), the on- or off-topic model and its score, or nothing (too short, a denied finding, a lead-in,
a signpost or a page's contents, which no model reads). Never run it on a set kept blind.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parents[1] / "scripts"))

from train import SETS  # noqa: E402

from healthguide.analysis import claim_model  # noqa: E402
from healthguide.analysis.claims import claim_kind, rule_kind  # noqa: E402


def save(out: Path, extra: list[Path]) -> None:
    """The rules' verdicts on the read sets (SETS) and on ``extra``: a blind set kept in bench/claims/ before it joins
    SETS is never shown in a diff."""
    verdicts = {}
    for path in [HERE / name for name in SETS] + extra:
        for n, item in enumerate(yaml.safe_load(path.read_text(encoding="utf-8"))):
            verdicts[f"{path.name}#{n}"] = [item["text"], item["label"], rule_kind(item["text"])]
    out.write_text(json.dumps(verdicts, ensure_ascii=False), encoding="utf-8")


def diff(before: Path, after: Path) -> None:
    old, new = (json.loads(p.read_text(encoding="utf-8")) for p in (before, after))
    better = worse = 0
    for key, (text, label, kind) in new.items():
        if key in old and (old[key][2] is None) != (kind is None):
            good = (kind is not None) == (label == "claim")
            better, worse = better + good, worse + (not good)
            print(f"{'better' if good else 'WORSE '} {key} {label} {kind or '-'} | {text}")
    print(f"{better} better, {worse} worse")


def errors(paths: list[Path]) -> None:
    for path in paths:
        for n, item in enumerate(yaml.safe_load(path.read_text(encoding="utf-8"))):
            text, claim = item["text"], item["label"] == "claim"
            kind = claim_kind(text)
            if (kind is not None) == claim:
                continue
            rule = rule_kind(text)
            if rule:
                why = f"rule: {rule}"
            elif (found := claim_model.read(text)) is None:
                why = "left alone"
            else:
                which, features = found
                why = f"{which} model {claim_model.score(claim_model.model_for(which), features):.2f}"
            print(f"{path.stem}#{n} {'missed' if claim else 'false alarm'} ({why}) | {text}")


if __name__ == "__main__":
    verb, *args = sys.argv[1:] or ["help"]
    if verb == "save" and args:
        save(Path(args[0]), [Path(a) for a in args[1:]])
    elif verb == "diff" and len(args) == 2:
        diff(Path(args[0]), Path(args[1]))
    elif verb == "errors" and args:
        errors([Path(a) for a in args])
    else:
        sys.exit(__doc__)
