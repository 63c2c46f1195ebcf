"""The build step after any engine: what needs the finished HTML, done to the output folder.

The plugin does the same per page as MkDocs writes it (``csp.fill`` in on_post_page, the sitemap in
on_post_build); an engine without plugins leaves both to ``healthguide finish SITE_DIR``, which
``make site`` runs after every engine (a no-op after MkDocs). It only rewrites the build's output.
"""

from __future__ import annotations

from pathlib import Path

from . import csp, reproducible


def finish_site(site_dir: Path) -> list[str]:
    """Fill each built page's CSP placeholder with its inline scripts' hashes; make sitemap.xml.gz reproducible.

    Returns the site-relative paths of the pages it changed.
    """
    changed = []
    styles = _bundle_styles(site_dir)
    for path in sorted(site_dir.rglob("*.html")):
        try:
            text = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            continue   # check --built names an unreadable page; nothing to fill here
        done = csp.fill(text, style_hashes=styles)
        if done != text:
            path.write_bytes(done.encode("utf-8"))
            changed.append(path.relative_to(site_dir).as_posix())
    reproducible.reproducible_sitemap_gz(site_dir)
    return changed


def _bundle_styles(site_dir: Path) -> list[str]:
    """Hashes of the styles the engine's script bundles add to shadow roots (Zensical's search box)."""
    out: list[str] = []
    for path in sorted(site_dir.glob("assets/javascripts/*.js")):
        try:
            script = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        out.extend(h for h in csp.bundle_style_hashes(script) if h not in out)
    return out
