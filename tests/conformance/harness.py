"""Conformance on real MkDocs sites: MkDocs' own built HTML is the oracle for every link and anchor.

For a tree (a copy of a public site's docs, with defects planted on top), :func:`build_oracle` runs
``mkdocs build`` with a recording plugin and takes, from the HTML MkDocs wrote, every id of every
page and every link in every page's content; a link is broken when the file it points at was not
written, or its ``#fragment`` is not an id in that file. :func:`checker_keys` turns the checker's
findings into the same keys (page, target URL, fragment), so the two sets can be compared exactly.
Used by tests/test_conformance.py and bench/conformance.py.
"""

from __future__ import annotations

import json
import posixpath
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

HERE = Path(__file__).parent
TREES = ("mkdocs", "material", "gitdate")  # gitdate: held out (added last, not tuned for)
LINK_CODES = frozenset({"HG301", "HG302", "HG303", "HG305", "HG306"})
Key = tuple[str, str, str]  # (source page, target path in the built site, fragment)


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif (tag == "a" and name == "href") or (tag == "img" and name == "src"):
                self.links.append(value)


def parse_html(text: str) -> _Html:
    parser = _Html()
    parser.feed(text)
    parser.close()
    return parser


@dataclass
class Oracle:
    """What MkDocs built: ids per page (content only and whole file), content links, and the broken ones."""

    content_ids: dict[str, set[str]] = field(default_factory=dict)    # src page -> ids in its content
    links: dict[str, list[str]] = field(default_factory=dict)         # src page -> hrefs in its content
    urls: dict[str, str] = field(default_factory=dict)                # src page -> its URL
    broken: set[Key] = field(default_factory=set)
    log: list[str] = field(default_factory=list)                      # MkDocs' own warnings


def normal_target(page_url: str, href: str) -> tuple[str, str] | None:
    """(site path, fragment) a relative href reaches from a page URL; None for external or absolute."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("/"):
        return None
    path = unquote(parts.path)
    if path:
        joined = urljoin("/" + page_url, path)
        target = posixpath.normpath(joined).lstrip("/")
        target = target + "/" if target and joined.endswith("/") else target
    else:
        target = page_url
    if target.endswith("index.html"):
        target = target[: -len("index.html")]
    return target, unquote(parts.fragment)


def _exists(site_dir: Path, target: str) -> Path | None:
    path = site_dir / target
    if target.endswith("/") or target == "" or path.is_dir():
        path = path / "index.html"
    return path if path.is_file() else None


def build_oracle(config_file: Path, site_dir: Path) -> Oracle:
    """Build with MkDocs (with a recording plugin added) and judge every content link by the files written."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.plugins import BasePlugin, event_priority

    oracle = Oracle()
    outputs: dict[str, str] = {}

    class Recorder(BasePlugin):  # type: ignore[type-arg]
        @event_priority(-100)  # after every other plugin: the content as published
        def on_page_content(self, html: str, page: Any, **kwargs: Any) -> str:
            parsed = parse_html(html)
            oracle.content_ids[page.file.src_uri] = parsed.ids
            oracle.links[page.file.src_uri] = parsed.links
            oracle.urls[page.file.src_uri] = page.url
            return html

        @event_priority(-100)
        def on_post_page(self, output: str, page: Any, **kwargs: Any) -> str:
            outputs[page.file.dest_uri] = output
            return output

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                oracle.log.append(record.getMessage())

    handler = Collect()
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        config = load_config(str(config_file), site_dir=str(site_dir))
        config.plugins["conformance-oracle"] = Recorder()
        build(config)
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    ids_of: dict[Path, set[str]] = {}
    for page, hrefs in oracle.links.items():
        for href in hrefs:
            reached = normal_target(oracle.urls[page], href)
            if reached is None:
                continue
            target, fragment = reached
            file = _exists(site_dir, target)
            if file is None:
                oracle.broken.add((page, target, fragment))
            elif fragment and file.suffix == ".html":
                if file not in ids_of:
                    ids_of[file] = parse_html(file.read_text(encoding="utf-8", errors="replace")).ids
                if fragment not in ids_of[file]:
                    oracle.broken.add((page, target, fragment))
    return oracle


def checker_keys(site: Any, findings: Iterable[Any], codes: Iterable[str] = LINK_CODES) -> dict[Key, list[Any]]:
    """The checker's link findings as oracle keys, each with the findings behind it."""
    from healthguide.load.sitefacts import page_url

    wanted = set(codes)
    out: dict[Key, list[Any]] = {}
    urls = site.use_directory_urls
    for item in findings:
        if item.code not in wanted or item.path not in site.pages:
            continue
        page = site.pages[item.path]
        link = next((k for k in page.links if (k.pos.line, k.pos.col) == (item.line, item.col)), None)
        if link is None:
            continue
        here = page_url(page.path, urls)
        if link.target in site.pages:
            key = (page.path, page_url(link.target, urls), link.fragment)
        elif link.target in site.assets:
            key = (page.path, link.target, link.fragment)
        else:
            reached = normal_target(here, link.href)  # MkDocs leaves a link to a missing file as written
            if reached is None:
                continue
            key = (page.path, *reached)
        out.setdefault(key, []).append(item)
    return out


def copy_tree(name: str, dest: Path) -> Path:
    """A writable copy of one conformance tree; returns its folder."""
    shutil.copytree(HERE / name, dest / name, ignore=shutil.ignore_patterns("__pycache__", ".healthguide-cache"))
    return dest / name


def with_plugin(tree: Path, options: str = "profile: generic") -> Path:
    """A config that adds the healthguide plugin to the tree's own (through INHERIT, as a user could)."""
    import yaml

    raw = yaml.load((tree / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)  # noqa: S506
    plugins = list(raw.get("plugins") or ["search"])
    text = "INHERIT: mkdocs.yml\nplugins:\n" + "".join(f"  - {json.dumps(p)}\n" for p in plugins) + "  - healthguide:\n" + "".join(f"      {line}\n" for line in options.splitlines())
    path = tree / "healthguide.yml"
    path.write_text(text, encoding="utf-8")
    return path


class _IgnoreTags:  # a SafeLoader that reads MkDocs' tags as plain values (only the plugin names are needed)
    def __new__(cls, stream: str) -> Any:
        import yaml

        class Loader(yaml.SafeLoader):
            pass

        Loader.add_multi_constructor("", lambda loader, suffix, node: None)
        Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
        return Loader(stream)
