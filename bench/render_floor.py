"""The render floor: every page rendered by Python-Markdown with the site's ``markdown_extensions``, nothing else.

    python bench/render_floor.py mkdocs.yml
    python bench/render_floor.py mkdocs.yml --check    # as the check renders (bench/run.py's render-floor-check)

Two worker processes (fork), like our check's pool on this machine. The site's configuration is read the
way our check reads it (MkDocs' own reading of ``markdown_extensions``, YAML tags included); our own
extensions (``healthguide.*``) are left out, so this is the third-party renderer alone: what any checker
that takes anchors from the real renderer must pay at least once per page. Front matter is cut off by the
same ``---`` rule MkDocs uses. Prints the number of pages and the in-process time.

With ``--check``, the same extensions run as the check's render runs them (``loader.render_tree``): the tree
processors that change nothing the check reads left out (``loader.UNSEEN_TREEPROCESSORS``: abbr's), toc's
``[TOC]`` search only where some text holds the marker, the inline patterns as a tuple (``loader.run_processor``), and no HTML written (the tree is what the check reads).
That is the floor of a check that takes its anchors from the site's own renderer; our collector is not in it.
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
import markdown.treeprocessors  # noqa: E402

from healthguide.core import load_config  # noqa: E402
from healthguide.load import loader  # noqa: E402

FRONT = re.compile(r"\A-{3}[ \t]*\n.*?\n(?:-{3}|\.{3})[ \t]*\n", re.S)   # MkDocs' (and Material's) front matter rule
WORKERS = 2
_MD: markdown.Markdown | None = None
_CHECK = False


def _init(extensions: list[object], configs: dict[str, dict[str, object]], check: bool) -> None:
    global _MD, _CHECK
    _MD = markdown.Markdown(extensions=extensions, extension_configs=configs)
    _CHECK = check


def _render(paths: list[str]) -> int:
    assert _MD is not None
    size = 0
    for path in paths:
        text = FRONT.sub("", Path(path).read_text(encoding="utf-8-sig"), count=1)
        _MD.reset()
        size += _tree_size(_MD, text) if _CHECK else len(_MD.convert(text))
    return size


def _tree_size(md: markdown.Markdown, source: str) -> int:
    """The check's render of the site's extensions: up to the tree, as loader.render_tree runs it (elements made)."""
    if not source.strip():
        return 0
    md.lines = source.split("\n")
    for prep in md.preprocessors:
        md.lines = prep.run(md.lines)
    root = md.parser.parseDocument(md.lines).getroot()
    processors = list(md.treeprocessors)
    for processor in processors:
        if isinstance(processor, markdown.treeprocessors.UnescapeTreeprocessor):
            break   # what follows the check's collector
        if type(processor) in loader.UNSEEN_TREEPROCESSORS and loader.unseen_here(processors, root):
            continue
        new_root = loader.run_processor(processor, root)
        if new_root is not None:
            root = new_root
    return sum(1 for _ in root.iter())


def main() -> None:
    start = time.perf_counter()
    args = [a for a in sys.argv[1:] if a != "--check"]
    config = load_config(args[0] if args else "mkdocs.yml")
    extensions = [e for e in config.markdown_extensions if not (isinstance(e, str) and e.startswith("healthguide"))]
    configs = {k: v for k, v in config.extension_configs.items() if not k.startswith("healthguide")}
    pages = sorted(str(p) for p in config.docs_dir.rglob("*.md") if not any(part.startswith(".") for part in p.parts))
    chunk = max(8, len(pages) // (WORKERS * 8))
    chunks = [pages[i:i + chunk] for i in range(0, len(pages), chunk)]
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with ProcessPoolExecutor(WORKERS, mp_context=context, initializer=_init, initargs=(extensions, configs, "--check" in sys.argv)) as pool:
        html = sum(pool.map(_render, chunks))
    what = "elements" if "--check" in sys.argv else "characters of HTML"
    print(f"{len(pages)} pages, {html} {what}, {1000 * (time.perf_counter() - start):.1f} ms in process,"
          f" {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
