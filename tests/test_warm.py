"""The warm check (issue #17): findings from the last check's snapshot, and pages not read when their stat vouches.

Every step compares the warm check with a check without the cache and with the whole path (the model assembled,
every cross-page family run), and says whether the snapshot was meant to hold.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import pytest

from healthguide.core import check_site
from healthguide.findings import Finding
from healthguide.load import assembler, cache, configcache, loader, siteconfig
from healthguide.load.siteconfig import ConfigError
from healthguide.load.snapshot import CrossJudge, Related
from healthguide.model import Site
from healthguide.relations import Relations
from support import TODAY, build_fixture


@pytest.fixture()
def warm_hits(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """For each check, whether its findings came from the snapshot."""
    seen: list[bool] = []
    real = assembler.SiteAssembler.warm

    def recording(self: assembler.SiteAssembler, judge: CrossJudge) -> assembler.Warm | None:
        found = real(self, judge)
        seen.append(found is not None)
        return found

    monkeypatch.setattr(assembler.SiteAssembler, "warm", recording)
    return seen


@pytest.fixture()
def rejudged(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """For each judging of cross-page relations, the pages judged (the whole path: every page)."""
    seen: list[list[str]] = []
    real = Relations.relate

    def recording(self: Relations, site: Site, paths: Sequence[str]) -> dict[str, Related]:
        seen.append(list(paths))
        return real(self, site, paths)

    monkeypatch.setattr(Relations, "relate", recording)
    return seen


def _same(project: Path, warm_hits: list[bool], hit: bool) -> list[tuple[str, int, str]]:
    config = project / "mkdocs.yml"
    warm = check_site(config, TODAY).findings
    assert warm_hits[-1] is hit
    assert warm == check_site(config, TODAY, use_cache=False).findings
    assert warm == check_site(config, TODAY, need_site=True).findings      # the whole path, with the cache
    return [(f.path, f.line, f.code) for f in warm]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_each_kind_of_edit_gives_the_uncached_findings(tmp_path: Path, warm_hits: list[bool]) -> None:
    project = build_fixture(tmp_path)
    docs, config = project / "docs", project / "mkdocs.yml"
    page, overview = docs / "topic" / "flat-feet.md", docs / "topic" / "index.md"
    check_site(config, TODAY)                                   # fills the cache and the snapshot
    _same(project, warm_hits, hit=True)                         # nothing changed
    with page.open("a", encoding="utf-8") as fh:
        fh.write("\nPeople often walk to the shops on fine days.\n")
    _same(project, warm_hits, hit=True)                         # text only: the cross-page view is the same
    with page.open("a", encoding="utf-8") as fh:
        fh.write("\nTODO: write the rest of this section.\n")
    assert "HG503" in {code for _, _, code in _same(project, warm_hits, hit=True)}   # a page-local finding, fresh
    _edit(overview, "## How it fits together", "## How the parts fit")   # the anchor flat-feet.md links to
    assert "HG302" in {code for _, _, code in _same(project, warm_hits, hit=True)}   # re-judged from the snapshot
    _same(project, warm_hits, hit=True)
    with page.open("a", encoding="utf-8") as fh:
        fh.write("\nSee [the new page](new.md#part).\n")        # a link into a page not there yet
    assert "HG301" in {code for _, _, code in _same(project, warm_hits, hit=True)}
    (docs / "topic" / "new.md").write_text("---\ntitle: New\n---\n\n# New\n\n## Part\n\nText.\n", encoding="utf-8")
    _same(project, warm_hits, hit=False)                        # a page added
    (docs / "topic" / "new.md").rename(docs / "topic" / "renamed.md")
    _same(project, warm_hits, hit=False)                        # renamed
    (docs / "topic" / "renamed.md").unlink()
    _same(project, warm_hits, hit=False)                        # removed
    _same(project, warm_hits, hit=True)
    refs = docs / "references.yaml"
    refs.write_text(refs.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    _same(project, warm_hits, hit=False)                        # references.yaml: a new cache key
    authors = docs / "authors.yml"
    authors.write_text(authors.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    _same(project, warm_hits, hit=False)                        # authors.yml
    _edit(config, "      min_sources: 2\n", "      min_sources: 3\n")
    _same(project, warm_hits, hit=False)                        # a setting
    config.write_text(config.read_text(encoding="utf-8") + "nav:\n  - index.md\n  - topic/index.md\n", encoding="utf-8")
    _same(project, warm_hits, hit=False)                        # nav
    _edit(config, "exclude_docs: |\n", "exclude_docs: |\n  topic/flat-feet.md\n")
    _same(project, warm_hits, hit=False)                        # exclude_docs
    _edit(config, "exclude_docs: |\n  topic/flat-feet.md\n", "draft_docs: |\n  topic/flat-feet.md\nexclude_docs: |\n")
    _same(project, warm_hits, hit=True)                         # draft_docs: the same files left out, the same model
    _edit(config, "draft_docs: |\n  topic/flat-feet.md\n", "")
    _same(project, warm_hits, hit=False)                        # published again


def test_a_text_edit_decodes_no_unchanged_page(tmp_path: Path, warm_hits: list[bool],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    project = build_fixture(tmp_path)
    check_site(project / "mkdocs.yml", TODAY)
    with (project / "docs" / "topic" / "flat-feet.md").open("a", encoding="utf-8") as fh:
        fh.write("\nPeople often walk to the shops on fine days.\n")
    decoded: list[bytes] = []
    real = cache.decode
    monkeypatch.setattr(cache, "decode", lambda blob, links=None: decoded.append(blob) or real(blob, links))
    parsed: list[str] = []
    load_page = loader.load_page
    monkeypatch.setattr(loader, "load_page", lambda path, *a, **k: parsed.append(path) or load_page(path, *a, **k))
    result = check_site(project / "mkdocs.yml", TODAY)
    assert warm_hits[-1] is True and decoded == [] and parsed == ["topic/flat-feet.md"]
    assert result.site.pages == check_site(project / "mkdocs.yml", TODAY, use_cache=False).site.pages   # made when asked


def _signatures(project: Path) -> dict[str, str]:
    with sqlite3.connect(project / cache.CACHE_DIR / "pages-index.sqlite") as db:
        return dict(db.execute("SELECT name, signature FROM stats"))


def test_a_page_just_written_is_hashed_until_its_stat_is_old_enough(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Git's racily clean rule: a signature is stored only for a file older than the run by RACY_NS (by ctime too:
    the fixture's copies keep the repository's mtime)."""
    project = build_fixture(tmp_path)
    monkeypatch.setattr(cache, "RACY_NS", 3600 * 10**9)         # every file counts as written just now
    check_site(project / "mkdocs.yml", TODAY)
    assert _signatures(project) == {}
    monkeypatch.setattr(cache, "RACY_NS", 0)
    check_site(project / "mkdocs.yml", TODAY)
    assert set(_signatures(project)) == {"index.md", "topic/index.md", "topic/flat-feet.md"}


def test_an_edit_of_the_same_size_with_mtime_restored_is_seen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              warm_hits: list[bool]) -> None:
    monkeypatch.setattr(cache, "RACY_NS", 0)                    # trust signatures at once (the edit is what is tested)
    project = build_fixture(tmp_path)
    page = project / "docs" / "topic" / "flat-feet.md"
    with page.open("a", encoding="utf-8") as fh:
        fh.write("\nPeople often walk to the shops on fine days.\n")
    first = _same(project, warm_hits, hit=False)
    assert "topic/flat-feet.md" in _signatures(project)
    _same(project, warm_hits, hit=True)                         # read from signatures: nothing hashed
    before = os.stat(page)
    _edit(page, "People often walk", "TODO: often walks")      # same size, same second
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(page).st_size == before.st_size and os.stat(page).st_mtime_ns == before.st_mtime_ns
    edited = _same(project, warm_hits, hit=True)                # ctime changed: the page is read and parsed again
    assert "HG503" in {code for _, _, code in edited} and edited != first


def test_a_touch_without_change_reads_the_page_and_parses_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  warm_hits: list[bool]) -> None:
    monkeypatch.setattr(cache, "RACY_NS", 0)
    project = build_fixture(tmp_path)
    first = _same(project, warm_hits, hit=False)
    stored = _signatures(project)
    page = project / "docs" / "topic" / "flat-feet.md"
    os.utime(page, ns=(os.stat(page).st_atime_ns, os.stat(page).st_mtime_ns + 1_000_000_000))
    parsed: list[str] = []
    load_page = loader.load_page
    monkeypatch.setattr(loader, "load_page", lambda path, *a, **k: parsed.append(path) or load_page(path, *a, **k))
    found = check_site(project / "mkdocs.yml", TODAY).findings
    assert warm_hits[-1] is True and parsed == []               # read and hashed: the same digest
    assert found == check_site(project / "mkdocs.yml", TODAY, use_cache=False).findings
    assert _signatures(project)["topic/flat-feet.md"] != stored["topic/flat-feet.md"]           # the new stat kept
    assert _same(project, warm_hits, hit=True) == first


def test_an_edit_other_pages_read_rejudges_only_the_pages_it_reaches(tmp_path: Path, warm_hits: list[bool],
                                                                     rejudged: list[list[str]]) -> None:
    """Links, headings, anchors, front matter and citations edited: the snapshot holds, and only the edited page and
    the pages that looked it up are judged again; a page removed or added takes the whole path."""
    project = build_fixture(tmp_path)
    docs, config = project / "docs", project / "mkdocs.yml"
    page, overview = docs / "topic" / "flat-feet.md", docs / "topic" / "index.md"
    aside = docs / "topic" / "aside.md"     # looks up only the home page, which no edit below touches
    aside.write_text("---\ntitle: Aside\ndescription: A page aside, for the warm check's test.\ntype: page\n---\n\n"
                     "# Aside\n\n## Part\n\nBack [home](../index.md).\n", encoding="utf-8")
    check_site(config, TODAY)
    every = set(rejudged[-1])

    def step(hit: bool = True) -> tuple[set[str], set[str]]:
        """The check after an edit, against the uncached one: its codes, and the pages whose relations it judged."""
        before = len(rejudged)
        warm = check_site(config, TODAY).findings
        assert warm_hits[-1] is hit
        judged = {path for paths in rejudged[before:] for path in paths}
        assert warm == check_site(config, TODAY, use_cache=False).findings
        _same(project, warm_hits, hit=True)                     # and the snapshot it left holds
        return {f.code for f in warm}, judged

    original = page.read_text(encoding="utf-8")
    with page.open("a", encoding="utf-8") as fh:
        fh.write("\nSee [a page](missing.md).\n")              # a link added to a missing page
    codes, judged = step()
    assert "HG301" in codes and "topic/flat-feet.md" in judged and "topic/aside.md" not in judged
    _edit(overview, "## How it fits together", "## How the parts fit")   # a heading another page links to
    codes, judged = step()
    assert "HG302" in codes and judged == {"topic/index.md", "topic/flat-feet.md", "index.md"}
    _edit(overview, "## How the parts fit\n", "")                       # the anchor removed
    assert "HG302" in step()[0]
    _edit(page, "type: spoke", "type: page")                            # front matter: type
    codes, judged = step()
    assert "topic/aside.md" not in judged
    _edit(overview, "type: pillar", "type: spoke")                      # the pillar is no longer one
    assert "HG202" not in step()[0]                                      # flat-feet.md is not a spoke any more
    _edit(page, "type: page", "type: spoke")                            # two edits in a row, then both judged
    assert "HG202" in step()[0]
    with page.open("a", encoding="utf-8") as fh:
        fh.write("\nA source no one listed [@nokeyyet].\n")      # a citation key references.yaml lacks
    assert "HG401" in step()[0]
    _edit(page, "authors: [editorial-team]", "authors: [nobody-here]")  # front matter read against authors.yml
    assert "HG801" in step()[0]
    _edit(overview, "type: spoke", "type: pillar")
    step()
    page.write_text(original, encoding="utf-8")                         # the edits reverted
    step()
    _edit(aside, "Back [home](../index.md).", "Back [home](../index.md) and [on](flat-feet.md#nowhere).")
    codes, judged = step()
    assert "HG302" in codes and judged == {"topic/aside.md"}            # nothing else looked it up
    aside.unlink()                                                      # a page removed: the page list changed
    assert step(hit=False)[1] == every - {"topic/aside.md"}
    overview.unlink()                                                   # a page others link to removed
    assert {"HG301", "HG201"} <= step(hit=False)[0]


def test_mkdocs_yml_as_read_is_kept_only_while_every_input_of_its_reading_holds(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """MkDocs' reading of mkdocs.yml comes from the cache only while the file, every INHERIT parent and every !ENV
    value it read are unchanged; a file with a tag that depends on more is read every time; a mistake is reported as
    without the cache."""
    reads: list[Path] = []
    real = siteconfig._read

    def recording(path: Path, text: str) -> tuple[configcache.Reading, bool]:
        reads.append(path)
        return real(path, text)

    monkeypatch.setattr(siteconfig, "_read", recording)
    monkeypatch.delenv("HG_TEST_MIN_SOURCES", raising=False)
    project = build_fixture(tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    plugin = "plugins:\n  - healthguide:\n      min_sources: 2\n"
    assert plugin in text
    config.write_text(text.replace(plugin, "INHERIT: parent.yml\n"), encoding="utf-8")
    parent = project / "parent.yml"
    parent.write_text("plugins:\n  - healthguide:\n      min_sources: !ENV [HG_TEST_MIN_SOURCES, 2]\n", encoding="utf-8")

    def step(read: bool) -> list[Finding]:
        before = len(reads)
        found = check_site(config, TODAY).findings
        assert (len(reads) > before) is read
        assert found == check_site(config, TODAY, use_cache=False).findings
        return found

    first = step(read=True)
    assert step(read=False) == first                      # nothing changed: kept
    monkeypatch.setenv("HG_TEST_MIN_SOURCES", "9")
    more = step(read=True)                                # an !ENV value changed
    assert more != first
    assert step(read=False) == more
    parent.write_text("plugins:\n  - healthguide:\n      min_sources: 2\n", encoding="utf-8")
    assert step(read=True) == first                       # the INHERIT parent edited
    monkeypatch.delenv("HG_TEST_MIN_SOURCES")
    assert step(read=False) == first                      # a variable no file names any more
    config.write_text(config.read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")
    assert step(read=True) == first                       # mkdocs.yml edited
    config.write_text(config.read_text(encoding="utf-8") + "extra:\n  where: !relative $config_dir\n", encoding="utf-8")
    step(read=True)
    step(read=True)                                       # !relative: never kept
    parent.write_text("plugins:\n  - healthguide:\n      min_sources: [2\n", encoding="utf-8")
    with pytest.raises(ConfigError) as cached:
        check_site(config, TODAY)
    with pytest.raises(ConfigError) as uncached:
        check_site(config, TODAY, use_cache=False)
    assert str(cached.value) == str(uncached.value)
    parent.write_text("plugins:\n  - healthguide:\n      min_sources: nine\n", encoding="utf-8")
    with pytest.raises(ConfigError) as cached:            # a settings mistake: judged on every run, kept or not
        check_site(config, TODAY)
    with pytest.raises(ConfigError) as again:
        check_site(config, TODAY)
    with pytest.raises(ConfigError) as uncached:
        check_site(config, TODAY, use_cache=False)
    assert str(cached.value) == str(again.value) == str(uncached.value)
