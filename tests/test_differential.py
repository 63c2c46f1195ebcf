"""One gate: every case gives the same findings through the CLI, a real `mkdocs build`, and a
`serve --dirty`-style rebuild after an edit (same codes, paths, lines, columns, messages and hints).
The first build has no page cache, so the plugin judges MkDocs' render; the builds after `check` run the
command line's check beside the render (healthguide.beside) where nothing in the build edits pages.

The builds run in-process through MkDocs' own API (``load_config`` + ``build``), the way `mkdocs
build` and `mkdocs serve --dirty` call it; the plugin object survives between the two builds as it
does under `serve`. Cases MkDocs itself cannot build are listed with the reason.
"""

from __future__ import annotations

import logging
import os
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from healthguide.catalogue import CATALOGUE, Stage
from support import CASES, TODAY, Case, build_fixture, load_cases

FAMILIES = sorted(p.stem for p in CASES.glob("*.yaml"))
ALL_CASES = [(family, case) for family in FAMILIES for case in load_cases(family)]
BUILT = {c.code for f in CATALOGUE.families if f.stage is Stage.BUILT for c in f.codes}

# MkDocs stops before our plugin can report (the CLI reports these; test_cli_catalogue holds it to that).
HOST_CANNOT_BUILD = {
    "loader:markdown extension that cannot be loaded": "MkDocs refuses the configuration before any plugin runs",
    "loader:renderer that fails on a page": "pymdownx.snippets raises inside MkDocs' own page rendering",
    "loader:symbolic folder link that loops back": "MkDocs follows folder links, so it walks the loop",
}
EDITED = "index.md"
# Offline the CLI cannot run the site's hooks and plugins, so an id one of them may add is "not verified"
# (HG306, info); the build runs them and sees the id. Only this code may be on the CLI side alone.
OFFLINE_ONLY = {"HG306"}

Row = tuple[str, int, int, str, str, str]


def _rows(found: list) -> set[Row]:  # type: ignore[type-arg]
    return {(f.path, f.line, f.col, f.code, f.message, f.hint) for f in found if f.code not in BUILT}


def _cli(project: Path) -> set[Row]:
    from healthguide.core import check_site
    return _rows(check_site(project / "mkdocs.yml", TODAY).findings)


def _mkdocs(project: Path, *, command: str, dirty: bool) -> set[Row]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    config.plugins.on_startup(command=command, dirty=dirty)
    try:
        build(config, dirty=dirty)
    except Abort:
        pass  # the plugin fails the build on errors, after reporting them
    return _rows(config.plugins["healthguide"].findings)


def _run(key: str, project: Path) -> dict[str, set[Row]]:
    os.environ["HEALTHGUIDE_TODAY"] = TODAY.isoformat()
    logging.getLogger("mkdocs").setLevel(logging.CRITICAL)
    cold = _mkdocs(project, command="build", dirty=False)   # before any check: judged from MkDocs' render
    out = {"build, cold": cold, "cli": _cli(project), "build": _mkdocs(project, command="build", dirty=False)}
    page = project / "docs" / EDITED
    if page.is_file():
        # `serve --dirty`: the same plugin object rebuilds only the edited page; the rest come from its memory.
        page.write_bytes(page.read_bytes() + b"\nA sentence added while the preview was running.\n")
        later = time.time() + 5
        os.utime(page, (later, later))
        out["cli after edit"] = _cli(project)
        out["serve --dirty after edit"] = _mkdocs(project, command="serve", dirty=True)
    return out


@pytest.fixture(scope="session")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, set[Row]]]:
    pytest.importorskip("mkdocs")
    todo = {f"{family}:{case.name}": build_fixture(tmp_path_factory.mktemp("diff"), case)
            for family, case in ALL_CASES if f"{family}:{case.name}" not in HOST_CANNOT_BUILD}
    with ProcessPoolExecutor(max_workers=2) as pool:
        futures = {key: pool.submit(_run, key, project) for key, project in todo.items()}
        return {key: future.result() for key, future in futures.items()}


@pytest.mark.parametrize(("family", "case"), ALL_CASES, ids=[f"{f}:{c.name}" for f, c in ALL_CASES])
def test_same_findings_on_every_path(runs, family: str, case: Case) -> None:  # type: ignore[no-untyped-def]
    key = f"{family}:{case.name}"
    if key in HOST_CANNOT_BUILD:
        pytest.skip(HOST_CANNOT_BUILD[key])
    got = runs[key]
    cli, cli_after = _as_built(got["cli"]), _as_built(got.get("cli after edit", set()))
    assert got["build"] == cli, _diff(cli, got["build"])
    assert got["build, cold"] == cli, _diff(cli, got["build, cold"])
    if "serve --dirty after edit" in got:
        assert got["serve --dirty after edit"] == cli_after, _diff(cli_after, got["serve --dirty after edit"])


def _as_built(rows: set[Row]) -> set[Row]:
    """The CLI's rows a build must reproduce: all but the offline-only ones (a build never reports those)."""
    return {r for r in rows if r[3] not in OFFLINE_ONLY}


def _diff(cli: set[Row], other: set[Row]) -> str:
    lines = [f"only CLI:   {r[0]}:{r[1]}:{r[2]} {r[3]} {r[4]}" for r in sorted(cli - other)]
    lines += [f"only MkDocs: {r[0]}:{r[1]}:{r[2]} {r[3]} {r[4]}" for r in sorted(other - cli)]
    return "\n".join(lines)
