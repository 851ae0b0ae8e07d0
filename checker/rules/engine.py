"""Evaluation: choose the rule versions in force on the case's deciding date, run their
predicates, and turn hits into findings with rendered messages and resolved citations.

Dates and references are fields of the rules, never names in the code: this module
knows no regulation by name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from checker.errors import UsageError
from checker.i18n import DOSSIER_NAMES, LAYER_NAMES, PROCEDURE_NAMES, STEP_NAMES, Lang, t
from checker.loading import Document
from checker.model import Case
from checker.report import Applied, Finding, Kind, Severity
from checker.rules.pack import Condition, Equals, IsPresent, Pack, Rule, citation
from checker.rules.predicates import PREDICATES, Ctx, Hit, Value, resolve
from checker.sources import catalog

COVERAGE_RULE = "COVERAGE"


@dataclass(frozen=True)
class Options:
    lang: Lang = "vi"
    as_of: dt.date | None = None
    select: frozenset[str] = field(default_factory=frozenset)
    ignore: frozenset[str] = field(default_factory=frozenset)


def _matches(rule_id: str, selectors: Iterable[str]) -> bool:
    return any(rule_id == s or rule_id.startswith(s + "-") for s in selectors)


def rule_ids(packs: Iterable[Pack]) -> set[str]:
    return {r.id for p in packs for r in p.rules}


def check_selectors(packs: Iterable[Pack], opts: Options) -> None:
    ids = rule_ids(packs)
    for s in sorted(opts.select | opts.ignore):
        if not any(_matches(i, [s]) for i in ids):
            raise UsageError(f"unknown rule {s!r}; see `checker rules` for the list")


def wanted(rule_id: str, opts: Options) -> bool:
    if opts.select and not _matches(rule_id, opts.select):
        return False
    return not _matches(rule_id, opts.ignore)


def deciding_date(case: Case) -> tuple[dt.date, str] | None:
    """The date that selects the law for a case: the decision's date; for an undecided
    case, the latest date it records (the law in force when it was last acted on)."""
    if case.decision is not None and case.decision.document.date is not None:
        return case.decision.document.date, "/decision/document/date"
    dated: list[tuple[dt.date, str]] = [
        (s.date, f"/steps/{i}/date") for i, s in enumerate(case.steps)
    ]
    if case.policy is not None:
        for name in ("request", "approval"):
            d = getattr(case.policy, name)
            if d is not None and d.date is not None:
                dated.append((d.date, f"/policy/{name}/date"))
    return max(dated) if dated else None


def version_in_force(versions: list[Rule], day: dt.date) -> Rule | None:
    for r in versions:
        if r.in_force.contains(day):
            return r
    return None


def holds(cond: Condition | None, data: Any) -> bool:
    if cond is None:
        return True
    if isinstance(cond, Equals):
        ((ptr, want),) = cond.equals.items()
        return bool(resolve(data, ptr) == want)
    if isinstance(cond, IsPresent):
        return resolve(data, cond.present) is not None
    return any(holds(c, data) for c in cond.any)


def fmt(value: Value, lang: Lang) -> str:
    if isinstance(value, Fraction):
        pct = f"{float(value) * 100:.1f}".rstrip("0").rstrip(".")
        return (pct.replace(".", ",") if lang == "vi" else pct) + "%"
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y") if lang == "vi" else value.isoformat()
    if isinstance(value, str):
        for table in (STEP_NAMES, DOSSIER_NAMES):
            if value in table:
                return table[value][lang]
    return str(value)


def evaluate(doc: Document, case: Case, packs: tuple[Pack, ...], opts: Options) -> tuple[
    list[Finding], list[Applied]
]:
    lang = opts.lang
    found = deciding_date(case)
    if opts.as_of is not None:
        day, by = opts.as_of, "--as-of"
    elif found is not None:
        day, by = found
    else:
        return [_notice(doc, lang, "no-date", "")], []
    ctx = Ctx(case=case, data=doc.data, as_of=opts.as_of)
    cat = catalog()
    findings: list[Finding] = []
    applied: list[Applied] = []
    for layer in sorted({p.layer for p in packs}):
        covering = [
            (p, c) for p in packs if p.layer == layer for c in p.covers
            if case.procedure in c.procedures and c.in_force.contains(day)
        ]
        if not covering:
            findings.append(_not_covered(doc, lang, layer, case.procedure, day, by))
            continue
        for _, c in covering:
            src = cat.get(c.source)
            assert src is not None
            applied.append(Applied(layer, src.id, src.number, by, day.isoformat()))
        versions: dict[str, list[Rule]] = {}
        for p, _ in covering:
            for r in p.rules:
                versions.setdefault(r.id, []).append(r)
        for rule_id in sorted(versions):
            if not wanted(rule_id, opts):
                continue
            rule = version_in_force(versions[rule_id], day)
            if rule is None or case.procedure not in rule.procedures:
                continue
            if not holds(rule.when, doc.data):
                continue
            for hit in PREDICATES[rule.check.kind].run(rule.check, ctx):
                findings.append(_finding(doc, rule, hit, lang, layer))
    return findings, applied


def _finding(doc: Document, rule: Rule, hit: Hit, lang: Lang, layer: str) -> Finding:
    values = {k: fmt(v, lang) for k, v in hit.values.items()}
    message = rule.messages[hit.message].get(lang).format(**values)
    cat = catalog()
    severity = rule.severity
    if hit.kind is Kind.UNDECIDABLE and severity is Severity.ERROR:
        severity = Severity.WARNING  # the law leaves it open: never an error
    return Finding(
        rule=rule.id,
        severity=severity,
        kind=hit.kind,
        message=message,
        pointer=hit.pointer,
        position=doc.position(hit.pointer),
        rule_version=rule.version,
        cites=tuple(citation(c, cat) for c in rule.cites),
        layer=layer,
    )


def _notice(doc: Document, lang: Lang, key: str, pointer: str) -> Finding:
    return Finding(rule=COVERAGE_RULE, severity=Severity.WARNING, kind=Kind.NOT_COVERED,
                   message=t(key, lang), pointer=pointer, position=doc.position(pointer))


def _not_covered(doc: Document, lang: Lang, layer: str, procedure: str, day: dt.date,
                 by: str) -> Finding:
    pointer = by if by.startswith("/") else ""
    return Finding(
        rule=COVERAGE_RULE, severity=Severity.WARNING, kind=Kind.NOT_COVERED,
        message=t("not-covered", lang, layer=LAYER_NAMES[layer][lang],
                  procedure=PROCEDURE_NAMES[procedure][lang], date=fmt(day, lang)),
        pointer=pointer, position=doc.position(pointer), layer=layer,
    )
