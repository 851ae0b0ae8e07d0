"""The closed set of predicate kinds. Each is pure: (parameters, case) → hits.

A predicate knows nothing of languages or citations. It yields Hits: where (a JSON
pointer into the case), which of its messages applies, and the values for that
message's placeholders. The rule pack supplies the sentences; the engine renders them.

Every kind declares MESSAGES: the message keys it may emit and the placeholders each
one provides. Loading a pack checks a rule's sentences against that declaration, so a
typo in a placeholder is a load error, never a crash in the middle of a run.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from checker.model import Case, ConsultationKind, DossierKind, Step, StepKind
from checker.report import Kind
from checker.text import key, same
from checker.workdays import add_months, add_working_days, within_working_days

Value = str | int | Fraction | dt.date


@dataclass(frozen=True)
class Hit:
    pointer: str
    message: str = "default"
    values: dict[str, Value] = field(default_factory=dict)
    kind: Kind = Kind.VIOLATION


@dataclass(frozen=True)
class Ctx:
    case: Case
    data: dict[str, Any]  # the validated case as plain JSON values, for pointer look-ups
    as_of: dt.date | None


# ---------------------------------------------------------------- parameter types
POINTER = r"^(/([^/~]|~[01])*)*$"
Pointer = Annotated[str, Field(pattern=POINTER)]
# A date reference: a JSON pointer, or "step:first", "step:last", "step:<kind>".
DATEREF = r"^((/([^/~]|~[01])*)+|step:(first|last|[a-z_0-9]+))$"
DateRef = Annotated[str, Field(pattern=DATEREF)]
Ratio = Annotated[str, Field(pattern=r"^[0-9]+/[1-9][0-9]*$")]


def ratio(s: str) -> Fraction:
    a, b = s.split("/")
    return Fraction(int(a), int(b))


class Params(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SameBody(Params):
    """Two names (bodies, persons) must be the same after NFC and case folding."""

    kind: Literal["same_body"]
    left: Pointer
    right: Pointer


class Present(Params):
    """The value at a pointer must exist."""

    kind: Literal["present"]
    at: Pointer


class DateOrder(Params):
    """The date `first` must not be after `then` (or must be before it, if strict)."""

    kind: Literal["date_order"]
    first: list[DateRef] = Field(min_length=1)
    then: list[DateRef] = Field(min_length=1)
    strict: bool = False


class Deadline(Params):
    """`end` must fall no later than `days` (working or calendar) days after `start`.
    If `end` is missing and the reference date (--as-of) is past the deadline, the case
    is overdue. A document at `unless` (e.g. a report of the delay) discharges it."""

    kind: Literal["deadline"]
    start: list[DateRef] = Field(min_length=1)
    end: list[DateRef] = Field(min_length=1)
    days: int = Field(ge=1, le=3650)
    unit: Literal["working", "calendar"]
    unless: Pointer | None = None


class StepSequence(Params):
    """The steps of `kinds` occur once each, in this order, with dates that do not go
    backwards. All are required once the case holds a value at `complete_when`."""

    kind: Literal["step_sequence"]
    kinds: list[StepKind] = Field(min_length=1)
    complete_when: Pointer


class StepFieldPresent(Params):
    """Each step of `kinds` records `field` (e.g. its minutes)."""

    kind: Literal["step_field_present"]
    kinds: list[StepKind] = Field(min_length=1)
    field: Literal["minutes", "summoned", "present"]


class Quorum(Params):
    """present ≥ ratio × summoned, for each step of `kinds`."""

    kind: Literal["quorum"]
    kinds: list[StepKind] = Field(min_length=1)
    ratio: Ratio


class BallotCounts(Params):
    """present ≤ summoned, and the ballots counted ≤ present (one ballot per person
    present, each naming one person)."""

    kind: Literal["ballot_counts"]
    kinds: list[StepKind] = Field(min_length=1)


class NominationRound(Params):
    """A nomination round: the top person above `select_above` of the denominator is
    chosen; otherwise everyone at `carry_at_least` or more goes on; otherwise the
    procedure must stop. If `candidate_must_pass`, the case's candidate must be among
    those who went on; when this round's choice differs from `previous`'s, the candidate
    may instead be one chosen at `previous` (the leadership's re-selection between the
    two, whose threshold the divergence rule checks)."""

    kind: Literal["nomination_round"]
    step: StepKind
    denominator: Literal["summoned"]
    select_above: Ratio
    carry_at_least: Ratio
    candidate_must_pass: bool = False
    previous: StepKind | None = None


class Divergence(Params):
    """If the person chosen at `step` is not one chosen at `previous`, the leadership must
    re-select by secret ballot and the person chosen needs at least `at_least` of all
    members of the leadership."""

    kind: Literal["divergence"]
    previous: StepKind
    step: StepKind
    select_above: Ratio
    carry_at_least: Ratio
    denominator: Literal["leadership_members"]
    at_least: Ratio


class FinalVote(Params):
    """The candidate must be the top person above `above` of the denominator. At exactly
    half: `tie_head_decides` — two people tied at half, the head chooses (a single person
    at half is left open by the law); `head_decides` — the head decides."""

    kind: Literal["final_vote"]
    step: StepKind
    denominator: Literal["summoned"]
    above: Ratio
    at_half: Literal["tie_head_decides", "head_decides"]


class ConsultationBefore(Params):
    """A consultation of `consultation` was requested in writing and answered in writing
    no later than the date of `step`."""

    kind: Literal["consultation_before"]
    consultation: Literal["cap_uy_evaluation"]
    step: StepKind


class ConsultationRecorded(Params):
    """The case records a consultation of `consultation` with `body` (names compared
    after NFC, case folding and whitespace collapsing) and the document that evidences it:
    the request sent or the answer received. No timing and no answer is required: the
    rule says only that the body was consulted or informed (e.g. a provincial standing
    committee's hiệp y, or a report to it when no hiệp y was sought)."""

    kind: Literal["consultation_recorded"]
    consultation: ConsultationKind
    body: Annotated[str, Field(min_length=1, max_length=300, pattern=r"\S")]


class FlagTrue(Params):
    """The boolean at `at` must be present and true."""

    kind: Literal["flag_true"]
    at: Pointer


class ValueIn(Params):
    """The value at `at`, when present, is one of `allowed`, unless a document is recorded
    at `unless` (e.g. the competent body's decision on a special case)."""

    kind: Literal["value_in"]
    at: Pointer
    allowed: list[str] = Field(min_length=1)
    unless: Pointer | None = None


class DossierItemPresent(Params):
    """The dossier holds an item of `item`, or (for components the case records
    elsewhere) a value at `or_at`."""

    kind: Literal["dossier_item"]
    item: DossierKind
    or_at: Pointer | None = None


class DocumentAge(Params):
    """The dossier item `item` is dated within `months` months before `reference`."""

    kind: Literal["document_age"]
    item: DossierKind
    months: int = Field(ge=1, le=120)
    reference: Pointer


Check = Annotated[
    SameBody
    | Present
    | DateOrder
    | Deadline
    | StepSequence
    | StepFieldPresent
    | Quorum
    | BallotCounts
    | NominationRound
    | Divergence
    | FinalVote
    | ConsultationBefore
    | ConsultationRecorded
    | FlagTrue
    | ValueIn
    | DossierItemPresent
    | DocumentAge,
    Field(discriminator="kind"),
]


# ---------------------------------------------------------------- helpers
def resolve(data: Any, pointer: str) -> Any:
    """The value at an RFC 6901 pointer, or None."""
    if pointer == "":
        return data
    node = data
    for raw in pointer[1:].split("/"):
        tok = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict):
            node = node.get(tok)
        elif isinstance(node, list) and re.fullmatch(r"0|[1-9][0-9]*", tok):
            i = int(tok)
            node = node[i] if i < len(node) else None
        else:
            return None
        if node is None:
            return None
    return node


def steps(c: Ctx, kind: StepKind | str) -> list[tuple[int, Step]]:
    return [(i, s) for i, s in enumerate(c.case.steps) if s.kind == kind]


def step_ptr(i: int) -> str:
    return f"/steps/{i}"


def date_ref(c: Ctx, data: dict[str, Any], ref: str) -> tuple[dt.date, str] | None:
    """(date, pointer) for a date reference, or None if the case does not record it."""
    if ref.startswith("step:"):
        which = ref[5:]
        dated = sorted((s.date, i) for i, s in enumerate(c.case.steps))
        if which == "first":
            chosen = dated[:1]
        elif which == "last":
            chosen = dated[-1:]
        else:
            chosen = [(s.date, i) for i, s in steps(c, which)][:1]
        if not chosen:
            return None
        d, i = chosen[0]
        return d, f"/steps/{i}/date"
    v = resolve(data, ref)
    return (dt.date.fromisoformat(v), ref) if isinstance(v, str) else None


def first_date(c: Ctx, data: dict[str, Any], refs: list[str]) -> tuple[dt.date, str] | None:
    for r in refs:
        found = date_ref(c, data, r)
        if found:
            return found
    return None


def selection(step: Step, denominator: int, above: Fraction, carry: Fraction) -> list[str]:
    """Who goes on from a nomination round (NĐ 170/2025 Điều 33 k2 b, c)."""
    if denominator <= 0 or not step.nominations:
        return []
    ranked = sorted(step.nominations, key=lambda n: -n.votes)
    top = ranked[0]
    tied_top = [n for n in ranked if n.votes == top.votes]
    if len(tied_top) == 1 and Fraction(top.votes, denominator) > above:
        return [top.name]
    return [n.name for n in ranked if Fraction(n.votes, denominator) >= carry]


def votes_for(step: Step, name: str) -> int:
    return sum(n.votes for n in step.nominations if same(n.name, name))


def nomination_index(step: Step, name: str) -> int | None:
    for j, n in enumerate(step.nominations):
        if same(n.name, name):
            return j
    return None


def _later(c: Ctx, i: int) -> bool:
    """Did the procedure go on after step index i (a later step, or a decision)?"""
    d = c.case.steps[i].date
    return c.case.decision is not None or any(
        s.date > d or (s.date == d and j > i) for j, s in enumerate(c.case.steps)
    )


# ---------------------------------------------------------------- predicates
def same_body(p: SameBody, c: Ctx) -> Iterator[Hit]:
    data = c.data
    a, b = resolve(data, p.left), resolve(data, p.right)
    if isinstance(a, str) and isinstance(b, str) and not same(a, b):
        yield Hit(p.left, values={"left": a, "right": b})


def present(p: Present, c: Ctx) -> Iterator[Hit]:
    if resolve(c.data, p.at) is None:
        yield Hit(p.at.rsplit("/", 1)[0] if p.at.count("/") > 1 else "")


def date_order(p: DateOrder, c: Ctx) -> Iterator[Hit]:
    data = c.data
    a, b = first_date(c, data, p.first), first_date(c, data, p.then)
    if a and b and (a[0] > b[0] or (p.strict and a[0] == b[0])):
        yield Hit(b[1], values={"first_date": a[0], "then_date": b[0]})


def deadline(p: Deadline, c: Ctx) -> Iterator[Hit]:
    data = c.data
    start = first_date(c, data, p.start)
    if not start:
        return
    if p.unless and resolve(data, p.unless) is not None:
        return
    def late(day: dt.date) -> bool:
        if p.unit == "working":
            return not within_working_days(start[0], day, p.days)
        return day > start[0] + dt.timedelta(days=p.days)

    def due() -> dt.date:
        if p.unit == "working":
            return add_working_days(start[0], p.days)
        return start[0] + dt.timedelta(days=p.days)

    end = first_date(c, data, p.end)
    if end:
        if late(end[0]):
            yield Hit(end[1], values={"start": start[0], "due": due(), "days": p.days,
                                      "end": end[0]})
    elif c.as_of and late(c.as_of):
        yield Hit(start[1], "open", {"start": start[0], "due": due(), "days": p.days,
                                     "as_of": c.as_of})


def step_sequence(p: StepSequence, c: Ctx) -> Iterator[Hit]:
    data = c.data
    complete = resolve(data, p.complete_when) is not None
    seen: list[tuple[StepKind, int]] = []
    for kind in p.kinds:
        found = steps(c, kind)
        if len(found) > 1:
            yield Hit(step_ptr(found[1][0]), "duplicate", {"step": kind})
        if found:
            seen.append((kind, found[0][0]))
        elif complete:
            yield Hit("/steps", "missing", {"step": kind})
    for (pk, pi), (k, i) in itertools.pairwise(seen):
        ps, s = c.case.steps[pi], c.case.steps[i]
        if s.date < ps.date or (s.date == ps.date and i < pi):
            yield Hit(f"{step_ptr(i)}/date", "order", {"step": k, "previous": pk})


def step_field_present(p: StepFieldPresent, c: Ctx) -> Iterator[Hit]:
    for kind in p.kinds:
        for i, s in steps(c, kind):
            if getattr(s, p.field) is None:
                yield Hit(step_ptr(i), values={"step": kind})


def quorum(p: Quorum, c: Ctx) -> Iterator[Hit]:
    r = ratio(p.ratio)
    for kind in p.kinds:
        for i, s in steps(c, kind):
            if s.summoned is None or s.present is None:
                yield Hit(step_ptr(i), "no_counts", {"step": kind}, Kind.UNDECIDABLE)
                continue
            if Fraction(s.present) < r * s.summoned:
                needed = -(-r.numerator * s.summoned // r.denominator)  # ceiling
                yield Hit(
                    f"{step_ptr(i)}/present",
                    values={"step": kind, "present": s.present, "summoned": s.summoned,
                            "needed": needed},
                )


def ballot_counts(p: BallotCounts, c: Ctx) -> Iterator[Hit]:
    for kind in p.kinds:
        for i, s in steps(c, kind):
            if s.summoned is not None and s.present is not None and s.present > s.summoned:
                yield Hit(f"{step_ptr(i)}/present", "present_over",
                          {"step": kind, "present": s.present, "summoned": s.summoned})
            total = sum(n.votes for n in s.nominations)
            if s.present is not None and total > s.present:
                yield Hit(f"{step_ptr(i)}/nominations", "votes_over",
                          {"step": kind, "votes": total, "present": s.present})


def nomination_round(p: NominationRound, c: Ctx) -> Iterator[Hit]:
    above, carry = ratio(p.select_above), ratio(p.carry_at_least)
    for i, s in steps(c, p.step)[:1]:
        if s.summoned is None or not s.nominations:
            yield Hit(step_ptr(i), "no_results", {"step": p.step}, Kind.UNDECIDABLE)
            continue
        chosen = selection(s, s.summoned, above, carry)
        if not chosen:
            if _later(c, i):
                top = max(n.votes for n in s.nominations)
                yield Hit(f"{step_ptr(i)}/nominations", "stop",
                          {"step": p.step, "top_share": Fraction(top, s.summoned)})
            continue
        name = c.case.candidate.full_name
        eligible = list(chosen)
        prev = steps(c, p.previous)[:1] if p.previous else []
        if prev and prev[0][1].summoned:
            before = selection(prev[0][1], prev[0][1].summoned, above, carry)
            if any(key(n) not in {key(b) for b in before} for n in chosen):
                eligible += before  # a divergence: the re-selection chooses among both
        if p.candidate_must_pass and not any(same(n, name) for n in eligible):
            j = nomination_index(s, name)
            v = votes_for(s, name)
            yield Hit(
                f"{step_ptr(i)}/nominations" + (f"/{j}/votes" if j is not None else ""),
                "not_selected",
                {"step": p.step, "name": name, "votes": v, "summoned": s.summoned,
                 "share": Fraction(v, s.summoned), "chosen": ", ".join(chosen)},
            )


def divergence(p: Divergence, c: Ctx) -> Iterator[Hit]:
    above, carry = ratio(p.select_above), ratio(p.carry_at_least)
    prev, cur = steps(c, p.previous)[:1], steps(c, p.step)[:1]
    if not prev or not cur:
        return
    (_, ps), (i, s) = prev[0], cur[0]
    if not ps.summoned or not s.summoned:
        return
    before = {key(n) for n in selection(ps, ps.summoned, above, carry)}
    now = selection(s, s.summoned, above, carry)
    if not now or all(key(n) in before for n in now):
        return
    new = next(n for n in now if key(n) not in before)
    members = c.case.leadership.total_members
    need = ratio(p.at_least)
    if s.reselection is None:
        yield Hit(step_ptr(i), "missing", {"name": new, "step": p.step})
        return
    name = c.case.candidate.full_name
    v = sum(n.votes for n in s.reselection.nominations if same(n.name, name))
    if Fraction(v) < need * members:
        needed = -(-need.numerator * members // need.denominator)
        yield Hit(f"{step_ptr(i)}/reselection", "short",
                  {"name": name, "votes": v, "members": members, "needed": needed})


def final_vote(p: FinalVote, c: Ctx) -> Iterator[Hit]:
    above = ratio(p.above)
    half = Fraction(1, 2)
    for i, s in steps(c, p.step)[:1]:
        if s.summoned is None or not s.nominations:
            yield Hit(step_ptr(i), "no_results", {"step": p.step}, Kind.UNDECIDABLE)
            continue
        name = c.case.candidate.full_name
        j = nomination_index(s, name)
        v = votes_for(s, name)
        share = Fraction(v, s.summoned)
        at = f"{step_ptr(i)}/nominations" + (f"/{j}/votes" if j is not None else "")
        vals: dict[str, Value] = {"step": p.step, "name": name, "votes": v,
                                  "summoned": s.summoned, "share": share}
        others = [n for n in s.nominations if not same(n.name, name)]
        best_other = max((n.votes for n in others), default=-1)
        if share > above:
            if best_other >= v:
                yield Hit(at, "not_top", vals)
            continue
        if share == half and above == half:
            tied = [n for n in others if n.votes == v]
            if p.at_half == "tie_head_decides" and not tied:
                yield Hit(at, "single_half", vals, Kind.UNDECIDABLE)
                continue
            hc = s.head_choice
            if hc is None or not same(hc.chosen, name):
                yield Hit(f"{step_ptr(i)}/head_choice" if hc else at, "half_no_choice", vals)
            elif p.at_half == "tie_head_decides" and hc.report is None:
                yield Hit(f"{step_ptr(i)}/head_choice", "half_no_report", vals)
            continue
        yield Hit(at, "below", vals)


def consultation_before(p: ConsultationBefore, c: Ctx) -> Iterator[Hit]:
    target = steps(c, p.step)[:1]
    if not target:
        return
    i, s = target[0]
    found = [(j, k) for j, k in enumerate(c.case.consultations) if k.kind == p.consultation]
    if not found:
        yield Hit("/consultations" if c.case.consultations else step_ptr(i), "missing",
                  {"step": p.step})
        return
    j, k = found[0]
    if k.request is None:
        yield Hit(f"/consultations/{j}", "no_request", {"body": k.body})
    if k.answer is None:
        yield Hit(f"/consultations/{j}", "no_answer", {"body": k.body})
    elif k.answer.date is not None and k.answer.date > s.date:
        yield Hit(f"/consultations/{j}/answer/date", "late",
                  {"body": k.body, "answer_date": k.answer.date, "step_date": s.date})


def consultation_recorded(p: ConsultationRecorded, c: Ctx) -> Iterator[Hit]:
    found = [j for j, k in enumerate(c.case.consultations)
             if k.kind == p.consultation and same(k.body, p.body)]
    if not found:
        yield Hit("/consultations" if c.case.consultations else "", "missing", {"body": p.body})
        return
    if not any(c.case.consultations[j].request or c.case.consultations[j].answer
               for j in found):
        yield Hit(f"/consultations/{found[0]}", "undocumented", {"body": p.body})


def flag_true(p: FlagTrue, c: Ctx) -> Iterator[Hit]:
    v = resolve(c.data, p.at)
    if v is None:
        yield Hit(p.at.rsplit("/", 1)[0] if p.at.count("/") > 1 else "", "missing")
    elif v is not True:
        yield Hit(p.at, "false")


def value_in(p: ValueIn, c: Ctx) -> Iterator[Hit]:
    v = resolve(c.data, p.at)
    if v is None or v in p.allowed:
        return
    if p.unless and resolve(c.data, p.unless) is not None:
        return
    yield Hit(p.at, values={"value": str(v)})


def _items(c: Ctx, kind: DossierKind) -> list[int]:
    d = c.case.dossier
    return [i for i, it in enumerate(d.items) if it.kind == kind] if d else []


def dossier_item(p: DossierItemPresent, c: Ctx) -> Iterator[Hit]:
    if _items(c, p.item):
        return
    if p.or_at and resolve(c.data, p.or_at) is not None:
        return
    yield Hit("/dossier" if c.case.dossier else "", values={"item": p.item})


def document_age(p: DocumentAge, c: Ctx) -> Iterator[Hit]:
    items = _items(c, p.item)
    if not items:
        return
    ref = resolve(c.data, p.reference)
    if not isinstance(ref, str):
        yield Hit(p.reference.rsplit("/", 1)[0], "no_reference", {"item": p.item},
                  Kind.UNDECIDABLE)
        return
    filed = dt.date.fromisoformat(ref)
    earliest = add_months(filed, -p.months)
    assert c.case.dossier is not None
    for i in items:
        issued = c.case.dossier.items[i].document.date
        at = f"/dossier/items/{i}/document"
        if issued is None:
            yield Hit(at, "undated", {"item": p.item}, Kind.UNDECIDABLE)
        elif issued < earliest:
            yield Hit(f"{at}/date", "too_old",
                      {"item": p.item, "issued": issued, "filed": filed, "months": p.months})
        elif issued > filed:
            yield Hit(f"{at}/date", "after", {"item": p.item, "issued": issued, "filed": filed})


# ---------------------------------------------------------------- registry
@dataclass(frozen=True)
class Predicate:
    run: Callable[[Any, Ctx], Iterator[Hit]]
    messages: dict[str, frozenset[str]]


def _m(**keys: str) -> dict[str, frozenset[str]]:
    return {k: frozenset(v.split()) for k, v in keys.items()}


_STEP_VOTE = "step name votes summoned share"
PREDICATES: dict[str, Predicate] = {
    "same_body": Predicate(same_body, _m(default="left right")),
    "present": Predicate(present, _m(default="")),
    "date_order": Predicate(date_order, _m(default="first_date then_date")),
    "deadline": Predicate(deadline, _m(default="start due days end", open="start due days as_of")),
    "step_sequence": Predicate(step_sequence,
                           _m(missing="step", order="step previous", duplicate="step")),
    "step_field_present": Predicate(step_field_present, _m(default="step")),
    "quorum": Predicate(quorum, _m(default="step present summoned needed", no_counts="step")),
    "ballot_counts": Predicate(ballot_counts, _m(present_over="step present summoned",
                                             votes_over="step votes present")),
    "nomination_round": Predicate(nomination_round, _m(
        no_results="step", stop="step top_share",
        not_selected="step name votes summoned share chosen")),
    "divergence": Predicate(divergence, _m(missing="name step", short="name votes members needed")),
    "final_vote": Predicate(final_vote, _m(
        no_results="step", below=_STEP_VOTE, not_top=_STEP_VOTE, single_half=_STEP_VOTE,
        half_no_choice=_STEP_VOTE, half_no_report=_STEP_VOTE)),
    "consultation_before": Predicate(consultation_before, _m(
        missing="step", no_request="body", no_answer="body",
        late="body answer_date step_date")),
    "consultation_recorded": Predicate(consultation_recorded,
                                       _m(missing="body", undocumented="body")),
    "flag_true": Predicate(flag_true, _m(missing="", false="")),
    "value_in": Predicate(value_in, _m(default="value")),
    "dossier_item": Predicate(dossier_item, _m(default="item")),
    "document_age": Predicate(document_age, _m(undated="item", no_reference="item",
                                           too_old="item issued filed months",
                                           after="item issued filed")),
}


def required_messages(kind: str, params: Params) -> set[str]:
    """Message keys a rule must provide for its predicate with these parameters."""
    keys = set(PREDICATES[kind].messages)
    if isinstance(params, FinalVote) and params.at_half == "head_decides":
        keys -= {"single_half", "half_no_report"}
    if isinstance(params, NominationRound) and not params.candidate_must_pass:
        keys.discard("not_selected")
    return keys
