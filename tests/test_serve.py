"""`mkdocs serve`: findings show as warnings in the terminal and the page still renders (HTTP 200).

Only 127.0.0.1 is used; the server is ours and is stopped by its own process id.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from support import TODAY, build_fixture


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_warns_and_keeps_rendering(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs")
    project = build_fixture(tmp_path)
    page = project / "docs" / "topic" / "flat-feet.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nAlso see [the missing page](nowhere.md).\n", encoding="utf-8")
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "HEALTHGUIDE_TODAY": TODAY.isoformat(), "no_proxy": "127.0.0.1"}
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
                                cwd=project, stdout=out, stderr=subprocess.STDOUT, env=env)
    try:
        status, body = 0, ""
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with opener.open(f"http://127.0.0.1:{port}/topic/flat-feet/", timeout=5) as response:
                    status, body = response.status, response.read().decode("utf-8")
                break
            except OSError:
                time.sleep(0.3)
        text = log.read_text(encoding="utf-8")
        assert status == 200, text
        assert "Flat feet and back pain" in body
        assert "WARNING" in text and "HG301" in text and "nowhere.md" in text, text
        assert "Aborted" not in text and "was not published" not in text
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
