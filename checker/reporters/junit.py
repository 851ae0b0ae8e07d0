"""JUnit XML for CI report viewers: one test suite per file, one test case per rule
evaluated on it. A rule with findings at or above --fail-on fails; one with only lower
findings passes and carries them in system-out; a file that could not be checked is a
single failed INPUT or SCHEMA case. Waived findings never fail a case: they are listed in
system-out (or with the failure), marked as waived.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO

from checker.i18n import SEVERITY_NAMES, WAIVED_NAME, Lang
from checker.report import FileReport, Finding, Report, Tally
from checker.reporters import citations, render_with, shown_path
from checker.text import printable


def _line(f: Finding, lang: str) -> str:
    language: Lang = "en" if lang == "en" else "vi"
    where = f"{f.position.line}:{f.position.column} " if f.position else ""
    severity = SEVERITY_NAMES[str(f.severity)][language]
    text = f"{where}{severity} {f.rule} {f.pointer or '/'}: {f.message}"
    cites = citations(f, lang)
    if cites:
        text += f" ({cites})"
    if f.waived:
        text += f" [{WAIVED_NAME[language]}] {f.waived.note}"
    return printable(text)


def _text(findings: list[Finding], lang: str) -> str:
    return "\n".join(_line(f, lang) for f in findings)


def _suite(fr: FileReport, report: Report) -> ET.Element:
    by_rule: dict[str, list[Finding]] = {}
    for f in fr.findings:
        by_rule.setdefault(f.rule, []).append(f)
    names = sorted(set(fr.rules_run) | set(by_rule))
    suite = ET.Element("testsuite", name=shown_path(fr.path), tests=str(len(names)))
    failures = 0
    for rid in names:
        case = ET.SubElement(suite, "testcase", classname=shown_path(fr.path),
                             name=printable(rid))
        found = by_rule.get(rid, [])
        failing = [f for f in found
                   if f.waived is None and report.fail_on is not None
                   and f.severity.rank >= report.fail_on.rank]
        if failing:
            failures += 1
            fail = ET.SubElement(case, "failure", type=str(failing[0].severity),
                                 message=printable(failing[0].message))
            fail.text = _text(found, report.lang)
        elif found:
            ET.SubElement(case, "system-out").text = _text(found, report.lang)
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", "0")
    return suite


def render(report: Report, out: TextIO, *, color: bool = False) -> None:
    render_with(Writer, report, out, color)


class Writer:
    """The XML that ElementTree writes for the whole tree (ET.indent, then tostring),
    byte for byte, one suite at a time. The root's attributes carry the totals of
    tests and failures, which are known only at the end: the suites are written to a
    temporary file (the spool) as they arrive, and at the end the root's start tag is
    written, then the spool is copied after it. Memory holds one suite."""

    def __init__(self, head: Report, out: TextIO, *, color: bool = False) -> None:
        import tempfile

        self.head, self.out = head, out
        self.tests = self.failures = 0
        self.spool = tempfile.TemporaryFile(  # noqa: SIM115 (closed by close)
            "w+", encoding="utf-8", errors="surrogatepass",
            prefix="checker-junit-")

    def file(self, fr: FileReport) -> None:
        suite = _suite(fr, self.head)
        self.tests += int(suite.get("tests", "0"))
        self.failures += int(suite.get("failures", "0"))
        # Indented as the first child of the root, as ET.indent indents every child; the
        # text before it and the tail after it are the root's, written here.
        holder = ET.Element("testsuites")
        holder.append(suite)
        ET.indent(holder)
        suite.tail = None
        self.spool.write("\n  ")
        self.spool.write(ET.tostring(suite, encoding="unicode"))

    def close(self, tally: Tally) -> None:
        root = ET.Element("testsuites", name="checker", tests=str(self.tests),
                          failures=str(self.failures))
        try:
            self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
            if tally.files == 0:
                self.out.write(ET.tostring(root, encoding="unicode"))
            else:
                start = ET.tostring(root, encoding="unicode")  # <testsuites … />
                self.out.write(start[:-3] + ">")
                self.spool.seek(0)
                while chunk := self.spool.read(1 << 14):
                    self.out.write(chunk)
                self.out.write("\n</testsuites>")
            self.out.write("\n")
        finally:
            self.spool.close()
