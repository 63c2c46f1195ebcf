"""`check --built` is a real gate (HG602-HG609): real builds of docs/, with and without the plugin, plus small HTML cases."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from healthguide.checks import disclaimer, rendered
from healthguide.core import check_site
from healthguide.model import Site
from healthguide.settings import Profile, Settings
from support import ROOT, TODAY, build_fixture, run_cli, stage_theme

ENV = {**os.environ, "HEALTHGUIDE_TODAY": TODAY.isoformat(), "NO_MKDOCS_2_WARNING": "1"}
GATE = ("HG602", "HG603", "HG604", "HG605", "HG606", "HG607", "HG608")


def _mkdocs_build(project: Path, site_dir: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir),
                           *extra], cwd=project, env=ENV, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """docs/ built once, normally (the plugin on, --strict)."""
    site = tmp_path_factory.mktemp("real") / "site"
    done = _mkdocs_build(ROOT, site, "--strict")
    assert done.returncode == 0, done.stderr
    return site


def test_real_site_passes_the_gate(real_site: Path) -> None:
    done = run_cli(ROOT, "check", "--built", str(real_site))
    assert done.returncode == 0, done.stdout + done.stderr
    assert not re.search(r"error: HG60\d", done.stdout), done.stdout


def test_gate_fails_on_a_site_built_without_the_plugin(tmp_path: Path) -> None:
    project = tmp_path / "bare"
    project.mkdir()
    for name in ("docs", "assets"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, project / name)
    stage_theme(project / "overrides")   # the theme is all there; only the plugin is missing
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    bare = re.sub(r"^  - healthguide:\n(?:      .*\n)+", "", config, flags=re.MULTILINE)
    assert bare != config, "the plugin entry was not found in mkdocs.yml"
    (project / "mkdocs.yml").write_text(bare, encoding="utf-8")
    # healthguide.extension stays listed: MkDocs tells it no page, so it renders nothing and the gate must say so.
    assert "\n  - healthguide.extension" in bare
    site = tmp_path / "site"
    built = _mkdocs_build(project, site)
    assert built.returncode == 0, built.stderr
    done = run_cli(ROOT, "check", "--built", str(site))
    assert done.returncode == 1, done.stdout
    assert "Traceback" not in done.stderr
    for code in GATE:
        assert re.search(rf"^{re.escape(site.as_posix())}/\S+\.html:\d+:\d+: error: {code} ", done.stdout, re.M), code
    # An article is named with its source; a spoke that cites fails every article code.
    spoke = f"{site.as_posix()}/foot-back-connection/flat-feet-and-back-pain/index.html"
    for code in GATE:
        assert re.search(rf"^{re.escape(spoke)}:\d+:\d+: error: {code} ", done.stdout, re.M), code


# -- small HTML cases, judged against the fixture site's model ----------------------------------------------------

PILLAR, SPOKE = "topic/index.html", "topic/flat-feet/index.html"


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, Settings]:
    result = check_site(build_fixture(tmp_path_factory.mktemp("fx")) / "mkdocs.yml", today=TODAY, use_cache=False)
    return result.site, result.config.settings


def _page(*, top: bool = True, byline: bool = True, review: int = 2, refs: bool = True, jsonld: str = "MedicalWebPage",
          body: str = "<p>Text<sup class=\"hg-cite\">1</sup>.</p>", head: str = "") -> str:
    times = "".join(f'<div><dt>d</dt><dd><time datetime="2026-06-0{i + 1}">x</time></dd></div>' for i in range(review))
    return "\n".join([
        "<html><head>", head,
        f'<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "{jsonld}"}}</script>',
        "</head><body>",
        '<aside class="hg-disclaimer hg-disclaimer--top"><p>General information.</p></aside>' if top else "",
        '<p class="hg-byline">Written by the editorial team.</p>' if byline else "",
        body,
        '<section class="hg-references"><h2 id="references">References</h2></section>' if refs else "",
        f'<dl class="hg-review">{times}</dl>' if review else "",
        "</body></html>"])


def _codes(site: Site, settings: Settings, pages: dict[str, str]) -> list[tuple[str, str]]:
    return [(f.code, f.path) for f in rendered.check_built_pages(site, pages, settings)]


def _both(page: str) -> dict[str, str]:
    return {PILLAR: _page(), SPOKE: page, "index.html": "<html><body><p>Home</p></body></html>"}


CASES = [
    # The disclaimer's text in the footer is not the top disclaimer.
    ("HG602", _page(top=False, body='<div class="hg-disclaimer hg-disclaimer--footer"><p>General information.</p></div>'),
     _page()),
    ("HG603", _page(byline=False), _page()),
    ("HG604", _page(review=1), _page(review=2)),
    ("HG605", _page(refs=False), _page()),
    ("HG606", _page(jsonld="WebPage"), _page(jsonld="MedicalWebPage")),
    ("HG607", _page(body="<p>Flat feet [@menz2013foot].</p>"), _page(body="<pre><code>[@menz2013foot]</code></pre>")),
    ("HG608", _page(head="<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self' 'hg-inline-script-hashes'\">"),
     _page(head="<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self' 'sha256-abc='\">")),
]


@pytest.mark.parametrize(("code", "bad", "near"), CASES, ids=[c[0] for c in CASES])
def test_each_code_and_its_near_miss(fixture_site: tuple[Site, Settings], code: str, bad: str, near: str) -> None:
    site, settings = fixture_site
    assert (code, SPOKE) in _codes(site, settings, _both(bad))
    assert _codes(site, settings, _both(near)) == []


def test_hg609_article_not_built(fixture_site: tuple[Site, Settings]) -> None:
    site, settings = fixture_site
    assert _codes(site, settings, {PILLAR: _page(), "index.html": "<p>Home</p>"}) == [("HG609", SPOKE)]


def test_raw_citation_is_located(fixture_site: tuple[Site, Settings]) -> None:
    site, settings = fixture_site
    page = _page(body="<p>One.\nTwo and [@menz2013foot].</p>")
    found = next(f for f in rendered.check_built_pages(site, _both(page), settings) if f.code == "HG607")
    lines = page.split("\n")
    assert lines[found.line - 1][found.col - 1:].startswith("[@menz2013foot]")


def test_the_home_page_and_plain_pages_are_not_articles(fixture_site: tuple[Site, Settings]) -> None:
    site, settings = fixture_site
    assert _codes(site, settings, {PILLAR: _page(), SPOKE: _page(), "index.html": "<p>Home</p>", "404.html": "<p>Lost</p>"}) == []


def test_generic_profile_skips_the_health_codes(fixture_site: tuple[Site, Settings]) -> None:
    site, settings = fixture_site
    generic = dataclasses.replace(settings, profile=Profile.GENERIC)
    bare = "<html><body><p>Flat feet [@menz2013foot].</p></body></html>"
    found = {code for code, _ in _codes(site, generic, {PILLAR: bare, "index.html": bare})}
    assert found == {"HG605", "HG607"}  # a missing spoke, byline or JSON-LD is no error on a generic site


# -- the quick paths on pages whose navigation grows with the site: the same findings as the slow ones -----------

NAV = '<nav class="md-nav md-nav--primary" aria-label="Navigation">\n<ul><li><a href="a/">A &amp; B</a>\n{}</li></ul></nav>'


def _full_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rendered, "_quiet_spans", lambda text: iter(()))


def test_the_navigation_is_stepped_over_with_the_same_findings(real_site: Path, fixture_site: tuple[Site, Settings],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    site, settings = fixture_site
    pages = {p.relative_to(real_site).as_posix(): p.read_text(encoding="utf-8") for p in real_site.rglob("*.html")}
    assert sum(1 for text in pages.values() if next(rendered._quiet_spans(text), None)) >= len(pages) - 2
    planted = {
        # a citation on the nav's last line, right after it: found at the same place
        "after": _page(body=NAV.format("") + " and [@menz2013foot].</p>"),
        # what the gate reads, inside the navigation: then the navigation is parsed
        "cited": _page(body=NAV.format("x [@menz2013foot]")),
        "entity": _page(body=NAV.format("x &#91;@menz2013foot]")),
        "byline": _page(byline=False, body=NAV.format('<p class="hg-byline">by</p>')),
        "review": _page(review=0, body=NAV.format('<dl class="hg-review"><time datetime="x">a</time><time datetime="y">b</time></dl>')),
        "code": _page(body="<pre>" + NAV.format("") + "[@menz2013foot]</pre>"),
    }
    for name, page in planted.items():
        pages[f"{name}/index.html"] = page
        pages[SPOKE] = page
        quick = list(rendered.check_built_pages(site, pages, settings))
        with monkeypatch.context() as m:
            _full_parse(m)
            assert list(rendered.check_built_pages(site, pages, settings)) == quick, name
    assert [list(rendered._quiet_spans(planted[name])) for name in ("cited", "entity", "byline", "review")] == [[]] * 4


def test_the_disclaimer_as_written_agrees_with_the_tag_stripped_text(real_site: Path) -> None:
    settings = Settings()
    want = disclaimer._normal(settings.disclaimer)
    shown = [p.read_text(encoding="utf-8") for p in real_site.rglob("*.html")]
    assert all(disclaimer._shown_as_written(want, text) for text in shown)
    odd = [f"<script>var s = '<p>{want}</p>';</script>", f"<STYLE>/* >{want} */</STYLE>", f'<p title=">{want}">x</p>',
           f"<!-- >{want} -->", f"<scripts>{want}", f"<p>{want}</p>"]
    for text in odd:
        slow = want in disclaimer._normal(disclaimer._TAGS.sub(" ", text))
        assert slow or not disclaimer._shown_as_written(want, text), text
        assert disclaimer.page_has_disclaimer(text, settings) is slow, text
    assert not disclaimer._shown_as_written(want, odd[0]) and not disclaimer.page_has_disclaimer(odd[0], settings)
