"""Command line: ``python -m healthguide check`` and friends. A thin adapter over :mod:`core`."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import posixpath
import sys
from pathlib import Path

from . import changed, report, scaffold
from .checks import apply_severity
from .checks.disclaimer import check_built_site
from .checks.publish import check_site_url
from .core import check_site, docs_prefix, today_from_env
from .loader import load_site
from .model import PageType
from .online import command as online_command
from .siteconfig import ConfigError, load_site_config
from .stats import article_stats, stats_table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="healthguide", description="Checks for a self-checking health guide.")
    sub = parser.add_subparsers(dest="command", required=True)
    site = argparse.ArgumentParser(add_help=False)
    site.add_argument("-f", "--config-file", default="mkdocs.yml", help="path to mkdocs.yml (default: %(default)s)")
    check = sub.add_parser("check", parents=[site], help="run every offline check on the site's sources (no HTML build)")
    check.add_argument("--format", choices=sorted(report.FORMATS),
                       help="output format (default: github when GITHUB_ACTIONS=true, else text)")
    check.add_argument("--built", metavar="SITE_DIR", help="also check the built HTML in SITE_DIR (disclaimer on every page)")
    check.add_argument("--today", type=dt.date.fromisoformat, help="judge review dates as of this day (YYYY-MM-DD)")
    check.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    check.add_argument("--publish", action="store_true",
                       help="also refuse a missing or placeholder site_url (HG610): for `make publish`")
    check.add_argument("--changed", metavar="BASE", help="report only findings a change since git ref BASE touched "
                       "(the whole site is still loaded), e.g. --changed origin/main")
    new = sub.add_parser("new", parents=[site], help="scaffold a new pillar, spoke or page that passes the checks")
    new.add_argument("kind", choices=[t.value for t in PageType], help="what to create")
    new.add_argument("--title", required=True, help="the article's title; the file name is made from it")
    new.add_argument("--pillar", help="a spoke's pillar, docs-relative, e.g. foot-back-connection/index.md")
    new.add_argument("--author", help="an id from authors.yml (default: the first author listed)")
    new.add_argument("--slug", help="file name to use instead of one made from the title")
    online_command.add_parser(sub, site)
    check.add_argument("--no-cache", action="store_true",
                       help="parse every page afresh; do not read or write .healthguide-cache/")
    sub.add_parser("stats", parents=[site], help="per-article words, citations, sources, reading grade and review date")
    args = parser.parse_args(argv)
    runners = {"check": run_check, "stats": run_stats, "new": run_new, "online": online_command.run}
    try:
        return runners[args.command](args)
    except ConfigError as err:  # mkdocs.yml itself is unusable: one message, exit 2, for every command
        print(f"{err}", file=sys.stderr)
        return 2


def run_new(args: argparse.Namespace) -> int:
    try:
        config = load_site_config(args.config_file)
        made = scaffold.plan(config, PageType(args.kind), args.title, pillar=args.pillar, author=args.author,
                             slug=args.slug, today=today_from_env())
        scaffold.write(made)
    except (ConfigError, scaffold.ScaffoldError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except OSError as err:
        print(f"error: cannot write the new file: {err}", file=sys.stderr)
        return 1
    print(f"created {docs_prefix(config)}{made.rel}")
    if PageType(args.kind).is_medical:
        print("next: replace every TODO, cite at least "
              f"{config.settings.min_sources} source(s) as [@id], then run `make check`.")
    return 0


def run_stats(args: argparse.Namespace) -> int:
    config = load_site_config(args.config_file)
    print(stats_table(article_stats(load_site(config))))
    return 0


def run_check(args: argparse.Namespace) -> int:
    try:
        result = check_site(args.config_file, args.today, use_cache=not args.no_cache)
    except ValueError as err:  # e.g. a malformed HEALTHGUIDE_TODAY
        print(f"error: {err}", file=sys.stderr)
        return 2
    prefix = docs_prefix(result.config)
    selected = result.findings
    if args.changed:
        try:
            root, names = changed.changed_files(args.changed, result.config.path.parent)
        except changed.GitError as err:
            print(f"error: --changed {args.changed}: {err}", file=sys.stderr)
            return 2
        selected = changed.select(selected, result.site, result.config.path, root, names, result.config.docs_dir)
    found = [dataclasses.replace(f, path=posixpath.normpath(prefix + f.path)) for f in selected]
    if args.built:
        site_dir = Path(args.built)
        built = apply_severity(check_built_site(site_dir, result.config.settings), result.config.settings)
        found = sorted(found + [dataclasses.replace(f, path=f"{site_dir.as_posix()}/{f.path}") for f in built])
    if args.publish:
        config = result.config
        shown = Path(os.path.relpath(config.path)).as_posix()
        found = sorted(found + apply_severity(check_site_url(config.path, config.site_url, shown), config.settings))
    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    output = report.FORMATS[fmt](found)
    print(output)
    errors = sum(1 for f in found if f.severity.value == "error")
    warnings = sum(1 for f in found if f.severity.value == "warn")
    return 1 if errors or (args.strict and warnings) else 0
