"""HG601: every built HTML page shows the medical disclaimer (templates can drop it; this catches that)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from ..findings import CODES, Finding, Severity, finding
from ..settings import Settings

MISSING = CODES.define("HG601", "disclaimer-missing", Severity.ERROR, "a built page does not contain the medical disclaimer")

_TAGS = re.compile(r"<script\b.*?</script>|<style\b.*?</style>|<[^>]+>", re.S | re.I)


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def page_has_disclaimer(page_html: str, settings: Settings) -> bool:
    want = _normal(settings.disclaimer)
    return _shown_as_written(want, page_html) or want in _normal(_TAGS.sub(" ", page_html))


def _shown_as_written(want: str, page_html: str) -> bool:
    """True only when stripping tags would keep ``want`` where it stands in the HTML: the quick answer
    on a page whose size grows with the site's navigation. False means "not known": ask the slow way.

    The text must follow a tag's ``>`` (no tag, entity or script can then reach into it) and hold no
    ``<``, ``>`` or ``&``, and no ``<script`` or ``<style`` before it may still be open.
    """
    at = page_html.find(want)
    if at <= 0 or page_html[at - 1] != ">" or any(ch in want for ch in "<>&"):
        return False
    before = page_html[:at].lower()
    for name in ("script", "style"):
        start = _last_open(before, "<" + name)
        if start >= 0 and f"</{name}>" not in before[start:]:
            return False
    return True


def _last_open(text: str, opener: str) -> int:
    """Where the last ``opener`` that ends a word starts (``<script`` but not ``<scripts``), or -1."""
    end = len(text)
    while (start := text.rfind(opener, 0, end)) >= 0:
        after = start + len(opener)
        if after == len(text) or not (text[after].isalnum() or text[after] == "_"):
            return start
        end = start
    return -1


def check_built_page(rel_path: str, page_html: str, settings: Settings) -> Iterator[Finding]:
    if settings.health and not page_has_disclaimer(page_html, settings):  # profile: generic has no disclaimer
        yield finding(MISSING, rel_path, 1, 1, "built page does not show the medical disclaimer",
                      "Templates must keep the disclaimer block (main.html of the packaged theme); an override in overrides/ must not remove it.")
