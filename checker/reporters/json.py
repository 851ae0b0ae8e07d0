"""The JSON report: one document per run, described by schemas/report.schema.json.

Stable and versioned: `report_version` changes only when a field changes meaning or
disappears; new optional fields may be added within a version. Keys are written in a
fixed order and findings in file order, so the same input gives the same bytes.

1.1 adds waivers: a finding covered by a waiver of the case carries `waived`, and each
summary counts those in `waived`, apart from the severity counts (which before 1.1 held
every finding). A reader that ignores `waived` would take a waived error for a live one,
hence the new minor version.

1.2 adds the confidence level "medium-high" (the legal dossier's four-level scale); a
reader that knew only high, medium and low must learn it, hence a new minor version. It
also adds `amended_by` to a citation of an article as amended by a later document, and
`amends` to an applied regulation that amends another.
"""

from __future__ import annotations

from typing import Any, TextIO

from pydantic import BaseModel, ConfigDict, Field

from checker import __version__
from checker.report import Citation, FileReport, Finding, Report, Tally, Waived
from checker.reporters import dumps, path_text, render_with

REPORT_VERSION = "1.3"


def _cite(c: Citation) -> dict[str, Any]:
    out: dict[str, Any] = {"source": c.source, "number": c.number}
    for k in ("article", "clause", "point", "section"):
        v = getattr(c, k)
        if v is not None:
            out[k] = v
    if c.amended_by is not None:
        a = c.amended_by
        out["amended_by"] = {"source": a.source, "number": a.number, **{
            k: getattr(a, k) for k in ("article", "clause", "point")
            if getattr(a, k) is not None}}
    out["confidence"] = str(c.confidence)
    if c.url:
        out["url"] = c.url
    return out


def _waived(w: Waived) -> dict[str, Any]:
    out: dict[str, Any] = {"waiver": w.waiver, "pointer": w.pointer, "authority": w.authority}
    if w.authority_date:
        out["authority_date"] = w.authority_date
    out["approved_by"] = w.approved_by
    out["reason"] = w.reason
    if w.expires:
        out["expires"] = w.expires
    return out


def _finding(f: Finding) -> dict[str, Any]:
    out: dict[str, Any] = {
        "rule": f.rule,
        "severity": str(f.severity),
        "kind": str(f.kind),
        "message": f.message,
        "pointer": f.pointer,
    }
    if f.position:
        out["line"], out["column"] = f.position.line, f.position.column
    if f.rule_version is not None:
        out["rule_version"] = f.rule_version
    if f.layer:
        out["layer"] = f.layer
    out["citations"] = [_cite(c) for c in f.cites]
    if f.waived:
        out["waived"] = _waived(f.waived)
    return out


def file_object(fr: FileReport) -> dict[str, Any]:
    """One file's entry in `files`."""
    return {
        "path": path_text(fr.path),
        **({"procedure": fr.procedure} if fr.procedure else {}),
        "applied": [
            {"layer": a.layer, "source": a.source, "number": a.number,
             **({"amends": a.amends} if a.amends else {}),
             "selected_by": a.selected_by, "date": a.date}
            for a in fr.applied
        ],
        "findings": [_finding(f) for f in fr.findings],
        "summary": {
            **{s: fr.count(s) for s in ("error", "warning", "info")},  # type: ignore[arg-type]
            "waived": fr.count_waived(),
        },
    }


def _head(report: Report) -> dict[str, Any]:
    """What comes before `files`: the run's settings."""
    return {
        "report_version": REPORT_VERSION,
        "tool": {"name": "checker", "version": __version__},
        "rule_packs": [{"id": i, "version": v} for i, v in report.packs],
        "lang": report.lang,
        **({"as_of": report.as_of} if report.as_of else {}),
        **({"today": report.today} if report.today else {}),
        "fail_on": str(report.fail_on) if report.fail_on is not None else "never",
    }


def _summary(tally: Tally) -> dict[str, Any]:
    return {"files": tally.files, "error": tally.errors, "warning": tally.warnings,
            "info": tally.infos, "waived": tally.waived}


def document(report: Report) -> dict[str, Any]:
    tally = Tally.of(report.files)
    return {**_head(report), "files": [file_object(fr) for fr in report.files],
            "summary": _summary(tally),
            "exit_code": tally.exit_code(report.fail_on, report.max_warnings)}


class Writer:
    """The document of `document`, written as the files arrive, byte for byte what
    json.dumps(document(report), indent=2) gives: the settings first, each file as it
    comes, and the summary and exit code, which come last, from the running totals."""

    def __init__(self, head: Report, out: TextIO, *, color: bool = False) -> None:
        self.head, self.out, self.any = head, out, False
        settings = dumps(_head(head), 0)
        out.write(settings[:-2] + ',\n  "files": [')  # the settings without their "\n}"

    def file(self, fr: FileReport) -> None:
        self.out.write((",\n    " if self.any else "\n    ") + dumps(file_object(fr), 2))
        self.any = True

    def close(self, tally: Tally) -> None:
        code = tally.exit_code(self.head.fail_on, self.head.max_warnings)
        self.out.write(("\n  ]" if self.any else "]") + ',\n  "summary": '
                       + dumps(_summary(tally), 1) + f',\n  "exit_code": {code}\n}}\n')


def render(report: Report, out: TextIO, *, color: bool = False) -> None:
    render_with(Writer, report, out, color)


# ---------------------------------------------------------------- the published schema
class _M(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AmendmentOut(_M):
    source: str = Field(description="Source catalog id of the amending document")
    number: str = Field(description="Its number, e.g. 300/2026/NĐ-CP")
    article: int | None = None
    clause: int | None = None
    point: str | None = None


class CitationOut(_M):
    source: str = Field(description="Source catalog id (checker sources)")
    number: str = Field(description="Document number, e.g. 170/2025/NĐ-CP")
    article: int | None = None
    clause: int | None = None
    point: str | None = None
    section: str | None = Field(
        None, description="Section of a guidance document that has no articles, e.g. III.1.1 "
                          "(added in 1.1)")
    amended_by: AmendmentOut | None = Field(
        None, description="The cited article as amended: the amending document and its "
                          "article (added in 1.2)")
    confidence: str = Field(
        pattern="^(high|medium-high|medium|low)$",
        description="How sure the rule base is of the cited text (medium-high added in 1.2)")
    url: str | None = None


class WaivedOut(_M):
    """The waiver of the case that covers a finding: reported, never counted."""

    waiver: int = Field(ge=0, description="Index of the waiver in the case's waivers")
    pointer: str = Field(description="JSON pointer of the waiver in the case file")
    authority: str = Field(description="Number of the authorising document, e.g. 12/QĐ-BTC")
    authority_date: str | None = Field(None, json_schema_extra={"format": "date"})
    approved_by: str
    reason: str
    expires: str | None = Field(
        None, json_schema_extra={"format": "date"}, description="Last day the waiver is valid"
    )


class FindingOut(_M):
    rule: str = Field(
        description="Rule id; INPUT, SCHEMA, COVERAGE, WAIVER, CONSISTENCY and INTERNAL are "
        "the tool's own"
    )
    severity: str = Field(pattern="^(error|warning|info)$")
    kind: str = Field(pattern="^(violation|undecidable|not_covered|input)$")
    message: str
    pointer: str = Field(description="RFC 6901 JSON pointer into the case file")
    line: int | None = Field(None, ge=1)
    column: int | None = Field(None, ge=1)
    rule_version: int | None = Field(None, ge=1)
    layer: str | None = Field(None, pattern="^(state|party)$")
    citations: list[CitationOut]
    waived: WaivedOut | None = Field(
        None,
        description="Present when a waiver of the case covers this finding: it is reported "
        "but counts neither in the severity totals nor toward the exit code",
    )


class AppliedOut(_M):
    layer: str = Field(pattern="^(state|party)$")
    source: str
    number: str
    amends: str | None = Field(
        None, description="Number of the document the applied one amends: the layer is "
                          "judged under that document as amended (added in 1.2)")
    selected_by: str = Field(
        description="JSON pointer of the date that selected it, or --as-of, or --today (an "
                    "acting arrangement still running)")
    date: str = Field(json_schema_extra={"format": "date"})


class Summary(_M):
    """Counts of the findings that count, by severity; waived findings apart."""

    error: int = Field(ge=0)
    warning: int = Field(ge=0)
    info: int = Field(ge=0)
    waived: int = Field(0, ge=0, description="Findings covered by a waiver (since 1.1)")


class RunSummary(Summary):
    files: int = Field(ge=0)


class FileOut(_M):
    path: str
    procedure: str | None = None
    applied: list[AppliedOut]
    findings: list[FindingOut]
    summary: Summary


class Tool(_M):
    name: str
    version: str


class PackRef(_M):
    id: str
    version: str


class ReportOut(_M):
    """checker JSON report."""

    report_version: str = Field(pattern=r"^1\.[0-9]+$")
    tool: Tool
    rule_packs: list[PackRef]
    lang: str = Field(pattern="^(vi|en)$")
    as_of: str | None = Field(None, json_schema_extra={"format": "date"})
    today: str | None = Field(
        None, json_schema_extra={"format": "date"},
        description="The day open deadlines were judged on (--today; added in 1.2)")
    fail_on: str = Field(pattern="^(error|warning|info|never)$",
                         description="The severity that makes exit 1 (never: --exit-zero or "
                         "--fail-on never; added in 1.3)")
    files: list[FileOut]
    summary: RunSummary
    exit_code: int = Field(ge=0, le=1)
