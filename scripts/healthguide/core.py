"""The one core every adapter calls: configuration in, judged findings out.

``load_config`` validates mkdocs.yml against the catalogue; the assembler builds the model;
``run_checks`` runs every site family of the catalogue; ``judge`` applies configured severity.
Severity is applied here and nowhere else: the CLI, the plugin and the online commands all
receive findings that went through :func:`judge`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .catalogue import CATALOGUE, Catalogue, Family
from .checks import rendered
from .checks.disclaimer import check_built_page
from .checks.publish import check_site_url
from .findings import Finding, Severity
from .load.assembler import SiteAssembler, load_site
from .load.siteconfig import SiteConfig, load_site_config
from .model import Page, Site
from .relations import Relations
from .settings import Settings
from .stream import PageJudge


def today_from_env() -> dt.date | None:
    """HEALTHGUIDE_TODAY=YYYY-MM-DD pins "today" for reproducible checks and tests."""
    value = os.environ.get("HEALTHGUIDE_TODAY")
    return dt.date.fromisoformat(value) if value else None


def load_config(config_path: str | os.PathLike[str], catalogue: Catalogue = CATALOGUE, cache: bool = False) -> SiteConfig:
    """mkdocs.yml, validated against the catalogue (raises ConfigError); ``cache``: MkDocs' reading of it may come
    from ``.healthguide-cache/`` (:mod:`healthguide.load.configcache`)."""
    return load_site_config(config_path, catalogue, cache=cache)


@dataclass(frozen=True)
class Result:
    """A check's judged findings; ``site`` is the model, made when first asked for if the check did not need it."""

    config: SiteConfig
    findings: list[Finding]
    load: Callable[[], Site] = field(repr=False, compare=False)

    @functools.cached_property
    def site(self) -> Site:
        return self.load()

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)


def check_site(config_path: str | os.PathLike[str], today: dt.date | None = None, use_cache: bool = True,
               on_parsed: Callable[[int, int], None] | None = None, need_site: bool = False) -> Result:
    """``on_parsed(done, total)`` is told as pages the cache did not have are parsed (a progress line).

    Streaming: each page's own findings are judged where it is parsed (:class:`healthguide.stream.PageJudge`),
    and the model keeps compact pages, cached with those findings. Warm: while the page list and the rest of the
    snapshot's key hold, the findings come from the last check's snapshot, with only the changed pages read and
    only the pages an edit reaches judged again (:meth:`SiteAssembler.warm`, :mod:`healthguide.relations`);
    ``Result.site`` is then made when asked for (``need_site``: made at once).
    """
    config = load_config(config_path, cache=use_cache)
    day = today or today_from_env() or dt.date.today()
    assembler = SiteAssembler(config, today=day, use_cache=use_cache, on_parsed=on_parsed, judge=PageJudge(config, day))
    relations = Relations(config.settings, CATALOGUE)
    warm = None if need_site else assembler.warm(relations)
    if warm is not None:
        dropped = _dropped(config.settings, CATALOGUE)
        found = [*(f for f in warm.site if f.code not in dropped), *warm.cross, *warm.local]
        return Result(config, judge(found, config.settings),
                      lambda: load_site(config, day, use_cache=use_cache, judge=PageJudge(config, day)))
    site = assembler.assemble()
    cross = relations.all(site)
    assembler.remember(site, cross)
    return Result(config, run_checks(site, config.settings, cross=cross.findings()), lambda: site)


def run_checks(site: Site, settings: Settings, catalogue: Catalogue = CATALOGUE,
               cross: list[Finding] | None = None) -> list[Finding]:
    """Every finding for the site (load-time ones included), judged and sorted by place.

    Under ``profile: generic`` the catalogue's ``health_only`` families are skipped, their load codes too.
    Each family's per-page part (``Family.per_page``) is taken from a compact page that carries its findings
    (``Page.local_findings``, judged where the page was parsed), else run on the pages that need it.
    ``cross``: :func:`_cross_page` of this site and settings, when the caller has it.
    """
    dropped = _dropped(settings, catalogue)
    found = [f for f in site.load_findings if f.code not in dropped]
    found.extend(cross if cross is not None else _cross_page(site, settings, catalogue))
    found.extend(_per_page(site, settings, list(catalogue.per_page_families(settings.health))))
    return judge(found, settings)


def _dropped(settings: Settings, catalogue: Catalogue) -> frozenset[str]:
    return frozenset() if settings.health else catalogue.health_only_codes()


def _cross_page(site: Site, settings: Settings, catalogue: Catalogue) -> list[Finding]:
    """What depends on more than one page: every page's load findings and every site-wide family's findings."""
    return Relations(settings, catalogue).all(site).findings()


def _per_page(site: Site, settings: Settings, families: list[Family]) -> Iterable[Finding]:
    names = [f.name for f in families]
    todo: dict[str, Page] = {}
    for path, page in site.pages.items():
        known = page.local_findings
        if known is not None and all(name in known for name in names):
            for name in names:
                yield from known[name]
        else:
            todo[path] = page
    if todo:   # per page by definition: one run over the pages that need it (the plugin's whole pages)
        rest = dataclasses.replace(site, pages=todo)
        for family in families:
            assert family.per_page is not None
            yield from family.per_page(rest, settings)


def built_page_findings(rel_path: str, html: str, settings: Settings) -> list[Finding]:
    """Findings on one built HTML page (the plugin's post-page hook), judged."""
    return judge(check_built_page(rel_path, html, settings), settings)


def built_site_findings(site_dir: Path, settings: Settings, site: Site | None = None) -> list[Finding]:
    """Findings on every built HTML page under ``site_dir`` (``check --built``), judged.

    With the site model, each built page is also held to its source (HG602-HG609): an engine that
    skipped the renderer fails here.
    """
    pages = read_built(site_dir)
    found = [f for rel in pages for f in check_built_page(rel, pages[rel], settings)]
    if site is not None:
        found.extend(rendered.check_built_pages(site, pages, settings))
    return judge(found, settings)


class BuiltPages(Mapping[str, str]):
    """Every built HTML file under a site folder, site-relative posix path -> text (unreadable: empty).

    Each page is read when it is asked for and not kept: every built page carries the site's navigation, and
    holding them all at once cost gigabytes on a large guide.
    """

    def __init__(self, site_dir: Path) -> None:
        self._files = {path.relative_to(site_dir).as_posix(): path for path in sorted(site_dir.rglob("*.html"))}

    def __getitem__(self, rel: str) -> str:
        try:
            return self._files[rel].read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return ""

    def __iter__(self) -> Iterator[str]:
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)


def read_built(site_dir: Path) -> BuiltPages:
    """Every built HTML file under ``site_dir``, read one at a time as it is judged."""
    return BuiltPages(site_dir)


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
