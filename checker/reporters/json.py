"""The JSON report: one document per run, described by schemas/report.schema.json.

Stable and versioned: `report_version` changes only when a field changes meaning or
disappears; new optional fields may be added within a version. Keys are written in a
fixed order and findings in file order, so the same input gives the same bytes.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from pydantic import BaseModel, ConfigDict, Field

from checker import __version__
from checker.report import Citation, Finding, Report

REPORT_VERSION = "1.0"


def _cite(c: Citation) -> dict[str, Any]:
    out: dict[str, Any] = {"source": c.source, "number": c.number}
    for k in ("article", "clause", "point"):
        v = getattr(c, k)
        if v is not None:
            out[k] = v
    out["confidence"] = str(c.confidence)
    if c.url:
        out["url"] = c.url
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
    return out


def document(report: Report) -> dict[str, Any]:
    files = []
    for fr in report.files:
        files.append({
            "path": fr.path,
            **({"procedure": fr.procedure} if fr.procedure else {}),
            "applied": [
                {"layer": a.layer, "source": a.source, "number": a.number,
                 "selected_by": a.selected_by, "date": a.date}
                for a in fr.applied
            ],
            "findings": [_finding(f) for f in fr.findings],
            "summary": {s: fr.count(s) for s in ("error", "warning", "info")},  # type: ignore[arg-type]
        })
    return {
        "report_version": REPORT_VERSION,
        "tool": {"name": "checker", "version": __version__},
        "rule_packs": [{"id": i, "version": v} for i, v in report.packs],
        "lang": report.lang,
        **({"as_of": report.as_of} if report.as_of else {}),
        "fail_on": str(report.fail_on),
        "files": files,
        "summary": {
            "files": len(report.files),
            **{s: report.count(s) for s in ("error", "warning", "info")},  # type: ignore[arg-type]
        },
        "exit_code": report.exit_code,
    }


def render(report: Report, out: TextIO, *, color: bool = False) -> None:
    out.write(json.dumps(document(report), ensure_ascii=False, indent=2))
    out.write("\n")


# ---------------------------------------------------------------- the published schema
class _M(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CitationOut(_M):
    source: str = Field(description="Source catalog id (checker sources)")
    number: str = Field(description="Document number, e.g. 170/2025/NĐ-CP")
    article: int | None = None
    clause: int | None = None
    point: str | None = None
    confidence: str = Field(pattern="^(high|medium|low)$")
    url: str | None = None


class FindingOut(_M):
    rule: str = Field(description="Rule id; INPUT, SCHEMA and COVERAGE are the tool's own")
    severity: str = Field(pattern="^(error|warning|info)$")
    kind: str = Field(pattern="^(violation|undecidable|not_covered|input)$")
    message: str
    pointer: str = Field(description="RFC 6901 JSON pointer into the case file")
    line: int | None = Field(None, ge=1)
    column: int | None = Field(None, ge=1)
    rule_version: int | None = Field(None, ge=1)
    layer: str | None = Field(None, pattern="^(state|party)$")
    citations: list[CitationOut]


class AppliedOut(_M):
    layer: str = Field(pattern="^(state|party)$")
    source: str
    number: str
    selected_by: str = Field(description="JSON pointer of the date that selected it, or --as-of")
    date: str = Field(json_schema_extra={"format": "date"})


class Summary(_M):
    error: int = Field(ge=0)
    warning: int = Field(ge=0)
    info: int = Field(ge=0)


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
    fail_on: str = Field(pattern="^(error|warning|info)$")
    files: list[FileOut]
    summary: RunSummary
    exit_code: int = Field(ge=0, le=1)
