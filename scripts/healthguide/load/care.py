"""Warning signs as data: one YAML file from which every statement of when to get help is generated.

``docs/care/warning-signs.yaml`` lists each sign with its level of care, its question, the pages it
concerns and its sources. A Python-Markdown extension (``healthguide.theme.care`` in ``markdown_extensions``)
expands three markers in pages, at render time, from that file:

* ``<!-- healthguide:care PAGE.md -->``: the "When to get help" section of a medical page;
* ``<!-- healthguide:self-check -->``: the self-check's questions (a form the script reveals) and its
  no-JavaScript checklist;
* ``<!-- healthguide:emergency-signs -->``: one paragraph with the emergency signs (the FAQ, the home page).

The rendering and the extension itself live in :mod:`healthguide.theme.care`. The extension needs no MkDocs
plugin, so any engine that runs Python-Markdown renders the same pages. The assembler puts the same file on
the model (``Site.care``; ``Page.markers`` and ``Page.outline`` per page), from which the checks
(``checks/care.py``) prove every page carries what it generates.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import yamlsafe

EXTENSION = "healthguide.theme.care"
MARKER = re.compile(r"^<!--\s*healthguide:(care|self-check|emergency-signs)\b\s*(\S*)\s*-->\s*$")
HAND_BOX = re.compile(r"^(?:!!!|\?\?\?\+?)\s+(care-(?:emergency|urgent|routine))\b")
HEADING = "When to get help"
HEADING_ID = "when-to-get-help"
SELF_CHECK = "self-check.md"


class Level(enum.Enum):
    """Levels of care, from least to most urgent."""

    SELF_CARE = "self-care"
    SOON = "soon"
    URGENT = "urgent"
    EMERGENCY = "emergency"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Level.SELF_CARE: 0, Level.SOON: 1, Level.URGENT: 2, Level.EMERGENCY: 3}
BOX = {Level.EMERGENCY: "care-emergency", Level.URGENT: "care-urgent", Level.SOON: "care-routine"}
ASKED = (Level.EMERGENCY, Level.URGENT, Level.SOON)   # the levels a sign may have


@dataclass(frozen=True)
class LevelInfo:
    level: Level
    title: str
    short: str
    action: str
    places: tuple[str, ...] = ()
    heading: str = ""               # the self-check result's heading at this level
    line: int = 1                   # 1-based line of the level's entry in the data file


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    url: str
    line: int = 1                   # 1-based line of the source's entry in the data file


@dataclass(frozen=True)
class Sign:
    id: str
    level: Level
    text: str
    question: str
    pages: tuple[str, ...]          # "all", group names or page paths, as written
    sources: tuple[str, ...]
    go: str = ""
    places: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()
    line: int = 1                   # 1-based line of the entry in the data file


@dataclass(frozen=True)
class RouteOption:
    value: str
    label: str
    pages: tuple[str, ...]


@dataclass(frozen=True)
class Route:
    id: str
    question: str
    options: tuple[RouteOption, ...]
    multiple: bool = False


@dataclass(frozen=True)
class Problem:
    """Something wrong in the data file, at a 1-based line and column."""

    line: int
    col: int
    message: str
    hint: str


@dataclass(frozen=True)
class CareData:
    path: str                                   # as findings name it (docs-relative when inside docs/)
    levels: Mapping[Level, LevelInfo]
    signs: tuple[Sign, ...]
    sources: Mapping[str, Source]
    groups: Mapping[str, tuple[str, ...]]
    routes: tuple[Route, ...] = ()
    always: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()
    group_lines: Mapping[str, int] = field(default_factory=dict)

    def pages_of(self, sign: Sign) -> set[str] | None:
        """The pages a sign concerns; None means every medical page."""
        out: set[str] = set()
        for item in sign.pages:
            if item == "all":
                return None
            out.update(self.groups.get(item, (item,)))
        return out

    def signs_for(self, page: str) -> tuple[Sign, ...]:
        """The signs a page's care section lists, most urgent first (data order within a level)."""
        chosen = [s for s in self.signs if (pages := self.pages_of(s)) is None or page in pages]
        return tuple(sorted(chosen, key=lambda s: -s.level.rank))

    def info(self, level: Level) -> LevelInfo:
        return self.levels.get(level) or LevelInfo(level, level.value, level.value, "")

    def places_for(self, sign: Sign) -> tuple[str, ...]:
        return sign.places or self.info(sign.level).places


def sign_line(data: CareData, sign: Sign) -> str:
    """A sign as a care-box line: the sign, then where to go when that is more specific than the box says."""
    return f"{sign.text} {sign.go}".strip()


# ----------------------------------------------------------------------------------------------------
# Loading and validation


def load_care(path: Path, rel: str) -> CareData:
    """Read and validate the data file. Never raises: problems are kept on the result with lines."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        return _broken(rel, Problem(1, 1, f"cannot read the warning-signs file ({err})",
                                    "Check the `data:` path of `healthguide.theme.care` in mkdocs.yml; save the file as UTF-8."))
    return replace(_from_text(text), path=rel)


@functools.lru_cache(maxsize=8)
def _from_text(text: str) -> CareData:
    """The data of one file's text, parsed once a process: the model, the page judge and the Markdown extension each
    ask for it (its YAML with positions is most of a small site's start-up). ``path`` is set by the caller."""
    parsed = yamlsafe.parse(text)
    if isinstance(parsed, yamlsafe.YamlProblem):
        return _broken("", Problem(parsed.line + 1, parsed.col + 1, f"not valid YAML: {parsed.message}",
                                    "Fix the line named; compare with an entry above it."))
    raw = parsed.value
    if not isinstance(raw, dict) or not isinstance(raw.get("signs"), list):
        return _broken("", Problem(1, 1, "the warning-signs file has no `signs:` list",
                                    "Start from the existing file: `levels:`, `signs:` and `sources:` at the top level."))
    lines = _entry_lines(text, parsed.key_marks)
    problems: list[Problem] = []
    levels = _levels(raw.get("levels"), text, lines.get("levels", 1), problems)
    sources = _sources(raw.get("sources"), text, lines.get("sources", 1), problems)
    groups, group_lines = _groups(raw.get("groups"), text, problems)
    signs = _signs(raw["signs"], text, sources, groups, problems)
    routes = _routes(raw.get("routes"), lines.get("routes", 1), problems)
    always = tuple(str(p) for p in raw.get("always") or [] if isinstance(p, str))
    return CareData("", levels, signs, sources, groups, routes, always, tuple(problems), group_lines)


def _broken(rel: str, problem: Problem) -> CareData:
    return CareData(rel, {}, (), {}, {}, problems=(problem,))


def _entry_lines(text: str, key_marks: Mapping[str, tuple[int, int]]) -> dict[str, int]:
    return {key: line + 1 for key, (line, _) in key_marks.items()}


def _line_of(text: str, pattern: str, start: int = 1) -> int:
    """The 1-based line where ``pattern`` first occurs at or after ``start``, else ``start``."""
    lines = text.splitlines()
    for n in range(max(start, 1), len(lines) + 1):
        if re.search(pattern, lines[n - 1]):
            return n
    return start


def _entry_line(text: str, name: object, start: int) -> int:
    """The line of ``name:`` nested under the top-level key at ``start`` (levels and sources are mappings)."""
    return _line_of(text, rf"^\s+['\"]?{re.escape(str(name))}['\"]?\s*:", start)


def _levels(raw: Any, text: str, line: int, problems: list[Problem]) -> dict[Level, LevelInfo]:
    out: dict[Level, LevelInfo] = {}
    if not isinstance(raw, dict):
        problems.append(Problem(line, 1, "`levels:` is missing or not a mapping",
                                "Give `levels:` an entry for emergency, urgent, soon and self-care."))
        return out
    for name, entry in raw.items():
        try:
            level = Level(name)
        except ValueError:
            problems.append(Problem(_entry_line(text, name, line), 1, f"unknown level `{name}` under `levels:`",
                                    f"Use one of: {', '.join(v.value for v in Level)}."))
            continue
        entry = entry if isinstance(entry, dict) else {}
        out[level] = LevelInfo(level, str(entry.get("title") or name), str(entry.get("short") or entry.get("title") or name),
                               str(entry.get("action") or ""), tuple(str(p) for p in entry.get("places") or []),
                               str(entry.get("heading") or entry.get("short") or name), _entry_line(text, name, line))
    for level in Level:
        if level not in out or not out[level].action:
            problems.append(Problem(line, 1, f"level `{level.value}` has no `action:` (what the reader should do)",
                                    f"Add `{level.value}:` with `title:` and `action:` under `levels:`."))
    return out


def _sources(raw: Any, text: str, line: int, problems: list[Problem]) -> dict[str, Source]:
    if not isinstance(raw, dict):
        problems.append(Problem(line, 1, "`sources:` is missing or not a mapping", "List each source under `sources:` by id."))
        return {}
    out = {}
    for key, entry in raw.items():
        entry = entry if isinstance(entry, dict) else {}
        at = _entry_line(text, key, line)
        if not entry.get("url") or not entry.get("title"):
            problems.append(Problem(at, 1, f"source `{key}` has no `title:` or `url:`",
                                    "Give every source the title and address of the page you read."))
        out[str(key)] = Source(str(key), str(entry.get("title") or key), str(entry.get("publisher") or ""),
                               str(entry.get("url") or ""), at)
    return out


def _groups(raw: Any, text: str, problems: list[Problem]) -> tuple[dict[str, tuple[str, ...]], dict[str, int]]:
    out: dict[str, tuple[str, ...]] = {}
    lines: dict[str, int] = {}
    for name, pages in (raw or {}).items() if isinstance(raw, dict) else ():
        lines[str(name)] = _line_of(text, rf"^\s+{re.escape(str(name))}:")
        if not isinstance(pages, list) or not all(isinstance(p, str) for p in pages):
            problems.append(Problem(lines[str(name)], 1, f"group `{name}` is not a list of page paths",
                                    "Write `name: [folder/page.md, ...]`."))
            continue
        out[str(name)] = tuple(pages)
    return out, lines


_SIGN_KEYS = {"id", "level", "text", "question", "pages", "sources", "go", "places", "mentions"}


def _signs(raw: list[Any], text: str, sources: Mapping[str, Source], groups: Mapping[str, tuple[str, ...]],
           problems: list[Problem]) -> tuple[Sign, ...]:
    out: list[Sign] = []
    seen: set[str] = set()
    cursor = _line_of(text, r"^signs:")
    for entry in raw:
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            problems.append(Problem(cursor, 1, "a sign without an `id:`", "Start every sign with `- id: short-name`."))
            continue
        sid = entry["id"]
        line = _line_of(text, rf"^\s*-\s*id:\s*['\"]?{re.escape(sid)}['\"]?\s*(#.*)?$", cursor)
        cursor = line
        if sid in seen:
            problems.append(Problem(line, 1, f"sign `{sid}` is listed twice", "Give each sign its own id."))
        seen.add(sid)
        for key in sorted(set(entry) - _SIGN_KEYS):
            problems.append(Problem(_line_of(text, rf"^\s+{re.escape(str(key))}:", line), 1, f"sign `{sid}`: unknown key `{key}`",
                                    f"Use only: {', '.join(sorted(_SIGN_KEYS))}."))
        level = _sign_level(entry, sid, _line_of(text, r"^\s+level:", line), problems)
        for key in ("text", "question"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                problems.append(Problem(line, 1, f"sign `{sid}` has no `{key}:`",
                                        "Write the sign as a short statement (`text:`) and as a yes/no question (`question:`)."))
        refs = _strings(entry.get("sources"))
        src_line = _line_of(text, r"^\s+sources:", line)
        if not refs:
            problems.append(Problem(src_line, 1, f"sign `{sid}` has no source",
                                    "Name the NHS or NICE page it comes from under `sources:` (ids from the `sources:` list)."))
        for ref in refs:
            if ref not in sources:
                problems.append(Problem(src_line, 1, f"sign `{sid}`: unknown source `{ref}`",
                                        "Add the source under `sources:` with its title and address, or fix the id."))
        pages = _strings(entry.get("pages")) if entry.get("pages") != "all" else ("all",)
        if not pages:
            problems.append(Problem(_line_of(text, r"^\s+pages:", line), 1, f"sign `{sid}` names no pages",
                                    "Write `pages: all`, a group from `groups:`, or page paths."))
        if level is None:
            continue
        out.append(Sign(sid, level, str(entry.get("text") or "").strip(), str(entry.get("question") or "").strip(), pages, refs,
                        str(entry.get("go") or "").strip(), _strings(entry.get("places")), _strings(entry.get("mentions")), line))
    return tuple(out)


def _sign_level(entry: Mapping[str, Any], sid: str, line: int, problems: list[Problem]) -> Level | None:
    try:
        level = Level(entry.get("level"))
    except ValueError:
        level = None
    if level not in ASKED:
        problems.append(Problem(line, 1, f"sign `{sid}`: unknown level `{entry.get('level')}`",
                                "Use emergency (999 or A&E), urgent (the same day) or soon (within days)."))
        return None
    return level


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(str(v) for v in value if isinstance(v, (str, int)))
    return ()


def _routes(raw: Any, line: int, problems: list[Problem]) -> tuple[Route, ...]:
    out = []
    for entry in raw or [] if isinstance(raw, list) else ():
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or not isinstance(entry.get("options"), list):
            problems.append(Problem(line, 1, "a route without `id:` or `options:`", "Give each route an id, a question and options."))
            continue
        options = tuple(RouteOption(str(o.get("value")), str(o.get("label")), _strings(o.get("pages")))
                        for o in entry["options"] if isinstance(o, dict))
        out.append(Route(entry["id"], str(entry.get("question") or ""), options, bool(entry.get("multiple"))))
    return tuple(out)


def from_extension_configs(configs: Mapping[str, Any], docs_dir: Path) -> CareData | None:
    """The care data named by ``healthguide.theme.care`` in markdown_extensions, or None when not configured."""
    conf = configs.get(EXTENSION)
    if conf is None:
        return None
    data = conf.get("data") if isinstance(conf, Mapping) else None
    if not data:
        return _broken("mkdocs.yml", Problem(1, 1, "`healthguide.theme.care` has no `data:` path",
                                             "Add `data: docs/care/warning-signs.yaml` (relative to mkdocs.yml)."))
    path = Path(str(data))
    return load_care(path, display_path(path, docs_dir))


def with_absolute_data(configs: Mapping[str, Any], base: Path) -> dict[str, Any]:
    """``configs`` with a relative ``data:`` of ``healthguide.theme.care`` made absolute against ``base`` (mkdocs.yml's folder).

    mkdocs.yml names the file relative to itself (``data: docs/care/warning-signs.yaml``, no MkDocs-only
    ``!relative`` tag), so every engine reads the same line; an engine that runs no plugin resolves it from
    the working directory, the project folder that ``make site`` runs in.
    """
    conf = configs.get(EXTENSION)
    data = conf.get("data") if isinstance(conf, Mapping) else None
    if not data or Path(str(data)).is_absolute():
        return dict(configs)
    return {**configs, EXTENSION: {**conf, "data": str(base / str(data))}}  # type: ignore[dict-item]


def display_path(path: Path, docs_dir: Path) -> str:
    try:
        return path.resolve().relative_to(docs_dir.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def markers(body: str, first_line: int) -> Iterator[tuple[str, str, int]]:
    """(kind, argument, line) of each marker in a page body, outside fenced code."""
    fence = ""
    for n, line in enumerate(body.split("\n"), start=first_line):
        stripped = line.strip()
        if fence:
            if stripped.startswith(fence):
                fence = ""
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            continue
        m = MARKER.match(stripped)
        if m:
            yield m.group(1), m.group(2), n
        elif (box := HAND_BOX.match(stripped)):
            yield "box", box.group(1), n   # a care box written by hand, not generated
