"""Findings and the closed vocabulary of severities and codes."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.Enum):
    """How much a finding matters. ``ignore`` drops it entirely."""

    ERROR = "error"
    WARN = "warn"
    INFO = "info"
    IGNORE = "ignore"

    @property
    def rank(self) -> int:
        return _RANKS[self]


_RANKS = {Severity.ERROR: 0, Severity.WARN: 1, Severity.INFO: 2, Severity.IGNORE: 3}


@dataclass(frozen=True)
class Code:
    """A stable finding code: never reused, never renumbered."""

    code: str
    name: str
    severity: Severity
    summary: str


@dataclass(frozen=True, order=True)
class Finding:
    """One problem at one place. Ordered by (path, line, col, code) for stable output."""

    path: str
    line: int
    col: int
    code: str
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    def with_severity(self, severity: Severity) -> Finding:
        return Finding(self.path, self.line, self.col, self.code, self.message, self.hint, severity)


class CodeBook:
    """Registry of every code a check may emit, so docs and configuration can be validated."""

    def __init__(self) -> None:
        self._codes: dict[str, Code] = {}

    def define(self, code: str, name: str, severity: Severity, summary: str) -> Code:
        if code in self._codes:
            raise ValueError(f"finding code {code} defined twice")
        entry = Code(code, name, severity, summary)
        self._codes[code] = entry
        return entry

    def __getitem__(self, code: str) -> Code:
        return self._codes[code]

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def all(self) -> list[Code]:
        return sorted(self._codes.values(), key=lambda c: c.code)

    def by_name(self, name: str) -> Code | None:
        return next((c for c in self._codes.values() if c.name == name), None)


CODES = CodeBook()


def finding(code: Code, path: str, line: int, col: int, message: str, hint: str = "") -> Finding:
    """Build a finding with the code's default severity (configuration may change it later)."""
    return Finding(path, max(line, 1), max(col, 1), code.code, message, hint, code.severity)
