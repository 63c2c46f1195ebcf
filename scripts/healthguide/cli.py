"""Command line: ``python -m healthguide check`` and friends. A thin adapter over :mod:`core`."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import sys
from pathlib import Path

from . import report
from .checks.disclaimer import check_built_site
from .checks import apply_severity
from .core import check_site, docs_prefix
from .loader import load_site
from .siteconfig import ConfigError, load_site_config
from .stats import article_stats, stats_table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="healthguide", description="Checks for a self-checking health guide.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="run every offline check on the site's sources (no HTML build)")
    check.add_argument("-f", "--config-file", default="mkdocs.yml", help="path to mkdocs.yml (default: %(default)s)")
    check.add_argument("--format", choices=sorted(report.FORMATS),
                       help="output format (default: github when GITHUB_ACTIONS=true, else text)")
    check.add_argument("--built", metavar="SITE_DIR", help="also check the built HTML in SITE_DIR (disclaimer on every page)")
    check.add_argument("--today", type=dt.date.fromisoformat, help="judge review dates as of this day (YYYY-MM-DD)")
    check.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    stats = sub.add_parser("stats", help="per-article words, citations, sources, reading grade and review date")
    stats.add_argument("-f", "--config-file", default="mkdocs.yml", help="path to mkdocs.yml (default: %(default)s)")
    args = parser.parse_args(argv)
    if args.command == "check":
        return run_check(args)
    if args.command == "stats":
        return run_stats(args)
    return 2


def run_stats(args: argparse.Namespace) -> int:
    try:
        config = load_site_config(args.config_file)
    except ConfigError as err:
        print(f"{err}", file=sys.stderr)
        return 2
    print(stats_table(article_stats(load_site(config))))
    return 0


def run_check(args: argparse.Namespace) -> int:
    try:
        result = check_site(args.config_file, args.today)
    except ConfigError as err:
        print(f"{err}", file=sys.stderr)
        return 2
    except ValueError as err:  # e.g. a malformed HEALTHGUIDE_TODAY
        print(f"error: {err}", file=sys.stderr)
        return 2
    prefix = docs_prefix(result.config)
    found = [dataclasses.replace(f, path=prefix + f.path) for f in result.findings]
    if args.built:
        site_dir = Path(args.built)
        built = apply_severity(check_built_site(site_dir, result.config.settings), result.config.settings)
        found = sorted(found + [dataclasses.replace(f, path=f"{site_dir.as_posix()}/{f.path}") for f in built])
    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    output = report.FORMATS[fmt](found)
    print(output)
    errors = sum(1 for f in found if f.severity.value == "error")
    warnings = sum(1 for f in found if f.severity.value == "warn")
    return 1 if errors or (args.strict and warnings) else 0
