"""SARIF 2.1.0 output (``check --format sarif``), for code scanning.

One run, one rule per finding code used (its name, summary and default level from the catalogue), one
result per finding with its file, line and column. Paths are relative to the project root, where
code scanning resolves them (``originalUriBaseIds`` names that root ``%SRCROOT%``).
"""

from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..catalogue import CATALOGUE
from ..findings import Finding, Severity

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARN: "warning", Severity.INFO: "note"}


def _rule(code: str) -> dict[str, Any]:
    rule: dict[str, Any] = {"id": code}
    if code in CATALOGUE:
        entry = CATALOGUE[code]
        rule.update(name=entry.name, shortDescription={"text": entry.summary},
                    defaultConfiguration={"level": _LEVELS.get(entry.severity, "note")})
    return rule


def _result(item: Finding, index: dict[str, int]) -> dict[str, Any]:
    text = item.message + (f"\nHint: {item.hint}" if item.hint else "")
    return {
        "ruleId": item.code,
        "ruleIndex": index[item.code],
        "level": _LEVELS.get(item.severity, "note"),
        "message": {"text": text},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": item.path, "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": item.line, "startColumn": item.col},
        }}],
    }


def sarif(found: list[Finding]) -> str:
    codes = sorted({f.code for f in found})
    index = {code: i for i, code in enumerate(codes)}
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "healthguide", "version": __version__,
                                "rules": [_rule(c) for c in codes]}},
            "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "the project root (where mkdocs.yml is)"}}},
            "results": [_result(f, index) for f in found],
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False)
