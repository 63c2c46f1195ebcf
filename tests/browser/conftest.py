"""Browser tests share one rule: Playwright's sync API allows one running instance per process.

test_browser.py holds its browser for the whole session, so test_care.py (whose browser and site are
module-scoped, and so are closed when its last test ends) runs first.
"""

from __future__ import annotations

from typing import Any


def pytest_collection_modifyitems(items: list[Any]) -> None:
    items.sort(key=lambda item: 0 if item.path.name == "test_care.py" else 1)   # a stable sort: the rest keep their order
