"""Command line: ``python -m healthguide check`` and friends. A thin adapter over :mod:`core`."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import posixpath
import sys
from pathlib import Path

from . import __version__, report, terminal
from .commands import changed, explain, scaffold
from .commands import init as starter
from .commands.stats import article_stats, stats_table
from .core import built_site_findings, check_site, docs_prefix, load_config, publish_findings, today_from_env
from .load.assembler import load_site
from .load.siteconfig import ConfigError
from .model import PageType
from .online import command as online_command
from .progress import Progress
from .report.output import render
from .theme import package
from .theme.finish import finish_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="healthguide", description="Checks for a self-checking health guide.")
    parser.add_argument("--version", action="version", version=f"healthguide {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    site = argparse.ArgumentParser(add_help=False)
    site.add_argument("-f", "--config-file", default="mkdocs.yml", help="path to mkdocs.yml (default: %(default)s)")
    check = sub.add_parser("check", parents=[site], help="run every offline check on the site's sources (no HTML build)")
    check.add_argument("paths", nargs="*", metavar="PATH",
                       help="report only findings in these files or folders (the whole site is still loaded and judged)")
    check.add_argument("--format", choices=sorted(report.FORMATS),
                       help="output format (default: github when GITHUB_ACTIONS=true, else text)")
    check.add_argument("--built", metavar="SITE_DIR", help="also check the built HTML in SITE_DIR (each page rendered: disclaimer, byline, references, JSON-LD, CSP)")
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
    init = sub.add_parser("init", help="write a new health guide into DIR (new or empty) that passes the checks but for its placeholders")
    init.add_argument("directory", metavar="DIR", help="the folder for the new guide; it must not exist yet or be empty")
    online_command.add_parser(sub, site)
    check.add_argument("--no-cache", action="store_true",
                       help="parse every page afresh; do not read or write .healthguide-cache/")
    sub.add_parser("stats", parents=[site], help="per-article words, citations, sources, reading grade and review date")
    finish = sub.add_parser("finish", help="after an engine without plugins: fill the CSP hashes of the built pages in SITE_DIR")
    finish.add_argument("site_dir", metavar="SITE_DIR", help="the build's output folder, e.g. site")
    sub.add_parser("stage", parents=[site], help="before an engine without plugins (Zensical): write the packaged theme "
                   "with overrides/ on top and a configuration that uses it (.healthguide-engine.yml)")
    about = sub.add_parser("explain", help="what a finding code means and how to fix it, e.g. explain HG301")
    about.add_argument("code", nargs="?", help="a code (HG301) or its name (link-target-missing)")
    about.add_argument("--list", action="store_true", help="list every code")
    args = parser.parse_args(argv)
    runners = {"check": run_check, "stats": run_stats, "new": run_new, "init": run_init, "online": online_command.run,
               "explain": run_explain, "finish": run_finish, "stage": run_stage}
    try:
        return runners[args.command](args)
    except ConfigError as err:  # mkdocs.yml itself is unusable: one message, exit 2, for every command
        print(f"{err}", file=sys.stderr)
        return 2


def run_finish(args: argparse.Namespace) -> int:
    site_dir = Path(args.site_dir)
    if not site_dir.is_dir():
        print(f"healthguide finish: {site_dir} is not a folder: build the site first (make site)", file=sys.stderr)
        return 2
    changed = finish_site(site_dir)
    print(f"healthguide finish: filled the CSP hashes of {len(changed)} page(s) in {site_dir}")
    return 0


def run_stage(args: argparse.Namespace) -> int:
    config = load_config(args.config_file)
    staged = package.stage(config.path, config.raw)
    print(f"healthguide stage: wrote {staged.name} and {package.STAGED_THEME}/ next to {config.path.name}")
    return 0


def run_new(args: argparse.Namespace) -> int:
    try:
        config = load_config(args.config_file)
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


def run_init(args: argparse.Namespace) -> int:
    target = Path(args.directory)
    try:
        written = starter.write(target, today_from_env() or dt.date.today())
    except (starter.InitError, ValueError) as err:   # ValueError: a malformed HEALTHGUIDE_TODAY
        print(f"error: {err}", file=sys.stderr)
        return 1
    except OSError as err:
        print(f"error: cannot write the new guide into {target}: {err}", file=sys.stderr)
        return 1
    print(f"created a new health guide in {target} ({len(written)} files)")
    print(f"next: cd {target}, read README.md, then replace every TODO and cite your sources. Until then "
          f"`healthguide check` and `mkdocs build --strict` refuse to publish it ({', '.join(starter.EXPECTED)}).")
    return 0


def run_stats(args: argparse.Namespace) -> int:
    config = load_config(args.config_file)
    print(stats_table(article_stats(load_site(config))))
    return 0


def run_explain(args: argparse.Namespace) -> int:
    if args.list or not args.code:
        print(explain.listing())
        return 0
    code = explain.lookup(args.code)
    if code is None:
        print(f"error: unknown finding code '{args.code}'{explain.suggestion(args.code)}", file=sys.stderr)
        return 2
    print(explain.explain(code, explain.find_guide()))
    return 0


# A cold check parses every page; below this many the wait is too short for a progress line to help.
PROGRESS_MIN_PAGES = 100


def run_check(args: argparse.Namespace) -> int:
    wanted = [Path(p).resolve() for p in args.paths]
    missing = [p for p, w in zip(args.paths, wanted, strict=True) if not w.exists()]
    if missing:
        print(f"error: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    try:
        with Progress("parsing pages") as bar:
            def on_parsed(done: int, total: int) -> None:
                if total >= PROGRESS_MIN_PAGES:
                    bar.update(done, total)
            result = check_site(args.config_file, args.today, use_cache=not args.no_cache, on_parsed=on_parsed,
                                need_site=bool(args.changed or args.built))
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
        built = built_site_findings(site_dir, result.config.settings, result.site)
        found = sorted(found + [dataclasses.replace(f, path=f"{site_dir.as_posix()}/{f.path}") for f in built])
    if wanted:
        found = [f for f in found if _under(Path(f.path).resolve(), wanted)]
    if args.publish:   # judges mkdocs.yml itself, so a PATH filter never hides it
        found = sorted(found + publish_findings(result.config))
    output = render(found, args.format, strict=args.strict, colour=terminal.wants_colour(sys.stdout))
    print(output.text)
    return output.exit_code


def _under(path: Path, wanted: list[Path]) -> bool:
    return any(path == w or w in path.parents for w in wanted)
