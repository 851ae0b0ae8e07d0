"""One self-contained, printable HTML file (`--format html`, with --output), in the run's
language: a summary of the run, then a section per case with the procedure's timeline
(each dated act in order, its deadlines and whether they were met, each step's quorum
and votes drawn as bars against the thresholds), the dossier as a checklist, and every
finding beside the part of the case it concerns, with its citations and the pack's
verbatim quote of each article (issue 13, points 3 and 4).

No script, no external asset, no network: the styles are inline and the fonts the
system's. Printed, it is laid out on A4. The same input gives the same bytes: no date of
the run, no absolute path (the files are named as the report names them).

What is drawn comes from checker.htmlview; the case itself is read again from the files
the CLI names in Report.case_files (a case read from standard input cannot be, so its
section lists the findings only).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import IO, Any, TextIO

from checker.htmlview import (
    Bar,
    CaseView,
    DeadlineView,
    EventView,
    FindingView,
    ItemView,
    ReportView,
    case_view,
)
from checker.i18n import Lang, count, fmt_date, html_text
from checker.report import FileReport, Report, Severity, Tally
from checker.reporters import path_text, render_with
from checker.text import printable

CSS = """
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; font-size: 10pt;
  line-height: 1.35; color: #1a1a1a; margin: 0 auto; max-width: 186mm; padding: 6mm 0; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 0 0 1mm; border-bottom: 2px solid #444; padding-bottom: 1mm; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm; }
p { margin: 1mm 0; }
code, .ptr { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; }
.wrap, td, th, p, li, blockquote { overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #bbb; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num, th.num { text-align: right; width: 19mm; overflow-wrap: normal; }
section.case { margin-top: 8mm; break-before: page; }
section.case:first-of-type { break-before: auto; }
.meta { color: #333; }
ol.timeline { list-style: none; margin: 0; padding: 0; border-left: 3px solid #888;
  margin-left: 26mm; }
ol.timeline > li { position: relative; margin: 0 0 2.5mm; padding-left: 4mm;
  break-inside: avoid; }
ol.timeline > li::before { content: ""; position: absolute; left: -2.6mm; top: 1.2mm;
  width: 2.2mm; height: 2.2mm; border-radius: 50%; background: #2e7d32; }
ol.timeline > li.st-error::before { background: #c62828; }
ol.timeline > li.st-warning::before { background: #e69500; }
ol.timeline > li.st-info::before, ol.timeline > li.st-open::before { background: #607d8b; }
.when { position: absolute; left: -27mm; width: 22mm; text-align: right; font-weight: bold;
  white-space: nowrap; font-size: 9pt; }
.mark { display: inline-block; font-size: 8pt; padding: 0 1.5mm; border-radius: 1mm;
  color: #fff; background: #2e7d32; }
.mark.st-error { background: #c62828; } .mark.st-warning { background: #e69500; }
.mark.st-info, .mark.st-open { background: #607d8b; } .mark.st-waived { background: #8e24aa; }
.detail { color: #333; }
ul.deadlines { margin: 1mm 0; padding-left: 5mm; }
ul.deadlines li.met { color: #2e7d32; } ul.deadlines li.missed { color: #c62828; }
ul.deadlines li.open { color: #555; }
.bars { margin: 1mm 0 1.5mm; }
.bar-row { display: grid; grid-template-columns: 30mm 50mm 1fr; gap: 2mm; align-items: center;
  margin: 0.6mm 0; break-inside: avoid; }
.bar-label { overflow-wrap: anywhere; }
.bar { position: relative; height: 3.2mm; background: #e6e6e6; border: 1px solid #999; }
.fill { position: absolute; left: 0; top: 0; bottom: 0; background: #2e7d32; }
.fill.fail { background: #c62828; } .fill.none { background: #607d8b; }
.line { position: absolute; top: -1mm; bottom: -1mm; border-left: 2px solid #000; }
.line.second { border-left: 2px dashed #555; }
.bar-text { font-size: 8.5pt; }
.base { font-size: 8.5pt; color: #555; }
.finding { border-left: 3px solid #c62828; padding: 0.5mm 0 0.5mm 2.5mm; margin: 1.5mm 0;
  break-inside: avoid; }
.finding.sev-warning { border-color: #e69500; } .finding.sev-info { border-color: #607d8b; }
.finding.waived { border-color: #8e24aa; }
.where { color: #555; font-size: 8.5pt; }
.rule-title { font-weight: bold; }
.cite { margin: 0.8mm 0 0; font-size: 9pt; }
blockquote { margin: 0.5mm 0 1mm 3mm; padding-left: 2mm; border-left: 2px solid #bbb;
  font-style: italic; font-size: 9pt; color: #333; }
.noquote { color: #777; font-size: 8.5pt; font-style: italic; }
.applied { color: #444; font-size: 9pt; }
.ok { color: #2e7d32; }
footer { margin-top: 6mm; color: #777; font-size: 8pt; }
"""


def render(report: Report, out: TextIO, *, color: bool = False) -> None:
    render_with(Writer, report, out, color)


class Writer:
    """The page of `page`, byte for byte, written as the files come (issue 15: memory
    does not grow with the number of files). The summary at the top needs the totals, so
    each case's row and section go to two temporary files (spools) as they arrive; at
    the end the head is written with the totals, then the rows, then the sections."""

    def __init__(self, head: Report, out: TextIO, *, color: bool = False) -> None:
        import datetime as dt
        import tempfile

        self.head, self.out = head, out
        self.lang: Lang = "en" if head.lang == "en" else "vi"
        self.paths = dict(head.case_files)
        self.as_of = dt.date.fromisoformat(head.as_of) if head.as_of else None
        self.today = dt.date.fromisoformat(head.today) if head.today else None
        # surrogatepass: a path keeps exactly the characters it had
        self.rows, self.cases = (tempfile.TemporaryFile(  # noqa: SIM115 (closed by close)
            "w+", encoding="utf-8", errors="surrogatepass", prefix="checker-html-")
            for _ in range(2))
        self.n = 0

    def file(self, fr: FileReport) -> None:
        from checker.reporters.text import applied_lines

        self.n += 1
        case, data = _read_again(fr, self.paths.get(fr.path), self.lang)
        c = case_view(self.n, fr, case, data, self.lang, as_of=self.as_of, today=self.today,
                      applied=applied_lines(fr, self.lang))
        self.rows.write(_summary_row(c) + "\n")
        self.cases.write(_case(c, self.lang) + "\n")

    def close(self, tally: Tally) -> None:
        counts = {"error": tally.errors, "warning": tally.warnings, "info": tally.infos,
                  "waived": tally.waived}
        try:
            for part in _head_parts(counts, tally.files, self.head, self.lang):
                self.out.write(part + "\n")
            self._copy(self.rows)
            self.out.write("</tbody></table>\n</header>\n<main>\n")
            self._copy(self.cases)
            for part in _tail_parts(self.lang):
                self.out.write(part + "\n")
        finally:
            self.rows.close()
            self.cases.close()

    def _copy(self, spool: IO[str]) -> None:
        spool.seek(0)
        while chunk := spool.read(1 << 14):
            self.out.write(chunk)


# ------------------------------------------------------------------------ the view


def build(report: Report, lang: Lang) -> ReportView:
    import datetime as dt

    from checker.reporters.text import applied_lines

    files = dict(report.case_files)
    as_of = dt.date.fromisoformat(report.as_of) if report.as_of else None
    today = dt.date.fromisoformat(report.today) if report.today else None
    cases = []
    for n, fr in enumerate(report.files, 1):
        case, data = _read_again(fr, files.get(fr.path), lang)
        cases.append(case_view(n, fr, case, data, lang, as_of=as_of, today=today,
                               applied=applied_lines(fr, lang)))
    counts = {str(s): report.count(s) for s in Severity} | {"waived": report.count_waived()}
    return ReportView(lang, counts, tuple(cases))


def _read_again(fr: FileReport, path: str | None,
                lang: Lang) -> tuple[Any, dict[str, Any] | None]:
    """The validated case and its JSON, read again from the file the CLI checked; None
    when there is none (standard input), or it no longer reads as a case."""
    if path is None or any(f.rule in ("INPUT", "SCHEMA", "INTERNAL") for f in fr.findings):
        return None, None
    from checker.light import Drift, build_case
    from checker.loading import load

    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError:
        return None, None
    doc = load(fr.path, raw, lang)
    if not hasattr(doc, "data") or not isinstance(doc.data, dict):
        return None, None
    try:
        return build_case(doc.data), doc.data
    except Drift:  # the light reader defers to the model, as the check did
        pass
    from pydantic import ValidationError

    from checker.model import as_read, validate_case

    try:
        return as_read(validate_case(doc.data)), doc.data
    except ValidationError:
        return None, None


# ------------------------------------------------------------------------ HTML


def _e(s: str) -> str:
    """Text for HTML: control and format characters shown as escapes, then escaped."""
    return html.escape(printable(s), quote=True)


def page(view: ReportView, report: Report) -> str:
    """The whole page of a view held in memory (the tests' view; `Writer` streams it)."""
    lang = view.lang
    parts = _head_parts(view.counts, len(view.cases), report, lang)
    parts += [_summary_row(c) for c in view.cases]
    parts += ["</tbody></table>", "</header>", "<main>"]
    parts += [_case(c, lang) for c in view.cases]
    parts += _tail_parts(lang)
    return "\n".join(parts) + "\n"


def _head_parts(counts: Mapping[str, int], files: int, report: Report,
                lang: Lang) -> list[str]:
    """The page up to the summary table's rows, one line each."""
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="generator" content="checker">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(html_text('title', lang))}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{_e(html_text('title', lang))}</h1>",
        f"<p>{_e(_summary(counts, files, lang))}</p>",
    ]
    if counts.get("waived"):
        waived = count(counts["waived"], "finding", lang)
        parts.append(f"<p>{_e(html_text('summary-waived', lang, waived=waived))}</p>")
    if report.today or report.as_of:
        day = report.today or report.as_of or ""
        parts.append(f"<p>{_e(html_text('as-of', lang, date=fmt_date(day, lang)))}</p>")
    parts += _table_head(lang)
    return parts


def _tail_parts(lang: Lang) -> list[str]:
    from checker import __version__

    return ["</main>",
            f"<footer><p>{_e(html_text('generator', lang, version=__version__))}</p></footer>",
            "</body>", "</html>"]


def _summary(counts: Mapping[str, int], files: int, lang: Lang) -> str:
    return html_text("summary-line", lang, files=count(files, "file", lang),
                     errors=count(counts.get("error", 0), "error", lang),
                     warnings=count(counts.get("warning", 0), "warning", lang),
                     infos=count(counts.get("info", 0), "info", lang))


def _counts(counts: Mapping[str, int], lang: Lang) -> str:
    return html_text("case-counts", lang, errors=count(counts.get("error", 0), "error", lang),
                     warnings=count(counts.get("warning", 0), "warning", lang),
                     infos=count(counts.get("info", 0), "info", lang))


def _table_head(lang: Lang) -> list[str]:
    return [
        "<table class=\"summary\">",
        "<colgroup><col><col style=\"width: 34mm\"><col style=\"width: 34mm\"><col><col><col>"
        "</colgroup>",
        "<thead><tr>" + "".join(
            f'<th{cls}>{_e(html_text(k, lang))}</th>' for k, cls in (
                ("col-file", ""), ("col-case", ""), ("col-procedure", ""),
                ("col-errors", ' class="num"'), ("col-warnings", ' class="num"'),
                ("col-infos", ' class="num"'))) + "</tr></thead>",
        "<tbody>",
    ]


def _summary_row(c: CaseView) -> str:
    return (f'<tr><td><a href="#{c.anchor}">{_e(path_text(c.path))}</a></td>'
            f"<td>{_e(c.case_id or '')}</td><td>{_e(c.procedure or '')}</td>"
            f'<td class="num">{c.counts["error"]}</td>'
            f'<td class="num">{c.counts["warning"]}</td>'
            f'<td class="num">{c.counts["info"]}</td></tr>')


def _case(c: CaseView, lang: Lang) -> str:
    title = f"{c.case_id} — {path_text(c.path)}" if c.case_id else path_text(c.path)
    out = [f'<section class="case" id="{c.anchor}">', f"<h2>{_e(title)}</h2>"]
    if c.procedure:
        out.append(f'<p class="meta">{_e(html_text("procedure", lang, procedure=c.procedure))}'
                   "</p>")
    if c.subject:
        out.append(f'<p class="meta">{_e(html_text("subject", lang, name=c.subject))}</p>')
    if c.post:
        out.append(f'<p class="meta">{_e(html_text("post", lang, post=c.post, unit=c.unit))}'
                   "</p>")
    out.append(f'<p class="meta">{_e(_counts(c.counts, lang))}</p>')
    if not c.readable:
        out.append(f"<p>{_e(html_text('no-details', lang))}</p>")
    else:
        out.append(f"<h3>{_e(html_text('timeline', lang))}</h3>")
        if c.timeline:
            out.append('<ol class="timeline">')
            out += [_event(e, lang) for e in c.timeline]
            out.append("</ol>")
        else:
            out.append(f"<p>{_e(html_text('no-timeline', lang))}</p>")
        out.append(f"<h3>{_e(html_text('checklist', lang))}</h3>")
        if c.checklist:
            out.append(_checklist(c.checklist, lang))
        else:
            out.append(f"<p>{_e(html_text('no-dossier', lang))}</p>")
        out += _findings(c.checklist_findings, lang)
    if c.other:
        out.append(f"<h3>{_e(html_text('other', lang))}</h3>")
        out += _findings(c.other, lang)
    if not any(c.counts[k] for k in ("error", "warning", "info")) and not c.counts["waived"]:
        out.append(f'<p class="ok">{_e(html_text("clean", lang))}</p>')
    if c.applied:
        out.append(f"<h3>{_e(html_text('applied', lang))}</h3>")
        out += [f'<p class="applied">{_e(line)}</p>' for line in c.applied]
    out.append("</section>")
    return "\n".join(out)


def _mark(status: str, lang: Lang) -> str:
    return f'<span class="mark st-{status}">{_e(html_text("mark-" + status, lang))}</span>'


def _event(e: EventView, lang: Lang) -> str:
    out = [f'<li class="event st-{e.status}">',
           f'<div class="when"><time datetime="{e.date}">{_e(fmt_date(e.date, lang))}</time>'
           "</div>",
           f"<p>{_mark(e.status, lang)} <strong>{_e(e.label)}</strong></p>"]
    if e.detail:
        out.append(f'<p class="detail">{_e(e.detail)}</p>')
    if e.deadlines:
        out.append('<ul class="deadlines">')
        out += [_deadline(d, lang) for d in e.deadlines]
        out.append("</ul>")
    if e.meeting is not None:
        m = e.meeting
        out.append('<div class="bars">')
        if m.quorum is not None:
            out.append(_bar(m.quorum, lang, quorum=True))
        out += [_bar(b, lang, share=not m.vote_base) for b in m.votes]
        if m.vote_base:
            out.append(f'<p class="base">{_e(html_text("base-" + m.vote_base, lang))}</p>')
        out.append("</div>")
    out += _findings(e.findings, lang)
    out.append("</li>")
    return "\n".join(out)


def _deadline(d: DeadlineView, lang: Lang) -> str:
    values = {"title": d.title, "due": fmt_date(d.due, lang),
              "actual": fmt_date(d.actual, lang) if d.actual else ""}
    if d.met is True:
        key, cls = "deadline-met", "met"
    elif d.met is False:
        key, cls = ("deadline-missed" if d.actual else "deadline-overdue"), "missed"
    else:
        key, cls = ("deadline-undecided" if d.actual else "deadline-open"), "open"
    return f'<li class="{cls}">{_e(html_text(key, lang, **values))}</li>'


def _pct(x: Fraction) -> str:
    """A share for a style: 0–100 with one decimal, the same on every machine."""
    v = min(max(x, Fraction(0)), Fraction(1)) * 100
    return f"{round(float(v), 1):.1f}%"


def _share(x: Fraction, lang: Lang) -> str:
    text = f"{float(x) * 100:.1f}".rstrip("0").rstrip(".")
    return (text.replace(".", ",") if lang == "vi" else text) + "%"


def _ratio(x: Fraction, lang: Lang) -> str:
    """2/3 as the law writes it; 1/2 and 3/10 as shares (50%, 30%)."""
    if x.denominator == 3:
        return f"{x.numerator}/{x.denominator}"
    return _share(x, lang)


def _bar(b: Bar, lang: Lang, *, quorum: bool = False, share: bool = False) -> str:
    share_of = Fraction(b.value, b.total) if b.total else Fraction(0)
    passed = b.passed
    # A share a rule reads (a confidence vote, a body's agreement) is neither good nor bad
    # in itself: drawn neutral against its line; the findings say what follows from it.
    fill = "none" if passed is None or share else ("pass" if passed else "fail")
    if quorum:
        if b.threshold is not None:
            needed = -(-b.threshold.numerator * b.total // b.threshold.denominator)
            text = html_text("quorum-bar", lang, value=b.value, total=b.total, needed=needed,
                             ratio=_ratio(b.threshold, lang))
        else:
            text = html_text("quorum-bar-plain", lang, value=b.value, total=b.total)
    elif share and b.threshold is not None:
        text = html_text("share-bar" if b.strict else "share-bar-at-least", lang,
                         value=b.value, total=b.total, share=_share(share_of, lang),
                         ratio=_ratio(b.threshold, lang))
    elif b.threshold is not None and b.second is not None:
        text = html_text("votes-bar-carry", lang, value=b.value, total=b.total,
                         share=_share(share_of, lang), ratio=_ratio(b.threshold, lang),
                         carry=_ratio(b.second, lang))
    elif b.threshold is not None:
        text = html_text("votes-bar", lang, value=b.value, total=b.total,
                         share=_share(share_of, lang), ratio=_ratio(b.threshold, lang))
    else:
        text = html_text("votes-bar-plain", lang, value=b.value, total=b.total,
                         share=_share(share_of, lang))
    lines = ""
    if b.threshold is not None:
        lines += f'<div class="line" style="left: {_pct(b.threshold)}"></div>'
    if b.second is not None:
        lines += f'<div class="line second" style="left: {_pct(b.second)}"></div>'
    return (f'<div class="bar-row"><span class="bar-label">{_e(b.label)}</span>'
            f'<div class="bar" role="img" aria-label="{_e(text)}">'
            f'<div class="fill {fill}" style="width: {_pct(share_of)}"></div>{lines}</div>'
            f'<span class="bar-text">{_e(text)}</span></div>')


def _checklist(items: Iterable[ItemView], lang: Lang) -> str:
    rows = ['<table class="checklist">',
            '<colgroup><col><col style="width: 24mm"><col style="width: 48mm"></colgroup>',
            f"<thead><tr><th>{_e(html_text('col-item', lang))}</th>"
            f"<th>{_e(html_text('col-date', lang))}</th>"
            f"<th>{_e(html_text('col-status', lang))}</th></tr></thead>", "<tbody>"]
    for it in items:
        mark = {"present": "ok", "elsewhere": "ok", "absent": "open", "missing": "error",
                "too_old": "error", "problem": "error"}[it.status]
        if mark == "error" and it.findings and all(
                f.severity != "error" or f.waived for f in it.findings):
            mark = "warning"
        cell = "\n".join(_findings(it.findings, lang))
        rows.append(
            f'<tr class="item st-{mark}"><td>{_e(it.label)}{cell}</td>'
            f"<td>{_e(fmt_date(it.date, lang)) if it.date else ''}</td>"
            f'<td><span class="mark st-{mark}">{_e(html_text("status-" + it.status, lang))}'
            "</span></td></tr>")
    rows.append("</tbody></table>")
    return "\n".join(rows)


def _findings(findings: Iterable[FindingView], lang: Lang) -> list[str]:
    return [_finding(f, lang) for f in findings]


def _finding(f: FindingView, lang: Lang) -> str:
    from checker.i18n import SEVERITY_NAMES

    cls = f"finding sev-{f.severity}" + (" waived" if f.waived else "")
    status = "waived" if f.waived else f.severity
    name = html_text("waived", lang) if f.waived else SEVERITY_NAMES[f.severity][lang]
    out = [f'<div class="{cls}">',
           f'<p><span class="mark st-{status}">{_e(name)}</span> <code>{_e(f.rule)}</code>'
           + (f' <span class="rule-title">{_e(f.title)}</span>' if f.title else "") + "</p>",
           f"<p>{_e(f.message)}</p>"]
    pointer = f.pointer or html_text("whole-file", lang)
    if f.where:
        line, _, column = f.where.partition(":")
        where = html_text("where", lang, pointer=pointer, line=line, column=column)
    else:
        where = html_text("where-plain", lang, pointer=pointer)
    out.append(f'<p class="where">{_e(where)}</p>')
    if f.waived:
        out.append(f'<p class="where">{_e(f.waived)}</p>')
    for c in f.cites:
        out.append(f'<p class="cite"><strong>{_e(html_text("cites", lang))}:</strong> '
                   f"{_e(c.label)} ({_e(c.confidence)})</p>")
        if c.quote:
            text = "<br>".join(_e(line) for line in c.quote.splitlines())
            out.append(f'<blockquote lang="vi">«{text}»</blockquote>')
        else:
            out.append(f'<p class="noquote">{_e(html_text("no-quote", lang))}</p>')
    out.append("</div>")
    return "\n".join(out)
