"""The one validated configuration block (``plugins: - healthguide: {...}`` in mkdocs.yml)."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .findings import CodeLookup, Severity

DEFAULT_DISCLAIMER = (
    "This guide gives general information, not medical advice. It cannot diagnose you. "
    "Talk to a doctor, physiotherapist or podiatrist about your own symptoms. "
    "In an emergency, call 999 (UK), 112 (EU) or 911 (US)."
)


@dataclass(frozen=True)
class Settings:
    references: str = "references.yaml"      # docs-relative
    authors: str = "authors.yml"             # docs-relative
    review_interval_months: int = 12
    review_warning_days: int = 30
    max_reading_grade: float = 9.0
    min_sources: int = 1                      # distinct sources a pillar or spoke must cite
    min_participants: int = 50                # a statistic resting only on a smaller study is flagged (HG442)
    disclaimer: str = DEFAULT_DISCLAIMER
    max_file_bytes: int = 2_000_000
    severity: Mapping[str, Severity] = field(default_factory=dict)   # code -> level
    # Online checks only (python -m healthguide online …); never used by `check` or the build.
    links_ignore: tuple[str, ...] = ()        # regexes: external URLs never fetched
    links_allow: tuple[str, ...] = ()         # regexes: URLs whose 401/403/429 bot walls count as reachable
    online_cache_days: int = 7                # how long a good result stays in .healthguide-cache/
    doi_api: str = "https://doi.org"          # env HEALTHGUIDE_DOI_API overrides
    pubmed_api: str = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"   # env HEALTHGUIDE_PUBMED_API overrides

    def severity_of(self, code: str, default: Severity) -> Severity:
        return self.severity.get(code, default)


_FIELD_TYPES: dict[str, type | tuple[type, ...]] = {
    "references": str,
    "authors": str,
    "review_interval_months": int,
    "review_warning_days": int,
    "max_reading_grade": (int, float),
    "min_sources": int,
    "min_participants": int,
    "disclaimer": str,
    "max_file_bytes": int,
    "links_ignore": list,
    "links_allow": list,
    "online_cache_days": int,
    "doi_api": str,
    "pubmed_api": str,
}


OPTION_NAMES: tuple[str, ...] = (*_FIELD_TYPES, "severity")


class SettingsError(ValueError):
    """The configuration block is wrong; the message says which key and why, ``keys`` which keys."""

    def __init__(self, message: str, keys: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.keys = keys


def settings_from_mapping(raw: Mapping[str, Any] | None, catalogue: CodeLookup) -> Settings:
    """Validate the plugin block. Unknown keys and unknown codes are errors, like MkDocs' own.

    ``catalogue`` (normally :data:`healthguide.catalogue.CATALOGUE`) names every code ``severity:`` may set.
    """
    raw = dict(raw or {})
    values: dict[str, Any] = {}
    problems: list[str] = []
    keys: list[str] = []      # the key of each problem, so the adapter can say on which line it is
    for key, value in raw.items():
        before = len(problems)
        if key == "severity":
            values["severity"] = _severity_map(value, problems, catalogue)
        elif key in _FIELD_TYPES:
            expected = _FIELD_TYPES[key]
            if isinstance(value, bool) or not isinstance(value, expected):
                problems.append(f"'{key}' must be {_type_name(expected)}, got {value!r}")
            elif isinstance(value, list) and not all(isinstance(v, str) for v in value):
                problems.append(f"'{key}' must be a list of text patterns, got {value!r}")
            else:
                values[key] = tuple(value) if isinstance(value, list) else value
        elif key in ("enabled",):
            continue
        else:
            close = difflib.get_close_matches(str(key), OPTION_NAMES, n=1)
            known = f"did you mean '{close[0]}'?" if close else f"known: {', '.join(sorted(OPTION_NAMES))}"
            problems.append(f"unknown option '{key}' ({known})")
        keys.extend([str(key)] * (len(problems) - before))
    if problems:
        raise SettingsError("; ".join(problems), tuple(keys))
    return Settings(**values)


def _severity_map(value: Any, problems: list[str], catalogue: CodeLookup) -> dict[str, Severity]:
    if not isinstance(value, Mapping):
        problems.append("'severity' must map finding codes to error, warn, info or ignore")
        return {}
    levels = {s.value: s for s in Severity}
    out: dict[str, Severity] = {}
    for key, level in value.items():
        code = catalogue.lookup(str(key))
        if code is None:
            problems.append(f"severity: unknown finding code '{key}'")
        elif str(level) not in levels:
            problems.append(f"severity: '{key}' must be one of {', '.join(levels)}, got {level!r}")
        else:
            out[code.code] = levels[str(level)]
    return out


def _type_name(expected: type | tuple[type, ...]) -> str:
    if isinstance(expected, tuple):
        return "a number"
    return {str: "text", int: "a whole number", list: "a list"}.get(expected, expected.__name__)
