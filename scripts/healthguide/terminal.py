"""Is this output going to a person at a terminal? Colour and progress only when it is.

The conventions followed: ``NO_COLOR`` (any non-empty value) turns colour off, ``FORCE_COLOR`` (any
non-empty value but ``0``) turns it on even in a pipe; otherwise colour needs a terminal, a ``TERM``
other than ``dumb``, and no ``CI`` environment (CI logs are read as plain text and matched by tools).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TextIO

_CI_VARIABLES = ("CI", "GITHUB_ACTIONS", "BUILD_NUMBER", "TF_BUILD", "GITLAB_CI")


def in_ci(env: Mapping[str, str] | None = None) -> bool:
    env = os.environ if env is None else env
    return any(env.get(name, "").lower() not in ("", "0", "false") for name in _CI_VARIABLES)


def is_interactive(stream: TextIO, env: Mapping[str, str] | None = None) -> bool:
    """A person is watching this stream: a terminal that is not dumb, outside CI."""
    env = os.environ if env is None else env
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and env.get("TERM", "") != "dumb" and not in_ci(env)


def wants_colour(stream: TextIO, env: Mapping[str, str] | None = None) -> bool:
    env = os.environ if env is None else env
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR", "") not in ("", "0"):
        return True
    return is_interactive(stream, env)


@dataclass(frozen=True)
class Style:
    """ANSI styles, or none. ``Style(False)`` leaves every string as it is."""

    enabled: bool = False

    def _wrap(self, code: str, text: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.enabled and text else text

    def level(self, level: str) -> str:
        return self._wrap({"error": "1;31", "warning": "1;33"}.get(level, "1;36"), level)

    def bold(self, text: str) -> str:
        return self._wrap("1", text)

    def dim(self, text: str) -> str:
        return self._wrap("2", text)


PLAIN = Style(False)
