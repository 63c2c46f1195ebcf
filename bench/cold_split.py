"""Where a cold check's time goes, part by part, against its render floor: one process, no pool, no profiler.

    python bench/cold_split.py GUIDE [--reps 3]

Runs ``healthguide check`` in a fresh process each time, on one core (no parse pool), the cache cleared, with each part
below timed by a wrapper that charges a call's own time to its part (what a part calls that is itself a part
is charged there, so the parts add up to the run). cProfile charges every Python call and inflates the
collector's and the rules' many small calls against the renderer's regular expressions; these wrappers are
called a few hundred thousand times in all (~0.1 µs each). Prints each part's seconds (the median of the runs)
and its share, as a Markdown table for bench/README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

START = time.perf_counter()

from healthguide import cli, core  # noqa: E402
from healthguide.analysis import claims, readability  # noqa: E402
from healthguide.analysis import statistics as stats  # noqa: E402
from healthguide.load import assembler, cache, care, frontmatter, headings, loader, locate, mdext  # noqa: E402
from healthguide.relations import Relations  # noqa: E402
from healthguide.stream import PageJudge  # noqa: E402

IMPORTS = time.perf_counter() - START

# (owner, attribute, part): in the order the table lists them. Module functions are looked up by the caller
# at call time (``claims.sentence_kinds(…)``, or a name in the caller's module, patched there too).
PARTS: list[tuple[Any, str, str]] = [
    (frontmatter, "decode", "read: decode the bytes"),
    (frontmatter, "split", "front matter: split and YAML"),
    (loader, "parse_meta", "front matter: schema"),
    (loader, "render_tree", "render: the site's extensions (the floor's work)"),
    (mdext.CollectProcessor, "run", "collector: anchors, links, citations, sentences, text"),
    (locate.Locator, "find_words", "positions: sentences"),
    (locate.Locator, "find", "positions: citations, raw HTML, admonitions"),
    (locate.Locator, "find_link", "positions: links"),
    (claims, "sentence_kinds", "HG501: the claim kind of each uncited sentence"),
    (readability, "grade", "reading grade"),
    (stats, "cited_statistics", "statistics cited"),
    (headings, "locate", "headings located"),
    (care, "markers", "care markers"),
    (loader, "page_from_result", "page model: the rest of building it"),
    (PageJudge, "__call__", "page-local check families"),
    (cache.PageCache, "put", "cache: write each page"),
    (cache.PageCache, "save", "cache: commit"),
    (Relations, "all", "cross-page relations: links, anchors, citations, site-wide families"),
    (core, "run_checks", "findings judged and sorted"),
    (assembler.SiteAssembler, "assemble", "assembler: discovery, link resolution, the rest"),
]

_stack: list[list[Any]] = []
totals: Counter[str] = Counter()


def _timed(part: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        now = time.perf_counter()
        if _stack:
            totals[_stack[-1][0]] += now - _stack[-1][1]
        _stack.append([part, now])
        try:
            return fn(*args, **kwargs)
        finally:
            end = time.perf_counter()
            label, began = _stack.pop()
            totals[label] += end - began
            if _stack:
                _stack[-1][1] = end
    return wrapper


def _install() -> None:
    loader.usable_cores = lambda: 1          # parse in this process, where the wrappers see it
    for owner, name, part in PARTS:
        original = getattr(owner, name)
        setattr(owner, name, _timed(part, original))


def _run(guide: Path) -> tuple[float, int, str]:
    """One cold check: its wall seconds, its exit status and its report."""
    shutil.rmtree(guide / ".healthguide-cache", ignore_errors=True)
    os.chdir(guide)
    report = io.StringIO()
    began = time.perf_counter()
    with contextlib.redirect_stdout(report):
        status = cli.main(["check"])
    return time.perf_counter() - began, status, report.getvalue()


REST = "the rest: configuration, report, exit"


def _one(guide: Path) -> None:
    """One run in this process: its wall time and its parts, as JSON on stdout."""
    _install()
    wall, status, report = _run(guide)
    parts = dict(totals)
    parts[REST] = wall - sum(parts.values())
    print(json.dumps({"wall": wall, "imports": IMPORTS, "parts": parts, "exit": status,
                      "summary": report.strip().splitlines()[-1] if report.strip() else ""}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("guide", type=Path)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    guide = args.guide.resolve()
    if args.one:
        _one(guide)
        return
    runs = [json.loads(subprocess.run([sys.executable, __file__, str(guide), "--one"], check=True, capture_output=True,
                                      text=True).stdout.splitlines()[-1]) for _ in range(args.reps)]
    wall = statistics.median(r["wall"] for r in runs)
    imports = statistics.median(r["imports"] for r in runs)
    print("| part of a cold `check`, one process, no pool | seconds | share of the run |\n|---|---:|---:|")
    print(f"| imports, before the run | {imports:.2f} | – |")
    for name in [p for _, _, p in PARTS] + [REST]:
        value = statistics.median(r["parts"].get(name, 0.0) for r in runs)
        print(f"| {name} | {value:.2f} | {100 * value / wall:.1f} % |")
    print(f"| **the run (median of {args.reps})** | **{wall:.2f}** | 100 % |")
    print(f"\nexit {runs[0]['exit']}: {runs[0]['summary']}")


if __name__ == "__main__":
    main()
