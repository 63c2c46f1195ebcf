"""Faster ways to compute what the checks report, held equal to the slow, obvious way they replace."""

from __future__ import annotations

import difflib
import random
import string
from pathlib import Path

import pytest

from healthguide.analysis.similar import Index, LazyIndex, closest
from healthguide.core import load_config
from healthguide.load import sitefacts

ROOT = Path(__file__).resolve().parents[1]


def test_closest_is_what_difflib_suggests() -> None:
    """Random candidate lists over small alphabets (many ties and equal letter counts), every cutoff."""
    rng = random.Random(7)
    for _ in range(4000):
        alphabet = rng.choice(["ab", "abc", string.ascii_lowercase[:6], "ab-/.md", "topic-0123/spke.md"])
        candidates = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(rng.randint(0, 40))]
        word = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        cutoff = rng.choice([0.0, 0.3, 0.5, 0.6, 0.8, 1.0])
        want = difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)
        assert closest(word, candidates, cutoff) == (want[0] if want else None), (word, candidates, cutoff)


def test_closest_on_a_site_sized_list_of_paths() -> None:
    paths = [f"topic-{t:04d}/{'index' if s == 0 else f'spoke-{s:02d}'}.md" for t in range(40) for s in range(16)]
    index = Index(paths)
    for k in range(30):
        for word in (f"topic-{k:04d}/gone-{k}.md", f"topic-{k:04d}/spoke-{k % 16:02d}.mdx", f"topc-{k:04d}/index.md"):
            want = difflib.get_close_matches(word, sorted(paths), n=1, cutoff=0.5)
            assert index.closest(word, 0.5) == (want[0] if want else None)


def test_a_lazy_index_is_built_on_the_first_hint_only() -> None:
    asked: list[int] = []

    def pages() -> list[str]:
        asked.append(1)
        return ["index.md", "about.md"]

    lazy = LazyIndex(pages)
    assert not asked
    assert lazy.closest("abot.md", 0.5) == "about.md" and lazy.closest("indx.md", 0.5) == "index.md"
    assert asked == [1]


@pytest.mark.parametrize("config", ["mkdocs.yml", "tests/conformance/material/mkdocs.yml",
                                    "tests/conformance/mkdocs/mkdocs.yml"])
def test_theme_files_are_the_ones_mkdocs_lists(config: str) -> None:
    site = load_config(ROOT / config)
    ours = sitefacts.theme_files(site.raw, site.path)
    assert ours and ours == sitefacts.theme_files_by_mkdocs(site.raw, site.path)
    engine = sitefacts.read_engine(site.raw, site.path)       # as a warm check keeps it (load.configcache)
    assert sitefacts.theme_files(site.raw, site.path, engine) == ours
    assert engine.basis == sitefacts.engine_basis(engine.theme, [name for name, _ in engine.plugins])
    assert (sitefacts.build_time_changers(site.raw, site.path, engine)
            == sitefacts.build_time_changers(site.raw, site.path))


def _yaml_samples() -> list[str]:
    """Front matter and data files of docs/ and of both generated shapes, plus edge cases and broken documents."""
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    import gen

    from healthguide.load import frontmatter

    texts = []
    files = [*(ROOT / "docs").rglob("*.md"), *(ROOT / "docs").rglob("*.yaml"), *(ROOT / "docs").rglob("*.yml")]
    for path in files:
        text = path.read_text(encoding="utf-8")
        texts.append(text)
        lines = text.split("\n")
        end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() in ("---", "...")), None)
        if lines[0].strip() == "---" and end:
            texts.append("\n".join(lines[1:end]))
    for shape in gen.SHAPES:
        import tempfile

        with tempfile.TemporaryDirectory() as out:
            gen.generate(Path(out), 40, seed=3, defects=2, shape=shape)
            for path in sorted(Path(out, "docs").rglob("*.md")):
                part = frontmatter.split(path.name, path.read_text(encoding="utf-8"))
                texts.append("\n".join(path.read_text(encoding="utf-8").split("\n")[1:part.body_line - 2]))
    texts += [
        "", "title: x", "title: é ü 中文 😀\ndescription: ‘quoted’ — dash", "a: &x [1, 2]\nb: *x", "a: &x {k: 1}\nb: *x",
        "a: [1, 2", "a: 'open", "a: 1\n  b: 2", "a:\tb", "\x07a: 1", "- 1\n- 2\n- three", "last_reviewed: 2026-13-45",
        "last_reviewed: 2026-01-05\ntags: [a, b]\nrelated:\n  - x.md\n  - y.md", "a: !!python/name:os.system x",
        "? complex\n: key", "a: 1\na: 2", "---\na: 1\n---\nb: 2", "a: |\n  block\n  text\nb: >\n  folded", "%YAML 1.1\n---\na: 1",
        "a: 1 # comment\nb: 'it''s'\nc: \"esc \\u00e9 \\n\"", "a: .inf\nb: 0o17\nc: 0x1F\nd: yes\ne: ~\nf: 1_000",
        "  a: 1\n  b:\n    - c\n    - d: e\n      f: g", "\ufeffa: 1", "a: b: c", "[1, 2]: x", "a: {b: [c, {d: e}]}",
        "a: " + "{b: " * 150 + "c" + "}" * 150, "a: " + "[" * 60 + "]" * 60,
    ]
    rng = random.Random(11)
    pieces = ["a", "b", ":", " ", "\n", "-", "'", '"', "[", "]", "{", "}", ",", "#", "&x", "*x", "é", "\t", "|", ">", "1", "!",
              "?", "  ", "...", "---", "\\", "2026-01-05", "~", "."]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(20000)]
    # Indicator characters inside and outside scalars (references.yaml's "Foot & Ankle", "10%", a line "  >27 …"):
    # libyaml's scanner decides where they stand (yamlsafe._only_in_scalars).
    pieces += ["&", "*", "%", "@", "`", "!!str ", "|-", ">+", "|2", "%YAML 1.1\n", "& ", "* ", "! ", "\n  ", "\n    ", "- ",
               ": ", "a & b", "10%", ">27", "'&x'", '"*x"', "\n%", "\n@", "\n`"]
    pieces.remove("\t")
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) for _ in range(10000)]
    return texts


def test_front_matter_yaml_fast_path_is_the_python_loader() -> None:
    """libyaml where it can, PyYAML's own loader where it cannot: the same value, marks and problems every time."""
    from healthguide.load import yamlsafe

    for text in _yaml_samples():
        for key in (None, "references", "b"):
            assert yamlsafe.parse(text, key) == yamlsafe.parse_python(text, key), repr(text)


def test_page_models_built_in_a_worker_are_the_ones_built_here(tmp_path: Path) -> None:
    """The plugin's pipeline (load/pipeline.py): a worker process, or none, gives every page the same model."""
    from healthguide.load.assembler import SiteAssembler
    from healthguide.load.loader import discover, new_extension, new_markdown, read_bytes, split_page
    from healthguide.load.pipeline import PagePipeline
    from support import build_fixture

    config = load_config(build_fixture(tmp_path) / "mkdocs.yml")
    made = {}
    for workers in (0, 1):
        assembler = SiteAssembler(config, use_cache=False, variant="build")
        ext = new_extension(config, assembler.references)
        md = new_markdown(config, ext)
        pipeline = PagePipeline(assembler, workers=workers)
        assert (pipeline.pool is not None) is bool(workers)
        for path in discover(config.docs_dir)[0]:
            data = read_bytes(config.docs_dir / path)
            part = split_page(path, data, config.settings.max_file_bytes)
            md.reset()
            ext.reset()
            md.convert(getattr(part, "body", ""))
            pipeline.submit(path, data, ext.result)
        pipeline.close()
        made[workers] = assembler.rendered
    assert made[0] == made[1] and len(made[0]) == len(discover(config.docs_dir)[0]) >= 3


def _models(config_path: Path, full: bool) -> dict[str, object]:
    """Every page of a site as load_page builds it, with the check's short render or with ``Markdown.convert``."""
    from healthguide.load import loader
    from healthguide.load.references import load_references

    config = load_config(config_path)
    refs_path = config.docs_dir / config.settings.references
    refs = load_references(refs_path, config.settings.references)[0] if refs_path.exists() else {}
    ext = loader.new_extension(config, refs)
    md = loader.new_markdown(config, ext)
    if full:
        md._hg_plain_tail = False  # type: ignore[attr-defined]
    else:
        assert loader._tail_is_plain(md)
    return {path: loader.load_page(path, (config.docs_dir / path).read_bytes(), md, ext, config.settings.max_file_bytes)
            for path in loader.discover(config.docs_dir)[0]}


def test_the_checks_render_stops_at_the_collector_with_the_same_pages(tmp_path: Path) -> None:
    """loader.render_tree (no serialising, no unescape pass, no rel on external links) against Markdown.convert:
    the same page models on docs/, both generated shapes (planted defects included) and the conformance trees."""
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    import gen

    sites = [ROOT / "mkdocs.yml", *sorted((ROOT / "tests" / "conformance").glob("*/mkdocs.yml"))]
    for shape in gen.SHAPES:
        gen.generate(tmp_path / shape, 40, seed=5, defects=2, shape=shape)
        sites.append(tmp_path / shape / "mkdocs.yml")
    for site in sites:
        assert _models(site, full=False) == _models(site, full=True), site


def test_the_checks_render_writes_out_a_deep_tree_and_steps_aside_for_other_extensions(tmp_path: Path) -> None:
    """A tree deeper than the collector's bound is serialised as MkDocs would (so a failure is still HG021), and an
    extension from elsewhere turns the short render off."""
    from healthguide.load import loader
    from support import build_fixture

    config = load_config(build_fixture(tmp_path) / "mkdocs.yml")
    ext = loader.new_extension(config, {})
    md = loader.new_markdown(config, ext)
    assert loader._tail_is_plain(md)
    called = []
    tail = md.treeprocessors["unescape"]  # runs after our collector: only when the tail is run
    real = tail.run
    tail.run = lambda root: called.append(1) or real(root)  # type: ignore[method-assign]
    loader.render_tree(md, "Shallow text.\n")
    assert not called
    loader.render_tree(md, "".join("    " * i + "- item\n" for i in range(60)))
    assert called and ext.result is not None and ext.result.depth > loader._DEEP_TREE

    import markdown
    from markdown.extensions import Extension
    from markdown.treeprocessors import Treeprocessor

    class Late(Treeprocessor):
        def run(self, root: object) -> None:
            return None

    class Elsewhere(Extension):
        def extendMarkdown(self, md: markdown.Markdown) -> None:
            md.treeprocessors.register(Late(md), "late", 0.5)

    other = markdown.Markdown(extensions=[*config.markdown_extensions, loader.new_extension(config, {}), Elsewhere()],
                              extension_configs=config.extension_configs)
    assert not loader._tail_is_plain(other)


_GLOSSARY_PAGE = """\
# Gait and the kinetic chain &amp; lumbar pain

[TOC]

Plantar fasciitis is common.[^1] A podiatrist or a physiotherapist can help with gait, pronation and supination.
Read about [the plantar fascia](other.md#plantar-fascia "gait") and ![an orthotic](orthotic.png).
See [@gait-study] and [lumbar][lumbar-ref]. The `gait` in code stays; **sciatica** and *lordosis* are wrapped.

## Overpronation, supination &amp; the Achilles tendon {#achilles}

## Red flags: cauda equina syndrome

!!! warning "Red flags and sciatica"
    A systematic review and a meta-analysis, or a randomised controlled trial with a sham treatment.

??? note "Dorsiflexion and gluteus medius"
    A cross-sectional study of radiculopathy and tarsal tunnel syndrome.

| Term | Meaning |
|---|---|
| gait | walking [@gait-study] |
| lumbar | lower back |

Orthotic
:   An insert; see gait and pronation.

<div markdown="1">
Gait inside **md_in_html**, with lumbar words.
</div>

<p title="gait">Raw HTML with gait and <a href="#achilles">the Achilles tendon</a>.</p>

*[NHS]: National Health Service
*[gait]: ""

The NHS says gait matters. Kinetic chain thinking; Kinetic Chain (not the same case).

[^1]: A footnote about the plantar fascia and gait.

[lumbar-ref]: https://example.org/lumbar "Lumbar"
"""


def test_the_checks_render_leaves_out_abbr_with_the_same_pages() -> None:
    """The check's render leaves abbr's tree processor out (loader.UNSEEN_TREEPROCESSORS) and toc's [TOC] search where no text
    holds the marker: the page model is the one Markdown.convert gives, on a page that uses every glossary term in
    headings (whose ids toc makes from the text), links, citations, tables, footnotes, admonitions, definition
    lists and md_in_html, with its own abbreviations, a [TOC] marker (and one that abbr would split: the page
    defines TOC), loose list items, and a tree deep enough to be written out.
    If a later Python-Markdown, pymdown-extensions or glossary makes the two renders differ, this fails."""
    import markdown.extensions.abbr

    from healthguide.load import loader
    from healthguide.load.references import load_references

    config = load_config(ROOT / "mkdocs.yml")
    refs = load_references(config.docs_dir / config.settings.references, config.settings.references)[0]
    glossary = config.extension_configs["abbr"]["glossary"]
    terms = " ".join(f"{term}, {term.upper()} and {term.title()}." for term in glossary)
    deep = "".join("    " * i + f"- gait {i}\n" for i in range(60))
    pages = {"glossary.md": _GLOSSARY_PAGE + "\n" + terms + "\n", "no-marker.md": _GLOSSARY_PAGE.replace("[TOC]", "Text."),
             "deep.md": "# Lumbar\n\n" + deep, "plain.md": "# Gait\n\n" + terms + "\n",
             "loose.md": "# Loose\n\n- Your gait and lumbar pain\n    <p>x</p>\n\n- gait first\n\n    Then lumbar.\n",
             "toc-abbr.md": "*[TOC]: Table of contents\n\n# Gait\n\n[TOC]\n\n## Lumbar\n"}
    made = {}
    for full in (False, True):
        ext = loader.new_extension(config, refs)
        md = loader.new_markdown(config, ext)
        assert any(type(p) is markdown.extensions.abbr.AbbrTreeprocessor for p in md.treeprocessors)
        if full:
            md._hg_plain_tail = False  # type: ignore[attr-defined]
        else:
            assert loader._tail_is_plain(md)
        made[full] = {path: loader.load_page(path, text.encode(), md, ext, config.settings.max_file_bytes)
                      for path, text in pages.items()}
    for path in pages:
        assert made[False][path] == made[True][path], path
    page = made[False]["glossary.md"]
    assert {"gait-and-the-kinetic-chain-lumbar-pain", "achilles", "red-flags-cauda-equina-syndrome"} <= page.anchors
    assert any(link.href == "#achilles" for link in page.links)   # toc's div from [TOC], and the raw HTML link


def test_the_checks_render_runs_no_abbr_tree_processor(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cut is in force: abbr's tree processor (a walk of every text node with the glossary's regex) does not run
    in the check's render, and runs in Markdown.convert."""
    import markdown.extensions.abbr

    from healthguide.load import loader

    calls: list[int] = []
    real = markdown.extensions.abbr.AbbrTreeprocessor.run
    monkeypatch.setattr(markdown.extensions.abbr.AbbrTreeprocessor, "run",
                        lambda self, root: calls.append(1) or real(self, root))
    config = load_config(ROOT / "mkdocs.yml")
    ext = loader.new_extension(config, {})
    md = loader.new_markdown(config, ext)
    loader.render_tree(md, "# Gait\n\nGait and lumbar pain.\n")
    assert not calls and ext.result is not None and ext.result.sentences_raw
    md.reset()
    md.convert("# Gait\n\nGait and lumbar pain.\n")
    assert calls


def test_sentence_start_search_is_the_regex_search() -> None:
    """locate._first_start (its one-space shortcut included) finds where the regex find_words means would match."""
    import re

    from healthguide.load.locate import _ANY, _IN_LINE, _first_start

    rng = random.Random(17)
    pieces = ["a", "b", "ab", " ", " ", "\n", ".", "*", "-"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        words = [rng.choice(["a", "b", "ab"]) for _ in range(rng.randint(1, 4))]
        start = rng.randint(0, 5)
        for gaps, gap in ((_ANY, r"\W+(?:\S*?\W+)??"), (_IN_LINE, r"[^\w\n]+(?:[^\s]*?[^\w\n]+)??")):
            m = re.compile(gap.join(re.escape(w) for w in words)).search(text, start)
            assert _first_start(text, words, gaps, start) == (m.start() if m else None), (text, words, start)


def test_word_char_is_the_regex_word_char() -> None:
    """locate._is_word_char, which lets _first_start pass over a first word found inside a longer one, is re's \\w."""
    import re

    from healthguide.load.locate import _is_word_char

    word = re.compile(r"\w")
    assert all(_is_word_char(chr(c)) == bool(word.match(chr(c))) for c in range(0x30000))


def test_pool_chunks_hold_every_page_once_in_order() -> None:
    """loader._chunks: the pages in order, each once, with the smaller chunks at the end."""
    from healthguide.load.loader import _chunks

    for n in (0, 1, 7, 150, 151, 999, 2000, 10001):
        items = list(range(n))
        chunks = _chunks(items, 2)
        assert [x for chunk in chunks for x in chunk] == items
        if n >= 150:
            assert len(chunks[-1]) <= len(chunks[0])


def test_sentence_kinds_remembered_are_those_judged_afresh() -> None:
    """claims.sentence_kinds judges each text once a process: a repeat gets the kind a fresh judgement gives,
    on a page that cites (rules alone) and on one that cites nothing (rules and model) alike."""
    from healthguide.analysis import claims
    from healthguide.model import Position, Sentence

    texts = ["Studies show that 70% of runners get knee pain.", "Flat feet cause knee pain.", "Key points",
             "Doctors recommend insoles for flat feet.", "See a clinician if a problem lasts or gets worse."]
    plain = [Sentence(t, (), Position(1)) for t in texts]
    cited = [*plain, Sentence("Heel pain is common [1].", ("menz2013foot",), Position(2))]
    for page in (plain, cited, plain, cited):
        kind_of = claims.rule_kind if page is cited else claims.claim_kind
        assert claims.sentence_kinds(page) == tuple(None if s.cited_keys else kind_of(s.text) for s in page)
