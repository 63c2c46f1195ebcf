"""Read mkdocs.yml without MkDocs, so the checks outlive any one engine.

Supports the tags MkDocs configs use: ``!ENV``, ``!relative`` and ``!!python/name:``.
"""

from __future__ import annotations

import difflib
import importlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
import yaml.events

from ..findings import CodeLookup
from ..settings import Settings, SettingsError, settings_from_mapping
from .yamlsafe import AliasRefused

PLUGIN_NAME = "healthguide"


class ConfigError(Exception):
    """mkdocs.yml cannot be used; the message says where and why."""


@dataclass(frozen=True)
class SiteConfig:
    path: Path
    docs_dir: Path
    markdown_extensions: list[Any]            # names or Extension instances
    extension_configs: dict[str, dict[str, Any]]
    nav: Any
    settings: Settings
    site_url: str


class _ConfigLoader(yaml.SafeLoader):
    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:  # type: ignore[override]
        # Aliases are refused, as in every other YAML file the guide reads ("billion laughs").
        if self.check_event(yaml.events.AliasEvent):
            raise AliasRefused(self.peek_event().start_mark)
        return super().compose_node(parent, index)  # type: ignore[no-any-return]


def _env(loader: _ConfigLoader, node: yaml.Node) -> Any:
    """``!ENV NAME`` or ``!ENV [NAME, OTHER, default]``, as MkDocs reads them."""
    if isinstance(node, yaml.ScalarNode):
        names, default = [str(loader.construct_scalar(node))], None
    else:
        values = loader.construct_sequence(node)  # type: ignore[arg-type]
        names, default = [str(v) for v in values[:-1]], values[-1]
    for name in names:
        if name in os.environ:
            return yaml.safe_load(os.environ[name])
    return default


def _relative(loader: _ConfigLoader, node: yaml.Node) -> str:
    value = str(loader.construct_scalar(node))  # type: ignore[arg-type]
    base = Path(loader.name).parent if loader.name else Path.cwd()
    if value.startswith("$config_dir"):
        return str(base / value[len("$config_dir"):].lstrip("/"))
    return str(base / value)


def _python_name(loader: _ConfigLoader, suffix: str, node: yaml.Node) -> Any:
    module, _, attr = suffix.rpartition(".")
    try:
        return getattr(importlib.import_module(module), attr)
    except (ImportError, AttributeError):
        return suffix  # only the theme needs it; the checks do not


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_constructor("!relative", _relative)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", _python_name)


def load_site_config(config_path: str | os.PathLike[str], catalogue: CodeLookup) -> SiteConfig:
    """Read mkdocs.yml; ``catalogue`` validates the codes named under ``severity:``."""
    path = Path(config_path).resolve()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: cannot read the configuration ({err})") from None
    try:
        loader = _ConfigLoader(text)
        loader.name = str(path)
        try:
            raw = loader.get_single_data() or {}
        finally:
            loader.dispose()
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"{path.name}:{mark.line + 1}:{mark.column + 1}" if mark else path.name
        problem = str(getattr(err, "problem", err))
        hint = " Indent with spaces, not a tab." if "'\\t'" in problem else ""
        raise ConfigError(f"{where}: error: mkdocs.yml is not valid YAML ({problem}).{hint}") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{path.name}:1:1: error: mkdocs.yml must be a mapping of settings")
    names, configs = _extensions(raw.get("markdown_extensions") or [])
    marks = _plugin_marks(text)
    _refuse_misspelt_plugin(path, marks)
    try:
        settings = settings_from_mapping(_plugin_block(raw.get("plugins")), catalogue)
    except SettingsError as err:
        line, col = next((marks.options[k] for k in err.keys if k in marks.options), marks.block or (1, 1))
        raise ConfigError(f"{path.name}:{line}:{col}: error: plugins: {PLUGIN_NAME}: {err}") from None
    return SiteConfig(
        path=path,
        docs_dir=(path.parent / str(raw.get("docs_dir", "docs"))).resolve(),
        markdown_extensions=names,
        extension_configs=configs,
        nav=raw.get("nav"),
        settings=settings,
        site_url=str(raw.get("site_url") or ""),
    )


def _extensions(items: Any) -> tuple[list[Any], dict[str, dict[str, Any]]]:
    """MkDocs' markdown_extensions accepts names, {name: config} items, or one mapping."""
    names: list[Any] = []
    configs: dict[str, dict[str, Any]] = {}
    entries = items.items() if isinstance(items, dict) else ((i, None) if not isinstance(i, dict) else next(iter(i.items())) for i in items)
    for name, config in entries:
        names.append(name)
        if isinstance(config, dict):
            configs[str(name)] = config
    # MkDocs always adds these three (see mkdocs.config.defaults).
    for builtin in ("toc", "tables", "fenced_code"):
        if builtin not in names and f"markdown.extensions.{builtin}" not in names:
            names.append(builtin)
    return names, configs


@dataclass(frozen=True)
class _PluginMarks:
    """Where things sit in mkdocs.yml's ``plugins:`` (1-based line, column), from the parser's own marks."""

    names: tuple[tuple[str, int, int], ...] = ()       # every plugin named
    block: tuple[int, int] | None = None               # the healthguide entry
    options: dict[str, tuple[int, int]] = field(default_factory=dict)   # its option keys


def _plugin_marks(text: str) -> _PluginMarks:
    """Compose (not construct) mkdocs.yml again for its marks; the file has already parsed once."""
    try:
        root = yaml.compose(text, Loader=_ConfigLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError:
        return _PluginMarks()
    plugins = _value(root, "plugins")
    entries: list[tuple[yaml.Node, yaml.Node | None]] = []
    if isinstance(plugins, yaml.SequenceNode):
        for item in plugins.value:
            if isinstance(item, yaml.MappingNode) and item.value:
                entries.append(item.value[0])
            elif isinstance(item, yaml.ScalarNode):
                entries.append((item, None))
    elif isinstance(plugins, yaml.MappingNode):
        entries = list(plugins.value)
    names = tuple((str(k.value), k.start_mark.line + 1, k.start_mark.column + 1) for k, _ in entries)
    for key, value in entries:
        if key.value == PLUGIN_NAME:
            options = {str(k.value): (k.start_mark.line + 1, k.start_mark.column + 1)
                       for k, _ in (value.value if isinstance(value, yaml.MappingNode) else [])}
            return _PluginMarks(names, (key.start_mark.line + 1, key.start_mark.column + 1), options)
    return _PluginMarks(names)


def _value(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return v  # type: ignore[no-any-return]
    return None


def _refuse_misspelt_plugin(path: Path, marks: _PluginMarks) -> None:
    """A plugin name one typo away from ours (``healthguid``) would make the checks run on default
    settings while MkDocs fails or skips it: say so instead of passing silently."""
    if marks.block is not None:
        return
    for name, line, col in marks.names:
        if difflib.SequenceMatcher(None, name.lower(), PLUGIN_NAME).ratio() >= 0.8:
            raise ConfigError(f"{path.name}:{line}:{col}: error: plugins: unknown plugin '{name}'; did you mean "
                              f"'{PLUGIN_NAME}'? (the checks would otherwise use default settings)")


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
