"""HG4xx: citation keys against docs/references.yaml, and the references themselves."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..analysis.similar import LazyIndex
from ..findings import CODES, Finding, Severity, finding
from ..load.references import LIBRARY_ONLY_KEYS
from ..model import Page, Site
from ..settings import Settings

UNKNOWN_KEY = CODES.define("HG401", "unknown-citation", Severity.ERROR, "a citation key is not in references.yaml")
NO_IDENTIFIER = CODES.define("HG403", "reference-unverifiable", Severity.ERROR, "a reference has no DOI, PMID or URL")
BAD_DOI = CODES.define("HG404", "doi-malformed", Severity.ERROR, "a DOI is not of the form 10.NNNN/suffix")
BAD_PMID = CODES.define("HG405", "pmid-malformed", Severity.ERROR, "a PMID is not a whole number")
UNUSED = CODES.define("HG406", "reference-unused", Severity.WARN, "a reference is never cited")
TOO_FEW = CODES.define("HG407", "too-few-sources", Severity.ERROR,
                       "a pillar or spoke cites fewer distinct sources than `min_sources`")
LIBRARY_KEY = CODES.define("HG408", "library-only-field", Severity.WARN,
                           "a reference keeps a field of the internal library (verified, confidence…) that readers never need")

DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
PMID_RE = re.compile(r"^[1-9]\d{0,8}$")


def check(site: Site, settings: Settings) -> Iterator[Finding]:
    yield from relate(site, site.pages.values(), settings)
    yield from whole(site, settings)


def relate(site: Site, pages: Iterable[Page], settings: Settings) -> Iterator[Finding]:
    """Each of ``pages`` in turn: its citation keys against references.yaml, and how many sources it cites."""
    known = LazyIndex(lambda: site.references)
    for page in pages:
        for citation in page.citations:
            if citation.key not in site.references:
                guess = known.closest(citation.key, 0.6)
                yield finding(UNKNOWN_KEY, page.path, citation.pos.line, citation.pos.col,
                              f"citation '@{citation.key}' is not in {site.references_path}",
                              f"Did you mean '@{guess}'?" if guess else f"Add the source to {site.references_path} (see the editor's guide).")
        kind = page.type
        if kind is not None and kind.is_medical:
            distinct = {c.key for c in page.citations}
            if len(distinct) < settings.min_sources:
                yield finding(TOO_FEW, page.path, page.front_matter_pos.line, 1,
                              f"{kind.value} cites {len(distinct)} distinct source(s); at least {settings.min_sources} required",
                              "Support the page's claims with sources from references.yaml, cited as [@id].")


def whole(site: Site, settings: Settings) -> Iterator[Finding]:
    """The references themselves, and those no page cites."""
    yield from _references(site, {c.key for page in site.pages.values() for c in page.citations})


def _references(site: Site, cited: set[str]) -> Iterator[Finding]:
    path = site.references_path
    for ref in site.references.values():
        line, col = ref.pos.line, ref.pos.col
        if not (ref.doi or ref.pmid or ref.url):
            yield finding(NO_IDENTIFIER, path, line, col, f"reference '{ref.id}' has no DOI, PMID or URL, so readers cannot check it",
                          "Add the DOI or PMID you confirmed on PubMed or the publisher's page.")
        if ref.doi and not DOI_RE.match(ref.doi):
            yield finding(BAD_DOI, path, line, col, f"reference '{ref.id}': DOI '{ref.doi}' is malformed",
                          "Write the bare DOI, e.g. 10.1093/rheumatology/ket298, without https://doi.org/.")
        if ref.pmid and not PMID_RE.match(ref.pmid):
            yield finding(BAD_PMID, path, line, col, f"reference '{ref.id}': PMID '{ref.pmid}' is not a number",
                          "A PMID is digits only, e.g. 24049103.")
        extra = [k for k in LIBRARY_ONLY_KEYS if k in ref.data]
        if extra:
            yield finding(LIBRARY_KEY, path, line, col, f"reference '{ref.id}' keeps library-only field(s): {', '.join(extra)}",
                          "Drop them when copying from the shared library.")
        if ref.id not in cited:
            yield finding(UNUSED, path, line, col, f"reference '{ref.id}' is never cited", "Cite it, or remove it from the file.")
