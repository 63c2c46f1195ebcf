"""``healthguide.extension``: the plugin's page parts, for an engine that runs no MkDocs plugin (Zensical).

A Python-Markdown extension, listed in mkdocs.yml's ``markdown_extensions``, so any engine that reads that
list runs it. Under MkDocs and ProperDocs the ``healthguide`` plugin takes it out of the list (on_config)
and does all of this itself; elsewhere the extension does it, with the same functions:

- citations and reference lists: the same :class:`~healthguide.load.mdext.HealthGuideExtension`;
- the parts that come from the site model (breadcrumbs, top disclaimer, byline, spokes and topic map,
  evidence summary, related pages, review dates, JSON-LD): the same page contexts
  (:func:`~healthguide.theme.render.contexts`, :func:`~healthguide.theme.structured.with_page_scripts`)
  rendered by the same partials (:mod:`healthguide.theme.partials`) into the page's HTML. The site model
  is loaded once per build, by the one assembler, the first time a page is converted.

What needs the finished HTML (the CSP hashes) is done after the build by ``healthguide finish SITE_DIR``.
The extension needs to know which page it converts: Zensical says so through its rendering context (a
preprocessor holding ``page``). Where no engine says (MkDocs with the plugin removed), it stays idle,
and ``check --built`` fails the build's output (HG602-HG608).
"""

from __future__ import annotations

import functools
import os
import posixpath
import xml.etree.ElementTree as etree
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from .analysis.evidence import EvidenceLabeller
from .core import load_config, today_from_env
from .load.assembler import load_site
from .load.mdext import HealthGuideExtension
from .load.siteconfig import SiteConfig
from .model import Site
from .theme import partials, structured
from .theme.render import PageContext, contexts, page_url

NAME = "healthguide.extension"


@dataclass(frozen=True)
class Build:
    """What every page of one build shares: the configuration, the model, each page's context, the partials."""

    config: SiteConfig
    site: Site
    contexts: Mapping[str, PageContext]
    templates: jinja2.Environment


@functools.lru_cache(maxsize=4)
def load_build(config_file: str) -> Build:
    """The model and page contexts for ``config_file`` (an absolute path), loaded once per build process."""
    config = load_config(config_file)
    site = load_site(config, today_from_env())
    found: Mapping[str, PageContext] = {}
    if config.settings.health:
        found = structured.with_page_scripts(site, contexts(site, config.settings, config.use_directory_urls),
                                             config.site_url, config.use_directory_urls)
    templates = partials.environment(partials.template_dirs(config.path.parent, config.raw))
    return Build(config, site, found, templates)


def engine_page(md: Markdown) -> tuple[str, str | None] | None:
    """(docs-relative path, project folder) of the page the engine converts, when it says; else None.

    Zensical registers a ``rendering_context`` preprocessor holding ``page`` (with ``path``) and ``config``
    (with ``root_dir``, mkdocs.yml's folder).
    """
    for processor in md.preprocessors:
        page = getattr(processor, "page", None)
        path = getattr(page, "path", None)
        if isinstance(path, str) and path.endswith(".md"):
            config = getattr(processor, "config", None)
            root = config.get("root_dir") if isinstance(config, Mapping) else None
            return path.replace(os.sep, "/"), str(root) if root else None
    return None


def engine_meta(md: Markdown) -> dict[str, Any] | None:
    """The page's metadata the engine passes on to its templates (Zensical's ``page.meta``), when there is one."""
    for processor in md.preprocessors:
        meta = getattr(getattr(processor, "page", None), "meta", None)
        if isinstance(meta, dict):
            return meta
    return None


# Python-Markdown also runs the postprocessors on each heading's HTML (the toc's labels): the parts go only
# around the text that ends with this element, which the tree processor below appends to the whole page.
SENTINEL_TAG = "hg-page-end"
SENTINEL = f"<{SENTINEL_TAG}></{SENTINEL_TAG}>"


class SentinelProcessor(Treeprocessor):  # type: ignore[misc]  # markdown ships no types
    """Marks the end of the page's tree, last of the tree processors."""

    def run(self, root: etree.Element) -> None:
        etree.SubElement(root, SENTINEL_TAG)


class PartsPostprocessor(Postprocessor):  # type: ignore[misc]  # markdown ships no types
    """Puts the model's parts around the page's finished HTML (last, after raw HTML is restored)."""

    def __init__(self, md: Markdown, build: Build, path: str) -> None:
        super().__init__(md)
        self.build, self.path = build, path

    def run(self, text: str) -> str:
        if not text.rstrip().endswith(SENTINEL):
            return text
        text = text.rstrip()[:-len(SENTINEL)].rstrip()
        build, settings = self.build, self.build.config.settings
        meta = engine_meta(self.md)
        if meta is not None:
            meta["hg_disclaimer"] = settings.disclaimer   # the footer's text (partials/hg-disclaimer-footer.html)
        page = build.site.pages.get(self.path)
        if page is None or not settings.health:
            return text
        ctx = build.contexts.get(self.path) or PageContext(False, settings.disclaimer)
        parts = partials.render_parts(build.templates, ctx, page.title, page_url(self.path, build.config.use_directory_urls),
                                      text, build.config.raw, structured.jsonld_blocks(ctx, self.path, text),
                                      link_base=source_folder(self.path))
        return f"{parts.before}\n{text}\n{parts.after}"


def source_folder(path: str) -> str:
    """The site-relative folder of a page's source file (``a/b.md`` -> ``a/``): where Zensical resolves its links from."""
    folder = posixpath.dirname(path)
    return folder + "/" if folder else ""


class PagePartsExtension(Extension):  # type: ignore[misc]  # markdown ships no types
    """``healthguide.extension`` in markdown_extensions; ``config_file`` is mkdocs.yml, relative to the project folder."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {"config_file": ["mkdocs.yml", "the site's mkdocs.yml, relative to the project folder"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.registerExtension(self)
        found = engine_page(md)
        if found is None:
            return
        path, root = found
        build = load_build(str(Path(root or ".", str(self.getConfig("config_file"))).resolve()))
        labeller = EvidenceLabeller.for_docs(build.config.docs_dir)
        labeller.page = path
        HealthGuideExtension(build.site.references, reference_hooks=(labeller.list_item,),
                             preview_hooks=(labeller.preview,), health=build.config.settings.health,
                             collect=False).extendMarkdown(md)
        md.treeprocessors.register(SentinelProcessor(md), "hg_page_end", 0)
        md.postprocessors.register(PartsPostprocessor(md, build, path), "hg_page_parts", 0)


def makeExtension(**kwargs: Any) -> PagePartsExtension:  # noqa: N802 - Python-Markdown's entry-point name
    """``healthguide.extension`` in ``markdown_extensions``."""
    return PagePartsExtension(**kwargs)
