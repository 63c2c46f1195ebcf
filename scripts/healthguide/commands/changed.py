"""``check --changed BASE``: report only what a change touched, judged against the whole site.

The site is still loaded whole, so a link into an unchanged page is judged against that page's
real anchors. Only the *reporting* narrows: findings in files the change touched, and in pages
whose links, ``pillar`` or ``related`` entries point into a touched page (a rename or a removed
heading breaks them), or whose citations or author ids point into a touched references.yaml or authors.yml.
A change to mkdocs.yml or to the warning-signs data (every page's care section and every mention of a
sign is judged against it) can affect every page, so it reports everything.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable
from pathlib import Path

from ..findings import Finding
from ..model import LinkKind, Site


class GitError(Exception):
    """git could not tell what changed; the message says why."""


def _git(args: list[str], cwd: Path) -> list[str]:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as err:
        raise GitError(f"cannot run git: {err}") from None
    if done.returncode != 0:
        raise GitError(f"git {' '.join(args)} failed: {done.stderr.strip() or done.stdout.strip()}")
    return [line for line in done.stdout.splitlines() if line.strip()]


def changed_files(base: str, cwd: Path) -> tuple[Path, set[str]]:
    """(repository root, repo-relative paths) changed since ``base``: commits ``base...HEAD``,
    plus staged, unstaged and untracked files."""
    root = Path(_git(["rev-parse", "--show-toplevel"], cwd)[0])
    names = set(_git(["diff", "--name-only", "--no-renames", f"{base}...HEAD", "--"], root))
    names |= set(_git(["diff", "--name-only", "--no-renames", "HEAD", "--"], root))
    names |= set(_git(["ls-files", "--others", "--exclude-standard"], root))
    return root, names


def docs_relative(root: Path, names: Iterable[str], docs_dir: Path) -> set[str]:
    """Repo-relative names -> docs-relative POSIX paths, for files under docs/."""
    docs = Path(os.path.realpath(docs_dir))
    out = set()
    for name in names:
        path = Path(os.path.realpath(root / name))
        try:
            out.add(path.relative_to(docs).as_posix())
        except ValueError:
            continue
    return out


def affected(site: Site, changed: set[str]) -> set[str]:
    """Docs-relative files whose findings a change may have caused."""
    out = set(changed)
    for page in site.pages.values():
        targets = {link.target for link in page.links if link.kind in (LinkKind.PAGE, LinkKind.ASSET) and link.target}
        if page.front.pillar:
            targets.add(page.front.pillar)
        targets.update(page.front.related)
        if page.citations:
            targets.add(site.references_path)   # a renamed or removed reference breaks its citations
        if page.front.authors or page.front.reviewed_by:
            targets.add(site.authors_path)
        if targets & changed:
            out.add(page.path)
    return out


def select(found: Iterable[Finding], site: Site, config_path: Path, root: Path, names: set[str],
           docs_dir: Path) -> list[Finding]:
    """Keep the findings a change is responsible for (docs-relative finding paths)."""
    everything = {Path(os.path.realpath(config_path))}
    if site.care is not None:
        everything.add(Path(os.path.realpath(docs_dir / site.care.path)))   # docs-relative, or already absolute
    if any(Path(os.path.realpath(root / n)) in everything for n in names):
        return list(found)
    keep = affected(site, docs_relative(root, names, docs_dir))
    return [f for f in found if f.path in keep]
