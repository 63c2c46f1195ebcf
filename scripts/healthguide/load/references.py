"""References (CSL-YAML) and authors: loading with line marks, and citation formatting."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..findings import CODES, Finding, Severity, finding
from ..model import Author, Position, Reference
from . import yamlsafe

REFS_FILE = CODES.define("HG410", "references-file-invalid", Severity.ERROR,
                         "references.yaml is missing, not valid YAML, or not a CSL-YAML `references:` list")
REF_ENTRY = CODES.define("HG411", "reference-entry-invalid", Severity.ERROR,
                         "a reference entry has no `id` or is not a mapping")
DUPLICATE_REF = CODES.define("HG402", "duplicate-reference", Severity.ERROR,
                             "two references share one id")
AUTHORS_FILE = CODES.define("HG810", "authors-file-invalid", Severity.ERROR,
                            "authors.yml is missing, not valid YAML, or an entry lacks name or role")

LIBRARY_ONLY_KEYS = ("verified", "confidence", "unconfirmed", "topic")


def load_references(path: Path, rel: str) -> tuple[dict[str, Reference], list[Finding]]:
    text, problem = _read(path)
    if problem:
        return {}, [finding(REFS_FILE, rel, 1, 1, problem, "Create it with a top-level `references:` list (CSL-YAML, as Zotero exports).")]
    parsed = yamlsafe.parse(text, list_key="references")
    if isinstance(parsed, yamlsafe.YamlProblem):
        return {}, [finding(REFS_FILE, rel, parsed.line + 1, parsed.col + 1, f"invalid YAML: {parsed.message}")]
    value = parsed.value
    items = value.get("references") if isinstance(value, dict) else value if isinstance(value, list) else None
    if not isinstance(items, list):
        return {}, [finding(REFS_FILE, rel, 1, 1, "expected a top-level `references:` list",
                            "CSL-YAML starts with `references:` followed by `- id: ...` entries.")]
    refs: dict[str, Reference] = {}
    found: list[Finding] = []
    for index, item in enumerate(items):
        line, col = parsed.item_marks[index] if index < len(parsed.item_marks) else (0, 0)
        pos = Position(line + 1, col + 1)
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not item["id"].strip():
            found.append(finding(REF_ENTRY, rel, pos.line, pos.col, f"reference #{index + 1} has no text `id`",
                                 "Give every entry an `id:` such as menz2013foot."))
            continue
        key = item["id"].strip()
        if key in refs:
            found.append(finding(DUPLICATE_REF, rel, pos.line, pos.col,
                                 f"duplicate reference id '{key}' (first defined on line {refs[key].pos.line})",
                                 "Remove one entry or give it a different id."))
            continue
        refs[key] = Reference(key, item, pos)
    return refs, found


def load_authors(path: Path, rel: str) -> tuple[dict[str, Author], list[Finding]]:
    text, problem = _read(path)
    if problem:
        return {}, [finding(AUTHORS_FILE, rel, 1, 1, problem, "Create it: one entry per author id with name, role and description.")]
    parsed = yamlsafe.parse(text)
    if isinstance(parsed, yamlsafe.YamlProblem):
        return {}, [finding(AUTHORS_FILE, rel, parsed.line + 1, parsed.col + 1, f"invalid YAML: {parsed.message}")]
    data = parsed.value.get("authors", parsed.value) if isinstance(parsed.value, dict) else None
    if not isinstance(data, dict):
        return {}, [finding(AUTHORS_FILE, rel, 1, 1, "expected a mapping of author ids to their details")]
    marks = parsed.key_marks if "authors" not in parsed.value else {}
    authors: dict[str, Author] = {}
    found: list[Finding] = []
    for key, entry in data.items():
        line, col = marks.get(str(key), (0, 0))
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not isinstance(entry.get("role"), str):
            found.append(finding(AUTHORS_FILE, rel, line + 1, col + 1, f"author '{key}' needs a text `name` and `role`"))
            continue
        authors[str(key)] = Author(str(key), entry["name"], entry["role"], str(entry.get("description") or ""),
                                   str(entry.get("url") or ""), Position(line + 1, col + 1))
    return authors, found


def _read(path: Path) -> tuple[str, str]:
    try:
        return path.read_text(encoding="utf-8-sig"), ""
    except FileNotFoundError:
        return "", f"file not found: {path.name}"
    except (OSError, UnicodeDecodeError) as err:
        return "", f"cannot read {path.name}: {err}"


# --- formatting (Vancouver / AMA style) -------------------------------------------------

def _names(data: Mapping[str, Any]) -> str:
    people = data.get("author") or []
    names = []
    for person in people if isinstance(people, list) else []:
        if not isinstance(person, dict):
            continue
        if person.get("literal"):
            names.append(str(person["literal"]))
            continue
        family = str(person.get("family") or "").strip()
        initials = "".join(part[0] for part in re.split(r"[\s.\-]+", str(person.get("given") or "")) if part)
        names.append(f"{family} {initials}".strip())
    if len(names) > 6:
        names = [*names[:3], "et al"]
    return ", ".join(n for n in names if n)


def year_of(data: Mapping[str, Any]) -> str:
    issued = data.get("issued")
    if isinstance(issued, dict):
        parts = issued.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            return str(parts[0][0])
        if issued.get("literal"):
            return str(issued["literal"])
    return ""


def format_reference(ref: Reference) -> str:
    """Plain-text Vancouver/AMA citation, without identifiers (those are rendered as links)."""
    d = ref.data
    parts = []
    names = _names(d)
    if names:
        parts.append(names + ".")
    title = str(d.get("title") or ref.id).strip().rstrip(".")
    parts.append(title + ".")
    container = str(d.get("container-title") or "").strip()
    year = year_of(d)
    if d.get("type") == "article-journal" and container:
        where = f"{container}. {year}" if year else container
        if d.get("volume"):
            where += f";{d['volume']}"
            if d.get("issue"):
                where += f"({d['issue']})"
        if d.get("page"):
            where += f":{d['page']}"
        parts.append(where + ".")
    else:
        if container:
            parts.append(container + ".")
        if d.get("publisher"):
            parts.append(str(d["publisher"]) + ".")
        if year:
            parts.append(year + ".")
    return " ".join(parts)


def short_label(ref: Reference) -> str:
    """"Menz et al., 2013": for previews and tooltips."""
    people = ref.data.get("author") or []
    first = people[0] if isinstance(people, list) and people and isinstance(people[0], dict) else {}
    name = str(first.get("family") or first.get("literal") or ref.data.get("publisher") or ref.id)
    if isinstance(people, list) and len(people) > 1:
        name += " et al."
    year = year_of(ref.data)
    return f"{name}, {year}" if year else name
