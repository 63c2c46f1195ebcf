"""Same sources, same bytes: fixes for the few build outputs that would otherwise carry the build clock."""

from __future__ import annotations

import gzip
from pathlib import Path


def reproducible_sitemap_gz(site_dir: Path) -> None:
    """MkDocs stamps sitemap.xml.gz's gzip header with the build day; rewrite it with no timestamp (mtime 0)."""
    xml, gz = site_dir / "sitemap.xml", site_dir / "sitemap.xml.gz"
    if xml.is_file() and gz.is_file():
        gz.write_bytes(gzip.compress(xml.read_bytes(), compresslevel=9, mtime=0))
