"""Building the real docs/ with each engine (MkDocs 1.6, ProperDocs, Zensical), for the matrix and browser tests.

Imported as ``enginesupport`` (pytest's ``pythonpath = ["tests"]``). Every engine builds the same copy of the
project; Zensical runs no plugin, so its build is followed by ``healthguide finish``, as `make site` does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from support import ROOT, TODAY

ENGINES = ("mkdocs", "properdocs", "zensical")
ENV = {**os.environ, "HEALTHGUIDE_TODAY": TODAY.isoformat(), "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}


def project_copy(dest: Path) -> Path:
    """The site's sources (docs/, the site's own theme overrides, assets, mkdocs.yml) copied to ``dest``, unchanged."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("docs", "overrides", "assets"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, dest / name)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=cwd, env=ENV, capture_output=True, text=True, timeout=900)


def build(engine: str, project: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """A strict build of ``project`` with ``engine`` into ``out``; asserts it succeeded."""
    if engine == "zensical":
        # Zensical writes to mkdocs.yml's site_dir (site/ in the project) and has no -d option.
        shutil.rmtree(project / "site", ignore_errors=True)
        staged = run(["-m", "healthguide", "stage"], project)   # the packaged theme, as the plugin adds it
        assert staged.returncode == 0, staged.stderr
        done = run(["-m", "zensical", "build", "--strict", "-f", ".healthguide-engine.yml"], project)
        assert done.returncode == 0, f"zensical: {done.stdout[-3000:]}{done.stderr[-3000:]}"
        finished = run(["-m", "healthguide", "finish", "site"], project)
        assert finished.returncode == 0, finished.stderr
        shutil.rmtree(out, ignore_errors=True)
        shutil.move(str(project / "site"), str(out))
        return done
    done = run(["-m", engine, "build", "--strict", "-q", "-f", "mkdocs.yml", "-d", str(out)], project)
    assert done.returncode == 0, f"{engine}: {done.stderr[-3000:]}"
    return done
