"""One file through the whole pipeline:
bytes → load → validate → read → evaluate → waivers (+ consistency) → FileReport.

Never raises for anything wrong with the file: that becomes a finding and the run goes
on. Failures of the tool itself (a broken rule pack) are raised before any file is read.

A case the schema accepts is read into the light classes (checker.light), without
pydantic (issue 15). The pydantic model stays the reference: where the light reader
cannot read a value as the model would (Drift), the model reads the case instead, so the
answer is the model's in every case; `check_document_reference` runs the model alone
(the differential test, tests/test_light.py, proves both give the same reports).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from checker.consistency import check as check_consistency
from checker.i18n import Lang, t
from checker.light import Case, Drift, build_case
from checker.loading import Document, escape, load
from checker.report import FileReport, Finding, Kind, Severity
from checker.rules.engine import Options, Packs, evaluate, shown
from checker.schemas import SCHEMA_RULE, validate
from checker.waivers import apply as apply_waivers


def check_bytes(path: str, raw: bytes, packs: Packs, opts: Options) -> FileReport:
    doc = load(path, raw, opts.lang)
    if isinstance(doc, Finding):
        return selected(FileReport(path, (doc,)), opts)
    return selected(check_document(doc, packs, opts), opts)


def selected(report: FileReport, opts: Options) -> FileReport:
    """The report without the tool's own findings that --select / --ignore leave out."""
    if not opts.select and not opts.ignore:
        return report
    kept = tuple(f for f in report.findings if shown(f, opts))
    return report if len(kept) == len(report.findings) else replace(report, findings=kept)


def check_document(doc: Document, packs: Packs, opts: Options) -> FileReport:
    problems = validate(doc, opts.lang)
    if problems:
        return _report(doc.path, problems)
    try:
        case = build_case(doc.data)
    except Drift:
        return _modelled(doc, packs, opts)
    return _judged(doc, case, packs, opts)


def check_document_reference(doc: Document, packs: Packs,
                             opts: Options) -> FileReport:
    """check_document with the pydantic model reading every case: the reference the light
    path is tested against (tests only; not a user option)."""
    problems = validate(doc, opts.lang)
    if problems:
        return _report(doc.path, problems)
    return _modelled(doc, packs, opts)


def _modelled(doc: Document, packs: Packs, opts: Options) -> FileReport:
    from pydantic import ValidationError

    from checker.model import as_read, validate_case

    try:
        model = validate_case(doc.data)
    except ValidationError as e:
        # The schema is generated from the model, so this means they drifted; still a
        # finding with a place, never a traceback.
        return _report(doc.path, [_model_finding(doc, err, opts.lang) for err in e.errors()])
    return _judged(doc, as_read(model), packs, opts)


def _judged(doc: Document, case: Case, packs: Packs, opts: Options) -> FileReport:
    ev = evaluate(doc, case, packs, opts)
    findings = apply_waivers(doc, case, packs, opts, ev)
    findings += check_consistency(doc, case, opts.lang, findings)
    return FileReport(doc.path, tuple(sorted(findings, key=Finding.sort_key)),
                      tuple(ev.applied), procedure=str(case.procedure),
                      rules_run=tuple(ev.rules_run))


def _model_finding(doc: Document, err: Any, lang: Lang) -> Finding:
    from checker.model import error_location

    loc = error_location(err.get("loc", ()), doc.data)
    pointer = "".join("/" + escape(str(p)) for p in loc) if isinstance(loc, tuple) else ""
    return Finding(rule=SCHEMA_RULE, severity=Severity.ERROR, kind=Kind.INPUT,
                   message=t("model", lang, detail=err.get("type", "?")), pointer=pointer,
                   position=doc.position(pointer))


def _report(path: str, findings: list[Finding]) -> FileReport:
    return FileReport(path, tuple(sorted(findings, key=Finding.sort_key)))
