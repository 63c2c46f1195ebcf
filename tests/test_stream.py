"""Streaming (healthguide.stream): pages are judged where they are parsed and only compact pages come back.

The parent of a cold check never holds the site's sentences (beyond the few cited statistics HG442 reads),
its plain text or its outline; the findings are those of the whole-page path, cold, warm, and after edits
that change a page, the page list and references.yaml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from healthguide.analysis.statistics import cited_statistics
from healthguide.core import check_site, load_config, run_checks
from healthguide.load import assembler, loader
from healthguide.model import Page
from support import ROOT, TODAY, build_fixture, run_cli


def _whole_page_findings(project: Path) -> list[object]:
    """The old path: whole pages in the model, every family run on the whole site."""
    config = load_config(project / "mkdocs.yml")
    return run_checks(assembler.load_site(config, TODAY, use_cache=False), config.settings)


@pytest.fixture()
def guide(tmp_path: Path) -> Path:
    """A copy of the real guide (care data, self-check, cited statistics), so the cache never lands in the repo."""
    project = tmp_path / "guide"
    project.mkdir()
    for name in ("docs", "overrides", "includes"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    return project


def test_pool_records_carry_no_sentences_text_or_outline(guide: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    returned: list[Page] = []
    real = assembler.parse_pages

    def spying(*args, **kwargs):  # type: ignore[no-untyped-def]
        out = list(real(*args, **kwargs))   # a generator: each page as its chunk comes back
        returned.extend(parsed.page for parsed in out)
        return out

    monkeypatch.setattr(assembler, "parse_pages", spying)
    monkeypatch.setattr(loader, "POOL_THRESHOLD", 1)   # through the worker processes
    streamed = check_site(guide / "mkdocs.yml", TODAY, use_cache=False)
    monkeypatch.setattr(assembler, "parse_pages", real)
    whole = assembler.load_site(load_config(guide / "mkdocs.yml"), TODAY, use_cache=False)
    assert len(returned) == len(whole.pages) > 10
    assert sum(len(p.sentences) for p in whole.pages.values()) > 1000      # there was prose to leave behind
    for page in returned:
        full = whole.pages[page.path]
        assert page.local_findings is not None and page.text == "" and page.outline == () and page.headings == ()
        assert list(page.sentences) == [full.sentences[i] for i in cited_statistics(full.sentences)]
        assert page.cited_statistics == tuple(range(len(page.sentences)))
    assert any(page.sentences for page in returned)                        # the guide cites statistics
    assert streamed.findings == _whole_page_findings(guide)


def test_serial_path_runs_the_same_judge(guide: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "POOL_THRESHOLD", 10**6)
    serial = check_site(guide / "mkdocs.yml", TODAY, use_cache=False)
    assert all(p.local_findings is not None and p.text == "" for p in serial.site.pages.values())
    assert serial.findings == _whole_page_findings(guide)


def test_warm_after_edits_equals_uncached(tmp_path: Path) -> None:
    project = build_fixture(tmp_path)
    docs = project / "docs"

    def same() -> None:
        warm = check_site(project / "mkdocs.yml", TODAY).findings
        assert warm == check_site(project / "mkdocs.yml", TODAY, use_cache=False).findings == _whole_page_findings(project)

    same()
    same()                                                                   # every page from the cache
    page = docs / "topic" / "flat-feet.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [the new page](new.md#part) and [gone](gone.md).\n",
                    encoding="utf-8")
    same()                                                                   # links into a page not there yet
    (docs / "topic" / "new.md").write_text("---\ntitle: New\n---\n\n# New\n\n## Part\n\nText.\n", encoding="utf-8")
    same()                                                                   # the page list changed: links resolved again
    (docs / "topic" / "new.md").unlink()
    same()
    refs = docs / "references.yaml"
    refs.write_text(refs.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    same()


def test_an_extension_that_stops_loading_is_reported_on_a_warm_run(tmp_path: Path) -> None:
    """Warm runs make no Markdown instance while the cache last saw the extensions load; an extension module
    whose file changed is tried again, and HG020 reported (here in a new process, as from the shell)."""
    project = build_fixture(tmp_path)
    (project / "localext.py").write_text("from markdown.extensions import Extension\n\n\n"
                                         "class Nothing(Extension):\n    def extendMarkdown(self, md):\n        pass\n\n\n"
                                         "def makeExtension(**kwargs):\n    return Nothing(**kwargs)\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("markdown_extensions:\n", "markdown_extensions:\n  - localext\n", 1),
                      encoding="utf-8")
    first = run_cli(project, "check", "--format", "json")
    assert "HG020" not in first.stdout and "Traceback" not in first.stderr
    assert run_cli(project, "check", "--format", "json").stdout == first.stdout      # warm: nothing parsed
    (project / "localext.py").write_text("raise ImportError('gone')\n", encoding="utf-8")
    broken = run_cli(project, "check", "--format", "json")
    assert "HG020" in broken.stdout and "Traceback" not in broken.stderr


def test_a_page_saved_during_the_check_is_cached_as_it_was_parsed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The parent hashes a page and lets its bytes go; the parser reads the file again. If the editor saved it in
    between, the page is cached under the digest of what was parsed, never under the older bytes' digest."""
    project = build_fixture(tmp_path)
    page = project / "docs" / "topic" / "flat-feet.md"
    saved = page.read_bytes() + b"\nSee [a page that is gone](gone.md).\n"
    real = loader.read_bytes
    monkeypatch.setattr(loader, "read_bytes", lambda path: saved if path == page else real(path))
    first = check_site(project / "mkdocs.yml", TODAY)
    assert [f.code for f in first.findings if f.path == "topic/flat-feet.md"] == ["HG301"]   # what was parsed
    monkeypatch.setattr(loader, "read_bytes", real)
    second = check_site(project / "mkdocs.yml", TODAY)                # the file on disk never had the link
    assert [f for f in second.findings if f.path == "topic/flat-feet.md"] == []


_BROKEN_AFTER = 2   # chunks a worker parses before the pool "breaks"


def _breaking_chunk(items):  # type: ignore[no-untyped-def]
    """loader._parse_chunk, failing from the third chunk on (runs in the forked workers)."""
    import os

    marker = os.environ["HG_TEST_CHUNKS"]
    with open(marker, "a", encoding="utf-8") as out:
        out.write("x")
    with open(marker, encoding="utf-8") as seen:
        if len(seen.read()) > _BROKEN_AFTER:
            os._exit(3)   # the worker dies (a RuntimeError would be a bug, which the pool no longer retries)
    return _REAL_CHUNK(items)


_REAL_CHUNK = loader._parse_chunk


def test_a_pool_that_breaks_part_way_parses_the_rest_here(guide: Path, monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path) -> None:
    """Pages stream back chunk by chunk; when the pool fails after some came back, each page still comes back once."""
    monkeypatch.setenv("HG_TEST_CHUNKS", str(tmp_path / "chunks"))
    monkeypatch.setattr(loader, "POOL_THRESHOLD", 1)
    monkeypatch.setattr(loader, "_parse_chunk", _breaking_chunk)
    broken = check_site(guide / "mkdocs.yml", TODAY, use_cache=False)
    assert len((tmp_path / "chunks").read_text()) > _BROKEN_AFTER     # the pool did break part way
    assert broken.findings == _whole_page_findings(guide)
