"""Each defect class, introduced into a copy of the real docs/, is caught with its file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from healthguide.core import check_site
from support import ROOT, TODAY

SPOKE = "foot-back-connection/stretches.md"


def copy_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    return project


def append_paragraph(text: str, paragraph: str) -> tuple[str, int]:
    """Add a paragraph at the end of the body; returns new text and the paragraph's 1-based line."""
    text = text.rstrip("\n") + "\n\n"
    return text + paragraph + "\n", text.count("\n") + 1


def set_front_matter(text: str, key: str, value: str) -> tuple[str, int]:
    lines = text.split("\n")
    for i, line in enumerate(lines[1:], start=1):
        if line.startswith(f"{key}:") or line == "---":
            lines[i:i + (line != "---")] = [f"{key}: {value}"]
            return "\n".join(lines), i + 1
    raise AssertionError(key)


DEFECTS = {
    "broken link": (lambda t: append_paragraph(t, "See [the heel page](no-such-page.md)."), "HG301"),
    "broken anchor on another page": (lambda t: append_paragraph(t, "See [calf work](strengthening.md#no-such-heading)."), "HG302"),
    "missing image": (lambda t: append_paragraph(t, "![A diagram of the foot](../assets/missing.png)"), "HG303"),
    "unknown citation": (lambda t: append_paragraph(t, "Walking helps [@menz2031foot]."), "HG401"),
    "uncited statistic": (lambda t: append_paragraph(t, "About 40% of walkers say their heels ache."), "HG501"),
    "uncited research claim": (lambda t: append_paragraph(t, "Research shows that stretching always works."), "HG501"),
    "unsafe script": (lambda t: append_paragraph(t, "<script>alert(1)</script>"), "HG901"),
    "inline event handler": (lambda t: append_paragraph(t, '<img src="x.png" onerror="alert(1)">'), "HG903"),
    "javascript link": (lambda t: append_paragraph(t, "[Click](javascript:alert(1))"), "HG904"),
    "unknown front-matter key": (lambda t: set_front_matter(t, "reviewd_by", "someone"), "HG102"),
    "future review date": (lambda t: set_front_matter(t, "last_reviewed", "2027-05-01"), "HG702"),
    "overdue review": (lambda t: set_front_matter(t, "last_reviewed", "2024-01-01"), "HG703"),
    "unknown author": (lambda t: set_front_matter(t, "authors", "[ghost-writer]"), "HG801"),
    "missing pillar": (lambda t: set_front_matter(t, "pillar", "foot-back-connection/overview.md"), "HG201"),
}


@pytest.mark.parametrize("name", sorted(DEFECTS))
def test_defect_in_real_docs_is_located(tmp_path: Path, name: str) -> None:
    project = copy_project(tmp_path)
    page = project / "docs" / SPOKE
    inject, code = DEFECTS[name]
    text, line = inject(page.read_text(encoding="utf-8"))
    page.write_text(text, encoding="utf-8")
    result = check_site(project / "mkdocs.yml", TODAY)
    located = {(f.path, f.line, f.code) for f in result.findings}
    assert (SPOKE, line, code) in located, [f"{f.path}:{f.line} {f.code} {f.message}" for f in result.findings]
    assert result.errors >= 1


def test_no_markdown_placeholder_reaches_sentence_text(tmp_path: Path) -> None:
    """Python-Markdown stashes raw HTML (a comment, say) as "\\x02wzxhzdk:N\\x03": none of it is page text."""
    project = copy_project(tmp_path)
    page = project / "docs" / SPOKE
    text, line = append_paragraph(page.read_text(encoding="utf-8"),
                                  "Studies show that insoles help. <!-- an editor's note --> Rest helps them.")
    page.write_text(text, encoding="utf-8")
    found = [f for f in check_site(project / "mkdocs.yml", today=TODAY, use_cache=False).findings if f.code == "HG501"]
    assert [(f.path, f.line) for f in found] == [(SPOKE, line)]
    assert '"Studies show that insoles help."' in found[0].message
    assert not [f for f in found if "wzxhzdk" in f.message or "klzzwxh" in f.message or "\x02" in f.message]
