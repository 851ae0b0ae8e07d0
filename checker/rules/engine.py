"""Evaluation: choose the rule versions in force on the case's deciding date, run their
predicates, and turn hits into findings with rendered messages and resolved citations.

Dates and references are fields of the rules, never names in the code: this module
knows no regulation by name.

It runs the compiled packs (checker.rules.compiled): which covers may apply to a layer and
procedure, and which rule versions a set of covering packs brings, come from their plan,
computed once per run; the version in force on the case's date is found by bisection.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from checker.errors import UsageError
from checker.i18n import (
    DOSSIER_NAMES,
    FORM_NAMES,
    LAYER_NAMES,
    PROCEDURE_NAMES,
    STEP_NAMES,
    STEP_NAMES_OUTSIDE_APPOINTMENT,
    Lang,
    fmt_date,
    t,
)
from checker.light import ActingCase, AppointmentFamily, Case
from checker.loading import Document
from checker.report import (
    INTERNAL_RULE,
    TOOL_RULES,
    UNCHECKED_RULES,
    Applied,
    Citation,
    Finding,
    Kind,
    RuleMeta,
    Severity,
    document_name,
)
from checker.rules.compiled import Cover, PackSet, Rule, Selection, Text, holds
from checker.rules.compiled import unique as _unique
from checker.rules.predicates import PREDICATES, Ctx, Hit, Value
from checker.rules.snapshot import as_packset

if TYPE_CHECKING:
    from checker.rules import pack as model

# The packs the engine is given: compiled (the check path, checker.rules.snapshot), or
# validated pack models (tests, verify), compiled on first use.
Packs = Sequence["model.Pack"] | PackSet

COVERAGE_RULE = "COVERAGE"


class _InForce(Protocol):
    @property
    def in_force(self) -> Any: ...


R = TypeVar("R", bound=_InForce)


@dataclass(frozen=True)
class Options:
    lang: Lang = "vi"
    as_of: dt.date | None = None
    select: frozenset[str] = field(default_factory=frozenset)
    ignore: frozenset[str] = field(default_factory=frozenset)
    # The day open deadlines are judged on, without changing which law applies (--as-of
    # sets both); an acting arrangement still running is taken to run to that day, so a
    # transitional rule on arrangements in place on a given day selects by it.
    today: dt.date | None = None


def _matches(rule_id: str, selectors: Iterable[str]) -> bool:
    """A selector is a rule id or a prefix ending at a hyphen (`APPT-DOSSIER` matches
    `APPT-DOSSIER-*`), in any case."""
    rid = rule_id.upper()
    return any(rid == s.upper() or rid.startswith(s.upper() + "-") for s in selectors)


def rule_ids(packs: Packs) -> set[str]:
    return {r.id for p in packs for r in p.rules}


def known_ids(packs: Packs) -> set[str]:
    """The ids a selector may name: the rules of the packs and the tool's own."""
    return rule_ids(packs) | set(TOOL_RULES)


def suggestions(rule_id: str, ids: Iterable[str], n: int = 3,
                prefixes: bool = True) -> list[str]:
    """The known ids (and, for selectors, their prefixes) nearest to a mistyped one,
    nearest first."""
    from difflib import get_close_matches

    names = set(ids)
    if prefixes:
        names |= {i.rsplit("-", k)[0] for i in names for k in range(1, i.count("-") + 1)}
    return get_close_matches(rule_id.upper(), sorted(names), n=n, cutoff=0.8)


def unknown_rule(rule_id: str, ids: Iterable[str], lang: Lang, prefixes: bool = True) -> str:
    """The message for an id no rule has, with a "did you mean" when one is near."""
    near = suggestions(rule_id, ids, prefixes=prefixes)
    if not near:
        return t("unknown-rule", lang, rule=repr(rule_id))
    sep = " hoặc " if lang == "vi" else " or "
    return t("unknown-rule-suggest", lang, rule=repr(rule_id),
             suggestions=sep.join(near))


def check_selectors(packs: Packs, opts: Options,
                    where: Mapping[str, str] | None = None) -> None:
    """Every selector names a rule (or a prefix of some), and INTERNAL is not ignored;
    else a UsageError in the run's language, prefixed with where the selector came from
    (`where`: "select"/"ignore" → "--select", "CHECKER_SELECT", "<file>: select")."""
    ids = known_ids(packs)
    for name, selectors in (("select", opts.select), ("ignore", opts.ignore)):
        place = (where or {}).get(name)
        for s in sorted(selectors):
            if not any(_matches(i, [s]) for i in ids):
                message = unknown_rule(s, ids, opts.lang)
                raise UsageError(f"{place}: {message}" if place else message)
    if _matches(INTERNAL_RULE, opts.ignore):
        raise UsageError(t("ignore-internal", opts.lang,
                           where=(where or {}).get("ignore", "--ignore")))


def wanted(rule_id: str, opts: Options) -> bool:
    if opts.select and not _matches(rule_id, opts.select):
        return False
    return not _matches(rule_id, opts.ignore)


def shown(finding: Finding, opts: Options) -> bool:
    """Is a finding of the tool's own ids reported? Ignored ids are not. A --select that
    names some of the tool's ids keeps only those, and the findings that mean the file was
    not checked at all (UNCHECKED_RULES); a --select of the law's rules alone keeps all of
    them: they are about the file, not about the law."""
    rid = finding.rule
    if rid not in TOOL_RULES:  # the law's: chosen by wanted() before they ran
        return True
    if rid != INTERNAL_RULE and _matches(rid, opts.ignore):
        return False
    tool_selected = [s for s in opts.select if s.upper() in TOOL_RULES]
    if tool_selected and rid not in UNCHECKED_RULES:
        return _matches(rid, tool_selected)
    return True


def _law_selectors(opts: Options) -> bool:
    """Do the selectors leave out any of the law's rules?"""
    return bool(opts.select) or any(s.upper() not in TOOL_RULES for s in opts.ignore)


def deciding_date(case: Case) -> tuple[dt.date, str] | None:
    """The decision's date; for an undecided case, the latest date it records (the law
    in force when it was last acted on)."""
    if case.decision is not None and case.decision.document.date is not None:
        return case.decision.document.date, "/decision/document/date"
    dated = case.acts()
    return max(dated) if dated else None


def start_date(case: Case) -> tuple[dt.date, str] | None:
    """The date the procedure began: its earliest recorded date (the policy request or
    approval, the reappointment notice, or the first step); the decision's date if
    nothing earlier is recorded."""
    dated = case.acts()
    return min(dated) if dated else deciding_date(case)


def planning_date(case: Case) -> tuple[dt.date, str] | None:
    """The date the candidate's planning was approved, if the case records it."""
    planning = case.candidate.planning if isinstance(case, AppointmentFamily) else None
    approval = planning.approval if planning is not None else None
    if approval is None or approval.date is None:
        return None
    return approval.date, "/candidate/planning/approval/date"


def acting_end(case: Case) -> tuple[dt.date, str] | None:
    """When an acting arrangement ended: the last day of acting, or the document that
    settled the post; while it runs, the acting decision's date (a transitional rule on
    arrangements still in place on a day is selected by this date, or by --as-of)."""
    if isinstance(case, ActingCase):
        if case.acting.ended_on is not None:
            return case.acting.ended_on, "/acting/ended_on"
        arr = case.acting.arrangement
        if arr is not None and arr.date is not None:
            return arr.date, "/acting/arrangement/date"
    return deciding_date(case)


SELECTORS: dict[str, Callable[[Case], tuple[dt.date, str] | None]] = {
    "decision": deciding_date,
    "process_start": start_date,
    "planning_approval": planning_date,
    "acting_end": acting_end,
}


def selected(case: Case, selector: str, opts: Options) -> tuple[dt.date, str] | None:
    if opts.as_of is not None:
        return opts.as_of, "--as-of"
    if (selector == "acting_end" and opts.today is not None and isinstance(case, ActingCase)
            and case.acting.ended_on is None and case.acting.arrangement is None):
        return opts.today, "--today"  # still running today
    return SELECTORS[selector](case)


def version_in_force(versions: Sequence[R], day: dt.date) -> R | None:
    """The version in force on `day` (the engine bisects its plan instead: see
    checker.rules.compiled.Plan)."""
    for r in versions:
        if r.in_force.contains(day):
            return r
    return None


def fmt(value: Value, lang: Lang, procedure: str = "appointment",
        step_names: Mapping[Any, Text] | None = None) -> str:
    if isinstance(value, Fraction):
        pct = f"{float(value) * 100:.1f}".rstrip("0").rstrip(".")
        return (pct.replace(".", ",") if lang == "vi" else pct) + "%"
    if isinstance(value, dt.date):
        return fmt_date(value, lang)
    if isinstance(value, str):
        if step_names and value in step_names:
            return step_names[value].get(lang)
        if procedure != "appointment" and value in STEP_NAMES_OUTSIDE_APPOINTMENT:
            return STEP_NAMES_OUTSIDE_APPOINTMENT[value][lang]
        for table in (STEP_NAMES, DOSSIER_NAMES, FORM_NAMES):
            if value in table:
                return table[value][lang]
    return str(value)


@dataclass
class Evaluation:
    findings: list[Finding] = field(default_factory=list)
    applied: list[Applied] = field(default_factory=list)
    rules_run: list[str] = field(default_factory=list)


def proper_start(case: Case) -> tuple[dt.date, str] | None:
    """The day the procedure proper began: its earliest act that is not a preliminary
    (e.g. the first step, where the policy request came before it)."""
    dated = case.proper_acts()
    return min(dated) if dated else deciding_date(case)


Selector = Callable[[str], tuple[dt.date, str] | None]


# A cover that applies, with its pack's index in the plan and the date that selected it.
Covering = list[tuple[int, Cover, tuple[dt.date, str]]]


@dataclass
class _Layer:
    """One layer judged under one choice of dates."""

    covering: Covering
    findings: list[Finding]
    rules_run: list[str]
    regime_rules: frozenset[str]


def _covering(case: Case, data: Any, packs: PackSet, layer: str, when: Selector
              ) -> tuple[list[Cover], list[Cover], Covering]:
    candidates = packs.plan.covers(layer, case.procedure)
    fitting = [(i, c) for i, c in candidates if holds(c.when, data)]
    covering = []
    for i, c in fitting:
        chosen = when(c.selected_by)
        if chosen is not None and c.in_force.contains(chosen[0]):
            covering.append((i, c, chosen))
    return [c for _, c in candidates], [c for _, c in fitting], covering


def _judge(doc: Document, case: Case, layer: str, ctx: Ctx, opts: Options, packs: PackSet,
           covering: Covering, when: Selector) -> _Layer:
    plan = packs.plan
    procedure = case.procedure
    selection = plan.selection(procedure, ((i, c) for i, c, _ in covering))
    keep = plan.wanted(opts.select, opts.ignore, lambda rid: wanted(rid, opts))
    rules_run: list[str] = []
    hits: list[tuple[Hit, Finding]] = []
    for rule_id, selector, versions, starts, bisects, owners in selection.rules:
        if rule_id not in keep:
            continue
        found = when(selector)
        n = Selection.version(versions, starts, bisects, found[0]) if found else None
        if n is None:
            continue
        rule = versions[n]
        if procedure not in rule.procedures or not holds(rule.when, doc.data):
            continue
        rules_run.append(rule.id)
        names: Mapping[Any, Text] | None = owners[n].names.get(procedure)
        for hit in PREDICATES[rule.kind].run(rule.check, ctx):
            hits.append((hit, _finding(doc, rule, hit, opts.lang, layer, procedure, names)))
    return _Layer(covering, [f for _, f in _after_halts(case, hits)], rules_run,
                  selection.regime_rules)


def evaluate(doc: Document, case: Case, packs: Packs, opts: Options) -> Evaluation:
    lang = opts.lang
    compiled = as_packset(packs)
    memo: dict[str, tuple[dt.date, str] | None] = {}

    def when(selector: str) -> tuple[dt.date, str] | None:
        if selector not in memo:
            memo[selector] = selected(case, selector, opts)
        return memo[selector]

    def when_proper(selector: str) -> tuple[dt.date, str] | None:
        # The other reading of a transitional provision: the procedure began with its
        # first act that is not a preliminary.
        return proper_start(case) if selector == "process_start" else when(selector)

    if when("decision") is None:
        return Evaluation([_notice(doc, lang, COVERAGE_RULE, "no-date", "")])
    ctx = Ctx(case=case, data=doc.data, as_of=opts.today or opts.as_of)
    out = Evaluation()
    findings, applied = out.findings, out.applied
    for layer in compiled.plan.layers:
        candidates, fitting, covering = _covering(case, doc.data, compiled, layer, when)
        if not any(c.role == "regime" for _, c, _ in covering):
            # Supplements still run: they are separate regulations in force on their own
            # dates (e.g. a ban cán sự đảng's working rules); the layer's regime is not.
            findings.append(_not_covered(
                doc, case, opts, layer, [c for c in candidates if c.role == "regime"],
                [c for c in fitting if c.role == "regime"], supplements=bool(covering)))
            if not covering:
                continue
        judged = _judge(doc, case, layer, ctx, opts, compiled, covering, when)
        other = _other_reading(case, doc.data, compiled, layer, opts, covering, when_proper)
        both = covering + (other[1] if other is not None else [])
        for _, c, (day, by) in both:
            entry = c.applied(layer, by, day.isoformat())
            if entry not in applied:  # two packs may speak for the same source
                applied.append(entry)
        if other is not None:
            transition, other_covering = other
            alt = _judge(doc, case, layer, ctx, opts, compiled, other_covering, when_proper)
            judged.findings = _reconcile(doc, case, layer, opts, judged, alt, transition)
            judged.rules_run = sorted(set(judged.rules_run) | set(alt.rules_run))
            judged.regime_rules |= alt.regime_rules
        out.rules_run.extend(judged.rules_run)
        findings.extend(judged.findings)
        regimes = [c for _, c, _ in covering if c.role == "regime"]
        if (regimes and not _law_selectors(opts)
                and not judged.regime_rules & set(judged.rules_run)):
            # Judged under a regulation of which no encoded rule fits this case: say so,
            # so that "no problems" is not read as "checked".
            note = _notice(doc, lang, COVERAGE_RULE, "no-rules", "", layer,
                           layer_name=LAYER_NAMES[layer][lang],
                           regime=document_name(regimes[0].number, regimes[0].kind, lang),
                           procedure=PROCEDURE_NAMES[case.procedure][lang])
            findings.append(dataclasses.replace(note, severity=Severity.INFO))
    out.rules_run.sort()
    return out


def _other_reading(case: Case, data: Any, packs: PackSet, layer: str, opts: Options,
                   covering: Covering, when_proper: Selector
                   ) -> tuple[Cover, Covering] | None:
    """When only a case's preliminaries precede a regime whose cover declares an
    unsettled transitional provision, the covers the other reading selects, with that
    cover; None when the readings agree (or --as-of fixes the date)."""
    if opts.as_of is not None:
        return None
    _, _, other = _covering(case, data, packs, layer, when_proper)
    mine = {id(c) for _, c, _ in covering}
    for _, c, _ in other:
        if c.role == "regime" and c.transition is not None and id(c) not in mine:
            return c, other
    return None


def _reconcile(doc: Document, case: Case, layer: str, opts: Options, judged: _Layer,
               alt: _Layer, moved: Cover) -> list[Finding]:
    """Keep what both readings conclude; mark what only one does as cannot be decided,
    and say once why the layer was judged twice."""
    lang = opts.lang
    assert moved.transition is not None
    transition = moved.transition

    def label(layer_judged: _Layer) -> str:
        regime = next(c for _, c, _ in layer_judged.covering if c.role == "regime")
        return regime.applied(layer, "", "").label(lang)

    earlier, later = label(judged), label(alt)

    def key(f: Finding) -> tuple[str, str]:
        return f.rule, f.pointer

    mine, theirs = {key(f) for f in judged.findings}, {key(f) for f in alt.findings}
    out: list[Finding] = []
    for f in judged.findings:
        out.append(f if key(f) in theirs else _only(f, earlier, later, transition, lang))
    out += [_only(f, later, earlier, transition, lang)
            for f in alt.findings if key(f) not in mine]
    start, proper = start_date(case), proper_start(case)
    assert start is not None and proper is not None
    note = _notice(doc, lang, COVERAGE_RULE, "transition-unsettled", start[1], layer,
                   boundary=fmt(moved.in_force.start, lang), start=fmt(start[0], lang),
                   proper=fmt(proper[0], lang), earlier=earlier, later=later,
                   procedure=PROCEDURE_NAMES[case.procedure][lang],
                   layer=LAYER_NAMES[layer][lang])
    out.append(dataclasses.replace(note, severity=Severity.INFO, kind=Kind.UNDECIDABLE,
                                   cites=(transition,)))
    return out


def _only(f: Finding, held: str, other: str, transition: Citation, lang: Lang) -> Finding:
    """A finding of one reading only: cannot be decided, at most a warning."""
    severity = Severity.WARNING if f.severity is Severity.ERROR else f.severity
    kind = Kind.UNDECIDABLE if f.kind is Kind.VIOLATION else f.kind
    message = f"{f.message} {t('transition-only', lang, held=held, other=other)}"
    return dataclasses.replace(f, severity=severity, kind=kind, message=message,
                               cites=_unique((*f.cites, transition)))


def rule_meta(packs: Packs, lang: Lang) -> tuple[RuleMeta, ...]:
    """Metadata of the latest version of every rule, for reporters (SARIF, JUnit)."""
    return as_packset(packs).rule_meta(lang)


def _after_halts(case: Case, hits: list[tuple[Hit, Finding]]) -> list[tuple[Hit, Finding]]:
    """Drop what follows a stop. When a step had to stop the procedure (nobody reached the
    threshold) and the unit went on anyway, the stop is reported once; the later steps
    are not judged as if the procedure were sound, so findings of the same layer that
    point into a step after the one that stopped are left out."""
    halted = [_about(h) for h, _ in hits if h.halts]
    steps = case.steps if isinstance(case, AppointmentFamily) else []
    order = sorted(range(len(steps)), key=lambda i: (steps[i].date, i))
    rank = {i: n for n, i in enumerate(order)}
    first = min((rank[i] for i in halted if i is not None and i in rank), default=None)
    if first is None:
        return hits

    def after(h: Hit) -> bool:
        i = _about(h)
        return i is not None and i in rank and rank[i] > first
    return [(h, f) for h, f in hits if not after(h)]


def _about(h: Hit) -> int | None:
    """The step a hit judges: the one it names, else the one its pointer is in."""
    return h.step if h.step is not None else _step_index(h.pointer)


def _step_index(pointer: str) -> int | None:
    parts = pointer.split("/")
    if len(parts) >= 3 and parts[1] == "steps" and parts[2].isdigit():
        return int(parts[2])
    return None


def _finding(doc: Document, rule: Rule, hit: Hit, lang: Lang, layer: str,
             procedure: str = "appointment",
             step_names: Mapping[Any, Text] | None = None) -> Finding:
    values = {k: fmt(v, lang, procedure, step_names) for k, v in hit.values.items()}
    message = rule.messages[hit.message].get(lang).format(**values)
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
        cites=rule.cites,
        layer=layer,
    )


def _notice(doc: Document, lang: Lang, rule: str, key: str, pointer: str,
            layer_id: str | None = None, **values: object) -> Finding:
    return Finding(rule=rule, severity=Severity.WARNING, kind=Kind.NOT_COVERED,
                   message=t(key, lang, **values), pointer=pointer,
                   position=doc.position(pointer), layer=layer_id)


def _not_covered(doc: Document, case: Case, opts: Options, layer: str,
                 candidates: list[Cover], fitting: list[Cover],
                 supplements: bool = False) -> Finding:
    """Say why a layer was not checked: this kind of case is not encoded; or the
    procedure straddles a change of the law with no transitional rule we can apply;
    or nothing is encoded for its date."""
    lang = opts.lang
    names = {"layer": LAYER_NAMES[layer][lang], "procedure": PROCEDURE_NAMES[case.procedure][lang]}
    if candidates and not fitting:
        return _notice(doc, lang, COVERAGE_RULE, "not-covered-kind", "", layer, **names)
    if opts.as_of is None:
        start, decided = start_date(case), deciding_date(case)
        for c in fitting:
            if (start and decided and not c.in_force.contains(start[0])
                    and c.in_force.contains(decided[0])):
                return _notice(doc, lang, COVERAGE_RULE, "transitional", start[1], layer,
                               start=fmt(start[0], lang), decided=fmt(decided[0], lang),
                               **names)
    selector = fitting[0].selected_by if fitting else "decision"
    day = selected(case, selector, opts)
    assert day is not None
    pointer = day[1] if day[1].startswith("/") else ""
    key = "not-covered-supplements" if supplements else "not-covered"
    return _notice(doc, lang, COVERAGE_RULE, key, pointer, layer,
                   date=fmt(day[0], lang), **names)
