"""Page models built beside MkDocs' render: the plugin's pages go to a worker process as MkDocs renders them.

MkDocs renders on one thread. The model of a rendered page (front matter, source positions, claim kinds,
reading grade: :func:`~healthguide.load.loader.rendered_page`) is a pure function of the page's bytes and
what our extension saw, so a worker process can build it while MkDocs renders the next page, and the
pages are collected once every page is rendered (the plugin's ``on_env``). Where no worker can run
(one core, no ``fork``) or one breaks, the page is built here instead: the same function on the same
input, so the model, and every finding, is the same whichever way it was built.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from ..model import Page
from .assembler import SiteAssembler
from .cores import usable_cores
from .loader import rendered_page
from .mdext import ParseResult

MAX_WORKERS = 4


@dataclass
class _Pending:
    path: str
    data: bytes | OSError
    result: ParseResult | None
    future: Future[Page] | None


class PagePipeline:
    """``submit`` each page MkDocs rendered; ``drain`` hands every model to the assembler, in submission order."""

    def __init__(self, assembler: SiteAssembler, workers: int | None = None) -> None:
        """``workers``: processes beside MkDocs' own (default: one fewer than the cores, at most MAX_WORKERS; 0: none)."""
        self.assembler = assembler
        self.max_bytes = assembler.config.settings.max_file_bytes
        count = max(0, min(usable_cores() - 1, MAX_WORKERS)) if workers is None else workers
        self.pool: ProcessPoolExecutor | None = None
        if count and "fork" in multiprocessing.get_all_start_methods():
            # fork: the worker inherits the loaded modules, so it starts in milliseconds and needs no set-up
            self.pool = ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork"))
        self.pending: list[_Pending] = []

    def submit(self, path: str, data: bytes | OSError, result: ParseResult | None) -> None:
        future = None
        if self.pool is not None:
            try:
                future = self.pool.submit(rendered_page, path, data, result, self.max_bytes)
            except Exception:  # noqa: BLE001 - a pool that cannot start or broke: build here from now on
                self.close()
                future = None
        self.pending.append(_Pending(path, data, result, future))
        if future is None:
            self.drain()
        elif len(self.pending) >= 64:
            self._hand_over_done()

    def drain(self) -> None:
        """Every submitted page into the assembler (waits for the workers)."""
        for item in self.pending:
            self._hand_over(item)
        self.pending = []

    def close(self) -> None:
        """Hand over what is pending and stop the workers (the plugin calls this once per build)."""
        self.drain()
        pool, self.pool = self.pool, None
        if pool is not None:
            pool.shutdown(wait=True)

    def _hand_over_done(self) -> None:
        # keep order: hand over the finished prefix only, so a page rendered twice (serve) keeps its last model
        done = 0
        for item in self.pending:
            if item.future is not None and not item.future.done():
                break
            self._hand_over(item)
            done += 1
        del self.pending[:done]

    def _hand_over(self, item: _Pending) -> None:
        page = None
        if item.future is not None:
            try:
                page = item.future.result()
            except Exception:  # noqa: BLE001 - a worker died or could not pickle: the same function, here
                page = None
        if page is None:
            page = rendered_page(item.path, item.data, item.result, self.max_bytes)
        self.assembler.add_rendered(item.path, item.data, item.result, page=page)
