"""HG601: every built HTML page shows the medical disclaimer (templates can drop it; this catches that)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

from ..findings import CODES, Finding, Severity, finding
from ..settings import Settings

MISSING = CODES.define("HG601", "disclaimer-missing", Severity.ERROR, "a built page does not contain the medical disclaimer")

_TAGS = re.compile(r"<script\b.*?</script>|<style\b.*?</style>|<[^>]+>", re.S | re.I)


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def page_has_disclaimer(page_html: str, settings: Settings) -> bool:
    return _normal(settings.disclaimer) in _normal(_TAGS.sub(" ", page_html))


def check_built_page(rel_path: str, page_html: str, settings: Settings) -> Iterator[Finding]:
    if settings.health and not page_has_disclaimer(page_html, settings):  # profile: generic has no disclaimer
        yield finding(MISSING, rel_path, 1, 1, "built page does not show the medical disclaimer",
                      "Templates must keep the disclaimer block (main.html of the packaged theme); an override in overrides/ must not remove it.")


def check_built_site(site_dir: Path, settings: Settings) -> Iterator[Finding]:
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            text = ""
        yield from check_built_page(rel, text, settings)
