"""Care in a real browser: the self-check's results at every level, with and without JavaScript, at 360 and
1280 px, and the generated "When to get help" section where it belongs on every medical page.

Screenshots of each result level go to test-artifacts/ (git-ignored), with the care section's place on each
page at 360 px in test-artifacts/care-positions.json.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from test_browser import ARGS, ARTIFACTS, CHROMIUM, Server, Tab, build, open_tab, playwright_api

from healthguide.load import care
from support import ROOT

DATA = care.load_care(ROOT / "docs" / "care" / "warning-signs.yaml", "care/warning-signs.yaml")
SIGNS = {s.id: s for s in DATA.signs}
WIDTHS = [360, 1280]
# One sign per level (and "not sure" on one): the reader's answer that should reach that level.
LEVELS = {
    "emergency": ("bladder", "yes"),
    "urgent": ("snap", "yes"),
    "soon": ("inflammatory", "unsure"),
    "self-care": (None, None),
}
MEDICAL = sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs" / "foot-back-connection").glob("*.md"))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    www = build(ROOT, tmp_path_factory.mktemp("www-care"))
    with Server(www) as server:
        yield server


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def tab_at(browser: Any, site: Server, width: int, js: bool = True) -> Tab:
    return open_tab(browser, site.base, viewport={"width": width, "height": 800}, java_script_enabled=js)


def answer_all(page: Any, value: str = "no", **override: str) -> None:
    for sign in DATA.signs:
        chosen = override.get(sign.id.replace("-", "_"), override.get(sign.id, value))
        if chosen:
            page.locator(f'#hg-selfcheck input[name="{sign.id}"][value="{chosen}"]').check()


def submit(page: Any) -> Any:
    page.get_by_role("button", name="Show my result").click()
    return page.locator("#hg-selfcheck-result")


def no_sideways_scroll(page: Any) -> None:
    """Nothing in the article is wider than the screen (the theme's own header is test_browser.py's business)."""
    wide = page.evaluate("""() => [...document.querySelectorAll('.md-content *')]
        .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .slice(0, 5).map(e => e.tagName + '.' + e.className)""")
    assert not wide, f"wider than the screen: {wide}"


def shoot(page: Any, element: Any, name: str) -> None:
    """A screenshot of one element, without the sticky header drawn over its top."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.evaluate("document.querySelector('.md-header').style.visibility = 'hidden'")
    element.scroll_into_view_if_needed()
    element.screenshot(path=str(ARTIFACTS / name))
    page.evaluate("document.querySelector('.md-header').style.visibility = ''")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("level", LEVELS)
def test_each_level_gives_its_reason_and_what_to_do(browser: Any, site: Server, level: str, width: int) -> None:
    t = tab_at(browser, site, width)
    page = t.open("self-check/")
    sign_id, how = LEVELS[level]
    answer_all(page, "no", **({sign_id: how} if sign_id else {}))
    page.locator('#hg-selfcheck input[name="where"][value="heel"]').check()
    result = submit(page)
    info = DATA.info(care.Level(level))
    assert result.locator("h3").inner_text() == info.heading
    assert page.evaluate("document.activeElement.id") == "hg-selfcheck-result-title"
    text = result.inner_text()
    sign = SIGNS[sign_id] if sign_id else None
    assert (sign.go if sign and sign.go else info.action) in text, "what to do now"
    assert "does not name a diagnosis" in text
    if sign:
        assert sign.text in text, "the reason, in the reader's own answer"
        assert result.locator(f".{care.BOX[sign.level]}").count() == 1
        assert "None of your answers" not in text
    else:
        assert "answered no to every warning-sign question" in text
        assert "Get help at once if any of these start" in text, "all no still says what to watch for"
        assert SIGNS["bladder"].text in text and SIGNS["calf"].text in text
    if level == "emergency":
        assert result.locator("#hg-selfcheck-pages, a[href*='standing-at-work']").count() == 0
    no_sideways_scroll(page)
    shoot(page, result, f"care-result-{level}-{width}.png")
    t.assert_clean()
    page.context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_a_skipped_question_gets_no_result_and_is_pointed_out(browser: Any, site: Server, width: int) -> None:
    t = tab_at(browser, site, width)
    page = t.open("self-check/")
    answer_all(page, "no", **{"not-improving": ""})
    result = submit(page)
    assert result.locator("h3").inner_text() == "Answer every question first"
    text = result.inner_text()
    assert "1 warning-sign question is not answered" in text
    assert "None of your answers" not in text and "Get checked" not in text
    assert page.locator('fieldset[data-hg-sign="not-improving"].hg-selfcheck__q--missing').count() == 1
    shoot(page, result, f"care-result-incomplete-{width}.png")
    page.get_by_role("button", name="Start again").click()
    assert result.inner_text().strip() == ""
    t.assert_clean()
    page.context.close()


def test_not_sure_after_an_infection_or_back_procedure_is_not_reassured(browser: Any, site: Server) -> None:
    t = tab_at(browser, site, 360)
    page = t.open("self-check/")
    answer_all(page, "no", **{"recent-infection": "unsure"})
    result = submit(page)
    assert result.locator("h3").inner_text() == DATA.info(care.Level.URGENT).heading
    text = result.inner_text()
    assert SIGNS["recent-infection"].text in text and SIGNS["recent-infection"].go in text
    assert "None of your answers" not in text and "answered no to every warning-sign question" not in text
    t.assert_clean()
    page.context.close()


def test_an_emergency_answer_shows_at_once(browser: Any, site: Server) -> None:
    t = tab_at(browser, site, 360)
    page = t.open("self-check/")
    page.locator('#hg-selfcheck input[name="saddle"][value="unsure"]').check()
    result = submit(page)
    assert result.locator("h3").inner_text() == "Get help now"
    assert "Do not stop to answer the other questions" in result.inner_text()
    t.assert_clean()
    page.context.close()


def test_the_form_asks_every_sign_in_the_data(browser: Any, site: Server) -> None:
    t = tab_at(browser, site, 1280)
    page = t.open("self-check/")
    asked = page.locator("#hg-selfcheck fieldset[data-hg-sign]").evaluate_all("els => els.map(e => e.dataset.hgSign)")
    assert asked == [s.id for s in sorted(DATA.signs, key=lambda s: -s.level.rank)]
    for sign in DATA.signs:
        assert page.locator(f'#hg-selfcheck input[name="{sign.id}"]').count() == 3, "yes, no, not sure"
    payload = json.loads(page.locator("#hg-selfcheck").get_attribute("data-hg-care") or "{}")
    assert [(s["id"], s["level"]) for s in payload["signs"]] == [(s.id, s.level.value) for s in DATA.signs]
    t.assert_clean()
    page.context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_without_javascript_the_checklist_lists_every_sign(browser: Any, site: Server, width: int) -> None:
    t = tab_at(browser, site, width, js=False)
    page = t.open("self-check/")
    assert not page.locator("#hg-selfcheck").is_visible()
    checklist = page.locator("#hg-selfcheck-checklist")
    boxes = checklist.locator(".admonition")
    assert boxes.first.get_attribute("class") == "admonition care-emergency", "emergency signs first"
    assert boxes.first.locator(".admonition-title").inner_text().startswith("Call 999")
    items = checklist.locator(".care-emergency li, .care-urgent li, .care-routine li").all_inner_texts()
    for sign in DATA.signs:
        assert any(sign.text in item for item in items), sign.id
    no_sideways_scroll(page)
    page.screenshot(path=str(ARTIFACTS / f"care-checklist-nojs-{width}.png"))
    t.assert_clean()
    page.context.close()


def test_every_medical_page_has_its_care_section_right_after_the_key_points(browser: Any, site: Server) -> None:
    t = tab_at(browser, site, 360)
    ARTIFACTS.mkdir(exist_ok=True)
    positions = {}
    for path in MEDICAL:
        url = path[:-3].removesuffix("index") + ("/" if not path.endswith("index.md") else "")
        page = t.open(url)
        facts = page.evaluate("""() => {
            const h = document.getElementById('when-to-get-help');
            if (!h) return null;
            const before = h.previousElementSibling, first = h.nextElementSibling;
            const top = h.getBoundingClientRect().top + window.scrollY;
            return {after_key_points: !!before && before.classList.contains('key-points'),
                    first_box: first && first.className, first_title: first && first.querySelector('.admonition-title').textContent,
                    in_toc: !!document.querySelector('.md-nav--secondary a[href="#when-to-get-help"]'),
                    top: Math.round(top), height: document.documentElement.scrollHeight};
        }""")
        assert facts, f"{path}: no #when-to-get-help"
        assert facts["after_key_points"], path
        assert facts["first_box"] == "admonition care-emergency" and facts["first_title"].startswith("Call 999"), path
        assert facts["in_toc"], f"{path}: the care section is in the table of contents"
        positions[path] = {"top_px": facts["top"], "page_px": facts["height"], "share": round(facts["top"] / facts["height"], 3)}
        assert facts["top"] / facts["height"] < 0.3, f"{path}: care section at {facts['top']}px of {facts['height']}px"
        if path.endswith("stretches.md"):
            page.evaluate("document.querySelector('.md-header').style.visibility = 'hidden'")
            page.screenshot(path=str(ARTIFACTS / "care-section-spoke-360.png"), full_page=True,
                            clip={"x": 0, "y": max(facts["top"] - 700, 0), "width": 360, "height": 2400})
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "care-positions.json").write_text(json.dumps(positions, indent=1), encoding="utf-8")
    t.assert_clean()
    t.page.context.close()


def test_the_faq_and_home_page_give_the_emergency_signs_from_the_data(browser: Any, site: Server) -> None:
    t = tab_at(browser, site, 1280)
    for url in ("faq/", "", "finding-care/"):
        text = t.open(url).locator("article").inner_text()
        for sign in (s for s in DATA.signs if s.level is care.Level.EMERGENCY):
            assert sign.text in text, (url, sign.id)
        assert DATA.info(care.Level.EMERGENCY).action.split(".")[0] in text
    t.assert_clean()
    t.page.context.close()
