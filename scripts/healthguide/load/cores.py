"""How many cores this process may use: the one answer every pool of workers sizes itself by."""

from __future__ import annotations

import os


def usable_cores() -> int:
    """The cores this process may run on (its affinity, as a container's cpuset or ``taskset`` sets it), not the
    machine's: ``os.cpu_count()`` counts cores the process may not use, and a pool sized by it oversubscribes them."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:   # macOS and Windows have no affinity call
        return os.cpu_count() or 1
