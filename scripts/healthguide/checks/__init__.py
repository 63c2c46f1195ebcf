"""Check families. Each module declares its codes and a ``check(site, settings)`` generator.

Checks are pure functions of the site model: none opens a file or the network.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from ..findings import Finding, Severity
from ..model import Site
from ..settings import Settings
from . import authors, care, citations, claims, evidence, frontmatter, graph, html_safety, links, readability, review, structure

Check = Callable[[Site, Settings], Iterator[Finding]]

FAMILIES: tuple[Check, ...] = (
    frontmatter.check, graph.check, links.check, citations.check, evidence.check, claims.check,
    readability.check, structure.check, review.check, authors.check, html_safety.check, care.check,
)


def run_checks(site: Site, settings: Settings, families: Iterable[Check] = FAMILIES) -> list[Finding]:
    """Every finding for the site, with configured severities, sorted by place."""
    found = list(site.all_load_findings())
    for family in families:
        found.extend(family(site, settings))
    return apply_severity(found, settings)


def apply_severity(found: Iterable[Finding], settings: Settings) -> list[Finding]:
    out = []
    for item in found:
        level = settings.severity_of(item.code, item.severity)
        if level is not Severity.IGNORE:
            out.append(item.with_severity(level))
    return sorted(set(out))
