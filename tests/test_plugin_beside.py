"""The plugin's two ways of judging a build give the command line's findings (healthguide.beside).

A real `mkdocs build` in-process, judged from MkDocs' render (as with one core: no page cache) and by the
command line's check beside the render, cold and after `check`, on a generated guide with planted defects
and on docs/; every build's HTML is the same. A hook that edits pages keeps the build on the render, where
the edit is seen.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from healthguide.catalogue import CATALOGUE, Stage
from healthguide.load.cores import usable_cores
from support import ROOT, TODAY

sys.path.insert(0, str(ROOT / "bench"))
import gen  # noqa: E402

SECOND_CORE = pytest.mark.skipif(usable_cores() < 2, reason="the check runs beside the render only with a second core")
BUILT = {c.code for f in CATALOGUE.families if f.stage is Stage.BUILT for c in f.codes}
Row = tuple[str, int, int, str, str, str]


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("HEALTHGUIDE_TODAY", TODAY.isoformat())
    monkeypatch.delenv("HEALTHGUIDE_NO_CACHE", raising=False)
    logging.getLogger("mkdocs").setLevel(logging.CRITICAL)
    yield


def _rows(found: list) -> set[Row]:  # type: ignore[type-arg]
    return {(f.path, f.line, f.col, f.code, f.message, f.hint) for f in found if f.code not in BUILT}


def _cli(config: Path) -> set[Row]:
    from healthguide.core import check_site
    return _rows(check_site(config, TODAY).findings)


def _build(config: Path, site: Path, waits: bool = False) -> tuple[str, set[Row], dict]:  # type: ignore[type-arg]
    """``waits``: beside the check, the theme's data is the check's model (a page the render did not read)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    mk = load_config(str(config), site_dir=str(site))
    mk.plugins.on_startup(command="build", dirty=False)
    try:
        build(mk)
    except Abort:
        pass  # errors fail the build after they are reported
    plugin = mk.plugins["healthguide"]
    assert plugin.theme_from == ("front matter" if plugin.mode == "beside" and not waits else "model")
    return plugin.mode, _rows(plugin.findings), plugin.contexts


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _both_ways(config: Path, tmp: Path, monkeypatch: pytest.MonkeyPatch, waits: bool = False) -> None:
    """The render, the check beside it cold and after ``check``: the CLI's findings, the same theme data and
    the same bytes in every built file (the theme's data beside the check comes from front matter alone)."""
    from healthguide.beside import BesideCheck

    shutil.rmtree(config.parent / ".healthguide-cache", ignore_errors=True)
    with monkeypatch.context() as one_core:
        one_core.setattr(BesideCheck, "can_run", staticmethod(lambda: False))
        render = _build(config, tmp / "render")
    shutil.rmtree(config.parent / ".healthguide-cache", ignore_errors=True)
    cold = _build(config, tmp / "cold", waits)      # the check beside the render, no page cache
    cli = _cli(config)                              # the page cache is the check's own
    warm = _build(config, tmp / "warm", waits)
    assert (render[0], cold[0], warm[0]) == ("render", "beside", "beside")
    for built in (render, cold, warm):
        assert built[1] == cli, sorted(built[1] ^ cli)
        assert built[2] == render[2]
    files = _files(tmp / "render")
    assert "index.html" in files
    for name in ("cold", "warm"):
        other = _files(tmp / name)
        assert other.keys() == files.keys()
        assert [p for p in files if files[p] != other[p]] == []


@SECOND_CORE
def test_generated_guide_with_defects(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    guide = tmp_path / "guide"
    truth = gen.generate(guide, 40, seed=1, defects=1)
    _both_ways(guide / "mkdocs.yml", tmp_path, monkeypatch)
    tokens = [d["token"] for d in truth["defects"]]
    assert tokens and all(any(t in row[4] for row in _cli(guide / "mkdocs.yml")) for t in tokens)


@SECOND_CORE
def test_real_docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "project"
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    _both_ways(project / "mkdocs.yml", tmp_path, monkeypatch)


HOOK = '''
def on_page_markdown(markdown, page, **kwargs):
    if page.file.src_uri == "index.md":
        return markdown + "\\n\\nSee [the added page](added-by-hook.md).\\n"
    return markdown
'''


def test_a_hook_that_edits_pages_keeps_the_render(tmp_path: Path) -> None:
    """What MkDocs renders is not what `check` reads: the build judges the render (the hook's link is seen)."""
    guide = tmp_path / "guide"
    gen.generate(guide, 20, seed=2, defects=0)
    (guide / "hook.py").write_text(HOOK, encoding="utf-8")
    config = guide / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks:\n  - hook.py\n", encoding="utf-8")
    cli = _cli(config)
    mode, built, _ = _build(config, tmp_path / "site")
    assert mode == "render"
    added = {r for r in built - cli if "added-by-hook.md" in r[4]}
    assert added and {r[3] for r in added} == {"HG301"}, sorted(built ^ cli)


def _external_by_urlsplit(href: str) -> bool:
    from urllib.parse import urlsplit
    try:
        parts = urlsplit(href.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") or (not parts.scheme and bool(parts.netloc))


@pytest.mark.parametrize("href", ["", "#a", "a.md", "../b/", "//x", " //x/y", "/\t/h", "\x00//x", "http://a", "HTTPS://a",
                                  "mailto:x", "h\ttps://x", "a//b", "?//x", "//", "#//x", "//[::1]/", "javascript:x"])
def test_external_link_quick_path_is_urlsplits_answer(href: str) -> None:
    from healthguide.load.mdext import is_external
    assert is_external(href) is _external_by_urlsplit(href)


SLUG_HOOK = '''
def on_config(config):
    config.mdx_configs.setdefault("toc", {})["slugify"] = lambda value, sep: "s-" + value.lower().replace(" ", sep)
    return config
'''

GENERATED_HOOK = '''
from mkdocs.structure.files import File

def on_files(files, config):
    files.append(File.generated(config, "made-at-build.md", content="# Made at build time\\n\\nA page no file holds.\\n"))
    return files
'''


def _guide_with_hook(tmp_path: Path, hook: str) -> Path:
    guide = tmp_path / "guide"
    gen.generate(guide, 20, seed=3, defects=0)
    (guide / "hook.py").write_text(hook, encoding="utf-8")
    config = guide / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks:\n  - hook.py\n", encoding="utf-8")
    return config


def test_a_hook_that_changes_the_extensions_keeps_the_render(tmp_path: Path) -> None:
    """An on_config that changes how headings get their ids: the build judges the ids MkDocs gives them."""
    config = _guide_with_hook(tmp_path, SLUG_HOOK)
    index = config.parent / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n## Part one\n\nSee [that part](#s-part-one).\n", encoding="utf-8")
    mode, built, _ = _build(config, tmp_path / "site")
    assert mode == "render"
    assert 'id="s-part-one"' in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert not {r for r in built if "s-part-one" in r[4]}, sorted(built)


def test_a_page_made_at_build_time_is_rendered_and_judged(tmp_path: Path) -> None:
    """A page with no file behind it (File.generated): no traceback, and the build judges the render."""
    config = _guide_with_hook(tmp_path, GENERATED_HOOK)
    mode, _, _ = _build(config, tmp_path / "site")
    assert mode == "render"
    assert (tmp_path / "site" / "made-at-build" / "index.html").is_file()


ODD_SPOKE = """---
title: "An odd spoke: citations where the theme's data might miss them"
description: Citations in a heading, a table, a note, a footnote and a code block.
type: spoke
pillar: topic-0000/index.md
related: [topic-0000/spoke-01.md, no-such-page.md, topic-0000/index.md]
authors: [editorial-team, nobody-we-know]
reviewed_by: nobody-we-know
last_reviewed: 2026-03-01
unknown_key: kept
---

## A heading that cites [@menz2013foot]

| What | Source |
|---|---|
| A row | A fact [@martin2014heel] |

!!! note "A note"

    A noted fact [@menz2013foot; @rathleff2015high].

A footnote's fact.[^1]

[^1]: Said in a footnote [@trojian2019plantar].

```text
Not a citation: [@in-a-code-block]
```

An unknown key [@no-such-reference].
"""


@SECOND_CORE
def test_theme_data_from_front_matter_is_the_models(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages the generator would never write: the theme's data taken from front matter and the render's
    citation keys is the data the check's model gives, page by page, and the HTML is byte for byte the same."""
    guide = tmp_path / "guide"
    gen.generate(guide, 20, seed=4, defects=0)
    docs = guide / "docs"
    (docs / "topic-0000" / "odd-spoke.md").write_text(ODD_SPOKE, encoding="utf-8")
    (docs / "topic-0000" / "broken-yaml.md").write_text("---\ntitle: [unclosed\ntype: spoke\n---\n\nText.\n",
                                                         encoding="utf-8")
    (docs / "topic-0000" / "latin1.md").write_bytes("---\ntitle: Caf\xe9\n---\n\nCaf\xe9.\n".encode("latin-1"))
    _both_ways(guide / "mkdocs.yml", tmp_path, monkeypatch)


@SECOND_CORE
def test_a_page_the_render_leaves_out_waits_for_the_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """MkDocs leaves out a README.md beside an index.md; the check's model holds it (a spoke whose citations count in
    its pillar's evidence summary), so the theme's data waits for the model, and the HTML is the same."""
    guide = tmp_path / "guide"
    gen.generate(guide, 20, seed=4, defects=0)
    readme = guide / "docs" / "topic-0000" / "README.md"
    readme.write_text(ODD_SPOKE.replace("An odd spoke", "A README"), encoding="utf-8")
    _both_ways(guide / "mkdocs.yml", tmp_path, monkeypatch, waits=True)


BROKEN_TEMPLATE = '{% extends "base.html" %}{% block content %}{{ page.title | no_such_filter }}{% endblock %}\n'


@SECOND_CORE
def test_a_build_that_fails_after_on_env_still_reports_the_check(tmp_path: Path) -> None:
    """A template error after the theme's data was made: the check's findings are logged all the same, and its
    process does not outlive the build."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    guide = tmp_path / "guide"
    truth = gen.generate(guide, 20, seed=6, defects=1)
    (guide / "overrides" / "main.html").write_text(BROKEN_TEMPLATE, encoding="utf-8")
    mk = load_config(str(guide / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    mk.plugins.on_startup(command="build", dirty=False)
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger("mkdocs.plugins.healthguide")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        with pytest.raises(Exception, match="no_such_filter"):
            build(mk)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(logging.NOTSET)
    plugin = mk.plugins["healthguide"]
    assert plugin.mode == "beside" and plugin.beside is None
    logged = "\n".join(r.getMessage() for r in records)
    assert all(d["token"] in logged for d in truth["defects"]), logged


def _descendants(pid: int) -> set[int]:
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":   # a zombie has ended: only its parent's wait is left
            parents[int(stat.parent.name)] = int(fields[1])
    found, todo = set(), [pid]
    while todo:
        here = todo.pop()
        kids = {p for p, parent in parents.items() if parent == here}
        found |= kids
        todo.extend(kids)
    return found


@SECOND_CORE
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process tree from /proc")
def test_a_check_stopped_early_leaves_no_process(tmp_path: Path) -> None:
    """``close`` on a check still parsing (a failed build, ``serve``'s next build) ends it and its parse workers."""
    import time

    from healthguide.beside import BesideCheck
    from healthguide.load.loader import POOL_THRESHOLD

    guide = tmp_path / "guide"
    gen.generate(guide, POOL_THRESHOLD + 200, seed=7, defects=0)
    before = _descendants(os.getpid())
    check = BesideCheck(str(guide / "mkdocs.yml"), TODAY)
    check.start()
    deadline = time.monotonic() + 30
    while len(_descendants(os.getpid()) - before) < 3 and time.monotonic() < deadline:   # the check and 2 workers
        time.sleep(0.05)
    started = _descendants(os.getpid()) - before
    try:
        assert len(started) >= 3
        check.close()
        deadline = time.monotonic() + 10
        while _alive(started) and time.monotonic() < deadline:   # an orphan is no descendant: ask after each pid
            time.sleep(0.05)
        assert _alive(started) == set()
    finally:   # a process left behind would hold pytest's exit
        for pid in _alive(started):
            os.kill(pid, signal.SIGKILL)


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive
