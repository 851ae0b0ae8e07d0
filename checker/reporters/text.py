"""Terminal output through rich, laid out at the terminal's width (Report.width).

Each finding starts with one line that terminals and editors can follow, like ruff's
and gcc's:

    fixtures/examples/violations.json:71:18: lỗi APPT-QUORUM Tại bước 2 (hội nghị tập
        thể lãnh đạo mở rộng) chỉ có 5 trên 9 người được triệu tập có mặt; cần ít nhất 6
        người (2/3) thì hội nghị mới được tiến hành.
        /steps/1/present · khoản 2 Điều 33 170/2025/NĐ-CP (độ tin cậy cao)

The message begins on that line and goes on below it with a hanging indent, so it is
never said twice; then one line, wrapped the same way, with the JSON pointer and the
citations, where the points of one clause are merged ("điểm a, b, c, d khoản 2 Điều
34 …") and each citation says its confidence once. A waived finding shows "miễn trừ" /
"waived" in place of its severity, and the waiver under it. After a file's findings,
the regulations applied to it, one line per layer. A file without findings prints
nothing, unless verbose; then a summary line.

Colour only on a terminal (or when asked), through rich; otherwise plain text written
directly, without importing rich (issue 15: the lines are laid out here, rich only
colours them), so that piped output and golden files are byte-stable and cheap.
The report is written as the files arrive (Writer); the summary and the statistics
come from counters.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, TextIO

from checker.i18n import (
    CONFIDENCE_NAMES,
    LAYER_NAMES,
    SEVERITY_NAMES,
    WAIVED_NAME,
    Lang,
    count,
    fmt_date,
    t,
)
from checker.report import Applied, Citation, FileReport, Finding, Report, Severity, Tally
from checker.reporters import render_with, shown_path
from checker.text import printable, words, wrap, wrap_text

if TYPE_CHECKING:
    from rich.console import Console

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_WAIVED_STYLE = "magenta"

BODY = "    "  # the hanging indent of a finding's message, citations and waiver
MORE = "      "  # the continuation of a line that itself starts at BODY
FILE_NOTE = "  "  # the regulations applied, under a file's findings


Piece = tuple[str, str]  # a run of text and its style ("" for none)


class _Lines:
    """Where lines go: written as they are, or, in colour, through a rich Console (only
    then is rich imported). A line is pieces of text with their styles."""

    def __init__(self, out: TextIO, color: bool, width: int) -> None:
        self.out = out
        self.console: Console | None = None
        if color:
            from rich.console import Console

            self.console = Console(
                file=out, force_terminal=True, no_color=False, width=width,
                soft_wrap=True, highlight=False, emoji=False, legacy_windows=False,
            )

    def line(self, *pieces: Piece) -> None:
        if self.console is None:
            self.out.write("".join(text for text, _ in pieces) + "\n")
            return
        from rich.text import Text

        text = Text()
        for piece, style in pieces:
            text.append(piece, style=style or None)
        self.console.print(text)

    def lines(self, lines: Sequence[str], style: str) -> None:
        for line in lines:
            self.line((line, style))


def render(report: Report, out: TextIO, *, color: bool = False) -> None:
    render_with(Writer, report, out, color)


class Writer:
    """Each file's findings as it arrives; the statistics (counts per rule) and the
    summary at the end."""

    def __init__(self, head: Report, out: TextIO, *, color: bool = False) -> None:
        self.head = head
        self.lang: Lang = "en" if head.lang == "en" else "vi"
        self.width = head.width
        self.to = _Lines(out, color, head.width)
        self.counts: dict[str, tuple[int, Severity]] = {}  # rule -> findings, severity

    def file(self, fr: FileReport) -> None:
        head, lang, width, to = self.head, self.lang, self.width, self.to
        if head.statistics:
            for f in fr.findings:
                n, sev = self.counts.get(f.rule, (0, f.severity))
                self.counts[f.rule] = (n + 1, max(sev, f.severity, key=lambda s: s.rank))
        if not fr.findings and (head.quiet or not head.verbose):
            return
        path = shown_path(fr.path)
        for f in fr.findings:
            _finding(to, path, f, lang, width)
        if not fr.findings:
            to.lines(wrap_text(f"{path}: {t('clean', lang)}", width, indent=BODY), "green")
        if not head.quiet:
            for line in applied_lines(fr, lang):
                to.lines(wrap_text(line, width, first=FILE_NOTE, indent=BODY), "dim")
        to.line()

    def close(self, tally: Tally) -> None:
        lang, to = self.lang, self.to
        if self.head.statistics:
            _statistics(to, self.counts, lang)
        if self.head.quiet:
            return
        summary = t(
            "summary-waived" if tally.waived else "summary", lang,
            files=count(tally.files, "file", lang),
            errors=count(tally.errors, "error", lang),
            warnings=count(tally.warnings, "warning", lang),
            infos=count(tally.infos, "info", lang),
            waived=count(tally.waived, "finding", lang),
        )
        to.lines(wrap_text(summary, self.width, indent=BODY), "bold")


def _finding(to: _Lines, path: str, f: Finding, lang: Lang, width: int) -> None:
    """The header line, `path:line:col: severity RULE message…`, the rest of the message
    under it, then the pointer and citations, and the waiver if any."""
    where = f"{path}:{f.position.line}:{f.position.column}:" if f.position else f"{path}:"
    if f.waived:
        sev, style = WAIVED_NAME[lang], _WAIVED_STYLE
    else:
        sev, style = SEVERITY_NAMES[str(f.severity)][lang], _STYLE[f.severity]
    # `path:line:col: severity RULE` is one piece, never split: what editors and problem
    # matchers read. Only a long path makes it wider than the line.
    head = f"{where} {sev} {f.rule}"
    atoms = [head, *words(printable(f.message))]
    for n, (a, b) in enumerate(wrap(atoms, width, indent=len(BODY))):
        if n == 0:
            to.line((where, "bold"), (" ", ""), (sev, style), (" ", ""), (f.rule, "bold"),
                    ("".join(" " + x for x in atoms[a + 1:b]), ""))
        else:
            to.line((BODY + " ".join(atoms[a:b]), ""))
    to.lines(_cite_lines(f.pointer, f.cites, lang, width), "dim")
    if f.waived:
        to.lines(wrap_text(printable(f.waived.note), width, first=BODY, indent=MORE),
                 _WAIVED_STYLE)


@lru_cache(maxsize=4096)
def _cite_lines(pointer: str, cites: tuple[Citation, ...], lang: Lang,
                width: int) -> tuple[str, ...]:
    """The pointer, then each citation, its confidence in parentheses kept in one piece,
    wrapped. The same place and citations come back in file after file: laid out once."""
    cite_atoms = [printable(pointer or "/")]
    merged = _merged(cites, lang)
    for n, (label, level) in enumerate(merged):
        cite_atoms += (["·"] if n == 0 else []) + words(label)
        cite_atoms.append(f"({level})" + (";" if n < len(merged) - 1 else ""))
    return tuple((BODY if n == 0 else MORE) + " ".join(cite_atoms[a:b]) for n, (a, b)
                 in enumerate(wrap(cite_atoms, width, first=len(BODY), indent=len(MORE))))


def merged_citations(cites: Sequence[Citation], lang: Lang) -> list[str]:
    """The citations of a finding, each with its confidence, with the points of one
    clause merged into one citation ("điểm a, b, c, d khoản 2 Điều 34 170/2025/NĐ-CP (độ
    tin cậy cao)"), in the order they are first cited. Citations that differ in anything
    but the point (the clause, the amending text, the confidence) stay apart, and so does
    a citation of a whole clause beside citations of its points. Repeated ones are said
    once. The names come from Citation.label, unchanged."""
    return [f"{label} ({level})" for label, level in _merged(cites, lang)]


def _merged(cites: Sequence[Citation], lang: Lang) -> list[tuple[str, str]]:
    """merged_citations as (label, "độ tin cậy cao") pairs. The same few citations come
    back in every file a rule fires in: each list is merged once."""
    return list(_merged_once(tuple(cites), lang))


@lru_cache(maxsize=1024)
def _merged_once(cites: tuple[Citation, ...], lang: Lang) -> tuple[tuple[str, str], ...]:
    groups: dict[Citation, list[str]] = {}
    for c in cites:
        key = dataclasses.replace(c, point="" if c.point else None, quote=None, url=None)
        points = groups.setdefault(key, [])
        if c.point and c.point not in points:
            points.append(c.point)
    parts = []
    for key, points in groups.items():
        cit = dataclasses.replace(key, point=", ".join(points)) if points else key
        level = CONFIDENCE_NAMES[str(cit.confidence)][lang]
        parts.append((cit.label(lang), t("confidence", lang, level=level)))
    return tuple(parts)


def applied_lines(fr: FileReport, lang: Lang) -> list[str]:
    """The regulations applied to a file, one sentence per layer (in the order the layers
    come): each regulation once, those chosen by the same date and place together
    ("162-QĐ/TW, 24-QĐ/TW (theo ngày 2024-11-25 tại /decision/document/date)")."""
    layers: dict[str, dict[str, list[Applied]]] = {}
    for a in fr.applied:
        layers.setdefault(a.layer, {}).setdefault(a.label(lang), []).append(a)
    lines = []
    for layer, regulations in layers.items():
        # regulation -> the selections that chose it; regulations with the same ones merge
        merged: dict[tuple[str, ...], list[str]] = {}
        for label, chosen in regulations.items():
            how = tuple(dict.fromkeys(
                t("applied-by", lang, date=fmt_date(a.date, lang),
                  pointer=printable(a.selected_by))
                for a in chosen))
            merged.setdefault(how, []).append(label)
        text = "; ".join(f"{', '.join(labels)} ({'; '.join(how)})"
                         for how, labels in merged.items())
        lines.append(t("applied-layer", lang, layer=LAYER_NAMES[layer][lang],
                       regulations=text))
    return lines


def _statistics(to: _Lines, counts: dict[str, tuple[int, Severity]], lang: Lang) -> None:
    """Findings per rule, most frequent first (then by rule id), with their severity."""
    if not counts:
        return
    to.line((t("statistics", lang), "bold"))
    for rule, (n, sev) in sorted(counts.items(), key=lambda x: (-x[1][0], x[0])):
        to.line((f"{n:>7}  {SEVERITY_NAMES[str(sev)][lang]:<9} {rule}", ""))
    to.line()
