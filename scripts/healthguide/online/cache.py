"""A small persistent cache of good online results, with a maximum age, so reruns are cheap.

Only confirmed results are stored (a link that answered 2xx, an identifier the registry knows, or one
it definitely does not know). Timeouts, 429s and server errors are never cached: they are retried.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

DEFAULT_DIR = Path(".healthguide-cache")


class ResultCache:
    def __init__(self, path: Path, max_age_days: float, *, now: float | None = None) -> None:
        self.path = path
        self.max_age = max_age_days * 86400
        self.now = now if now is not None else time.time()
        self._data: dict[str, dict[str, Any]] = {}
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(raw, dict):
                self._data = {k: v for k, v in raw.items() if isinstance(v, dict) and isinstance(v.get("at"), (int, float))}
        except (OSError, ValueError):
            self._data = {}   # missing or damaged: start again

    def get(self, key: str) -> dict[str, Any] | None:
        entry = self._data.get(key)
        if entry is None or self.now - entry["at"] > self.max_age:
            return None
        return entry

    def put(self, key: str, **value: Any) -> None:
        self._data[key] = {**value, "at": self.now}

    def save(self) -> None:
        """Write atomically; drop entries past their age."""
        keep = {k: v for k, v in self._data.items() if self.now - v["at"] <= self.max_age}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(keep, out, indent=1, sort_keys=True)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def fresh_keys(self, prefix: str = "") -> list[str]:
        """Keys (without ``prefix``) of every entry still within its age."""
        return sorted(k[len(prefix):] for k in self._data if k.startswith(prefix) and self.get(k) is not None)

    def __len__(self) -> int:
        return len(self._data)
