"""Waivers: the exceptions a case records, each for one rule, granted by a numbered and
dated document, approved by someone, for a reason, perhaps until a given day.

Runs after evaluation, on its findings; predicates never see waivers. A finding of a rule
from the loaded packs is waived by the first valid waiver of the case that names that
rule and whose pointer is the finding's pointer or above it (`/steps/1` covers
`/steps/1/present`, not `/steps/10`; no pointer covers the whole case). A waived finding
stays in the report, marked with its waiver, and never counts toward the exit code. The
tool's own findings (INPUT, SCHEMA, COVERAGE, WAIVER) cannot be waived.

A waiver is itself a finding (rule WAIVER, an error, at the waiver) when it
- names one of the tool's own checks, or a rule that no loaded pack has;
- has expired: `expires` is its last valid day, and that is before the date that chose
  the law for the case — the decision's date (for an undecided case, its latest recorded
  date), or --as-of when given, exactly as for the rules (engine.selected with the
  "decision" selector). A waiver is an exception to the law applied, so it is judged on
  the day that law was chosen by. An expired waiver waives nothing;
- waives nothing: its rule was evaluated and no finding matched it, or the rule does not
  apply to the case at all (not in force on its date, not for its kind);
- contradicts itself: it `expires` before its authorising document was issued;
- was granted after the fact: its authorising document is dated after the case's decision
  (the decision's own date, whatever --as-of says). An exception must exist when the
  decision it excuses is taken; one granted later does not make that decision lawful;
- cites a document not issued yet: dated after the day taken as today (--today, else
  --as-of, as for open deadlines). Without either the run has no "today": the checker
  never reads the clock, so that a case gives the same report on any day;
- is approved by the very body the waived finding disputes. DISPUTED says, per predicate
  kind, which name of the case its findings dispute (for `same_body`, the name at `left`:
  the deciding body found not to be the competent one). When a finding the waiver would
  cover disputes the name that approved it (compared as names are everywhere, text.same),
  the waiver is that body excusing itself.
Each of these is one finding at the field that is wrong, and the waiver then waives
nothing.

A waiver of a rule left out by --select or --ignore is judged on its rule id only, and
one of a layer the case was not checked at is not called unused (the COVERAGE notice
already says the case was not checked there). A waiver without its authority never gets
here: the schema requires one, with number and date.

Why an error: an expired, unknown, late or self-granted waiver means the exception the
clerk relies on does not hold, and an unused one is a stale exception that would silently
cover the next, unrelated breach of the same rule; like flake8's unused `noqa`, it must be
removed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from checker.consistency import CONSISTENCY_RULE
from checker.i18n import t
from checker.light import Case, Waiver
from checker.loading import INPUT_RULE, Document
from checker.report import Finding, Kind, Severity, Waived
from checker.rules.engine import (
    COVERAGE_RULE,
    Evaluation,
    Options,
    Packs,
    fmt,
    selected,
    wanted,
)
from checker.rules.predicates import resolve
from checker.schemas import SCHEMA_RULE
from checker.text import same

WAIVER_RULE = "WAIVER"
TOOL_RULES = frozenset({INPUT_RULE, SCHEMA_RULE, COVERAGE_RULE, WAIVER_RULE,
                        CONSISTENCY_RULE})

# Per predicate kind, the pointer (from the rule's parameters) of the name its findings
# dispute: same_body finds the name at `left` (who acted) is not the one at `right` (who
# is competent). A kind not listed disputes no name.
DISPUTED: dict[str, Callable[[Any], str]] = {
    "same_body": lambda check: str(check.left),
}


def covers(waiver_pointer: str | None, pointer: str) -> bool:
    """The finding at `pointer` is at or below the waiver's place (whole segments only)."""
    if not waiver_pointer:
        return True
    return pointer == waiver_pointer or pointer.startswith(waiver_pointer + "/")


def _places(pointer: str) -> list[str]:
    """The places a waiver covering `pointer` may name: the whole case (""), then each
    ancestor by whole segments, then the pointer itself (see covers)."""
    parts = pointer.split("/")
    return ["/".join(parts[:n]) for n in range(1, len(parts) + 1)] if pointer else [""]


def apply(doc: Document, case: Case, packs: Packs, opts: Options,
          ev: Evaluation) -> list[Finding]:
    """The evaluation's findings with the waived ones marked, followed by a WAIVER
    finding for every waiver that is unknown, not valid (its dates, its approver) or
    unused."""
    if not case.waivers:
        return list(ev.findings)
    layers: dict[str, set[str]] = {}
    for p in packs:
        for r in p.rules:
            layers.setdefault(r.id, set()).add(p.layer)
    disputes = _disputes(ev.findings, packs, doc.data)
    problems: list[Finding] = []
    valid: dict[int, Waiver] = {}
    for i, w in enumerate(case.waivers):
        at = f"/waivers/{i}"
        if w.rule in TOOL_RULES:
            problems.append(_problem(doc, opts, f"{at}/rule", "waiver-tool-rule", w))
        elif w.rule not in layers:
            problems.append(_problem(doc, opts, f"{at}/rule", "waiver-unknown", w))
        elif not wanted(w.rule, opts):
            continue  # the rule was not run on purpose: nothing to say about its waiver
        else:
            wrong = [*_dates(doc, case, opts, at, w),
                     *_self_approved(doc, opts, at, w, disputes)]
            problems += wrong
            if not wrong:
                valid[i] = w

    # Each finding looks up the waivers of its rule at its own place and at each place
    # above it, instead of trying every waiver: thousands of each stay linear.
    at_place: dict[tuple[str, str], list[int]] = {}
    for i, w in valid.items():
        at_place.setdefault((w.rule, w.pointer or ""), []).append(i)
    used: set[int] = set()
    out: list[Finding] = []
    reported: dict[str, set[str]] = {}
    for f in ev.findings:
        reported.setdefault(f.rule, set()).add(f.pointer or "/")
        matching = sorted(i for place in _places(f.pointer)
                          for i in at_place.get((f.rule, place), ()))
        used.update(matching)
        if matching:
            f = _waived(f, matching[0], valid[matching[0]], opts)
        out.append(f)

    checked = {a.layer for a in ev.applied}
    for i, w in valid.items():
        if i in used or not layers[w.rule] & checked:
            continue
        at = f"/waivers/{i}"
        found = sorted(reported.get(w.rule, ()))
        if w.rule not in ev.rules_run:
            problems.append(_problem(doc, opts, f"{at}/rule", "waiver-not-applied", w))
        elif w.pointer and found:
            problems.append(_problem(doc, opts, f"{at}/pointer", "waiver-unused-elsewhere", w,
                                     pointer=w.pointer, found=", ".join(found)))
        elif w.pointer:
            problems.append(_problem(doc, opts, f"{at}/pointer", "waiver-unused-at", w,
                                     pointer=w.pointer))
        else:
            problems.append(_problem(doc, opts, at, "waiver-unused", w))
    return out + problems


def _dates(doc: Document, case: Case, opts: Options, at: str,
           w: Waiver) -> list[Finding]:
    """The waiver's dates against each other, the decision, today and the case's day."""
    lang = opts.lang
    issued, expires = w.authority.date, w.expires
    out: list[Finding] = []
    today = opts.today or opts.as_of
    decided = case.decision.document.date if case.decision is not None else None
    if issued is not None and today is not None and issued > today:
        out.append(_problem(doc, opts, f"{at}/authority/date", "waiver-not-yet-issued", w,
                            date=fmt(issued, lang), today=fmt(today, lang),
                            selected_by="--today" if opts.today else "--as-of"))
    elif issued is not None and decided is not None and issued > decided:
        out.append(_problem(doc, opts, f"{at}/authority/date", "waiver-after-decision", w,
                            date=fmt(issued, lang), decided=fmt(decided, lang)))
    day = selected(case, "decision", opts)
    if expires is not None and issued is not None and expires < issued:
        out.append(_problem(doc, opts, f"{at}/expires", "waiver-expires-before-issued", w,
                            expires=fmt(expires, lang), date=fmt(issued, lang)))
    elif expires is not None and day is not None and expires < day[0]:
        out.append(_problem(doc, opts, f"{at}/expires", "waiver-expired", w,
                            expires=fmt(expires, lang), date=fmt(day[0], lang),
                            selected_by=day[1]))
    return out


def _disputes(findings: list[Finding], packs: Packs,
              data: Any) -> list[tuple[Finding, str]]:
    """The findings that dispute a name (see DISPUTED), each with that name as the case
    records it."""
    rules: dict[tuple[str, int], Any] = {}  # a pack model's Rule or a compiled one
    for p in packs:
        for r in p.rules:
            rules.setdefault((r.id, r.version), r)
    out: list[tuple[Finding, str]] = []
    for f in findings:
        rule = rules.get((f.rule, f.rule_version)) if f.rule_version is not None else None
        if rule is None or rule.check.kind not in DISPUTED:
            continue
        name = resolve(data, DISPUTED[rule.check.kind](rule.check))
        if isinstance(name, str):
            out.append((f, name))
    return out


def _self_approved(doc: Document, opts: Options, at: str, w: Waiver,
                   disputes: list[tuple[Finding, str]]) -> list[Finding]:
    """A finding the waiver would cover disputes the very name that approved it."""
    for f, name in disputes:
        if f.rule == w.rule and covers(w.pointer, f.pointer) and same(name, w.approved_by):
            return [_problem(doc, opts, f"{at}/approved_by", "waiver-self-approved", w,
                             approved_by=w.approved_by, pointer=f.pointer or "/")]
    return []


def _number(w: Waiver) -> str:
    # The schema requires the authority's number; a Case built without validation may
    # still lack it, and a report is better than a crash.
    return w.authority.number or w.authority.title or "?"


def _waived(f: Finding, index: int, w: Waiver, opts: Options) -> Finding:
    lang = opts.lang
    issued = w.authority.date
    values = {
        "authority": _number(w),
        "date": fmt(issued, lang) if issued else "?",
        "approved_by": w.approved_by,
        "pointer": f"/waivers/{index}",
        "reason": w.reason.strip().rstrip("."),  # the sentence has its own full stop
    }
    note = (t("waived-until", lang, expires=fmt(w.expires, lang), **values) if w.expires
            else t("waived", lang, **values))
    return replace(f, waived=Waived(
        waiver=index,
        authority=values["authority"],
        authority_date=issued.isoformat() if issued else None,
        approved_by=w.approved_by,
        reason=w.reason,
        expires=w.expires.isoformat() if w.expires else None,
        note=note,
    ))


def _problem(doc: Document, opts: Options, at: str, key: str, w: Waiver,
             **values: object) -> Finding:
    return Finding(
        rule=WAIVER_RULE,
        severity=Severity.ERROR,
        kind=Kind.INPUT,
        message=t(key, opts.lang, rule=w.rule, authority=_number(w), **values),
        pointer=at,
        position=doc.position(at),
    )
