"""Split a page into YAML front matter and body, keeping line numbers right."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..findings import CODES, Finding, Severity, finding
from ..model import Position
from . import yamlsafe

UNREADABLE = CODES.define("HG001", "file-unreadable", Severity.ERROR,
                          "the file is not UTF-8 text (binary junk, another encoding, or a NUL byte)")
EMPTY = CODES.define("HG002", "file-empty", Severity.ERROR, "the page has no content at all")
TOO_LARGE = CODES.define("HG003", "file-too-large", Severity.ERROR, "the file is larger than `max_file_bytes`")
NO_FRONT_MATTER = CODES.define("HG010", "front-matter-missing", Severity.ERROR,
                               "the page does not start with a `---` front-matter block")
UNTERMINATED = CODES.define("HG011", "front-matter-unterminated", Severity.ERROR,
                            "the front matter opens with `---` but never closes")
YAML_SYNTAX = CODES.define("HG012", "front-matter-yaml", Severity.ERROR,
                           "the front matter is not valid YAML")
NOT_MAPPING = CODES.define("HG013", "front-matter-not-mapping", Severity.ERROR,
                           "the front matter is YAML but not a set of `key: value` lines")

_OPEN = re.compile(r"^---[ \t]*$")
_CLOSE = re.compile(r"^(---|\.\.\.)[ \t]*$")


@dataclass(frozen=True)
class Split:
    meta: dict[str, Any]
    meta_pos: dict[str, Position]
    start: Position          # where the front matter opens (line 1 when there is none)
    body: str
    body_line: int           # 1-based file line where the body starts
    findings: tuple[Finding, ...]


def decode(path: str, data: bytes, max_bytes: int) -> tuple[str | None, list[Finding]]:
    if len(data) > max_bytes:
        return None, [finding(TOO_LARGE, path, 1, 1, f"file is {len(data):,} bytes; the limit is {max_bytes:,}",
                              "Split the article, or raise `max_file_bytes` in mkdocs.yml if this is intended.")]
    if b"\x00" in data:
        return None, [finding(UNREADABLE, path, data[: data.index(b"\x00")].count(b"\n") + 1, 1,
                              "file contains a NUL byte: it looks binary, not Markdown")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        return None, [finding(UNREADABLE, path, line, 1, f"file is not valid UTF-8 (byte 0x{data[err.start]:02x})",
                              "Save the file as UTF-8 in your editor.")]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def yaml_hint(problem: str) -> str:
    """What to do about a YAML syntax error, by its kind (a tab is not a quoting problem)."""
    if "'\\t'" in problem or "\t" in problem:
        return "Indent with spaces, not a tab: YAML does not allow tabs for indentation."
    return "Check quoting: text with a colon followed by a space must be in quotes."


def split(path: str, text: str) -> Split:
    lines = text.split("\n")
    if not text.strip():
        return Split({}, {}, Position(1), text, 1, (finding(EMPTY, path, 1, 1, "the page is empty",
                                                            "Write the page, or delete the file (in the health guide, `make new` scaffolds an article)."),))
    if not lines or not _OPEN.match(lines[0]):
        return Split({}, {}, Position(1), text, 1,
                     (finding(NO_FRONT_MATTER, path, 1, 1, "the page has no front matter",
                              "Start the file with a `---` line, the keys (title, description, type…), and another `---`."),))
    end = next((i for i in range(1, len(lines)) if _CLOSE.match(lines[i])), None)
    if end is None:
        # MkDocs renders such a file whole (the `---` as a rule), so its links and ids are still checked.
        return Split({}, {}, Position(1), text, 1,
                     (finding(UNTERMINATED, path, 1, 1, "front matter opened with `---` on line 1 is never closed",
                              "Add a line with only `---` after the last front-matter key."),))
    body = "\n".join(lines[end + 1:])
    parsed = yamlsafe.parse("\n".join(lines[1:end]))
    if isinstance(parsed, yamlsafe.YamlProblem):
        return Split({}, {}, Position(1), body, end + 2,
                     (finding(YAML_SYNTAX, path, parsed.line + 2, parsed.col + 1, f"front matter is not valid YAML: {parsed.message}",
                              yaml_hint(parsed.message)),))
    if parsed.value is None:
        return Split({}, {}, Position(1), body, end + 2, ())
    if not isinstance(parsed.value, dict):
        return Split({}, {}, Position(1), body, end + 2,
                     (finding(NOT_MAPPING, path, 2, 1, f"front matter is a {type(parsed.value).__name__}, not `key: value` lines"),))
    meta_pos = {key: Position(line + 2, col + 1) for key, (line, col) in parsed.key_marks.items()}
    meta = {str(k): v for k, v in parsed.value.items()}
    return Split(meta, meta_pos, Position(1), body, end + 2, ())
