"""Online checks against real HTTP servers on 127.0.0.1 only: 200, redirects, 404, 403, 429 with
Retry-After, slow answers and timeouts; the DOI and PubMed clients pointed at the same kind of server."""

from __future__ import annotations

import http.server
import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from healthguide.core import load_config
from healthguide.findings import Severity
from healthguide.load.assembler import load_site
from healthguide.load.references import load_references
from healthguide.online.cache import ResultCache
from healthguide.online.http import PoliteClient, Status, parse_retry_after
from healthguide.online.identifiers import check_identifiers
from healthguide.online.links import check_links, parse_csv
from healthguide.settings import Settings
from support import build_fixture, run_cli

pytest.importorskip("httpx")

KNOWN_DOIS = {"10.1093/rheumatology/ket298"}
KNOWN_PMIDS = {"24049103"}


class Recorder:
    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.times: dict[str, list[float]] = {}
        self.lock = threading.Lock()

    def hit(self, path: str) -> int:
        with self.lock:
            self.hits[path] += 1
            self.times.setdefault(path, []).append(time.monotonic())
            return self.hits[path]


def make_handler(rec: Recorder) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

        def _send(self, code: int, body: bytes = b"", headers: dict[str, str] | None = None,
                  ctype: str = "text/html") -> None:
            self.send_response(code)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass   # the client gave up waiting (the timeout tests)

        def do_GET(self) -> None:  # noqa: N802
            parts = urlsplit(self.path)
            path = parts.path
            n = rec.hit(path)
            if path == "/ok":
                self._send(200, b"<html><body>fine</body></html>")
            elif path == "/moved":
                self._send(301, headers={"Location": "/ok"})
            elif path == "/gone":
                self._send(404, b"not here")
            elif path == "/forbidden":
                self._send(403, b"no robots")
            elif path == "/busy":   # 429 with Retry-After the first two times, then fine
                if n <= 2:
                    self._send(429, b"slow down", {"Retry-After": "1"})
                else:
                    self._send(200, b"ok now")
            elif path == "/always-busy":
                self._send(429, b"slow down", {"Retry-After": "1"})
            elif path == "/slow":
                time.sleep(0.6)
                self._send(200, b"slow but fine")
            elif path == "/hang":
                time.sleep(4)
                self._send(200, b"too late")
            elif path.startswith("/api/handles/"):
                doi = path[len("/api/handles/"):]
                if doi in KNOWN_DOIS:
                    self._send(200, json.dumps({"responseCode": 1, "handle": doi}).encode(), ctype="application/json")
                else:
                    self._send(404, json.dumps({"responseCode": 100, "handle": doi}).encode(), ctype="application/json")
            elif path == "/esummary.fcgi":
                ids = parse_qs(parts.query)["id"][0].split(",")
                result: dict[str, object] = {"uids": [i for i in ids if i in KNOWN_PMIDS]}
                for i in ids:
                    result[i] = {"uid": i, "title": "x"} if i in KNOWN_PMIDS else {"uid": i, "error": "cannot get document summary"}
                self._send(200, json.dumps({"result": result}).encode(), ctype="application/json")
            elif path == "/broken-registry/esummary.fcgi" or path.startswith("/broken-registry/"):
                self._send(500, b"oops")
            else:
                self._send(404, b"no such path")

        do_HEAD = do_GET

    return Handler


@pytest.fixture
def server() -> Iterator[tuple[str, Recorder]]:
    rec = Recorder()
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), make_handler(rec))
    srv.daemon_threads = True
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}", rec
    finally:
        srv.shutdown()
        srv.server_close()


def client(**kw: float) -> PoliteClient:
    return PoliteClient(**{"interval": 0.05, "retries": 2, "timeout": 1.5, "backoff": 0.1, **kw})


# --- the polite client ------------------------------------------------------------------------------------

def test_retry_after_parsing() -> None:
    assert parse_retry_after("3") == 3
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:05 GMT", now=0) > 0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


def test_client_answers(server: tuple[str, Recorder]) -> None:
    base, rec = server
    with client() as c:
        assert c.get(base + "/ok").status is Status.OK
        moved = c.get(base + "/moved")
        assert moved.status is Status.OK and moved.permanent_redirect and moved.final_url == base + "/ok"
        assert c.get(base + "/gone").status is Status.BROKEN
        assert c.get(base + "/forbidden").status is Status.BLOCKED
        assert c.get(base + "/slow").status is Status.OK
    assert rec.hits["/gone"] == 1, "a 404 is final: no retries"


def test_client_honours_retry_after(server: tuple[str, Recorder]) -> None:
    base, rec = server
    with client() as c:
        outcome = c.get(base + "/busy")
    assert outcome.status is Status.OK and rec.hits["/busy"] == 3
    gaps = [b - a for a, b in zip(rec.times["/busy"], rec.times["/busy"][1:], strict=False)]
    assert all(g >= 0.9 for g in gaps), gaps   # waited Retry-After: 1 each time


def test_client_gives_up_on_long_retry_after(server: tuple[str, Recorder]) -> None:
    base, rec = server
    with client(max_wait=0.5) as c:
        outcome = c.get(base + "/always-busy")
    assert outcome.status is Status.BLOCKED and rec.hits["/always-busy"] == 1 and "Retry-After" in outcome.detail


def test_client_timeout_is_unreachable(server: tuple[str, Recorder]) -> None:
    base, _ = server
    with client(timeout=0.5, retries=1) as c:
        outcome = c.get(base + "/hang")
    assert outcome.status is Status.UNREACHABLE and "timed out" in outcome.detail


def test_client_spaces_requests_per_host(server: tuple[str, Recorder]) -> None:
    base, rec = server
    with client(interval=0.3) as c:
        for _ in range(3):
            c.get(base + "/ok")
    gaps = [b - a for a, b in zip(rec.times["/ok"], rec.times["/ok"][1:], strict=False)]
    assert all(g >= 0.25 for g in gaps), gaps


def test_cache_max_age(tmp_path: Path) -> None:
    path = tmp_path / "c" / "links.json"
    cache = ResultCache(path, 7, now=1_000_000)
    cache.put("link:a", code=200)
    cache.save()
    assert ResultCache(path, 7, now=1_000_000 + 86400).get("link:a") is not None
    assert ResultCache(path, 7, now=1_000_000 + 8 * 86400).get("link:a") is None
    path.write_text("{not json", encoding="utf-8")
    assert len(ResultCache(path, 7)) == 0


# --- external links through linkchecker -------------------------------------------------------------------

LINKED = ["ok", "moved", "gone", "forbidden", "busy", "slow", "hang", "always-busy"]


def _site_with_links(tmp_path: Path, base: str) -> tuple[Path, Path]:
    """A fixture project whose page links to the test server, and a 'built' site with the same links."""
    project = build_fixture(tmp_path)
    page = project / "docs" / "topic" / "links.md"
    body = "\n\n".join(f"See [{name}]({base}/{name})." for name in LINKED)
    page.write_text("---\ntitle: Links\ntype: page\n---\n\n" + body + "\n", encoding="utf-8")
    site = project / "site"
    (site / "topic" / "links").mkdir(parents=True)
    links = "".join(f'<p><a href="{base}/{name}">{name}</a></p>\n' for name in LINKED)
    (site / "index.html").write_text(f'<html><body><a href="topic/links/">links</a>\n'
                                     f'<a href="{base}/ok?from=theme">theme</a></body></html>', encoding="utf-8")
    (site / "topic" / "links" / "index.html").write_text(f"<html><body>\n{links}</body></html>", encoding="utf-8")
    return project, site


def test_linkchecker_csv_parsing() -> None:
    text = ("# comment\nurlname;parentname;base;result;warningstring;infostring;valid;url;line;column;name;dltime;"
            "size;checktime;cached;level;modified\n"
            "http://x.test/a;http://127.0.0.1:1/p/;;429 Too Many Requests;Rate limited (Retry-After: 1);;True;"
            "http://x.test/a;4;7;a;-1;-1;0.1;0;1;\n"
            "other/;http://127.0.0.1:1/;;200 OK;;;True;http://127.0.0.1:1/other/;1;1;o;-1;-1;0.1;0;1;\n")
    rows = parse_csv(text, "http://127.0.0.1:1/")
    assert len(rows) == 1 and rows[0].code == 429 and rows[0].valid and rows[0].page == "p/index.html" and rows[0].line == 4


def test_online_links_end_to_end(tmp_path: Path, server: tuple[str, Recorder]) -> None:
    base, rec = server
    project, site_dir = _site_with_links(tmp_path, base)
    config = load_config(project / "mkdocs.yml")
    settings = Settings(links_allow=(r"/forbidden$",))
    cache = ResultCache(tmp_path / "cache" / "links.json", 7)
    factory = lambda: client(timeout=1.0, retries=1)  # noqa: E731
    found, stats = check_links(site_dir, settings, load_site(config), cache, docs_prefix="docs/", rate=20,
                               timeout=1, threads=4, client_factory=factory)
    by_url = {f.message.split("'")[1]: f for f in found}
    gone = by_url[base + "/gone"]
    assert (gone.code, gone.severity, gone.path) == ("HG350", Severity.ERROR, "docs/topic/links.md")
    assert gone.line == 5 + 2 * LINKED.index("gone") + 1
    assert by_url[base + "/hang"].code == "HG351" and by_url[base + "/hang"].severity is Severity.WARN
    assert by_url[base + "/always-busy"].code == "HG351"
    assert by_url[base + "/moved"].code == "HG352" and by_url[base + "/moved"].severity is Severity.INFO
    for fine in ("ok", "busy", "slow", "forbidden"):      # forbidden: allowed by links_allow
        assert base + "/" + fine not in by_url, found
    assert rec.hits["/busy"] >= 3, "linkchecker's 429 was re-checked after Retry-After"
    assert stats.broken == 1 and stats.unverified == 2
    cache.save()
    # A rerun asks only about what was not confirmed.
    before = Counter(rec.hits)
    cache2 = ResultCache(tmp_path / "cache" / "links.json", 7)
    found2, stats2 = check_links(site_dir, Settings(links_ignore=(r"/hang$", r"/always-busy$")), load_site(config), cache2,
                                 docs_prefix="docs/", rate=20, timeout=1, threads=4, client_factory=factory)
    asked = Counter(rec.hits) - before
    assert asked["/ok"] == 0 and asked["/busy"] == 0 and asked["/slow"] == 0, asked
    assert asked["/hang"] == 0 and asked["/always-busy"] == 0, "links_ignore URLs are never fetched"
    assert stats2.from_cache >= 3 and stats2.ignored == 2
    assert {f.code for f in found2} >= {"HG350"}


def test_online_links_theme_link_placed_on_html(tmp_path: Path, server: tuple[str, Recorder]) -> None:
    base, _ = server
    project = build_fixture(tmp_path)
    site_dir = project / "site"
    site_dir.mkdir()
    (site_dir / "index.html").write_text(f'<html><body>\n<a href="{base}/gone">x</a></body></html>', encoding="utf-8")
    config = load_config(project / "mkdocs.yml")
    found, _ = check_links(site_dir, Settings(), load_site(config), ResultCache(tmp_path / "c.json", 7),
                           rate=20, timeout=1, client_factory=lambda: client())
    assert [(f.code, f.path.endswith("site/index.html"), f.line) for f in found] == [("HG350", True, 2)]


# --- identifiers at their registries ----------------------------------------------------------------------

def _refs(tmp_path: Path, entries: str) -> Path:
    path = tmp_path / "references.yaml"
    path.write_text("references:\n" + entries, encoding="utf-8")
    return path


REFS = """- id: good
  title: A
  DOI: 10.1093/rheumatology/ket298
  PMID: "24049103"
- id: baddoi
  title: B
  DOI: 10.9999/does-not-exist
- id: badpmid
  title: C
  PMID: "99999999"
"""


def test_identifiers_found_missing_and_cached(tmp_path: Path, server: tuple[str, Recorder],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    base, rec = server
    monkeypatch.setenv("HEALTHGUIDE_DOI_API", base)
    monkeypatch.setenv("HEALTHGUIDE_PUBMED_API", base)
    refs, problems = load_references(_refs(tmp_path, REFS), "references.yaml")
    assert not problems
    cache = ResultCache(tmp_path / "ids.json", 30)
    found, stats = check_identifiers(refs, Settings(), cache, references_path="docs/references.yaml",
                                     client_factory=lambda interval: client(interval=interval))
    assert [(f.code, f.line, f.severity) for f in found] == [("HG460", 6, Severity.ERROR), ("HG461", 9, Severity.ERROR)]
    assert "10.9999/does-not-exist" in found[0].message and found[0].path == "docs/references.yaml"
    assert stats.found == 2 and stats.missing == 2
    assert rec.hits["/esummary.fcgi"] == 1, "PMIDs are asked in one batch"
    cache.save()
    before = sum(rec.hits.values())
    found2, stats2 = check_identifiers(refs, Settings(), ResultCache(tmp_path / "ids.json", 30),
                                       references_path="docs/references.yaml",
                                       client_factory=lambda interval: client(interval=interval))
    assert sum(rec.hits.values()) == before and stats2.from_cache == 4
    assert [f.code for f in found2] == ["HG460", "HG461"]


def test_identifiers_unreachable_registry_is_a_warning(tmp_path: Path, server: tuple[str, Recorder]) -> None:
    base, _ = server
    refs, _ = load_references(_refs(tmp_path, REFS), "references.yaml")
    settings = Settings(doi_api=base + "/broken-registry", pubmed_api="http://127.0.0.1:9")   # 500s; refused port
    found, stats = check_identifiers(refs, settings, ResultCache(tmp_path / "ids.json", 30), references_path="r.yaml",
                                     client_factory=lambda interval: client(interval=0.01, retries=1))
    assert {f.code for f in found} == {"HG462"} and all(f.severity is Severity.WARN for f in found)
    assert len(found) == 4 and stats.found == 0 and stats.unverified == 4
    assert not (tmp_path / "ids.json").exists() or "good" not in (tmp_path / "ids.json").read_text()


def test_slow_registry_answer_still_counts(tmp_path: Path, server: tuple[str, Recorder]) -> None:
    # the handle API answering slowly but within the timeout is a pass
    base, _ = server
    with client(timeout=2) as c:
        assert c.get(base + "/slow").status is Status.OK


def test_online_cli_identifiers_writes_markdown_summary(tmp_path: Path, server: tuple[str, Recorder]) -> None:
    base, _ = server
    project = build_fixture(tmp_path)
    summary = tmp_path / "summary.md"
    done = run_cli(project, "online", "identifiers", "--summary", str(summary), "--cache-dir", str(tmp_path / "cache"),
                   env={"HEALTHGUIDE_DOI_API": base, "HEALTHGUIDE_PUBMED_API": base})
    assert done.returncode == 0, done.stdout + done.stderr
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## Reference identifiers") and "| DOIs | 1 |" in text and "Nothing to fix." in text
    assert (tmp_path / "cache" / "identifiers.json").is_file()
