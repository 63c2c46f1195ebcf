"""Online checks: external links of the built site, and reference identifiers at their registries.

Off by default and never part of ``check`` or the build: ``python -m healthguide online links|identifiers``.
Importing this package only registers the finding codes (no HTTP library is loaded).
"""

from __future__ import annotations

from . import codes  # noqa: F401  (registers HG35x and HG46x)
