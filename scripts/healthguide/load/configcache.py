"""mkdocs.yml as MkDocs last read it, kept for the next check while nothing that reading depends on changed.

Reading mkdocs.yml with MkDocs' own machinery (:mod:`healthguide.load.siteconfig`) imports MkDocs' config, theme and
plugin modules and has Python-Markdown load every extension to validate ``markdown_extensions``: about a fifth of a
warm check (issue #17). What that reading returns depends only on the bytes of mkdocs.yml and of every file it
``INHERIT``s, the value of every environment variable an ``!ENV`` tag names, the installed engine, Markdown and
extension modules, and our reading code. A reading is kept only when it succeeded and none of its files holds a tag
other than YAML's own and ``!ENV`` (``!relative`` and ``!!python/…`` depend on more: such a file is read every time);
it is used only while every one of those inputs is what it was. Everything the reading's result is then judged by
(the plugin's settings, ``exclude_docs``) runs afresh on every check, so a mistake there is reported as before.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
import sys
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from .. import __version__

FORMAT = 1                            # bump when a record's layout changes
CACHE_DIR = ".healthguide-cache"      # beside mkdocs.yml, shared with the page cache (healthguide.load.cache)
FILE = "mkdocs-config.pickle"
_CORE = "tag:yaml.org,2002:"
# Tags whose value is the file's own text: YAML's core schema (implicit or written out) and the merge key.
_PLAIN_TAGS = frozenset(_CORE + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "merge"))
_ENV_TAG = "!ENV"
_MAX_INHERIT = 32
_CODE = ("configcache.py", "siteconfig.py", "mkdocsyaml.py", "yamlsafe.py", "sitefacts.py")   # the code that reads the file


class Inputs(NamedTuple):
    """What one successful reading of mkdocs.yml depended on."""

    files: tuple[tuple[str, str], ...]           # mkdocs.yml and each INHERIT parent: (path, digest of its bytes)
    env: tuple[tuple[str, str | None], ...]      # every variable an !ENV tag names, with its value then (None: unset)


class Reading(NamedTuple):
    """A successful reading's result, as :func:`healthguide.load.siteconfig.load_site_config` uses it."""

    raw: dict[str, Any]
    names: list[Any]
    configs: dict[str, dict[str, Any]]
    marks: Any                                   # siteconfig._PluginMarks
    engine: Any = None                           # sitefacts.Engine: MkDocs' answers on the theme and plugins


class _Record(NamedTuple):
    key: str                   # versions and code (_static_key)
    inputs: Inputs
    fingerprint: str           # the extension modules' files (modules_fingerprint of reading.names)
    reading: Reading


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return ""


def _static_key() -> str:
    """The versions of Python, the engines, Markdown and pymdown-extensions, and our reading code's bytes."""
    here = Path(__file__).resolve().parent
    parts = [str(FORMAT), sys.version, __version__,
             *(f"{d}={_version(d)}" for d in ("mkdocs", "properdocs", "markdown", "pymdown-extensions", "pyyaml"))]
    parts.extend(_digest((here / name).read_bytes()) for name in _CODE)
    return _digest("\n".join(parts).encode())


def modules_fingerprint(extensions: Sequence[Any]) -> str:
    """The file behind each extension's module, by path, size and modification time, found without importing it."""
    out = []
    for entry in extensions:
        name = entry.split(":")[0] if isinstance(entry, str) else type(entry).__module__
        spec = None
        for candidate in (name, f"markdown.extensions.{name}"):   # Markdown's own order for a short name
            try:
                spec = importlib.util.find_spec(candidate)
            except (ImportError, ValueError):
                spec = None
            if spec is not None:
                break
        origin = spec.origin if spec is not None and spec.origin else ""
        try:
            info = os.stat(origin) if origin else None
        except OSError:
            info = None
        out.append(f"{name}={origin}:{info.st_size}:{info.st_mtime_ns}" if info else f"{name}=?")
    return _digest("\n".join(out).encode())


def inputs_of(path: Path, data: bytes) -> Inputs | None:
    """What reading ``path`` (whose bytes are ``data``) depends on, or None when it may depend on more (a tag other
    than YAML's own and ``!ENV``, an INHERIT that is not a plain path, a file that does not compose)."""
    files: list[tuple[str, str]] = []
    names: dict[str, None] = {}
    current: Path | None = path
    while current is not None:
        if len(files) >= _MAX_INHERIT:
            return None
        if current != path:
            try:
                data = current.read_bytes()
            except OSError:
                return None
        files.append((str(current), _digest(data)))
        try:
            root = yaml.compose(data, Loader=yaml.SafeLoader)
        except yaml.YAMLError:
            return None
        if root is not None and not _plain(root, names):
            return None
        current = None
        parent = _inherit(root)
        if parent is False:
            return None
        if isinstance(parent, str):    # as mkdocs.utils.yaml.yaml_load joins it
            current = Path(os.path.normpath(os.path.join(os.path.dirname(files[-1][0]), parent)))
    return Inputs(tuple(files), tuple((n, os.environ.get(n)) for n in names))


def _plain(node: yaml.Node, env: dict[str, None]) -> bool:
    """Whether every tag under ``node`` is YAML's own or ``!ENV``; each scalar under an ``!ENV`` is noted in ``env``
    (its names and its default: a superset of what it reads)."""
    if node.tag == _ENV_TAG:
        for item in node.value if isinstance(node, yaml.SequenceNode) else [node]:
            if not isinstance(item, yaml.ScalarNode) or item.tag not in _PLAIN_TAGS:
                return False
            env[str(item.value)] = None
        return True
    if node.tag not in _PLAIN_TAGS:
        return False
    if isinstance(node, yaml.SequenceNode):
        return all(_plain(item, env) for item in node.value)
    if isinstance(node, yaml.MappingNode):
        return all(_plain(k, env) and _plain(v, env) for k, v in node.value)
    return True


def _inherit(root: yaml.Node | None) -> str | None | bool:
    """The top-level ``INHERIT:`` value (None: there is none; False: one that is not a plain string)."""
    if not isinstance(root, yaml.MappingNode):
        return None
    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "INHERIT":
            if isinstance(value, yaml.ScalarNode) and value.tag == _CORE + "str":
                return str(value.value)
            return False
    return None


def _file(path: Path) -> Path:
    return path.parent / CACHE_DIR / FILE


def gitignore(directory: Path) -> None:
    """The cache folder ignores itself (created by whichever cache writes first)."""
    marker = directory / ".gitignore"
    if not marker.exists():
        marker.write_text("# Created by healthguide: this folder is a cache.\n*\n", encoding="utf-8")


def cached(path: Path, data: bytes) -> Reading | None:
    """The kept reading of ``path`` (its bytes now ``data``), if every input it depended on is unchanged."""
    try:
        with _file(path).open("rb") as stream:
            record = pickle.load(stream)
    except Exception:  # noqa: BLE001 - missing, partial or from another version: read the file afresh
        return None
    if not isinstance(record, _Record) or record.key != _static_key():
        return None
    files = record.inputs.files
    if not files or files[0] != (str(path), _digest(data)):
        return None
    for name, digest in files[1:]:
        try:
            if _digest(Path(name).read_bytes()) != digest:
                return None
        except OSError:
            return None
    if any(os.environ.get(name) != value for name, value in record.inputs.env):
        return None
    if modules_fingerprint(record.reading.names) != record.fingerprint:
        return None
    return record.reading


def keep(path: Path, inputs: Inputs, reading: Reading) -> None:
    """Keep a successful reading for the next check (a cache that cannot be written is left as it is)."""
    target = _file(path)
    try:
        blob = pickle.dumps(_Record(_static_key(), inputs, modules_fingerprint(reading.names), reading),
                            protocol=pickle.HIGHEST_PROTOCOL)
        target.parent.mkdir(exist_ok=True)
        gitignore(target.parent)
        temp = target.with_name(f"{FILE}.{os.getpid()}.tmp")
        temp.write_bytes(blob)
        os.replace(temp, target)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass
