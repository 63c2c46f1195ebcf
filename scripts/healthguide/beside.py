"""The command line's check, run in a process beside MkDocs' render: the build's findings are the CLI's.

MkDocs renders on one thread. When nothing in the build can change what a page says (no hook or other
plugin with a page event, :func:`~healthguide.load.sitefacts.build_time_changers`; no page generated at
build time), the plugin's settings are the ones ``check`` reads and a second core is there, MkDocs renders
exactly the files the command line reads, so the plugin starts :func:`healthguide.core.check_site`, the
command line's own call with its parse workers and page cache, in a forked process before the first page is
rendered, and keeps in MkDocs' render only what changes the HTML (citation markers, reference lists,
external links). The theme's page data needs no more than front matter and the keys each page cites
(:meth:`~healthguide.load.assembler.SiteAssembler.front_site`), so MkDocs does not wait for the check: it
renders the templates while the check finishes, and the plugin collects the findings at ``on_post_build``.
Where the check cannot run beside the render, or its process breaks, the same call runs in MkDocs' process:
the findings do not depend on it.

Cold too, not only after ``check``: the check then parses every page a second time on the other core, which
costs MkDocs' own thread less than collecting from the render does (the collector's walk and handing every
page's tree to a worker, :mod:`healthguide.load.pipeline`; bench/README.md, rounds 7 and 8). With one core the
plugin collects from the render, which parses once.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import signal
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .core import check_site
from .findings import Finding
from .load.assembler import SiteAssembler
from .load.cache import PageCache
from .load.cores import usable_cores
from .load.siteconfig import SiteConfig
from .model import Site
from .settings import Settings
from .stream import PageJudge
from .theme import structured
from .theme.render import PageContext, contexts


@dataclass(frozen=True)
class Checked:
    """What the build needs from the check: the model and its findings."""

    site: Site
    findings: list[Finding]


def page_contexts(site: Site, settings: Settings, site_url: str, use_directory_urls: bool) -> dict[str, PageContext]:
    """Each page's context for the guide's templates, with its JSON-LD (the plugin's theme data)."""
    return structured.with_page_scripts(site, contexts(site, settings, use_directory_urls), site_url, use_directory_urls)


def render_assembler(config: SiteConfig, today: dt.date | None) -> SiteAssembler:
    """The assembler of the render while the check runs beside it: the references it cites and the theme's front
    matter (:meth:`SiteAssembler.front_site`). From the check's page cache, if ``check`` left one for this very
    configuration (settings, references.yaml, the checks' code), which spares a second reading of references.yaml;
    else references.yaml as the render's own assembler reads it."""
    probe = PageCache.for_config(config, variant="index")   # the check's file, whatever key it was written for
    if probe is not None and probe.file.is_file():
        probe.release()
        warm = SiteAssembler(config, today=today, judge=PageJudge(config, dt.date.today()))   # the day is not in its key
        if warm.store is not None:
            warm.store.release()
            if warm.store.valid:
                return warm
    assembler = SiteAssembler(config, today=today, variant="build")
    if assembler.store is not None:
        assembler.store.release()   # before the check's process forks: it opens the cache for itself
    return assembler


def check_for_build(config_file: str, today: dt.date | None) -> Checked:
    """``check`` on ``config_file`` as the command line runs it, with its model."""
    result = check_site(config_file, today, need_site=True)   # the plugin keeps the model: assembled once, not after a warm check
    return Checked(result.site, result.findings)


def _in_worker(config_file: str, today: dt.date | None) -> Checked:
    signal.signal(signal.SIGTERM, _stop_with_workers)   # BesideCheck.close(): the parse workers end with the check
    # A lower priority for the check and its parse workers: MkDocs' own thread is the build's critical path.
    try:
        os.nice(5)
    except OSError:
        pass
    return check_for_build(config_file, today)


def _stop_with_workers(signum: int, frame: object) -> None:
    """The check's process told to stop: its parse workers (its children, which would wait for work) go first."""
    for child in multiprocessing.active_children():
        child.terminate()
    os._exit(1)


class BesideCheck:
    """One build's check, started in a forked process (``start``) and collected once (``result``)."""

    def __init__(self, config_file: str, today: dt.date | None) -> None:
        self.args = (str(Path(config_file).resolve()), today)
        self.pool: ProcessPoolExecutor | None = None
        self.future: Future[Checked] | None = None

    @staticmethod
    def can_run() -> bool:
        """A second core and ``fork`` (the check starts without imports and MkDocs keeps its core)."""
        return usable_cores() > 1 and "fork" in multiprocessing.get_all_start_methods()

    @property
    def started(self) -> bool:
        return self.future is not None

    def start(self) -> None:
        try:
            self.pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
            self.future = self.pool.submit(_in_worker, *self.args)
        except Exception:  # noqa: BLE001 - a process that cannot start: result() runs the check here
            self.close()

    def result(self) -> Checked:
        """The check's result (waits for it); the same call in this process if the worker could not give it."""
        checked = None
        if self.future is not None:
            try:
                checked = self.future.result()
            except Exception:  # noqa: BLE001 - the worker died or could not pickle its result
                checked = None
        self.close()
        return checked if checked is not None else check_for_build(*self.args)

    def close(self) -> None:
        """Stop the check: a check still running is ended (a build that failed, ``serve``'s next build), not left
        to finish beside the next one or to hold the command's exit."""
        pool, future, self.pool, self.future = self.pool, self.future, None, None
        if pool is None:
            return
        if future is not None and not future.done():
            stop = getattr(pool, "terminate_workers", None)   # Python 3.14; before it, the pool's own processes
            if stop is not None:
                stop()
            else:
                for process in list((getattr(pool, "_processes", None) or {}).values()):
                    process.terminate()   # and its parse workers (_stop_with_workers)
        pool.shutdown(wait=False, cancel_futures=True)
