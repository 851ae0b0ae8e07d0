"""One module per output format, imported only when chosen. Only text.py imports rich."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:  # the registry is read by the CLI at start-up: keep it import-free
    from checker.report import Report


class Reporter(Protocol):
    def __call__(self, report: Report, out: TextIO, *, color: bool) -> None: ...


REPORTERS: dict[str, str] = {
    "text": "checker.reporters.text",
    "json": "checker.reporters.json",
    "sarif": "checker.reporters.sarif",
    "github": "checker.reporters.github",
    "junit": "checker.reporters.junit",
}
FORMATS: tuple[str, ...] = tuple(REPORTERS)


def get(name: str) -> Reporter:
    render: Reporter = import_module(REPORTERS[name]).render
    return render
