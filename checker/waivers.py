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
  apply to the case at all (not in force on its date, not for its kind).
A waiver of a rule left out by --select or --ignore is judged on its rule id only, and
one of a layer the case was not checked at is not called unused (the COVERAGE notice
already says the case was not checked there). A waiver without its authority never gets
here: the schema requires one, with number and date.

Why an error: an expired or unknown waiver means the exception the clerk relies on does
not hold, and an unused one is a stale exception that would silently cover the next,
unrelated breach of the same rule; like flake8's unused `noqa`, it must be removed.
"""

from __future__ import annotations

from dataclasses import replace

from checker.consistency import CONSISTENCY_RULE
from checker.i18n import t
from checker.loading import INPUT_RULE, Document
from checker.model import Case, Waiver
from checker.report import Finding, Kind, Severity, Waived
from checker.rules.engine import COVERAGE_RULE, Evaluation, Options, fmt, selected, wanted
from checker.rules.pack import Pack
from checker.schemas import SCHEMA_RULE

WAIVER_RULE = "WAIVER"
TOOL_RULES = frozenset({INPUT_RULE, SCHEMA_RULE, COVERAGE_RULE, WAIVER_RULE,
                        CONSISTENCY_RULE})


def covers(waiver_pointer: str | None, pointer: str) -> bool:
    """The finding at `pointer` is at or below the waiver's place (whole segments only)."""
    if not waiver_pointer:
        return True
    return pointer == waiver_pointer or pointer.startswith(waiver_pointer + "/")


def apply(doc: Document, case: Case, packs: tuple[Pack, ...], opts: Options,
          ev: Evaluation) -> list[Finding]:
    """The evaluation's findings with the waived ones marked, followed by a WAIVER
    finding for every waiver that is unknown, expired or unused."""
    if not case.waivers:
        return list(ev.findings)
    layers: dict[str, set[str]] = {}
    for p in packs:
        for r in p.rules:
            layers.setdefault(r.id, set()).add(p.layer)
    day = selected(case, "decision", opts)
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
        elif day is not None and w.expires is not None and w.expires < day[0]:
            problems.append(_problem(doc, opts, f"{at}/expires", "waiver-expired", w,
                                     expires=fmt(w.expires, opts.lang),
                                     date=fmt(day[0], opts.lang), selected_by=day[1]))
        else:
            valid[i] = w

    used: set[int] = set()
    out: list[Finding] = []
    for f in ev.findings:
        matching = [i for i, w in valid.items()
                    if w.rule == f.rule and covers(w.pointer, f.pointer)]
        used.update(matching)
        if matching:
            f = _waived(f, matching[0], valid[matching[0]], opts)
        out.append(f)

    checked = {a.layer for a in ev.applied}
    for i, w in valid.items():
        if i in used or not layers[w.rule] & checked:
            continue
        at = f"/waivers/{i}"
        found = sorted({f.pointer or "/" for f in ev.findings if f.rule == w.rule})
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
