"""Every check family and every finding code, listed once (like markdownlint's rule list).

Nothing registers itself by being imported: a family module declares its codes with
``CODES.define(...)`` and its ``check(site, settings)``, and is listed here. Configuration
(``severity:`` in mkdocs.yml) is validated against this catalogue, passed in as an argument.

Stages: ``load`` codes come from reading files (the assembler); ``site`` families are pure
functions of the site model, run in the order listed; ``built`` codes judge built HTML
(``check --built`` and the plugin's post-page hook); ``publish`` codes judge mkdocs.yml
itself, only when publishing (``check --publish``, ``make publish``); ``online`` codes need the network
(``python -m healthguide online``). Codes are never reused: a retired code stays in
``RETIRED`` with the reason, and defining it again is an error.

Profiles: a ``health_only`` family belongs to the health guide's contract (front matter,
citations, claims, review…) and is skipped under ``profile: generic`` (any MkDocs site), which
keeps files, links, anchors and HTML safety.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from .checks import (
    authors,
    care,
    citations,
    disclaimer,
    evidence,
    frontmatter,
    graph,
    html_safety,
    links,
    mistakes,
    placeholders,
    publish,
    readability,
    rendered,
    review,
    structure,
    uncited,
)
from .findings import Code, Finding
from .load import frontmatter as files
from .load import loader, references
from .model import Page, Site
from .online import codes as online
from .settings import Settings

Check = Callable[[Site, Settings], Iterator[Finding]]
Relate = Callable[[Site, Iterable[Page], Settings], Iterator[Finding]]


class Stage(enum.Enum):
    LOAD = "load"        # reading files into the model
    SITE = "site"        # checks on the model (pages and site-wide judgements)
    BUILT = "built"      # built HTML
    PUBLISH = "publish"  # the configuration as a site to put online (`check --publish`)
    ONLINE = "online"    # the network, off by default


@dataclass(frozen=True)
class Family:
    """A group of related codes; ``name`` is also its case file, ``tests/cases/<name>.yaml``, where it has one."""

    name: str
    stage: Stage
    codes: tuple[Code, ...]
    check: Check | None = None          # site families only
    health_only: bool = False           # skipped under `profile: generic`
    # Each page's findings depend on that page alone (plus references.yaml and the settings), so the command
    # line judges them where the page is parsed and caches them with the page (healthguide.stream).
    page_local: bool = False
    # A cross-page family's part that is judged on each page alone (like a page_local family's whole check):
    # run where the page is parsed, cached with it; ``check`` is then the site-wide rest.
    page_check: Check | None = None
    # A cross-page family's ``check`` in two parts (healthguide.relations judges them apart, so that a warm check
    # re-judges only the pages an edit touches): ``relate(site, pages, settings)`` judges each of ``pages`` in turn
    # against the pages it looks up in ``site.pages``, and ``whole`` is the rest, judged from every page's index view
    # (``relations.index_view``). ``check`` gives the findings of both.
    relate: Relate | None = None
    whole: Check | None = None

    @property
    def per_page(self) -> Check | None:
        """What is judged on each page alone (a site of that one page gives the same findings)."""
        return self.check if self.page_local else self.page_check

    @property
    def site_wide(self) -> Check | None:
        """What relates pages to each other, run on the whole site."""
        return None if self.page_local else self.check


@dataclass(frozen=True)
class Catalogue:
    families: tuple[Family, ...]
    retired: Mapping[str, str] = field(default_factory=dict)    # tombstones: code -> why it was retired
    _by_key: dict[str, Code] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for family in self.families:
            if (family.check is None) == (family.stage is Stage.SITE):
                raise ValueError(f"family {family.name}: site families, and only they, have a check")
            if family.site_wide is not None and family.relate is None and family.whole is None:
                raise ValueError(f"family {family.name}: a cross-page family says which part is per page (relate) "
                                 "and which is whole")
            for code in family.codes:
                for key in (code.code, code.name):
                    if key in self._by_key:
                        raise ValueError(f"finding code {key} is listed twice")
                    self._by_key[key] = code
                if code.code in self.retired:
                    raise ValueError(f"finding code {code.code} was retired ({self.retired[code.code]}); never reuse it")

    def codes(self) -> list[Code]:
        """Every live code, in code order."""
        return sorted((c for f in self.families for c in f.codes), key=lambda c: c.code)

    def lookup(self, key: str) -> Code | None:
        """A code by its number (``HG301``) or its name (``link-target-missing``)."""
        return self._by_key.get(key)

    def __getitem__(self, code: str) -> Code:
        found = self._by_key.get(code)
        if found is None:
            raise KeyError(code)
        return found

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._by_key

    def checks(self, health: bool = True) -> tuple[Check, ...]:
        """The site checks, in order; without ``health``, only those of families not ``health_only``."""
        return tuple(f.check for f in self.site_families(health) if f.check is not None)

    def site_families(self, health: bool = True) -> tuple[Family, ...]:
        """The families with a site check, in order; without ``health``, only those not ``health_only``."""
        return tuple(f for f in self.families if f.check is not None and (health or not f.health_only))

    def per_page_families(self, health: bool = True) -> tuple[Family, ...]:
        """The site families with a part judged on each page alone (``Family.per_page``), in order."""
        return tuple(f for f in self.site_families(health) if f.per_page is not None)

    def health_only_codes(self) -> frozenset[str]:
        """Codes of ``health_only`` families (dropped under ``profile: generic``)."""
        return frozenset(c.code for f in self.families if f.health_only for c in f.codes)

    def family_of(self, code: str) -> Family | None:
        return next((f for f in self.families if any(c.code == code for c in f.codes)), None)


CATALOGUE = Catalogue(
    families=(
        # load: reading the files (healthguide.load)
        Family("loader", Stage.LOAD, (files.UNREADABLE, files.EMPTY, files.TOO_LARGE, loader.SYMLINK_OUTSIDE,
                                      loader.SYMLINK_FOLDER,
                                      files.YAML_SYNTAX, files.NOT_MAPPING, loader.MARKDOWN_CONFIG,
                                      loader.RENDER_FAILED)),
        # Under `profile: generic` a page needs no front matter, and a lone `---` first line is a rule to MkDocs.
        Family("front-matter-contract", Stage.LOAD, (files.NO_FRONT_MATTER, files.UNTERMINATED), health_only=True),
        Family("references-file", Stage.LOAD, (references.DUPLICATE_REF, references.REFS_FILE, references.REF_ENTRY),
               health_only=True),
        Family("authors-file", Stage.LOAD, (references.AUTHORS_FILE,), health_only=True),
        # site: pure functions of the model, run in this order
        Family("frontmatter", Stage.SITE, (frontmatter.MISSING, frontmatter.UNKNOWN, frontmatter.WRONG_TYPE,
                                           frontmatter.BAD_CHOICE, frontmatter.DESCRIPTION, frontmatter.NOT_APPLICABLE),
               frontmatter.check, health_only=True, page_local=True),
        Family("graph", Stage.SITE, (graph.PILLAR_MISSING, graph.NOT_A_PILLAR, graph.RELATED_MISSING, graph.ORPHAN,
                                     graph.SELF_LINK), graph.check, health_only=True,
               relate=graph.relate, whole=graph.whole),
        Family("links", Stage.SITE, (links.PAGE_MISSING, links.ANCHOR_MISSING, links.IMAGE_MISSING, links.ABSOLUTE,
                                     links.OUTSIDE, links.ANCHOR_UNVERIFIED), links.check,
               relate=links.relate),
        Family("citations", Stage.SITE, (citations.UNKNOWN_KEY, citations.NO_IDENTIFIER, citations.BAD_DOI,
                                         citations.BAD_PMID, citations.UNUSED, citations.TOO_FEW, citations.LIBRARY_KEY),
               citations.check, health_only=True, relate=citations.relate, whole=citations.whole),
        Family("evidence", Stage.SITE, (evidence.MISSING, evidence.INVALID, evidence.WEAK_STATISTIC,
                                        evidence.OPINION_ONLY), evidence.check, health_only=True,
               relate=evidence.relate, whole=evidence.whole),
        Family("claims", Stage.SITE, (uncited.UNCITED,), uncited.check, health_only=True, page_local=True),
        Family("readability", Stage.SITE, (readability.TOO_HARD,), readability.check, health_only=True, page_local=True),
        Family("structure", Stage.SITE, (structure.NO_KEY_POINTS, structure.NO_CARE), structure.check, health_only=True,
               page_local=True),
        Family("review", Stage.SITE, (review.FUTURE, review.OVERDUE, review.DUE_SOON), review.check, health_only=True,
               relate=review.relate),
        Family("authors", Stage.SITE, (authors.UNKNOWN_AUTHOR, authors.NOT_REVIEWER, authors.UNKNOWN_REVIEWER),
               authors.check, health_only=True, relate=authors.relate),
        Family("html", Stage.SITE, (html_safety.SCRIPT, html_safety.FRAME, html_safety.HANDLER, html_safety.SCRIPT_URL),
               html_safety.check, page_local=True),
        Family("mistakes", Stage.SITE, (mistakes.PLACEHOLDER_META, mistakes.ROUND_CITATION, mistakes.PLACEHOLDER_TEXT,
                                             mistakes.PLACEHOLDER_HEADING),
               mistakes.check, health_only=True, page_local=True),
        Family("care", Stage.SITE, (care.MISSING, care.MISPLACED, care.CHANGED, care.BY_HAND, care.LEVEL, care.NOT_ASKED,
                                    care.INVALID, care.WRONG_PAGE, care.NOT_EXPANDED, care.NO_POINTER), care.check, health_only=True,
               page_check=care.check_pages, whole=care.check),
        Family("placeholders", Stage.SITE, (placeholders.IN_SIGNS, placeholders.IN_AUTHORS), placeholders.check,
               health_only=True, whole=placeholders.check),
        # built HTML
        Family("disclaimer", Stage.BUILT, (disclaimer.MISSING,), health_only=True),
        Family("rendered-article", Stage.BUILT, (rendered.TOP_DISCLAIMER, rendered.BYLINE, rendered.REVIEW_DATES,
                                                 rendered.STRUCTURED, rendered.NOT_BUILT), health_only=True),
        Family("rendered", Stage.BUILT, (rendered.REFERENCES, rendered.RAW_CITATION, rendered.CSP_PLACEHOLDER)),
        # the configuration, judged only when publishing
        Family("publish", Stage.PUBLISH, (publish.PLACEHOLDER,)),
        # online (healthguide.online), never part of `check` or the build
        Family("online-links", Stage.ONLINE, (online.LINK_BROKEN, online.LINK_UNVERIFIED, online.LINK_REDIRECTED)),
        Family("online-identifiers", Stage.ONLINE, (online.DOI_NOT_FOUND, online.PMID_NOT_FOUND,
                                                    online.REGISTRY_UNREACHABLE)),
    ),
    # Tombstones, e.g. "HG123": "merged into HG103 in 0.2". No code has been retired yet.
    retired={},
)
