"""Read mkdocs.yml with the engine's own machinery, or, with no engine installed, as closely as we can.

With MkDocs (or ProperDocs, its fork with the same layout) installed, its ``utils.yaml`` reads the
file: every tag it accepts (``!ENV``, ``!relative``, ``!!python/name:``, ``!!python/object/apply:``)
and ``INHERIT:``, exactly as ``mkdocs build`` will. The checks also run where neither is installed
(``python -m healthguide check`` needs no engine): then a small loader of our own reads the same tags
that matter to the checks. Both refuse YAML aliases ("billion laughs").
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import yaml
import yaml.events

from .yamlsafe import AliasRefused

ENGINES = ("mkdocs", "properdocs")


def engine() -> SimpleNamespace | None:
    """The installed engine's YAML and config helpers (first of ENGINES that imports), or None."""
    for name in ENGINES:
        try:
            modules: dict[str, ModuleType] = {part: importlib.import_module(f"{name}.{part}") for part in
                                              ("utils.yaml", "config.config_options", "config.base", "exceptions")}
        except ImportError:
            continue
        return SimpleNamespace(
            name=name, get_yaml_loader=modules["utils.yaml"].get_yaml_loader, yaml_load=modules["utils.yaml"].yaml_load,
            MarkdownExtensions=modules["config.config_options"].MarkdownExtensions,
            ValidationError=modules["config.base"].ValidationError,
            ConfigurationError=modules["exceptions"].ConfigurationError,
        )
    return None


def no_alias_loader(base: type[yaml.SafeLoader] | type[yaml.Loader]) -> Any:
    class NoAliases(base):  # type: ignore[valid-type,misc]
        def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
            if self.check_event(yaml.events.AliasEvent):
                raise AliasRefused(self.peek_event().start_mark)
            return super().compose_node(parent, index)  # type: ignore[no-any-return]

    return NoAliases


# --- no engine installed ------------------------------------------------------------------------

_Fallback = no_alias_loader(yaml.SafeLoader)


def _env(loader: Any, node: yaml.Node) -> Any:
    """``!ENV NAME`` or ``!ENV [NAME, OTHER, default]``, as MkDocs reads them."""
    if isinstance(node, yaml.ScalarNode):
        names, default = [str(loader.construct_scalar(node))], None
    else:
        values = loader.construct_sequence(node)
        names, default = [str(v) for v in values[:-1]], values[-1]
    for name in names:
        if name in os.environ:
            return yaml.safe_load(os.environ[name])
    return default


def _relative(loader: Any, node: yaml.Node) -> str:
    value = str(loader.construct_scalar(node))
    base = Path(loader.name).parent if loader.name else Path.cwd()
    if value.startswith("$config_dir"):
        return str(base / value[len("$config_dir"):].lstrip("/"))
    return str(base / value)


def _python(loader: Any, suffix: str, node: yaml.Node) -> Any:
    target = suffix.split(":", 1)[-1]
    module, _, attr = target.rpartition(".")
    try:
        value = getattr(importlib.import_module(module), attr)
    except (ImportError, AttributeError, ValueError):
        return target  # only the theme or an extension needs it; the checks go on
    if suffix.startswith(("object/apply:", "object/new:")) and isinstance(node, yaml.MappingNode):
        spec = loader.construct_mapping(node, deep=True)
        return value(*spec.get("args", ()), **spec.get("kwds", {}))
    return value


_Fallback.add_constructor("!ENV", _env)
_Fallback.add_constructor("!relative", _relative)
_Fallback.add_multi_constructor("tag:yaml.org,2002:python/", _python)


def fallback_load(path: Path) -> Any:
    """mkdocs.yml (and what it INHERITs, merged as MkDocs does) without an engine; YAMLError on bad YAML."""
    with path.open("rb") as stream:
        loader = _Fallback(stream)
        loader.name = str(path)
        try:
            raw = loader.get_single_data() or {}
        finally:
            loader.dispose()
    if isinstance(raw, dict) and "INHERIT" in raw:
        parent = fallback_load((path.parent / str(raw.pop("INHERIT"))).resolve())
        raw = _merge(parent, raw) if isinstance(parent, dict) else raw
    return raw


def _merge(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """mergedeep's default, as MkDocs uses it: mappings merge, everything else is replaced."""
    out = dict(parent)
    for key, value in child.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out
