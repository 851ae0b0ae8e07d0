"""One module per output format. Only text.py imports rich."""

from __future__ import annotations

from typing import Protocol, TextIO

from checker.report import Report


class Reporter(Protocol):
    def __call__(self, report: Report, out: TextIO, *, color: bool) -> None: ...


def get(name: str) -> Reporter:
    if name == "json":
        from checker.reporters.json import render as json_render

        return json_render
    from checker.reporters.text import render as text_render

    return text_render


FORMATS: tuple[str, ...] = ("text", "json")
