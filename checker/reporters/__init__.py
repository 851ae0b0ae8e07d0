"""One module per output format, imported only when chosen. Only text.py imports rich."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:  # the registry is read by the CLI at start-up: keep it import-free
    from checker.report import Finding, Report


class Reporter(Protocol):
    def __call__(self, report: Report, out: TextIO, *, color: bool) -> None: ...


REPORTERS: dict[str, str] = {
    "text": "checker.reporters.text",
    "json": "checker.reporters.json",
    "sarif": "checker.reporters.sarif",
    "github": "checker.reporters.github",
    "junit": "checker.reporters.junit",
    "html": "checker.reporters.html",  # issue 13: one self-contained, printable file
}
FORMATS: tuple[str, ...] = tuple(REPORTERS)


def get(name: str) -> Reporter:
    render: Reporter = import_module(REPORTERS[name]).render
    return render


def path_text(path: str) -> str:
    """A path as text that can be written in any format: a file name that is not UTF-8
    (bytes Python holds as lone surrogates) has each such byte shown as \\xNN, always the
    same way. Otherwise the path itself."""
    try:
        raw = path.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that stands for no byte: shown as \\udXXX
        return path.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def path_bytes(path: str) -> bytes:
    """The bytes of a file name, as the file system has them (for URIs)."""
    try:
        return path.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return path.encode("utf-8", "backslashreplace")


def shown_path(path: str) -> str:
    """A path for a line of text: path_text, with control characters escaped too."""
    from checker.text import printable

    return printable(path_text(path))


def citations(f: Finding, lang: str) -> str:
    """A finding's citations with the confidence of each, in one language: "khoản 3 Điều
    18 80-QĐ/TW (độ tin cậy khá cao); …"."""
    from checker.i18n import CONFIDENCE_NAMES, Lang, t

    language: Lang = "en" if lang == "en" else "vi"
    parts = []
    for c in f.cites:
        level = CONFIDENCE_NAMES[str(c.confidence)][language]
        parts.append(f"{c.label(language)} ({t('confidence', language, level=level)})")
    return "; ".join(parts)
