"""``healthguide init DIR``: a new health guide that passes the checks and a strict build at once, but for its placeholders.

The files come from the package's ``starter/`` folder: ``mkdocs.yml`` with the plugin and safe defaults,
a home page, one pillar and one spoke, an empty ``references.yaml`` with instructions, ``authors.yml``
with the non-clinical editorial team (a role, not an invented person), warning signs to be sourced from
NHS guidance, a disclaimer, a privacy page, the self-check and a CI workflow pinned by commit. The
theme is not copied: the plugin brings it from the package.

What the new guide fails on until its team writes it (:data:`EXPECTED`): the placeholders left on purpose
(``TODO`` in front matter, text, headings and the warning signs) and too few sources on each article. Nothing
else. The folder must be new or empty; files are written into a temporary folder beside it and moved
into place at once, so a failure leaves nothing half-written.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

STARTER = Path(__file__).resolve().parent.parent / "starter"
TODAY = "{{today}}"        # replaced by the day the guide is made (last_reviewed)
# The checks a new guide fails until its placeholders are replaced: front matter, text, headings, warning signs, sources.
EXPECTED = ("HG107", "HG407", "HG503", "HG504", "HG620")

_TOOLKIT_NOTE = """
# The healthguide toolkit itself: this project does not publish it on PyPI, so never take a package of
# that name from an index.
# Add the wheel your team uses, pinned by its hash (`pip hash healthguide-*.whl`), on one line:
#   healthguide @ https://<where your team keeps it>/healthguide-<version>-py3-none-any.whl --hash=sha256:<hash>
"""


class InitError(Exception):
    """The guide cannot be written; the message says why and what to do."""


def starter_files(today: dt.date) -> dict[str, str]:
    """Every file of a new guide: docs-relative POSIX path -> text."""
    out: dict[str, str] = {}
    for path in sorted(STARTER.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        rel = path.relative_to(STARTER).as_posix()
        text = path.read_text(encoding="utf-8").replace(TODAY, today.isoformat())
        out[rel] = text + _TOOLKIT_NOTE if rel == "requirements.txt" else text
    return out


def write(target: Path, today: dt.date) -> list[str]:
    """Write a new guide into ``target`` (missing or empty); returns the paths written. Raises InitError."""
    if target.exists() and not target.is_dir():
        raise InitError(f"{target} is a file, not a folder; nothing was written. Give the path of a new folder.")
    if target.is_dir() and any(target.iterdir()):
        raise InitError(f"{target} is not empty; nothing was written. "
                        "`healthguide init` only writes into a new or empty folder: give another path.")
    files = starter_files(today)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}-init-"))
    try:
        for rel, text in files.items():
            dest = staging / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(text, encoding="utf-8", newline="\n")
        os.chmod(staging, 0o777 & ~_umask())   # mkdtemp makes the folder private; a guide is not a secret
        os.replace(staging, target)            # replaces only a missing or empty folder
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return sorted(files)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
