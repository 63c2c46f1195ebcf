"""Measure our checks and their peers side by side on synthetic guides (see bench/README.md).

    .venv/bin/python bench/run.py                      # the full run behind the table (~30 min on 2 cores)
    .venv/bin/python bench/run.py --sizes 10 --tools ours-cold,ours-warm,floor --reps 1   # the smoke test's run

Every measurement is a separate process: wall time (median of the repetitions) and the peak resident
memory of its largest process (``os.wait4``). Defects are planted by bench/gen.py with unique tokens;
a tool "finds" a defect when its report names that token. Results go to bench/results/ (git-ignored):
results.json (merged across runs, keyed by size and tool) and table.md.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import gen  # noqa: E402

sys.path.insert(0, str(HERE.parent / "scripts"))
from healthguide.online.links import serve_directory  # noqa: E402

BIN = Path(sys.executable).parent
TODAY = "2026-11-23"
ALL_TOOLS = ["ours-cold", "ours-warm", "ours-warm-link", "ours-nocache", "floor", "render-floor", "render-floor-check",
             "mkdocs-plain", "mkdocs-extension", "mkdocs-plugin", "mkdocs-plugin-warm",
             "mkdocs-plugin-nocheck", "mkdocs-plugin-bare", "mkdocs-noprune",
             "make-site", "mkdocs-validation", "lychee", "linkchecker", "linkchecker-anchors", "properdocs", "zensical",
             "zensical-warm", "zensical-plain"]
LABELS = {
    "ours-cold": "our `check`, cold (no cache)",
    "ours-warm": "our `check`, warm, one file edited",
    "ours-warm-link": "our `check`, warm, a heading other pages link to renamed and a link added",
    "ours-nocache": "our `check --no-cache`",
    "floor": "floor: read every .md + link regex",
    "render-floor": "render floor: Python-Markdown + the site's extensions, 2 workers, nothing else",
    "render-floor-check": "render floor as the check renders (abbr's tree processor out, no HTML written), 2 workers",
    "mkdocs-plain": "`mkdocs build`, Material, no plugin",
    "mkdocs-extension": "`mkdocs build`, Material + `healthguide.extension` (the site's markup, no checks)",
    "mkdocs-plugin": "`mkdocs build`, Material + our plugin (no cache)",
    "mkdocs-plugin-warm": "`mkdocs build` + plugin, page cache warm",
    "mkdocs-plugin-nocheck": "`mkdocs build` + plugin with its check taken out (the site's markup and theme, no checks)",
    "mkdocs-plugin-bare": "`mkdocs build` + plugin (no cache), without our template overrides",
    "mkdocs-noprune": "`mkdocs build` + plugin (no cache), without navigation.prune",
    "make-site": "`make site` (check, strict build, check --built), no cache",
    "mkdocs-validation": "MkDocs `validation:` links/anchors warn (plain build)",
    "lychee": "lychee --offline --include-fragments (built site)",
    "linkchecker": "linkchecker, internal links (file://)",
    "linkchecker-anchors": "linkchecker + AnchorCheck (http.server on 127.0.0.1)",
    "properdocs": "`properdocs build`, Material + our plugin (no cache)",
    "zensical": "`zensical build` + `healthguide finish`, our extension (no cache)",
    "zensical-warm": "`zensical build` + `finish`, our extension, page cache warm (as after `make check`)",
    "zensical-plain": "`zensical build`, Material, no extension",
}
# What each tool can see: the defect kinds it is scored on.
SEES = {
    "ours": set(gen.DEFECT_KINDS),
    "links": {"broken-link"},
    "links+anchors": {"broken-link", "broken-anchor"},
}
TOOL_SEES = {"ours-cold": "ours", "ours-warm": "ours", "ours-warm-link": "ours", "ours-nocache": "ours",
             "mkdocs-validation": "links+anchors", "lychee": "links+anchors", "linkchecker": "links",
             "linkchecker-anchors": "links+anchors"}


def default_reps(tool: str, n: int) -> int:
    if tool in ("ours-cold", "ours-nocache"):
        return 3 if n >= 2000 else 5
    if tool.startswith("ours") or tool in ("floor", "render-floor", "render-floor-check"):
        return 3 if n >= 10_000 else 5
    if tool in ("mkdocs-plugin-warm", "mkdocs-plugin-bare") and n >= 2000:
        return 1
    if tool == "linkchecker-anchors":
        return 1
    if tool in ("linkchecker", "make-site", "mkdocs-validation", "mkdocs-noprune") and n >= 2000:
        return 1
    if tool == "linkchecker" and n >= 500:
        return 1
    return 3


def sizes_for(tool: str, sizes: list[int]) -> list[int]:
    if tool == "linkchecker-anchors":
        return [n for n in sizes if n <= 100]
    if tool in ("ours-cold", "ours-warm", "ours-warm-link", "floor", "render-floor", "render-floor-check"):
        return sizes
    return [n for n in sizes if n <= 2000]


class Run:
    """One process: wall seconds, peak RSS in MB of its largest process, output text."""

    def __init__(self, cmd: list[str], cwd: Path, timeout: float, env: dict[str, str] | None = None) -> None:
        self.cmd = cmd
        with tempfile.TemporaryFile() as out:
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})},
                                    start_new_session=True)
            timer = threading.Timer(timeout, lambda: os.killpg(proc.pid, signal.SIGKILL))
            timer.start()
            _, status, usage = os.wait4(proc.pid, 0)
            timer.cancel()
            self.seconds = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
            self.code = proc.returncode
            self.timed_out = self.code == -signal.SIGKILL
            self.rss_mb = usage.ru_maxrss / 1024
            self.cpu = usage.ru_utime + usage.ru_stime     # the process and its workers: steadier than wall time on a busy machine
            out.seek(0)
            self.output = out.read().decode("utf-8", "replace")


def found_tokens(text: str, truth: list[dict], kinds: set[str], line_filter: re.Pattern[str] | None = None) -> set[str]:
    lines = [ln for ln in text.splitlines() if line_filter is None or line_filter.search(ln)]
    blob = "\n".join(lines)
    return {d["token"] for d in truth if d["kind"] in kinds and re.search(re.escape(d["token"]) + r"(?![\w-])", blob)}


# The product's own local server (used by `healthguide online links`) serves the built site.
served = serve_directory


class Bench:
    def __init__(self, work: Path, timeout: float, reps: int | None, log: bool = True, shape: str = "guide") -> None:
        self.work = work
        self.shape = shape
        self.timeout = timeout
        self.reps = reps
        self.log = log

    def say(self, text: str) -> None:
        if self.log:
            print(text, flush=True)

    def sites(self, n: int, need_clean: bool) -> tuple[Path, Path | None, list[dict]]:
        defect = self.work / f"n{n}" / "defect"
        per_kind = max(1, min(5, n // 20))
        truth = gen.generate(defect, n, seed=1, defects=per_kind, shape=self.shape)["defects"]
        clean = None
        if need_clean:
            clean = self.work / f"n{n}" / "clean"
            gen.generate(clean, n, seed=1, defects=0, shape=self.shape)
        return defect, clean, truth

    def ours(self, site: Path, *extra: str) -> Run:
        return Run([str(BIN / "python"), "-W", "ignore", "-m", "healthguide", "check", "-f", "mkdocs.yml", *extra],
                   site, self.timeout, env={"HEALTHGUIDE_TODAY": TODAY})

    def mkdocs(self, site: Path, config: str, dest: str, *extra: str) -> Run:
        return Run([str(BIN / "mkdocs"), "build", "-f", config, "-d", dest, *extra], site, self.timeout,
                   env={"HEALTHGUIDE_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"})

    def zensical(self, site: Path, extension: bool = True) -> Run:
        """A Zensical build (its own cache cleaned) then `healthguide finish`, timed together; or, without our
        extension, the build alone (Material on Zensical, the baseline).

        Zensical runs no plugin: `healthguide stage` (timed with the build) writes the packaged theme and a
        configuration inheriting the guide's, as `make site ENGINE=zensical` does.
        """
        config = (site / "mkdocs.yml").read_text(encoding="utf-8")
        if not extension:
            config = re.sub(r"^  - healthguide\.extension.*\n", "", config, flags=re.MULTILINE)
        (site / "mkdocs-zensical.yml").write_text(config, encoding="utf-8")
        shutil.rmtree(site / "site", ignore_errors=True)
        env = {"HEALTHGUIDE_TODAY": TODAY}
        steps = [Run([str(BIN / "python"), "-m", "healthguide", "stage", "-f", "mkdocs-zensical.yml"], site, self.timeout, env=env),
                 Run([str(BIN / "zensical"), "build", "--clean", "-f", ".healthguide-engine.yml"], site, self.timeout, env=env)]
        if extension:
            steps.append(Run([str(BIN / "python"), "-m", "healthguide", "finish", "site"], site, self.timeout, env=env))
        total = steps[1]
        total.seconds = sum(s.seconds for s in steps)
        total.rss_mb = max(s.rss_mb for s in steps)
        total.code = max(abs(s.code) for s in steps)
        total.output = "\n".join(s.output for s in steps)
        return total

    def measure(self, tool: str, n: int, defect: Path, clean: Path | None, truth: list[dict]) -> dict:
        reps = self.reps or default_reps(tool, n)
        runs: list[Run] = []
        for k in range(reps):
            runs.append(self.once(tool, k, defect, clean))
            if runs[-1].timed_out:
                break
        last = runs[-1]
        seconds = [r.seconds for r in runs]
        kinds = SEES[TOOL_SEES[tool]] if tool in TOOL_SEES else set()
        line_filter = {"lychee": re.compile(r"ERROR"), "mkdocs-validation": re.compile(r"WARNING")}.get(tool)
        found = found_tokens(last.output, truth, kinds, line_filter) if kinds else set()
        if tool.startswith("linkchecker") and kinds:
            found = self.linkchecker_found(last.output, truth, kinds)
        planted = [d for d in truth if d["kind"] in kinds]
        result = {
            "tool": tool, "pages": n, "shape": self.shape, "reps": len(runs), "seconds": seconds, "median_s": statistics.median(seconds),
            "ms_per_page": 1000 * statistics.median(seconds) / n, "rss_mb": max(r.rss_mb for r in runs),
            "cpu_s": statistics.median(r.cpu for r in runs), "load_average": os.getloadavg()[0],
            "exit": last.code, "timed_out": last.timed_out, "found": len(found), "planted": len(planted),
            "found_by_kind": {k: sum(1 for d in planted if d["kind"] == k and d["token"] in found) for k in sorted(kinds)},
            "command": " ".join(last.cmd) if isinstance(last.cmd, list) else last.cmd,
        }
        if tool.startswith("lychee"):
            result["errors_reported"] = len(re.findall(r"\[ERROR\]", last.output))
        self.say(f"  {tool:<20} n={n:<6} {result['median_s']:8.2f} s {result['ms_per_page']:8.2f} ms/page "
                 f"cpu {result['cpu_s']:7.2f} s "
                 f"{result['rss_mb']:7.0f} MB  found {len(found)}/{len(planted)}  exit {last.code}"
                 + ("  TIMEOUT" if last.timed_out else ""))
        return result

    @staticmethod
    def linkchecker_found(output: str, truth: list[dict], kinds: set[str]) -> set[str]:
        bad = [line for line in output.splitlines()
               if ";False;" in line or "nchor" in line and "not found" in line.lower()]
        return found_tokens("\n".join(bad), truth, kinds)

    def once(self, tool: str, k: int, defect: Path, clean: Path | None) -> Run:
        if tool == "ours-cold":
            shutil.rmtree(defect / ".healthguide-cache", ignore_errors=True)
            return self.ours(defect)
        if tool == "ours-nocache":
            return self.ours(defect, "--no-cache")
        if tool in ("ours-warm", "ours-warm-link"):
            if k == 0:
                self.ours(defect)                       # fill the cache
            target = defect / "docs" / "topic-0000" / "spoke-02.md"   # a page other pages link to, with anchors
            if tool == "ours-warm":                     # its text: what other pages read from it is unchanged
                with open(target, "a", encoding="utf-8") as fh:
                    fh.write(f"\nThe page was edited for warm run {k} of the benchmark.\n")
            else:                                       # its anchors and the pages it links to
                text = re.sub(r"^(## .+)$", rf"\1 w{k}", target.read_text(encoding="utf-8"), count=1, flags=re.M)
                text += f"\nSee [another page](../topic-0001/spoke-{k % 9 + 1:02d}.md) (warm run {k}).\n"
                target.write_text(text, encoding="utf-8")
            return self.ours(defect)
        if tool == "floor":
            return Run([str(BIN / "python"), str(HERE / "floor.py"), "docs"], defect, self.timeout)
        if tool == "render-floor":
            return Run([str(BIN / "python"), str(HERE / "render_floor.py"), "mkdocs.yml"], defect, self.timeout)
        if tool == "render-floor-check":
            return Run([str(BIN / "python"), str(HERE / "render_floor.py"), "mkdocs.yml", "--check"], defect, self.timeout)
        assert clean is not None
        if tool in ("mkdocs-plugin", "mkdocs-extension", "mkdocs-plugin-bare", "mkdocs-plugin-nocheck", "mkdocs-noprune", "make-site", "properdocs", "zensical",
                    "zensical-plain"):
            shutil.rmtree(clean / ".healthguide-cache", ignore_errors=True)
        if tool == "mkdocs-plugin-warm":
            if k == 0:
                self.mkdocs(clean, "mkdocs.yml", "built-plugin", "-q")   # fill the cache
            return self.mkdocs(clean, "mkdocs.yml", "built-plugin", "-q")
        if tool == "mkdocs-plain":
            return self.mkdocs(clean, "mkdocs-plain.yml", "built-plain", "-q")
        if tool == "mkdocs-extension":
            return self.mkdocs(clean, "mkdocs-extension.yml", "built-extension", "-q")
        if tool == "mkdocs-plugin":
            return self.mkdocs(clean, "mkdocs.yml", "built-plugin", "-q")
        if tool == "mkdocs-plugin-bare":
            return self.mkdocs(clean, "mkdocs-plugin-bare.yml", "built-bare", "-q")
        if tool == "mkdocs-plugin-nocheck":
            return self.mkdocs(clean, "mkdocs-plugin-nocheck.yml", "built-nocheck", "-q")
        if tool == "mkdocs-noprune":
            return self.mkdocs(clean, "mkdocs-noprune.yml", "built-noprune", "-q")
        if tool == "make-site":
            steps = [self.ours(clean), self.mkdocs(clean, "mkdocs.yml", "site", "--strict", "--clean", "-q"),
                     self.ours(clean, "--built", "site")]
            total = steps[0]
            total.seconds = sum(s.seconds for s in steps)
            total.rss_mb = max(s.rss_mb for s in steps)
            total.cpu = sum(s.cpu for s in steps)
            total.code = max(abs(s.code) for s in steps)
            total.output = "\n".join(s.output for s in steps)
            total.cmd = ["make site equivalent: healthguide check; mkdocs build --strict --clean; healthguide check --built site"]
            return total
        if tool == "mkdocs-validation":
            return self.mkdocs(defect, "mkdocs-plain-validate.yml", "built")
        if tool == "properdocs":
            return Run([str(BIN / "properdocs"), "build", "-f", "mkdocs.yml", "-d", "built-properdocs", "-q"], clean,
                       self.timeout, env={"HEALTHGUIDE_TODAY": TODAY})
        if tool == "zensical":
            return self.zensical(clean)
        if tool == "zensical-warm":
            self.ours(clean)                            # `make site` runs `check` first: it fills the page cache
            return self.zensical(clean)
        if tool == "zensical-plain":
            return self.zensical(clean, extension=False)
        built = defect / "built"
        if not (built / "index.html").exists():
            self.mkdocs(defect, "mkdocs-plain.yml", "built", "-q")
        if tool == "lychee":
            return Run([str(BIN / "lychee"), "--offline", "--include-fragments", "--index-files", "index.html",
                        "--no-progress", "--exclude-path", "404\\.html", "built"], defect, self.timeout)
        if tool in ("linkchecker", "linkchecker-anchors"):
            rc = defect / "linkcheckerrc"
            rc.write_text("[output]\n[checking]\n" + ("[AnchorCheck]\n" if tool.endswith("anchors") else ""), encoding="utf-8")
            cmd = [str(BIN / "linkchecker"), "-f", str(rc), "--no-status", "-o", "csv", "--threads", "10"]
            if tool == "linkchecker":   # file:// is ~7x faster than http here, but AnchorCheck needs http for dir/ URLs
                return Run([*cmd, (built / "index.html").resolve().as_uri()], defect, self.timeout)
            with served(built) as url:
                return Run([*cmd, url], defect, self.timeout)
        raise ValueError(tool)


def render(results: list[dict]) -> str:
    sizes = sorted({r["pages"] for r in results})
    by = {(r["tool"], r["pages"]): r for r in results}
    head = "| tool | " + " | ".join(f"N = {n:,}" for n in sizes) + " |"
    lines = [head, "|" + "---|" * (len(sizes) + 1)]
    for tool in ALL_TOOLS:
        cells = []
        for n in sizes:
            r = by.get((tool, n))
            if r is None:
                cells.append("–")
                continue
            if r["timed_out"]:
                cells.append(f"timed out after {r['median_s']:.0f} s")
                continue
            cell = f"{r['median_s']:.2f} s · {r['ms_per_page']:.2f} ms/p · {r['rss_mb']:.0f} MB"
            if r.get("cpu_s") is not None:
                cell += f" · CPU {r['cpu_s']:.2f} s"
            if r["planted"]:
                cell += f" · found {r['found']}/{r['planted']}"
            if r.get("errors_reported") is not None:
                cell += f" ({r['errors_reported']} errors reported)"
            cell += f" · ×{r['reps']}"
            cells.append(cell)
        if any(c != "–" for c in cells):
            lines.append(f"| {LABELS[tool]} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,500,2000,10000", help="page counts (default: %(default)s)")
    parser.add_argument("--tools", default=",".join(ALL_TOOLS), help="comma-separated, from: " + ", ".join(ALL_TOOLS))
    parser.add_argument("--reps", type=int, help="repetitions for every measurement (default: per tool and size)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds before one process is stopped")
    parser.add_argument("--out", type=Path, default=HERE / "results", help="results folder (default: bench/results)")
    parser.add_argument("--fresh", action="store_true", help="do not merge with earlier results.json")
    parser.add_argument("--shape", choices=gen.SHAPES, default="guide",
                        help="bench/gen.py's corpus shape; give each shape its own --out (default: %(default)s)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    tools = [t for t in args.tools.split(",") if t]
    unknown = set(tools) - set(ALL_TOOLS)
    if unknown:
        parser.error(f"unknown tools: {', '.join(sorted(unknown))}")
    missing = [name for name, tool in (("lychee", "lychee"), ("linkchecker", "linkchecker"), ("mkdocs", "mkdocs"))
               if any(t.startswith(tool) or (tool == "mkdocs" and t in ("make-site",)) for t in tools)
               and not (BIN / name).exists()]
    if missing:
        print(f"missing {', '.join(missing)}: {BIN / 'pip'} install -r bench/requirements.txt", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    store = args.out / "results.json"
    results: list[dict] = []
    if store.exists() and not args.fresh:
        with contextlib.suppress(ValueError):
            results = json.loads(store.read_text(encoding="utf-8")).get("results", [])
    bench = Bench(args.out / "work", args.timeout, args.reps, shape=args.shape)
    started = time.perf_counter()
    for n in sizes:
        wanted = [t for t in tools if n in sizes_for(t, sizes)]
        if not wanted:
            continue
        bench.say(f"N = {n}: generating…")
        defect, clean, truth = bench.sites(n, need_clean=any(t.startswith(("mkdocs-plain", "mkdocs-plugin", "mkdocs-noprune", "make-site",
                                                                            "properdocs", "zensical")) for t in wanted))
        for tool in wanted:
            result = bench.measure(tool, n, defect, clean, truth)
            results = [r for r in results if (r["tool"], r["pages"]) != (tool, n)] + [result]
            meta = {"machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
                    "load_average": os.getloadavg(), "when": time.strftime("%Y-%m-%d %H:%M")}
            store.write_text(json.dumps({"meta": meta, "results": results}, indent=1), encoding="utf-8")
        shutil.rmtree(args.out / "work" / f"n{n}" / "clean" / "site", ignore_errors=True)
    table = render(sorted(results, key=lambda r: r["pages"]))
    (args.out / "table.md").write_text(table, encoding="utf-8")
    bench.say(table)
    bench.say(f"total {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
