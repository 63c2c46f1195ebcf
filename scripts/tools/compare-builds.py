"""Compare two built sites after a theme upgrade: what changed besides Material's fingerprinted assets?

    python scripts/tools/compare-builds.py site-before/ site-after/

Asset names such as ``bundle.79ae519e.min.js`` are normalised to ``bundle.HASH.min.js`` (in file names
and inside pages), and so is the ``generator`` meta tag's Material version. Prints counts, then every
file that still differs, with the first differing lines of text files. Exit 0 when only assets differ.
"""

from __future__ import annotations

import difflib
import re
import sys
from pathlib import Path

HASHED = re.compile(r"\.[0-9a-f]{8,}\.(min\.(?:js|css)(?:\.map)?)\b")
GENERATOR = re.compile(r"mkdocs-material-\d+(?:\.\d+)*")
ASSETS = "assets/"


def normalise(text: str) -> str:
    return GENERATOR.sub("mkdocs-material-VERSION", HASHED.sub(r".HASH.\1", text))


def files(root: Path) -> dict[str, Path]:
    return {normalise(p.relative_to(root).as_posix()): p for p in sorted(root.rglob("*")) if p.is_file()}


def main(argv: list[str]) -> int:
    before, after = files(Path(argv[0])), files(Path(argv[1]))
    identical, normalised, differing = 0, 0, []
    for name in sorted(before.keys() & after.keys()):
        old, new = before[name].read_bytes(), after[name].read_bytes()
        if old == new:
            identical += 1
        elif name.endswith((".html", ".xml", ".json", ".txt")) and \
                normalise(old.decode("utf-8")) == normalise(new.decode("utf-8")):
            normalised += 1
        else:
            differing.append(name)
    assets = [n for n in differing if n.startswith(ASSETS)]
    others = [n for n in differing if not n.startswith(ASSETS)]
    print(f"{len(before)} files before, {len(after)} after; only before: {len(before.keys() - after.keys())}, "
          f"only after: {len(after.keys() - before.keys())}")
    print(f"byte-identical: {identical}; identical once asset names and generator are normalised: {normalised}")
    print(f"theme assets with new content: {len(assets)}; other files that differ: {len(others)}")
    for name in sorted(before.keys() ^ after.keys()):
        print(f"  only in {'before' if name in before else 'after'}: {name}")
    for name in others:
        print(f"  differs: {name}")
        try:
            old_lines = normalise(before[name].read_text("utf-8")).splitlines()
            new_lines = normalise(after[name].read_text("utf-8")).splitlines()
        except UnicodeDecodeError:
            continue
        for line in list(difflib.unified_diff(old_lines, new_lines, lineterm="", n=0))[2:8]:
            print(f"    {line[:160]}")
    return 0 if not others and before.keys() == after.keys() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
