"""HG44x: what kind of evidence each reference is, and statistics that rest on weak evidence alone."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Mapping

from ..analysis.evidence import Evidence, EvidenceKind, evidence_of, read_evidence
from ..analysis.statistics import cited_statistics
from ..findings import CODES, Finding, Severity, finding
from ..model import Page, Site
from ..settings import Settings

MISSING = CODES.define("HG440", "evidence-missing", Severity.ERROR,
                       "a reference has no `evidence:` field saying what kind of study it is")
INVALID = CODES.define("HG441", "evidence-invalid", Severity.ERROR,
                       "a reference's `evidence:` is not in the closed list, or a count is not a whole number")
WEAK_STATISTIC = CODES.define("HG442", "statistic-weak-source", Severity.WARN,
                              "a statistic is supported only by a case report, an opinion or a study smaller than `min_participants`")
OPINION_ONLY = CODES.define("HG443", "opinion-only-sources", Severity.WARN,
                            "every source a pillar or spoke cites is a narrative review or expert opinion")

# Words by which a sentence already tells readers how thin its source is.
_DESCRIBED = re.compile(r"\b(?:small|tiny|pilot|case reports?|single (?:case|patient)|one (?:person|patient)"
                        r"|opinions?|experts?|consensus)\b", re.IGNORECASE)


def check(site: Site, settings: Settings) -> Iterator[Finding]:
    yield from whole(site, settings)
    yield from relate(site, site.pages.values(), settings)


def whole(site: Site, settings: Settings) -> Iterator[Finding]:
    """The references' own evidence fields."""
    yield from _references(site)


def relate(site: Site, pages: Iterable[Page], settings: Settings) -> Iterator[Finding]:
    """Each of ``pages`` in turn: its cited statistics and claims against the evidence of the sources it cites."""
    known = {key: evidence_of(ref) for key, ref in site.references.items()}   # once per reference, not per citation
    for page in pages:
        yield from _weak_statistics(known, page, settings.min_participants)
        yield from _opinion_only(known, page)


def _references(site: Site) -> Iterator[Finding]:
    kinds = [k.value for k in EvidenceKind]
    for ref in site.references.values():
        found = read_evidence(ref)
        if isinstance(found, Evidence):
            continue
        line, col = ref.pos.line, ref.pos.col
        if not found:
            yield finding(MISSING, site.references_path, line, col,
                          f"reference '{ref.id}' does not say what kind of evidence it is",
                          f"Add `evidence:` with one of {', '.join(kinds)}, read from its note; "
                          "add `participants:` only if the note gives the number.")
            continue
        raw = str(ref.data.get("evidence"))
        guess = difflib.get_close_matches(raw.strip().lower(), kinds, n=1, cutoff=0.6)
        for problem in found:
            hint = f"Did you mean '{guess[0]}'?" if guess and problem.startswith("evidence ") else \
                "Copy counts from the entry's note as plain numbers, e.g. `participants: 1930`."
            yield finding(INVALID, site.references_path, line, col, f"reference '{ref.id}': {problem}", hint)


def _weak_statistics(known: Mapping[str, Evidence | None], page: Page, min_participants: int) -> Iterator[Finding]:
    found_at = page.cited_statistics if page.cited_statistics is not None else cited_statistics(page.sentences)
    for sentence in (page.sentences[i] for i in found_at):
        keys = list(dict.fromkeys(sentence.cited_keys))
        found = [known.get(key) for key in keys]
        if any(e is None for e in found):
            continue   # unknown or unlabelled sources are reported elsewhere
        weak = [(key, e) for key, e in zip(keys, found, strict=False) if e is not None and e.is_weak(min_participants)]
        if len(weak) < len(keys) or _describes(sentence.text, weak):
            continue
        quoted = sentence.text if len(sentence.text) <= 160 else sentence.text[:157] + "…"
        names = "; ".join(f"{key} ({e.label()})" for key, e in weak)
        yield finding(WEAK_STATISTIC, page.path, sentence.pos.line, sentence.pos.col,
                      f"statistic rests only on weak evidence: \"{quoted}\" cites {names}",
                      "Cite a stronger source from references.yaml that shows the same number, or say in the "
                      "sentence what the source is (e.g. \"a small trial of 48 people found …\").")


def _describes(text: str, weak: list[tuple[str, Evidence]]) -> bool:
    """The sentence already names the design or the size of each weak source."""
    if _DESCRIBED.search(text):
        return True
    numbers = set(re.findall(r"\d[\d,]*", text))
    return all(e.participants is not None and ({str(e.participants), f"{e.participants:,}"} & numbers) for _, e in weak)


def _opinion_only(known: Mapping[str, Evidence | None], page: Page) -> Iterator[Finding]:
    if not (page.type and page.type.is_medical):
        return
    keys = list(dict.fromkeys(c.key for c in page.citations))
    found = [known.get(key) for key in keys]
    if not keys or any(e is None or not e.kind.is_opinion for e in found):
        return
    yield finding(OPINION_ONLY, page.path, page.front_matter_pos.line, 1,
                  f"every source this {page.type.value} cites is an overview or opinion ({', '.join(keys)})",
                  "Support its main points with a guideline, systematic review, trial or study of people from references.yaml.")
