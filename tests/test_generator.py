"""The package as another team gets it: a wheel, installed into a fresh virtualenv, starting a guide of its own.

The wheel is built from a copy of the sources (``pip wheel --no-build-isolation``, setuptools from the test
lock), installed into a new virtualenv with only its pinned dependencies (``requirements/build.txt``, hashed,
from the wheels ``make test-deps`` downloads: no network here), and then: ``healthguide init NEW``,
``mkdocs build --strict`` and ``healthguide check`` in NEW fail on the placeholders and on nothing else,
and pass once a scripted fixture has replaced them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
import yaml

import healthguide
from healthguide.commands import init as starter
from healthguide.theme.package import package_dir
from support import ROOT, TODAY

WHEELHOUSE = ROOT / ".venv" / "wheelhouse"
CODE = re.compile(r"\b(?:error|warn(?:ing)?): (HG\d{3})\b")


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """A command with the environment a new team would have: no PYTHONPATH, no CI, today pinned."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "GITHUB_ACTIONS", "VIRTUAL_ENV")}
    env.update(HEALTHGUIDE_TODAY=TODAY.isoformat(), NO_COLOR="1", NO_MKDOCS_2_WARNING="1")
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("src")     # a copy: building writes build/ and egg-info beside the sources
    shutil.copy(ROOT / "pyproject.toml", src)
    shutil.copytree(ROOT / "requirements", src / "requirements")
    shutil.copytree(ROOT / "scripts" / "healthguide", src / "scripts" / "healthguide",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    dist = tmp_path_factory.mktemp("dist")
    done = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", dist, src)
    assert done.returncode == 0, done.stdout + done.stderr
    (built,) = dist.glob("healthguide-*.whl")
    return built


@pytest.fixture(scope="module")
def bin_dir(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert WHEELHOUSE.is_dir(), "the build group's wheels are missing: run `make test-deps`"
    env = tmp_path_factory.mktemp("venv") / "env"
    venv.EnvBuilder(with_pip=True).create(env)
    pip = [env / "bin" / "python", "-m", "pip", "install", "--quiet", "--no-index", "--find-links", WHEELHOUSE]
    done = run(*pip, "--require-hashes", "-r", ROOT / "requirements" / "build.txt")
    assert done.returncode == 0, done.stderr
    done = run(*pip, "--no-deps", wheel)
    assert done.returncode == 0, done.stderr
    return env / "bin"


def codes(output: str) -> set[str]:
    return set(CODE.findall(output))


def test_the_wheel_carries_the_theme_and_the_starter(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    theme = {f"healthguide/theme/templates/{p.relative_to(package_dir()).as_posix()}" for p in package_dir().rglob("*") if p.is_file()}
    start = {f"healthguide/starter/{p.relative_to(starter.STARTER).as_posix()}" for p in starter.STARTER.rglob("*") if p.is_file()}
    assert theme and start and not (theme | start) - names, sorted((theme | start) - names)
    metadata = zipfile.ZipFile(wheel).read(f"healthguide-{healthguide.__version__}.dist-info/METADATA").decode()
    assert f"Version: {healthguide.__version__}" in metadata and "Classifier: Framework :: MkDocs" in metadata
    assert "healthguide init" in metadata, "the package README (for adopting teams) is the wheel's description"


def test_version_is_the_packages(bin_dir: Path) -> None:
    done = run(bin_dir / "healthguide", "--version")
    assert done.stdout.strip() == f"healthguide {healthguide.__version__}", done.stdout + done.stderr


def test_a_new_guide_fails_only_on_its_placeholders_then_passes(bin_dir: Path, tmp_path: Path) -> None:
    guide = tmp_path / "new-guide"
    done = run(bin_dir / "healthguide", "init", guide)
    assert done.returncode == 0, done.stderr
    assert (guide / "mkdocs.yml").is_file() and not (guide / "overrides").exists(), "the theme comes from the package"

    check = run(bin_dir / "healthguide", "check", cwd=guide)
    built = run(bin_dir / "mkdocs", "build", "--strict", cwd=guide)
    for result in (check, built):
        assert result.returncode == 1, result.stdout + result.stderr
        assert "Traceback" not in result.stderr
        assert codes(result.stdout + result.stderr) == set(starter.EXPECTED), result.stdout + result.stderr

    fill_in(guide)
    check = run(bin_dir / "healthguide", "check", "--strict", cwd=guide)
    assert check.returncode == 0, check.stdout + check.stderr
    built = run(bin_dir / "mkdocs", "build", "--strict", cwd=guide)
    assert built.returncode == 0, built.stderr[-4000:]
    gate = run(bin_dir / "healthguide", "check", "--built", "site", cwd=guide)
    assert gate.returncode == 0, gate.stdout + gate.stderr
    page = (guide / "site" / "topic" / "first-article" / "index.html").read_text(encoding="utf-8")
    assert "hg-disclaimer--top" in page and "Not yet clinically reviewed" in page and 'id="when-to-get-help"' in page
    for asset in ("healthguide.css", "healthguide.js", "self-check.js"):
        assert (guide / "site" / "assets" / asset).is_file() and f"assets/{asset}" in page


def test_init_refuses_a_folder_that_is_not_empty(bin_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("ours\n", encoding="utf-8")
    done = run(bin_dir / "healthguide", "init", tmp_path)
    assert done.returncode == 1 and "is not empty; nothing was written" in done.stderr, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    (tmp_path / "file").write_text("", encoding="utf-8")
    done = run(bin_dir / "healthguide", "init", tmp_path / "file")
    assert done.returncode == 1 and "is a file" in done.stderr and "Traceback" not in done.stderr


def test_the_starter_workflow_pins_what_ours_pin() -> None:
    """Actions pinned by commit, at the releases this repository's own workflows use (Dependabot updates ours)."""
    ours = {m.group(1): m.group(0) for path in (ROOT / ".github" / "workflows").glob("*.yml")
            for m in re.finditer(r"uses: ([\w.-]+/[\w.-]+)@[0-9a-f]{40} # v[\d.]+", path.read_text(encoding="utf-8"))}
    text = (starter.STARTER / ".github" / "workflows" / "check.yml").read_text(encoding="utf-8")
    pins = re.findall(r"uses: ([\w.-]+/[\w.-]+)@\S+ # v[\d.]+", text)
    assert pins and all(re.search(rf"uses: {re.escape(p)}@[0-9a-f]{{40}} # v", text) for p in pins)
    for action in pins:
        assert ours.get(action) and ours[action] in text, f"{action}: pin it as .github/workflows/ does"
    assert "persist-credentials: false" in text and "timeout-minutes:" in text and "${{" not in text


# -- the scripted fixture: what a team would write in place of the placeholders ---------------------------------

SOURCES = ("nice2016low", "qaseem2017noninvasive", "hartvigsen2018what", "foster2018prevention")
SIGNS = ("bladder", "calf", "not-improving")

PILLAR = """---
title: Low back pain
description: What low back pain is, how it usually goes, and what guidelines advise doing about it.
type: pillar
authors: [editorial-team]
last_reviewed: {today}
---

!!! key-points "Key points"

    - Low back pain is common, and for most people no single cause is found [@hartvigsen2018what].
    - Guidelines advise staying active, with exercise as the main treatment [@nice2016low].
    - Some signs need help today, or at once: see [when to get help](#when-to-get-help).

<!-- healthguide:care topic/index.md -->

## How it usually goes

Most new bouts of back pain get better soon, but the pain often comes back [@hartvigsen2018what].
Guidelines put advice, normal activity and exercise first [@foster2018prevention]. For pain that has
lasted a long time, one guideline lists exercise, yoga and tai chi among the first things to try
[@qaseem2017noninvasive]. Read more in [staying active](first-article.md).
"""

SPOKE = """---
title: Staying active with back pain
description: Why guidelines advise keeping up your normal activities when your back hurts, and what helps.
type: spoke
pillar: topic/index.md
authors: [editorial-team]
last_reviewed: {today}
---

!!! key-points "Key points"

    - Guidelines advise keeping up your normal activities as far as you can [@nice2016low].
    - Exercise is one of the first things to try for pain that lasts [@qaseem2017noninvasive].
    - Some signs need help today, or at once: see [when to get help](#when-to-get-help).

<!-- healthguide:care topic/first-article.md -->

## What guidelines advise

Guidelines agree that help to manage the pain yourself comes first [@foster2018prevention]. They
also say to keep moving and to go back to your usual day as soon as you can [@nice2016low]. Most
bouts get better on their own [@hartvigsen2018what].

Back to [the overview](index.md).
"""


def fill_in(guide: Path) -> None:
    """Replace every placeholder the way an editor would: real sources, signs taken from our sourced data."""
    docs = guide / "docs"
    ours = yaml.safe_load((ROOT / "docs" / "references.yaml").read_text(encoding="utf-8"))["references"]
    refs = [entry for entry in ours if entry["id"] in SOURCES]
    (docs / "references.yaml").write_text(yaml.safe_dump({"references": refs}, sort_keys=False, allow_unicode=True),
                                          encoding="utf-8")
    care = yaml.safe_load((ROOT / "docs" / "care" / "warning-signs.yaml").read_text(encoding="utf-8"))
    signs = [dict(sign, pages="all") for sign in care["signs"] if sign["id"] in SIGNS]
    used = {source for sign in signs for source in sign["sources"]}
    data = {"levels": care["levels"], "signs": signs, "sources": {k: v for k, v in care["sources"].items() if k in used}}
    (docs / "care" / "warning-signs.yaml").write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
                                                      encoding="utf-8")
    (docs / "topic" / "index.md").write_text(PILLAR.format(today=TODAY.isoformat()), encoding="utf-8")
    (docs / "topic" / "first-article.md").write_text(SPOKE.format(today=TODAY.isoformat()), encoding="utf-8")
    home = (docs / "index.md").read_text(encoding="utf-8")
    home = home.replace("TODO say in one or two plain sentences what this guide covers and who it is for.",
                        "Plain-English information about low back pain, for adults who have it.")
    home = re.sub(r"TODO: welcome the reader[^\n]*\n[^\n]*\n", "This guide is about low back pain. It does not replace "
                  "advice from a health professional.\n", home)
    home = home.replace("TODO say in a few words what the overview covers.", "what it is and how it usually goes.")
    (docs / "index.md").write_text(home.replace("The first topic", "Low back pain"), encoding="utf-8")
    privacy = docs / "about" / "privacy.md"
    privacy.write_text(privacy.read_text(encoding="utf-8").replace(
        "TODO: name the service that hosts this site, what it keeps and for how long.",
        "This copy is built by a test and is not hosted anywhere."), encoding="utf-8")
    assert not starter_placeholders(guide), starter_placeholders(guide)


def starter_placeholders(guide: Path) -> list[str]:
    return [p.relative_to(guide).as_posix() for p in (guide / "docs").rglob("*") if p.is_file()
            and re.search(r"\bTODO\b", p.read_text(encoding="utf-8"))]
