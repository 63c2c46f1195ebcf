"""The theme's own partials (``partials/hg-*.html``), rendered into a page's body where no plugin feeds the theme.

On MkDocs and ProperDocs the plugin hands ``hg`` to the engine's templates and they place every part. An
engine that runs no plugin (Zensical) renders the same templates with no ``hg``, so they place nothing;
:mod:`healthguide.extension` then renders these same partials here, with Jinja2 and the same data, and puts
them into the page's HTML: breadcrumbs, top disclaimer, title and byline before the body; spokes with the
topic map, the evidence summary, related pages, review dates and the JSON-LD after it. One template per
part, whichever engine runs.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup, escape

from . import topicmap
from .package import custom_dir, package_dir
from .render import PageContext, readable_date

# The theme's own filters: the plugin registers them on the engine's environment, render_parts on its own.
TEMPLATE_FILTERS = {"hg_date": readable_date, "hg_topicmap": topicmap.topic_map}


def template_dirs(config_dir: Path, raw_config: Mapping[str, Any]) -> list[Path]:
    """The folders holding the hg-* partials, in MkDocs' order: the theme's ``custom_dir`` (relative to
    mkdocs.yml), then the packaged theme (:func:`healthguide.theme.package.package_dir`)."""
    custom = custom_dir(raw_config)
    return [*([config_dir / custom] if custom else []), package_dir()]


def relative_url(target: str, page_url: str) -> str:
    """MkDocs' ``url`` filter: a site-root relative ``target`` as seen from the page at ``page_url``."""
    path = target or "."
    parts = urlsplit(path)
    if parts.scheme or parts.netloc or path.startswith(("/", "#")):
        return path
    level = 0
    norm = posixpath.normpath(path) + "/"
    while norm.startswith("../", level * 3):
        level += 1
    head, tail = posixpath.split(page_url)
    other = head if "." in tail else page_url
    rel = posixpath.relpath("/" + path, "/" + posixpath.dirname(other))
    rel = rel + "/" if path.endswith("/") else rel
    return "../" * level + rel


@dataclass(frozen=True)
class TemplatePage:
    """The little of MkDocs' ``page`` the hg-* partials read."""

    title: Markup
    url: str
    is_homepage: bool
    meta: Mapping[str, Any] = field(default_factory=dict)
    canonical_url: str | None = None     # None: hg-head.html then writes only the JSON-LD, no <meta> tags


@dataclass(frozen=True)
class Parts:
    before: str      # breadcrumbs, top disclaimer, the title when the page writes none, the byline
    after: str       # spokes and topic map, evidence summary, related pages, review dates, JSON-LD


def environment(dirs: Sequence[Path]) -> jinja2.Environment:
    """A Jinja2 environment like the engine's for these partials (no autoescape: the partials escape with ``| e``)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([str(d) for d in dirs]), autoescape=False)  # noqa: S701
    env.filters.update(TEMPLATE_FILTERS)
    env.filters["url"] = _url_filter
    return env


@jinja2.pass_context
def _url_filter(context: Any, target: object) -> str:
    # Relative to where the engine resolves the body's links from (see render_parts), read per render.
    return relative_url(str(target), context["hg_link_base"])


def render_parts(env: jinja2.Environment, ctx: PageContext, title: str, url: str, content: str,
                 config: Mapping[str, Any], jsonld: Sequence[str], link_base: str) -> Parts:
    """What the plugin's templates show around ``content`` (the page's HTML), for the page at site-relative ``url``.

    ``link_base`` is the site-relative folder the engine resolves the body's relative links from. MkDocs
    resolves them from the page's URL; Zensical from the page's source file (it rewrites every relative
    ``href`` in the body, raw HTML included), so a spoke ``a/b.md`` at ``a/b/`` has links written from ``a/``.
    """
    page = TemplatePage(Markup(escape(title)), url, url == "")
    data = {"hg": ctx, "page": page, "config": config, "hg_jsonld": tuple(jsonld), "hg_link_base": link_base}

    def render(name: str) -> str:
        return env.get_template(name).render(data)

    before = [render("partials/hg-breadcrumb.html")]
    if ctx.medical:
        before.append(render("partials/hg-disclaimer-top.html"))
    if "\u003ch1" not in content:   # as partials/content.html: the page's own h1 wins
        before.append(f'<h1 id="hg-title">{page.title}</h1>')
    if ctx.medical:
        before.append(render("partials/hg-byline.html"))
    after = [render("partials/hg-after-content.html"), render("partials/hg-head.html")]
    return Parts("\n".join(before), "\n".join(after))
