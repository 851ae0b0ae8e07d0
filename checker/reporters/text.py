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

Colour only on a terminal (or when asked); otherwise plain text, so that piped output
and golden files are byte-stable.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TextIO

from rich.console import Console
from rich.markup import escape
from rich.text import Text

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
from checker.report import Applied, Citation, FileReport, Finding, Report, Severity
from checker.reporters import shown_path
from checker.text import printable, words, wrap, wrap_text

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_WAIVED_STYLE = "magenta"

BODY = "    "  # the hanging indent of a finding's message, citations and waiver
MORE = "      "  # the continuation of a line that itself starts at BODY
FILE_NOTE = "  "  # the regulations applied, under a file's findings


def render(report: Report, out: TextIO, *, color: bool = False) -> None:
    lang: Lang = "en" if report.lang == "en" else "vi"
    width = report.width
    console = Console(
        file=out, force_terminal=color, no_color=not color, width=width,
        soft_wrap=True, highlight=False, emoji=False, legacy_windows=False,
    )
    for fr in report.files:
        if not fr.findings and (report.quiet or not report.verbose):
            continue
        path = shown_path(fr.path)
        for f in fr.findings:
            _finding(console, path, f, lang, width)
        if not fr.findings:
            _lines(console, wrap_text(f"{path}: {t('clean', lang)}", width, indent=BODY),
                   "green")
        if not report.quiet:
            for line in applied_lines(fr, lang):
                _lines(console, wrap_text(line, width, first=FILE_NOTE, indent=BODY), "dim")
        console.print()
    if report.statistics:
        _statistics(console, report, lang)
    if report.quiet:
        return
    waived = report.count_waived()
    summary = t(
        "summary-waived" if waived else "summary", lang,
        files=count(len(report.files), "file", lang),
        errors=count(report.count(Severity.ERROR), "error", lang),
        warnings=count(report.count(Severity.WARNING), "warning", lang),
        infos=count(report.count(Severity.INFO), "info", lang),
        waived=count(waived, "finding", lang),
    )
    _lines(console, wrap_text(summary, width, indent=BODY), "bold")


def _lines(console: Console, lines: Sequence[str], style: str) -> None:
    for line in lines:
        console.print(Text(line, style=style))


def _finding(console: Console, path: str, f: Finding, lang: Lang, width: int) -> None:
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
        line = Text(BODY if n else "")
        if n == 0:
            line.append(where, style="bold")
            line.append(" ")
            line.append(sev, style=style)
            line.append(" ")
            line.append(f.rule, style="bold")
            a += 1
        line.append(" ".join(atoms[a:b]) if n else "".join(" " + x for x in atoms[a:b]))
        console.print(line)
    # The pointer, then each citation, its confidence in parentheses kept in one piece.
    cite_atoms = [printable(f.pointer or "/")]
    merged = _merged(f.cites, lang)
    for n, (label, level) in enumerate(merged):
        cite_atoms += (["·"] if n == 0 else []) + words(label)
        cite_atoms.append(f"({level})" + (";" if n < len(merged) - 1 else ""))
    _lines(console, [(BODY if n == 0 else MORE) + " ".join(cite_atoms[a:b]) for n, (a, b)
                     in enumerate(wrap(cite_atoms, width, first=len(BODY), indent=len(MORE)))],
           "dim")
    if f.waived:
        _lines(console, wrap_text(printable(f.waived.note), width, first=BODY, indent=MORE),
               _WAIVED_STYLE)


def merged_citations(cites: Sequence[Citation], lang: Lang) -> list[str]:
    """The citations of a finding, each with its confidence, with the points of one
    clause merged into one citation ("điểm a, b, c, d khoản 2 Điều 34 170/2025/NĐ-CP (độ
    tin cậy cao)"), in the order they are first cited. Citations that differ in anything
    but the point (the clause, the amending text, the confidence) stay apart, and so does
    a citation of a whole clause beside citations of its points. Repeated ones are said
    once. The names come from Citation.label, unchanged."""
    return [f"{label} ({level})" for label, level in _merged(cites, lang)]


def _merged(cites: Sequence[Citation], lang: Lang) -> list[tuple[str, str]]:
    """merged_citations as (label, "độ tin cậy cao") pairs."""
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
    return parts


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


def _statistics(console: Console, report: Report, lang: Lang) -> None:
    """Findings per rule, most frequent first (then by rule id), with their severity."""
    counts: dict[str, tuple[int, Severity]] = {}
    for fr in report.files:
        for f in fr.findings:
            n, sev = counts.get(f.rule, (0, f.severity))
            counts[f.rule] = (n + 1, max(sev, f.severity, key=lambda s: s.rank))
    if not counts:
        return
    console.print(Text(t("statistics", lang), style="bold"))
    for rule, (n, sev) in sorted(counts.items(), key=lambda x: (-x[1][0], x[0])):
        console.print(escape(f"{n:>7}  {SEVERITY_NAMES[str(sev)][lang]:<9} {rule}"),
                      highlight=False)
    console.print()
