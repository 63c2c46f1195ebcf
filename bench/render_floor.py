"""The render floor: every page rendered by Python-Markdown with the site's ``markdown_extensions``, nothing else.

    python bench/render_floor.py mkdocs.yml

Two worker processes (fork), like our check's pool on this machine. The site's configuration is read the
way our check reads it (MkDocs' own reading of ``markdown_extensions``, YAML tags included); our own
extensions (``healthguide.*``) are left out, so this is the third-party renderer alone: what any checker
that takes anchors from the real renderer must pay at least once per page. Front matter is cut off by the
same ``---`` rule MkDocs uses. Prints the number of pages and the in-process time.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

import markdown  # noqa: E402

from healthguide.core import load_config  # noqa: E402

FRONT = re.compile(r"\A-{3}[ \t]*\n.*?\n(?:-{3}|\.{3})[ \t]*\n", re.S)   # MkDocs' (and Material's) front matter rule
WORKERS = 2
_MD: markdown.Markdown | None = None


def _init(extensions: list[object], configs: dict[str, dict[str, object]]) -> None:
    global _MD
    _MD = markdown.Markdown(extensions=extensions, extension_configs=configs)


def _render(paths: list[str]) -> int:
    assert _MD is not None
    size = 0
    for path in paths:
        text = FRONT.sub("", Path(path).read_text(encoding="utf-8-sig"), count=1)
        _MD.reset()
        size += len(_MD.convert(text))
    return size


def main() -> None:
    start = time.perf_counter()
    config = load_config(sys.argv[1] if len(sys.argv) > 1 else "mkdocs.yml")
    extensions = [e for e in config.markdown_extensions if not (isinstance(e, str) and e.startswith("healthguide"))]
    configs = {k: v for k, v in config.extension_configs.items() if not k.startswith("healthguide")}
    pages = sorted(str(p) for p in config.docs_dir.rglob("*.md") if not any(part.startswith(".") for part in p.parts))
    chunk = max(8, len(pages) // (WORKERS * 8))
    chunks = [pages[i:i + chunk] for i in range(0, len(pages), chunk)]
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with ProcessPoolExecutor(WORKERS, mp_context=context, initializer=_init, initargs=(extensions, configs)) as pool:
        html = sum(pool.map(_render, chunks))
    print(f"{len(pages)} pages, {html} characters of HTML, {1000 * (time.perf_counter() - start):.1f} ms in process,"
          f" {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
