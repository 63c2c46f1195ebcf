"""The parse workers: where a pool cannot work the pages are parsed in this process, with a note; a bug is not retried.

A real guide past the pool's threshold, loaded with the real pool, with none (one core), and with a pool that
cannot start, whose worker dies, or whose work cannot be sent to it: the model is the same every time.
"""

from __future__ import annotations

import logging
import os
import pickle
import sys
from pathlib import Path

import pytest

from healthguide.core import load_config
from healthguide.load import loader
from healthguide.load.assembler import load_site
from healthguide.load.cores import usable_cores
from support import ROOT, TODAY

sys.path.insert(0, str(ROOT / "bench"))
import gen  # noqa: E402

PAGES = loader.POOL_THRESHOLD + 20
PARSE_CHUNK = loader._parse_chunk
LAST = "topic-0000/spoke-01.md"   # not known until the guide is written: set by the fixture


def _die(chunk: list[tuple[str, object]]) -> object:   # module level, so the pool can send it to a worker
    if any(path == LAST for path, _ in chunk):   # the last chunk: the pages before it come back from the pool
        os._exit(3)
    return PARSE_CHUNK(chunk)


class _Unsendable:
    def __reduce__(self) -> tuple[object, ...]:
        raise pickle.PicklingError("cannot send this back")


def _unsendable(chunk: object) -> object:   # what the worker parsed cannot cross back to the parent
    return _Unsendable()


def _bug(chunk: object) -> object:
    raise ValueError("a bug in parsing")


@pytest.fixture(scope="module")
def guide(tmp_path_factory: pytest.TempPathFactory) -> Path:
    global LAST
    out = tmp_path_factory.mktemp("pool") / "guide"
    gen.generate(out, PAGES, seed=5, defects=1)
    LAST = sorted(p.relative_to(out / "docs").as_posix() for p in (out / "docs").rglob("*.md"))[-1]
    return out / "mkdocs.yml"


def _model(config: Path) -> dict[str, object]:
    site = load_site(load_config(config), TODAY, use_cache=False)
    return {path: (page.links, page.citations, page.sentences, page.anchors, page.load_findings)
            for path, page in site.pages.items()}


@pytest.fixture(scope="module")
def in_process(guide: Path) -> dict[str, object]:
    with pytest.MonkeyPatch.context() as one_core:
        one_core.setattr(loader, "usable_cores", lambda: 1)
        return _model(guide)


def _broken_executor(*args: object, **kwargs: object) -> object:
    raise OSError(11, "Resource temporarily unavailable")


@pytest.mark.skipif(usable_cores() < 2, reason="the pool runs only with a second core")
@pytest.mark.parametrize("how", ["real", "cannot-start", "worker-dies", "cannot-pickle"])
def test_the_model_does_not_depend_on_the_pool(how: str, guide: Path, in_process: dict[str, object],
                                               monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    pools: list[object] = []
    real_pool = loader.ProcessPoolExecutor

    def counted(*args: object, **kwargs: object) -> object:
        pools.append(args)
        return real_pool(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "ProcessPoolExecutor", counted)
    if how == "cannot-start":
        monkeypatch.setattr(loader, "ProcessPoolExecutor", _broken_executor)
    elif how == "worker-dies":
        monkeypatch.setattr(loader, "_parse_chunk", _die)
    elif how == "cannot-pickle":
        monkeypatch.setattr(loader, "_parse_chunk", _unsendable)
    with caplog.at_level(logging.WARNING, logger=loader.__name__):
        assert _model(guide) == in_process
    notes = [r.getMessage() for r in caplog.records if r.name == loader.__name__]
    if how == "real":
        assert notes == [] and len(pools) == 1
    else:
        assert len(notes) == 2 and "the parse workers stopped" in notes[0], notes
        left = int(notes[1].split("the other ")[1].split()[0])
        assert (0 < left < PAGES) if how == "worker-dies" else left >= PAGES, notes   # the pool's pages are kept


@pytest.mark.skipif(usable_cores() < 2, reason="the pool runs only with a second core")
def test_a_bug_in_a_worker_is_not_hidden_by_a_retry(guide: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "_parse_chunk", _bug)
    with pytest.raises(ValueError, match="a bug in parsing"):
        _model(guide)
