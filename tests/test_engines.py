"""The site builds the same on MkDocs 1.6.1, ProperDocs and Zensical; the CLI needs no engine.

MkDocs and ProperDocs run the healthguide plugin; Zensical runs none, so healthguide.extension renders the
same parts into its pages and `healthguide finish` fills the CSP hashes. The matrix compares what readers
get (article text, citations, reference lists, disclaimers, bylines, related lists, review dates, structured
data) after leaving out each engine's own markup.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

import pytest

import enginesupport
from healthguide.checks.rendered import built_path
from healthguide.core import check_site
from healthguide.load.sitefacts import page_urls
from healthguide.settings import DEFAULT_DISCLAIMER
from healthguide.theme.package import package_dir
from support import ROOT, TODAY, build_fixture, run_cli

GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')


def build(project: Path, engine: str, out: Path) -> None:
    env = {**os.environ, "HEALTHGUIDE_TODAY": TODAY.isoformat()}
    done = subprocess.run([sys.executable, "-m", engine, "build", "--strict", "-q", "-f", "mkdocs.yml", "-d", str(out)],
                          cwd=project, capture_output=True, text=True, timeout=600, env=env)
    assert done.returncode == 0, f"{engine}: {done.stderr[-3000:]}"


def files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def article(html: str) -> str:
    m = re.search(r"<article\b.*?</article>", html, re.DOTALL)
    assert m, "no <article> in the page"
    return m.group(0)


def test_mkdocs_and_properdocs_build_the_same_pages(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs")
    pytest.importorskip("properdocs")
    project = build_fixture(tmp_path)
    build(project, "mkdocs", tmp_path / "mk")
    build(project, "properdocs", tmp_path / "pd")
    mk, pd = files(tmp_path / "mk"), files(tmp_path / "pd")
    assert mk == pd
    pages = sorted(p for p in mk if p.endswith(".html"))
    assert "topic/flat-feet/index.html" in pages
    for page in pages:
        a = GENERATOR.sub("", (tmp_path / "mk" / page).read_text(encoding="utf-8"))
        b = GENERATOR.sub("", (tmp_path / "pd" / page).read_text(encoding="utf-8"))
        if "<article" in a:
            assert article(a) == article(b), page
        assert a == b, f"{page} differs beyond the generator line"


def test_cli_works_without_any_engine(tmp_path: Path) -> None:
    project = build_fixture(tmp_path)
    code = ("import sys\n"
            "for name in ('mkdocs', 'properdocs', 'material'):\n"
            "    sys.modules[name] = None  # any import of an engine now fails\n"
            "from healthguide.cli import main\n"
            "sys.exit(main(['check']))\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=project, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "HEALTHGUIDE_TODAY": TODAY.isoformat()})
    assert done.returncode == 0, done.stderr
    assert "0 error(s)" in done.stdout


# -- the real docs/ on every engine ---------------------------------------------------------------------------------

ENGINES = enginesupport.ENGINES
# What each engine draws itself (Material's buttons, tags, headings' permalinks, feedback): not ours to compare.
THEME_ONLY = {"md-content__button", "md-tags", "md-source-file", "headerlink", "md-feedback", "md-typeset__scrollwrap"}
# Our parts, each compared as normalised HTML (first element with the class; citations: every marker).
PARTS = ("hg-breadcrumb", "hg-disclaimer--top", "hg-byline", "hg-references", "hg-related", "hg-review",
         "hg-topicmap", "hg-evidence")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Article(HTMLParser):
    """The article of a built page, read into what the matrix compares (hrefs resolved from the page's URL)."""

    def __init__(self, url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base = "http://site/" + url
        self.parts: dict[str, list[str]] = {}
        self.cites: list[list[str]] = []
        self.text: list[str] = []
        self.jsonld: list[str] = []
        self._open: list[tuple[list[str], int]] = []     # token lists being filled, with their start depth
        self._depth = 0
        self._article = self._skip = 0
        self._script: list[str] | None = None

    def _token(self, token: str) -> None:
        for tokens, _ in self._open:
            tokens.append(token)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = set((values.get("class") or "").split())
        if tag == "script" and values.get("type") == "application/ld+json":
            self._script = []
        void = tag in _VOID
        if not void:
            self._depth += 1
        if tag == "article":
            self._article = self._depth
        if (self._skip or classes & THEME_ONLY or tag in ("script", "style")) and not void:
            self._skip += 1
            return
        if not self._article:
            return
        kept = sorted((k, urllib.parse.urljoin(self.base, v or "").removeprefix("http://site/") if k == "href" else v or "")
                      for k, v in attrs if k != "data-search-exclude")
        for name in PARTS:
            if name in classes and name not in self.parts and not void:
                self.parts[name] = []
                self._open.append((self.parts[name], self._depth))
        if "hg-cite" in classes and tag == "sup":
            self.cites.append([])
            self._open.append((self.cites[-1], self._depth))
        self._token(f"<{tag} {kept}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.jsonld.append(json.dumps(json.loads("".join(self._script)), sort_keys=True))
            self._script = None
        if tag in _VOID:
            return
        if self._skip:
            self._skip -= 1
        elif self._article:
            self._token(f"</{tag}>")
            self._open = [(t, d) for t, d in self._open if d != self._depth]
        if self._depth == self._article:
            self._article = 0
        self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)
        if self._skip or not self._article:
            return
        text = " ".join(data.split())
        if text:
            self.text.append(text)
            self._token(text)


def read_article(html: str, url: str) -> dict[str, object]:
    """Body text, citations, our parts and JSON-LD of one built page, with each engine's own markup left out."""
    parser = _Article(url)
    parser.feed(html)
    parser.close()
    hg_classes = sorted(c for c in re.findall(r'class="([^"]*)"', html) for c in c.split() if c.startswith("hg-"))
    return {"body": " ".join(parser.text), "citations": parser.cites, "jsonld": sorted(parser.jsonld),
            "hg-classes": hg_classes, **{name: parser.parts.get(name) for name in PARTS}}


@pytest.fixture(scope="module")
def engine_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The same copy of the project built once with each engine."""
    pytest.importorskip("properdocs")
    pytest.importorskip("zensical")
    root = tmp_path_factory.mktemp("engines")
    project = enginesupport.project_copy(root / "project")
    return {engine: (enginesupport.build(engine, project, root / engine), root / engine)[1] for engine in ENGINES}


def articles() -> dict[str, str]:
    """Built file -> URL of every pillar and spoke of docs/ (from the site model)."""
    site = check_site(ROOT / "mkdocs.yml", today=TODAY).site
    return {built_path(url): url for url, path in page_urls(site.pages, site.use_directory_urls).items()
            if site.pages[path].type and site.pages[path].type.is_medical}


def test_every_engine_renders_the_same_articles(engine_sites: dict[str, Path]) -> None:
    pages = articles()
    assert "foot-back-connection/flat-feet-and-back-pain/index.html" in pages
    for rel, url in sorted(pages.items()):
        mk = read_article((engine_sites["mkdocs"] / rel).read_text(encoding="utf-8"), url)
        assert mk["hg-disclaimer--top"] and mk["hg-byline"] and mk["jsonld"], rel
        for engine in ENGINES[1:]:
            other = read_article((engine_sites[engine] / rel).read_text(encoding="utf-8"), url)
            for key, value in mk.items():
                assert other[key] == value, f"{engine} {rel}: {key} differs from MkDocs'"


def test_every_engine_passes_the_built_gate(engine_sites: dict[str, Path]) -> None:
    for engine, site in engine_sites.items():
        done = run_cli(ROOT, "check", "--built", str(site))
        assert done.returncode == 0, f"{engine}: {done.stdout[-3000:]}"
        assert "0 error(s)" in done.stdout, engine


def test_zensical_leaves_no_placeholder_and_no_raw_citation(engine_sites: dict[str, Path]) -> None:
    for path in sorted(engine_sites["zensical"].rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        assert "'hg-inline-script-hashes'" not in text, path
        assert "hg-page-end" not in text, path


def test_the_footer_default_is_the_settings_default() -> None:
    """Zensical's 404 page (no Markdown, no plugin) shows the footer's fallback text: the toolkit's default."""
    footer = (package_dir() / "partials" / "hg-disclaimer-footer.html").read_text(encoding="utf-8")
    assert f'"{DEFAULT_DISCLAIMER}"' in footer


def test_mkdocs_with_the_plugin_takes_the_extension_out(tmp_path: Path) -> None:
    """The plugin renders every part itself: healthguide.extension never runs twice over a MkDocs page."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\n  - healthguide.extension" in config
    project = build_fixture(tmp_path)
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(text.replace("markdown_extensions:\n", "markdown_extensions:\n  - healthguide.extension\n", 1),
                                        encoding="utf-8")
    build(project, "mkdocs", tmp_path / "with")
    html = (tmp_path / "with" / "topic" / "flat-feet" / "index.html").read_text(encoding="utf-8")
    for part in ("hg-breadcrumb", "hg-disclaimer--top", "hg-byline", "hg-references"):
        assert len(re.findall(rf'class="(?:[^"]* )?{part}[ "]', html)) == 1, part


def test_the_gate_fails_zensical_without_the_extension(tmp_path: Path) -> None:
    """The issue's first Zensical build: no plugin ran and nothing replaced it. `check --built` names every gap."""
    pytest.importorskip("zensical")
    project = enginesupport.project_copy(tmp_path / "project")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    bare = re.sub(r"^  - healthguide\.extension.*\n", "", config, flags=re.MULTILINE)
    assert bare != config
    (project / "mkdocs.yml").write_text(bare, encoding="utf-8")
    staged = enginesupport.run(["-m", "healthguide", "stage"], project)   # the theme is all there
    assert staged.returncode == 0, staged.stderr
    done = enginesupport.run(["-m", "zensical", "build", "-f", ".healthguide-engine.yml"], project)
    assert done.returncode == 0, done.stderr[-3000:]
    site = project / "site"
    gate = run_cli(ROOT, "check", "--built", str(site))
    assert gate.returncode == 1, gate.stdout[-3000:]
    spoke = f"{site.as_posix()}/foot-back-connection/flat-feet-and-back-pain/index.html"
    for code in ("HG602", "HG603", "HG604", "HG605", "HG606", "HG607", "HG608"):
        assert re.search(rf"^{re.escape(spoke)}:\d+:\d+: error: {code} ", gate.stdout, re.M), code


TAG = re.compile(r"\{[{%](.*?)[%}]\}", re.DOTALL)


def test_templates_use_only_what_every_engine_provides() -> None:
    """No Python method calls (Zensical's template engine has none), no plugin-object lookups."""
    for path in sorted([*(ROOT / "overrides").rglob("*.*"), *package_dir().rglob("*.html"), *package_dir().rglob("*.xml")]):
        for tag in TAG.findall(path.read_text(encoding="utf-8")):
            code = re.sub(r"\"[^\"]*\"|'[^']*'", "", tag)   # string literals may hold anything
            assert not re.search(r"\.(?!super\b)\w+\s*\(", code), f"{path.name}: a method call in {{{tag}}}"
            assert "config.plugins" not in code, f"{path.name}: a plugin lookup in {{{tag}}}"
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    care = re.search(r"healthguide\.theme\.care:.*\n\s+data: (.*)", config)
    assert care and "!relative" not in care.group(1)
