"""A Markdown report of an online run, for $GITHUB_STEP_SUMMARY (or any Markdown viewer)."""

from __future__ import annotations

from collections.abc import Iterable

from ..catalogue import CATALOGUE
from ..findings import Finding, Severity
from ..report import summary

_ICON = {Severity.ERROR: "❌ error", Severity.WARN: "⚠️ warning", Severity.INFO: "ℹ️ note"}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(title: str, found: list[Finding], counts: Iterable[tuple[str, int]]) -> str:
    lines = [f"## {title}", "", f"**{summary(found)}**", "", "| | count |", "|---|---:|"]
    lines += [f"| {_cell(name)} | {value} |" for name, value in counts]
    lines.append("")
    if not found:
        lines.append("Nothing to fix.")
        return "\n".join(lines) + "\n"
    lines += ["| where | level | code | what | how to fix |", "|---|---|---|---|---|"]
    for f in found:
        name = CATALOGUE[f.code].name if f.code in CATALOGUE else ""
        lines.append(f"| `{_cell(f.path)}:{f.line}` | {_ICON.get(f.severity, f.severity.value)} | {f.code} {name} "
                     f"| {_cell(f.message)} | {_cell(f.hint)} |")
    return "\n".join(lines) + "\n"
