"""The one core every adapter calls: configuration in, judged findings out.

``load_config`` validates mkdocs.yml against the catalogue; the assembler builds the model;
``run_checks`` runs every site family of the catalogue; ``judge`` applies configured severity.
Severity is applied here and nowhere else: the CLI, the plugin and the online commands all
receive findings that went through :func:`judge`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .catalogue import CATALOGUE, Catalogue, Family
from .checks import rendered
from .checks.disclaimer import check_built_page
from .checks.publish import check_site_url
from .findings import Finding, Severity
from .load.assembler import load_site
from .load.cache import FindingsCache, content_hash, findings_key
from .load.siteconfig import SiteConfig, load_site_config
from .model import Site
from .settings import Settings


def today_from_env() -> dt.date | None:
    """HEALTHGUIDE_TODAY=YYYY-MM-DD pins "today" for reproducible checks and tests."""
    value = os.environ.get("HEALTHGUIDE_TODAY")
    return dt.date.fromisoformat(value) if value else None


def load_config(config_path: str | os.PathLike[str], catalogue: Catalogue = CATALOGUE) -> SiteConfig:
    """mkdocs.yml, validated against the catalogue (raises ConfigError)."""
    return load_site_config(config_path, catalogue)


@dataclass(frozen=True)
class Result:
    config: SiteConfig
    site: Site
    findings: list[Finding]

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)


def check_site(config_path: str | os.PathLike[str], today: dt.date | None = None, use_cache: bool = True,
               on_parsed: Callable[[int, int], None] | None = None) -> Result:
    """``on_parsed(done, total)`` is told as pages the cache did not have are parsed (a progress line)."""
    config = load_config(config_path)
    site = load_site(config, today or today_from_env(), use_cache=use_cache, on_parsed=on_parsed)
    store = findings_cache(config) if use_cache else None
    found = run_checks(site, config.settings, findings=store)
    if store is not None:
        store.keep_only(site.pages)
        store.save()
    return Result(config, site, found)


def findings_cache(config: SiteConfig) -> FindingsCache | None:
    """The command line's cache of page-local findings (None where the page cache would be off)."""
    refs = config.docs_dir / config.settings.references
    try:
        refs_digest = content_hash(refs.read_bytes())
    except OSError:
        refs_digest = "missing"
    store = FindingsCache.for_config(config, variant="findings", extra=findings_key(config, config.settings, refs_digest))
    return store if isinstance(store, FindingsCache) else None


def run_checks(site: Site, settings: Settings, catalogue: Catalogue = CATALOGUE,
               findings: FindingsCache | None = None) -> list[Finding]:
    """Every finding for the site (load-time ones included), judged and sorted by place.

    Under ``profile: generic`` the catalogue's ``health_only`` families are skipped, their load codes too.
    With ``findings``, page-local families take each unchanged page's findings from that cache and run
    only on the pages it does not have (the same findings: each sees a site of that one page).
    """
    dropped = frozenset() if settings.health else catalogue.health_only_codes()
    found = [f for f in site.all_load_findings() if f.code not in dropped]
    families = catalogue.site_families(settings.health)
    local = [f for f in families if f.page_local] if findings is not None else []
    for family in families:
        if family not in local:
            assert family.check is not None
            found.extend(family.check(site, settings))
    if findings is not None and local:
        found.extend(_page_local(site, settings, local, findings))
    return judge(found, settings)


def _page_local(site: Site, settings: Settings, families: list[Family], store: FindingsCache) -> Iterable[Finding]:
    names = [f.name for f in families]
    for path, page in site.pages.items():
        digest = site.digests.get(path)
        cached = store.get_findings(path, digest) if digest else None
        if cached is None or any(name not in cached for name in names):
            alone = dataclasses.replace(site, pages={path: page})
            cached = {f.name: tuple(f.check(alone, settings)) for f in families if f.check is not None}
            if digest:
                store.put_findings(path, digest, cached)
        for name in names:
            yield from cached[name]


def built_page_findings(rel_path: str, html: str, settings: Settings) -> list[Finding]:
    """Findings on one built HTML page (the plugin's post-page hook), judged."""
    return judge(check_built_page(rel_path, html, settings), settings)


def built_site_findings(site_dir: Path, settings: Settings, site: Site | None = None) -> list[Finding]:
    """Findings on every built HTML page under ``site_dir`` (``check --built``), judged.

    With the site model, each built page is also held to its source (HG602-HG609): an engine that
    skipped the renderer fails here.
    """
    pages = read_built(site_dir)
    found = [f for rel, text in pages.items() for f in check_built_page(rel, text, settings)]
    if site is not None:
        found.extend(rendered.check_built_pages(site, pages, settings))
    return judge(found, settings)


def read_built(site_dir: Path) -> dict[str, str]:
    """Every built HTML file under ``site_dir``, site-relative posix path -> text (unreadable: empty)."""
    pages = {}
    for path in sorted(site_dir.rglob("*.html")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            text = ""
        pages[path.relative_to(site_dir).as_posix()] = text
    return pages


def publish_findings(config: SiteConfig) -> list[Finding]:
    """Findings on the configuration as a site to publish (``check --publish``: site_url), judged."""
    try:
        shown = Path(os.path.relpath(config.path, Path.cwd())).as_posix()
    except ValueError:
        shown = config.path.as_posix()
    return judge(check_site_url(config.path, config.site_url, shown), config.settings)


def judge(found: Iterable[Finding], settings: Settings) -> list[Finding]:
    """Configured severity applied once; ``ignore`` drops a finding; sorted, without duplicates."""
    out = []
    for item in found:
        level = settings.severity_of(item.code, item.severity)
        if level is not Severity.IGNORE:
            out.append(item.with_severity(level))
    return sorted(set(out))


def docs_prefix(config: SiteConfig) -> str:
    """Findings carry docs-relative paths; printed paths are relative to the project root."""
    try:
        rel = Path(os.path.relpath(config.docs_dir, Path.cwd())).as_posix()
    except ValueError:
        rel = str(config.docs_dir)
    return "" if rel == "." else rel + "/"
