"""The one core both adapters call: configuration in, findings out."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from .checks import run_checks
from .findings import Finding, Severity
from .load.loader import load_site
from .model import Site
from .load.siteconfig import SiteConfig, load_site_config


def today_from_env() -> dt.date | None:
    """HEALTHGUIDE_TODAY=YYYY-MM-DD pins "today" for reproducible checks and tests."""
    value = os.environ.get("HEALTHGUIDE_TODAY")
    return dt.date.fromisoformat(value) if value else None


@dataclass(frozen=True)
class Result:
    config: SiteConfig
    site: Site
    findings: list[Finding]

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)


def check_site(config_path: str | os.PathLike[str], today: dt.date | None = None, use_cache: bool = True) -> Result:
    config = load_site_config(config_path)
    site = load_site(config, today or today_from_env(), use_cache=use_cache)
    return Result(config, site, run_checks(site, config.settings))


def docs_prefix(config: SiteConfig) -> str:
    """Findings carry docs-relative paths; printed paths are relative to the project root."""
    try:
        rel = Path(os.path.relpath(config.docs_dir, Path.cwd())).as_posix()
    except ValueError:
        rel = str(config.docs_dir)
    return "" if rel == "." else rel + "/"
