"""Streaming: a page's own findings are judged where it is parsed, and only a compact page travels on.

The command line's check parses pages in worker processes (:func:`healthguide.load.loader.parse_pages`).
Right after a page is parsed, :class:`PageJudge` runs the per-page part of every family on it
(``Family.per_page``: the ``page_local`` families whole, and the part of care judged on each page) on a
site of that one page, and returns a compact page: the findings in ``Page.local_findings`` and, of the
rest, only what the cross-page families and the command line read. The parent never holds a site's
sentences, plain text or outline, and the page cache stores these compact records (the ``index`` variant).

What cross-page families read from a page, and so what :func:`compact` keeps:

* path, front matter (``meta``, ``meta_pos``, ``front``, ``front_matter_pos``), load findings: graph,
  review, authors, citations, care (page types), ``--changed``, ``--built`` (HG60x);
* links (resolved in the parent: resolution needs the page list), anchors: links and anchors, graph;
* citations: citations, evidence (HG443), ``--built``;
* markers (care's self-check host), and raw HTML only on a page with the self-check marker (care reads the
  form's signs from it);
* the cited sentences that state a statistic (evidence, HG442), renumbered in ``cited_statistics``.

Dropped: every other sentence, the plain text, the outline and headings, admonitions, claim kinds, the grade,
raw HTML elsewhere: only the per-page parts read them, and their findings are already in the page.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping

from .analysis.statistics import cited_statistics
from .catalogue import CATALOGUE, Catalogue
from .findings import Finding
from .load.care import from_extension_configs
from .load.loader import resolve_links
from .load.siteconfig import SiteConfig
from .model import Page, Reference, Site


class PageJudge:
    """``judge(page, references) -> compact page``: one page's per-page findings, judged alone.

    Page-local families read only the page, references.yaml (HG502) and the warning-signs data (care),
    which is all the one-page site carries; the settings and the code are in the cache key of the records.
    """

    def __init__(self, config: SiteConfig, today: dt.date, catalogue: Catalogue = CATALOGUE) -> None:
        self.config = config
        self.today = today
        self.families = catalogue.per_page_families(config.settings.health)
        self._site: Site | None = None

    def _alone(self, page: Page, references: Mapping[str, Reference]) -> Site:
        config, settings = self.config, self.config.settings
        if self._site is None or self._site.references is not references:
            self._site = Site(
                config_path=str(config.path), docs_dir=str(config.docs_dir), pages={}, references=references,
                references_path=settings.references, authors={}, authors_path=settings.authors, nav_paths=None,
                assets=frozenset(), today=self.today, use_directory_urls=config.use_directory_urls,
                care=from_extension_configs(config.extension_configs, config.docs_dir),
            )
        # Links classified without the page list: the per-page parts read only their kind (HG904, unsafe), which
        # the href alone decides; the parent resolves them against every page.
        view = resolve_links(page, set(), config.use_directory_urls, frozenset(), {})
        return dataclasses.replace(self._site, pages={page.path: view})

    def __call__(self, page: Page, references: Mapping[str, Reference]) -> Page:
        alone = self._alone(page, references)
        found = {f.name: tuple(f.per_page(alone, self.config.settings)) for f in self.families if f.per_page}
        return compact(page, found)


def compact(page: Page, found: Mapping[str, tuple[Finding, ...]]) -> Page:
    """The page as cross-page families read it, carrying its per-page findings (see the module's list)."""
    at = page.cited_statistics if page.cited_statistics is not None else cited_statistics(page.sentences)
    stated = tuple(page.sentences[i] for i in at)
    host = any(kind == "self-check" for kind, _, _ in page.markers)
    return dataclasses.replace(
        page, sentences=stated, cited_statistics=tuple(range(len(stated))), text="", outline=(), headings=(),
        admonitions=(), claim_kinds=(), grade=None, raw_html=page.raw_html if host else (),
        local_findings=dict(found),
    )
