"""Evidence labels: the words readers see, and where a real build puts them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from healthguide.analysis.evidence import Evidence, EvidenceKind, jsonld_properties, read_evidence, summary
from healthguide.core import check_site
from healthguide.model import Position, Reference
from healthguide.theme.render import page_url
from support import ROOT, TODAY, build_fixture

EXPLAINER = """---
title: What our evidence labels mean
description: A plain page for the fixture guide that explains what each evidence label means.
type: page
---
Each reference says what kind of source it is.
"""


def build(project: Path, site_dir: Path) -> None:
    env = {**os.environ, "HEALTHGUIDE_TODAY": TODAY.isoformat()}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                             "-d", str(site_dir)], cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("evidence", "label"), [
    (Evidence(EvidenceKind.GUIDELINE), "Guideline"),
    (Evidence(EvidenceKind.SYSTEMATIC_REVIEW, 1660, trials=19), "Review of 19 trials, 1,660 people"),
    (Evidence(EvidenceKind.SYSTEMATIC_REVIEW, studies=33), "Review of 33 studies"),
    (Evidence(EvidenceKind.SYSTEMATIC_REVIEW), "Systematic review"),
    (Evidence(EvidenceKind.RANDOMISED_TRIAL, 48), "Small trial, 48 people"),
    (Evidence(EvidenceKind.RANDOMISED_TRIAL, 225), "Randomised trial, 225 people"),
    (Evidence(EvidenceKind.CROSS_SECTIONAL, 54), "Small study, 54 people"),
    (Evidence(EvidenceKind.CROSS_SECTIONAL, 1930), "Snapshot study, 1,930 people"),
    (Evidence(EvidenceKind.CROSS_SECTIONAL), "Snapshot study"),
    (Evidence(EvidenceKind.CASE_REPORT, 1), "Case report, 1 person"),
    (Evidence(EvidenceKind.NARRATIVE_REVIEW), "Overview article"),
])
def test_labels_say_what_the_note_says_and_no_more(evidence: Evidence, label: str) -> None:
    assert evidence.label() == label


def test_weak_means_one_case_an_opinion_or_too_few_people() -> None:
    assert Evidence(EvidenceKind.CASE_REPORT).is_weak(50)
    assert Evidence(EvidenceKind.EXPERT_OPINION).is_weak(50)
    assert Evidence(EvidenceKind.RANDOMISED_TRIAL, 48).is_weak(50)
    assert not Evidence(EvidenceKind.RANDOMISED_TRIAL, 50).is_weak(50)
    assert not Evidence(EvidenceKind.CROSS_SECTIONAL).is_weak(50)   # unknown size is not called small


def test_every_docs_reference_is_labelled_and_typed_in_jsonld() -> None:
    site = check_site(ROOT / "mkdocs.yml", TODAY).site
    for ref in site.references.values():
        assert isinstance(read_evidence(ref), Evidence), ref.id
        assert jsonld_properties(ref)["additionalType"] in {k.label for k in EvidenceKind}
    assert jsonld_properties(Reference("x", {"title": "no evidence"}, Position(1))) == {}


def test_summary_counts_each_kind_once_and_links_every_use(tmp_path: Path) -> None:
    site = check_site(build_fixture(tmp_path) / "mkdocs.yml", TODAY).site
    found = summary(site, "topic/index.md", page_url)
    assert [(g.kind, g.count) for g in found.groups] == [(EvidenceKind.GUIDELINE, 1), (EvidenceKind.CROSS_SECTIONAL, 1)]
    menz = found.groups[1].sources[0]
    assert (menz.key, menz.label, menz.anchor) == ("menz2013foot", "Snapshot study, 1,930 people", "ref-menz2013foot")
    assert menz.pages == (("The topic overview", "topic/"), ("Flat feet and back pain", "topic/flat-feet/"))
    assert found.total == 2 and found.explainer_url is None


def test_build_shows_labels_in_references_list_preview_and_pillar_summary(tmp_path: Path) -> None:
    project = build_fixture(tmp_path)
    (project / "docs" / "about").mkdir()
    (project / "docs" / "about" / "evidence-labels.md").write_text(EXPLAINER, encoding="utf-8")
    build(project, tmp_path / "site")
    spoke = (tmp_path / "site" / "topic" / "flat-feet" / "index.html").read_text(encoding="utf-8")
    # References list: the label links to the explainer page, relative to this page.
    assert ('<span class="hg-ref__evidence">Type of evidence: <a class="hg-ref__evidence-link" '
            'href="../../about/evidence-labels/">Snapshot study, 1,930 people</a>.</span><a class="hg-ref__back"') in spoke
    assert 'href="../../about/evidence-labels/">Guideline</a>.</span><a class="hg-ref__back"' in spoke
    # Preview: the same label leads the hover/focus text of each marker.
    assert ('role="tooltip"><strong class="hg-cite__evidence">Snapshot study, 1,930 people.</strong> Menz, 2013.'
            in spoke)
    assert '<strong class="hg-cite__evidence">Guideline.</strong> National Institute' in spoke
    # The pillar counts its guide's sources by kind and links each use to that page's reference.
    pillar = (tmp_path / "site" / "topic" / "index.html").read_text(encoding="utf-8")
    assert "What the evidence is" in pillar and "This guide cites 2 sources:" in pillar
    assert re.search(r"1 snapshot study,\s+1 guideline\.", pillar) or re.search(r"1 guideline,\s+1 snapshot study\.", pillar)
    assert '<a href="flat-feet/#ref-menz2013foot">Flat feet and back pain</a>' in pillar
    assert '<a href="../about/evidence-labels/">What these labels mean</a>' in pillar
    assert "What the evidence is" not in spoke
    assert '"additionalType":"Snapshot study"' in spoke


def test_without_the_explainer_page_the_label_is_plain_text(tmp_path: Path) -> None:
    project = build_fixture(tmp_path)
    build(project, tmp_path / "site")
    spoke = (tmp_path / "site" / "topic" / "flat-feet" / "index.html").read_text(encoding="utf-8")
    assert '<span class="hg-ref__evidence">Type of evidence: Snapshot study, 1,930 people.</span>' in spoke
    assert "hg-ref__evidence-link" not in spoke
