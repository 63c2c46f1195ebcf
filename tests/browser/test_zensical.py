"""The Zensical build in a real browser: no request leaves 127.0.0.1, the CSP lets the theme's inline scripts run
and the search box's style (healthguide finish hashed them) and blocks nothing, the parts healthguide.extension rendered are there, and axe
finds no WCAG 2.2 AA violation. The MkDocs build gets the full browser suite (test_browser.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_browser import AXE, PAGES, Server, _axe, browser, open_tab  # noqa: F401 - browser is a fixture

import enginesupport

pytest.importorskip("zensical")


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    root = tmp_path_factory.mktemp("zensical")
    project = enginesupport.project_copy(root / "project")
    www = root / "www"
    www.mkdir()
    enginesupport.build("zensical", project, www / "foot-to-back")   # served where site_url puts it
    with Server(www) as server:
        yield server


def _csp_violations(page: Any) -> list[str]:
    return page.evaluate("window.__hgCsp || []")  # type: ignore[no-any-return]


@pytest.mark.parametrize("kind", PAGES)
def test_zensical_pages_run_their_scripts_under_the_csp(browser: Any, zensical_site: Server, kind: str) -> None:  # noqa: F811
    t = open_tab(browser, zensical_site.base)
    t.page.add_init_script("window.__hgCsp = []; document.addEventListener('securitypolicyviolation',"
                           " e => window.__hgCsp.push(e.violatedDirective + ' ' + e.blockedURI));")
    page = t.open(PAGES[kind])
    page.wait_for_load_state("networkidle")
    assert "'hg-inline-script-hashes'" not in page.content()
    assert page.evaluate("typeof __md_get") == "function", "Material's inline bootstrap script did not run"
    violations = _csp_violations(page)
    # Zensical's search box adds a fixed <style> to a shadow root: `healthguide finish` allows that text by hash.
    assert not violations, violations
    footer = page.locator(".hg-disclaimer--footer")
    assert "not medical advice" in footer.inner_text()
    if kind in ("pillar", "spoke"):
        assert page.locator(".hg-disclaimer--top").is_visible()
        assert page.locator(".hg-byline").count() == 1
        blocks = page.locator('script[type="application/ld+json"]').evaluate_all("els => els.map(e => e.textContent)")
        assert any("MedicalWebPage" in json.loads(b).get("@type", "") for b in blocks)
    assert not t.blocked, f"requests left 127.0.0.1: {t.blocked}"
    assert not t.errors, t.errors
    page.context.close()


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed: run `npm ci` in tests/browser")
@pytest.mark.parametrize("kind", ["home", "pillar", "spoke", "self-check"])
def test_zensical_axe_wcag22_aa(browser: Any, zensical_site: Server, kind: str) -> None:  # noqa: F811
    t = open_tab(browser, zensical_site.base, bypass_csp=True)   # axe is injected inline
    page = t.open(PAGES[kind])
    violations = _axe(page)
    assert not violations, json.dumps(violations, indent=1)
    t.assert_clean()
    page.context.close()


def test_zensical_site_lives_under_site_url(zensical_site: Server) -> None:
    assert Path(zensical_site.www, "foot-to-back", "sitemap.xml").is_file()
