"""``healthguide new``: scaffold a pillar, spoke or plain page that already satisfies the contract.

The file gets front matter with today's date, the pillar's path, an author id from authors.yml,
a key-points box, a when-to-get-help callout and a comment where the references list will appear
(it is generated from ``[@id]`` citations, so nothing is written by hand). It is written atomically
(temporary file in the same folder, then ``os.replace``) and never over an existing file.
Navigation is not touched: MkDocs builds it from the files.

An empty article cannot pass the content checks it is meant to prompt: HG407 (too-few-sources)
until it cites ``min_sources`` references. Everything else passes as scaffolded.
"""

from __future__ import annotations

import datetime as dt
import difflib
import errno
import os
import posixpath
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..load import frontmatter
from ..load.care import EXTENSION
from ..load.references import load_authors
from ..load.schema import parse_meta, scaffold_lines
from ..load.siteconfig import SiteConfig
from ..model import PageType

# Checks a freshly scaffolded article is expected to fail until the editor writes it: its placeholders
# (every kind), and too few sources (pillars and spokes).
PLACEHOLDERS = ("HG107", "HG503", "HG504")
EXPECTED_ON_EMPTY = ("HG407", *PLACEHOLDERS)


class ScaffoldError(Exception):
    """The article cannot be created; the message says why and what to do."""


@dataclass(frozen=True)
class Scaffold:
    path: Path          # absolute path of the new file
    rel: str            # docs-relative POSIX path
    text: str


def slugify(title: str) -> str:
    """'Heel cups & insoles: what helps?' -> 'heel-cups-insoles-what-helps'."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def plan(config: SiteConfig, kind: PageType, title: str, *, pillar: str | None = None,
         author: str | None = None, slug: str | None = None, today: dt.date | None = None) -> Scaffold:
    """Decide where the new file goes and what it says. Raises ScaffoldError on bad input."""
    title = " ".join(title.split())
    if not title:
        raise ScaffoldError("--title is empty: give the article's title, e.g. --title \"Heel cups\"")
    slug = slugify(slug or title)
    if not slug:
        raise ScaffoldError(f"cannot make a file name from the title {title!r}: add --slug with letters or digits")
    docs = config.docs_dir
    if kind is PageType.SPOKE:
        if not pillar:
            raise ScaffoldError("a spoke needs its pillar: add --pillar, e.g. --pillar foot-back-connection/index.md")
        pillar = _check_pillar(docs, pillar)
        rel = posixpath.join(posixpath.dirname(pillar), slug + ".md")
    elif kind is PageType.PILLAR:
        rel = f"{slug}/index.md"
    else:
        rel = f"{slug}.md"
    author_id = _author(config, author)
    cared = EXTENSION in config.extension_configs   # warning signs come from the data file, not by hand
    text = render(kind, title, author_id, today or dt.date.today(), pillar, care_page=rel if cared else None)
    return Scaffold(docs / rel, rel, text)


_NO_HARD_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS}


def write(scaffold: Scaffold) -> None:
    """Write atomically; refuse to replace an existing file."""
    target = scaffold.path
    if target.exists():
        raise ScaffoldError(f"{scaffold.rel} already exists; nothing was written. "
                            "Pick another title, or pass --slug to choose a different file name.")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".new-", suffix=".md.tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(scaffold.text)
        # A hard link fails if the name exists, so a file saved meanwhile is never replaced.
        try:
            os.link(tmp, target)
        except FileExistsError:
            raise
        except OSError as err:
            if err.errno not in _NO_HARD_LINKS:
                raise
            # A file system without hard links: exclusive create still never overwrites.
            with open(target, "x", encoding="utf-8", newline="\n") as out:
                out.write(scaffold.text)
    except FileExistsError:
        raise ScaffoldError(f"{scaffold.rel} appeared while writing; nothing was changed.") from None
    finally:
        Path(tmp).unlink(missing_ok=True)


def _check_pillar(docs: Path, pillar: str) -> str:
    rel = posixpath.normpath(pillar.strip().removeprefix("docs/").lstrip("./"))
    path = docs / rel
    if not path.is_file():
        known = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
        guess = difflib.get_close_matches(rel, known, n=1, cutoff=0.5)
        hint = f" Did you mean '{guess[0]}'?" if guess else " Give the pillar's path inside docs/, e.g. foot-back-connection/index.md."
        raise ScaffoldError(f"pillar '{pillar}' does not exist (looked for docs/{rel}).{hint}")
    text, _ = frontmatter.decode(rel, path.read_bytes(), 10_000_000)
    meta = frontmatter.split(rel, text).meta if text is not None else {}
    if parse_meta(meta).type is not PageType.PILLAR:
        raise ScaffoldError(f"'{rel}' is not a pillar (its front matter says type: {meta.get('type')!r}); "
                            "point --pillar at an overview page with `type: pillar`.")
    return rel


def _author(config: SiteConfig, wanted: str | None) -> str:
    authors, _ = load_authors(config.docs_dir / config.settings.authors, config.settings.authors)
    if wanted:
        if wanted in authors:
            return wanted
        guess = difflib.get_close_matches(wanted, list(authors), n=1, cutoff=0.5)
        hint = f"Did you mean '{guess[0]}'?" if guess else f"Known ids: {', '.join(sorted(authors)) or 'none'}."
        raise ScaffoldError(f"author '{wanted}' is not in {config.settings.authors}. {hint}")
    writers = [a.id for a in authors.values() if a.role != "medical reviewer"]
    if not writers:
        raise ScaffoldError(f"{config.settings.authors} lists no authors: add one (see CONTRIBUTING.md), or pass --author")
    return writers[0]


def render(kind: PageType, title: str, author: str, today: dt.date, pillar: str | None = None,
           care_page: str | None = None) -> str:
    """The new file: front matter from the schema (healthguide.load.schema.FIELDS), then a body to fill in.

    ``care_page``: the page's path when `healthguide.theme.care` generates its "When to get help" section.
    """
    lines = ["---", *scaffold_lines(kind, title=title, author=author, today=today, pillar=pillar), "---"]
    if not kind.is_medical:
        return "\n".join(lines) + "\n\nTODO: write this page.\n"
    if care_page:
        return "\n".join(lines) + _CARED_BODY.replace("PAGE", care_page)
    return "\n".join(lines) + _MEDICAL_BODY


_REFERENCES_NOTE = """<!--
References: do not write a list here. Cite each source where you use it, inside the
sentence, with its id from docs/references.yaml in square brackets, at sign first.
The numbered list is built from those citations when the site is built.
See CONTRIBUTING.md, "Citing a source".
-->
"""

_CARED_BODY = """

!!! key-points "Key points"

    - TODO: three to five short points a reader should take away.
    - TODO: put a source after each point that needs one.
    - Some signs need help today, or at once: see [when to get help](#when-to-get-help).

<!-- healthguide:care PAGE -->

## TODO: first section

TODO: write the article in short, plain sentences. The "When to get help" section above is generated
from docs/care/warning-signs.yaml: to change a warning sign, change it there.

""" + _REFERENCES_NOTE

_MEDICAL_BODY = """

!!! key-points "Key points"

    - TODO: three to five short points a reader should take away.
    - TODO: put a source after each point that needs one.
    - TODO: say when to get help.

## TODO: first section

TODO: write the article in short, plain sentences.

!!! care-routine "When to see a GP or physiotherapist"

    TODO: say which signs mean the reader should book an appointment.
    Use care-urgent or care-emergency boxes for signs that need help the same day or at once.

<!--
References: do not write a list here. Cite each source where you use it, inside the
sentence, with its id from docs/references.yaml in square brackets, at sign first.
The numbered list is built from those citations when the site is built.
See CONTRIBUTING.md, "Citing a source".
-->
"""
