"""Online checks: external links of the built site, and reference identifiers at their registries.

Off by default and never part of ``check`` or the build: ``python -m healthguide online links|identifiers``.
Importing this package loads nothing (no HTTP library); its codes are in :mod:`.codes`.
"""
