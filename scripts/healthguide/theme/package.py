"""Where the packaged theme lives, and how a MkDocs configuration finds it.

The templates, partials, CSS and JavaScript every health guide needs ship inside the package, in
``healthguide/theme/templates/``. MkDocs searches ``theme.dirs`` in order, so the folder goes after the
site's own ``custom_dir`` (the site's ``overrides/`` still replaces or extends any of it) and before
Material's (our ``main.html`` extends Material's ``base.html``). Files in that folder that are not
templates (``assets/``) are copied into the built site by MkDocs, like any theme's static files, unless
the site's ``docs/`` has a file of the same name.

:func:`package_dir` is the one lookup of the folder: the plugin uses it, and so does anything that must
stage the theme without the plugin (an engine that runs no plugins).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

# Linked from every page, in this order, after the site's own extra_css / extra_javascript.
STYLESHEETS = ("assets/healthguide.css",)
SCRIPTS = ("assets/healthguide.js", "assets/self-check.js")


def package_dir() -> Path:
    """The packaged theme folder: templates, ``partials/`` and ``assets/``."""
    return Path(__file__).resolve().parent / "templates"


def add_to_config(config: Any) -> None:
    """Put the packaged theme into a MkDocs configuration (idempotent: ``serve`` may call it again).

    After ``custom_dir`` when the site has one, else first; the assets go into ``extra_css`` and
    ``extra_javascript`` unless the site lists them already.
    """
    theme = config["theme"]
    folder = str(package_dir())
    if folder not in theme.dirs:
        custom = theme.custom_dir
        at = 1 if custom and theme.dirs and Path(theme.dirs[0]) == Path(custom) else 0
        theme.dirs.insert(at, folder)
    css, scripts = unlisted([*map(str, config["extra_css"]), *map(str, config["extra_javascript"])])
    config["extra_css"].extend(css)
    config["extra_javascript"].extend(scripts)   # MkDocs' script_tag takes a plain path too


def unlisted(listed: Iterable[str]) -> tuple[list[str], list[str]]:
    """The packaged stylesheets and scripts a site does not list yet, in their order."""
    have = set(listed)
    return [n for n in STYLESHEETS if n not in have], [n for n in SCRIPTS if n not in have]


def custom_dir(raw_config: Mapping[str, Any]) -> str | None:
    """The theme's ``custom_dir`` as mkdocs.yml writes it (relative to that file), or None."""
    theme = raw_config.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, Mapping) else None
    return str(custom) if custom else None


def listed_assets(raw_config: Mapping[str, Any]) -> list[str]:
    """The paths mkdocs.yml lists under ``extra_css`` and ``extra_javascript`` (plain or ``- path:`` form)."""
    return [str(item.get("path") if isinstance(item, Mapping) else item)
            for key in ("extra_css", "extra_javascript") for item in raw_config.get(key) or ()]

STAGED_THEME = ".healthguide-theme"        # next to mkdocs.yml; git-ignored, rewritten by every stage()
STAGED_CONFIG = ".healthguide-engine.yml"


def stage(config_path: Path, raw_config: Mapping[str, Any]) -> Path:
    """For an engine that runs no plugin (Zensical): the theme and configuration the plugin would have made.

    Writes, next to ``config_path``, the packaged theme with the site's ``custom_dir`` copied over it (so a
    site's overrides still win) and a configuration that inherits ``config_path`` (``INHERIT``, read by
    MkDocs and Zensical alike), points ``custom_dir`` at that folder and links the assets the site does not
    list yet (lists are merged, so only the missing ones go in). Returns the staged configuration's path.
    """
    root = config_path.parent
    theme = root / STAGED_THEME
    shutil.rmtree(theme, ignore_errors=True)
    shutil.copytree(package_dir(), theme)
    custom = custom_dir(raw_config)
    if custom and (root / custom).is_dir():
        shutil.copytree(root / custom, theme, dirs_exist_ok=True)
    config: dict[str, Any] = {"INHERIT": config_path.name, "theme": {"custom_dir": STAGED_THEME}}
    css, scripts = unlisted(listed_assets(raw_config))
    if css:
        config["extra_css"] = css
    if scripts:
        config["extra_javascript"] = scripts
    staged = root / STAGED_CONFIG
    staged.write_text("# Written by `healthguide stage` for an engine that runs no plugin; do not edit.\n"
                      + yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return staged
