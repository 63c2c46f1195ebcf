"""Defects planted on top of each conformance tree, in every shape a link can take.

Each planted line ends with a marker: ``expect: broken`` (MkDocs' built HTML has a broken link or
anchor there, so the checker must report that line) or ``expect: ok`` (valid, or text inside code:
nothing may be reported there). Blocks are appended to the end of a page, so the site's own lines
keep their numbers. Only syntax the tree's own ``markdown_extensions`` render is planted on it.
"""

from __future__ import annotations

import re
from pathlib import Path

MARK = re.compile(r"expect: (broken|ok)")

_COMMON = """

## Planted defects

A [missing page](no-such-page.md) in running text. <!-- expect: broken -->

| Where | Link |
| ----- | ---- |
| table | [a broken anchor]({anchor_page}#no-such-heading) <!-- expect: broken --> |
| table | [a good anchor]({anchor_page}#{good_id}) <!-- expect: ok --> |

See [the planted guide][planted-guide] for more. <!-- expect: broken -->

[planted-guide]: ../no-such-guide.md

<div class="planted">
<p>Raw HTML: <a href="../{anchor_url}#no-such-raw-anchor">an anchor</a></p> <!-- expect: broken -->
<p>Raw HTML: <a href="../nowhere-at-all/">nowhere</a></p> <!-- expect: broken -->
<p>Raw HTML: <a href="../{anchor_url}">a good page</a></p> <!-- expect: ok -->
<h4 id="planted-raw-heading">A raw heading</h4>
<a name="planted-named"></a>
</div>

A [query string]({anchor_page}?planted=1#no-such-query-anchor) link. <!-- expect: broken -->
An image ![planted](no-such-image.png) here. <!-- expect: broken -->
Valid: [raw heading](#planted-raw-heading), [named](#planted-named), [query]({anchor_page}?x=1). <!-- expect: ok -->
Mail <team@example.org> and [@someone](https://example.org/someone) are not citations. <!-- expect: ok -->

Planted term
:   A definition links to [a lost term](no-such-term.md). <!-- expect: broken -->

- A list
    - whose nested item has [a broken anchor](#no-such-list-anchor). <!-- expect: broken -->

### A heading with its own id {{ #planted-custom-id }}

Here is [the custom id](#planted-custom-id). <!-- expect: ok -->

Inline code `[x](missing-inline.md)` is text. <!-- expect: ok -->

````markdown
```
[in code](missing-in-code.md)
```
````

After the fence: [after the fence](missing-after-fence.md). <!-- expect: broken -->

    [indented code](missing-indented.md)

A folder link, [published as written]({folder_link}), resolves from the page's URL. <!-- expect: broken -->
Last: [an index page]({index_page}) and [this page's top](#planted-defects). <!-- expect: ok -->
"""

_MATERIAL = """
!!! note "Planted"

    An admonition links to [a missing page](no-such-admonition.md). <!-- expect: broken -->

=== "First tab"

    A tab links to [a broken anchor](formatting.md#no-such-tab-anchor). <!-- expect: broken -->

=== "Second tab"

    A tab links to [a good anchor](formatting.md#highlighting-text). <!-- expect: ok -->

??? info "Details"

    Details link to [a lost page](../setup/lost-in-details.md). <!-- expect: broken -->

A footnote.[^planted] <!-- expect: ok -->

[^planted]: The footnote links to [a gone page](gone-footnote.md). <!-- expect: broken -->

<div markdown>
A block of Markdown in HTML links to [a missing page](md-in-html-missing.md). <!-- expect: broken -->
</div>

[A tab id](#planted-custom-id-first-tab) and [a line of code](#__codelineno-0-1) exist. <!-- expect: ok -->

``` python linenums="1"
print("[x](missing-in-highlighted-code.md)")
```
"""

# The held-out tree renders neither attr_list, def_list nor footnotes: only what its extensions render.
_HELD_OUT = """

## Planted defects

!!! note "Planted"

    An admonition links to [a missing page](no-such-admonition.md). <!-- expect: broken -->

=== "First tab"

    A tab links to [a broken anchor](available-variables.md#no-such-variable). <!-- expect: broken -->

??? info "Details"

    Details link to [a lost page](howto/lost.md). <!-- expect: broken -->

| Where | Link |
| ----- | ---- |
| table | [a good page](howto/specify-locale.md) <!-- expect: ok --> |

See [the planted guide][planted-guide] for more. <!-- expect: broken -->

[planted-guide]: no-such-guide.md

<p>Raw HTML: <a href="../available-variables/#no-such-raw-anchor">an anchor</a></p> <!-- expect: broken -->
<p>Raw HTML: <a href="../howto/specify-locale/">a good page</a></p> <!-- expect: ok -->

A [query string](options.md?x=1#no-such-option) link, and [a folder](howto/) published as written. <!-- expect: broken -->

```yaml
link: "[in code](missing-in-code.md)"
```
"""

PLANTS: dict[str, dict[str, str]] = {
    "mkdocs": {
        "user-guide/writing-your-docs.md": _COMMON.format(
            anchor_page="configuration.md", good_id="site_name", anchor_url="configuration/",
            folder_link="../dev-guide/", index_page="../dev-guide/README.md"),
    },
    "material": {
        "reference/admonitions.md": _COMMON.format(
            anchor_page="formatting.md", good_id="highlighting-text", anchor_url="formatting/",
            folder_link="../setup/", index_page="../setup/index.md") + _MATERIAL,
    },
    "gitdate": {"options.md": _HELD_OUT},
}


def plant(name: str, tree: Path) -> dict[str, dict[int, str]]:
    """Append the planted blocks; returns, per page, each marked line and its expectation."""
    expected: dict[str, dict[int, str]] = {}
    for page, block in PLANTS[name].items():
        path = tree / "docs" / page
        text = path.read_text(encoding="utf-8").rstrip("\n") + "\n" + block
        path.write_text(text, encoding="utf-8")
        expected[page] = {n: m.group(1) for n, line in enumerate(text.split("\n"), start=1) if (m := MARK.search(line))}
    return expected
