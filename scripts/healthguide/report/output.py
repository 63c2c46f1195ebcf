"""The one way findings leave a command: a format in, the text and the exit code out.

Used by ``check``, ``check --built`` and ``online``. Findings arrive judged (severity applied by
:func:`healthguide.core.judge`); this only chooses the reporter, its colour, and decides the exit code.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from ..findings import Finding, Severity
from ..terminal import Style
from . import FORMATS, STYLED


@dataclass(frozen=True)
class Output:
    text: str
    exit_code: int          # 1 on errors (or warnings with strict), else 0


def default_format(env: Mapping[str, str] = os.environ) -> str:
    """GitHub annotations inside GitHub Actions, plain text elsewhere."""
    return "github" if env.get("GITHUB_ACTIONS") == "true" else "text"


def render(found: list[Finding], fmt: str | None = None, *, strict: bool = False, colour: bool = False) -> Output:
    """``colour``: ANSI styles for a person at a terminal (see :func:`healthguide.terminal.wants_colour`);
    formats read by tools are never coloured."""
    fmt = fmt or default_format()
    styled = STYLED.get(fmt) if colour else None
    text = styled(found, Style(True)) if styled else FORMATS[fmt](found)
    errors = any(f.severity is Severity.ERROR for f in found)
    warnings = any(f.severity is Severity.WARN for f in found)
    return Output(text, 1 if errors or (strict and warnings) else 0)
