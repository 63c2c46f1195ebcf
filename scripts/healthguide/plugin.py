"""MkDocs plugin: a thin adapter that renders metadata into pages and runs the same checks.

It reuses MkDocs' own Markdown conversion of each page (our extension records what it
saw), judges the whole site once every page is converted, and fails once, at the end.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from . import csp, frontmatter, report, reproducible, structured, topicmap
from .cache import PageCache, content_hash, derive, seed
from .checks import apply_severity, run_checks
from .checks.disclaimer import check_built_page
from .checks.publish import local_build_note
from .core import today_from_env
from .evidence import EvidenceLabeller
from .findings import Finding, Severity
from .loader import page_from_result, resolve_links
from .mdext import HealthGuideExtension, ParseResult
from .model import Page, PageType, Site
from .references import load_authors, load_references
from .render import PageContext, contexts, readable_date
from .settings import OPTION_NAMES, SettingsError, settings_from_mapping
from .siteconfig import load_site_config, nav_paths

log = logging.getLogger("mkdocs.plugins.healthguide")


class HealthGuidePlugin(BasePlugin):  # type: ignore[type-arg]
    # Every option is declared once, in settings.py: MkDocs only needs the names to accept the block,
    # and settings_from_mapping() validates the values and supplies the defaults.
    config_scheme = tuple((name, c.Optional(c.Type(object))) for name in OPTION_NAMES)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: Any) -> Any:
        # `mkdocs serve` keeps the plugin object between rebuilds: start from nothing each time.
        try:
            self.settings = settings_from_mapping({k: v for k, v in self.config.items() if v is not None})
        except SettingsError as err:
            raise PluginError(f"healthguide: {err}") from None
        docs = Path(config["docs_dir"])
        self.references, ref_findings = load_references(docs / self.settings.references, self.settings.references)
        self.authors, author_findings = load_authors(docs / self.settings.authors, self.settings.authors)
        self.pages: dict[str, Page] = {}
        self.findings: list[Finding] = [*ref_findings, *author_findings]
        self.contexts: dict[str, PageContext] = {}
        self.nav = config.get("nav")
        self.labeller = EvidenceLabeller.for_docs(docs)
        self.cache = _build_cache(config)
        self.ext = HealthGuideExtension(self.references, render=True, reference_hooks=(self.labeller.list_item,),
                                        preview_hooks=(self.labeller.preview,))
        config["markdown_extensions"].append(self.ext)
        note = local_build_note(config.get("site_url") or "")
        if note:
            log.info("healthguide: %s", note)   # a note, not a warning: local and --strict builds go on
        return config

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Any) -> str:
        # MkDocs' templates print titles and descriptions unescaped: escape them once here.
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = escape(page.meta[key])
        self.ext.reset()
        self.labeller.page = page.file.src_uri
        return markdown

    def on_page_content(self, html: str, page: Any, config: Any, files: Any) -> str:
        path = page.file.src_uri
        try:
            data: bytes | OSError = Path(page.file.abs_src_path).read_bytes()
        except OSError as err:
            data = err
        text, problems = frontmatter.decode(path, data, self.settings.max_file_bytes) if isinstance(data, bytes) else (None, [])
        if text is not None:
            # An unchanged page's model comes from .healthguide-cache/ (healthguide.cache); checks still run on all.
            digest = self.cache.key_for(data) if self.cache is not None else None
            cached = self.cache.get(path, digest) if self.cache is not None and digest else None
            if cached is None:
                part = frontmatter.split(path, text)
                model = page_from_result(path, part, self.ext.result or ParseResult())
                cached = (model, derive(model))
                if self.cache is not None and digest:
                    self.cache.put(path, digest, *cached)
            seed(*cached)
            self.pages[path] = cached[0]
        return html

    def on_env(self, env: Any, config: Any, files: Any) -> Any:
        if self.cache is not None:
            self.cache.keep_only(self.pages)
            self.cache.save()
        pages = set(self.pages)
        assets = frozenset(f.src_uri for f in files if not f.src_uri.endswith(".md"))
        site = Site(
            config_path=str(config.config_file_path), docs_dir=str(config["docs_dir"]),
            pages={p: resolve_links(page, pages) for p, page in self.pages.items()},
            references=self.references, references_path=self.settings.references,
            authors=self.authors, authors_path=self.settings.authors,
            nav_paths=nav_paths(self.nav), assets=assets, today=today_from_env() or _today(),
            load_findings=tuple(self.findings),
        )
        self.findings = run_checks(site, self.settings)
        self.contexts = contexts(site, self.settings, config["use_directory_urls"])
        self._theme_data(site, env, config, files)
        for item in self.findings:
            _log(item)
        return env

    def on_nav(self, nav: Any, config: Any, files: Any) -> Any:
        self.site_nav = nav
        return nav

    def _theme_data(self, site: Site, env: Any, config: Any, files: Any) -> None:
        """JSON-LD per page, template filters, nav sections named after their pillar, dates from front matter."""
        urls, site_url = config["use_directory_urls"], config.get("site_url") or ""
        self.contexts = {p: replace(ctx, extra={**ctx.extra, "jsonld": structured.page_scripts(site, site.pages[p], ctx, site_url, urls)})
                         for p, ctx in self.contexts.items()}
        env.filters["hg_date"] = readable_date
        env.filters["hg_topicmap"] = topicmap.topic_map
        pillars = {p: page.title for p, page in site.pages.items() if page.type is PageType.PILLAR}
        for section in _sections(getattr(self, "site_nav", None)):
            index = next((c for c in section.children if getattr(c, "file", None) and c.file.src_uri in pillars), None)
            if index is not None:
                section.title = str(escape(pillars[index.file.src_uri]))
        # MkDocs dates pages (and sitemap.xml.gz) by the build clock: use last_reviewed instead.
        reviewed = {p: ctx.byline.last_reviewed for p, ctx in self.contexts.items() if ctx.byline and ctx.byline.last_reviewed}
        latest = max(reviewed.values(), default=None)
        for file in files.documentation_pages():
            if file.page is not None and (reviewed.get(file.src_uri) or latest):
                file.page.update_date = reviewed.get(file.src_uri) or latest

    def on_page_context(self, context: dict[str, Any], page: Any, config: Any, nav: Any) -> dict[str, Any]:  # type: ignore[override]
        ctx = self.contexts.get(page.file.src_uri) or PageContext(False, self.settings.disclaimer)
        context["hg"] = ctx
        faq = structured.faq_page(page.content or "") if page.file.src_uri == "faq.md" else None
        context["hg_jsonld"] = (*ctx.extra.get("jsonld", ()), *([faq] if faq else []))  # type: ignore[misc]
        return context

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        self._built(page.file.dest_uri, output)
        return csp.fill(output, serve=getattr(self, "command", "") == "serve")

    def on_post_template(self, output: str, template_name: str, config: Any) -> str:
        if template_name.endswith(".html"):
            self._built(template_name, output)
            output = csp.fill(output, serve=getattr(self, "command", "") == "serve")
        return output

    def _built(self, rel: str, output: str) -> None:
        for item in apply_severity(check_built_page(rel, output, self.settings), self.settings):
            self.findings.append(item)
            _log(item)

    def on_post_build(self, config: Any) -> None:
        reproducible.reproducible_sitemap_gz(Path(config["site_dir"]))
        errors = sum(1 for f in self.findings if f.severity is Severity.ERROR)
        log.info("healthguide: %s", report.summary(self.findings))
        if errors and self.command != "serve":
            raise PluginError(f"healthguide: {report.summary(self.findings)}; the site was not published")


def _sections(items: Any) -> Any:
    for item in getattr(items, "items", items) or []:
        if getattr(item, "is_section", False):
            yield item
            yield from _sections(item.children)


def _build_cache(config: Any) -> PageCache | None:
    """The plugin's own page cache (pages rendered with references lists), keyed also by the references."""
    try:
        site_config = load_site_config(config.config_file_path)
        refs = site_config.docs_dir / site_config.settings.references
        extra = content_hash(refs.read_bytes()) if refs.is_file() else "no-references"
        return PageCache.for_config(site_config, variant="build", extra=extra)
    except Exception:  # noqa: BLE001 - no cache is always a safe answer
        return None


def _log(item: Finding) -> None:
    level = logging.WARNING if item.severity in (Severity.ERROR, Severity.WARN) else logging.INFO
    log.log(level, report.format_text(item))


def _today():  # type: ignore[no-untyped-def]
    import datetime as dt
    return dt.date.today()
