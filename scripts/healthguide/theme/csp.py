"""Content-Security-Policy for built pages: only the site's own scripts, styles and images.

The policy itself lives in ``partials/hg-csp.html`` of the packaged theme (a ``<meta http-equiv>`` tag, since a
static host may not let us send headers). Material writes a few small inline scripts (its scope,
palette and theme bootstrap); rather than allow every inline script, :func:`fill` replaces the
placeholder source ``'hg-inline-script-hashes'`` with the SHA-256 hash of each inline script the
finished page really contains. Data blocks (JSON-LD, Material's JSON config) do not run and need
no hash. ``mkdocs serve`` injects its own live-reload script, so the policy is left out there.

An engine's script bundle may also add a fixed ``<style>`` to a shadow root (Zensical's search box does);
:func:`bundle_style_hashes` finds that text in the built bundle, and ``fill`` allows exactly it in ``style-src``.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence

PLACEHOLDER = "'hg-inline-script-hashes'"
_META = re.compile(r"<meta http-equiv=\"Content-Security-Policy\"[^>]*>\s*", re.I)
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.I | re.S)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_JS_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}
_STYLE_SRC = "style-src 'self'"
# Minified, as Zensical 0.0.73 ships it: `o=n.attachShadow({mode:"open"});o.appendChild(C("style",{},Tc.toString()))`,
# with `Tc='…css…'` elsewhere in the bundle. Another shape is simply not found (the browser tests then show it).
_SHADOW_STYLE = re.compile(r'attachShadow\(\{mode:"(?:open|closed)"\}\);\w+\.appendChild\(\w+\("style",\{\},(\w+)\.toString\(\)\)\)')


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions for every inline script that would run, in first-seen order."""
    out: list[str] = []
    for m in _SCRIPT.finditer(html):
        attrs, body = m.group(1), m.group(2)
        kind = _TYPE.search(attrs)
        if _SRC.search(attrs) or (kind.group(1).lower() if kind else "") not in _JS_TYPES:
            continue
        source = _sha256(body)
        if source not in out:
            out.append(source)
    return out


def bundle_style_hashes(script: str) -> list[str]:
    """CSP sources for the fixed style text a script bundle puts in a shadow root (a quoted literal, no escapes)."""
    out: list[str] = []
    for m in _SHADOW_STYLE.finditer(script):
        literal = re.search(r"\b" + re.escape(m.group(1)) + r"""=(['"])((?:(?!\1)[^\\])*)\1""", script)
        if literal and (source := _sha256(literal.group(2))) not in out:
            out.append(source)
    return out


def fill(html: str, serve: bool = False, style_hashes: Sequence[str] = ()) -> str:
    """The page with its CSP placeholder replaced by real hashes (or, when serving, without the policy).

    ``style_hashes``: styles an engine's own script adds (:func:`bundle_style_hashes`), allowed by hash.
    """
    if PLACEHOLDER not in html:
        return html
    if serve:
        return _META.sub("", html, count=1)
    html = html.replace(PLACEHOLDER, " ".join(inline_script_hashes(html)), 1)
    if style_hashes:
        html = _META.sub(lambda m: m.group(0).replace(_STYLE_SRC, " ".join([_STYLE_SRC, *style_hashes]), 1), html, count=1)
    return html

