"""Limits: huge, hostile or odd input ends in a clear finding (or a clear configuration error), never a
hang, a traceback or silence."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from healthguide.core import check_site, load_config
from healthguide.load.loader import discover
from healthguide.load.siteconfig import ConfigError
from support import ROOT, TODAY, build_fixture, run_cli

PAGE_HEAD = "---\ntitle: {title}\ndescription: A plain page made by the limits tests to push one input to its limit.\ntype: page\n---\n\n"


def _codes(project: Path) -> set[tuple[str, int, str]]:
    return {(f.path, f.line, f.code) for f in check_site(project / "mkdocs.yml", TODAY).findings}


def _billion_laughs(levels: int = 9, key: str = "a") -> str:
    """The classic alias bomb: each level repeats the one before ten times (10**levels leaves)."""
    lines = [f'{key}0: &{key}0 "lol"']
    for i in range(1, levels + 1):
        lines.append(f"{key}{i}: &{key}{i} [" + ", ".join([f"*{key}{i - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n"


# --- size ---------------------------------------------------------------------------------------

def test_five_megabyte_article_is_refused_quickly(tmp_path: Path) -> None:
    project = build_fixture(tmp_path)
    body = ("Walk a little every day and rest when it hurts. " * 20 + "\n\n") * 5300
    (project / "docs" / "huge.md").write_text(PAGE_HEAD.format(title="Huge") + body, encoding="utf-8")
    assert (project / "docs" / "huge.md").stat().st_size > 5_000_000
    start = time.perf_counter()
    found = _codes(project)
    assert time.perf_counter() - start < 20
    assert found == {("huge.md", 1, "HG003")}


def test_ten_thousand_links_in_one_page(tmp_path: Path) -> None:
    """A link directory: 10,000 list items, every tenth broken. All broken ones reported, on their lines."""
    project = build_fixture(tmp_path)
    lines = []
    broken = set()
    for i in range(10_000):
        if i % 10 == 0:
            lines.append(f"- [Entry {i}](missing-{i}.md)")
            broken.add(("links.md", 7 + i, "HG301"))
        else:
            lines.append(f"- [Entry {i}](topic/index.md#how-it-fits-together)")
    (project / "docs" / "links.md").write_text(PAGE_HEAD.format(title="Links") + "\n".join(lines) + "\n", encoding="utf-8")
    start = time.perf_counter()
    found = _codes(project)
    elapsed = time.perf_counter() - start
    assert found == broken
    assert elapsed < 60, f"10,000 links took {elapsed:.1f} s"


def test_deeply_nested_markdown_and_yaml_do_not_crash(tmp_path: Path) -> None:
    project = build_fixture(tmp_path)
    (project / "docs" / "deep.md").write_text(PAGE_HEAD.format(title="Deep") + ">" * 5000 + " quoted\n\n"
                                              + "".join("    " * i + "- item\n" for i in range(300)), encoding="utf-8")
    (project / "docs" / "deepyaml.md").write_text("---\ntitle: " + "[" * 20000 + "]" * 20000 + "\n---\nBody.\n",
                                                  encoding="utf-8")
    found = _codes(project)
    assert all(code in ("HG012", "HG021", "HG103") for path, _, code in found if path == "deep.md" or path == "deepyaml.md")
    assert any(path == "deepyaml.md" for path, _, _ in found)


# --- symbolic links -----------------------------------------------------------------------------

def test_symlink_loops_do_not_hang(tmp_path: Path) -> None:
    project = build_fixture(tmp_path)
    docs = project / "docs"
    os.symlink(".", docs / "self")                         # docs/self -> docs
    (docs / "a").mkdir()
    os.symlink("../a", docs / "a" / "again")               # docs/a/again -> docs/a
    os.symlink("nowhere", docs / "dangling")               # a folder-or-file link to nothing
    os.symlink("loop2", docs / "loop1")
    os.symlink("loop1", docs / "loop2")                    # a link cycle that never resolves
    pages, files, _ = discover(docs)
    assert all(not p.startswith(("self/", "a/again/")) for p in pages)
    # In a subprocess with a deadline: a hang fails the test instead of stalling the suite.
    done = subprocess.run([sys.executable, "-m", "healthguide", "check"], cwd=project, capture_output=True, text=True,
                          timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "HEALTHGUIDE_TODAY": TODAY.isoformat()})
    assert "Traceback" not in done.stdout + done.stderr
    assert done.returncode == 1
    assert "docs/self:1:1: error: HG005" in done.stdout and "docs/a/again:1:1: error: HG005" in done.stdout


def test_symlinked_file_outside_docs_is_an_error(tmp_path: Path) -> None:
    secret = tmp_path / "outside.md"
    secret.write_text(PAGE_HEAD.format(title="Outside") + "Private notes.\n", encoding="utf-8")
    project = build_fixture(tmp_path)
    os.symlink(secret, project / "docs" / "borrowed.md")
    os.symlink(tmp_path, project / "docs" / "elsewhere")
    found = _codes(project)
    assert ("borrowed.md", 1, "HG004") in found
    assert ("elsewhere", 1, "HG004") in found
    done = run_cli(project, "check")
    assert done.returncode == 1 and "docs/borrowed.md:1:1: error: HG004" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


# --- encodings ----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["references.yaml", "authors.yml"])
def test_non_utf8_data_files(tmp_path: Path, name: str) -> None:
    project = build_fixture(tmp_path)
    (project / "docs" / name).write_bytes(b"references:\n- id: caf\xe9\n")
    done = run_cli(project, "check")
    assert done.returncode == 1
    assert f"docs/{name}:1:1: error" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


def test_non_utf8_page_names_its_line(tmp_path: Path) -> None:
    project = build_fixture(tmp_path)
    (project / "docs" / "latin.md").write_bytes(b"---\ntitle: ok\ntype: page\n---\n\nline six\nna\xefve\n")
    assert _codes(project) == {("latin.md", 7, "HG001")}


# --- alias bombs ("billion laughs") -------------------------------------------------------------

def test_billion_laughs_in_front_matter(tmp_path: Path) -> None:
    project = build_fixture(tmp_path)
    (project / "docs" / "laughs.md").write_text("---\n" + _billion_laughs() + "---\nBody.\n", encoding="utf-8")
    start = time.perf_counter()
    found = _codes(project)
    assert time.perf_counter() - start < 10
    assert ("laughs.md", 3, "HG012") in found   # the first alias, on YAML line 2 (file line 3)


@pytest.mark.parametrize(("name", "code"), [("references.yaml", "HG410"), ("authors.yml", "HG810")])
def test_billion_laughs_in_data_files(tmp_path: Path, name: str, code: str) -> None:
    project = build_fixture(tmp_path)
    (project / "docs" / name).write_text(_billion_laughs(), encoding="utf-8")
    start = time.perf_counter()
    found = _codes(project)
    assert time.perf_counter() - start < 10
    assert (name, 2, code) in found


def test_billion_laughs_in_mkdocs_yml_is_refused(tmp_path: Path) -> None:
    project = build_fixture(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "extra:\n" + "".join(
        "  " + line + "\n" for line in _billion_laughs().splitlines()) + "nav: *a9\n", encoding="utf-8")
    start = time.perf_counter()
    with pytest.raises(ConfigError, match=r"mkdocs.yml:\d+:\d+: .*alias"):
        load_config(config)
    done = run_cli(project, "check")
    assert time.perf_counter() - start < 20
    assert done.returncode == 2
    assert "mkdocs.yml:" in done.stderr and "alias" in done.stderr
    assert "Traceback" not in done.stdout + done.stderr


# --- configuration that cannot be used ----------------------------------------------------------

@pytest.mark.parametrize(("text", "where"), [
    ("site_name: [unclosed\n", "mkdocs.yml:"),
    ("- just\n- a list\n", "mkdocs.yml:1:1"),
    ("site_name: x\nplugins:\n  - healthguide:\n      no_such_option: 1\n", "mkdocs.yml"),
    ("site_name: x\nplugins:\n  - healthguide:\n      min_sources: many\n", "mkdocs.yml"),
    ("site_name: x\nplugins:\n  - healthguide:\n      severity: {HG999: error}\n", "mkdocs.yml"),
])
def test_unusable_mkdocs_yml(tmp_path: Path, text: str, where: str) -> None:
    project = build_fixture(tmp_path)
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")
    done = run_cli(project, "check")
    assert done.returncode == 2, done.stdout + done.stderr
    assert where in done.stderr
    assert "Traceback" not in done.stdout + done.stderr


def test_binary_mkdocs_yml(tmp_path: Path) -> None:
    project = build_fixture(tmp_path)
    (project / "mkdocs.yml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    done = run_cli(project, "check")
    assert done.returncode == 2
    assert "mkdocs.yml" in done.stderr and "Traceback" not in done.stdout + done.stderr


# --- commands that write: `new` writes atomically and never overwrites ---------------------------

def _docs_state(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def test_new_never_overwrites_and_leaves_no_temp_files(tmp_path: Path) -> None:
    project = build_fixture(tmp_path)
    docs = project / "docs"
    (docs / "existing-page.md").write_text("hand-written, must survive\n", encoding="utf-8")
    before = _docs_state(docs)
    refused = run_cli(project, "new", "page", "--title", "Existing page")
    assert refused.returncode != 0 and "Traceback" not in refused.stdout + refused.stderr
    assert _docs_state(docs) == before                          # nothing written, nothing left behind
    made = run_cli(project, "new", "page", "--title", "Brand new page")
    assert made.returncode == 0, made.stderr
    after = _docs_state(docs)
    assert set(after) - set(before) == {"brand-new-page.md"}    # one new file, no temporary files
    again = run_cli(project, "new", "page", "--title", "Brand new page")
    assert again.returncode != 0 and _docs_state(docs) == after


def test_new_leaves_nothing_when_writing_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from healthguide import cli

    project = build_fixture(tmp_path)
    before = _docs_state(project / "docs")
    monkeypatch.chdir(project)

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    def broken_link(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    monkeypatch.setattr(os, "link", broken_link)
    assert cli.main(["new", "page", "--title", "Half written"]) != 0
    assert _docs_state(project / "docs") == before              # no partial file, no temporary file


def test_new_does_not_replace_a_file_that_appears_while_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another editor saves the same file name between the existence check and the write."""
    import tempfile as tempfile_module

    from healthguide import cli

    project = build_fixture(tmp_path)
    monkeypatch.chdir(project)
    target = project / "docs" / "race-page.md"
    real_mkstemp = tempfile_module.mkstemp

    def racing_mkstemp(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        target.write_text("the other editor's work\n", encoding="utf-8")
        return real_mkstemp(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(tempfile_module, "mkstemp", racing_mkstemp)
    cli.main(["new", "page", "--title", "Race page"])
    assert target.read_text(encoding="utf-8") == "the other editor's work\n"
    assert not [p for p in (project / "docs").iterdir() if p.name.startswith(".new-")]
