"""Links and anchors on real MkDocs sites: ours, MkDocs' `validation:` and lychee, against MkDocs' built HTML.

    .venv/bin/python -m pip install -r bench/requirements.txt
    .venv/bin/python bench/conformance.py            # both trees; about 3 minutes on 2 cores
    .venv/bin/python bench/conformance.py --trees mkdocs

For each tree of tests/conformance/ (with the defects of tests/conformance/plants.py planted), MkDocs
builds the site and its HTML is the oracle: the set of broken (page, target, fragment) keys
(tests/conformance/harness.py). Each tool's report is turned into the same keys and scored: true
positives, false positives (reported, but fine in the built site), misses. Wall time is one run of
each tool as a separate process. Writes bench/results/conformance.md (git-ignored) and prints it.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests" / "conformance"))
import harness  # noqa: E402
import plants  # noqa: E402

from healthguide.core import check_site  # noqa: E402

BIN = Path(sys.executable).parent
_FINDING = re.compile(r"(?P<path>[^\s:]+\.md):(?P<line>\d+):(?P<col>\d+): \w+:? (?P<code>HG\d{3})")
_NOT_FOUND = re.compile(r"Doc file '(?P<page>[^']+)' contains a link '(?P<href>[^']+)', but the target")
_NO_ANCHOR = re.compile(r"Doc file '(?P<page>[^']+)' contains a link '(?P<href>[^']+)', but the doc '(?P<doc>[^']+)' "
                        r"does not contain an anchor '#(?P<anchor>[^']*)'")
_SELF_ANCHOR = re.compile(r"Doc file '(?P<page>[^']+)' contains a link '#(?P<anchor>[^']*)', but there is no such anchor on this page")
_UNRECOGNIZED = re.compile(r"Doc file '(?P<page>[^']+)' contains an unrecognized relative link '(?P<href>[^']+)'")


@dataclass
class Score:
    tool: str
    found: set[harness.Key] = field(default_factory=set)
    seconds: float = 0.0
    noted: set[harness.Key] = field(default_factory=set)   # ours offline: "not verified" notes (HG306, info)
    lines: str = "no"       # reports source lines?

    def row(self, broken: set[harness.Key]) -> str:
        found, broken, noted = _normal(self.found), _normal(broken), _normal(self.noted)
        tp, fp, missed = len(found & broken), len(found - broken), broken - found
        notes = (f" ({len(missed & noted)} of them noted as not verified; {len(noted)} notes in all)"
                 if noted else "")
        return f"| {self.tool} | {tp} | {fp} | {len(missed)}{notes} | {self.lines} | {self.seconds:.1f} s |"


def _normal(keys: set[harness.Key]) -> set[harness.Key]:
    """Keys compared without a query string or a trailing slash (tools print a folder's URL either way)."""
    return {(page, target.split("?")[0].rstrip("/"), fragment) for page, target, fragment in keys}


def _timed(cmd: list[str], cwd: Path) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=1200)
    return time.perf_counter() - start, done.stdout + done.stderr


def _ours_cli(tree: Path, config: Path) -> Score:
    seconds, _ = _timed([sys.executable, "-m", "healthguide", "check", "--config-file", config.name, "--no-cache"], tree)
    result = check_site(config, use_cache=False)   # the same run in-process, for its site model
    score = Score("ours: `healthguide check` (offline CLI)", seconds=seconds, lines="yes")
    score.found = set(harness.checker_keys(result.site, result.findings, {"HG301", "HG302", "HG303", "HG305"}))
    # A note is neither an alarm nor a find: scored apart, as what the offline run could not verify.
    score.noted = set(harness.checker_keys(result.site, result.findings, {"HG306"}))
    return score


def _ours_plugin(tree: Path, config: Path, site_model: object) -> Score:
    seconds, out = _timed([sys.executable, "-m", "mkdocs", "build", "-f", config.name, "-d", "plugin-site"], tree)
    findings = [m for m in _FINDING.finditer(out) if m.group("code") in {"HG301", "HG302", "HG303", "HG305"}]

    class F:  # the shape checker_keys reads
        def __init__(self, m: re.Match[str]) -> None:
            self.path, self.line, self.col, self.code = m.group("path"), int(m.group("line")), int(m.group("col")), m.group("code")

    score = Score("ours: `mkdocs build` with the plugin", seconds=seconds, lines="yes")
    score.found = set(harness.checker_keys(site_model, [F(m) for m in findings]))
    return score


def _mkdocs_validation(tree: Path, oracle: harness.Oracle) -> Score:
    config = tree / "validation.yml"
    config.write_text("INHERIT: mkdocs.yml\nvalidation:\n  links:\n    not_found: warn\n    anchors: warn\n"
                      "    unrecognized_links: warn\n    absolute_links: info\n", encoding="utf-8")
    seconds, out = _timed([sys.executable, "-m", "mkdocs", "build", "-f", config.name, "-d", "validation-site"], tree)
    score = Score("MkDocs `validation:` (links, anchors, unrecognized links at warn)", seconds=seconds, lines="no (file only)")
    for line in out.splitlines():
        if m := _SELF_ANCHOR.search(line):
            score.found.add((m.group("page"), oracle.urls.get(m.group("page"), ""), m.group("anchor")))
        elif m := _NO_ANCHOR.search(line):
            score.found.add((m.group("page"), oracle.urls.get(m.group("doc"), m.group("doc")), m.group("anchor")))
        elif (m := _NOT_FOUND.search(line)) or (m := _UNRECOGNIZED.search(line)):
            reached = harness.normal_target(oracle.urls.get(m.group("page"), ""), m.group("href"))
            if reached is not None:
                score.found.add((m.group("page"), *reached))
    return score


def _lychee(tree: Path, site_dir: Path, oracle: harness.Oracle) -> Score:
    out_file = tree / "lychee.json"
    seconds, _ = _timed([str(BIN / "lychee"), "--offline", "--include-fragments", "--index-files", "index.html",
                         "--no-progress", "--format", "json", "--output", str(out_file), "--exclude-path", "404\\.html",
                         str(site_dir)], tree)
    score = Score("lychee --offline --include-fragments (built HTML)", seconds=seconds, lines="no (HTML file)")
    by_dest = {url + "index.html" if url.endswith("/") or not url else url: page for page, url in oracle.urls.items()}
    try:
        report = json.loads(out_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return score
    for source, items in (report.get("error_map") or {}).items():
        rel = Path(source).resolve().relative_to(site_dir.resolve()).as_posix() if source.startswith("/") else source
        page = by_dest.get(rel)
        for item in items:
            url = str(item.get("url", ""))
            if page is None or not url.startswith("file://"):
                continue
            path, _, fragment = url[len("file://"):].partition("#")
            try:
                target = Path(path).relative_to(site_dir.resolve()).as_posix()
            except ValueError:
                continue
            target = target[: -len("index.html")] if target.endswith("index.html") else target
            target = target + "/" if (site_dir / target).is_dir() and target and not target.endswith("/") else target
            score.found.add((page, target, fragment))
    return score


def run_tree(name: str, work: Path) -> tuple[str, set[harness.Key], list[Score], dict[str, int]]:
    tree = harness.copy_tree(name, work)
    expected = plants.plant(name, tree)
    start = time.perf_counter()
    oracle = harness.build_oracle(tree / "mkdocs.yml", tree / "oracle-site")
    build_seconds = time.perf_counter() - start
    config = harness.with_plugin(tree)
    cli = _ours_cli(tree, config)
    site_model = check_site(config, use_cache=False).site
    scores = [cli, _ours_plugin(tree, config, site_model), _mkdocs_validation(tree, oracle), _lychee(tree, tree / "oracle-site", oracle)]
    planted = sum(1 for marks in expected.values() for what in marks.values() if what == "broken")
    facts = {"pages": len(oracle.urls), "planted": planted, "broken": len(oracle.broken), "build": round(build_seconds, 1)}
    return name, oracle.broken, scores, facts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trees", default=",".join(harness.TREES))
    args = parser.parse_args()
    lines = ["| tool | true positives | false positives | misses | source lines | time |", "|---|---|---|---|---|---|"]
    details: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.trees.split(","):
            tree, broken, scores, facts = run_tree(name, Path(tmp))
            lines.append(f"| **{tree}** ({facts['pages']} pages; {facts['broken']} broken in the built HTML, "
                         f"{facts['planted']} planted lines among them; plain build {facts['build']} s) | | | | | |")
            lines.extend(score.row(broken) for score in scores)
            for score in scores:
                found, truth = _normal(score.found), _normal(broken)
                details.extend(f"{tree}\t{score.tool}\tfalse positive\t{k}" for k in sorted(found - truth))
                details.extend(f"{tree}\t{score.tool}\tmiss\t{k}" for k in sorted(truth - found))
    table = "\n".join(lines) + "\n"
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "conformance.md").write_text(table, encoding="utf-8")
    (out / "conformance-details.tsv").write_text("\n".join(details) + "\n", encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
