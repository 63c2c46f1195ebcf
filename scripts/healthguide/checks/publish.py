"""HG610: the published address (``site_url`` in mkdocs.yml) is set to a real address before publishing.

Canonical links, ``og:url``, the sitemap, the printed page address and the structured data are all
built from ``site_url``. A missing value or a placeholder on a reserved domain (example.org, .test, …)
is fine for a local build, which says so (:func:`local_build_note`), but ``check --publish`` (``make
publish``) refuses it. This reads the configuration, not the site model: it judges mkdocs.yml itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ..findings import CODES, Finding, Severity, finding

PLACEHOLDER = CODES.define("HG610", "site-url-placeholder", Severity.ERROR,
                           "site_url in mkdocs.yml is missing or a placeholder, so the site cannot be published")

# Reserved for documentation and testing (RFC 2606, RFC 6761): never a published site's address.
_RESERVED_HOSTS = ("example.org", "example.com", "example.net", "localhost")
_RESERVED_SUFFIXES = (".example", ".test", ".invalid", ".localhost", ".example.org", ".example.com", ".example.net")
_HINT = ("Set site_url in mkdocs.yml to the address the site is published at, e.g. "
         "`site_url: https://<the published host>/foot-to-back/`, then run `make publish` again.")


def site_url_problem(site_url: str) -> str | None:
    """Why ``site_url`` cannot be published, or None when it is a real https address."""
    if not site_url.strip():
        return "site_url is not set"
    parts = urlsplit(site_url.strip())
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or not host:
        return f"site_url {site_url!r} is not an https:// address"
    if host in _RESERVED_HOSTS or host.endswith(_RESERVED_SUFFIXES) or host.replace(".", "").isdigit():
        return f"site_url {site_url!r} is a placeholder (a reserved example host)"
    return None


def local_build_note(site_url: str) -> str | None:
    """The line a local build prints when its address is not publishable (None when it is)."""
    problem = site_url_problem(site_url)
    if problem is None:
        return None
    return (f"{problem}: fine for reading this build locally, but canonical links, the sitemap and structured "
            "data point elsewhere; `make publish` refuses it (HG610).")


def _site_url_mark(config_path: Path) -> tuple[int, int]:
    """Line and column of the site_url value in mkdocs.yml (1, 1 when it is absent or unreadable)."""
    try:
        node = yaml.compose(config_path.read_text(encoding="utf-8-sig"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return 1, 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "site_url":
                return value.start_mark.line + 1, value.start_mark.column + 1
    return 1, 1


def check_site_url(config_path: Path, site_url: str, shown_path: str) -> Iterator[Finding]:
    """HG610 at the site_url line of mkdocs.yml (``shown_path`` is how the file is named in output)."""
    problem = site_url_problem(site_url)
    if problem is None:
        return
    line, col = _site_url_mark(config_path)
    yield finding(PLACEHOLDER, shown_path, line, col,
                  f"{problem}: the site cannot be published with it (canonical links, og:url, the sitemap, "
                  "the printed page address and structured data are built from it)", _HINT)
