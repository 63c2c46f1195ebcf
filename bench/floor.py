"""The floor for any source checker: read every Markdown file and find its links with one regex.

    python bench/floor.py DOCS_DIR

Prints the number of pages and links and the in-process time (the runner also times the whole process).
"""

from __future__ import annotations

import os
import re
import sys
import time

LINK = re.compile(rb"\]\(([^)\s]+)\)")


def main() -> None:
    start = time.perf_counter()
    pages = links = 0
    for root, dirs, names in os.walk(sys.argv[1]):
        dirs.sort()
        for name in names:
            if name.endswith(".md"):
                with open(os.path.join(root, name), "rb") as fh:
                    links += len(LINK.findall(fh.read()))
                pages += 1
    print(f"{pages} pages, {links} links, {1000 * (time.perf_counter() - start):.1f} ms in process")


if __name__ == "__main__":
    main()
