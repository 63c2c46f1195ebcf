"""Collection hooks only; shared helpers live in tests/support.py."""

from __future__ import annotations

from typing import Any


def pytest_collection_modifyitems(items: list[Any]) -> None:
    """Playwright's sync API allows one running instance per process. tests/browser/test_browser.py holds its
    browser for the whole session, so tests/browser/test_care.py (whose browser is module-scoped, closed when
    its last test ends) runs first. A stable sort: every other test keeps its order."""
    items.sort(key=lambda item: 0 if item.path.name == "test_care.py" else 1)
