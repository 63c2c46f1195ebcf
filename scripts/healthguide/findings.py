"""Findings and the closed vocabulary of severities and codes."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Protocol


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


class CodeLookup(Protocol):
    """What configuration needs of the catalogue: a code by number or name (see :mod:`healthguide.catalogue`)."""

    def lookup(self, key: str) -> Code | None: ...


class CodeFactory:
    """``CODES.define(...)`` makes a :class:`Code` where a family declares it. Nothing is registered:
    :mod:`healthguide.catalogue` lists every code explicitly, so no lookup depends on what was imported."""

    def define(self, code: str, name: str, severity: Severity, summary: str) -> Code:
        if not (len(code) == 5 and code.startswith("HG") and code[2:].isdigit()):
            raise ValueError(f"finding code {code!r} is not of the form HGnnn")
        return Code(code, name, severity, summary)


CODES = CodeFactory()


def finding(code: Code, path: str, line: int, col: int, message: str, hint: str = "") -> Finding:
    """Build a finding with the code's default severity (configuration may change it later)."""
    return Finding(path, max(line, 1), max(col, 1), code.code, message, hint, code.severity)
