"""Reference identifiers verified at their registries: DOIs at doi.org, PMIDs at NCBI E-utilities.

* DOI: ``GET {doi_api}/api/handles/<doi>`` (the Handle System's REST API). 200 with responseCode 1:
  the DOI exists. 404 (responseCode 100): it does not, an error. Anything else: the registry could not
  be asked, a warning (never a silent pass).
* PMID: ``GET {pubmed_api}/esummary.fcgi?db=pubmed&id=1,2,…&retmode=json``, up to 200 ids a request,
  at most 3 requests a second (NCBI's limit without an API key). An id whose summary carries an
  ``error`` is unknown to PubMed, an error.

Base URLs come from the plugin block (``doi_api``, ``pubmed_api``) or the environment
(``HEALTHGUIDE_DOI_API``, ``HEALTHGUIDE_PUBMED_API``), which wins, so tests can use 127.0.0.1.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from ..findings import Finding, finding
from ..model import Reference
from ..progress import Progress
from ..settings import Settings
from .cache import ResultCache
from .codes import DOI_NOT_FOUND, PMID_NOT_FOUND, REGISTRY_UNREACHABLE
from .http import Outcome, PoliteClient, Status

PMID_BATCH = 200
NCBI_INTERVAL = 1 / 3 + 0.01      # 3 requests a second, with a margin


@dataclass
class IdStats:
    dois: int = 0
    pmids: int = 0
    from_cache: int = 0
    found: int = 0
    missing: int = 0
    unverified: int = 0

    def as_rows(self) -> list[tuple[str, int]]:
        return [("DOIs", self.dois), ("PMIDs", self.pmids), ("confirmed from cache", self.from_cache),
                ("found at the registry", self.found), ("not found", self.missing), ("unverified", self.unverified)]


def api_bases(settings: Settings) -> tuple[str, str]:
    doi = os.environ.get("HEALTHGUIDE_DOI_API") or settings.doi_api
    pubmed = os.environ.get("HEALTHGUIDE_PUBMED_API") or settings.pubmed_api
    return doi.rstrip("/"), pubmed.rstrip("/")


def check_identifiers(references: Mapping[str, Reference], settings: Settings, cache: ResultCache, *,
                      references_path: str, timeout: float = 20.0,
                      client_factory: Callable[[float], PoliteClient] | None = None,
                      progress: Progress | None = None) -> tuple[list[Finding], IdStats]:
    """Findings for every DOI and PMID in references.yaml (positions from the file's own YAML marks).
    ``progress`` is told of each lookup (a line on a person's terminal; inert elsewhere)."""
    bar = progress or Progress("", enabled=False)
    doi_base, pubmed_base = api_bases(settings)
    make = client_factory or (lambda interval: PoliteClient(interval=interval, timeout=timeout))
    stats = IdStats()
    found: list[Finding] = []
    bar.set_total(sum(1 for ref in references.values() if ref.doi or (ref.pmid and ref.pmid.isdigit())))
    with make(0.2) as doi_client:
        for ref in references.values():
            if ref.doi:
                stats.dois += 1
                bar.start(f"doi.org: {ref.doi}")
                found.extend(_doi(ref, doi_client, doi_base, cache, stats, references_path))
                bar.advance()
    pmid_refs = [ref for ref in references.values() if ref.pmid and ref.pmid.isdigit()]
    stats.pmids = len(pmid_refs)
    todo = []
    for ref in pmid_refs:
        entry = cache.get("pmid:" + ref.pmid)  # type: ignore[operator]
        if entry is not None:
            stats.from_cache += 1
            found.extend(_pmid_verdict(ref, bool(entry["exists"]), stats, references_path))
            bar.advance()
        else:
            todo.append(ref)
    with make(NCBI_INTERVAL) as ncbi:
        for start in range(0, len(todo), PMID_BATCH):
            batch = todo[start:start + PMID_BATCH]
            bar.start(f"PubMed: {len(batch)} PMID(s)")
            found.extend(_pmid_batch(batch, ncbi, pubmed_base, cache, stats, references_path))
            bar.advance(len(batch))
    return sorted(found), stats


def _doi(ref: Reference, client: PoliteClient, base: str, cache: ResultCache, stats: IdStats, path: str) -> Iterator[Finding]:
    doi = ref.doi or ""
    entry = cache.get("doi:" + doi.lower())
    if entry is not None:
        stats.from_cache += 1
        exists = bool(entry["exists"])
    else:
        outcome = client.get(f"{base}/api/handles/{quote(doi, safe='/')}", want_json=True)
        exists_or_none = _doi_exists(outcome)
        if exists_or_none is None:
            stats.unverified += 1
            yield _unreachable(ref, path, "doi.org", f"DOI {doi}", outcome)
            return
        exists = exists_or_none
        cache.put("doi:" + doi.lower(), exists=exists)
    if exists:
        stats.found += 1
    else:
        stats.missing += 1
        yield finding(DOI_NOT_FOUND, path, ref.pos.line, ref.pos.col,
                      f"reference '{ref.id}': DOI '{doi}' does not exist at doi.org",
                      "Copy the DOI again from the article's page or PubMed; check for a missing or swapped character.")


def _doi_exists(outcome: Outcome) -> bool | None:
    body = outcome.body if isinstance(outcome.body, dict) else {}
    if outcome.code == 200 and body.get("responseCode") == 1:
        return True
    if outcome.code == 404 or body.get("responseCode") == 100:
        return False
    return None


def _pmid_batch(batch: list[Reference], client: PoliteClient, base: str, cache: ResultCache, stats: IdStats,
                path: str) -> Iterator[Finding]:
    ids = ",".join(ref.pmid or "" for ref in batch)
    query = urlencode({"db": "pubmed", "id": ids, "retmode": "json", "tool": "healthguide"})
    outcome = client.get(f"{base}/esummary.fcgi?{query}", want_json=True)
    result = outcome.body.get("result") if outcome.status is Status.OK and isinstance(outcome.body, dict) else None
    for ref in batch:
        summary = result.get(ref.pmid) if isinstance(result, dict) else None
        if not isinstance(summary, dict):
            stats.unverified += 1
            yield _unreachable(ref, path, "PubMed", f"PMID {ref.pmid}", outcome if result is None else
                               Outcome(outcome.url, Status.UNREACHABLE, outcome.code, detail="the answer did not mention this PMID"))
            continue
        exists = "error" not in summary and str(summary.get("uid", ref.pmid)) == ref.pmid
        cache.put("pmid:" + (ref.pmid or ""), exists=exists)
        yield from _pmid_verdict(ref, exists, stats, path)


def _pmid_verdict(ref: Reference, exists: bool, stats: IdStats, path: str) -> Iterator[Finding]:
    if exists:
        stats.found += 1
        return
    stats.missing += 1
    yield finding(PMID_NOT_FOUND, path, ref.pos.line, ref.pos.col,
                  f"reference '{ref.id}': PMID '{ref.pmid}' does not exist in PubMed",
                  "Search PubMed for the article's title and copy the PMID shown under the abstract.")


def _unreachable(ref: Reference, path: str, registry: str, what: str, outcome: Outcome) -> Finding:
    return finding(REGISTRY_UNREACHABLE, path, ref.pos.line, ref.pos.col,
                   f"reference '{ref.id}': {registry} could not be asked about {what} ({outcome.detail or outcome.status.value}); "
                   "it is unverified, not confirmed",
                   "Run `make online` again later; if it keeps failing, check the registry's status page.")
