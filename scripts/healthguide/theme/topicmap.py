"""The pillar's topic map: an inline SVG of the pillar and its spokes, drawn at build time.

Pure function of the render context (no JavaScript, no clock, no network). The drawing is a
tree: the pillar at the top, a trunk down the left, one branch and box per spoke. The SVG is
an image (`role="img"`) whose title and description list every spoke, so a screen reader
hears the same map; the linked card list after it is the way to navigate.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from markupsafe import Markup, escape

from .render import PageContext, PageLink

WIDTH = 480
PAD = 8
LINE_HEIGHT = 18
WRAP = 46                    # characters per line inside a spoke box
PILLAR_WRAP = 40
TRUNK_X = 28
BOX_X = 56
GAP = 10


def _lines(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=True) or [""]


def _text(x: int, y: int, lines: Sequence[str], cls: str) -> str:
    spans = "".join(
        f'<tspan x="{x}" y="{y + i * LINE_HEIGHT}">{escape(line)}</tspan>' for i, line in enumerate(lines)
    )
    return f'<text class="{cls}">{spans}</text>'


def describe(title: str, spokes: Sequence[PageLink]) -> str:
    """The text alternative: what the picture shows, in one sentence."""
    names = "; ".join(s.title for s in spokes)
    count = f"{len(spokes)} article" + ("" if len(spokes) == 1 else "s")
    return f"Topic map: “{title}” is the overview, linked to {count}: {names}."


def topic_map(ctx: PageContext | None, title: str | Markup, map_id: str = "hg-topicmap") -> Markup:
    """SVG markup for a pillar page, or empty markup when the page has no spokes."""
    if ctx is None or not ctx.spokes:
        return Markup("")
    title = title.unescape() if isinstance(title, Markup) else str(title)   # MkDocs titles arrive escaped
    parts: list[str] = []
    pillar_lines = _lines(title, PILLAR_WRAP)
    pillar_h = PAD * 2 + LINE_HEIGHT * len(pillar_lines)
    parts.append(f'<rect class="hg-topicmap__pillar" x="{PAD}" y="{PAD}" width="{WIDTH - 2 * PAD}" height="{pillar_h}" rx="6"/>')
    parts.append(_text(PAD * 3, PAD + LINE_HEIGHT, pillar_lines, "hg-topicmap__pillar-text"))
    y = PAD + pillar_h + GAP
    trunk_top = PAD + pillar_h
    last_mid = trunk_top
    for spoke in ctx.spokes:
        lines = _lines(spoke.title, WRAP)
        h = PAD * 2 + LINE_HEIGHT * len(lines) - 4
        mid = y + h // 2
        parts.append(f'<path class="hg-topicmap__edge" d="M{TRUNK_X} {mid} H{BOX_X}"/>')
        parts.append(f'<rect class="hg-topicmap__spoke" x="{BOX_X}" y="{y}" width="{WIDTH - BOX_X - PAD}" height="{h}" rx="4"/>')
        parts.append(_text(BOX_X + PAD + 2, y + PAD + LINE_HEIGHT - 5, lines, "hg-topicmap__spoke-text"))
        last_mid = mid
        y += h + GAP
    parts.insert(0, f'<path class="hg-topicmap__edge" d="M{TRUNK_X} {trunk_top} V{last_mid}"/>')
    height = y - GAP + PAD
    ident = escape(map_id)
    svg = (
        f'<svg class="hg-topicmap__svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'role="img" aria-labelledby="{ident}-title {ident}-desc" focusable="false" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{ident}-title">Topic map of {escape(title)}</title>'
        f'<desc id="{ident}-desc">{escape(describe(title, ctx.spokes))}</desc>'
        + "".join(parts) + "</svg>"
    )
    return Markup(svg)
