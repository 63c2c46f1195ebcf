"""What MkDocs knows about a site that its Markdown does not say: page URLs, theme files, build-time changers.

The offline checks read these from mkdocs.yml with MkDocs' own machinery, so a link is judged the way
``mkdocs build`` would publish it: a raw HTML ``href`` from the page's URL, a favicon the theme ships
as a file that exists, and an anchor that a hook may add at build time as one the checks cannot see.
"""

from __future__ import annotations

import ast
import fnmatch
import importlib.util
import os
import posixpath
from collections.abc import Iterable, Mapping
from importlib import metadata
from pathlib import Path
from types import SimpleNamespace
from typing import Any, NamedTuple

# Plugin and hook events that can change a page's content, and so the ids it ends up with.
_PAGE_EVENTS = ("on_page_read_source", "on_page_markdown", "on_page_content")
_OURS = "healthguide"


def page_url(path: str, use_directory_urls: bool = True) -> str:
    """The site-relative URL MkDocs publishes a Markdown page at (``README.md`` serves as its folder's index)."""
    folder, name = posixpath.split(path)
    stem = name[:-3] if name.endswith(".md") else name
    prefix = f"{folder}/" if folder else ""
    if stem in ("index", "README"):
        return prefix
    return f"{prefix}{stem}/" if use_directory_urls else f"{prefix}{stem}.html"


def page_urls(pages: Iterable[str], use_directory_urls: bool = True) -> dict[str, str]:
    """URL -> page, for every page (MkDocs keeps ``index.md`` when a folder also has a ``README.md``)."""
    out: dict[str, str] = {}
    for path in sorted(pages, key=lambda p: p.endswith("README.md")):
        out.setdefault(page_url(path, use_directory_urls), path)
    return out


def folder_index(folder: str, pages: Iterable[str]) -> str | None:
    """The page MkDocs serves for a folder: its ``index.md``, else its ``README.md``."""
    names = set(pages)
    for name in ("index.md", "README.md"):
        candidate = posixpath.join(folder, name) if folder not in ("", ".") else name
        if candidate in names:
            return candidate
    return None


def url_to_source(url_path: str, urls: Mapping[str, str]) -> str | None:
    """The docs-relative page published at ``url_path`` (a site-relative URL path), if any."""
    path = url_path.lstrip("/")
    for candidate in (path, path + "/", path[:-len("index.html")] if path.endswith("index.html") else None):
        if candidate is not None and candidate in urls:
            return urls[candidate]
    return None


class Engine(NamedTuple):
    """What MkDocs' own machinery says about a configuration's theme and plugins, and what that was read from.

    Reading it imports MkDocs' config and plugin modules (about 0.2 s CPU, a fifth of a warm check: issue #17), so
    a check keeps it with mkdocs.yml's reading (:mod:`healthguide.load.configcache`) and uses it while
    :func:`engine_basis` is unchanged; the theme's files are still walked on every run."""

    theme: tuple[tuple[str, ...], tuple[str, ...]] | None   # the theme's folders and its filter's patterns (None: refused)
    plugins: tuple[tuple[str, bool], ...]                  # each plugin named but ours: whether it may change pages
    basis: str                                             # engine_basis() when read


def read_engine(raw: Mapping[str, Any], config_path: Path) -> Engine:
    """MkDocs' reading of ``raw``'s theme and plugins (what :func:`theme_files` and :func:`build_time_changers` ask)."""
    theme = _theme_layout(raw, config_path)
    plugins = tuple((name, _plugin_changes_pages(name)) for name in _plugin_names(raw.get("plugins"))
                    if name.split("/")[-1] != _OURS)
    return Engine(theme, plugins, engine_basis(theme, [name for name, _ in plugins]))


def engine_basis(theme: tuple[tuple[str, ...], tuple[str, ...]] | None, plugins: Iterable[str]) -> str:
    """What an :class:`Engine` was read from besides mkdocs.yml, found without importing MkDocs: the installed themes
    and plugins (their entry points), each theme folder's ``mkdocs_theme.yml``, and the file behind each plugin's
    module (path, size, modification time: an upgrade rewrites it)."""
    parts: list[str] = []
    every = metadata.entry_points()     # one scan of the installed distributions for both groups
    points = {group: {e.name: e for e in every.select(group=group)} for group in ("mkdocs.themes", "mkdocs.plugins")}
    for group, found in points.items():
        parts.extend(f"{group}:{name}={e.value}" for name, e in sorted(found.items()))
    for folder in theme[0] if theme is not None else ():
        try:
            parts.append(f"{folder}:{(Path(folder) / 'mkdocs_theme.yml').read_bytes()!r}")
        except OSError:
            parts.append(f"{folder}:{os.path.isdir(folder)}")
    for name in plugins:
        entry = points["mkdocs.plugins"].get(name)
        parts.append(f"{name}:{_module_file(entry.value.split(':')[0]) if entry is not None else '-'}")
    return repr(parts)


def _module_file(module: str) -> str:
    try:
        spec = importlib.util.find_spec(module)
        origin = spec.origin if spec is not None and spec.origin else ""
        info = os.stat(origin)
    except (ImportError, ValueError, OSError):
        return "?"
    return f"{origin}:{info.st_size}:{info.st_mtime_ns}"


def theme_files(raw: Mapping[str, Any], config_path: Path, engine: Engine | None = None) -> frozenset[str]:
    """Static files the theme publishes beside the docs (favicon, scripts…), as MkDocs lists them.

    The same list as MkDocs' ``Files.add_files_from_theme`` (its filter, below), walked here without a Jinja
    environment and without descending into dot-folders, which that filter drops whole: Material's ``.icons``
    alone holds thousands of files, and every check run pays for this list. ``engine``: the theme's folders and
    patterns as kept (:class:`Engine`), else read with MkDocs' ``Theme`` option.
    """
    layout = engine.theme if engine is not None else _theme_layout(raw, config_path)
    if layout is None:
        return frozenset()
    dirs, patterns = layout
    try:
        found: set[str] = set()
        for base in dirs:
            for here, subdirs, names in os.walk(base):
                subdirs[:] = [d for d in subdirs if not d.startswith(".")]
                rel = os.path.relpath(here, base).replace(os.sep, "/")
                for name in names:
                    path = name if rel == "." else f"{rel}/{name}"
                    lower = path.lower()
                    if (not name.startswith(".") and not any(fnmatch.fnmatch(lower, p) for p in patterns)
                            and os.path.isfile(os.path.join(here, name))):
                        found.add(path)
        return frozenset(found)
    except Exception:  # noqa: BLE001 - an unknown theme is MkDocs' error to report; the checks go on
        return frozenset()


def _theme_layout(raw: Mapping[str, Any], config_path: Path) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The theme's folders and the patterns of MkDocs' theme-file filter, from MkDocs' ``Theme`` option (None: refused)."""
    try:
        from mkdocs.config.config_options import Theme
        from mkdocs.utils import markdown_extensions

        option = Theme(default="mkdocs")
        option.config_file_path = str(config_path)
        theme_value = raw.get("theme")
        theme = option.run_validation(dict(theme_value) if isinstance(theme_value, dict) else theme_value)
        patterns = ["*.py", "*.pyc", "*.html", "*readme*", "mkdocs_theme.yml", "locales/*",
                    *(f"*{x}" for x in markdown_extensions), *theme.static_templates]
        return tuple(str(d) for d in theme.dirs), tuple(patterns)
    except Exception:  # noqa: BLE001 - an unknown theme is MkDocs' error to report; the checks go on
        return None


def theme_files_by_mkdocs(raw: Mapping[str, Any], config_path: Path) -> frozenset[str]:
    """:func:`theme_files` as MkDocs itself computes it (slower; kept so a test can hold the two equal)."""
    from mkdocs.config.config_options import Theme
    from mkdocs.structure.files import Files

    option = Theme(default="mkdocs")
    option.config_file_path = str(config_path)
    theme_value = raw.get("theme")
    theme = option.run_validation(dict(theme_value) if isinstance(theme_value, dict) else theme_value)
    files = Files([])
    stand_in = SimpleNamespace(theme=theme, site_dir=str(config_path.parent / "site"), use_directory_urls=True)
    files.add_files_from_theme(theme.get_env(), stand_in)  # type: ignore[arg-type]
    return frozenset(f.src_uri for f in files)


def build_time_changers(raw: Mapping[str, Any], config_path: Path, engine: Engine | None = None) -> tuple[str, ...]:
    """Hooks and plugins in mkdocs.yml that may change a page's content (and ids) during the build (``engine``: each
    plugin's answer as kept, :class:`Engine`)."""
    known = dict(engine.plugins) if engine is not None else {}
    found: list[str] = []
    for hook in raw.get("hooks") or []:
        path = Path(str(hook))
        path = path if path.is_absolute() else config_path.parent / path
        if _hook_changes_pages(path):
            found.append(f"hook {hook}")
    for name in _plugin_names(raw.get("plugins")):
        if name.split("/")[-1] != _OURS and (known[name] if name in known else _plugin_changes_pages(name)):
            found.append(f"plugin {name}")
    return tuple(found)


def _hook_changes_pages(path: Path) -> bool:
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError, ValueError):
        return True  # unreadable: MkDocs will complain; assume the worst for anchors
    return any(isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in _PAGE_EVENTS
               for node in tree.body)


def _plugin_names(plugins: Any) -> list[str]:
    if isinstance(plugins, Mapping):
        return [str(k) for k, v in plugins.items() if not (isinstance(v, Mapping) and v.get("enabled") is False)]
    out = []
    for item in plugins or []:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, Mapping):
            for k, v in item.items():
                if not (isinstance(v, Mapping) and v.get("enabled") is False):
                    out.append(str(k))
    return out


def _plugin_changes_pages(name: str) -> bool:
    try:
        from mkdocs.plugins import BasePlugin
    except ImportError:  # no engine installed: only the search plugins are known not to change pages
        return name not in ("search", "material/search")
    entry = next((e for e in metadata.entry_points(group="mkdocs.plugins") if e.name == name), None)
    if entry is None:
        return True  # not installed: MkDocs will refuse it; nothing can be said about its ids
    try:
        cls = entry.load()
    except Exception:  # noqa: BLE001 - a plugin that cannot import is MkDocs' error to report
        return True
    return any(getattr(cls, event, None) is not getattr(BasePlugin, event, None) for event in _PAGE_EVENTS)
