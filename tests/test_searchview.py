"""Material's search plugin reads each page without the parts it excludes, and nothing else changes.

Real in-process `mkdocs build`s of a copy of docs/: with the previews and reference lists hidden from the
search plugin, and with nothing hidden, every file of the built site (the search index too) is the same.
A plugin that reads pages between the two steps makes the plugin hide nothing.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from healthguide.theme import searchview
from support import ROOT, TODAY


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("HEALTHGUIDE_TODAY", TODAY.isoformat())
    logging.getLogger("mkdocs").setLevel(logging.CRITICAL)
    yield


def _project(tmp: Path) -> Path:
    project = tmp / "project"
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    return project / "mkdocs.yml"


def _build(config: Path, site: Path) -> bool:
    """Build; whether the plugin hid parts from the search plugin."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    mk = load_config(str(config), site_dir=str(site))
    mk.plugins.on_startup(command="build", dirty=False)
    build(mk)
    mk.plugins.on_shutdown()
    return bool(mk.plugins["healthguide"].hide_from_search)


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_the_built_site_and_search_index_are_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = _project(tmp_path)
    hidden: list[int] = []   # characters hidden, per page
    hide = searchview.hide

    def counting(html: str) -> searchview.Hidden | None:
        found = hide(html)
        hidden.append(len(found.original) - len(found.content) if found else 0)
        return found

    monkeypatch.setattr(searchview, "hide", counting)
    assert _build(config, tmp_path / "hidden")
    assert sum(hidden) > 100_000   # docs/' previews and lists were hidden from the search plugin
    monkeypatch.setattr(searchview, "hide", lambda html: None)
    _build(config, tmp_path / "whole")
    hidden_site, whole_site = _files(tmp_path / "hidden"), _files(tmp_path / "whole")
    assert hidden_site.keys() == whole_site.keys()
    assert [k for k in hidden_site if hidden_site[k] != whole_site[k]] == []
    assert any(b"hg-cite__preview" in v for v in whole_site.values())


HOOK = '''
import mkdocs.plugins

SEEN = []

@mkdocs.plugins.event_priority(10)   # between the plugin's two steps
def on_page_context(context, page, **kwargs):
    SEEN.append(page.content)
    return context
'''


def test_a_plugin_between_sees_the_whole_page(tmp_path: Path) -> None:
    config = _project(tmp_path)
    (config.parent / "hook.py").write_text(HOOK, encoding="utf-8")
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks:\n  - hook.py\n", encoding="utf-8")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    mk = load_config(str(config), site_dir=str(tmp_path / "site"))
    mk.plugins.on_startup(command="build", dirty=False)
    build(mk)
    mk.plugins.on_shutdown()
    assert not mk.plugins["healthguide"].hide_from_search
    hook = next(p for p in mk.plugins.values() if hasattr(p, "SEEN"))
    seen = [c for c in hook.SEEN if "hg-cite__preview" in c]
    assert len(seen) > 10


def test_restore_gives_back_the_page() -> None:
    page = ('<p>Text<sup class="hg-cite" data-keys="a"><a href="#ref-a">1</a>'
            '<span class="hg-cite__preview" data-search-exclude="" id="ref-a-preview-1-0" role="tooltip">'
            '<strong class="hg-cite__evidence">Guideline.</strong> A, 2020. The &lt;text&gt;.</span></sup></p>\n'
            '<section aria-labelledby="references" class="hg-references" data-search-exclude="">'
            '<details class="hg-references__fold"><summary><h2 data-search-exclude="" id="references">References</h2>'
            '</summary><ol><li id="ref-a">The text.</li></ol></details></section>')
    hidden = searchview.hide(page)
    assert hidden is not None
    assert "The text" not in hidden.content and 'id="references"' in hidden.content and "<sup" in hidden.content
    assert searchview.restore(hidden.content, hidden) == page
    assert searchview.hide("<p>No citations.</p>") is None
