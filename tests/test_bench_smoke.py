"""Keeps bench/ working: the generator is deterministic and plants what it says; the runner runs at a tiny N."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

from support import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import gen  # noqa: E402


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def test_generator_is_seeded_and_plants_every_kind(tmp_path: Path) -> None:
    a = gen.generate(tmp_path / "a", 20, seed=3, defects=1)
    b = gen.generate(tmp_path / "b", 20, seed=3, defects=1)
    assert digest(tmp_path / "a" / "docs") == digest(tmp_path / "b" / "docs") and a == b
    assert a["pages"] == len(list((tmp_path / "a" / "docs").rglob("*.md"))) == 20
    assert sorted(d["kind"] for d in a["defects"]) == sorted(gen.DEFECT_KINDS)
    c = gen.generate(tmp_path / "c", 20, seed=4, defects=1)
    assert digest(tmp_path / "c" / "docs") != digest(tmp_path / "a" / "docs") and c["pages"] == 20


def test_runner_at_a_tiny_size(tmp_path: Path) -> None:
    out = tmp_path / "results"
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--sizes", "10", "--tools", "ours-cold,ours-warm,floor",
                           "--reps", "1", "--out", str(out), "--fresh"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    results = {r["tool"]: r for r in json.loads((out / "results.json").read_text(encoding="utf-8"))["results"]}
    assert set(results) == {"ours-cold", "ours-warm", "floor"}
    for tool in ("ours-cold", "ours-warm"):
        assert results[tool]["planted"] == len(gen.DEFECT_KINDS)
        assert results[tool]["found"] == results[tool]["planted"], results[tool]
        assert results[tool]["exit"] == 1   # the planted errors fail the check
    assert results["floor"]["exit"] == 0 and results["floor"]["median_s"] > 0
    assert "our `check`, cold" in (out / "table.md").read_text(encoding="utf-8")


def test_cold_split_names_every_part_and_reports_the_check(tmp_path: Path) -> None:
    truth = gen.generate(tmp_path / "guide", 10, seed=1, defects=1)
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "cold_split.py"), str(tmp_path / "guide"), "--reps", "1"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    rows = {line.split(" | ")[0].lstrip("| "): line for line in done.stdout.splitlines() if line.startswith("| ")}
    import cold_split
    assert {part for _, _, part in cold_split.PARTS} <= set(rows)
    assert float(rows["render: the site's extensions (the floor's work)"].split(" | ")[1]) > 0
    # the wrapped check is the check: the planted defects fail it, each one reported
    assert f"exit 1: {len(truth['defects'])} error(s)" in done.stdout
