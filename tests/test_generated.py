"""What is generated from the front-matter schema stays in step with it: PageMeta, the scaffold, CONTRIBUTING.md."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from healthguide.checks.frontmatter import check_page
from healthguide.load import frontmatter
from healthguide.load.loader import rendered_page
from healthguide.load.schema import FIELDS, TABLE_END, TABLE_START, markdown_table, parse_meta, scaffold_lines
from healthguide.model import PageMeta, PageType
from support import ROOT, UPDATE

CONTRIBUTING = ROOT / "CONTRIBUTING.md"


def test_page_meta_has_one_attribute_per_key() -> None:
    names = {f.name for f in dataclasses.fields(PageMeta)}
    written = {f"{k}_written" for k, f in FIELDS.items() if f.path and f.kind == "list-of-text"}
    assert names == set(FIELDS) | written


@pytest.mark.parametrize("kind", list(PageType), ids=lambda k: k.value)
def test_scaffold_writes_what_the_schema_requires_and_passes_the_contract(kind: PageType) -> None:
    lines = scaffold_lines(kind, title="Heel cups: do they help?", author="editorial-team", today=dt.date(2026, 11, 23),
                           pillar="topic/index.md" if kind is PageType.SPOKE else None)
    keys = [line.split(":", 1)[0] for line in lines]
    assert [k for k, f in FIELDS.items() if f.required(kind)] == [k for k in keys if FIELDS[k].required(kind)]
    assert all(kind in FIELDS[k].allowed_for for k in keys)
    part = frontmatter.split("new.md", "\n".join(["---", *lines, "---", "", "Body."]))
    page = rendered_page("new.md", "\n".join(["---", *lines, "---", "", "Body."]).encode(), None, 10**6)
    assert part.meta and not list(check_page(page)), list(check_page(page))
    assert page.front == parse_meta(part.meta) and page.front.type is kind


def test_contributing_front_matter_table_is_generated_from_the_schema() -> None:
    text = CONTRIBUTING.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(TABLE_START) + r"\n(.*?)\n" + re.escape(TABLE_END), re.DOTALL)
    found = pattern.search(text)
    assert found, f"CONTRIBUTING.md lost its generated front-matter table ({TABLE_START})"
    if UPDATE:
        CONTRIBUTING.write_text(pattern.sub(lambda _: f"{TABLE_START}\n{markdown_table()}\n{TABLE_END}", text), encoding="utf-8")
        return
    assert found.group(1) == markdown_table(), "CONTRIBUTING.md's front-matter table drifted from the schema: run `make snapshots`"


def test_contributing_example_uses_every_key() -> None:
    text = CONTRIBUTING.read_text(encoding="utf-8")
    example = text.split("### Front matter", 1)[1].split("```yaml", 1)[1].split("```", 1)[0]
    keys = re.findall(r"^(\w+):", example, flags=re.MULTILINE)
    assert keys == list(FIELDS)
