"""Read mkdocs.yml the way MkDocs reads it, with MkDocs' own YAML loader and extension logic.

``mkdocs.utils.yaml`` supplies the tags (``!ENV``, ``!relative``, every ``!!python/…`` tag MkDocs
accepts) and ``INHERIT:``; MkDocs' ``MarkdownExtensions`` option decides the extension order (see
:mod:`healthguide.load.mkdocsyaml`, which also reads the file when no engine is installed). Two things are
ours: YAML aliases are refused ("billion laughs"), and an unusable file is one message with its file
and line.
"""

from __future__ import annotations

import copy
import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pathspec
import yaml

from ..findings import CodeLookup
from ..settings import Settings, SettingsError, settings_from_mapping
from . import configcache, mkdocsyaml, sitefacts
from .care import with_absolute_data

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
    # Files under docs/ that `mkdocs build` leaves out: MkDocs' defaults, `exclude_docs` and `draft_docs`.
    excluded: pathspec.GitIgnoreSpec = field(default_factory=lambda: unpublished({}, Path("mkdocs.yml")),
                                             repr=False, compare=False)
    # MkDocs' answers on the theme and plugins, as kept with the reading (load_site_config's ``cache``), else None.
    engine: sitefacts.Engine | None = field(default=None, repr=False, compare=False)

    def is_excluded(self, rel: str) -> bool:
        """Whether the docs-relative file ``rel`` is left out of the built site."""
        return bool(self.excluded.match_file(rel))


def _tag_context(path: Path) -> SimpleNamespace:
    """What MkDocs' ``!relative`` placeholders read from the config (docs_dir is filled in later)."""
    page = SimpleNamespace(file=SimpleNamespace(src_path=""))  # as MkDocs' MarkdownExtensions.pre_validation
    return SimpleNamespace(config_file_path=str(path), docs_dir=str(path.parent / "docs"), _current_page=page)


def read_mkdocs_yml(path: Path) -> tuple[dict[str, Any], SimpleNamespace]:
    """The raw mapping, exactly as ``mkdocs build`` would see it (INHERIT merged), or ConfigError."""
    context = _tag_context(path)
    found = mkdocsyaml.engine()
    try:
        if found is None:
            raw = mkdocsyaml.fallback_load(path)
        else:
            with path.open("rb") as stream:
                loader = found.get_yaml_loader(loader=mkdocsyaml.no_alias_loader(yaml.Loader), config=context)
                raw = found.yaml_load(stream, loader)
    except OSError as err:
        raise ConfigError(f"{path}: cannot read the configuration ({err})") from None
    except Exception as err:  # noqa: BLE001 - YAML errors (the engine wraps them), or a !!python/… tag that fails
        cause = err if isinstance(err, yaml.YAMLError) else err.__context__
        mark = getattr(cause, "problem_mark", None) or getattr(cause, "context_mark", None)
        if isinstance(cause, yaml.YAMLError) and mark is not None:
            name = Path(mark.name).name if mark.name and not mark.name.startswith("<") else path.name
            problem = getattr(cause, "problem", None) or cause
            hint = " Indent with spaces, not a tab." if "'\\t'" in str(problem) else ""
            raise ConfigError(f"{name}:{mark.line + 1}:{mark.column + 1}: error: {name} is not valid YAML ({problem}).{hint}"
                              ) from None
        raise ConfigError(f"{path.name}:1:1: error: {type(err).__name__}: {err}") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{path.name}:1:1: error: mkdocs.yml must be a mapping of settings")
    return raw, context


def load_site_config(config_path: str | os.PathLike[str], catalogue: CodeLookup, cache: bool = False) -> SiteConfig:
    """Read mkdocs.yml; ``catalogue`` validates the codes named under ``severity:``.

    ``cache``: take MkDocs' reading of the file from ``.healthguide-cache/`` while nothing it depends on changed, and
    keep a new one there (:mod:`healthguide.load.configcache`); what follows the reading runs on every call."""
    path = Path(config_path).resolve()
    try:
        data = path.read_bytes()
        text = data.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: cannot read the configuration ({err})") from None
    if cache:
        reading = _kept(path, data, text, configcache.cached(path, data))
    else:
        reading = _read(path, text)[0]
    raw, names, configs, marks, engine = reading
    docs_dir = (path.parent / str(raw.get("docs_dir", "docs"))).resolve()
    configs = with_absolute_data(configs, path.parent)
    _refuse_misspelt_plugin(path, marks)
    try:
        settings = settings_from_mapping(_plugin_block(raw.get("plugins")), catalogue)
    except SettingsError as err:
        line, col = next((marks.options[k] for k in err.keys if k in marks.options), marks.block or (1, 1))
        raise ConfigError(f"{path.name}:{line}:{col}: error: plugins: {PLUGIN_NAME}: {err}") from None
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
        excluded=unpublished(raw, path),
        engine=engine,
    )


def _read(path: Path, text: str) -> tuple[configcache.Reading, bool]:
    """MkDocs' reading of mkdocs.yml (INHERIT merged, tags constructed, ``markdown_extensions`` validated) and the
    marks of ``plugins:`` in its text (ConfigError), and whether MkDocs itself validated the extensions."""
    raw, context = read_mkdocs_yml(path)
    context.docs_dir = str((path.parent / str(raw.get("docs_dir", "docs"))).resolve())
    names, configs, validated = _extensions(raw.get("markdown_extensions") or [])
    return configcache.Reading(raw, names, configs, _plugin_marks(text)), validated


def _kept(path: Path, data: bytes, text: str, reading: configcache.Reading | None) -> configcache.Reading:
    """The reading as kept (``reading``), or read afresh, with MkDocs' answers on the theme and plugins
    (:class:`~healthguide.load.sitefacts.Engine`), and kept again if either was read now."""
    validated = True
    if reading is None:
        reading, validated = _read(path, text)
    engine = reading.engine
    if (engine is None or engine.theme is None   # a refused theme may depend on more (a custom_dir made later)
            or sitefacts.engine_basis(engine.theme, [name for name, _ in engine.plugins]) != engine.basis):
        reading = reading._replace(engine=sitefacts.read_engine(reading.raw, path))
        if validated and (inputs := configcache.inputs_of(path, data)) is not None and _unchanged(path, data):
            configcache.keep(path, inputs, reading)
    return reading


def _unchanged(path: Path, data: bytes) -> bool:
    """The file still holds the bytes the reading's inputs were taken from (a save during the reading is not kept)."""
    try:
        return path.read_bytes() == data
    except OSError:
        return False


# mkdocs.structure.files: dot-files and a top-level templates/ folder are never published.
_MKDOCS_EXCLUDES = (".*", "/templates/")


def unpublished(raw: dict[str, Any], path: Path) -> pathspec.GitIgnoreSpec:
    """The gitignore-style patterns of files `mkdocs build` leaves out, read as MkDocs reads them.

    ``draft_docs`` counts too: drafts are shown by `mkdocs serve` but never built, and the checks judge
    the site as it is published.
    """
    lines = list(_MKDOCS_EXCLUDES)
    for key in ("exclude_docs", "draft_docs"):
        value = raw.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise ConfigError(f"{path.name}:1:1: error: `{key}:` must be gitignore-style patterns, one a line "
                              f"(write `{key}: |` and the patterns below it)")
        lines.extend(value.splitlines())
    try:
        return pathspec.GitIgnoreSpec.from_lines(lines)
    except (ValueError, TypeError) as err:
        raise ConfigError(f"{path.name}:1:1: error: `exclude_docs`/`draft_docs`: {err}") from None


def _extensions(items: Any) -> tuple[list[Any], dict[str, dict[str, Any]], bool]:
    """MkDocs' own reading of ``markdown_extensions``: its built-ins first, duplicates merged, configs by name, and
    whether MkDocs validated them (every extension loaded).

    When MkDocs would refuse an entry (or is not installed), the same order is kept without loading:
    the loader then reports an entry that fails as HG020 instead of stopping the checks.
    """
    found = mkdocsyaml.engine()
    if found is not None:
        option = found.MarkdownExtensions(builtins=list(MKDOCS_BUILTINS), configkey="mdx_configs")
        try:
            return option.run_validation(copy.deepcopy(items)), option.configdata, True
        except (found.ValidationError, copy.Error, TypeError):
            pass
    configs: dict[str, dict[str, Any]] = {}
    names: list[Any] = []
    if isinstance(items, dict):
        entries = list(items.items())
    elif isinstance(items, list):
        entries = [next(iter(i.items())) if isinstance(i, dict) and i else (i, None) for i in items]
    else:
        entries = []
    for name, config in entries:
        if isinstance(config, dict):
            configs[str(name)] = config
        if name is not None:
            names.append(name)
    return list(dict.fromkeys([*MKDOCS_BUILTINS, *names])), configs, False  # mkdocs.utils.reduce_list


@dataclass(frozen=True)
class _PluginMarks:
    """Where things sit in mkdocs.yml's ``plugins:`` (1-based line, column), from the parser's own marks."""

    names: tuple[tuple[str, int, int], ...] = ()       # every plugin named
    block: tuple[int, int] | None = None               # the healthguide entry
    options: dict[str, tuple[int, int]] = field(default_factory=dict)   # its option keys


def _plugin_marks(text: str) -> _PluginMarks:
    """Compose (not construct) mkdocs.yml again for its marks; the file has already parsed once."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)  # composing only: tags are not constructed
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
