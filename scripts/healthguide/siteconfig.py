"""Read mkdocs.yml the way MkDocs reads it, with MkDocs' own YAML loader and extension logic.

``mkdocs.utils.yaml`` supplies the tags (``!ENV``, ``!relative``, every ``!!python/…`` tag MkDocs
accepts) and ``INHERIT:``; MkDocs' ``MarkdownExtensions`` option decides the extension order. Two
things are ours: YAML aliases are refused ("billion laughs"), and an unusable file is one message
with its file and line.
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import yaml
import yaml.events
from mkdocs.config.base import ValidationError
from mkdocs.config.config_options import MarkdownExtensions
from mkdocs.exceptions import ConfigurationError
from mkdocs.utils import reduce_list
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

from .settings import Settings, SettingsError, settings_from_mapping
from .yamlsafe import AliasRefused

PLUGIN_NAME = "healthguide"
MKDOCS_BUILTINS = ("toc", "tables", "fenced_code")  # mkdocs.config.defaults: always loaded, always first


class ConfigError(Exception):
    """mkdocs.yml cannot be used; the message says where and why."""


@dataclass(frozen=True)
class SiteConfig:
    path: Path
    docs_dir: Path
    markdown_extensions: list[Any]            # names or Extension instances, in MkDocs' order
    extension_configs: dict[str, dict[str, Any]]
    nav: Any
    settings: Settings
    site_url: str
    use_directory_urls: bool = True
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)  # the whole mapping


class _NoAliases(yaml.Loader):
    """MkDocs reads mkdocs.yml with PyYAML's full Loader; this one also refuses aliases."""

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:  # type: ignore[override]
        if self.check_event(yaml.events.AliasEvent):
            raise AliasRefused(self.peek_event().start_mark)
        return super().compose_node(parent, index)  # type: ignore[no-any-return]


def _tag_context(path: Path) -> SimpleNamespace:
    """What MkDocs' ``!relative`` placeholders read from the config (docs_dir is filled in later)."""
    page = SimpleNamespace(file=SimpleNamespace(src_path=""))  # as MkDocs' MarkdownExtensions.pre_validation
    return SimpleNamespace(config_file_path=str(path), docs_dir=str(path.parent / "docs"), _current_page=page)


def read_mkdocs_yml(path: Path) -> tuple[dict[str, Any], SimpleNamespace]:
    """The raw mapping, exactly as ``mkdocs build`` would see it (INHERIT merged), or ConfigError."""
    context = _tag_context(path)
    try:
        with path.open("rb") as stream:
            raw = yaml_load(stream, get_yaml_loader(loader=_NoAliases, config=context))  # type: ignore[arg-type]
    except OSError as err:
        raise ConfigError(f"{path}: cannot read the configuration ({err})") from None
    except ConfigurationError as err:
        cause = err.__context__ if isinstance(err.__context__, yaml.YAMLError) else None
        mark = getattr(cause, "problem_mark", None) or getattr(cause, "context_mark", None)
        if mark is not None:
            name = Path(mark.name).name if mark.name and not mark.name.startswith("<") else path.name
            problem = getattr(cause, "problem", None) or cause
            raise ConfigError(f"{name}:{mark.line + 1}:{mark.column + 1}: error: {name} is not valid YAML ({problem})") from None
        raise ConfigError(f"{path.name}:1:1: error: {err}") from None
    except (ValueError, TypeError, ImportError, AttributeError) as err:  # a !!python/… tag that cannot be built
        raise ConfigError(f"{path.name}:1:1: error: {type(err).__name__}: {err}") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{path.name}:1:1: error: mkdocs.yml must be a mapping of settings")
    return raw, context


def load_site_config(config_path: str | os.PathLike[str]) -> SiteConfig:
    path = Path(config_path).resolve()
    try:
        path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: cannot read the configuration ({err})") from None
    raw, context = read_mkdocs_yml(path)
    docs_dir = (path.parent / str(raw.get("docs_dir", "docs"))).resolve()
    context.docs_dir = str(docs_dir)
    names, configs = _extensions(raw.get("markdown_extensions") or [])
    try:
        settings = settings_from_mapping(_plugin_block(raw.get("plugins")))
    except SettingsError as err:
        raise ConfigError(f"{path.name}: error: plugins: {PLUGIN_NAME}: {err}") from None
    return SiteConfig(
        path=path,
        docs_dir=docs_dir,
        markdown_extensions=names,
        extension_configs=configs,
        nav=raw.get("nav"),
        settings=settings,
        site_url=str(raw.get("site_url") or ""),
        use_directory_urls=raw.get("use_directory_urls", True) is not False,
        raw=raw,
    )


def _extensions(items: Any) -> tuple[list[Any], dict[str, dict[str, Any]]]:
    """MkDocs' own reading of ``markdown_extensions``: its built-ins first, duplicates merged, configs by name.

    When MkDocs would refuse an entry, the same order is kept without it being loaded: the loader
    then reports the entry that fails as HG020 instead of stopping the checks.
    """
    option = MarkdownExtensions(builtins=list(MKDOCS_BUILTINS), configkey="mdx_configs")
    try:
        return option.run_validation(copy.deepcopy(items)), option.configdata
    except (ValidationError, copy.Error, TypeError):
        pass
    option.configdata = {}
    names: list[Any] = []
    if isinstance(items, dict):
        entries = list(items.items())
    elif isinstance(items, list):
        entries = [next(iter(i.items())) if isinstance(i, dict) and i else (i, None) for i in items]
    else:
        entries = []
    for name, config in entries:
        if isinstance(config, dict):
            option.configdata[str(name)] = config
        if name is not None:
            names.append(name)
    return reduce_list([*MKDOCS_BUILTINS, *names]), option.configdata


def _plugin_block(plugins: Any) -> dict[str, Any]:
    if isinstance(plugins, dict):
        return dict(plugins.get(PLUGIN_NAME) or {})
    for item in plugins or []:
        if isinstance(item, dict) and PLUGIN_NAME in item:
            return dict(item[PLUGIN_NAME] or {})
    return {}


def nav_paths(nav: Any) -> frozenset[str] | None:
    """Docs-relative Markdown paths named in an explicit nav, or None when MkDocs builds it."""
    if nav is None:
        return None
    found: set[str] = set()

    def walk(item: Any) -> None:
        if isinstance(item, str):
            if not item.startswith(("http://", "https://")):
                found.add(item.lstrip("./"))
        elif isinstance(item, dict):
            for value in item.values():
                walk(value)
        elif isinstance(item, list):
            for value in item:
                walk(value)

    walk(nav)
    return frozenset(found)
