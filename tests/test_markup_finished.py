"""The plugin's markup finished early (load/mdext.py): the same HTML as the tree path, where each is taken."""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor

from healthguide.load.mdext import HealthGuideExtension
from healthguide.model import Position, Reference

REFERENCES = {
    "menz2013": Reference("menz2013", {"title": "Foot pain & posture <in> older adults", "author": [{"family": "Menz"}],
                                       "issued": {"date-parts": [[2013]]}, "DOI": "10.1/x", "PMID": "123"}, Position(1)),
    "local": Reference("local", {"title": "A local page", "URL": "sources/local.md"}, Position(2)),
    "web": Reference("web", {"title": "On the web", "URL": "https://example.org/a?b=1&c=2"}, Position(3)),
}

TEXT = """# Title [@menz2013]

Some text [@menz2013; @web]. More [@nobody] and [@local].

## Part [@web]

Again [@menz2013], [@web; @local].
"""


class Unknown(Treeprocessor):  # type: ignore[misc]  # markdown ships no types
    """A later tree processor the extension does not know: it must build everything in the tree."""

    def run(self, root: etree.Element) -> None:
        return None


def _hook(li: etree.Element, ref: Reference) -> None:
    span = etree.SubElement(li, "span", {"class": "hg-ref__evidence"})
    link = etree.SubElement(span, "a", {"href": "../evidence.md"})
    link.text = ref.id
    link.tail = "."


def _convert(unknown: bool) -> tuple[str, HealthGuideExtension]:
    ext = HealthGuideExtension(REFERENCES, reference_hooks=(_hook,), collect=False)
    md = markdown.Markdown(extensions=["toc", ext])
    if unknown:
        md.treeprocessors.register(Unknown(md), "unknown", 3)
    return md.convert(TEXT), ext


def test_finished_early_is_the_tree_path_byte_for_byte() -> None:
    early, fast = _convert(unknown=False)
    tree, slow = _convert(unknown=True)
    assert early == tree
    assert fast._heads and not slow._heads   # each conversion took the path it should
    assert 'rel="noopener noreferrer"' in early and "&amp; posture &lt;in&gt;" in early


def test_a_preview_in_a_heading_stays_in_the_tree_for_the_toc() -> None:
    ext = HealthGuideExtension(REFERENCES, collect=False)
    md = markdown.Markdown(extensions=["toc", ext])
    md.convert(TEXT)
    names = [item["name"] for item in md.toc_tokens[0]["children"]]
    assert any("On the web" in name for name in names)


def test_a_heading_that_could_take_a_previews_id_keeps_the_tree_path() -> None:
    """toc makes a heading's id unique against the ids it sees: a preview's id must be among them."""
    def convert(text: str, unknown: bool) -> str:
        md = markdown.Markdown(extensions=["toc", HealthGuideExtension(REFERENCES, collect=False)])
        if unknown:
            md.treeprocessors.register(Unknown(md), "unknown", 3)
        return md.convert(text)

    text = "Text [@web].\n\n## Ref web preview 1 0\n"
    assert convert(text, unknown=False) == convert(text, unknown=True)
    assert 'id="ref-web-preview-1-0_1"' in convert(text, unknown=False)
