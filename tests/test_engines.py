"""The site builds the same on MkDocs 1.6.1 and ProperDocs; the CLI needs neither engine."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT, TODAY, build_fixture

GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')


def build(project: Path, engine: str, out: Path) -> None:
    env = {**os.environ, "HEALTHGUIDE_TODAY": TODAY.isoformat()}
    done = subprocess.run([sys.executable, "-m", engine, "build", "--strict", "-q", "-f", "mkdocs.yml", "-d", str(out)],
                          cwd=project, capture_output=True, text=True, timeout=600, env=env)
    assert done.returncode == 0, f"{engine}: {done.stderr[-3000:]}"


def files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def article(html: str) -> str:
    m = re.search(r"<article\b.*?</article>", html, re.DOTALL)
    assert m, "no <article> in the page"
    return m.group(0)


def test_mkdocs_and_properdocs_build_the_same_pages(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs")
    pytest.importorskip("properdocs")
    project = build_fixture(tmp_path)
    build(project, "mkdocs", tmp_path / "mk")
    build(project, "properdocs", tmp_path / "pd")
    mk, pd = files(tmp_path / "mk"), files(tmp_path / "pd")
    assert mk == pd
    pages = sorted(p for p in mk if p.endswith(".html"))
    assert "topic/flat-feet/index.html" in pages
    for page in pages:
        a = GENERATOR.sub("", (tmp_path / "mk" / page).read_text(encoding="utf-8"))
        b = GENERATOR.sub("", (tmp_path / "pd" / page).read_text(encoding="utf-8"))
        if "<article" in a:
            assert article(a) == article(b), page
        assert a == b, f"{page} differs beyond the generator line"


def test_cli_works_without_any_engine(tmp_path: Path) -> None:
    project = build_fixture(tmp_path)
    code = ("import sys\n"
            "for name in ('mkdocs', 'properdocs', 'material'):\n"
            "    sys.modules[name] = None  # any import of an engine now fails\n"
            "from healthguide.cli import main\n"
            "sys.exit(main(['check']))\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=project, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "HEALTHGUIDE_TODAY": TODAY.isoformat()})
    assert done.returncode == 0, done.stderr
    assert "0 error(s)" in done.stdout
