"""Check families. Each module declares its codes and a ``check(site, settings)`` generator.

Checks are pure functions of the site model: none opens a file or the network, and none is run
or registered by being imported. :mod:`healthguide.catalogue` lists every family and code.
"""
