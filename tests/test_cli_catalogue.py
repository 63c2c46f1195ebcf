"""Every catalogue case that expects an error, through the real command line in a subprocess.

The command must exit 1, name each expected error as ``docs/<path>:<line>:`` and never print a traceback.
The subprocesses run in parallel once per session; each case is then its own test.
"""

from __future__ import annotations

import os
import posixpath
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from healthguide.catalogue import CATALOGUE
from healthguide.findings import Severity
from support import CASES, Case, build_fixture, expected_findings, load_cases, run_cli

FAMILIES = sorted(p.stem for p in CASES.glob("*.yaml"))


def _errors(case: Case) -> set[tuple[str, int, str]]:
    return {item for item in expected_findings(Path("."), case)
            if item[2] in CATALOGUE and CATALOGUE[item[2]].severity is Severity.ERROR}


ERROR_CASES = [(family, case) for family in FAMILIES for case in load_cases(family) if _errors(case)]


@pytest.fixture(scope="session")
def cli_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, subprocess.CompletedProcess[str]]]:
    projects = {f"{family}:{case.name}": build_fixture(tmp_path_factory.mktemp("cli"), case) for family, case in ERROR_CASES}
    with ThreadPoolExecutor(max_workers=max(2, min(8, (os.cpu_count() or 2) * 2))) as pool:
        futures = {key: pool.submit(run_cli, project, "check") for key, project in projects.items()}
        return {key: (projects[key], future.result()) for key, future in futures.items()}


@pytest.mark.parametrize(("family", "case"), ERROR_CASES, ids=[f"{f}:{c.name}" for f, c in ERROR_CASES])
def test_cli_reports_case(cli_runs, family: str, case: Case) -> None:  # type: ignore[no-untyped-def]
    project, done = cli_runs[f"{family}:{case.name}"]
    output = done.stdout + done.stderr
    assert "Traceback" not in output, output
    assert done.returncode == 1, output
    for path, line, code in sorted(_errors(case)):
        shown = posixpath.normpath(f"docs/{path}")
        assert any(row.startswith(f"{shown}:{line}:") and f" {code} " in row for row in done.stdout.splitlines()), \
            f"{shown}:{line} {code} not in output:\n{output}"
