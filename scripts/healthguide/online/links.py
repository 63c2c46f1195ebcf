"""External links of the built site: linkchecker finds and first-checks them, a polite client settles the rest.

How it works (and why it wraps linkchecker):

1. The built site is served on 127.0.0.1 (an ephemeral port) for the length of the run, and linkchecker
   crawls it with ``--check-extern``. Serving it over HTTP, rather than as file:// paths, sidesteps
   linkchecker dropping root privileges to "nobody", which then cannot read private temp folders.
2. linkchecker's own politeness is used (``maxrequestspersecond`` per host, robots.txt, a thread cap),
   and URLs already confirmed within ``online_cache_days`` plus ``links_ignore`` patterns are passed to
   it as ``ignore`` patterns, so a rerun only fetches what is new or was failing.
3. linkchecker cannot do the rest: it reports ``429 Too Many Requests`` as *valid* and never retries,
   and a timeout or 5xx is final for it. Every such URL (429, 401/403, 5xx, timeouts, connection errors)
   is asked again with :class:`~healthguide.online.http.PoliteClient`, which waits its turn per host,
   honours Retry-After and backs off exponentially.
4. Each finding is placed on the Markdown line that holds the link (through the site model); links
   that only exist in the theme are placed on the built HTML file and line linkchecker reported.
"""

from __future__ import annotations

import csv
import http.server
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from ..findings import Finding, finding
from ..model import LinkKind, Site
from ..progress import Progress
from ..settings import Settings
from .cache import ResultCache
from .codes import LINK_BROKEN, LINK_REDIRECTED, LINK_UNVERIFIED
from .http import Outcome, PoliteClient, Status, classify


class LinkcheckerMissing(RuntimeError):
    """linkchecker is not installed in this environment."""


@dataclass(frozen=True)
class Row:
    """One link linkchecker reported."""

    url: str           # absolute URL as written
    final_url: str
    page: str          # built-site-relative HTML file it sits in
    line: int
    col: int
    result: str        # e.g. "200 OK", "429 Too Many Requests", "ConnectTimeout: …"
    warning: str
    valid: bool

    @property
    def code(self) -> int | None:
        m = re.match(r"(\d{3})\b", self.result)
        return int(m.group(1)) if m else None


@dataclass
class LinkStats:
    urls: int = 0
    from_cache: int = 0
    ignored: int = 0
    ok: int = 0
    broken: int = 0
    unverified: int = 0
    rechecked: int = 0
    outcomes: dict[str, Outcome] = field(default_factory=dict)

    def as_rows(self) -> list[tuple[str, int]]:
        return [("external URLs found", self.urls), ("confirmed from cache", self.from_cache),
                ("ignored by links_ignore", self.ignored), ("re-checked politely", self.rechecked),
                ("reachable", self.ok), ("broken", self.broken), ("unverified", self.unverified)]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@contextmanager
def serve_directory(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 (ephemeral port) for the duration; yields the base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def linkchecker_command() -> list[str]:
    local = Path(sys.executable).parent / "linkchecker"
    found = str(local) if local.exists() else shutil.which("linkchecker")
    if not found:
        raise LinkcheckerMissing("linkchecker is not installed: run `make deps` (requirements pin linkchecker==10.6.0)")
    return [found]


def _config_text(ignore: list[str], *, rate: float, timeout: float, threads: int) -> str:
    lines = ["[checking]", f"maxrequestspersecond={rate}", f"timeout={int(max(1, timeout))}", f"threads={threads}",
             "[filtering]", "checkextern=1"]
    if ignore:
        lines.append("ignore=")
        lines.extend("  " + pattern for pattern in ignore)
    return "\n".join(lines) + "\n"


def run_linkchecker(base: str, ignore: list[str], *, rate: float, timeout: float, threads: int) -> list[Row]:
    """Crawl the served site; every external link linkchecker saw, as rows."""
    with tempfile.TemporaryDirectory(prefix="hg-linkchecker-") as tmp:
        rc = Path(tmp) / "linkcheckerrc"
        rc.write_text(_config_text(ignore, rate=rate, timeout=timeout, threads=threads), encoding="utf-8")
        os.chmod(tmp, 0o755)
        os.chmod(rc, 0o644)
        env = {**os.environ, "HOME": tmp, "XDG_CONFIG_HOME": tmp, "XDG_DATA_HOME": tmp}
        env["no_proxy"] = ",".join(filter(None, [env.get("no_proxy", ""), "127.0.0.1", "localhost"]))
        done = subprocess.run([*linkchecker_command(), "--config", str(rc), "--check-extern", "--no-status",
                               "--verbose", "--output", "csv", base], capture_output=True, text=True, env=env,
                              cwd=tmp, timeout=3600)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"linkchecker failed (exit {done.returncode}): {done.stderr.strip()[-2000:]}")
    return parse_csv(done.stdout, base)


def parse_csv(text: str, base: str) -> list[Row]:
    body = "\n".join(line for line in text.splitlines() if line and not line.startswith("#"))
    rows = []
    for rec in csv.DictReader(io.StringIO(body), delimiter=";"):
        parent = rec.get("parentname") or ""
        url = urljoin(parent or base, rec.get("urlname") or "")
        if urlsplit(url).scheme not in ("http", "https") or url.startswith(base):
            continue
        rows.append(Row(url=url, final_url=rec.get("url") or url, page=_html_path(parent, base),
                        line=_int(rec.get("line")), col=_int(rec.get("column")), result=rec.get("result") or "",
                        warning=rec.get("warningstring") or "", valid=(rec.get("valid") == "True")))
    return rows


def _html_path(parent: str, base: str) -> str:
    rel = parent[len(base):] if parent.startswith(base) else parent
    rel = rel.split("#", 1)[0].split("?", 1)[0]
    return rel + "index.html" if rel == "" or rel.endswith("/") else rel


def _int(value: str | None) -> int:
    try:
        return max(1, int(value or 1))
    except ValueError:
        return 1


def first_pass(row: Row) -> Outcome | None:
    """linkchecker's verdict when it is final; None when the polite client must ask again."""
    code = row.code
    if code is not None and classify(code) is Status.BROKEN:
        return Outcome(row.url, Status.BROKEN, code, row.final_url, detail=row.result)
    if row.valid and code is not None and classify(code) is Status.OK:
        permanent = bool(re.search(r"status: (301|308)\b", row.warning))
        return Outcome(row.url, Status.OK, code, row.final_url, permanent, row.result)
    if row.valid and code is None and "robots.txt" in row.warning + row.result:
        return Outcome(row.url, Status.OK, None, row.url, detail="robots.txt forbids checking; syntax only")
    return None


def check_links(site_dir: Path, settings: Settings, site: Site | None, cache: ResultCache, *,
                docs_prefix: str = "", rate: float = 2.0, timeout: float = 20.0, threads: int = 4,
                client_factory: Callable[[], PoliteClient] | None = None,
                progress: Progress | None = None) -> tuple[list[Finding], LinkStats]:
    """Findings for every external link of the built site in ``site_dir``. ``progress`` is told what is
    being waited for (a line on a person's terminal; inert elsewhere)."""
    bar = progress or Progress("", enabled=False)
    stats = LinkStats()
    ignore = [p for p in settings.links_ignore] + [r"^(mailto|tel):"]
    confirmed = ["^" + re.escape(url) + "$" for url in cache.fresh_keys("link:")]
    bar.start("linkchecker, crawling the built site")
    with serve_directory(site_dir) as base:
        rows = run_linkchecker(base, ignore + confirmed, rate=rate, timeout=timeout, threads=threads)
    bar.advance()
    by_url: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_url[row.url].append(row)
    urls = set(by_url) | {u for u in _source_urls(site)}
    stats.urls = len(urls)
    ignore_res = [re.compile(p) for p in settings.links_ignore]
    allow_res = [re.compile(p) for p in settings.links_allow]
    pending = []
    for url in sorted(urls):
        if any(r.search(url) for r in ignore_res):
            stats.ignored += 1
        elif cache.get("link:" + url) is not None:
            stats.from_cache += 1
            stats.ok += 1
        elif url in by_url:
            verdict = first_pass(by_url[url][0])
            if verdict is None:
                pending.append(url)
            else:
                stats.outcomes[url] = verdict
    if pending:
        stats.rechecked = len(pending)
        bar.set_total(1 + len(pending))
        with (client_factory or partial(PoliteClient, interval=1.0 / max(rate, 0.01), timeout=timeout))() as client:
            for url in pending:
                bar.start(url)
                stats.outcomes[url] = client.get(url)
                bar.advance()
    found: list[Finding] = []
    places = _source_places(site, docs_prefix)
    for url, outcome in sorted(stats.outcomes.items()):
        if outcome.status is Status.BLOCKED and any(r.search(url) for r in allow_res):
            outcome = Outcome(url, Status.OK, outcome.code, outcome.final_url, detail=outcome.detail + " (allowed)")
        if outcome.status is Status.OK:
            stats.ok += 1
            cache.put("link:" + url, code=outcome.code)
        elif outcome.status is Status.BROKEN:
            stats.broken += 1
        else:
            stats.unverified += 1
        found.extend(_findings(url, outcome, places.get(url) or _html_places(by_url.get(url, []), site_dir)))
    return sorted(found), stats


def _findings(url: str, outcome: Outcome, where: list[tuple[str, int, int]]) -> Iterator[Finding]:
    for path, line, col in where:
        if outcome.status is Status.BROKEN:
            yield finding(LINK_BROKEN, path, line, col, f"external link '{url}' is broken ({outcome.detail})",
                          "Find the page's new address (search the site it was on), link to another source, or remove the link.")
        elif outcome.status in (Status.BLOCKED, Status.UNREACHABLE):
            yield finding(LINK_UNVERIFIED, path, line, col, f"external link '{url}' could not be confirmed ({outcome.detail})",
                          "Open it in a browser. If it works and the site blocks robots, add a pattern for it to "
                          "`links_allow` in mkdocs.yml; if it is gone, replace it.")
        elif outcome.permanent_redirect and outcome.final_url and outcome.final_url != url:
            yield finding(LINK_REDIRECTED, path, line, col, f"external link '{url}' moved permanently to '{outcome.final_url}'",
                          "Link to the new address directly.")


def _source_urls(site: Site | None) -> set[str]:
    if site is None:
        return set()
    return {link.href.strip() for page in site.pages.values() for link in page.links
            if link.kind is LinkKind.EXTERNAL and urlsplit(link.href.strip()).scheme in ("http", "https")}


def _source_places(site: Site | None, prefix: str) -> dict[str, list[tuple[str, int, int]]]:
    places: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    if site is None:
        return places
    for page in site.pages.values():
        for link in page.links:
            if link.kind is LinkKind.EXTERNAL:
                places[link.href.strip()].append((prefix + page.path, link.pos.line, link.pos.col))
    return places


def _html_places(rows: list[Row], site_dir: Path) -> list[tuple[str, int, int]]:
    seen = sorted({(f"{site_dir.as_posix().rstrip('/')}/{r.page}", r.line, r.col) for r in rows})
    return seen or [(site_dir.as_posix(), 1, 1)]
