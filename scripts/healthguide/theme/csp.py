"""Content-Security-Policy for built pages: only the site's own scripts, styles and images.

The policy itself lives in ``partials/hg-csp.html`` of the packaged theme (a ``<meta http-equiv>`` tag, since a
static host may not let us send headers). Material writes a few small inline scripts (its scope,
palette and theme bootstrap); rather than allow every inline script, :func:`fill` replaces the
placeholder source ``'hg-inline-script-hashes'`` with the SHA-256 hash of each inline script the
finished page really contains. Data blocks (JSON-LD, Material's JSON config) do not run and need
no hash. ``mkdocs serve`` injects its own live-reload script, so the policy is left out there.
"""

from __future__ import annotations

import base64
import hashlib
import re

PLACEHOLDER = "'hg-inline-script-hashes'"
_META = re.compile(r"<meta http-equiv=\"Content-Security-Policy\"[^>]*>\s*", re.I)
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.I | re.S)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_JS_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions for every inline script that would run, in first-seen order."""
    out: list[str] = []
    for m in _SCRIPT.finditer(html):
        attrs, body = m.group(1), m.group(2)
        kind = _TYPE.search(attrs)
        if _SRC.search(attrs) or (kind.group(1).lower() if kind else "") not in _JS_TYPES:
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        source = f"'sha256-{digest}'"
        if source not in out:
            out.append(source)
    return out


def fill(html: str, serve: bool = False) -> str:
    """The page with its CSP placeholder replaced by real hashes (or, when serving, without the policy)."""
    if PLACEHOLDER not in html:
        return html
    if serve:
        return _META.sub("", html, count=1)
    return html.replace(PLACEHOLDER, " ".join(inline_script_hashes(html)), 1)

