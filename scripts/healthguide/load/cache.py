"""A persistent cache of per-page parse results, so an unchanged page is never parsed twice.

What is cached is the :class:`~healthguide.model.Page` a page's *own* bytes produce (front matter,
anchors, links as written, citations, sentences, text, and the facts derived from them: claim kinds
and reading grade), never findings: links are resolved and
every check runs afresh each time, so a cross-page judgement (is ``other.md#part`` still there?)
is re-made whenever the linked page changes.

An entry is keyed by the page's path and a hash of its bytes; the whole file is keyed by everything
else that changes what parsing produces: ``markdown_extensions`` and their configuration, the
contents of snippet files they auto-append, this package's version and the Markdown library's,
and the settings that affect reading (``max_file_bytes``, the references and authors paths).
Pages that pull in other files with a snippet marker (``--8<--``) are never cached: their result
depends on more than their own bytes.

The cache lives in ``.healthguide-cache/`` beside mkdocs.yml (git-ignored), never inside docs/.
The file is SQLite (``pages-index.sqlite`` for the command line's check, whose compact pages carry their
per-page findings (healthguide.stream) and whose key covers every setting, references.yaml and the checks'
code; ``pages-check.sqlite`` for whole pages, e.g. ``healthguide stats``; ``pages-build.sqlite`` for the
plugin), with the links of each compact page as last resolved; writes are transactions, so a crash leaves the old rows or the new ones. A file that cannot
be read (corrupt, truncated, made for another configuration) is ignored and replaced.

Two more tables make a warm check cheap: ``stats`` holds each page's stat signature beside the digest of the
bytes it had (:meth:`PageCache.read`: an unchanged page is not read), and ``files`` holds the last check's
snapshot (``warm-snapshot``: each page's digest, cross-page digest and own findings, and the cross-page findings;
see ``SiteAssembler.warm``).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import marshal
import os
import pickle
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar, cast, overload

from .. import __version__
from ..model import Citation, Link, LinkKind, Page, Position, RawHtml, Sentence
from ..settings import Settings
from .configcache import CACHE_DIR, gitignore, modules_fingerprint
from .siteconfig import SiteConfig

T = TypeVar("T")
FORMAT = 9                      # bump when the layout of a cache file changes
SNIPPET_MARKER = b"--8<--"
RACY_NS = 2_000_000_000         # a stat signature younger than this (before the run began) is not trusted


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _versions() -> dict[str, str]:
    out = {"healthguide": __version__}
    for dist in ("markdown", "pymdown-extensions", "pyphen"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = ""
    return out


def _auto_appended(config: SiteConfig) -> list[str]:
    """Hashes of the files pymdownx.snippets appends to every page (they change every page's parse)."""
    conf = config.extension_configs.get("pymdownx.snippets") or {}
    bases = conf.get("base_path", ["."])
    bases = [bases] if isinstance(bases, (str, os.PathLike)) else list(bases or ["."])
    out = []
    for name in [*(conf.get("auto_append") or []), *(conf.get("auto_prepend") or [])]:
        for base in bases:
            path = Path(str(base)) / str(name)
            if not path.is_absolute():
                path = config.path.parent / path
            try:
                out.append(f"{name}:{content_hash(path.read_bytes())}")
                break
            except OSError:
                continue
        else:
            out.append(f"{name}:missing")
    return out


def _package_digest(*patterns: str) -> str:
    """A hash of the package's files matching ``patterns`` (relative to the package), names and bytes."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted({p for pattern in patterns for p in root.glob(pattern)}):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


# What shapes a parsed page: the loader and our Markdown extensions (load/, the care extension in theme/), and the
# derived values (analysis/, with the claim model's weights, which are data). The version number does not change
# while the code is being worked on, so a cached page is only as good as the code that made it.
_PARSE_CODE = ("load/*.py", "theme/*.py", "analysis/*.py", "analysis/claim_rules/*.py", "analysis/*.json", "extension.py", "model.py", "findings.py")


def _derive_source() -> str:
    """A hash of the code that parses pages and derives their values (reading grade, claim kinds, cited statistics)."""
    return _package_digest(*_PARSE_CODE)


def _data_files(config: SiteConfig) -> list[str]:
    """Hashes of data files extensions expand into pages (healthguide.theme.care's warning signs)."""
    out = []
    for name, conf in sorted(config.extension_configs.items()):
        data = conf.get("data") if isinstance(conf, dict) else None
        if data:
            try:
                out.append(f"{name}:{content_hash(Path(str(data)).read_bytes())}")
            except OSError:
                out.append(f"{name}:missing")
    return out


def config_key(config: SiteConfig) -> str:
    """Everything besides a page's own bytes that changes what parsing it produces."""
    settings = config.settings
    described = {
        "format": FORMAT,
        "versions": _versions(),
        "derived_by": _derive_source(),
        "extensions": [e if isinstance(e, str) else f"{type(e).__module__}.{type(e).__qualname__}:{vars(e)!r}"
                       for e in config.markdown_extensions],
        "extension_configs": config.extension_configs,
        "snippets": _auto_appended(config),
        "data_files": _data_files(config),
        "settings": {"max_file_bytes": settings.max_file_bytes, "references": settings.references,
                     "authors": settings.authors, "profile": settings.profile.value},   # generic: no citation syntax
    }
    text = json.dumps(described, sort_keys=True, default=_stable)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def extensions_fingerprint(config: SiteConfig) -> str:
    """What decides whether the site's ``markdown_extensions`` load, besides the cache file's key (the entries,
    their configuration, the versions of Markdown and pymdown-extensions): the file behind each extension's
    module, by path, size and modification time, found without importing it. See ``SiteAssembler._markdown``."""
    return modules_fingerprint(config.markdown_extensions)


def _stable(value: object) -> str:
    """A run-independent text for config values YAML tags build (paths, functions, placeholders)."""
    if isinstance(value, os.PathLike):
        return str(os.fspath(value))
    if isinstance(value, functools.partial):
        return f"partial({_stable(value.func)}, {[_stable(a) for a in value.args]}, {sorted((k, _stable(v)) for k, v in value.keywords.items())})"
    name = getattr(value, "__qualname__", None)
    if callable(value) and name:
        return f"{getattr(value, '__module__', '')}.{name}"
    return repr(value)


class PageCache:
    """``get(path, digest)`` / ``put(path, digest, page, derived)`` over one SQLite file per variant.

    SQLite, not one pickle: a warm run reads only the rows it needs and writes only the pages that
    changed, and no copy of the whole cache sits in memory (it would be ~20 KB a page).
    """

    def __init__(self, directory: Path, key: str, variant: str = "check") -> None:
        self.directory = directory
        self.variant = variant
        self.file = directory / f"pages-{variant}.sqlite"
        self.key = key
        self.db: sqlite3.Connection | None = None
        self.valid = False                                       # the file exists and is for this key
        self.pending: dict[str, tuple[str, bytes, str]] = {}    # path -> (digest, encoded page, cross digest), to write
        self.pending_files: dict[str, tuple[str, bytes]] = {}   # references, authors -> (digest, pickled)
        self.pending_links: dict[str, tuple[str, bytes]] = {}   # path -> (key, encoded resolved links)
        self.pending_stats: dict[str, tuple[str, str]] = {}    # path -> (stat signature, digest), to write
        self.crosses: dict[str, str] = {}                      # path -> cross_digest of the record read or put
        self._signatures: dict[str, tuple[str, str]] | None = None
        self.started_ns = time.time_ns()                       # before any page is looked at (the racy guard)
        self.keep: set[str] | None = None
        self.dirty = False
        self.hits = 0
        self.misses = 0
        self._open()

    @classmethod
    def for_config(cls, config: SiteConfig, variant: str = "check", extra: str = "",
                   base: str | None = None) -> PageCache | None:
        """The cache beside mkdocs.yml, or None where it would land inside docs/ or is switched off.

        ``variant``: "check" (the command line) or "build" (the plugin, whose pages are rendered with
        references lists); ``extra``: anything else the variant's parse depends on; ``base``: :func:`config_key`
        of ``config``, when the caller has it.
        """
        if os.environ.get("HEALTHGUIDE_NO_CACHE"):
            return None
        directory = (config.path.parent / CACHE_DIR).resolve()
        docs = config.docs_dir.resolve()
        if directory == docs or docs in directory.parents:
            return None
        key = base or config_key(config)
        if extra:
            key = hashlib.blake2b(f"{key}:{extra}".encode(), digest_size=16).hexdigest()
        return cls(directory, key, variant)

    def _open(self) -> None:
        """Use the file only if it is readable and made for this very configuration."""
        if not self.file.is_file():
            return
        db = None
        try:
            db = sqlite3.connect(self.file, timeout=2)
            row = db.execute("SELECT value FROM meta WHERE name = 'key'").fetchone()
            if row and row[0] == self.key:
                self.db, db, self.valid = db, None, True
        except sqlite3.Error:   # corrupt, truncated, not a database: ignored, replaced on save
            pass
        finally:
            if db is not None:
                db.close()

    def _row(self, table: str, name: str, columns: str = "digest, blob") -> tuple[Any, ...] | None:
        if self.db is None:
            return None
        try:
            row = self.db.execute(f"SELECT {columns} FROM {table} WHERE name = ?", (name,)).fetchone()
        except sqlite3.Error:
            return None
        return tuple(row) if row else None

    def remember(self, name: str, path: Path, compute: Callable[[], T]) -> T:
        """``compute()`` (which reads ``path``), reused while the file's bytes are unchanged."""
        try:
            digest = content_hash(path.read_bytes())
        except OSError:
            return compute()
        row = self._row("files", name)
        if row is not None and row[0] == digest:
            try:
                return pickle.loads(row[1])  # type: ignore[no-any-return]
            except Exception:  # noqa: BLE001 - a damaged entry is recomputed
                pass
        value = compute()
        self.pending_files[name] = (digest, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        self.dirty = True
        return value

    def noted(self, name: str) -> str | None:
        """The digest last noted under ``name`` (:meth:`note`), if this file holds one."""
        row = self._row("files", name)
        return row[0] if row is not None else None

    def note(self, name: str, digest: str) -> None:
        """Remember a fact about this configuration by its digest alone (saved with the cache)."""
        self.pending_files[name] = (digest, b"")
        self.dirty = True

    @staticmethod
    def cacheable(data: bytes | OSError) -> bool:
        return isinstance(data, bytes) and SNIPPET_MARKER not in data

    @staticmethod
    def key_for(data: bytes | OSError) -> str | None:
        """The cache key of a page's bytes, or None when the page must never be cached."""
        return content_hash(data) if isinstance(data, bytes) and PageCache.cacheable(data) else None

    def get(self, path: str, digest: str, links: tuple[Link, ...] | None = None) -> Page | None:
        """The page stored for these bytes; ``links``: its links already resolved (its stored ones are not decoded)."""
        row = self._row("pages", path, "digest, blob, cross")
        if row is not None and row[0] == digest:
            try:
                found = decode(row[1], links)
            except Exception:  # noqa: BLE001 - a damaged entry is a miss
                found = None
            if found is not None and found.path == path:
                self.hits += 1
                self.crosses[path] = row[2]
                return found
        self.misses += 1
        return None

    def read(self, path: str, file: Path) -> tuple[str | None, bytes | OSError | None]:
        """A page's digest (:meth:`key_for`) and bytes; the bytes are None where its stat vouches for the digest.

        Like git's index: a file whose size, mtime, ctime, inode and device are those seen when its bytes were last
        hashed is taken to hold the same bytes, and is not read. Any write sets ctime to the clock (no program can set
        it back), so an edit, even of the same size within the same second with mtime restored, changes the
        signature. The one blind spot is an edit within the clock tick of the signature itself, so git's "racily
        clean" rule applies: a signature is stored only when the file's mtime and ctime are older than this run's
        start by more than :data:`RACY_NS` (coarse file-system clocks, FAT's 2 s), and such a file is read and hashed
        on every run until it is.
        """
        try:
            info = os.stat(file)          # before reading: a write after it changes what the next run sees
        except OSError:
            info = None
        if info is not None:
            signature = f"{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}:{info.st_ino}:{info.st_dev}"
            known = self._stat_rows().get(path)
            if known is not None and known[0] == signature:
                return known[1], None
        try:
            data: bytes | OSError = file.read_bytes()
        except OSError as err:
            data = err
        digest = self.key_for(data)
        if digest and info is not None and max(info.st_mtime_ns, info.st_ctime_ns) < self.started_ns - RACY_NS:
            self.pending_stats[path] = (signature, digest)
            self.dirty = True
        return digest, data

    def _stat_rows(self) -> dict[str, tuple[str, str]]:
        if self._signatures is None:
            self._signatures = {}
            if self.db is not None:
                try:
                    self._signatures = {n: (s, d) for n, s, d in self.db.execute("SELECT name, signature, digest FROM stats")}
                except sqlite3.Error:
                    pass
        return self._signatures

    def snapshot(self) -> tuple[str, Any] | None:
        """The last check's findings as :meth:`put_snapshot` stored them: (key, value), or None."""
        row = self._row("files", "warm-snapshot")
        if row is None:
            return None
        try:
            return row[0], pickle.loads(row[1])
        except Exception:  # noqa: BLE001 - a damaged entry is a miss
            return None

    def put_snapshot(self, key: str, value: object) -> None:
        self.pending_files["warm-snapshot"] = (key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        self.dirty = True

    def release(self) -> None:
        """Close the file while other work runs (e.g. before worker processes are forked)."""
        if self.db is not None:
            self.db.close()
            self.db = None

    def put(self, path: str, digest: str, page: Page) -> None:
        cross = self.crosses[path] = cross_digest(page)
        self.pending[path] = (digest, encode(page), cross)
        self.dirty = True
        if len(self.pending) >= 256:   # a cold run of a large site: write as we go, hold little
            self._flush()

    def _flush(self) -> None:
        try:
            self._write()
            self.pending, self.pending_links, self.pending_stats = {}, {}, {}
        except (OSError, sqlite3.Error):
            pass

    def resolved_links(self) -> dict[str, tuple[str, bytes]]:
        """Every stored page's links as last resolved: path -> (key, data for :func:`decode_links`), in one read.

        The key is the page's digest and a digest of what resolution reads (the page list, the other files,
        use_directory_urls): while neither changed, a warm run need not resolve the page's links again.
        """
        if self.db is None:
            return {}
        try:
            return {name: (key, blob) for name, key, blob in self.db.execute("SELECT name, digest, blob FROM links")}
        except sqlite3.Error:
            return {}

    def stored_links(self, path: str) -> tuple[str, bytes] | None:
        """One page's links as last resolved (see :meth:`resolved_links`), or None."""
        row = self._row("links", path)
        return (row[0], row[1]) if row is not None else None

    def put_links(self, path: str, key: str, links: Sequence[Link]) -> None:
        self.pending_links[path] = (key, encode_links(links))
        self.dirty = True
        if len(self.pending_links) >= 1024:
            self._flush()

    def keep_only(self, paths: Iterable[str]) -> None:
        """Forget pages that no longer exist (on save), so the file does not grow forever."""
        self.keep = set(paths)

    def save(self) -> None:
        try:
            if self.dirty or self.keep is not None:
                self._write()
        except (OSError, sqlite3.Error):
            pass  # a read-only checkout still checks, just without a cache
        finally:
            self.pending, self.pending_files, self.pending_links, self.pending_stats, self.dirty = {}, {}, {}, {}, False
            self.release()

    def _write(self) -> None:
        if self.db is None and self.valid:
            self.db = sqlite3.connect(self.file, timeout=2)
        if self.db is None:
            if not (self.dirty or self.pending):
                return
            self.directory.mkdir(parents=True, exist_ok=True)
            gitignore(self.directory)
            for old in [self.file, *self.directory.glob(f"pages-{self.variant}-*.pickle")]:
                old.unlink(missing_ok=True)         # stale (another configuration) or damaged: start afresh
            self.db = sqlite3.connect(self.file, timeout=2)
            with self.db:
                self.db.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT)")
                self.db.execute("CREATE TABLE pages (name TEXT PRIMARY KEY, digest TEXT, blob BLOB, cross TEXT)")
                self.db.execute("CREATE TABLE stats (name TEXT PRIMARY KEY, signature TEXT, digest TEXT)")
                self.db.execute("CREATE TABLE files (name TEXT PRIMARY KEY, digest TEXT, blob BLOB)")
                self.db.execute("CREATE TABLE links (name TEXT PRIMARY KEY, digest TEXT, blob BLOB)")
                self.db.execute("INSERT INTO meta VALUES ('key', ?)", (self.key,))
            self.valid = True
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?)",
                                ((path, d, blob, cross) for path, (d, blob, cross) in self.pending.items()))
            self.db.executemany("INSERT OR REPLACE INTO stats VALUES (?, ?, ?)",
                                ((path, sig, d) for path, (sig, d) in self.pending_stats.items()))
            self.db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?)",
                                ((name, d, blob) for name, (d, blob) in self.pending_files.items()))
            self.db.executemany("INSERT OR REPLACE INTO links VALUES (?, ?, ?)",
                                ((name, k, blob) for name, (k, blob) in self.pending_links.items()))
            if self.keep is not None:
                stale = [(name,) for (name,) in self.db.execute("SELECT name FROM pages") if name not in self.keep]
                self.db.executemany("DELETE FROM pages WHERE name = ?", stale)
                self.db.executemany("DELETE FROM links WHERE name = ?", stale)
                self.db.executemany("DELETE FROM stats WHERE name = ?", stale)


# A compact encoding: the bulky, plain parts (sentences, links, text…) as marshal data, which loads
# several times faster than pickled dataclasses; every other field of Page (front matter, findings,
# derived facts, and any field added later) pickled by name, so a new field is cached without a change here.
_MARSHALLED = frozenset({"path", "anchors", "links", "citations", "sentences", "raw_html", "admonitions", "text",
                         "front_matter_pos", "meta_pos", "outline", "markers", "claim_kinds", "grade", "cited_statistics"})


def cross_digest(page: Page) -> str:
    """A digest of what the cross-page families read from a compact page: all of the record but its own findings.

    From ``repr`` (anchors sorted), not from the encoded bytes: marshal and pickle write shared objects as
    references, so equal pages parsed in a worker or in this process may encode differently.
    """
    view = dataclasses.replace(page, local_findings=None, anchors=tuple(sorted(page.anchors)))   # type: ignore[arg-type]
    return content_hash(repr(view).encode("utf-8", "surrogatepass"))


def encode(page: Page) -> bytes:
    rest = {f.name: getattr(page, f.name) for f in dataclasses.fields(Page) if f.name not in _MARSHALLED}
    rest["meta"] = dict(page.meta)
    plain = (
        page.path, tuple(sorted(page.anchors)),
        _link_rows(page.links),
        tuple((c.key, c.pos.line, c.pos.col) for c in page.citations),
        # sentences as their own marshal blob, unpacked only when a check reads them (LazySentences)
        marshal.dumps(tuple((s.text, s.cited_keys, s.pos.line, s.pos.col) for s in page.sentences)), len(page.sentences),
        tuple((r.html, r.pos.line, r.pos.col) for r in page.raw_html),
        tuple((kind, pos.line, pos.col) for kind, pos in page.admonitions),
        page.text, page.front_matter_pos.line, page.front_matter_pos.col,
        tuple((key, p.line, p.col) for key, p in page.meta_pos.items()),
        tuple((tag, id_, classes, words) for tag, id_, classes, words in page.outline),
        tuple((kind, arg, line) for kind, arg, line in page.markers),
        tuple(page.claim_kinds), page.grade, page.cited_statistics,
        pickle.dumps(rest, protocol=pickle.HIGHEST_PROTOCOL),
    )
    return marshal.dumps(plain)


def decode(blob: bytes, resolved: tuple[Link, ...] | None = None) -> Page:
    (path, anchors, links, citations, sentences, count, raw, admonitions, text, fm_line, fm_col, meta_pos, outline, markers,
     claim_kinds, grade, cited_statistics, pickled) = marshal.loads(blob)
    pos = Position
    return Page(
        path=path, front_matter_pos=pos(fm_line, fm_col), anchors=frozenset(anchors),
        links=resolved if resolved is not None else _links(links),
        citations=tuple(Citation(k, pos(a, b)) for k, a, b in citations),
        sentences=cast("tuple[Sentence, ...]", LazySentences(sentences, count)),
        raw_html=tuple(RawHtml(h, pos(a, b)) for h, a, b in raw),
        admonitions=tuple((k, pos(a, b)) for k, a, b in admonitions),
        text=text, meta_pos={k: pos(a, b) for k, a, b in meta_pos}, outline=outline, markers=markers,
        claim_kinds=claim_kinds, grade=grade, cited_statistics=cited_statistics, **pickle.loads(pickled),
    )


_LINK_KINDS = {kind.value: kind for kind in LinkKind}


def _link_rows(links: Sequence[Link]) -> tuple[tuple[Any, ...], ...]:
    return tuple((k.href, k.kind.value, k.pos.line, k.pos.col, k.target, k.fragment, k.is_image, k.as_written) for k in links)


def _links(rows: Iterable[tuple[Any, ...]]) -> tuple[Link, ...]:
    pos, kind_of = Position, _LINK_KINDS.__getitem__
    return tuple(Link(h, kind_of(k), pos(a, b), t, f, i, r) for h, k, a, b, t, f, i, r in rows)


def encode_links(links: Sequence[Link]) -> bytes:
    return marshal.dumps(_link_rows(links))


def decode_links(blob: bytes) -> tuple[Link, ...]:
    return _links(marshal.loads(blob))


class LazySentences(Sequence[Sentence]):
    """A cached page's sentences, made into objects only when something reads them.

    Sentences are the bulk of a page (~120 objects); on a warm check only the page-local families read
    them, and for pages that did not change their findings come with the cached compact page.
    """

    __slots__ = ("_raw", "_count", "_items")

    def __init__(self, raw: bytes, count: int) -> None:
        self._raw = raw            # marshal data of (text, cited keys, line, col) tuples
        self._count = count
        self._items: tuple[Sentence, ...] | None = None

    def _all(self) -> tuple[Sentence, ...]:
        if self._items is None:
            self._items = tuple(Sentence(t, tuple(k), Position(a, b)) for t, k, a, b in marshal.loads(self._raw))
            self._raw = b""
        return self._items

    @overload
    def __getitem__(self, index: int) -> Sentence: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Sentence, ...]: ...
    def __getitem__(self, index: int | slice) -> Sentence | tuple[Sentence, ...]:
        return self._all()[index]

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Sentence]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        return self._all() == (other._all() if isinstance(other, LazySentences) else other)

    def __hash__(self) -> int:
        return hash(self._all())

    def __repr__(self) -> str:
        return repr(self._all())


def _code_source() -> str:
    """A hash of this package's checks and everything that makes the pages they judge: cached findings are only as
    good as the code that made them."""
    return _package_digest("*.py", "checks/*.py", *_PARSE_CODE)


def findings_key(config: SiteConfig, settings: Settings, references_digest: str, base: str | None = None) -> str:
    """What page-local findings depend on besides the page: what its parse depends on (:func:`config_key`),
    every setting, references.yaml (HG502 names keys it holds) and the code of the checks. ``base``: see
    :meth:`PageCache.for_config`."""
    text = json.dumps({"pages": base or config_key(config), "settings": repr(settings), "references": references_digest,
                       "code": _code_source()}, sort_keys=True)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def stats(cache: PageCache | None) -> Mapping[str, Any]:
    if cache is None:
        return {"enabled": False}
    return {"enabled": True, "hits": cache.hits, "misses": cache.misses, "file": str(cache.file)}
