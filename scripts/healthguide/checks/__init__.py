"""Check families. Each module declares its codes and a ``check(site, settings)`` generator.

Checks are pure functions of the site model: none opens a file or the network.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from .. import frontmatter as frontmatter_codes
from ..findings import Finding, Severity
from ..model import Site
from ..settings import Settings
from . import authors, citations, claims, evidence, frontmatter, graph, html_safety, links, readability, review, structure

Check = Callable[[Site, Settings], Iterator[Finding]]

FAMILIES: tuple[Check, ...] = (
    frontmatter.check, graph.check, links.check, citations.check, evidence.check, claims.check,
    readability.check, structure.check, review.check, authors.check, html_safety.check,
)


# profile: generic (any MkDocs site): files, links, anchors and HTML safety; nothing health-specific.
GENERIC_FAMILIES: tuple[Check, ...] = (links.check, html_safety.check)
HEALTH_ONLY_LOAD_CODES = frozenset({frontmatter_codes.NO_FRONT_MATTER.code})  # the front-matter contract


def families_for(settings: Settings) -> tuple[Check, ...]:
    return FAMILIES if settings.health else GENERIC_FAMILIES


def run_checks(site: Site, settings: Settings, families: Iterable[Check] | None = None) -> list[Finding]:
    """Every finding for the site, with configured severities, sorted by place."""
    found = [f for f in site.all_load_findings() if settings.health or f.code not in HEALTH_ONLY_LOAD_CODES]
    for family in families_for(settings) if families is None else families:
        found.extend(family(site, settings))
    return apply_severity(found, settings)


def apply_severity(found: Iterable[Finding], settings: Settings) -> list[Finding]:
    out = []
    for item in found:
        level = settings.severity_of(item.code, item.severity)
        if level is not Severity.IGNORE:
            out.append(item.with_severity(level))
    return sorted(set(out))
