"""A polite HTTP client: one request at a time per host, spaced out, retrying 429/503 after Retry-After.

Used to re-check what linkchecker cannot settle (it reports 429 as valid and never retries) and to ask
the DOI and PubMed registries. Outcomes are values, never exceptions.
"""

from __future__ import annotations

import email.utils
import enum
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

USER_AGENT = "healthguide-online-check/0.1 (+https://example.org/foot-to-back/; polite link checker)"
RETRY_STATUSES = frozenset({429, 502, 503, 504})


class Status(enum.Enum):
    OK = "ok"                 # 2xx (after redirects)
    BROKEN = "broken"         # a final client error: 404, 410, other 4xx except those below
    BLOCKED = "blocked"       # 401/403/429 after retries: the server would not tell us
    UNREACHABLE = "unreachable"   # timeout, refused, DNS, TLS, 5xx


@dataclass(frozen=True)
class Outcome:
    url: str
    status: Status
    code: int | None = None          # last HTTP status, if any
    final_url: str = ""              # after redirects
    permanent_redirect: bool = False
    detail: str = ""
    body: Any = None                 # parsed JSON when asked for


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


def classify(code: int) -> Status:
    if 200 <= code < 400:
        return Status.OK
    if code in (401, 403, 429):
        return Status.BLOCKED
    if 400 <= code < 500 and code != 408:
        return Status.BROKEN
    return Status.UNREACHABLE


class PoliteClient:
    """Spaces requests to each host by ``interval`` seconds and retries with back-off.

    ``max_wait`` caps any one Retry-After: a server asking for longer leaves the URL unverified
    rather than stalling the run.
    """

    def __init__(self, *, interval: float = 1.0, retries: int = 3, timeout: float = 20.0, backoff: float = 1.0,
                 max_wait: float = 120.0, sleep: Callable[[float], None] = time.sleep) -> None:
        import httpx  # only the online checks need it

        self.interval, self.retries, self.backoff, self.max_wait = interval, retries, backoff, max_wait
        self.sleep = sleep
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()
        self._httpx = httpx
        self._client = httpx.Client(timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT},
                                    trust_env=True)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _wait_turn(self, host: str) -> None:
        with self._lock:
            now = time.monotonic()
            ready = self._last.get(host, 0.0) + self.interval
            if ready > now:
                self.sleep(ready - now)
            self._last[host] = max(now, ready)

    def get(self, url: str, *, want_json: bool = False) -> Outcome:
        host = urlsplit(url).netloc.lower()
        last = Outcome(url, Status.UNREACHABLE, detail="not tried")
        for attempt in range(self.retries + 1):
            self._wait_turn(host)
            try:
                response = self._client.get(url)
            except self._httpx.TimeoutException as err:
                last = Outcome(url, Status.UNREACHABLE, detail=f"timed out ({type(err).__name__})")
                wait = self.backoff * 2 ** attempt
            except self._httpx.HTTPError as err:
                last = Outcome(url, Status.UNREACHABLE, detail=f"{type(err).__name__}: {err}")
                wait = self.backoff * 2 ** attempt
            else:
                last = self._outcome(url, response, want_json)
                if response.status_code not in RETRY_STATUSES:
                    return last
                asked = parse_retry_after(response.headers.get("Retry-After"))
                if asked is not None and asked > self.max_wait:
                    return Outcome(url, last.status, last.code, detail=f"{last.detail}; Retry-After {asked:.0f}s is "
                                   f"longer than the {self.max_wait:.0f}s this run waits")
                wait = asked if asked is not None else self.backoff * 2 ** attempt
            if attempt < self.retries:
                self.sleep(wait)
        return last

    def _outcome(self, url: str, response: Any, want_json: bool) -> Outcome:
        code = response.status_code
        permanent = any(r.status_code in (301, 308) for r in response.history)
        body = None
        if want_json:
            try:
                body = response.json()
            except ValueError:
                body = None
        return Outcome(url, classify(code), code, str(response.url), permanent, f"HTTP {code} {response.reason_phrase}".strip(),
                       body)
