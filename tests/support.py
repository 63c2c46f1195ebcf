"""Shared test helpers: fixture sites built from a clean base plus per-case overlays.

Imported as ``support`` (pytest's ``pythonpath = ["tests"]`` in pyproject.toml); the package under
test is the installed ``healthguide``, never a path added by hand.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from healthguide.theme.package import package_dir

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "tests" / "fixtures" / "base"
CASES = ROOT / "tests" / "cases"
TODAY = dt.date(2026, 11, 23)
MARKER = re.compile(r"(?:<!--\s*expect:\s*([A-Z0-9 ,]+?)\s*-->|#\s*expect:\s*([A-Z0-9 ,]+?)\s*$)")


@dataclass
class Case:
    name: str
    files: dict[str, Any]
    remove: list[str]
    config: dict[str, Any]
    expect: list[str]
    raw_files: dict[str, str]       # binary or odd content: path -> a Python bytes literal
    mkdocs_append: str = ""        # extra mkdocs.yml lines (e.g. a nav)
    symlinks: dict[str, str] | None = None   # link path -> target, as written into the link

    @property
    def id(self) -> str:
        return self.name


def load_cases(family: str) -> list[Case]:
    data = yaml.safe_load((CASES / f"{family}.yaml").read_text(encoding="utf-8")) or []
    return [Case(c["name"], c.get("files") or {}, c.get("remove") or [], c.get("config") or {},
                 c.get("expect") or [], c.get("bytes") or {}, c.get("mkdocs_append") or "",
                 c.get("symlinks") or {}) for c in data]


def build_fixture(tmp_path: Path, case: Case | None = None) -> Path:
    """Copy the clean base site and apply a case's overlays. Returns the project dir."""
    project = tmp_path / "project"
    shutil.copytree(BASE, project)
    config_path = project / "mkdocs.yml"
    config = config_path.read_text(encoding="utf-8")
    config = config.replace("../../../overrides", str(ROOT / "overrides"))
    if case is not None:
        for rel in case.remove:
            (project / rel).unlink()
        for rel, content in case.files.items():
            target = project / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content.encode("utf-8") if isinstance(content, str) else bytes(content))
        for rel, literal in case.raw_files.items():
            target = project / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(eval(literal, {"__builtins__": {}}))  # noqa: S307 - test data: bytes literals
        for rel, points_to in (case.symlinks or {}).items():
            (project / rel).parent.mkdir(parents=True, exist_ok=True)
            os.symlink(points_to.replace("$ROOT", str(ROOT)), project / rel)
        if case.config:
            plugin = yaml.safe_dump({"healthguide": {"min_sources": 2, **case.config}}, default_flow_style=True).strip()
            config = config.replace("  - healthguide:\n      min_sources: 2\n", f"  - {plugin[1:-1]}\n")
    if case is not None and case.mkdocs_append:
        config += "\n" + case.mkdocs_append
    config_path.write_text(config, encoding="utf-8")
    # A file of the site's own under docs/assets/ (the packaged theme's stylesheet, copied).
    (project / "docs" / "assets").mkdir(exist_ok=True)
    shutil.copy(package_dir() / "assets" / "healthguide.css", project / "docs" / "assets" / "healthguide.css")
    return project


def stage_theme(target: Path) -> Path:
    """The packaged theme with this guide's overrides/ on top, in one folder: a `custom_dir` for a build without the plugin."""
    shutil.copytree(package_dir(), target)
    shutil.copytree(ROOT / "overrides", target, dirs_exist_ok=True)
    return target


def expected_findings(project: Path, case: Case) -> set[tuple[str, int, str]]:
    """Markers on offending lines (`<!-- expect: HG301 -->`, `# expect: HG103`) plus explicit `path:line CODE`."""
    out: set[tuple[str, int, str]] = set()
    for rel, content in case.files.items():
        if not isinstance(content, str) or not rel.startswith("docs/"):
            continue
        for number, line in enumerate(content.replace("\r\n", "\n").split("\n"), start=1):
            for m in MARKER.finditer(line):
                for code in re.split(r"[ ,]+", (m.group(1) or m.group(2)).strip()):
                    out.add((rel[len("docs/"):], number, code))
    for item in case.expect:
        where, code = item.rsplit(" ", 1)
        path, line = where.rsplit(":", 1)
        out.add((path, int(line), code))
    return out


def run_cli(project: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "HEALTHGUIDE_TODAY": TODAY.isoformat(), **(env or {})}
    full_env.pop("GITHUB_ACTIONS", None) if not env or "GITHUB_ACTIONS" not in env else None
    return subprocess.run([sys.executable, "-m", "healthguide", *args], cwd=project, env=full_env,
                          capture_output=True, text=True, timeout=300)


SNAPSHOTS = ROOT / "tests" / "snapshots"
UPDATE = os.environ.get("UPDATE_SNAPSHOTS") == "1"


def _sections(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    parts = re.split(r"^# (.+)$\n", path.read_text(encoding="utf-8"), flags=re.MULTILINE)
    return {parts[i]: parts[i + 1].strip("\n") for i in range(1, len(parts), 2)}


def snapshot(family: str, name: str, text: str) -> None:
    """Compare ``text`` with the golden section ``name`` of tests/snapshots/<family>.txt (UPDATE_SNAPSHOTS=1 rewrites it)."""
    path = SNAPSHOTS / f"{family}.txt"
    text = text.replace(ROOT.as_posix(), "<ROOT>")   # the same snapshot in every checkout
    sections = _sections(path)
    if UPDATE:
        sections[name] = text
        order = [c.name for c in load_cases(family)]
        path.parent.mkdir(exist_ok=True)
        path.write_text("".join(f"# {n}\n{sections[n]}\n\n" for n in order if n in sections).rstrip("\n") + "\n",
                        encoding="utf-8")
        return
    assert name in sections, f"no snapshot for {family}: {name}; run with UPDATE_SNAPSHOTS=1 and review the diff"
    assert text == sections[name], (f"findings differ from tests/snapshots/{family}.txt ({name}); if the change is "
                                    f"intended, run with UPDATE_SNAPSHOTS=1 and review the diff.\ngot:\n{text}")
