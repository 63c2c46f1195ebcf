"""MkDocs plugin: a thin router from MkDocs' events into the one core.

When nothing in the build can change what a page says and a second core is there, the plugin runs the
command line's check in a process beside MkDocs' render (:mod:`healthguide.beside`) and keeps in the render
only what changes the HTML: the findings are the command line's by construction. Otherwise (a hook or plugin
that edits pages, a page generated at build time, one core) the plugin judges the render: MkDocs converts each page
with our Markdown extension in its pipeline; the plugin hands what the extension saw to a worker process,
which builds the page's model while MkDocs renders the next page (:mod:`healthguide.load.pipeline`), and
each model to the site assembler (:mod:`healthguide.load.assembler`), which builds the same model the
command line builds, reading for itself every page MkDocs did not render this time (``serve --dirty``).
The core judges it once every page is in, the theme gets its data from the model, and the build fails
once, at the end. Material's search plugin reads each page without the parts it excludes from its index
(:mod:`healthguide.theme.searchview`). Options are declared once, in :mod:`healthguide.settings`.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.toc import AnchorLink, TableOfContents

from . import extension as standalone
from . import report
from .analysis.evidence import EvidenceLabeller
from .beside import BesideCheck, Checked, page_contexts, render_assembler
from .catalogue import CATALOGUE
from .checks.publish import local_build_note
from .core import built_page_findings, load_config, run_checks, today_from_env
from .findings import Finding, Severity
from .load.assembler import Memory, SiteAssembler
from .load.care import with_absolute_data
from .load.loader import read_bytes
from .load.mdext import HealthGuideExtension
from .load.pipeline import PagePipeline
from .load.siteconfig import ConfigError
from .load.sitefacts import build_time_changers
from .model import PageType, Site
from .settings import OPTION_NAMES, SettingsError, settings_from_mapping
from .theme import csp, reproducible, searchview, structured
from .theme.package import add_to_config as add_packaged_theme
from .theme.partials import TEMPLATE_FILTERS
from .theme.render import PageContext

log = logging.getLogger("mkdocs.plugins.healthguide")


class HealthGuidePlugin(BasePlugin):  # type: ignore[type-arg, no-untyped-call]
    # MkDocs only needs the names to accept the block; settings_from_mapping() validates the values.
    config_scheme = tuple((name, c.Optional(c.Type(object))) for name in OPTION_NAMES)

    command = "build"
    memory: Memory | None = None      # the last build's page models: `serve` keeps this object between builds
    pipeline: PagePipeline | None = None
    beside: BesideCheck | None = None    # the command line's check, running beside this build's render
    front: SiteAssembler | None = None   # beside: the render's assembler, whose front matter gives the theme its data
    mode = "render"   # how the last build judged: "beside" (the command line's check) or "render" (MkDocs' render)
    theme_from = "model"   # where the last build's theme data came from: "model" (the check's) or "front matter"
    hide_from_search = False   # Material's search plugin reads each page without the parts it excludes
    hidden: searchview.Hidden | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: Any) -> Any:
        # Everything else is per build: `mkdocs serve` keeps the plugin object between rebuilds.
        try:
            settings = settings_from_mapping({k: v for k, v in self.config.items() if v is not None}, CATALOGUE)
            base = load_config(config.config_file_path)   # what `check` reads
            site_config = replace(base, docs_dir=Path(config["docs_dir"]), nav=config.get("nav"), settings=settings)
        except (SettingsError, ConfigError) as err:
            raise PluginError(f"healthguide: {err}") from None
        self.settings = settings
        if settings.health:   # the guide's templates and assets, found without a custom_dir
            add_packaged_theme(config)
        self._close_pipeline()   # a build that failed half-way (serve) leaves its workers
        self.site_config = site_config
        # The check beside the render judges the files on disk: only where MkDocs renders exactly those, with
        # the settings and Markdown extensions `check` reads (no hook or plugin that edits pages or, in an earlier
        # on_config, the extensions; a later on_config and a page generated are seen at on_nav).
        root = Path(config.config_file_path).parent
        same = (site_config.docs_dir.resolve(), site_config.nav, settings, list(config["markdown_extensions"]),
                with_absolute_data(config["mdx_configs"], root)) == \
            (base.docs_dir.resolve(), base.nav, base.settings, base.markdown_extensions, base.extension_configs)
        if same and not build_time_changers(base.raw, base.path) and BesideCheck.can_run():
            self.beside = BesideCheck(config.config_file_path, today_from_env())
            self.front = render_assembler(base, today_from_env())
            references = self.front.references
        else:
            self.front = None
            references = self._collect_from_render().references
        self.cited: dict[str, list[str]] = {}   # beside: each rendered page's citation keys, for the theme's data
        self.findings: list[Finding] = []
        self.contexts: dict[str, PageContext] = {}
        self.site_nav: Any = None
        self.labeller = EvidenceLabeller.for_docs(site_config.docs_dir)
        # profile: generic reads no references or authors (the assembler) and rewrites no citations
        self.ext = HealthGuideExtension(references, reference_hooks=(self.labeller.list_item,),
                                        preview_hooks=(self.labeller.preview,), health=settings.health,
                                        collect=self.beside is None)   # beside: the check collects for itself
        config["markdown_extensions"].append(self.ext)
        # The plugin renders every part itself: healthguide.extension is only for engines that run no plugin.
        config["markdown_extensions"] = [e for e in config["markdown_extensions"] if e != standalone.NAME]
        config["mdx_configs"] = with_absolute_data(config["mdx_configs"], root)
        self.markdown_read = _markdown_settings(config)   # what a later plugin's on_config must leave alone
        self.hide_from_search = settings.health and _only_search_between(config, self._hide_from_search, self._page_context)
        note = local_build_note(config.get("site_url") or "")
        if note:
            log.info("healthguide: %s", note)   # a note, not a warning: local and --strict builds go on
        return config

    def on_files(self, files: Any, config: Any) -> Any:
        # MkDocs aborts with a traceback on a page that is not UTF-8; the assembler reports it (HG001) instead.
        for file in list(files.documentation_pages()):
            data = read_bytes(Path(file.abs_src_path)) if file.abs_src_path else None   # none: made at build time
            if isinstance(data, bytes) and not _utf8(data):
                files.remove(file)
        return files

    def _collect_from_render(self) -> SiteAssembler:
        """The assembler of MkDocs' render, with page models built beside it (:mod:`healthguide.load.pipeline`)."""
        self.assembler = SiteAssembler(self.site_config, today=today_from_env(), variant="build", memory=self.memory)
        self.pipeline = PagePipeline(self.assembler)
        return self.assembler

    def _use_render(self) -> None:
        """Collect from MkDocs' render after all."""
        self._close_beside()
        self.ext.collect = True
        self._collect_from_render()

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Any) -> str:
        # MkDocs' templates print titles and descriptions unescaped: escape them once here.
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = escape(page.meta[key])
        self.ext.reset()
        self.labeller.page = page.file.src_uri
        return markdown

    def on_page_content(self, html: str, page: Any, config: Any, files: Any) -> str:
        if self.pipeline is None:   # the check beside the render reads the page for itself
            self.cited[page.file.src_uri] = self.ext.cited
            return html
        source = page.file.abs_src_path
        self.pipeline.submit(page.file.src_uri, read_bytes(Path(source)) if source else page.file.content_bytes, self.ext.result)
        return html

    def on_nav(self, nav: Any, config: Any, files: Any) -> Any:
        self.site_nav = nav
        # After every plugin's and hook's on_config and on_files, before the first page is rendered.
        if self.beside is not None:
            if any(file.generated_by for file in files.documentation_pages()) or _markdown_settings(config) != self.markdown_read:
                self._use_render()   # a page made at build time, or extensions changed since: the check would not see it
            else:
                self.beside.start()
        return nav

    def on_env(self, env: Any, config: Any, files: Any) -> Any:
        self.mode = "beside" if self.beside is not None else "render"
        if self.beside is not None and not self.settings.health:
            self.theme_from = "front matter"   # another site's theme has no use for ours: nothing to wait for
            return env
        front = self.front.front_site(self.cited) if self.beside is not None and self.front is not None else None
        if front is not None:
            # The theme reads front matter and cited keys only: MkDocs goes on while the check finishes beside it.
            self.theme_from = "front matter"
            self._theme_data(front, env, config, files)
        else:
            self.theme_from = "model"
            self._judged(self._checked())
            if self.settings.health:  # the guide's own theme data; another site's theme has no use for it
                self._theme_data(self.site, env, config, files)
        return env

    def _judged(self, checked: Checked) -> None:
        """The check's model and findings, reported before the built pages' (logged here if they came first)."""
        self.site = checked.site   # the model the build judged (read by tests and tools after a build)
        self.findings = [*checked.findings, *self.findings]
        for item in self.findings:
            _log(item)

    def _checked(self) -> Checked:
        """The check's result: from the process beside the render, or from the models of MkDocs' render."""
        if self.beside is not None:
            beside, self.beside = self.beside, None
            return beside.result()
        self._close_pipeline()   # every rendered page's model in the assembler
        site = self.assembler.assemble()
        self.memory = self.assembler.memory
        return Checked(site, run_checks(site, self.settings))

    def _theme_data(self, site: Site, env: Any, config: Any, files: Any) -> None:
        """Each page's context, template filters, nav sections named after their pillar, dates from front matter."""
        self.contexts = page_contexts(site, self.settings, config.get("site_url") or "", config["use_directory_urls"])
        env.filters.update(TEMPLATE_FILTERS)
        env.globals["hg"] = PageContext(False, self.settings.disclaimer)   # pages no Markdown made (404.html)
        pillars = {p: page.title for p, page in site.pages.items() if page.type is PageType.PILLAR}
        for section in _sections(self.site_nav):
            index = next((c for c in section.children if getattr(c, "file", None) and c.file.src_uri in pillars), None)
            if index is not None:
                section.title = str(escape(pillars[index.file.src_uri]))
        # MkDocs dates pages (and sitemap.xml.gz) by the build clock: use last_reviewed instead.
        reviewed = {p: ctx.byline.last_reviewed for p, ctx in self.contexts.items() if ctx.byline and ctx.byline.last_reviewed}
        latest = max(reviewed.values(), default=None)
        for file in files.documentation_pages():
            if file.page is not None and (reviewed.get(file.src_uri) or latest):
                file.page.update_date = reviewed.get(file.src_uri) or latest

    @event_priority(50)   # before the search plugin's (0), which indexes page.content
    def _hide_from_search(self, context: dict[str, Any], page: Any, config: Any, nav: Any) -> dict[str, Any]:
        self.hidden = searchview.hide(page.content or "") if self.hide_from_search else None
        if self.hidden is not None:
            page.content = self.hidden.content
        return context

    def _page_context(self, context: dict[str, Any], page: Any, config: Any, nav: Any) -> dict[str, Any]:
        hidden, self.hidden = self.hidden, None
        if hidden is not None:   # the search plugin has read the page: the templates get all of it
            page.content = searchview.restore(page.content or "", hidden)
        ctx = self.contexts.get(page.file.src_uri) or PageContext(False, self.settings.disclaimer)
        context["hg"] = ctx
        page.toc = title_first(page.toc, page.title)
        context["hg_jsonld"] = structured.jsonld_blocks(ctx, page.file.src_uri, page.content or "")
        return context

    # After the search plugin (listed first, same priority): the search index holds the real sections.
    on_page_context = CombinedEvent(_hide_from_search, _page_context)

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        self._built(page.file.dest_uri, output)
        return csp.fill(output, serve=self.command == "serve")

    def on_post_template(self, output: str, template_name: str, config: Any) -> str:
        if template_name.endswith(".html"):
            self._built(template_name, output)
            output = csp.fill(output, serve=self.command == "serve")
        return output

    def _built(self, rel: str, output: str) -> None:
        found = built_page_findings(rel, output, self.settings)
        self.findings.extend(found)
        if self.beside is None:   # else logged after the check's findings, once it is collected (_judged)
            for item in found:
                _log(item)

    def _close_pipeline(self) -> None:
        pipeline, self.pipeline = self.pipeline, None
        if pipeline is not None:
            pipeline.close()
        self._close_beside()

    def _close_beside(self) -> None:
        beside, self.beside = self.beside, None
        if beside is not None:
            beside.close()

    def on_shutdown(self) -> None:
        self._close_pipeline()

    def on_build_error(self, *, error: Exception) -> None:
        # A page, a template or a later plugin failed: the findings of a check already running are still the
        # editor's to see; one not started yet is not run for a build that is over.
        if self.beside is not None and self.beside.started:
            self._judged(self._checked())
        self._close_beside()

    def on_post_build(self, config: Any) -> None:
        if self.beside is not None:   # the check that ran beside the render
            self._judged(self._checked())
        reproducible.reproducible_sitemap_gz(Path(config["site_dir"]))
        log.info("healthguide: %s", report.summary(self.findings))
        if any(f.severity is Severity.ERROR for f in self.findings) and self.command != "serve":
            raise PluginError(f"healthguide: {report.summary(self.findings)}; the site was not published")


def _markdown_settings(config: Any) -> tuple[list[Any], dict[str, Any]]:
    """The extensions MkDocs will render with and a shallow copy of their settings, to see later changes."""
    return list(config["markdown_extensions"]), {name: dict(value) for name, value in config["mdx_configs"].items()}


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True


def _only_search_between(config: Any, first: Any, last: Any) -> bool:
    """Whether every ``on_page_context`` that runs between ``first`` and ``last`` is Material's search plugin's.

    Only that plugin is known to leave out what carries ``data-search-exclude``; any other would see a page
    without its previews and references list, so then nothing is hidden.
    """
    events = list(config.plugins.events.get("page_context", ()))
    if first not in events or last not in events:
        return False
    between = events[events.index(first) + 1:events.index(last)]
    return bool(between) and all(type(getattr(m, "__self__", None)).__module__ == "material.plugins.search.plugin"
                                 for m in between)


def _sections(items: Any) -> Any:
    for item in getattr(items, "items", items) or []:
        if getattr(item, "is_section", False):
            yield item
            yield from _sections(item.children)


def _log(item: Finding) -> None:
    level = logging.WARNING if item.severity in (Severity.ERROR, Severity.WARN) else logging.INFO
    log.log(level, report.format_text(item))


TITLE_ID = "hg-title"   # the id overrides/partials/content.html gives the page's title


def title_first(toc: Any, title: str | None) -> Any:
    """Put the page's title first in its table of contents, holding the real entries.

    Material's "Skip to content" link targets the first entry, which here is the first ``h2``: past the
    disclaimer, the title and the key points (on the self-check, past the questions). Material's toc
    partial lists only the children of a level-1 first entry, so the visible table is unchanged, and the
    search plugin, listed before this one, has already indexed the real sections.
    """
    items = list(toc or ())
    if items and items[0].level == 1:   # the page writes its own h1
        return toc
    head = AnchorLink(title or "", TITLE_ID, 1)
    head.children = items
    return TableOfContents([head])

