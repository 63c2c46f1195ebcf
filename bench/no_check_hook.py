"""A MkDocs hook for the ``mkdocs-plugin-nocheck`` bench tool: the plugin's build with its check taken out.

The plugin runs the command line's check in a process beside MkDocs' render (``healthguide.beside``). This hook,
imported when MkDocs reads the configuration, stops that process from starting and has the build collect no
findings, so the build keeps everything else of the plugin: the site's markup (citation markers, previews,
reference lists, external-link rel), the theme's data from front matter, the templates, the CSP hashes and the
built-page check. Against ``mkdocs-plugin`` it measures what the check itself costs MkDocs' build; against
``mkdocs-plain`` what the site's own features cost. It defines no page event, so the plugin still runs its check
beside the render (``healthguide.load.sitefacts.build_time_changers``). Never for a real site: it hides every finding.
"""

from __future__ import annotations

import datetime as dt

from healthguide import beside


def _no_check(config_file: str, today: dt.date | None) -> beside.Checked:
    return beside.Checked(None, [])  # type: ignore[arg-type]   # the plugin only keeps the model for tools


beside.BesideCheck.start = lambda self: None   # type: ignore[method-assign]
beside.check_for_build = _no_check
