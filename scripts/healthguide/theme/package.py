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

from pathlib import Path
from typing import Any

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
    for name in STYLESHEETS:
        if name not in config["extra_css"]:
            config["extra_css"].append(name)
    listed = {str(item) for item in config["extra_javascript"]}
    for name in SCRIPTS:
        if name not in listed:
            config["extra_javascript"].append(name)   # MkDocs' script_tag takes a plain path too
