"""GitHub Actions workflow commands: one annotation per finding, with file and line. A
waived finding is a `notice` that says which waiver covers it.

https://docs.github.com/actions/reference/workflow-commands-for-github-actions
"""

from __future__ import annotations

from typing import TextIO

from checker.report import FileReport, Finding, Report, Severity, Tally
from checker.reporters import citations, render_with, shown_path
from checker.text import printable

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def line(path: str, f: Finding, lang: str = "vi") -> str:
    props = [f"file={_prop(shown_path(path))}"]
    if f.position:
        props += [f"line={f.position.line}", f"col={f.position.column}"]
    props.append(f"title={_prop(f.rule)}")
    cites = citations(f, lang)
    text = f"{f.message} [{f.pointer or '/'}]" + (f" ({cites})" if cites else "")
    if f.waived:
        text += f" {f.waived.note}"
    level = "notice" if f.waived else LEVELS[f.severity]
    return f"::{level} {','.join(props)}::{_data(printable(text))}"


def render(report: Report, out: TextIO, *, color: bool = False) -> None:
    render_with(Writer, report, out, color)


class Writer:
    """One line per finding, as each file arrives."""

    def __init__(self, head: Report, out: TextIO, *, color: bool = False) -> None:
        self.out, self.lang = out, head.lang

    def file(self, fr: FileReport) -> None:
        for f in fr.findings:
            self.out.write(line(fr.path, f, self.lang) + "\n")

    def close(self, tally: Tally) -> None:
        pass
