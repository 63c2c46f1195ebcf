"""Progress on stderr for long work (online links, identifier lookups, a cold check of a large site).

Shown only to a person at a terminal (:func:`healthguide.terminal.is_interactive`): in CI, in a pipe or
in a file nothing is written, so logs and machine-read output stay clean. One line, redrawn in place:
counts, a bar when the total is known, elapsed time, and what is being waited for when it is slow.
"""

from __future__ import annotations

import shutil
import sys
import threading
import time
from types import TracebackType
from typing import TextIO

from .terminal import is_interactive

SLOW_SECONDS = 2.0      # an item taking longer than this is named on the line
_REDRAW_SECONDS = 0.25  # the ticker redraws so elapsed time moves during one long wait
_BAR = 20


class Progress:
    """``with Progress("links", total=40) as bar: bar.start(url); …; bar.advance()``. Inert when disabled."""

    def __init__(self, label: str, total: int | None = None, *, stream: TextIO | None = None,
                 enabled: bool | None = None) -> None:
        self.label = label
        self.total = total
        self.done = 0
        self.stream = stream or sys.stderr
        self.enabled = is_interactive(self.stream) if enabled is None else enabled
        self._began = time.monotonic()
        self._item = ""
        self._item_began = self._began
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None
        self._width = 0
        self._shown = False   # nothing is drawn until there is something to say

    def __enter__(self) -> Progress:
        if self.enabled:
            self._ticker = threading.Thread(target=self._tick, name="healthguide-progress", daemon=True)
            self._ticker.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def start(self, item: str) -> None:
        """Name what is being worked on now (shown once it takes longer than SLOW_SECONDS)."""
        with self._lock:
            self._item, self._item_began, self._shown = item, time.monotonic(), True
        self._draw()

    def advance(self, n: int = 1) -> None:
        with self._lock:
            self.done += n
            self._item, self._shown = "", True
        self._draw()

    def set_total(self, total: int) -> None:
        with self._lock:
            self.total = total
        self._draw()

    def update(self, done: int, total: int) -> None:
        """Set both counts at once (for work reported as "done so far of total")."""
        with self._lock:
            self.done, self.total, self._shown = done, total, True
        self._draw()

    def close(self) -> None:
        self._stop.set()
        if self._ticker is not None:
            self._ticker.join(timeout=1)
            self._ticker = None
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0

    def line(self) -> str:
        """The text of the progress line as it would be drawn now."""
        now = time.monotonic()
        parts = [self.label]
        if self.total:
            filled = min(_BAR, round(_BAR * self.done / self.total))
            parts.append(f"[{'#' * filled}{'-' * (_BAR - filled)}] {self.done}/{self.total}")
        else:
            parts.append(str(self.done))
        parts.append(f"{now - self._began:.0f}s")
        if self._item and now - self._item_began >= SLOW_SECONDS:
            parts.append(f"waiting {now - self._item_began:.0f}s for {self._item}")
        return "  ".join(parts)

    def _tick(self) -> None:
        while not self._stop.wait(_REDRAW_SECONDS):
            self._draw()

    def _draw(self) -> None:
        if not self.enabled or not self._shown or self._stop.is_set():
            return
        with self._lock:
            columns = shutil.get_terminal_size((80, 20)).columns
            text = self.line()[: max(columns - 1, 10)]
            pad = max(self._width - len(text), 0)
            self.stream.write("\r" + text + " " * pad)
            self.stream.flush()
            self._width = len(text)
