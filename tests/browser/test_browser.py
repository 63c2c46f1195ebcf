"""The built site in a real browser: Debian's Chromium driven by Playwright, served from 127.0.0.1.

The real site is built once per session (HEALTHGUIDE_TODAY pins the date) and served by a local
http.server thread. Every request is routed: anything not for 127.0.0.1 is aborted and fails the test.
axe-core comes from npm (tests/browser/package.json, `npm ci` in the Makefile) and is injected per page.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from support import ROOT, TODAY, build_fixture

playwright_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = Path(os.environ.get("HEALTHGUIDE_CHROMIUM", "/usr/bin/chromium"))
AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
README_SHOT = ROOT / "assets" / "readme-spoke.png"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# One page of every type the theme renders.
PAGES = {
    "home": "",
    "pillar": "foot-back-connection/",
    "spoke": "foot-back-connection/stretches/",
    "page": "faq/",
    "self-check": "self-check/",
    "finding-care": "finding-care/",
    "not-found": "404.html",
}
MEDICAL = {"pillar", "spoke"}

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing: run scripts/tools/ensure-chromium.sh", allow_module_level=True)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
        pass


def build(project: Path, www: Path) -> Path:
    """Build into www/<site_url path>: the site is served where site_url puts it (404.html uses root URLs)."""
    match = re.search(r"^site_url:\s*(\S+)", (project / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    prefix = urllib.parse.urlsplit(match.group(1) if match else "").path.strip("/")
    out = www / prefix if prefix else www
    env = {**os.environ, "HEALTHGUIDE_TODAY": TODAY.isoformat(), "PYTHONPATH": str(ROOT / "scripts")}
    env.pop("SOURCE_DATE_EPOCH", None)
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--clean", "-q", "-f", str(project / "mkdocs.yml"),
                           "-d", str(out)], cwd=project, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return www


@dataclass
class Server:
    """Serves a built tree on 127.0.0.1; `base` is the site's own root (with site_url's path)."""

    www: Path
    base: str = ""
    httpd: http.server.ThreadingHTTPServer | None = None

    def __enter__(self) -> Server:
        handler = functools.partial(_Quiet, directory=str(self.www))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        root = next((p for p in sorted(self.www.rglob("sitemap.xml"))), self.www / "sitemap.xml").parent
        prefix = root.relative_to(self.www).as_posix()
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.base = self.origin + ("" if prefix == "." else prefix + "/")
        return self

    def __exit__(self, *exc: object) -> None:
        assert self.httpd is not None
        self.httpd.shutdown()
        self.httpd.server_close()


# One built site and one Chromium per session, shared with the other browser test modules that import these
# fixtures (test_phone.py): Playwright's sync API runs one instance at a time. The first fixture to start one
# owns it and closes it; the others reuse it.
_SHARED: dict[str, Any] = {}


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    if "site" in _SHARED:
        yield _SHARED["site"]
        return
    www = build(ROOT, tmp_path_factory.mktemp("www"))
    with Server(www) as server:
        _SHARED["site"] = server
        yield server
        del _SHARED["site"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if "browser" in _SHARED:
        yield _SHARED["browser"]
        return
    with playwright_api.sync_playwright() as p:
        chromium = _SHARED["browser"] = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        del _SHARED["browser"]
        chromium.close()


@dataclass
class Tab:
    """A browser page whose traffic is fenced to the test server, with console errors recorded."""

    page: Any
    base: str
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(self, path: str) -> Any:
        response = self.page.goto(self.base + path, wait_until="load")
        assert response is not None and response.status in (200, 404), f"{path}: {response and response.status}"
        return self.page

    def assert_clean(self) -> None:
        assert not self.blocked, f"requests left 127.0.0.1: {self.blocked}"
        assert not self.errors, f"console errors: {self.errors}"


def open_tab(browser: Any, base: str, **context_args: Any) -> Tab:
    context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **context_args})
    tab = Tab(context.new_page(), base)

    origin = "{0.scheme}://{0.netloc}/".format(urllib.parse.urlsplit(base))

    def route(r: Any) -> None:
        if r.request.url.startswith(origin):
            r.continue_()
        else:
            tab.blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    tab.page.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
    tab.page.on("pageerror", lambda e: tab.errors.append(str(e)))
    return tab


@pytest.fixture
def tab(browser: Any, site: Server) -> Iterator[Tab]:
    t = open_tab(browser, site.base)
    yield t
    t.page.context.close()


@pytest.mark.parametrize("kind", PAGES)
def test_every_page_type_shows_the_disclaimer(tab: Tab, kind: str) -> None:
    page = tab.open(PAGES[kind])
    footer = page.locator(".hg-disclaimer--footer")
    footer.scroll_into_view_if_needed()
    assert footer.is_visible()
    assert "not medical advice" in footer.inner_text()
    top = page.locator(".hg-disclaimer--top")
    assert (top.count() == 1 and top.is_visible()) is (kind in MEDICAL)
    tab.assert_clean()


@pytest.mark.parametrize("kind", PAGES)
def test_no_outside_requests_no_console_errors_no_sideways_scroll(browser: Any, site: Server, kind: str) -> None:
    t = open_tab(browser, site.base, viewport={"width": 360, "height": 740})
    page = t.open(PAGES[kind])
    page.wait_for_load_state("networkidle")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{kind}: {overflow}px of horizontal scroll at 360 px"
    t.assert_clean()
    page.context.close()


def test_citation_preview_on_hover_and_keyboard_focus(tab: Tab) -> None:
    page = tab.open(PAGES["spoke"])
    link = page.locator("sup.hg-cite a.hg-cite__link").first
    preview_id = link.get_attribute("aria-describedby")
    assert preview_id, "the marker must point screen readers at its preview"
    preview = page.locator(f"#{preview_id}")
    assert preview.get_attribute("role") == "tooltip"
    assert not preview.is_visible()
    target = (link.get_attribute("href") or "").lstrip("#")
    assert page.locator(f".hg-references li#{target}").count() == 1, "the marker links to the references list"

    link.hover()
    assert preview.is_visible()
    assert preview.inner_text().strip()
    page.mouse.move(0, 0)
    assert not preview.is_visible()

    # Keyboard: Tab from the element just before the marker, as a keyboard user would.
    page.evaluate("""(id) => {
        const link = document.querySelector(`[aria-describedby="${id}"]`);
        const before = document.createElement('button');
        before.textContent = 'start'; before.id = 'hg-test-start';
        link.closest('p, li, td').prepend(before);
    }""", preview_id)
    page.focus("#hg-test-start")
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('aria-describedby')") == preview_id:
            break
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") == preview_id
    assert preview.is_visible()
    page.keyboard.press("Escape")
    assert not preview.is_visible(), "Escape dismisses the preview"
    tab.assert_clean()


def _answer(page: Any, answers: dict[str, str]) -> None:
    for name, value in answers.items():
        page.locator(f'#hg-selfcheck input[name="{name}"][value="{value}"]').check()
    page.get_by_role("button", name="Show my result").click()


def test_self_check_red_flag_path(tab: Tab) -> None:
    page = tab.open(PAGES["self-check"])
    form = page.locator("#hg-selfcheck")
    assert form.is_visible()
    assert form.locator("fieldset legend").count() >= 8
    assert page.locator("#hg-selfcheck-result").get_attribute("aria-live") == "polite"
    _answer(page, {"where": "leg", "habits": "standing", "bladder": "yes"})
    result = page.locator("#hg-selfcheck-result")
    assert result.locator("h3").inner_text() == "Get help now"
    assert page.evaluate("document.activeElement.id") == "hg-selfcheck-result-title"
    text = result.inner_text()
    assert "999" in text and "bladder" in text
    assert result.locator(".care-emergency").count() == 1
    assert "standing at work" not in text.lower(), "an emergency shows the emergency message only"
    assert "does not name a diagnosis" in text
    tab.assert_clean()


def test_self_check_normal_path(tab: Tab) -> None:
    page = tab.open(PAGES["self-check"])
    for radio in page.locator('#hg-selfcheck fieldset[data-hg-sign] input[value="no"]').all():
        radio.check()   # reassurance only when every warning-sign question is answered no (tests/browser/test_care.py)
    _answer(page, {"where": "heel", "morning": "yes"})
    result = page.locator("#hg-selfcheck-result")
    assert result.locator("h3").inner_text() == "None of your answers is a warning sign"
    assert result.locator(".care-emergency, .care-urgent").count() == 0
    hrefs = result.locator("a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert any("plantar-fasciitis-and-back-pain" in h for h in hrefs)
    assert not any("standing-at-work" in h for h in hrefs)
    page.get_by_role("button", name="Start again").click()
    assert result.inner_text().strip() == ""
    tab.assert_clean()


def test_self_check_without_javascript_is_a_checklist(browser: Any, site: Server) -> None:
    t = open_tab(browser, site.base, java_script_enabled=False)
    page = t.open(PAGES["self-check"])
    assert not page.locator("#hg-selfcheck").is_visible()
    checklist = page.locator("#hg-selfcheck-checklist")
    assert checklist.locator(".care-emergency").is_visible()
    assert checklist.locator("#hg-selfcheck-pages a").count() >= 7
    t.assert_clean()
    page.context.close()


def test_print_keeps_references_and_disclaimer(tab: Tab) -> None:
    page = tab.open(PAGES["spoke"])
    page.emulate_media(media="print")
    for kept in (".hg-references", ".hg-disclaimer--top", ".hg-disclaimer--footer", ".hg-review"):
        assert page.locator(kept).first.is_visible(), f"{kept} must print"
    for dropped in (".md-header", ".md-sidebar--primary", ".hg-breadcrumb"):
        assert not page.locator(dropped).first.is_visible(), f"{dropped} should not print"
    tab.assert_clean()


def _axe(page: Any) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [{"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]]


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed: run `npm ci` in tests/browser")
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", PAGES)
def test_axe_wcag22_aa(browser: Any, site: Server, kind: str, scheme: str) -> None:
    t = open_tab(browser, site.base, color_scheme=scheme, bypass_csp=True)   # axe is injected inline
    page = t.open(PAGES[kind])
    if kind == "self-check":
        _answer(page, {"where": "both", "fever": "yes"})   # the result state too
    violations = _axe(page)
    assert not violations, json.dumps(violations, indent=1)
    t.assert_clean()
    page.context.close()


def test_html_in_a_title_is_text_and_runs_nothing(browser: Any, tmp_path: Path) -> None:
    title = '</script><script>window.hgPwned=1</script><img src=x onerror="window.hgPwned=2"> & <b>bold</b>'
    project = build_fixture(tmp_path)
    spoke = project / "docs" / "topic" / "flat-feet.md"
    text = spoke.read_text(encoding="utf-8").replace("title: Flat feet and back pain", "title: " + json.dumps(title), 1)
    spoke.write_text(text, encoding="utf-8")
    www = build(project, tmp_path / "www")
    with Server(www) as server:
        for path in ("topic/flat-feet/", "topic/"):
            t = open_tab(browser, server.base)
            dialogs: list[str] = []
            t.page.on("dialog", lambda d, dialogs=dialogs: (dialogs.append(d.message), d.dismiss()))
            page = t.open(path)
            assert page.evaluate("window.hgPwned") is None
            assert not dialogs
            assert page.locator("b", has_text="bold").count() == 0
            if path == "topic/flat-feet/":
                assert page.locator("h1").inner_text() == title
                assert page.title().startswith(title)
                blocks = page.locator('script[type="application/ld+json"]').evaluate_all(
                    "els => els.map(e => JSON.parse(e.textContent))")
                assert any(b.get("name") == title for b in blocks)
            else:
                assert title in page.locator(".hg-topicmap").inner_text()
            t.assert_clean()
            page.context.close()


def test_screenshots(browser: Any, site: Server) -> None:
    """Pictures for reviewers (test-artifacts/, git-ignored) and the README (assets/readme-spoke.png)."""
    ARTIFACTS.mkdir(exist_ok=True)
    t = open_tab(browser, site.base, viewport={"width": 1280, "height": 900}, bypass_csp=True)
    for kind in ("pillar", "spoke", "self-check"):
        page = t.open(PAGES[kind])
        page.screenshot(path=str(ARTIFACTS / f"{kind}.png"), full_page=kind != "pillar")
        if kind == "pillar":
            page.add_style_tag(content=".md-header { position: static !important; }")  # keep it off the map
            page.locator(".hg-topicmap").screenshot(path=str(ARTIFACTS / "pillar-topicmap.png"))
    page = t.open(PAGES["spoke"])
    page.screenshot(path=str(ARTIFACTS / "readme-spoke.png"))
    README_SHOT.parent.mkdir(exist_ok=True)
    shutil.copyfile(ARTIFACTS / "readme-spoke.png", README_SHOT)
    t.assert_clean()
    page.context.close()
