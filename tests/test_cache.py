"""The page cache (.healthguide-cache/): hits, invalidation, cross-page re-judging, damage tolerance."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from healthguide.core import load_config, run_checks
from healthguide.load import cache, loader
from healthguide.load.assembler import load_site
from support import TODAY, build_fixture, run_cli


@pytest.fixture()
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths the loader really parsed (cache misses), in order."""
    seen: list[str] = []
    real = loader.load_page

    def counting(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(loader, "load_page", counting)
    return seen


def check(project: Path, use_cache: bool = True) -> tuple[list[tuple[str, int, str]], object]:
    config = load_config(project / "mkdocs.yml")
    site = load_site(config, TODAY, use_cache=use_cache)
    found = run_checks(site, config.settings)
    return sorted((f.path, f.line, f.code) for f in found), site


def cache_files(project: Path) -> list[Path]:
    return sorted((project / cache.CACHE_DIR).glob("pages-*.sqlite"))


def stored_key(project: Path) -> str:
    with sqlite3.connect(cache_files(project)[0]) as db:
        return db.execute("SELECT value FROM meta WHERE name = 'key'").fetchone()[0]


def test_unchanged_pages_are_not_parsed_twice(tmp_path: Path, parsed: list[str]) -> None:
    project = build_fixture(tmp_path)
    first, site1 = check(project)
    pages = len(parsed)
    assert pages >= 3 and cache_files(project)
    parsed.clear()
    second, site2 = check(project)
    assert parsed == []                       # every page came from the cache
    assert second == first
    assert site2.pages == site1.pages         # the same model, field for field
    uncached, site3 = check(project, use_cache=False)
    assert uncached == first and site3.pages == site1.pages


def test_a_changed_page_is_parsed_again(tmp_path: Path, parsed: list[str]) -> None:
    project = build_fixture(tmp_path)
    check(project)
    page = project / "docs" / "topic" / "flat-feet.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [nowhere](missing-page.md).\n", encoding="utf-8")
    parsed.clear()
    found, _ = check(project)
    assert parsed == ["topic/flat-feet.md"]
    assert any(code == "HG301" and path == "topic/flat-feet.md" for path, _, code in found)


def test_a_markdown_config_change_invalidates_every_page(tmp_path: Path, parsed: list[str]) -> None:
    project = build_fixture(tmp_path)
    check(project)
    before = stored_key(project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - abbr\n", "  - abbr\n  - def_list\n"), encoding="utf-8")
    parsed.clear()
    check(project)
    assert sorted(parsed) == sorted(p.relative_to(project / "docs").as_posix() for p in (project / "docs").rglob("*.md"))
    assert len(cache_files(project)) == 1 and stored_key(project) != before   # replaced, under the new key


def test_a_broken_anchor_is_judged_again_when_the_linked_page_changes(tmp_path: Path, parsed: list[str]) -> None:
    project = build_fixture(tmp_path)
    found, _ = check(project)
    assert not any(code == "HG302" for _, _, code in found)
    pillar = project / "docs" / "topic" / "index.md"
    original = pillar.read_text(encoding="utf-8")
    pillar.write_text(original.replace("## How it fits together", "## How the parts connect"), encoding="utf-8")
    parsed.clear()
    found, _ = check(project)
    assert parsed == ["topic/index.md"]       # flat-feet.md, which holds the link, came from the cache …
    assert any(path == "topic/flat-feet.md" and code == "HG302" for path, _, code in found)  # … judged afresh
    pillar.write_text(original, encoding="utf-8")
    found, _ = check(project)
    assert not any(code == "HG302" for _, _, code in found)


@pytest.mark.parametrize("damage", [b"", b"not a database at all", b"SQLite format 3\x00" + b"\xff" * 200])
def test_a_corrupt_cache_file_is_ignored_and_rewritten(tmp_path: Path, parsed: list[str], damage: bytes) -> None:
    project = build_fixture(tmp_path)
    first, _ = check(project)
    for file in cache_files(project):
        file.write_bytes(damage)
    parsed.clear()
    again, _ = check(project)
    assert again == first and parsed          # parsed afresh, same findings
    parsed.clear()
    check(project)
    assert parsed == []                       # and the rewritten cache works


def test_a_damaged_entry_is_a_miss(tmp_path: Path, parsed: list[str]) -> None:
    project = build_fixture(tmp_path)
    first, _ = check(project)
    with sqlite3.connect(cache_files(project)[0]) as db:
        db.execute("UPDATE pages SET blob = ? WHERE name = 'topic/index.md'", (b"\x00broken",))
    parsed.clear()
    again, _ = check(project)
    assert parsed == ["topic/index.md"] and again == first


def test_the_cache_never_writes_into_docs(tmp_path: Path) -> None:
    project = build_fixture(tmp_path)
    before = sorted(p.relative_to(project) for p in (project / "docs").rglob("*"))
    check(project)
    check(project)
    assert sorted(p.relative_to(project) for p in (project / "docs").rglob("*")) == before
    assert (project / cache.CACHE_DIR / ".gitignore").is_file()
    # A configuration whose docs folder holds the config file's folder gets no cache at all.
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\ndocs_dir: .\n", encoding="utf-8")
    assert cache.PageCache.for_config(load_config(config)) is None


def test_pages_that_include_snippets_are_not_cached(tmp_path: Path, parsed: list[str]) -> None:
    project = build_fixture(tmp_path)
    page = project / "docs" / "topic" / "flat-feet.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<!-- --8<-- "nothing.md" -->\n', encoding="utf-8")
    check(project)
    parsed.clear()
    check(project)
    assert parsed == ["topic/flat-feet.md"]


def test_no_cache_flag_neither_reads_nor_writes(tmp_path: Path) -> None:
    project = build_fixture(tmp_path)
    result = run_cli(project, "check", "--no-cache")
    assert "Traceback" not in result.stderr and result.returncode in (0, 1), result.stderr
    assert not (project / cache.CACHE_DIR).exists()
    result = run_cli(project, "check")
    assert "Traceback" not in result.stderr and cache_files(project)


def test_the_process_pool_gives_the_same_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = build_fixture(tmp_path)
    _, serial = check(project, use_cache=False)
    monkeypatch.setattr(loader, "POOL_THRESHOLD", 1)
    _, pooled = check(project, use_cache=False)
    assert pooled.pages == serial.pages


def _findings(project: Path, use_cache: bool = True) -> list[object]:
    from healthguide.core import check_site
    return check_site(project / "mkdocs.yml", TODAY, use_cache=use_cache).findings


def test_page_local_findings_are_cached_and_follow_every_input(tmp_path: Path) -> None:
    """A warm check (pages and page-local findings from the cache) reports what a check without the cache does,
    after edits to a page, to references.yaml and to the settings."""
    project = build_fixture(tmp_path)
    page = project / "docs" / "topic" / "flat-feet.md"
    plain = "People walk to the shops on most days of the week when the weather is fine. " * 8   # a grade (100+ words)
    page.write_text(page.read_text(encoding="utf-8") + f"\n{plain}\n\nAbout 80% of adults have this. "
                    "TODO: write more (@ghost2020).\n", encoding="utf-8")
    first = _findings(project)
    assert {"HG501", "HG502", "HG503"} <= {f.code for f in first}    # page-local: uncited claim, round citation, placeholder
    assert (project / cache.CACHE_DIR / "pages-index.sqlite").is_file()     # compact pages with their findings
    assert _findings(project) == first == _findings(project, use_cache=False)
    page.write_text(page.read_text(encoding="utf-8").replace("About 80% of adults have this. ", ""), encoding="utf-8")
    edited = _findings(project)
    assert "HG501" not in {f.code for f in edited} and edited == _findings(project, use_cache=False)
    refs = project / "docs" / "references.yaml"
    refs.write_text(refs.read_text(encoding="utf-8").replace("references:\n", "references:\n- id: ghost2020\n"
                                                             "  title: A source\n  URL: https://example.org/a\n"
                                                             "  evidence: guideline\n", 1), encoding="utf-8")
    known = _findings(project)                                           # HG502 now says the key is a reference
    assert known != edited and known == _findings(project, use_cache=False)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("      min_sources: 2\n",
                                                                 "      min_sources: 2\n      max_reading_grade: 2\n"),
                      encoding="utf-8")
    harder = _findings(project)
    assert "HG520" in {f.code for f in harder} and harder == _findings(project, use_cache=False)


def test_cache_keys_cover_the_code_that_parses_pages() -> None:
    """A change to the loader, our Markdown extensions or the claim model's weights must not be hidden by pages
    cached by the previous code (the version number stays the same while the code is worked on)."""
    import fnmatch
    import sys

    from healthguide.load import cache, loader  # noqa: F401 - loader pulls in what parsing imports
    from healthguide.theme import care  # noqa: F401 - the warning-signs extension expands pages

    root = Path(cache.__file__).resolve().parents[1]
    used = {Path(m.__file__).resolve().relative_to(root).as_posix() for name, m in list(sys.modules.items())
            if name.startswith(("healthguide.load", "healthguide.analysis", "healthguide.theme.care"))
            and getattr(m, "__file__", None)}
    # (matched as the digest matches them, by Path.glob: fnmatch's "*" would also match "analysis/claim_rules/x.py")
    covered = {p.relative_to(root).as_posix() for pattern in cache._PARSE_CODE for p in root.glob(pattern)}
    uncovered = used - covered
    assert not uncovered, uncovered
    assert any(fnmatch.fnmatch("analysis/claims_model.json", pattern) for pattern in cache._PARSE_CODE)
