"""Generate a synthetic guide shaped like docs/: pillars and spokes, front matter, links with anchors,
citations, references.yaml, authors.yml and a mkdocs.yml with our plugin and Material.

Seeded and deterministic: the same (pages, seed, defects) always gives byte-identical files.
With ``--defects K`` it plants K defects of each kind and writes ``ground-truth.json``; every
planted defect carries a unique token (``gone-3``, ``no-such-section-3``, ``nokey3``,
``ghost-3``, ``gone-pillar-3``) so any tool's output can be scored by searching for it.

    python bench/gen.py OUT_DIR --pages 500 --seed 1 --defects 5

The text is neutral filler written for this generator: it states no health facts and no numbers,
so the only findings on a clean site are the planted ones.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-11-23"                       # pinned with HEALTHGUIDE_TODAY by the runner
SPOKES_PER_PILLAR = 15                     # like docs/foot-back-connection/
SECTIONS = 8
PARAGRAPHS = 3                             # per section
DEFECT_KINDS = {                           # kind -> the code our check reports
    "broken-link": "HG301",
    "broken-anchor": "HG302",
    "unknown-citation": "HG401",
    "unknown-author": "HG801",
    "missing-pillar": "HG201",
}

_SUBJECTS = ["Your foot", "A short walk", "This page", "The plan", "A good shoe", "Your heel", "A daily stretch",
             "The next step", "Your back", "A calm start", "The simple routine", "A warm bath"]
_VERBS = ["helps", "can ease", "often suits", "may change", "gives", "keeps", "can support", "makes room for"]
_OBJECTS = ["the way you move", "a steady pace", "your morning", "the time you spend standing", "a gentle start",
            "the load on your legs", "your plans for the week", "a short break", "the muscles in your calf"]
_TAILS = ["at home", "during the day", "when you feel ready", "over a few weeks", "on most days", "with some care",
          "after a rest", "in a quiet room", "before bed", "at your own pace"]
_HEAD_A = ["walking", "standing", "resting", "moving", "stretching", "sitting", "sleeping", "working", "lifting", "climbing"]
_HEAD_B = ["tips", "basics", "habits", "choices", "plans", "notes", "ideas", "steps", "checks", "routines"]
_HEAD_C = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"]


def heading(page_no: int, section: int) -> str:
    """Unique per page, lower-case ASCII words: the toc slug is the words joined by '-'."""
    return f"{_HEAD_A[(page_no + section) % 10]} {_HEAD_B[(page_no * 3 + section) % 10]} {_HEAD_C[section % 10]}"


def slug(text: str) -> str:
    return "-".join(text.lower().split())


_EXTRAS = ["", "", "", " and that is fine", " if you like", " with a friend", " while you listen to music",
           " in light shoes", " near a window", " when the weather is mild", " after lunch", " before a long trip",
           " on a soft floor", " in the garden", " with a cushion", " as part of a calm week", " without any rush",
           " while the kettle boils", " once you wake up", " between tasks"]


def sentence(rng: random.Random) -> str:
    return (f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {rng.choice(_TAILS)}"
            f"{rng.choice(_EXTRAS)}.")


def _rel(src: str, dst: str) -> str:
    import posixpath
    return posixpath.relpath(dst, posixpath.dirname(src) or ".")


SHAPES = ("guide", "short")   # guide: long pages, few links (like docs/); short: the second shape


class Guide:
    def __init__(self, pages: int, seed: int, refs: list[str], shape: str = "guide") -> None:
        self.shape = shape
        self.rng = random.Random(seed)
        self.refs = refs
        self.n_articles = max(2, pages - 2)                 # index.md and about/index.md are plain pages
        self.paths: list[str] = []
        self.pillar_of: dict[str, str] = {}
        for i in range(self.n_articles):
            topic, slot = divmod(i, SPOKES_PER_PILLAR + 1)
            folder = f"topic-{topic:04d}"
            path = f"{folder}/index.md" if slot == 0 else f"{folder}/spoke-{slot:02d}.md"
            self.paths.append(path)
            self.pillar_of[path] = f"{folder}/index.md"
        self.number = {p: i for i, p in enumerate(self.paths)}
        self.cited: set[str] = set()
        self.ref_cursor = 0

    def next_ref(self) -> str:
        key = self.refs[self.ref_cursor % len(self.refs)]
        self.ref_cursor += 1
        self.cited.add(key)
        return key

    def article(self, path: str) -> list[str]:
        return self.short_article(path) if self.shape == "short" else self.long_article(path)

    def front_matter(self, path: str) -> list[str]:
        pillar = self.pillar_of[path]
        folder = path.split("/")[0]
        related = [p for p in self.paths if p.startswith(folder + "/") and p not in (path, pillar)][:3]
        title = f"Topic {folder[6:]} {'overview' if path == pillar else 'part ' + path[-5:-3]}"
        lines = ["---", f"title: {title}",
                 "description: A plain guide to simple everyday habits for feet and backs, written for the benchmark.",
                 f"type: {'pillar' if path == pillar else 'spoke'}"]
        if path != pillar:
            lines.append(f"pillar: {pillar}")
        if related:
            lines.append(f"related: [{', '.join(related)}]")
        return lines + ["tags: [benchmark, walking]", "authors: [editorial-team]", "last_reviewed: 2026-06-01", "---", ""]

    def short_article(self, path: str) -> list[str]:
        """The issue's second shape: ~900 words in 5 sections, 5-15 links (a third with anchors, to pages
        anywhere in the guide), 4-8 citations (the site asks for 4 sources a page)."""
        rng, no = self.rng, self.number[path]
        sections = 5
        lines = self.front_matter(path) + ['!!! key-points "Key points"', ""]
        lines += [f"    - {sentence(rng)[:-1]}." for _ in range(3)] + [""]
        cites = rng.randint(4, 8)               # at least min_sources (4) distinct sources
        links = rng.randint(5, 15)
        slots = [(s, p) for s in range(sections) for p in range(3)]
        cite_at = set(rng.sample(slots, min(cites, len(slots))))
        link_at: dict[tuple[int, int], int] = {}
        for _ in range(links):
            slot = slots[rng.randrange(len(slots))]
            link_at[slot] = link_at.get(slot, 0) + 1
        for s in range(sections):
            lines += [f"## {heading(no, s).capitalize()}", ""]
            for p in range(3):
                words = [sentence(rng) for _ in range(rng.randint(3, 5))]
                if (s, p) in cite_at:
                    words[1] = words[1][:-1] + f" [@{self.next_ref()}]."
                for k in range(link_at.get((s, p), 0)):
                    dst = self.paths[rng.randrange(len(self.paths))]
                    dno = self.number[dst]
                    anchor = slug(heading(dno, rng.randrange(sections))) if rng.random() < 1 / 3 else ""
                    href = ("" if dst == path else _rel(path, dst)) + (f"#{anchor}" if anchor else "")
                    words.insert(2 + k, f"See [the page on {heading(dno, 0)}]({href or '#'}) for more.")
                lines += [" ".join(words), ""]
        lines += ['!!! care-routine "When to get help"', "",
                  "    See a clinician if a problem lasts or gets worse.", ""]
        return lines

    def long_article(self, path: str) -> list[str]:
        rng, no = self.rng, self.number[path]
        pillar = self.pillar_of[path]
        is_pillar = path == pillar
        folder = path.split("/")[0]
        siblings = [p for p in self.paths if p.startswith(folder + "/") and p != path]
        related = [p for p in siblings if p != pillar][:3]
        title = f"Topic {folder[6:]} {'overview' if is_pillar else 'part ' + path[-5:-3]}"
        lines = ["---", f"title: {title}",
                 "description: A plain guide to simple everyday habits for feet and backs, written for the benchmark.",
                 f"type: {'pillar' if is_pillar else 'spoke'}"]
        if not is_pillar:
            lines.append(f"pillar: {pillar}")
        if related:
            lines.append(f"related: [{', '.join(related)}]")
        lines += ["tags: [benchmark, walking]", "authors: [editorial-team]", "last_reviewed: 2026-06-01", "---", ""]
        lines += ['!!! key-points "Key points"', ""]
        for _ in range(4):
            lines.append(f"    - {sentence(rng)[:-1]} [@{self.next_ref()}].")
        lines.append("")
        targets = siblings + ([] if is_pillar else [])
        if not is_pillar and no + SPOKES_PER_PILLAR + 1 < len(self.paths):
            targets.append(self.paths[no + SPOKES_PER_PILLAR + 1])   # a page in the next topic
        for s in range(SECTIONS):
            lines += [f"## {heading(no, s).capitalize()}", ""]
            for p in range(PARAGRAPHS):
                words = [sentence(rng) for _ in range(rng.randint(3, 6))]
                if p == 0:
                    words[1] = words[1][:-1] + f" [@{self.next_ref()}]."
                if p == 1 and targets:
                    dst = targets[(s * PARAGRAPHS + p) % len(targets)]
                    dno = self.number[dst]
                    anchor = slug(heading(dno, rng.randrange(SECTIONS))) if s % 2 == 0 else ""
                    href = _rel(path, dst) + (f"#{anchor}" if anchor else "")
                    words[2] = f"See [the page on {heading(dno, 0)}]({href}) for more."
                if p == 2 and s == 3:
                    words[0] = f"Jump back to [the first part](#{slug(heading(no, 0))})."
                lines += [" ".join(words), ""]
            if s == 5:
                lines += ["- " + sentence(rng) for _ in range(4)] + [""]
        lines += ['!!! care-routine "When to get help"', "",
                  f"    See a clinician if a problem lasts or gets worse [@{self.next_ref()}].", ""]
        return lines


def generate(out: Path, pages: int, seed: int = 1, defects: int = 0, shape: str = "guide") -> dict:
    """Write the guide into ``out`` (emptied first) and return the ground truth."""
    if out.exists():
        shutil.rmtree(out)
    docs = out / "docs"
    (docs / "about").mkdir(parents=True)
    library = yaml.safe_load((ROOT / "docs" / "references.yaml").read_text(encoding="utf-8"))["references"]
    refs = sorted(r["id"] for r in library)
    guide = Guide(pages, seed, refs, shape)
    texts = {path: guide.article(path) for path in guide.paths}
    truth: list[dict] = []
    if defects:
        rng = random.Random(seed * 7919 + defects)
        spokes = [p for p in guide.paths if p != guide.pillar_of[p]]
        for kind in DEFECT_KINDS:
            for i in rng.sample(range(len(spokes)), min(defects, len(spokes))):
                truth.append(_plant(kind, len(truth), spokes[i], texts[spokes[i]], guide))
    for path, lines in texts.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text("\n".join(lines), encoding="utf-8")
    pillars = [p for p in guide.paths if p == guide.pillar_of[p]]
    home = ["---", "title: Benchmark guide", "type: page", "---", "", "A synthetic guide for timing the checks.", "",
            "## Topics", ""] + [f"- [Topic {p[6:10]}]({p})" for p in pillars] + ["", "Read [about this guide](about/index.md).", ""]
    (docs / "index.md").write_text("\n".join(home), encoding="utf-8")
    (docs / "about" / "index.md").write_text(
        "---\ntitle: About\ntype: page\n---\n\nThis guide is made by a script. Go [home](../index.md).\n", encoding="utf-8")
    used = [r for r in library if r["id"] in guide.cited]
    (docs / "references.yaml").write_text(yaml.safe_dump({"references": used}, sort_keys=False, allow_unicode=True),
                                          encoding="utf-8")
    shutil.copy(ROOT / "docs" / "authors.yml", docs / "authors.yml")
    shutil.copytree(ROOT / "overrides", out / "overrides")   # a snapshot: the plugin's templates, without the plugin unused
    (docs / "assets").mkdir()
    shutil.copy(ROOT / "scripts" / "healthguide" / "theme" / "templates" / "assets" / "healthguide.css",   # the packaged theme's
                docs / "assets" / "healthguide.css")
    shutil.copy(ROOT / "bench" / "page_context_hook.py", out / "page_context_hook.py")
    shutil.copy(ROOT / "bench" / "no_check_hook.py", out / "no_check_hook.py")
    for name, plugin, prune in (("mkdocs.yml", True, True), ("mkdocs-plain.yml", False, True),
                                ("mkdocs-noprune.yml", True, False), ("mkdocs-plain-validate.yml", False, True),
                                ("mkdocs-plugin-bare.yml", True, True), ("mkdocs-extension.yml", False, True),
                                ("mkdocs-plugin-nocheck.yml", True, True)):
        text = mkdocs_yml(plugin, prune, validate=name.endswith("validate.yml"))
        if name == "mkdocs-extension.yml":         # the site's own markup without the checks: healthguide.extension
            text += "hooks:\n  - page_context_hook.py\n"   # told each page, as Zensical tells it (no plugin)
        if name == "mkdocs-plugin-nocheck.yml":    # the plugin's build with its check taken out
            text += "hooks:\n  - no_check_hook.py\n"
        if name == "mkdocs-plugin-bare.yml":       # the plugin's Python work without its template overrides
            text = text.replace("  custom_dir: overrides\n", "")
        (out / name).write_text(text, encoding="utf-8")
    result = {"pages": len(guide.paths) + 2, "seed": seed, "shape": shape, "defects": truth}
    (out / "ground-truth.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    return result


def _plant(kind: str, n: int, path: str, lines: list[str], guide: Guide) -> dict:
    """Add one defect to a spoke; the returned record names the file, line, code and token."""
    if kind in ("unknown-author", "missing-pillar"):
        key, token = ("authors", f"ghost-{n}") if kind == "unknown-author" else ("pillar", f"gone-pillar-{n}")
        at = next(i for i, line in enumerate(lines) if line.startswith(key + ":"))
        lines[at] = f"authors: [editorial-team, {token}]" if key == "authors" else f"pillar: {token}/index.md"
        return {"kind": kind, "code": DEFECT_KINDS[kind], "path": path, "line": at + 1, "token": token}
    other = guide.paths[(guide.number[path] + 1) % len(guide.paths)]
    token, text = {
        "broken-link": (f"gone-{n}", f"Read [the missing page](gone-{n}.md) too."),
        "broken-anchor": (f"no-such-section-{n}", f"Read [that section]({_rel(path, other)}#no-such-section-{n})."),
        "unknown-citation": (f"nokey{n}", f"This line cites a missing source [@nokey{n}]."),
    }[kind]
    lines += [text, ""]
    return {"kind": kind, "code": DEFECT_KINDS[kind], "path": path, "line": len(lines) - 1, "token": token}


def mkdocs_yml(plugin: bool, prune: bool, validate: bool = False) -> str:
    """Same theme and markdown_extensions as the real mkdocs.yml; plugin block optional."""
    features = ["navigation.indexes", "navigation.top"] + (["navigation.prune"] if prune else [])
    level = "warn" if validate else "info"
    text = f"""site_name: Benchmark guide
site_url: https://example.org/bench/
docs_dir: docs
theme:
  name: material
{"  custom_dir: overrides" + chr(10) if plugin else ""}  language: en
  font: false
  features: [{', '.join(features)}, search.highlight, toc.follow]
extra_css:
  - assets/healthguide.css
exclude_docs: |
  authors.yml
  references.yaml
plugins:
  - search
"""
    if plugin:
        text += """  - healthguide:
      references: references.yaml
      authors: authors.yml
      review_interval_months: 12
      review_warning_days: 30
      max_reading_grade: 9
      min_sources: 4
"""
    text += f"""validation:
  omitted_files: info
  absolute_links: info
  unrecognized_links: info
  links:
    not_found: {level}
    anchors: {level}
"""
    real = yaml.safe_load(_without_tags((ROOT / "mkdocs.yml").read_text(encoding="utf-8")))
    text += "markdown_extensions:\n" + _extensions_block(real["markdown_extensions"])
    return text


def _without_tags(text: str) -> str:
    return re.sub(r"!relative ([^\s\],]+)", r"'\1'", text)


def _extensions_block(items: list) -> str:
    out = []
    for item in items:
        if isinstance(item, str):
            out.append(f"  - {item}")
            continue
        name, conf = next(iter(item.items()))
        if name == "healthguide.theme.care":
            continue   # synthetic guides have no warning-signs file: their care boxes are written inline
        if name == "pymdownx.snippets":
            conf = dict(conf, base_path="__CONFIG_DIR__")
        body = yaml.safe_dump({name: conf}, sort_keys=False).rstrip().replace("__CONFIG_DIR__", "[!relative $config_dir]")
        out.append("  - " + body.replace("\n", "\n    "))
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--defects", type=int, default=0, help="defects of each kind to plant")
    parser.add_argument("--shape", choices=SHAPES, default="guide",
                        help="guide: ~1,800 words and ~17 links a page; short: ~900 words, 5-15 links, 4-8 citations")
    args = parser.parse_args()
    truth = generate(args.out, args.pages, args.seed, args.defects, args.shape)
    print(f"{truth['pages']} pages, {len(truth['defects'])} planted defects -> {args.out}")


if __name__ == "__main__":
    main()
