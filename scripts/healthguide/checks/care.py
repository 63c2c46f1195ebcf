"""HG54x: when to get help is generated from one file, everywhere, and says the same everywhere.

Active when ``healthguide.theme.care`` is in ``markdown_extensions`` (the site's warning-signs data), or when a
page uses a care marker without it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from ..findings import CODES, Finding, Severity, finding
from ..load.care import HEADING_ID, SELF_CHECK, CareData, Sign, sign_line
from ..model import Page, Site
from ..settings import Settings

MISSING = CODES.define("HG540", "care-section-missing", Severity.ERROR,
                       "a pillar or spoke has no generated \"When to get help\" section")
MISPLACED = CODES.define("HG541", "care-section-misplaced", Severity.ERROR,
                         "the care section is not right after the key points, or appears twice")
CHANGED = CODES.define("HG542", "care-section-changed", Severity.ERROR,
                       "the rendered care section differs from what the warning-signs data gives for the page")
BY_HAND = CODES.define("HG543", "care-box-by-hand", Severity.ERROR,
                       "a care box restates warning signs by hand instead of coming from the data")
LEVEL = CODES.define("HG544", "care-level-mismatch", Severity.ERROR,
                     "a sentence names a warning sign with a lower level of care than the data gives it")
NOT_ASKED = CODES.define("HG545", "self-check-incomplete", Severity.ERROR,
                         "a warning sign in the data is not asked by the self-check")
INVALID = CODES.define("HG546", "warning-signs-invalid", Severity.ERROR,
                       "the warning-signs file is unusable: bad YAML, unknown level, missing source, page not found")
WRONG_PAGE = CODES.define("HG547", "care-marker-wrong-page", Severity.ERROR,
                          "a care marker names another page than the one it is on")
NOT_EXPANDED = CODES.define("HG548", "care-not-expanded", Severity.ERROR,
                            "a care marker is in a page but `healthguide.theme.care` is not in markdown_extensions")
NO_POINTER = CODES.define("HG549", "key-points-no-care-line", Severity.WARN,
                          "the key points do not end with a line pointing to the warning signs")

KEY_POINTS = "key-points"


def check(site: Site, settings: Settings) -> Iterator[Finding]:
    """The site-wide part: the data file itself, and the self-check that must ask every sign."""
    data = site.care
    if data is None:
        return
    yield from _data_problems(site, data)
    if data.signs:
        yield from _self_check(site, data)


def check_pages(site: Site, settings: Settings) -> Iterator[Finding]:
    """The part judged on each page alone (with the warning-signs data): run where the page is parsed."""
    data = site.care
    if data is None:
        for page in site.pages.values():
            for kind, _, line in page.markers:
                if kind != "box":
                    yield finding(NOT_EXPANDED, page.path, line, 1, f"`healthguide:{kind}` marker, but nothing expands it",
                                  "Add `- healthguide.theme.care: {data: !relative $config_dir/docs/care/warning-signs.yaml}` "
                                  "to markdown_extensions in mkdocs.yml.")
        return
    if not data.signs:
        return
    for page in site.pages.values():
        if page.load_findings or page.type is None:
            continue
        yield from _hand_boxes(page)
        yield from _levels(page, data)
        if page.type.is_medical:
            yield from _care_section(page, data)


def _data_problems(site: Site, data: CareData) -> Iterator[Finding]:
    for p in data.problems:
        yield finding(INVALID, data.path, p.line, p.col, p.message, p.hint)
    medical = {path for path, page in site.pages.items() if page.type and page.type.is_medical}
    for name, pages in data.groups.items():
        for path in pages:
            if path not in site.pages:
                yield finding(INVALID, data.path, data.group_lines.get(name, 1), 1, f"group `{name}`: page not found: {path}",
                              "Use a docs-relative path such as foot-back-connection/stretches.md.")
    for sign in data.signs:
        for item in sign.pages:
            if item != "all" and item not in data.groups and item not in medical:
                yield finding(INVALID, data.path, sign.line, 1, f"sign `{sign.id}`: page not found: {item}",
                              "Name `all`, a group from `groups:` or the path of a pillar or spoke.")
    for route in data.routes:
        for option in route.options:
            for path in option.pages:
                if path not in site.pages:
                    yield finding(INVALID, data.path, 1, 1, f"route `{route.id}`: page not found: {path}",
                                  "Fix the path under `routes:`.")


def _self_check(site: Site, data: CareData) -> Iterator[Finding]:
    hosts = [p for p in site.pages.values() if any(kind == "self-check" for kind, _, _ in p.markers)]
    if not hosts:
        yield finding(NOT_ASKED, data.path, 1, 1, "no page carries the self-check",
                      f"Put `<!-- healthguide:self-check -->` on its own line in {SELF_CHECK}.")
        return
    html = "".join(block.html for page in hosts for block in page.raw_html)
    for sign in data.signs:
        if f'data-hg-sign="{sign.id}"' not in html:
            yield finding(NOT_ASKED, data.path, sign.line, 1, f"sign `{sign.id}` is not asked by the self-check",
                          "Rebuild with `healthguide.theme.care` in markdown_extensions; never write the form by hand.")


def _hand_boxes(page: Page) -> Iterator[Finding]:
    for kind, arg, line in page.markers:
        if kind == "box":
            yield finding(BY_HAND, page.path, line, 1, f"a `{arg}` box written by hand",
                          "Delete it: warning signs come from docs/care/warning-signs.yaml, through the "
                          "`<!-- healthguide:care PAGE -->` section (or add the sign to the data file).")


def _care_section(page: Page, data: CareData) -> Iterator[Finding]:
    cares = [(arg, line) for kind, arg, line in page.markers if kind == "care"]
    if not cares:
        yield finding(MISSING, page.path, _after_key_points(page), 1, "no \"When to get help\" section",
                      f"Put `<!-- healthguide:care {page.path} -->` on its own line right after the key points.")
        return
    for arg, line in cares:
        if arg != page.path:
            yield finding(WRONG_PAGE, page.path, line, 1, f"the care marker names `{arg or '(nothing)'}`",
                          f"Write `<!-- healthguide:care {page.path} -->`: the section lists the signs for that page.")
    if len(cares) > 1:
        yield finding(MISPLACED, page.path, cares[1][1], 1, "a second care section", "Keep one, right after the key points.")
    kinds = [(tag, ident, classes.split()) for tag, ident, classes, _ in page.outline]
    at = next((i for i, (tag, ident, _) in enumerate(kinds) if tag == "h2" and ident == HEADING_ID), None)
    points = next((i for i, (_, _, classes) in enumerate(kinds) if KEY_POINTS in classes), None)
    if at is None:
        yield finding(CHANGED, page.path, cares[0][1], 1, "the care marker did not render a \"When to get help\" heading",
                      "Check that `healthguide.theme.care` is in markdown_extensions and attr_list is enabled.")
        return
    if points is None or at != points + 1:
        yield finding(MISPLACED, page.path, cares[0][1], 1, "the care section is not right after the key points",
                      "Move the care marker to the line after the key-points box.")
    rendered = _section_text(page, at)
    expected = data.signs_for(page.path)
    where = 0
    for sign in expected:
        found = rendered.find(_plain(sign_line(data, sign)), where)
        if found < 0:
            yield finding(CHANGED, page.path, cares[0][1], 1, f"the care section does not say, in order: \"{sign.text}\"",
                          "Never edit the generated section; rebuild with the current healthguide.theme.care (clear .healthguide-cache/).")
            return
        where = found
    pointer = page.outline[points][3].lower() if points is not None else ""
    if "when to get help" not in pointer and "warning sign" not in pointer:
        yield finding(NO_POINTER, page.path, _key_points_line(page, cares[0][1]), 1, "the key points do not point to the warning signs",
                      "End the key points with a line such as: \"Some signs need help the same day or at once: "
                      "see [when to get help](#when-to-get-help).\"")


def _section_text(page: Page, at: int) -> str:
    out = []
    for tag, _, _, text in page.outline[at + 1:]:
        if tag in ("h1", "h2"):
            break
        out.append(text)
    return _plain(" ".join(out))


def _after_key_points(page: Page) -> int:
    kp = next((pos for kind, pos in page.admonitions if kind == KEY_POINTS), None)
    return kp.line if kp else page.front_matter_pos.line


def _key_points_line(page: Page, fallback: int) -> int:
    kp = next((pos for kind, pos in page.admonitions if kind == KEY_POINTS), None)
    return kp.line if kp else fallback


def _plain(text: str) -> str:
    return " ".join(re.sub(r"\\([\\`*_\[\]<>])", r"\1", text).split()).lower()


def _levels(page: Page, data: CareData) -> Iterator[Finding]:
    """A sentence that names a sign and a place to go must name one the sign's level allows."""
    section = _generated_text(page)
    every_place = {p for info in data.levels.values() for p in info.places}
    for sentence in page.sentences:
        plain = _plain(sentence.text)
        if section and plain in section:
            continue
        # Most sentences name no place to go, and without one there is nothing to judge: look for places first.
        named = [p for p in every_place if _has(plain, p)]
        if not named:
            continue
        for sign in data.signs:
            if not _mentions(sign, plain):
                continue
            allowed = data.places_for(sign)
            if not any(_has(plain, p) for p in allowed):
                yield finding(LEVEL, page.path, sentence.pos.line, sentence.pos.col,
                              f"names \"{sign.text}\" with {', '.join(sorted(named))}; the data says {sign.level.value}",
                              f"Say where the data sends this sign ({', '.join(allowed[:4])}), or link to the care section.")
                break


def _generated_text(page: Page) -> str:
    """Text of the blocks the extension generated (care section, self-check checklist, emergency paragraph)."""
    out = []
    inside = False
    for tag, ident, _classes, text in page.outline:
        if tag == "h2":
            inside = ident in (HEADING_ID, "the-checklist")
        if inside or ident == "hg-selfcheck-checklist":
            out.append(text)
    return _plain(" ".join(out))


def _mentions(sign: Sign, plain: str) -> bool:
    pattern = _mention_pattern(sign.mentions)
    return pattern is not None and pattern.search(plain) is not None


@functools.lru_cache(maxsize=1024)
def _mention_pattern(mentions: tuple[str, ...]) -> re.Pattern[str] | None:
    """One alternation for a sign's mentions: it matches where any one of them would."""
    if not mentions:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(m.lower()) for m in mentions) + ")")


def _has(plain: str, place: str) -> bool:
    return _place_pattern(place).search(plain) is not None


@functools.lru_cache(maxsize=1024)
def _place_pattern(place: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w&])" + re.escape(place.lower()) + r"(?![\w&])")
