"""Hostile input never reaches a reader: escaped front matter, safe JSON-LD, rel on external links,
a Content-Security-Policy with no third-party host. (Dependencies: tests/test_supply.py.)"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from healthguide.load.mdext import HealthGuideExtension
from healthguide.theme import csp
from support import TODAY, build_fixture

ENV = {**os.environ, "HEALTHGUIDE_TODAY": TODAY.isoformat()}

SCRIPT_TITLE = "</script><script>alert(1)</script>"
IMG_TITLE = "<img src=x onerror=alert(2)>"
AUTHOR_NAME = "<b onmouseover=alert(3)>Team</b> & \"friends\""
DESCRIPTION = "\"><script>alert(4)</script> A description that tries to break out of its attribute."


def mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                           "-d", str(site_dir)], cwd=project, env=ENV, capture_output=True, text=True, timeout=600)


class _Page(HTMLParser):
    """Every element, attribute and script body, as a browser would parse them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = None


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def _yaml_str(value: str) -> str:
    return json.dumps(value)  # a JSON string is a valid YAML double-quoted scalar


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile")
    project = build_fixture(tmp)
    docs = project / "docs"
    (docs / "authors.yml").write_text(
        f"editorial-team:\n  name: {_yaml_str(AUTHOR_NAME)}\n  role: editor\n  description: {_yaml_str(IMG_TITLE)}\n"
        "dr-real:\n  name: A Reviewer\n  role: medical reviewer\n", encoding="utf-8")
    pillar = docs / "topic" / "index.md"
    pillar.write_text(pillar.read_text(encoding="utf-8").replace("title: The topic overview", f"title: {_yaml_str(SCRIPT_TITLE)}"),
                      encoding="utf-8")
    spoke = docs / "topic" / "flat-feet.md"
    text = spoke.read_text(encoding="utf-8").replace("title: Flat feet and back pain", f"title: {_yaml_str(IMG_TITLE)}")
    text = text.replace("Back to [the overview]", "See [an outside page](https://example.org/page) and back to [the overview]")
    spoke.write_text(text, encoding="utf-8")
    (docs / "notes.md").write_text(f"---\ntitle: {_yaml_str(IMG_TITLE + SCRIPT_TITLE)}\ndescription: {_yaml_str(DESCRIPTION)}\n"
                                   "type: page\n---\n\nPlain words.\n", encoding="utf-8")
    site = tmp / "site"
    done = mkdocs_build(project, site)
    assert done.returncode == 0, done.stderr
    return site


def _html_pages(site: Path) -> list[Path]:
    pages = sorted(site.rglob("*.html"))
    assert pages
    return pages


def test_hostile_front_matter_is_escaped_everywhere(hostile_site: Path) -> None:
    for path in _html_pages(hostile_site):
        html = path.read_text(encoding="utf-8")
        outside_json_ld = re.sub(r'<script type="application/ld\+json">.*?</script>', "", html, flags=re.S)
        for payload in (SCRIPT_TITLE, IMG_TITLE, "<b onmouseover", "<script>alert(4)"):
            assert payload not in outside_json_ld, f"{path}: unescaped {payload!r}"
        page = _parse(html)
        for tag, attrs in page.tags:
            assert not any(name.startswith("on") for name in attrs), f"{path}: event handler on <{tag}>"
            assert not (tag == "img" and attrs.get("src") == "x"), f"{path}: injected <img>"
            assert tag != "b" or "onmouseover" not in attrs
        for attrs, body in page.scripts:
            if attrs.get("type") in ("application/ld+json", "application/json"):
                continue  # data, not code: checked below
            assert "alert(" not in body, f"{path}: a payload became a script: {body[:80]!r}"


def test_hostile_titles_reach_the_page_as_text(hostile_site: Path) -> None:
    html = (hostile_site / "topic" / "index.html").read_text(encoding="utf-8")
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html   # shown to the reader, as text


def test_json_ld_cannot_close_its_script(hostile_site: Path) -> None:
    blocks = 0
    for path in _html_pages(hostile_site):
        html = path.read_text(encoding="utf-8")
        for m in re.finditer(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
            blocks += 1
            body = m.group(1)
            assert "</script" not in body.lower() and "<!--" not in body, f"{path}: JSON-LD can break out"
            json.loads(body)  # still valid JSON
        # Nothing else may have closed a JSON-LD block early and left the rest as markup.
        for attrs, body in _parse(html).scripts:
            if attrs.get("type") == "application/ld+json":
                json.loads(body)
    if blocks == 0:
        pytest.skip("no JSON-LD emitted yet (structured data not wired into the templates)")


def test_hostile_author_name_in_json_ld_round_trips(hostile_site: Path) -> None:
    html = (hostile_site / "topic" / "flat-feet" / "index.html").read_text(encoding="utf-8")
    found = [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]
    if not found:
        pytest.skip("no JSON-LD emitted yet")
    text = json.dumps(found, ensure_ascii=False)
    assert IMG_TITLE in text  # the raw title as data, not HTML-escaped twice


# --- external links -------------------------------------------------------------------------------

def test_external_links_get_noopener_noreferrer() -> None:
    html = markdown.markdown("[a](https://example.org/x) [b](page.md) [c](//cdn.example.org/y) [d](#top) "
                             "[e](mailto:editor@example.org) [f](HTTP://EXAMPLE.ORG)\n\n<https://example.org/auto>",
                             extensions=["attr_list", HealthGuideExtension()])
    links = {attrs["href"]: attrs.get("rel") for tag, attrs in _parse(html).tags if tag == "a"}
    assert links["https://example.org/x"] == "noopener noreferrer"
    assert links["//cdn.example.org/y"] == "noopener noreferrer"
    assert links["HTTP://EXAMPLE.ORG"] == "noopener noreferrer"
    assert links["https://example.org/auto"] == "noopener noreferrer"
    assert links["page.md"] is None and links["#top"] is None and links["mailto:editor@example.org"] is None


def test_existing_rel_is_kept() -> None:
    html = markdown.markdown('[a](https://example.org/x){: rel="nofollow" }', extensions=["attr_list", HealthGuideExtension()])
    assert 'rel="nofollow noopener noreferrer"' in html


def test_checks_do_not_add_rel() -> None:
    html = markdown.markdown("[a](https://example.org/x)", extensions=[HealthGuideExtension(render=False)])
    assert "rel=" not in html


def test_built_external_links_carry_rel(hostile_site: Path) -> None:
    html = (hostile_site / "topic" / "flat-feet" / "index.html").read_text(encoding="utf-8")
    html = html[html.index("<article"):html.index("</article>")]   # the page's own content, not the theme's footer
    outside = [attrs for tag, attrs in _parse(html).tags if tag == "a" and (attrs.get("href") or "").startswith("https://")
               and "md-" not in (attrs.get("class") or "")]
    assert outside, "expected the outside link and the DOI link"
    for attrs in outside:
        assert set((attrs.get("rel") or "").split()) >= {"noopener", "noreferrer"}, attrs


# --- Content-Security-Policy --------------------------------------------------------------------

def _policy(html: str) -> str:
    metas = [attrs for tag, attrs in _parse(html).tags
             if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "content-security-policy"]
    assert len(metas) == 1, "exactly one CSP meta tag"
    return metas[0]["content"] or ""


def test_every_built_page_has_a_strict_csp(hostile_site: Path) -> None:
    for path in _html_pages(hostile_site):
        html = path.read_text(encoding="utf-8")
        policy = _policy(html)
        directives = {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}
        assert directives["default-src"] == ["'self'"]
        assert directives["object-src"] == ["'none'"]
        for name, sources in directives.items():
            for source in sources:
                assert source in ("'self'", "'none'", "data:") or source.startswith("'sha256-"), \
                    f"{path}: {name} allows {source} (no third-party host, no wildcard, no unsafe-*)"
        assert csp.PLACEHOLDER not in html
        # Every inline script that would run is allowed by hash, and only those.
        assert sorted(s for s in directives["script-src"] if s.startswith("'sha256-")) == sorted(csp.inline_script_hashes(html))
        # The policy comes before every script, so it governs all of them.
        assert html.index("Content-Security-Policy") < html.index("<script")


def test_csp_fill_hashes_only_running_inline_scripts() -> None:
    page = ('<head><meta http-equiv="Content-Security-Policy" content="script-src \'self\' '
            + csp.PLACEHOLDER + '"></head><body><script>var a=1</script><script src="x.js"></script>'
            '<script type="application/ld+json">{"a":1}</script><script type="module">b()</script><script>var a=1</script></body>')
    out = csp.fill(page)
    assert csp.PLACEHOLDER not in out
    hashes = re.findall(r"'sha256-[^']+'", out.split("</head>")[0])
    assert len(hashes) == 2                     # var a=1 (once) and the module; not src= scripts, not JSON-LD
    assert "Content-Security-Policy" not in csp.fill(page, serve=True)   # mkdocs serve injects its own script
