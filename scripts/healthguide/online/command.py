"""CLI adapter: ``python -m healthguide online links --site site/`` and ``online identifiers``."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from pathlib import Path
from typing import Any

from .. import report as text_report
from ..findings import Finding
from ..progress import Progress
from .cache import DEFAULT_DIR


def add_parser(sub: Any, site: argparse.ArgumentParser) -> None:
    """``site`` is the shared parent parser that declares --config-file."""
    online = sub.add_parser("online", help="network checks, off by default: external links, DOIs and PMIDs")
    what = online.add_subparsers(dest="online_command", required=True)
    for name, help_text in (("links", "check the built site's external links (linkchecker + polite re-checks)"),
                            ("identifiers", "verify every DOI at doi.org and every PMID at PubMed")):
        p = what.add_parser(name, parents=[site], help=help_text)
        p.add_argument("--cache-dir", default=str(DEFAULT_DIR), help="where results are cached (default: %(default)s)")
        p.add_argument("--no-cache", action="store_true", help="ask again even about results confirmed recently")
        p.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for one answer (default: %(default)s)")
        p.add_argument("--format", choices=sorted(text_report.FORMATS),
                       help="terminal output (default: github when GITHUB_ACTIONS=true, else text)")
        p.add_argument("--summary", default=os.environ.get("GITHUB_STEP_SUMMARY"),
                       help="append a Markdown report to this file (default: $GITHUB_STEP_SUMMARY when set)")
        p.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
        if name == "links":
            p.add_argument("--site", default="site", help="the built site to crawl (default: %(default)s)")
            p.add_argument("--rate", type=float, default=2.0, help="requests per second to any one host (default: %(default)s)")


def run(args: argparse.Namespace) -> int:
    from ..core import docs_prefix, judge, load_config
    from ..report.output import render
    from ..terminal import wants_colour
    from .cache import ResultCache

    config = load_config(args.config_file)   # a ConfigError becomes exit 2 in cli.main
    settings = config.settings
    prefix = docs_prefix(config)
    max_age = 0 if args.no_cache else settings.online_cache_days
    cache = ResultCache(Path(args.cache_dir) / f"{args.online_command}.json", max_age)
    try:
        if args.online_command == "links":
            title, found, counts = _links(args, config, settings, cache, prefix)
        else:
            title, found, counts = _identifiers(config, settings, cache, prefix, args.timeout)
    except (RuntimeError, OSError, ValueError) as err:  # linkchecker missing or failed, unreadable site, bad pattern
        print(f"error: online {args.online_command}: {err}", file=sys.stderr)
        return 2
    cache.save()
    found = judge(found, settings)
    output = render(found, args.format, strict=args.strict, colour=wants_colour(sys.stdout))
    print(output.text)
    if args.summary:
        from .report import markdown

        with open(args.summary, "a", encoding="utf-8") as out:
            out.write(markdown(title, found, counts) + "\n")
    return output.exit_code


def _links(args: argparse.Namespace, config: Any, settings: Any, cache: Any, prefix: str
           ) -> tuple[str, list[Finding], list[tuple[str, int]]]:
    from ..load.assembler import load_site
    from .links import check_links

    site_dir = Path(args.site)
    if not (site_dir / "index.html").is_file():
        raise ValueError(f"{site_dir}/index.html not found: build the site first (`make site`)")
    with Progress("online links") as bar:
        found, stats = check_links(site_dir, settings, load_site(config), cache, docs_prefix=prefix,
                                   rate=args.rate, timeout=args.timeout, progress=bar)
    return "External links", found, stats.as_rows()


def _identifiers(config: Any, settings: Any, cache: Any, prefix: str, timeout: float
                 ) -> tuple[str, list[Finding], list[tuple[str, int]]]:
    from ..load.references import load_references
    from .identifiers import check_identifiers

    refs, problems = load_references(config.docs_dir / settings.references, settings.references)
    with Progress("online identifiers") as bar:
        found, stats = check_identifiers(refs, settings, cache, references_path=prefix + settings.references,
                                         timeout=timeout, progress=bar)
    problems = [dataclasses.replace(p, path=prefix + p.path) for p in problems]
    return "Reference identifiers (DOI, PMID)", [*problems, *found], stats.as_rows()
