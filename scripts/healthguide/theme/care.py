"""What the care markers expand to, and the Python-Markdown extension that expands them.

See :mod:`healthguide.theme.care` for the data and the markers; ``healthguide.theme.care`` in ``markdown_extensions``
loads :class:`CareExtension` from here.
"""

from __future__ import annotations

import functools
import html
import json
import posixpath
import re
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from ..load.care import ASKED, BOX, HEADING, HEADING_ID, SELF_CHECK, CareData, Level, Sign, load_care, markers, sign_line


def link(from_page: str, to_page: str) -> str:
    """A relative Markdown link target from one docs page to another."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def care_section(data: CareData, page: str) -> str:
    """Markdown of a medical page's "When to get help" section: emergency signs first, "Call 999" first."""
    signs = data.signs_for(page)
    out = [f"## {HEADING} {{#{HEADING_ID}}}", ""]
    for level in ASKED:
        chosen = [s for s in signs if s.level is level]
        if not chosen:
            continue
        info = data.info(level)
        marker = "???+" if level is Level.SOON else "!!!"
        out += [f'{marker} {BOX[level]} "{_quote(info.title)}"', ""]
        if level is Level.EMERGENCY:
            out += [f"    **{info.action}**", ""]
        out += [f"    - {_md(sign_line(data, s))}" for s in chosen]
        out.append("")
        if level is not Level.EMERGENCY:
            out += [f"    {info.action}", ""]
    out += [f"Not sure? The [self-check]({link(page, SELF_CHECK)}) asks about each sign, and your answers stay on your device.", "",
            # kept out of the search index, like reference lists: results should not read like a bibliography
            f"These signs follow NHS and NICE guidance: {_source_links(data, signs)}.", "{ data-search-exclude }", ""]
    return "\n".join(out)


def emergency_paragraph(data: CareData, page: str) -> str:
    """One paragraph: the emergency signs and what to do, for the FAQ and the home page."""
    signs = [s for s in data.signs if s.level is Level.EMERGENCY]
    info = data.info(Level.EMERGENCY)
    items = "\n".join(f"- {_md(s.text)}" for s in signs)
    return (f"**{info.action}** Do this if you have any of these:\n\n{items}\n\n"
            f"Signs that need help the same day, or within days, are listed on every article and asked about in the "
            f"[self-check]({link(page, SELF_CHECK)}).\n")


def self_check(data: CareData, page: str) -> str:
    """The self-check: a hidden form (the script reveals and scores it) and the no-JavaScript checklist."""
    return _form(data, page) + "\n\n" + _checklist(data, page)


def _checklist(data: CareData, page: str) -> str:
    out = ['<div id="hg-selfcheck-checklist" markdown>', "", "## The checklist", "",
           ("Without the questions, go through this list yourself. It gives the same advice. Start at the top: "
            "the most urgent signs come first."), ""]
    for step, level in enumerate(ASKED, start=1):
        info = data.info(level)
        out += [f"### Step {step}: {info.short}", "", f'!!! {BOX[level]} "{_quote(info.title)}"', ""]
        out += [f"    - {_md(sign_line(data, s))}" for s in data.signs if s.level is level]
        out += ["", f"    {info.action}", ""]
    out += [f"### Step {len(ASKED) + 1}: pages that fit", "",
            "If none of the signs above apply, pick the lines that sound like you. Keep watching for the signs above.", "",
            '<div id="hg-selfcheck-pages" markdown>', ""]
    for route in data.routes:
        for option in route.options:
            if option.pages:
                links = ", ".join(f"[{_page_title(p)}]({link(page, p)})" for p in option.pages)
                out += [f"- {_md(route.question)} {_md(option.label)}: read {links}.",
                        f'  {{: data-hg-when="{route.id}={option.value}" }}']
    if data.always:
        out += ["- For everyone: read " + " and ".join(f"[{_page_title(p)}]({link(page, p)})" for p in data.always) + ".",
                '  {: data-hg-when="always" }']
    out += ["", "</div>", "", "</div>", ""]
    return "\n".join(out)


def _form(data: CareData, page: str) -> str:
    e = html.escape
    payload = {
        "levels": {lv.value: {"title": data.info(lv).title, "short": data.info(lv).short, "action": data.info(lv).action,
                              "heading": data.info(lv).heading, "box": BOX.get(lv, "care-routine")} for lv in Level},
        "signs": [{"id": s.id, "level": s.level.value, "text": s.text, "go": s.go} for s in data.signs],
    }
    parts = [(f'<form class="hg-selfcheck" id="hg-selfcheck" hidden aria-labelledby="hg-selfcheck-title" autocomplete="off" '
              f'data-hg-care="{e(json.dumps(payload, ensure_ascii=False, sort_keys=True))}">'),
             '<h2 id="hg-selfcheck-title">Answer the questions</h2>',
             ("<p>Answer every question about warning signs: yes, no or not sure. \u201cNot sure\u201d counts as yes, to be safe. "
              "Your answers stay on this device: nothing is sent or saved.</p>")]
    number = 0
    for level in ASKED:
        parts.append(f'<h3 class="hg-selfcheck__group">{e(_GROUP_TITLES[level])}</h3>')
        for sign in (s for s in data.signs if s.level is level):
            number += 1
            name = e(sign.id)
            parts.append(f'<fieldset class="hg-selfcheck__q" data-hg-sign="{name}" data-hg-level="{level.value}">'
                         f"<legend>{number}. {e(sign.question)}</legend>"
                         + "".join(f'<label><input type="radio" name="{name}" value="{v}"> {label}</label>'
                                   for v, label in (("yes", "Yes"), ("no", "No"), ("unsure", "Not sure")))
                         + "</fieldset>")
    parts.append('<h3 class="hg-selfcheck__group">Which pages may help (optional)</h3>')
    for route in data.routes:
        number += 1
        kind = "checkbox" if route.multiple else "radio"
        parts.append(f'<fieldset class="hg-selfcheck__q" data-hg-route="{e(route.id)}"><legend>{number}. {e(route.question)}</legend>'
                     + "".join(f'<label><input type="{kind}" name="{e(route.id)}" value="{e(o.value)}"> {e(o.label)}</label>'
                               for o in route.options)
                     + "</fieldset>")
    parts += [('<div class="hg-selfcheck__actions"><button type="submit" class="md-button md-button--primary">Show my result</button> '
               '<button type="reset" class="md-button">Start again</button></div>'),
              '<div class="hg-selfcheck__result" id="hg-selfcheck-result" aria-live="polite"></div>',
              "</form>"]
    return "\n".join(parts)


_GROUP_TITLES = {Level.EMERGENCY: "Signs that need help now", Level.URGENT: "Signs that need help today",
                 Level.SOON: "Signs to get checked within days"}


def _page_title(path: str) -> str:
    """A readable name for a page from its file name (no page model is available at render time)."""
    name = posixpath.basename(path)[:-3]
    if name == "index":
        name = posixpath.basename(posixpath.dirname(path)) or "home"
    if name == "foot-back-connection":
        return "the foot–back overview"
    return name.replace("-", " ")


def _source_links(data: CareData, signs: tuple[Sign, ...]) -> str:
    ids: list[str] = []
    for sign in signs:
        ids.extend(s for s in sign.sources if s not in ids and s in data.sources)
    return "; ".join(f"[{_md(data.sources[s].title)}]({data.sources[s].url})" for s in ids)


def _md(text: str) -> str:
    """Plain text safe inside Markdown: no accidental emphasis, links or HTML."""
    return re.sub(r"([\\`*_\[\]<>])", r"\\\1", " ".join(text.split()))


def _quote(text: str) -> str:
    return " ".join(text.split()).replace('"', "\u201d")


# The Python-Markdown extension


class CarePreprocessor(Preprocessor):  # type: ignore[misc]  # markdown ships no types
    """Replaces each marker line with what the data says; an unusable marker or file becomes a visible warning."""

    def __init__(self, md: Markdown, ext: CareExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, lines: list[str]) -> list[str]:
        found = {line - 1: (kind, arg) for kind, arg, line in markers("\n".join(lines), 1) if kind != "box"}
        out: list[str] = []
        for n, line in enumerate(lines):
            if n in found:
                out.extend(["", *self.expand(*found[n]).split("\n"), ""])
            else:
                out.append(line)
        return out

    def expand(self, kind: str, arg: str) -> str:
        data = self.ext.data()
        if data is None or not data.signs:
            # Never silent: the checks report the file (HG546); the reader still gets the one safe instruction.
            box = '!!! care-emergency "Warning signs could not be loaded"\n\n    **If you are worried, call 999 or go to A&E.**\n'
            return f"## {HEADING} {{#{HEADING_ID}}}\n\n{box}" if kind == "care" else box
        if kind == "care":
            return care_section(data, arg or "index.md")
        if kind == "self-check":
            return self_check(data, arg or SELF_CHECK)
        return emergency_paragraph(data, arg or "index.md")


@functools.lru_cache(maxsize=4)
def _load(resolved: str, stamp: int) -> CareData:
    """MkDocs makes a new extension per page: parse the file once per version (``stamp``: its mtime)."""
    path = Path(resolved)
    return load_care(path, path.name)


class CareExtension(Extension):  # type: ignore[misc]  # markdown ships no types
    """``healthguide.theme.care``: expands care markers from the warning-signs file named by ``data``."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {"data": ["", "path of the warning-signs YAML file"]}
        super().__init__(**kwargs)

    def data(self) -> CareData | None:
        path = Path(str(self.getConfig("data") or ""))
        if not path.name:
            return None
        try:
            stamp = path.stat().st_mtime_ns
        except OSError:
            return None
        return _load(str(path.resolve()), stamp)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        # After normalising whitespace (30), before raw HTML is stashed (20), so the form is raw HTML.
        md.preprocessors.register(CarePreprocessor(md, self), "hg_care", 25)


def makeExtension(**kwargs: Any) -> CareExtension:  # noqa: N802 - Python-Markdown's entry-point name
    """``healthguide.theme.care`` in ``markdown_extensions``."""
    return CareExtension(**kwargs)
