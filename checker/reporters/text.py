"""Terminal output through rich: per file, findings in file order with severity, rule,
message, place and citation; then the regulations applied and a summary line. A waived
finding shows "miễn trừ" / "waived" in place of its severity, and the waiver under it.

Colour only on a terminal (or when asked); otherwise plain text of a fixed width, so
that piped output and golden files are byte-stable.
"""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from checker.i18n import LAYER_NAMES, SEVERITY_NAMES, WAIVED_NAME, Lang, count, fmt_date, t
from checker.report import Finding, Report, Severity
from checker.reporters import citations, shown_path
from checker.text import printable

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_WAIVED_STYLE = "magenta"


def _where(f: Finding) -> str:
    return f"{f.position.line}:{f.position.column}" if f.position else "-"


def render(report: Report, out: TextIO, *, color: bool = False) -> None:
    lang: Lang = "en" if report.lang == "en" else "vi"
    console = Console(
        file=out, force_terminal=color, no_color=not color, width=100 if not color else None,
        soft_wrap=True, highlight=False, emoji=False, legacy_windows=False,
    )
    for fr in report.files:
        if report.quiet and not fr.findings:
            continue
        console.print(Text(shown_path(fr.path), style="bold underline"))
        for f in fr.findings:
            if f.waived:
                sev, style = WAIVED_NAME[lang], _WAIVED_STYLE
            else:
                sev, style = SEVERITY_NAMES[str(f.severity)][lang], _STYLE[f.severity]
            line = Text("  ")
            line.append(f"{_where(f):>7}  ", style="dim")
            line.append(f"{sev:<9}", style=style)
            line.append(f" {f.rule}  ", style="bold")
            line.append(printable(f.message))
            console.print(line)
            detail = printable(f.pointer or "/")
            cites = citations(f, lang)
            console.print(Text(f"{'':11}{detail}" + (f" · {cites}" if cites else ""),
                               style="dim"))
            if f.waived:
                console.print(Text(f"{'':11}{printable(f.waived.note)}", style=_WAIVED_STYLE))
        if report.quiet:
            continue
        for a in fr.applied:
            console.print(Text("  " + t("applied", lang, number=a.label(lang),
                                        layer=LAYER_NAMES[a.layer][lang],
                                        date=fmt_date(a.date, lang),
                                        selected_by=a.selected_by), style="dim"))
        if not fr.findings:
            console.print(Text("  " + t("clean", lang), style="green"))
        console.print()
    if report.statistics:
        _statistics(console, report, lang)
    if report.quiet:
        return
    waived = report.count_waived()
    console.print(escape(t(
        "summary-waived" if waived else "summary", lang,
        files=count(len(report.files), "file", lang),
        errors=count(report.count(Severity.ERROR), "error", lang),
        warnings=count(report.count(Severity.WARNING), "warning", lang),
        infos=count(report.count(Severity.INFO), "info", lang),
        waived=count(waived, "finding", lang),
    )), style="bold")


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
        console.print(f"{n:>7}  {SEVERITY_NAMES[str(sev)][lang]:<9} {rule}", highlight=False)
    console.print()
