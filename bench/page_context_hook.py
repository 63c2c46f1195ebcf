"""A MkDocs hook for the ``mkdocs-extension`` bench tool: tells ``healthguide.extension`` which page it converts.

``healthguide.extension`` renders the reader's markup (citations, previews, reference lists and the model's page
parts) wherever the engine says which page it converts, as Zensical does through its ``rendering_context``
preprocessor. Plain MkDocs says nothing, so the extension stays idle there. This hook stands in for Zensical's
context, and only that: no healthguide plugin runs, so the build has the site's own markup without the checks.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor


class _Context(Preprocessor):  # type: ignore[misc]  # markdown ships no types
    """Holds ``page`` (``path``, ``meta``) and ``config`` (``root_dir``) like Zensical's rendering context."""

    def __init__(self, md: Markdown, page: Any, config: dict[str, str]) -> None:
        super().__init__(md)
        self.page, self.config = page, config

    def run(self, lines: list[str]) -> list[str]:
        return lines


class _ContextExtension(Extension):  # type: ignore[misc]
    def __init__(self) -> None:
        super().__init__()
        self.page: Any = None
        self.root = ""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        if self.page is not None:
            md.preprocessors.register(_Context(md, self.page, {"root_dir": self.root}), "rendering_context", 100)


_CONTEXT = _ContextExtension()


def on_config(config: Any) -> Any:
    """First in ``markdown_extensions``, so the context is there when ``healthguide.extension`` looks for it."""
    _CONTEXT.root = str(Path(config.config_file_path).parent)
    config["markdown_extensions"].insert(0, _CONTEXT)
    return config


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """The page MkDocs converts next."""
    _CONTEXT.page = SimpleNamespace(path=page.file.src_uri, meta=page.meta)
    return markdown
