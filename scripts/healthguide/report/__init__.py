"""Reporters: text for people (gcc style, so editors' problem matchers read it), JSON and SARIF for tools,
GitHub Actions annotations for CI. Checks never print.

Each reporter takes the judged findings and returns the text; :data:`FORMATS` names them for
``--format``, and :func:`healthguide.report.output.render` is the one place a command calls them.
Reporters that can colour their text are also in :data:`STYLED` (``render(..., colour=True)``).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable

from ..catalogue import CATALOGUE
from ..findings import Finding, Severity
from ..terminal import PLAIN, Style


def summary(found: Iterable[Finding]) -> str:
    counts = Counter(f.severity for f in found)
    return (f"{counts[Severity.ERROR]} error(s), {counts[Severity.WARN]} warning(s), "
            f"{counts[Severity.INFO]} note(s)")


def _level(severity: Severity) -> str:
    return {Severity.ERROR: "error", Severity.WARN: "warning", Severity.INFO: "info"}.get(severity, "info")


def format_text(item: Finding, style: Style = PLAIN) -> str:
    """``path:line:col: error: HG301 message`` (a colon after the level, as gcc writes it), then the hint."""
    line = (f"{style.bold(f'{item.path}:{item.line}:{item.col}:')} {style.level(_level(item.severity))}: "
            f"{style.bold(item.code)} {item.message}")
    if item.hint:
        line += "\n    " + style.dim(f"hint: {item.hint}")
    return line


def text(found: list[Finding], style: Style = PLAIN) -> str:
    lines = [format_text(f, style) for f in found]
    lines.append(summary(found))
    return "\n".join(lines)


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(found: list[Finding]) -> str:
    """GitHub Actions workflow commands: ::error file=…,line=…,col=…,title=…::message"""
    kinds = {Severity.ERROR: "error", Severity.WARN: "warning", Severity.INFO: "notice"}
    lines = []
    for f in found:
        title = f"{f.code} {CATALOGUE[f.code].name}" if f.code in CATALOGUE else f.code
        message = f.message + (f"\n{f.hint}" if f.hint else "")
        lines.append(f"::{kinds.get(f.severity, 'notice')} file={_escape_prop(f.path)},line={f.line},col={f.col},"
                     f"title={_escape_prop(title)}::{_escape_data(message)}")
    lines.append(summary(found))
    return "\n".join(lines)


def as_json(found: list[Finding]) -> str:
    return json.dumps([{"path": f.path, "line": f.line, "col": f.col, "severity": f.severity.value,
                        "code": f.code, "message": f.message, "hint": f.hint} for f in found], indent=2, ensure_ascii=False)


def as_sarif(found: list[Finding]) -> str:
    from .sarif import sarif

    return sarif(found)


FORMATS: dict[str, Callable[[list[Finding]], str]] = {"text": text, "github": github, "json": as_json, "sarif": as_sarif}
STYLED: dict[str, Callable[[list[Finding], Style], str]] = {"text": text}
