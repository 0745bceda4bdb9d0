"""Renderers for checker results: one module per output format."""

from collections.abc import Callable, Sequence
from enum import StrEnum

from ..checker import CheckResult
from . import json_report, markdown, sarif, text


class Format(StrEnum):
    """The checker's report formats, as ``--format`` takes them."""

    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    SARIF = "sarif"


RENDERERS: dict[Format, Callable[[Sequence[CheckResult]], str]] = {
    Format.TEXT: text.render,
    Format.JSON: json_report.render,
    Format.MARKDOWN: markdown.render,
    Format.SARIF: sarif.render,
}

__all__ = ["RENDERERS", "Format"]
