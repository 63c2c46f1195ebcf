"""What kind of study each reference is, in words a reader can use.

Every entry in references.yaml carries ``evidence:`` (one of :class:`EvidenceKind`), and
may carry ``participants:`` (people studied) and, for a systematic review, ``trials:`` or
``studies:`` (how many it pooled). Counts are copied from the entry's ``note``, never guessed.

This module is the one place that knows the vocabulary: the checks read it
(:mod:`healthguide.checks.evidence`), the references list and citation previews show its labels
(:class:`EvidenceLabeller`), the pillar shows a summary (:func:`summary`), and the JSON-LD gets
a type (:func:`jsonld_properties`).
"""

from __future__ import annotations

import enum
import posixpath
import xml.etree.ElementTree as etree
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..load.mdext import ref_anchor
from ..load.references import short_label
from ..model import Page, PageType, Reference, Site

EXPLAINER = "about/evidence-labels.md"   # the page that says what each label means
SMALL_BELOW = 100                        # readers see "Small study" below this many people


class EvidenceKind(enum.Enum):
    """The closed list of study designs, roughly strongest first."""

    GUIDELINE = "guideline"
    SYSTEMATIC_REVIEW = "systematic-review"
    RANDOMISED_TRIAL = "randomised-trial"
    COHORT = "cohort"
    CASE_CONTROL = "case-control"
    CROSS_SECTIONAL = "cross-sectional"
    LABORATORY = "laboratory"
    CASE_REPORT = "case-report"
    NARRATIVE_REVIEW = "narrative-review"
    EXPERT_OPINION = "expert-opinion"
    REFERENCE_WORK = "reference-work"

    @property
    def label(self) -> str:
        """Plain English, singular: "Randomised trial"."""
        return _WORDS[self][0]

    @property
    def plural(self) -> str:
        return _WORDS[self][1]

    @property
    def small(self) -> str:
        """How a small study of this kind is called: "Small trial"."""
        return _WORDS[self][2]

    @property
    def is_opinion(self) -> bool:
        """Sources that summarise or judge rather than report a study of people."""
        return self in (EvidenceKind.NARRATIVE_REVIEW, EvidenceKind.EXPERT_OPINION)


# kind -> (label, plural, name when small)
_WORDS: dict[EvidenceKind, tuple[str, str, str]] = {
    EvidenceKind.GUIDELINE: ("Guideline", "Guidelines", "Guideline"),
    EvidenceKind.SYSTEMATIC_REVIEW: ("Systematic review", "Systematic reviews", "Small review"),
    EvidenceKind.RANDOMISED_TRIAL: ("Randomised trial", "Randomised trials", "Small trial"),
    EvidenceKind.COHORT: ("Follow-up study", "Follow-up studies", "Small study"),
    EvidenceKind.CASE_CONTROL: ("Case-control study", "Case-control studies", "Small study"),
    EvidenceKind.CROSS_SECTIONAL: ("Snapshot study", "Snapshot studies", "Small study"),
    EvidenceKind.LABORATORY: ("Lab study", "Lab studies", "Small lab study"),
    EvidenceKind.CASE_REPORT: ("Case report", "Case reports", "Case report"),
    EvidenceKind.NARRATIVE_REVIEW: ("Overview article", "Overview articles", "Overview article"),
    EvidenceKind.EXPERT_OPINION: ("Expert opinion", "Expert opinion", "Expert opinion"),
    EvidenceKind.REFERENCE_WORK: ("Reference work", "Reference works", "Reference work"),
}

COUNT_FIELDS = ("participants", "trials", "studies")


@dataclass(frozen=True)
class Evidence:
    """The evidence fields of one reference, validated."""

    kind: EvidenceKind
    participants: int | None = None
    trials: int | None = None       # a systematic review of randomised trials only
    studies: int | None = None      # a systematic review of studies of mixed design

    def label(self) -> str:
        """"Review of 19 trials, 1,660 people", "Small study, 54 people", "Guideline"."""
        people = f"{self.participants:,} {'person' if self.participants == 1 else 'people'}" if self.participants else ""
        if self.kind is EvidenceKind.SYSTEMATIC_REVIEW and (self.trials or self.studies):
            pooled = f"{self.trials:,} trials" if self.trials else f"{self.studies:,} studies"
            return f"Review of {pooled}" + (f", {people}" if people else "")
        if not people:
            return self.kind.label
        name = self.kind.small if self.participants is not None and self.participants < SMALL_BELOW else self.kind.label
        return f"{name}, {people}"

    def is_weak(self, min_participants: int) -> bool:
        """Too thin to carry a statistic on its own: one case, an opinion, or too few people."""
        if self.kind in (EvidenceKind.CASE_REPORT, EvidenceKind.EXPERT_OPINION):
            return True
        return self.participants is not None and self.participants < min_participants


def read_evidence(ref: Reference) -> Evidence | list[str]:
    """The reference's evidence, or what is wrong with its fields (empty list: no ``evidence`` at all)."""
    data = ref.data
    raw = data.get("evidence")
    if raw is None:
        return []
    problems: list[str] = []
    kind = _kind(raw)
    if kind is None:
        problems.append(f"evidence '{raw}' is not one of: {', '.join(k.value for k in EvidenceKind)}")
    counts: dict[str, int] = {}
    for name in COUNT_FIELDS:
        value = data.get(name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            problems.append(f"`{name}` must be a whole number above 0, not {value!r}")
        else:
            counts[name] = value
    if ("trials" in counts or "studies" in counts) and kind not in (None, EvidenceKind.SYSTEMATIC_REVIEW):
        problems.append("`trials` and `studies` count what a systematic review pooled; this entry is not one")
    if "trials" in counts and "studies" in counts:
        problems.append("give either `trials` (all randomised trials) or `studies` (mixed designs), not both")
    if problems or kind is None:
        return problems
    return Evidence(kind, counts.get("participants"), counts.get("trials"), counts.get("studies"))


def evidence_of(ref: Reference | None) -> Evidence | None:
    """The reference's evidence if its fields are valid; None otherwise (the checks report why)."""
    found = read_evidence(ref) if ref is not None else []
    return found if isinstance(found, Evidence) else None


def _kind(raw: Any) -> EvidenceKind | None:
    try:
        return EvidenceKind(raw.strip()) if isinstance(raw, str) else None
    except ValueError:
        return None


# --- what readers see -------------------------------------------------------------------------

class EvidenceLabeller:
    """Adds the evidence label to each references-list item and each citation preview.

    Pass :meth:`list_item` as a ``reference_hooks`` entry and :meth:`preview` as a ``preview_hooks``
    entry of :class:`~healthguide.mdext.HealthGuideExtension`. ``page`` is the docs-relative path of
    the page being converted (the plugin sets it), so the label can link to the explainer page.
    """

    def __init__(self, explainer: str | None = EXPLAINER) -> None:
        self.explainer = explainer
        self.page = ""
        self._labels: dict[str, str | None] = {}   # key -> evidence label: read once per build, not per citation

    def label(self, ref: Reference) -> str | None:
        """The reference's evidence label ("Systematic review, 12 trials"), or None where it has no valid evidence."""
        if ref.id not in self._labels:
            evidence = evidence_of(ref)
            self._labels[ref.id] = evidence.label() if evidence is not None else None
        return self._labels[ref.id]

    @classmethod
    def for_docs(cls, docs_dir: str | Path) -> EvidenceLabeller:
        """Link labels to the explainer page only if the site has one."""
        return cls(EXPLAINER if (Path(docs_dir) / EXPLAINER).is_file() else None)

    def list_item(self, li: etree.Element, ref: Reference) -> None:
        label = self.label(ref)
        if label is None:
            return
        span = etree.SubElement(li, "span", {"class": "hg-ref__evidence"})
        span.text = "Type of evidence: "
        if self.explainer:
            target = posixpath.relpath(self.explainer, posixpath.dirname(self.page) or ".")
            link = etree.SubElement(span, "a", {"href": target, "class": "hg-ref__evidence-link"})
            link.text = label
            link.tail = "."
        else:
            span.text += label + "."

    def preview(self, span: etree.Element, ref: Reference) -> None:
        label = self.label(ref)
        if label is None:
            return
        strong = etree.Element("strong", {"class": "hg-cite__evidence"})
        strong.text = label + "."
        strong.tail = " " + (span.text or "")
        span.text = None
        span.insert(0, strong)


# --- the pillar's summary ---------------------------------------------------------------------

@dataclass(frozen=True)
class SourceUse:
    """One cited source and the pages that cite it."""

    key: str
    name: str                               # "Menz et al., 2013"
    label: str                              # "Snapshot study, 1,930 people"
    anchor: str                             # its id in each page's references list
    pages: tuple[tuple[str, str], ...]      # (title, url) of each page that cites it


@dataclass(frozen=True)
class EvidenceGroup:
    kind: EvidenceKind
    sources: tuple[SourceUse, ...]

    @property
    def title(self) -> str:
        return self.kind.plural

    @property
    def count(self) -> int:
        return len(self.sources)


@dataclass(frozen=True)
class EvidenceSummary:
    """How many sources of each kind a pillar and its spokes cite, strongest kind first."""

    groups: tuple[EvidenceGroup, ...]
    explainer_url: str | None = None

    @property
    def total(self) -> int:
        return sum(group.count for group in self.groups)


def guide_pages(site: Site, pillar: str) -> list[Page]:
    """The pillar and its spokes, pillar first, then spokes by title."""
    spokes = [p for p in site.pages.values()
              if p.type is PageType.SPOKE and p.front.pillar == pillar]
    head = [site.pages[pillar]] if pillar in site.pages else []
    return head + sorted(spokes, key=lambda p: p.title.lower())


def summary(site: Site, pillar: str, url: Callable[[str], str]) -> EvidenceSummary:
    """Count the sources a pillar's guide cites by kind; ``url`` maps a docs path to its site URL."""
    used: dict[str, list[Page]] = {}
    for page in guide_pages(site, pillar):
        for key in dict.fromkeys(c.key for c in page.citations):
            used.setdefault(key, []).append(page)
    by_kind: dict[EvidenceKind, list[SourceUse]] = {}
    for key, pages in used.items():
        ref = site.references.get(key)
        evidence = evidence_of(ref)
        if ref is None or evidence is None:
            continue   # unknown keys and unlabelled entries are reported by the checks
        by_kind.setdefault(evidence.kind, []).append(SourceUse(
            key, short_label(ref), evidence.label(), ref_anchor(key),
            tuple((page.title, url(page.path)) for page in pages)))
    groups = tuple(EvidenceGroup(kind, tuple(sorted(by_kind[kind], key=lambda s: s.name.lower())))
                   for kind in EvidenceKind if kind in by_kind)
    return EvidenceSummary(groups, url(EXPLAINER) if EXPLAINER in site.pages else None)


# --- structured data --------------------------------------------------------------------------

def jsonld_properties(ref: Reference) -> Mapping[str, Any]:
    """Extra JSON-LD properties for a reference's ScholarlyArticle: its study design.

    schema.org has no study-design property on ScholarlyArticle, so ``additionalType`` carries the
    kind in words ("Randomised trial"). Empty when the reference has no valid evidence fields.
    """
    evidence = evidence_of(ref)
    if evidence is None:
        return {}
    return {"additionalType": evidence.kind.label}
