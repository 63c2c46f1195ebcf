"""Per-article numbers for editors: words, citations, distinct sources, reading grade, last review."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Site


@dataclass(frozen=True)
class ArticleStats:
    path: str
    type: str
    words: int
    citations: int
    sources: int
    grade: float | None
    last_reviewed: str


def article_stats(site: Site) -> list[ArticleStats]:
    rows = []
    for page in sorted(site.pages.values(), key=lambda p: (p.type.value if p.type else "~", p.path)):
        rows.append(ArticleStats(
            path=page.path,
            type=page.type.value if page.type else "?",
            words=len(page.text.split()),
            citations=len(page.citations),
            sources=len({c.key for c in page.citations}),
            grade=page.grade,
            last_reviewed=page.front.last_reviewed.isoformat() if page.front.last_reviewed else "–",
        ))
    return rows


def stats_table(rows: list[ArticleStats]) -> str:
    header = ("article", "type", "words", "citations", "sources", "grade", "last reviewed")
    body = [(r.path, r.type, str(r.words), str(r.citations), str(r.sources),
             f"{r.grade:.1f}" if r.grade is not None else "–", r.last_reviewed) for r in rows]
    widths = [max(len(row[i]) for row in [header, *body]) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) if i == 0 or i == 1 or i == 6 else cell.rjust(w)
                       for i, (cell, w) in enumerate(zip(row, widths, strict=False))) for row in [header, *body]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    medical = [r for r in rows if r.type in ("pillar", "spoke")]
    lines.append("")
    lines.append(f"{len([r for r in rows if r.type == 'pillar'])} pillar(s), {len([r for r in rows if r.type == 'spoke'])} spoke(s), "
                 f"{sum(r.words for r in medical):,} words in medical articles")
    return "\n".join(lines)
