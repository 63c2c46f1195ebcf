"""Fixtures shared by every test module (helpers live in tests/support.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import build_fixture


@pytest.fixture
def fixture_site(tmp_path: Path) -> Path:
    return build_fixture(tmp_path)
