"""Conformance on real MkDocs sites: the checker's link findings are exactly what MkDocs' own HTML breaks.

Each tree under tests/conformance/ is a trimmed copy of a public site's docs (MkDocs', Material's),
with defects planted on top (tests/conformance/plants.py). MkDocs builds it; every id and link target
in the HTML it writes is the oracle (tests/conformance/harness.py). Both paths are judged against it:
the CLI (``check_site``, offline) and the plugin (a real ``mkdocs build`` with ``healthguide``).
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from support import ROOT, run_cli

sys.path.insert(0, str(ROOT / "tests" / "conformance"))

import harness  # noqa: E402
import plants  # noqa: E402

from healthguide.core import Result, check_site  # noqa: E402

ERRORS = {"HG301", "HG302", "HG303", "HG305"}


@dataclass
class Run:
    tree: Path
    oracle: harness.Oracle
    expected: dict[str, dict[int, str]]
    cli: Result
    plugin: Any


def _plugin_build(config_file: Path, site_dir: Path) -> Any:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(config_file), site_dir=str(site_dir))
    try:
        build(config)
    except Exception as err:  # noqa: BLE001 - the plugin fails the build on errors, as it should
        assert "BuildError" in str(err) or "healthguide" in str(err), err
    return config.plugins["healthguide"]


@pytest.fixture(scope="module", params=harness.TREES)
def run(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Run:
    tmp = tmp_path_factory.mktemp(request.param)
    tree = harness.copy_tree(request.param, tmp)
    expected = plants.plant(request.param, tree)
    oracle = harness.build_oracle(tree / "mkdocs.yml", tmp / "oracle-site")
    config = harness.with_plugin(tree)
    cli = check_site(config, use_cache=False)
    plugin = _plugin_build(config, tmp / "plugin-site")
    yield Run(tree, oracle, expected, cli, plugin)
    shutil.rmtree(tmp, ignore_errors=True)


def test_oracle_sees_the_planted_defects(run: Run) -> None:
    planted = {(page, line) for page, marks in run.expected.items() for line, what in marks.items() if what == "broken"}
    assert len(planted) >= 6
    assert run.oracle.broken, "the oracle found nothing broken: the plants did not reach the built HTML"


def test_plugin_findings_are_exactly_the_oracle(run: Run) -> None:
    found = harness.checker_keys(run.plugin.site, run.plugin.findings)
    assert not [f for f in run.plugin.findings if f.code == "HG306"], "the build sees every id: it never says 'not verified'"
    assert set(found) - run.oracle.broken == set(), "false alarms"
    assert run.oracle.broken - set(found) == set(), "misses"


def test_cli_findings_are_the_oracle_or_honest_notes(run: Run) -> None:
    errors = harness.checker_keys(run.cli.site, run.cli.findings, ERRORS)
    everything = harness.checker_keys(run.cli.site, run.cli.findings)
    assert set(errors) - run.oracle.broken == set(), "false alarms"
    assert run.oracle.broken - set(everything) == set(), "misses"
    if not run.cli.site.build_changers:
        assert set(errors) == run.oracle.broken
        assert not [f for f in run.cli.findings if f.code == "HG306"]


def test_planted_defects_at_their_lines_on_both_paths(run: Run) -> None:
    for page, marks in run.expected.items():
        for line, what in sorted(marks.items()):
            cli = sorted(f.code for f in run.cli.findings if (f.path, f.line) == (page, line) and f.code in harness.LINK_CODES)
            plugin = sorted(f.code for f in run.plugin.findings if (f.path, f.line) == (page, line) and f.code in harness.LINK_CODES)
            if what == "ok":
                assert (cli, plugin) == ([], []), f"{page}:{line} is valid (or code) but was reported"
            else:
                assert cli and plugin, f"{page}:{line}: planted defect missed (cli {cli}, plugin {plugin})"
                assert len(cli) == len(plugin)
                assert all(c == p or (c, p) == ("HG306", "HG302") for c, p in zip(cli, plugin, strict=True)), (cli, plugin)


def test_anchor_ids_are_the_built_html_ids(run: Run) -> None:
    """Renderer-true anchors: the ids the build path knows for a page are the ids in MkDocs' HTML of it."""
    for page, ids in run.oracle.content_ids.items():
        assert set(run.plugin.site.pages[page].anchors) == ids, page
    changed = {p for p in run.oracle.content_ids if "<!-- md:" in (run.tree / "docs" / p).read_text(encoding="utf-8")}
    for page, ids in run.oracle.content_ids.items():
        if not run.cli.site.build_changers or page not in changed:  # offline, a hook's ids cannot be seen
            assert set(run.cli.site.pages[page].anchors) == ids, page


def test_cli_exit_code_and_no_traceback(run: Run) -> None:
    done = run_cli(run.tree, "check", "--config-file", "healthguide.yml", "--no-cache")
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert "[@" not in done.stdout, "hints must come from the checked site, not the health guide"
