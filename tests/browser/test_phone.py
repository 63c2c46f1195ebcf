"""What axe cannot see: the built site on a phone and with a keyboard, in real Chromium (issue 15).

Every page type at 360 px and 1280 px, light and dark: citation previews stay on screen, every focusable
element shows a focus ring, the first tab stops are where the reader can see them, hover and focus keep
text readable, search results carry no reference text, and the 404 page leads home, to search and to
urgent help. Screenshots for reviewers go to the git-ignored test-artifacts/.

The site, server and browser helpers are the ones test_browser.py uses (same build, same fenced tabs).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from test_browser import ARTIFACTS, PAGES, Server, Tab, browser, open_tab, site  # noqa: F401 - fixtures

from support import ROOT

WIDTHS = (360, 1280)
SCHEMES = ("light", "dark")
CITING = {"pillar", "spoke", "page"}

# Colour maths in the page: WCAG relative luminance, and the colour actually behind an element.
_COLOUR_JS = """
window.hgColour = (() => {
  const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return [0, 0, 0, 0];
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const over = (top, bottom) => { const a = top[3]; return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]); };
  const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const background = (el, skipSelf) => {
    const layers = [];
    for (let e = skipSelf ? el.parentElement : el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let colour = parse(getComputedStyle(document.body).backgroundColor);
    if (colour[3] < 1) colour = [255, 255, 255, 1];
    for (let i = layers.length - 1; i >= 0; i--) colour = over(layers[i], colour);
    return colour;
  };
  const text = (el) => { const bg = background(el, false); return ratio(over(parse(getComputedStyle(el).color), bg), bg); };
  const large = (el) => { const s = getComputedStyle(el); const px = parseFloat(s.fontSize);
    return px >= 24 || (px >= 18.66 && Number(s.fontWeight) >= 700); };
  // A focus ring: an outline or a box-shadow ring at least 3:1 against what surrounds the element.
  const ring = (el) => {
    const s = getComputedStyle(el); const around = background(el, true); const best = [];
    if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) best.push(ratio(over(parse(s.outlineColor), around), around));
    const shadow = s.boxShadow.match(/rgba?\\([^)]+\\)/);
    if (shadow && s.boxShadow !== 'none') best.push(ratio(over(parse(shadow[0]), around), around));
    return best.length ? Math.max(...best) : 0;
  };
  return {parse, ratio, background, text, large, ring};
})();
"""

FOCUSABLE = ("a[href], button, input:not([type=hidden]), select, textarea, summary, "
             "[tabindex]:not([tabindex='-1'])")


@pytest.fixture
def phone(browser: Any, site: Server, request: pytest.FixtureRequest) -> Iterator[Tab]:  # noqa: F811
    width, scheme = request.param
    t = open_tab(browser, site.base, viewport={"width": width, "height": 740 if width == 360 else 800},
                 color_scheme=scheme, has_touch=width == 360)
    yield t
    t.assert_clean()
    t.page.context.close()


def _configs() -> list[Any]:
    return [pytest.param((w, s), id=f"{w}px-{s}") for w in WIDTHS for s in SCHEMES]


def _wait(page: Any, expression: str, seconds: float = 5) -> None:
    """Poll a JavaScript expression (wait_for_function would need 'unsafe-eval', which the site's CSP refuses)."""
    for _ in range(int(seconds * 20)):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"still false after {seconds}s: {expression}")


def _overflow(page: Any) -> int:
    return int(page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"))


@pytest.mark.parametrize("phone", _configs(), indirect=True)
@pytest.mark.parametrize("kind", PAGES)
def test_no_sideways_scroll_after_opening_any_citation_preview(phone: Tab, kind: str) -> None:
    page = phone.open(PAGES[kind])
    assert _overflow(page) <= 0, f"{kind}: sideways scroll before any preview"
    problems = page.evaluate("""() => {
      const out = []; const vw = document.documentElement.clientWidth;
      for (const link of document.querySelectorAll('a.hg-cite__link[aria-describedby]')) {
        link.focus();
        const preview = document.getElementById(link.getAttribute('aria-describedby'));
        const r = preview.getBoundingClientRect();
        const over = document.documentElement.scrollWidth - document.documentElement.clientWidth;
        if (r.width === 0) out.push(`${link.id}: preview not shown`);
        else if (r.left < 0 || r.right > vw || over > 0) out.push(`${link.id}: ${Math.round(r.left)}..${Math.round(r.right)} of ${vw}, ${over}px sideways`);
        link.blur();
      }
      return out;
    }""")
    assert not problems, problems[:5]
    if kind in ("pillar", "spoke"):
        assert page.locator("a.hg-cite__link[aria-describedby]").count() > 5, "the page has citations to test"


@pytest.mark.parametrize("phone", [pytest.param((360, "light"), id="360px")], indirect=True)
def test_tapping_a_citation_opens_its_preview_and_the_list_leads_back(phone: Tab) -> None:
    page = phone.open(PAGES["spoke"])
    link = page.locator("a.hg-cite__link[aria-describedby]").nth(3)
    link.scroll_into_view_if_needed()
    before = page.evaluate("scrollY")
    preview = page.locator("#" + str(link.get_attribute("aria-describedby")))
    link.tap()
    assert preview.is_visible(), "a tap shows the preview where the reader is"
    assert abs(page.evaluate("scrollY") - before) < 50, "a tap does not jump to the references"
    assert _overflow(page) <= 0
    page.locator("article h1").tap()
    assert not preview.is_visible(), "tapping elsewhere closes it"

    link.tap()
    link.tap()                                   # a second tap follows the link to the full reference
    target = str(link.get_attribute("href"))
    assert page.evaluate("location.hash") == target
    entry = page.locator(f".hg-references li{target}")
    assert entry.is_visible(), "the folded list opens at the reference"
    back = entry.locator("a.hg-ref__back")
    assert back.get_attribute("href") == "#" + str(link.get_attribute("id")), "back leads to the number tapped"
    back.tap()
    box = link.bounding_box()
    assert box is not None and 0 <= box["y"] <= 740, "back to the text: the citation is on screen again"


def test_references_fold_away_and_open_for_print_and_links(browser: Any, site: Server) -> None:  # noqa: F811
    t = open_tab(browser, site.base, viewport={"width": 360, "height": 740})
    page = t.open(PAGES["spoke"])
    fold = page.locator(".hg-references details.hg-references__fold")
    assert fold.count() == 1 and fold.get_attribute("open") is None, "closed by default"
    first = page.locator(".hg-references li").first
    assert not first.is_visible()
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert first.is_visible(), "printed in full"
    assert page.locator(".hg-print-url").is_visible()
    assert re.search(r"https?://\S+/foot-back-connection/stretches/", page.locator(".hg-print-url").inner_text())
    assert not page.locator(".hg-related").is_visible(), "related cards are not printed"
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    assert not first.is_visible()
    assert not page.locator(".hg-print-url").is_visible()
    ref_id = str(first.get_attribute("id"))
    t.open(PAGES["home"])
    page = t.open(PAGES["spoke"] + "#" + ref_id)
    assert page.locator(f"#{ref_id}").is_visible(), "an address that names a reference opens the list"
    t.assert_clean()
    page.context.close()


@pytest.mark.parametrize("phone", _configs(), indirect=True)
@pytest.mark.parametrize("kind", PAGES)
def test_every_focusable_element_shows_a_focus_ring(phone: Tab, kind: str) -> None:
    page = phone.open(PAGES[kind])
    page.evaluate(_COLOUR_JS)
    page.keyboard.press("Tab")                     # keyboard modality: programmatic focus shows :focus-visible
    missing = page.evaluate("""(selector) => {
      const out = [];
      for (const el of document.querySelectorAll(selector)) {
        if (el.disabled || el.tabIndex < 0 || !el.checkVisibility({visibilityProperty: true})) continue;
        const label = el.matches('.md-option') ? el.form.querySelector('label:not([hidden])') : null;   // the colour-scheme switch
        if (label && !label.checkVisibility({visibilityProperty: true})) continue;
        el.focus();
        if (document.activeElement !== el) continue;
        const shown = label || el;
        const r = shown.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        const contrast = hgColour.ring(shown);
        if (contrast < 3) out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 30)}": ${contrast.toFixed(2)}:1`);
      }
      return out;
    }""", FOCUSABLE)
    assert not missing, f"{kind}: no visible focus ring on {len(missing)}: {missing[:8]}"


@pytest.mark.parametrize("phone", _configs(), indirect=True)
@pytest.mark.parametrize("kind", PAGES)
def test_first_tab_stops_are_on_screen(phone: Tab, kind: str) -> None:
    page = phone.open(PAGES[kind])
    width = page.viewport_size["width"]
    if page.locator(".md-skip").count():           # Material adds a skip link when the page has headings
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.classList.contains('md-skip')"), "the skip link comes first"
    reached_content = False
    for n in range(10):
        page.keyboard.press("Tab")
        where = page.evaluate("""() => {
          const el = document.activeElement; const r = el.getBoundingClientRect();
          const shown = el.matches('.md-option') ? el.form.querySelector('label:not([hidden])').getBoundingClientRect() : r;
          return {name: el.tagName + '.' + [...el.classList].join('.') + ' ' + (el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 30),
                  onScreen: shown.right > 0 && shown.left < innerWidth && shown.width > 0 && (el.matches('.md-option') || el.checkVisibility({visibilityProperty: true})),
                  header: !!el.closest('.md-header'), content: !!el.closest('.md-content'),
                  sidebar: !!el.closest('.md-sidebar'), body: el === document.body};
        }""")
        assert not where["body"], f"tab stop {n + 1}: focus fell to the page body"
        assert where["onScreen"], f"{kind} at {width}px: tab stop {n + 1} is off screen: {where['name']}"
        if width < 1220 and not reached_content:   # below 76.25em Material's menu is a closed drawer
            assert where["header"] or where["content"], f"tab stop {n + 1} is outside the header and content: {where['name']}"
        reached_content = reached_content or where["content"]


@pytest.mark.parametrize("phone", [pytest.param((360, "light"), id="360px"), pytest.param((1280, "dark"), id="1280px")], indirect=True)
@pytest.mark.parametrize("kind", PAGES)
def test_skip_link_lands_on_the_title(phone: Tab, kind: str) -> None:
    page = phone.open(PAGES[kind])
    if not page.locator(".md-skip").count():
        pytest.skip("Material adds no skip link on this page")
    target = page.evaluate("""() => {
      const id = document.querySelector('.md-skip').getAttribute('href').slice(1);
      const el = document.getElementById(id);
      return el && {tag: el.tagName, inContent: !!el.closest('.md-content')};
    }""")
    assert target, "the skip link points at no element"
    assert target["tag"] == "H1" and target["inContent"], f"{kind}: the skip link should land on the page's title, not {target}"


@pytest.mark.parametrize("phone", [pytest.param((360, "light"), id="360px"), pytest.param((1280, "dark"), id="1280px")], indirect=True)
def test_menu_and_search_work_from_the_keyboard_and_escape_returns_focus(phone: Tab) -> None:
    page = phone.open(PAGES["spoke"])
    width = page.viewport_size["width"]
    crumb = page.locator(".hg-breadcrumb a").first
    crumb.focus()
    if width == 360:
        menu = page.locator('label.md-header__button[for="__drawer"]')
        assert menu.get_attribute("role") == "button"
        menu.focus()
        page.keyboard.press("Enter")
        _wait(page, "document.activeElement.closest('.md-sidebar--primary') !== null")
        page.locator("#__drawer").evaluate("el => el.click()")          # close the menu again
        crumb.focus()
        button = page.locator('label.md-header__button[for="__search"]')
        button.focus()
        page.keyboard.press("Enter")
    else:
        page.keyboard.press("Shift+Tab")
        page.locator(".md-search__input").focus()
    _wait(page, "document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("heel")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("Escape")
    _wait(page, "!document.getElementById('__search').checked")
    page.wait_for_timeout(100)
    active = page.evaluate("[document.activeElement.tagName, document.activeElement.className, document.activeElement === document.body]")
    assert not active[2], "Escape in search must not drop focus to the page body"
    assert page.evaluate("document.activeElement.checkVisibility({visibilityProperty: true})"), active


@pytest.mark.parametrize("phone", _configs(), indirect=True)
@pytest.mark.parametrize("kind", PAGES)
def test_hover_and_focus_keep_text_readable(phone: Tab, kind: str) -> None:
    page = phone.open(PAGES[kind])
    page.evaluate(_COLOUR_JS)
    # Judge each state as it ends, not half way through Material's colour transitions (CSSOM: allowed by the CSP).
    page.evaluate("""[...document.styleSheets].find(s => (s.href || '').includes('healthguide.css'))
                     .insertRule('*, *::before, *::after { transition: none !important; }', 0)""")
    # One element of each kind (tag, classes, the component around it): hover and focus are forced by DevTools.
    selector = "a[href], button, summary, label.md-header__button, .md-button"
    chosen = page.evaluate("""(selector) => {
      const seen = new Set(); const out = [];
      document.querySelectorAll(selector).forEach((el, i) => {
        if (!el.checkVisibility({visibilityProperty: true}) || !el.innerText.trim()) return;
        const around = el.closest('.md-header, .md-sidebar, .md-footer, .md-search, .hg-cards, .hg-topicmap, .hg-references, .admonition, .hg-disclaimer, .md-typeset');
        const sig = el.tagName + '.' + [...el.classList].sort().join('.') + '@' + (around ? around.className : '');
        if (!seen.has(sig)) { seen.add(sig); out.push(i); }
      });
      return out;
    }""", selector)
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    nodes = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"]
    failures = []
    for index in chosen:
        for state in (["hover"], ["focus", "focus-visible"]):
            cdp.send("CSS.forcePseudoState", {"nodeId": nodes[index], "forcedPseudoClasses": state})
            ratio, large, name = page.evaluate("""([selector, i]) => {
              const el = document.querySelectorAll(selector)[i];
              return [hgColour.text(el), hgColour.large(el), el.tagName + '.' + [...el.classList].join('.') + ' "' + el.innerText.trim().slice(0, 24) + '"'];
            }""", [selector, index])
            cdp.send("CSS.forcePseudoState", {"nodeId": nodes[index], "forcedPseudoClasses": []})
            if ratio < (3 if large else 4.5):
                failures.append(f"{state[0]} {name}: {ratio:.2f}:1")
    assert not failures, f"{kind}: {failures[:8]}"


def _reference_titles() -> list[str]:
    data = yaml.safe_load((ROOT / "docs" / "references.yaml").read_text(encoding="utf-8"))
    items = data.get("references", data) if isinstance(data, dict) else data
    return [str(r["title"]) for r in items if isinstance(r, dict) and len(str(r.get("title", ""))) >= 30]


@pytest.mark.parametrize("phone", [pytest.param((1280, "light"), id="1280px"), pytest.param((360, "dark"), id="360px")], indirect=True)
def test_search_results_carry_no_reference_text(phone: Tab, site: Server) -> None:  # noqa: F811
    titles = [t.lower() for t in _reference_titles()]
    assert titles
    page = phone.open(PAGES["home"])
    index = page.evaluate("fetch('search/search_index.json').then(r => r.text())").lower()
    leaked = [t for t in titles if t in index]
    assert not leaked, f"reference titles in the search index: {leaked[:3]}"
    for query in ("heel", "back pain", "insoles"):
        page = phone.open(PAGES["home"] + "?q=" + query.replace(" ", "+"))
        page.wait_for_selector(".md-search-result__item")
        page.wait_for_timeout(300)
        text = page.locator(".md-search-result").inner_text()
        assert not re.search(r"\bet al\.|\bdoi:|\bPubMed\b", text), f"{query}: results read like a bibliography"
        if query == "heel":
            pages = page.locator(".md-search-result__item > a article h1").all_inner_texts()
            assert "Plantar fasciitis and low back pain" in pages[:2], pages[:5]


@pytest.mark.parametrize("phone", _configs(), indirect=True)
def test_404_page_leads_home_to_search_and_to_urgent_help(phone: Tab) -> None:
    page = phone.open(PAGES["not-found"])
    assert page.locator("h1").inner_text() == "Page not found"
    content = page.locator(".md-content")
    hrefs = content.locator("a").evaluate_all("els => els.map(a => new URL(a.href).pathname + new URL(a.href).search)")
    root = "/" + phone.base.split("/", 3)[3]
    assert root in hrefs, f"a link home: {hrefs}"
    assert root + "?q=" in hrefs, "a link that opens search"
    assert root + "self-check/" in hrefs
    assert root + "foot-back-connection/when-to-see-a-clinician/" in hrefs, "urgent help"
    text = content.inner_text()
    assert "999" in text and "111" in text
    page.locator(".md-content a", has_text="Search the guide").click()
    page.wait_for_load_state()
    _wait(page, "!!document.getElementById('__search')?.checked")


@pytest.mark.parametrize("phone", [pytest.param((360, "dark"), id="360px")], indirect=True)
def test_pillar_lists_each_article_once_as_a_link(phone: Tab) -> None:
    page = phone.open(PAGES["pillar"])
    spokes = page.locator(".hg-topicmap a.hg-topicmap__link")
    assert spokes.count() >= 10
    hrefs = page.locator(".md-content a[href]").evaluate_all(
        "els => els.filter(a => !a.closest('.hg-evidence, article p, article li:not(.hg-topicmap__item), .hg-breadcrumb')).map(a => a.pathname)")
    spoke_paths = spokes.evaluate_all("els => els.map(a => a.pathname)")
    repeated = [p for p in spoke_paths if hrefs.count(p) > 1]
    assert not repeated, f"listed more than once: {repeated}"
    sizes = spokes.evaluate_all("els => els.map(a => parseFloat(getComputedStyle(a).fontSize))")
    assert min(sizes) >= 14, f"map text shrinks to {min(sizes)}px on a phone"
    assert page.locator(".hg-topicmap svg").count() == 0, "no picture of boxes that look like buttons"
    icons = page.locator(".hg-evidence summary").evaluate_all(
        "els => els.filter(s => getComputedStyle(s, '::before').display !== 'none').length")
    assert icons == 0, "'What the evidence is' carries no meaningless icons"
    h1 = page.locator("article h1").bounding_box()
    assert h1 is not None and h1["y"] < 300, f"the heading starts {h1 and h1['y']}px down a 740px phone screen"
    weight = page.locator("article h1").evaluate("h => Number(getComputedStyle(h).fontWeight)")
    assert weight >= 600


@pytest.mark.parametrize("width", WIDTHS)
def test_screenshots_for_reviewers(browser: Any, site: Server, width: int) -> None:  # noqa: F811
    """test-artifacts/phone-<page>-<width>.png: the first screen of each page, and the pillar's map."""
    ARTIFACTS.mkdir(exist_ok=True)
    t = open_tab(browser, site.base, viewport={"width": width, "height": 740 if width == 360 else 800}, bypass_csp=True)
    for kind in ("pillar", "spoke", "self-check", "not-found"):
        page = t.open(PAGES[kind])
        page.screenshot(path=str(ARTIFACTS / f"phone-{kind}-{width}.png"))
    page = t.open(PAGES["pillar"])
    page.add_style_tag(content=".md-header { position: static !important; }")
    page.locator(".hg-spokes").screenshot(path=str(ARTIFACTS / f"phone-pillar-map-{width}.png"))
    page = t.open(PAGES["spoke"])
    marker = page.locator("a.hg-cite__link[aria-describedby]").nth(2)
    marker.focus()
    page.screenshot(path=str(ARTIFACTS / f"phone-spoke-preview-{width}.png"))
    t.assert_clean()
    page.context.close()
