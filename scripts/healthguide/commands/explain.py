"""``healthguide explain HG301``: a finding code's documentation, from the code catalogue and the
editor's guide (CONTRIBUTING.md, section "What each check means"), so editors need not look it up."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from ..catalogue import CATALOGUE
from ..findings import Code

GUIDE = "CONTRIBUTING.md"
_LEVEL_WORDS = {"error": "an error", "warn": "a warning", "info": "a note", "ignore": "ignored"}


def find_guide(start: Path | None = None) -> Path | None:
    """The editor's guide of the project this package was installed from (None when installed without it)."""
    here = (start or Path(__file__)).resolve()
    for folder in list(here.parents)[:4]:
        if (folder / GUIDE).is_file() and (folder / "pyproject.toml").is_file():
            return folder / GUIDE
    return None


def guide_section(guide_text: str, code: str) -> str:
    """The text under ``#### CODE name`` up to the next heading, or "" when the guide has none."""
    match = re.search(rf"^####\s+{re.escape(code)}\b[^\n]*\n(.*?)(?=^#{{1,4}}\s|\Z)", guide_text, re.M | re.S)
    return match.group(1).strip() if match else ""


def lookup(word: str) -> Code | None:
    key = word.strip()
    return CATALOGUE.lookup(key.upper()) or CATALOGUE.lookup(key.lower())


def suggestion(word: str) -> str:
    """ "; did you mean HG301?" for a mistyped code (letter O for zero, l for one) or name."""
    key = word.strip()
    if key[:2].lower() == "hg":
        key = "HG" + key[2:].upper().translate(str.maketrans("OIL", "011"))
    else:
        key = key.lower()
    names = [c.code for c in CATALOGUE.codes()] + [c.name for c in CATALOGUE.codes()]
    close = difflib.get_close_matches(key, names, n=1, cutoff=0.6)
    return f"; did you mean {close[0]}?" if close else "; `healthguide explain --list` shows every code"


def explain(code: Code, guide: Path | None) -> str:
    lines = [f"{code.code} {code.name}: {_LEVEL_WORDS.get(code.severity.value, code.severity.value)} by default",
             "", code.summary[:1].upper() + code.summary[1:] + "."]
    section = guide_section(guide.read_text(encoding="utf-8"), code.code) if guide else ""
    if section:
        lines += ["", section]
    lines += ["", f"Change its level in mkdocs.yml: plugins: - healthguide: severity: {{{code.code}: warn}}"]
    return "\n".join(lines)


def listing() -> str:
    return "\n".join(f"{c.code}  {c.name:<28} {c.severity.value:<5}  {c.summary}" for c in CATALOGUE.codes())
