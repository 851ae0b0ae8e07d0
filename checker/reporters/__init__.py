"""One module per output format, imported only when chosen. Only text.py imports rich,
and only for colour.

A format writes as the files arrive (issue 15): its module has a `Writer` (see
`Writer` below), made with the run's settings (a Report without files), given each
file's report in input order and then the run's totals; it keeps counters, never the
files. `render` writes a whole Report through the same Writer, so both give the same
bytes. A format that needs the whole report at once (a page with an index first) may
have only `render`: `writer` then collects the files and renders them at the end.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:  # the registry is read by the CLI at start-up: keep it import-free
    from checker.report import FileReport, Finding, Report, Tally


class Reporter(Protocol):
    def __call__(self, report: Report, out: TextIO, *, color: bool) -> None: ...


class Writer(Protocol):
    """A report written as it goes: `file` for each file's report in input order, then
    `close` once with the run's totals."""

    def file(self, fr: FileReport) -> None: ...

    def close(self, tally: Tally) -> None: ...


class WriterClass(Protocol):
    def __call__(self, head: Report, out: TextIO, *, color: bool) -> Writer: ...


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


def writer(name: str, head: Report, out: TextIO, *, color: bool) -> Writer:
    """The format's Writer; for a format that has only `render`, one that collects the
    files and renders them whole at the end."""
    module = import_module(REPORTERS[name])
    made: WriterClass | None = getattr(module, "Writer", None)
    if made is not None:
        return made(head, out, color=color)
    return _Whole(module.render, head, out, color)


class _Whole:
    """A Writer for a format that needs the whole report: holds every file's report."""

    def __init__(self, render: Reporter, head: Report, out: TextIO, color: bool) -> None:
        self.render, self.head, self.out, self.color = render, head, out, color
        self.files: list[FileReport] = []

    def file(self, fr: FileReport) -> None:
        self.files.append(fr)

    def close(self, tally: Tally) -> None:
        import dataclasses

        self.render(dataclasses.replace(self.head, files=tuple(self.files)), self.out,
                    color=self.color)


def render_with(made: WriterClass, report: Report, out: TextIO, color: bool) -> None:
    """A whole report through a format's Writer: the same bytes as a streamed run."""
    import dataclasses

    from checker.report import Tally

    w = made(dataclasses.replace(report, files=()), out, color=color)
    for fr in report.files:
        w.file(fr)
    w.close(Tally.of(report.files))


def dumps(value: object, level: int) -> str:
    """`value` as json.dumps(indent=2, ensure_ascii=False) writes it at nesting level
    `level` of a document (its first line not indented): a document written piece by
    piece is then the bytes of the whole one. A JSON text never holds a raw line break
    (one in a string is escaped), so indenting its lines is exact."""
    import json

    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)


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
