"""A YAML loader that keeps line marks and refuses what a health guide never needs.

Aliases are refused outright: "billion laughs" documents expand through them, and no
front matter, reference list or author file needs one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
import yaml.reader
import yaml.scanner
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node


class AliasRefused(yaml.YAMLError):
    def __init__(self, mark: yaml.Mark | None) -> None:
        super().__init__("YAML aliases (*name) are not allowed here")
        self.problem_mark = mark


class _Loader(yaml.SafeLoader):
    def compose_node(self, parent: Node | None, index: Any) -> Node | None:  # type: ignore[override]
        if self.check_event(AliasEvent):
            raise AliasRefused(self.peek_event().start_mark)
        return super().compose_node(parent, index)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Parsed:
    """A parsed YAML document: its value and the 0-based line/col of each top-level key."""

    value: Any
    key_marks: dict[str, tuple[int, int]]
    item_marks: list[tuple[int, int]]     # for a top-level list: where each item starts


@dataclass(frozen=True)
class YamlProblem:
    message: str
    line: int   # 0-based within the YAML text
    col: int


def parse(text: str, list_key: str | None = None) -> Parsed | YamlProblem:
    """Parse one YAML document; never raises for bad input.

    ``item_marks`` locates the items of the top-level list, or of the list under ``list_key``.
    """
    fast = _parse_fast(text, list_key) if _FAST is not None else None
    return fast if fast is not None else parse_python(text, list_key)


_FAST = getattr(yaml, "CSafeLoader", None)     # libyaml's parser, when PyYAML was built with it
_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE
# Where libyaml's scanner is more lenient than PyYAML's (tabs, block scalar headers, tags, anchors, directives,
# reserved indicators), found by tests/test_fast_paths.py: such documents go to the pure-Python loader.
# In a flow collection PyYAML reads every "?" as a key indicator, libyaml only one followed by a space.
_FLOW = re.compile(r"[\[{]")
# Those characters (but the tab, always refused): inside a plain or quoted scalar ("Foot & Ankle", "10%", "BMI >27") they are
# text to both parsers, and libyaml's scanner says where each one is (see _only_in_scalars).
_INDICATOR_CHARS = re.compile(r"[|>&*!%@`]")
_INDICATOR_TOKENS = (yaml.AnchorToken, yaml.AliasToken, yaml.TagToken, yaml.DirectiveToken)
_STARTS_AS_INDICATOR = tuple("|>&*!%@`")


def _parse_fast(text: str, list_key: str | None) -> Parsed | None:
    """The usual case with libyaml's parser (front matter: several times faster), the same constructors and marks.

    None whenever the pure-Python loader could answer differently, and it then decides: any error (its messages
    and marks are the ones reported), a tab or a character its reader refuses, and any alias (libyaml gives an alias the
    node it names; :func:`parse_python` refuses it at the alias). tests/test_fast_paths.py holds the two equal.
    """
    if "\t" in text or _NON_PRINTABLE.search(text) or ("?" in text and _FLOW.search(text)):
        return None
    if _INDICATOR_CHARS.search(text) and not _only_in_scalars(text):
        return None
    assert _FAST is not None
    try:
        loader = _FAST(text)
        try:
            node = loader.get_single_node()
            if node is not None and _shared(node):
                return None
            value = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except Exception:  # noqa: BLE001 - the pure-Python loader reports it
        return None
    return Parsed(value, _key_marks(node), _item_marks(_child(node, list_key) if list_key else node))


def _only_in_scalars(text: str) -> bool:
    """Whether every ``| > & * ! % @ ` `` of ``text`` is text inside a plain or quoted scalar, by libyaml's
    scanner: no anchor, alias, tag, directive or block scalar, and no plain scalar that starts with one of
    them (where the two parsers part). A scanner error: False (the pure-Python loader reports it)."""
    assert _FAST is not None
    try:
        scanner = _FAST(text)
        try:
            while scanner.check_token():
                token = scanner.get_token()
                if isinstance(token, _INDICATOR_TOKENS):
                    return False
                if isinstance(token, yaml.ScalarToken) and (token.style in ("|", ">")
                                                           or (token.plain and token.value.startswith(_STARTS_AS_INDICATOR))):
                    return False
        finally:
            scanner.dispose()
    except Exception:  # noqa: BLE001 - the pure-Python loader reports it
        return False
    return True


def _shared(root: Node) -> bool:
    """A node reached twice (the document uses an alias), or nested deeper than front matter ever is (PyYAML's
    recursive composer fails on those, libyaml's does not)."""
    seen: set[int] = set()
    todo = [(root, 0)]
    while todo:
        node, depth = todo.pop()
        if id(node) in seen or depth > _DEEP:
            return True
        seen.add(id(node))
        if isinstance(node, MappingNode):
            for key, value in node.value:
                todo.extend(((key, depth + 1), (value, depth + 1)))
        elif isinstance(node.value, list):
            todo.extend((item, depth + 1) for item in node.value)
    return False


_DEEP = 100


def parse_python(text: str, list_key: str | None = None) -> Parsed | YamlProblem:
    """:func:`parse` with PyYAML's pure-Python loader, which refuses aliases where they are written."""
    loader: _Loader | None = None
    try:
        loader = _Loader(text)  # the reader rejects control characters here, before any parsing
        node = loader.get_single_node()
        value = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        if isinstance(err, yaml.scanner.ScannerError) and err.context_mark is not None:
            mark = err.context_mark  # e.g. an unclosed quote: point at where it opened, not the end of file
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        line, col = (mark.line, mark.column) if mark is not None else (0, 0)
        if isinstance(err, yaml.reader.ReaderError):
            before = text[: err.position]
            line, col = before.count("\n"), len(before) - (before.rfind("\n") + 1)
        return YamlProblem(str(problem), line, col)
    except (RecursionError, ValueError, TypeError, OverflowError) as err:
        # Constructors can fail on values YAML accepts (e.g. a date like 2026-13-45).
        return YamlProblem(f"value cannot be read ({err})", 0, 0)
    finally:
        if loader is not None:
            loader.dispose()
    return Parsed(value, _key_marks(node), _item_marks(_child(node, list_key) if list_key else node))


def _key_marks(node: Node | None) -> dict[str, tuple[int, int]]:
    if not isinstance(node, MappingNode):
        return {}
    return {
        str(key.value): (key.start_mark.line, key.start_mark.column)
        for key, _ in node.value
        if isinstance(key.value, str)
    }


def _item_marks(node: Node | None) -> list[tuple[int, int]]:
    if isinstance(node, MappingNode) or node is None or not isinstance(node.value, list):
        return []
    return [(item.start_mark.line, item.start_mark.column) for item in node.value]


def _child(node: Node | None, key: str) -> Node | None:
    if isinstance(node, MappingNode):
        for k, v in node.value:
            if k.value == key:
                return v  # type: ignore[no-any-return]
    return None
