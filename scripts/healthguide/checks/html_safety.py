"""HG9xx: unsafe HTML written into Markdown (scripts, frames, event handlers, script URLs)."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser

from ..findings import CODES, Finding, Severity, finding
from ..model import LinkKind, RawHtml, Site
from ..settings import Settings

SCRIPT = CODES.define("HG901", "html-script", Severity.ERROR, "a `<script>` element in Markdown")
FRAME = CODES.define("HG902", "html-frame", Severity.ERROR, "an `<iframe>`, `<object>` or `<embed>` in Markdown")
HANDLER = CODES.define("HG903", "html-event-handler", Severity.ERROR, "an inline event handler such as `onerror=`")
SCRIPT_URL = CODES.define("HG904", "script-url", Severity.ERROR, "a `javascript:`, `vbscript:` or `data:` URL in a link")

_FRAMES = {"iframe", "object", "embed", "frame", "frameset"}
_URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "srcdoc"}


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[tuple[str, str]] = []   # (code, detail)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.problems.append((SCRIPT.code, "<script>"))
        elif tag in _FRAMES:
            self.problems.append((FRAME.code, f"<{tag}>"))
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append((HANDLER.code, f"{name}= on <{tag}>"))
            elif (tag, name) in (("a", "href"), ("img", "src")):
                continue  # reported through the page's links (HG904)
            elif name in _URL_ATTRS and value and value.strip().lower().replace(" ", "").startswith(("javascript:", "vbscript:", "data:text/html")):
                self.problems.append((SCRIPT_URL.code, f"{name}=\"{value[:40]}\" on <{tag}>"))

    handle_startendtag = handle_starttag


def scan(html: str) -> list[tuple[str, str]]:
    scanner = _Scanner()
    try:
        scanner.feed(html)
        scanner.close()
    except Exception:  # noqa: BLE001 - html.parser is lenient; never let odd markup crash a check
        pass
    return scanner.problems


_HINTS = {
    SCRIPT.code: "Remove it: pages may not run their own scripts. Interactive tools belong in the theme (overrides/).",
    FRAME.code: "Remove the embed; link to the content instead. Embeds load third-party code and track readers.",
    HANDLER.code: "Remove the on…= attribute: inline event handlers run script.",
    SCRIPT_URL.code: "Use an ordinary https:// or relative link.",
}
_BY_CODE = {c.code: c for c in (SCRIPT, FRAME, HANDLER, SCRIPT_URL)}


def check(site: Site, settings: Settings) -> Iterator[Finding]:
    for page in site.pages.values():
        yield from _raw(page.path, page.raw_html)
        for link in page.links:
            if link.kind is LinkKind.UNSAFE:
                yield finding(SCRIPT_URL, page.path, link.pos.line, link.pos.col, f"unsafe link '{link.href[:60]}'", _HINTS[SCRIPT_URL.code])


def _raw(path: str, blocks: tuple[RawHtml, ...]) -> Iterator[Finding]:
    for block in blocks:
        for code, detail in scan(block.html):
            yield finding(_BY_CODE[code], path, block.pos.line, block.pos.col, f"unsafe HTML: {detail}", _HINTS[code])
