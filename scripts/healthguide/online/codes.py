"""Finding codes of the online checks (listed in :mod:`healthguide.catalogue`, so ``severity:`` can name them)."""

from __future__ import annotations

from ..findings import CODES, Severity

LINK_BROKEN = CODES.define("HG350", "external-link-broken", Severity.ERROR,
                           "an external link answers 404 Not Found, 410 Gone or another final client error")
LINK_UNVERIFIED = CODES.define("HG351", "external-link-unverified", Severity.WARN,
                               "an external link could not be confirmed: timeout, refused connection, server error, "
                               "or a 401/403/429 answer after polite retries")
LINK_REDIRECTED = CODES.define("HG352", "external-link-redirected", Severity.INFO,
                               "an external link redirects permanently; the final address is safer")
DOI_NOT_FOUND = CODES.define("HG460", "doi-not-found", Severity.ERROR, "doi.org has no record of a reference's DOI")
PMID_NOT_FOUND = CODES.define("HG461", "pmid-not-found", Severity.ERROR, "PubMed has no record of a reference's PMID")
REGISTRY_UNREACHABLE = CODES.define("HG462", "registry-unreachable", Severity.WARN,
                                    "doi.org or PubMed could not be asked, so an identifier is unverified (not a pass)")
