"""The pillar's topic map: the pillar and its spokes as one tree of links, drawn at build time.

Pure function of the render context (no JavaScript, no clock, no network). It is the only list of
the pillar's articles: a list of real links (one tab stop each) whose branches are drawn by CSS, so
the text keeps the page's own size on a phone instead of shrinking with a scaled picture.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from .render import PageContext, PageLink


def describe(title: str, spokes: Sequence[PageLink]) -> str:
    """A one-sentence summary of the map (for tests and reports)."""
    names = "; ".join(s.title for s in spokes)
    count = f"{len(spokes)} article" + ("" if len(spokes) == 1 else "s")
    return f"Topic map: “{title}” is the overview, linked to {count}: {names}."


def topic_map(ctx: PageContext | None, title: str | Markup, hrefs: Sequence[str] = (),
              map_id: str = "hg-topicmap") -> Markup:
    """HTML for a pillar page's article tree, or empty markup when the page has no spokes.

    ``hrefs`` are the spokes' addresses as the page links them (the theme's ``url`` filter), in the
    order of ``ctx.spokes``; without them the site-root relative URLs are used.
    """
    if ctx is None or not ctx.spokes:
        return Markup("")
    title = title.unescape() if isinstance(title, Markup) else str(title)   # MkDocs titles arrive escaped
    links = list(hrefs) if len(hrefs) == len(ctx.spokes) else [s.url for s in ctx.spokes]
    items = []
    for spoke, href in zip(ctx.spokes, links, strict=True):
        desc = f'<span class="hg-topicmap__desc">{escape(spoke.description)}</span>' if spoke.description else ""
        items.append(f'<li class="hg-topicmap__item"><a class="hg-topicmap__link" href="{escape(href)}">'
                     f'{escape(spoke.title)}</a>{desc}</li>')
    ident = escape(map_id)
    return Markup(
        f'<div class="hg-topicmap" id="{ident}">'
        f'<p class="hg-topicmap__root" id="{ident}-root">{escape(title)}</p>'
        f'<ul class="hg-topicmap__branches" aria-labelledby="{ident}-root">{"".join(items)}</ul>'
        "</div>"
    )
