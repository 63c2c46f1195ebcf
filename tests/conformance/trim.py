"""Refresh a conformance tree from a checkout of its public repository (run by hand, never by the tests).

    python tests/conformance/trim.py mkdocs   /path/to/mkdocs-checkout
    python tests/conformance/trim.py material /path/to/mkdocs-material-checkout
    python tests/conformance/trim.py gitdate  /path/to/mkdocs-git-revision-date-localized-plugin-checkout

Kept: every Markdown page under docs/, the files snippets include, the licence and the hook the site
uses, and the site's own mkdocs.yml (the trimmed configs in this folder are written by hand; see
README.md). Every other file under docs/ (images, fonts, JSON schemas…) becomes an empty file of
the same name, so links to it still resolve as they do on the real site, without the bytes.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).parent
KEEP_TEXT = {
    "mkdocs": ["LICENSE", "CONTRIBUTING.md", "docs/img/plugin-events.svg"],
    "material": ["LICENSE", "includes/mkdocs.md"],
    "gitdate": ["LICENSE", "README.md", "docs/overrides/main.html"],
}
HOOKS = {"material": {"material/overrides/hooks/shortcodes.py": "hooks/shortcodes.py"}}
DROP = {"mkdocs": ("docs/hooks.py", "docs/img/plugin-events.py"), "material": ("docs/blog/",), "gitdate": ()}


def trim(name: str, source: Path) -> None:
    dest = HERE / name
    if (dest / "docs").exists():
        shutil.rmtree(dest / "docs")
    for path in sorted((source / "docs").rglob("*")):
        rel = path.relative_to(source).as_posix()
        if not path.is_file() or rel.startswith(DROP[name]):
            continue
        out = dest / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".md" or rel in KEEP_TEXT[name]:
            out.write_bytes(path.read_bytes())
        else:
            out.write_bytes(b"")
    for rel in KEEP_TEXT[name]:
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / rel, dest / rel)
    for rel, to in HOOKS.get(name, {}).items():
        (dest / to).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / rel, dest / to)


if __name__ == "__main__":
    trim(sys.argv[1], Path(sys.argv[2]))
