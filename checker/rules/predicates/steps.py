"""The steps of a procedure and their votes: the steps in order, what each records, the
quorum, the ballots, the nomination rounds and who is carried forward, a divergence between
rounds, those absent for force majeure, the final vote."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from fractions import Fraction
from typing import Literal

from checker.light import AppointmentFamily, Step, StepKind
from checker.report import Kind
from checker.rules.predicates.core import (
    STEPPED,
    Ctx,
    Field,
    Hit,
    Params,
    Pointer,
    Predicate,
    Ratio,
    Reads,
    Value,
    case_steps,
    emits,
    family,
    ratio,
    resolve,
    step_ptr,
    steps_of,
)
from checker.text import key, same


class StepSequence(Params):
    """The steps of `kinds` occur once each, in this order, with dates that do not go
    backwards. All are required once the case holds a value at `complete_when`."""

    kind: Literal["step_sequence"]
    kinds: list[StepKind] = Field(min_length=1)
    complete_when: Pointer
    foreign: list[StepKind] = Field(
        default_factory=list,
        description="Step kinds that are not part of this procedure under this law (e.g. "
                    "the fifth step of a procedure the law reduced to four)")

    def unused(self) -> set[str]:
        return set() if self.foreign else {"foreign"}


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
    present, each naming one person). With `dual_role`, a person summoned in two
    capacities counts once: summoned ≤ seats − dual_role when the step records both."""

    kind: Literal["ballot_counts"]
    kinds: list[StepKind] = Field(min_length=1)
    dual_role: bool = False
    absences: bool = Field(
        False, description="Force-majeure absences may not exceed those summoned who were "
                           "not present")

    def unused(self) -> set[str]:
        return (set() if self.dual_role else {"counted_twice"}) | (
            set() if self.absences else {"absent_over"})


# The vote base of a step: those summoned; those summoned less those absent for force
# majeure (NĐ 170 Điều 33 k2 a as amended by NĐ 300); those present.
Base = Literal["summoned", "summoned_net", "present"]


class NominationRound(Params):
    """A nomination round: the top person above `select_above` of the base is chosen;
    otherwise everyone at `carry_at_least` or more goes on (with no `carry_at_least`,
    nobody does); otherwise the procedure must stop. If `candidate_must_pass`, the case's
    candidate must be among those who went on; when this round's choice differs from
    `previous`'s, the candidate may instead be one chosen at `previous` (the leadership's
    re-selection between the two, whose threshold the divergence rule checks)."""

    kind: Literal["nomination_round"]
    step: StepKind
    denominator: Base
    select_above: Ratio
    carry_at_least: Ratio | None = None
    candidate_must_pass: bool = False
    previous: StepKind | None = None
    referral_directs: bool = Field(
        False, description="A stop is reported to the competent body, which directs what "
                           "follows (\"báo cáo cấp có thẩm quyền xem xét, chỉ đạo\"): with "
                           "the report and its direction recorded, going on is no breach; "
                           "with the report alone, it cannot be decided")

    def unused(self) -> set[str]:
        out = set() if self.candidate_must_pass else {"not_selected"}
        return out if self.referral_directs else out | {"stop_reported"}


class CarriedForward(Params):
    """Who went on from `step` to `next`: everyone the round chose (the top person above
    `select_above` of the base, or else everyone at `carry_at_least` or more) and nobody
    else. The list is `put_forward` where the step records it; `next` votes only on that
    list when `closed` (otherwise its members may also name others who qualify). Without
    a recorded list, a chosen person who received no vote at `next` may have been dropped
    or merely not voted for: that cannot be decided. Skipped when the round chose nobody
    (the stop is the round rule's finding)."""

    kind: Literal["carried_forward"]
    step: StepKind
    next: StepKind
    denominator: Base
    select_above: Ratio
    carry_at_least: Ratio | None = None
    closed: bool = True

    def unused(self) -> set[str]:
        return set() if self.closed else {"off_list", "not_chosen"}


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


class ForceMajeure(Params):
    """Those absent for force majeure leave the vote base (see `base`); the personnel
    office's report and the competent body's decision on the summons list and those
    absences must be recorded, and dated no later than the meeting."""

    kind: Literal["force_majeure"]
    kinds: list[StepKind] = Field(min_length=1)


class EqualCounts(Params):
    """Two steps of the same composition summon the same number of people (e.g. step 4
    "như thành phần bước 1"): the later step is judged against the earlier one."""

    kind: Literal["equal_counts"]
    step: StepKind
    same_as: StepKind


class FinalVote(Params):
    """The candidate must be the top person above `above` of the denominator (those
    summoned to the step, or all members of the leadership). At exactly half:
    `tie_head_decides` — two people tied at half, the head chooses (a single person at
    half is left open by the law); `head_decides` — the head decides;
    `head_or_referral` — the head decides or refers it to the competent body. With
    `report_at_half` the head's choice must come with a report of the differing opinions.
    Below: `fail` — the candidate cannot go on; `referral` — the step must record a report
    to the competent body (which decides whether to go on)."""

    kind: Literal["final_vote"]
    step: StepKind
    denominator: Literal["summoned", "summoned_net", "present", "leadership_members"]
    above: Ratio
    at_half: Literal["tie_head_decides", "head_decides", "head_or_referral"]
    report_at_half: bool = False
    below: Literal["fail", "referral"] = "fail"
    vacancy_referral: bool = Field(
        False, description="At a tie, a unit without a head (unit.head_vacant) reports to "
                           "the competent body (the step's referral) instead")

    def reads(self) -> Reads | None:
        """Counted on the leadership's members, the vote reads the appointment family's
        leadership; otherwise only the steps."""
        return AppointmentFamily if self.denominator == "leadership_members" else None

    def unused(self) -> set[str]:
        out = {"below_no_referral" if self.below == "fail" else "below"}
        if not self.vacancy_referral:
            out.add("half_vacant_no_referral")
        if self.at_half != "tie_head_decides":
            out.add("single_half")
            if not self.report_at_half:
                out.add("half_no_report")
        return out


# ---------------------------------------------------------------- helpers
def selection(step: Step, denominator: int, above: Fraction,
              carry: Fraction | None) -> list[str]:
    """Who goes on from a nomination round (NĐ 170/2025 Điều 33 k2 b, c): the top person
    above `above`; else everyone at `carry` or more; else nobody. Votes for one person
    written two ways (case, spacing, Unicode form) are one person's."""
    if denominator <= 0 or not step.nominations:
        return []
    ranked = sorted(tally(step).values(), key=lambda nv: -nv[1])
    top_name, top_votes = ranked[0]
    tied_top = [n for n, v in ranked if v == top_votes]
    if len(tied_top) == 1 and Fraction(top_votes, denominator) > above:
        return [top_name]
    if carry is None:
        return []
    return [n for n, v in ranked if Fraction(v, denominator) >= carry]


def tally(step: Step) -> dict[str, tuple[str, int]]:
    """Votes per person (by comparison key), the name as first written."""
    out: dict[str, tuple[str, int]] = {}
    for n in step.nominations:
        k = key(n.name)
        name, votes = out.get(k, (n.name, 0))
        out[k] = (name, votes + n.votes)
    return out


def base(step: Step, which: str) -> int | None:
    """The vote base of a step (see Base): None if the step does not record it. Those
    absent for force majeure leave the number summoned (NĐ 170 Điều 33 k2 a as amended):
    at most those summoned who were not present (a larger figure is its own finding)."""
    if which == "present":
        return step.present
    if step.summoned is None:
        return None
    if which == "summoned_net" and step.force_majeure_absent:
        absent = min(step.force_majeure_absent, step.summoned)
        if step.present is not None:
            absent = min(absent, max(step.summoned - step.present, 0))
        return step.summoned - absent
    return step.summoned


def documented(step: Step) -> bool:
    """The force-majeure absences have the report and the decision the law requires."""
    return step.summons_report is not None and step.summons_decision is not None


def votes_for(step: Step, name: str) -> int:
    return sum(n.votes for n in step.nominations if same(n.name, name))


def nomination_index(step: Step, name: str) -> int | None:
    for j, n in enumerate(step.nominations):
        if same(n.name, name):
            return j
    return None


def _later(c: Ctx, i: int) -> bool:
    """Did the procedure go on after step index i (a later step, or a decision)?"""
    steps = case_steps(c)
    d = steps[i].date
    return c.case.decision is not None or any(
        s.date > d or (s.date == d and j > i) for j, s in enumerate(steps)
    )


# ---------------------------------------------------------------- predicates
def step_sequence(p: StepSequence, c: Ctx) -> Iterator[Hit]:
    data = c.data
    complete = resolve(data, p.complete_when) is not None
    seen: list[tuple[StepKind, int]] = []
    for kind in p.kinds:
        found = steps_of(c, kind)
        if len(found) > 1:
            yield Hit(step_ptr(found[1][0]), "duplicate", {"step": kind})
        if found:
            seen.append((kind, found[0][0]))
        elif complete:
            yield Hit("/steps", "missing", {"step": kind})
    for i, s in enumerate(case_steps(c)):
        if s.kind in p.foreign:
            yield Hit(f"{step_ptr(i)}/kind", "foreign", {"step": s.kind})
    for (pk, pi), (k, i) in itertools.pairwise(seen):
        ps, s = case_steps(c)[pi], case_steps(c)[i]
        if s.date < ps.date or (s.date == ps.date and i < pi):
            yield Hit(f"{step_ptr(i)}/date", "order", {"step": k, "previous": pk})


def step_field_present(p: StepFieldPresent, c: Ctx) -> Iterator[Hit]:
    for kind in p.kinds:
        for i, s in steps_of(c, kind):
            if getattr(s, p.field) is None:
                yield Hit(step_ptr(i), values={"step": kind})


def quorum(p: Quorum, c: Ctx) -> Iterator[Hit]:
    r = ratio(p.ratio)
    for kind in p.kinds:
        for i, s in steps_of(c, kind):
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
        for i, s in steps_of(c, kind):
            if s.summoned is not None and s.present is not None and s.present > s.summoned:
                yield Hit(f"{step_ptr(i)}/present", "present_over",
                          {"step": kind, "present": s.present, "summoned": s.summoned})
            if (p.dual_role and s.summoned is not None and s.seats is not None
                    and s.dual_role and s.summoned > s.seats - s.dual_role):
                yield Hit(f"{step_ptr(i)}/summoned", "counted_twice",
                          {"step": kind, "summoned": s.summoned, "seats": s.seats,
                           "dual": s.dual_role, "persons": s.seats - s.dual_role})
            not_present = (s.summoned - s.present if s.present is not None
                           else s.summoned) if s.summoned is not None else None
            if (p.absences and s.force_majeure_absent and not_present is not None
                    and s.force_majeure_absent > not_present):
                yield Hit(f"{step_ptr(i)}/force_majeure_absent", "absent_over",
                          {"step": kind, "absent": s.force_majeure_absent,
                           "summoned": s.summoned or 0, "present": s.present or 0})
            total = sum(n.votes for n in s.nominations)
            if s.present is not None and total > s.present:
                yield Hit(f"{step_ptr(i)}/nominations", "votes_over",
                          {"step": kind, "votes": total, "present": s.present})


def _carry(r: str | None) -> Fraction | None:
    return ratio(r) if r is not None else None


def nomination_round(p: NominationRound, c: Ctx) -> Iterator[Hit]:
    above, carry = ratio(p.select_above), _carry(p.carry_at_least)
    for i, s in steps_of(c, p.step)[:1]:
        total = base(s, p.denominator)
        if not total or not s.nominations:
            yield Hit(step_ptr(i), "no_results", {"step": p.step}, Kind.UNDECIDABLE)
            continue
        chosen = selection(s, total, above, carry)
        if not chosen:
            if _later(c, i):
                top = max(votes_for(s, n.name) for n in s.nominations)
                vals: dict[str, Value] = {"step": p.step, "top_share": Fraction(top, total)}
                if p.referral_directs and s.referral is not None:
                    if s.direction is None:
                        yield Hit(f"{step_ptr(i)}/referral", "stop_reported", vals,
                                  Kind.UNDECIDABLE)
                    continue
                yield Hit(f"{step_ptr(i)}/nominations", "stop", vals, halts=True)
            continue
        name = family(c).candidate.full_name
        eligible = list(chosen)
        prev = steps_of(c, p.previous)[:1] if p.previous else []
        prev_total = base(prev[0][1], p.denominator) if prev else None
        if prev and prev_total:
            before = selection(prev[0][1], prev_total, above, carry)
            if not before:
                continue  # the earlier round stopped the procedure: its rule says so
            if any(key(n) not in {key(b) for b in before} for n in chosen):
                eligible += before  # a divergence: the re-selection chooses among both
        if p.candidate_must_pass and not any(same(n, name) for n in eligible):
            j = nomination_index(s, name)
            v = votes_for(s, name)
            yield Hit(
                f"{step_ptr(i)}/nominations" + (f"/{j}/votes" if j is not None else ""),
                "not_selected",
                {"step": p.step, "name": name, "votes": v, "summoned": total,
                 "share": Fraction(v, total), "chosen": ", ".join(chosen)},
            )


def carried_forward(p: CarriedForward, c: Ctx) -> Iterator[Hit]:
    above, carry = ratio(p.select_above), _carry(p.carry_at_least)
    here, there = steps_of(c, p.step)[:1], steps_of(c, p.next)[:1]
    if not here:
        return
    i, s = here[0]
    total = base(s, p.denominator)
    if not total or not s.nominations or s.reselection is not None:
        return  # after a re-selection, the divergence rule says who goes on
    chosen = selection(s, total, above, carry)
    if not chosen:
        return
    chosen_keys = {key(n) for n in chosen}
    vals: dict[str, Value] = {"step": p.step, "next": p.next}
    listed = s.put_forward
    if listed is not None:
        listed_keys = {key(n) for n in listed}
        for n in chosen:
            if key(n) not in listed_keys:
                yield Hit(f"{step_ptr(i)}/put_forward", "dropped",
                          {**vals, "name": n, "share": Fraction(votes_for(s, n), total)})
        for j, n in enumerate(listed):
            if p.closed and key(n) not in chosen_keys:
                yield Hit(f"{step_ptr(i)}/put_forward/{j}", "not_chosen",
                          {**vals, "name": n, "share": Fraction(votes_for(s, n), total)})
    if not there:
        return
    k, t = there[0]
    allowed = {key(n) for n in listed} if listed is not None else chosen_keys
    if p.closed:
        for j, nom in enumerate(t.nominations):
            if nom.votes > 0 and key(nom.name) not in allowed:
                yield Hit(f"{step_ptr(k)}/nominations/{j}/name", "off_list",
                          {**vals, "name": nom.name})
    if listed is None and t.nominations:  # no results at `next`: nothing to compare
        voted = {key(nom.name) for nom in t.nominations}
        for n in chosen:
            if key(n) not in voted:
                yield Hit(f"{step_ptr(i)}", "unknown",
                          {**vals, "name": n, "share": Fraction(votes_for(s, n), total)},
                          Kind.UNDECIDABLE)


def force_majeure(p: ForceMajeure, c: Ctx) -> Iterator[Hit]:
    for kind in p.kinds:
        for i, s in steps_of(c, kind):
            if not s.force_majeure_absent:
                continue
            if not documented(s):
                yield Hit(f"{step_ptr(i)}/force_majeure_absent",
                          values={"step": kind, "absent": s.force_majeure_absent})
                continue
            for name in ("summons_report", "summons_decision"):
                doc = getattr(s, name)
                if doc.date is not None and doc.date > s.date:
                    yield Hit(f"{step_ptr(i)}/{name}/date", "late",
                              {"step": kind, "absent": s.force_majeure_absent,
                               "date": doc.date, "meeting": s.date})
                    break


def equal_counts(p: EqualCounts, c: Ctx) -> Iterator[Hit]:
    here, there = steps_of(c, p.step)[:1], steps_of(c, p.same_as)[:1]
    if not here or not there:
        return
    (i, s), (_, t) = here[0], there[0]
    if s.summoned is not None and t.summoned is not None and s.summoned != t.summoned:
        yield Hit(f"{step_ptr(i)}/summoned", values={"step": p.step, "other": p.same_as,
                                                     "count": s.summoned,
                                                     "other_count": t.summoned})


def divergence(p: Divergence, c: Ctx) -> Iterator[Hit]:
    above, carry = ratio(p.select_above), ratio(p.carry_at_least)
    prev, cur = steps_of(c, p.previous)[:1], steps_of(c, p.step)[:1]
    if not prev or not cur:
        return
    (_, ps), (i, s) = prev[0], cur[0]
    leadership = family(c).leadership
    if not ps.summoned or not s.summoned or leadership is None:
        return
    before = {key(n) for n in selection(ps, ps.summoned, above, carry)}
    now = selection(s, s.summoned, above, carry)
    if not before or not now or all(key(n) in before for n in now):
        return  # nobody went on from `previous`: its stop is reported by its own rule
    new = next(n for n in now if key(n) not in before)
    members = leadership.total_members
    need = ratio(p.at_least)
    if s.reselection is None:
        yield Hit(step_ptr(i), "missing", {"name": new, "step": p.step})
        return
    name = family(c).candidate.full_name
    v = sum(n.votes for n in s.reselection.nominations if same(n.name, name))
    if Fraction(v) < need * members:
        needed = -(-need.numerator * members // need.denominator)
        yield Hit(f"{step_ptr(i)}/reselection", "short",
                  {"name": name, "votes": v, "members": members, "needed": needed})


def final_vote(p: FinalVote, c: Ctx) -> Iterator[Hit]:
    above = ratio(p.above)
    half = Fraction(1, 2)
    for i, s in steps_of(c, p.step)[:1]:
        if p.denominator == "leadership_members":
            leadership = family(c).leadership
            total = leadership.total_members if leadership else None
        else:
            total = base(s, p.denominator)
        if not total or not s.nominations:
            yield Hit(step_ptr(i), "no_results", {"step": p.step}, Kind.UNDECIDABLE)
            continue
        name = c.case.subject.full_name  # the candidate; a transfer's person
        j = nomination_index(s, name)
        v = votes_for(s, name)
        share = Fraction(v, total)
        at = f"{step_ptr(i)}/nominations" + (f"/{j}/votes" if j is not None else "")
        vals: dict[str, Value] = {"step": p.step, "name": name, "votes": v,
                                  "summoned": total, "share": share}
        others = [votes for k, (_, votes) in tally(s).items() if k != key(name)]
        best_other = max(others, default=-1)
        if share > above:
            if best_other >= v:
                yield Hit(at, "not_top", vals)
            continue
        if share == half and above == half:
            tied = [o for o in others if o == v]
            if p.at_half == "tie_head_decides" and not tied:
                yield Hit(at, "single_half", vals, Kind.UNDECIDABLE)
                continue
            hc = s.head_choice
            if p.at_half == "head_or_referral" and s.referral is not None:
                continue
            if p.vacancy_referral and c.case.unit.head_vacant:
                if s.referral is None:
                    yield Hit(at, "half_vacant_no_referral", vals)
                continue
            if hc is None or not same(hc.chosen, name):
                yield Hit(f"{step_ptr(i)}/head_choice" if hc else at, "half_no_choice", vals)
            elif (p.at_half == "tie_head_decides" or p.report_at_half) and hc.report is None:
                yield Hit(f"{step_ptr(i)}/head_choice", "half_no_report", vals)
            continue
        if p.below == "referral":
            if s.referral is None:
                yield Hit(at, "below_no_referral", vals)
            continue
        yield Hit(at, "below", vals)


# ---------------------------------------------------------------- registry
_STEP_VOTE = "step name votes summoned share"
# Every kind here reads the steps, which the shapes of STEPPED record; those that also
# read the candidate or the leadership (nomination rounds, divergence, a final vote
# counted on the leadership's members) need the appointment family.
KINDS = (
    Predicate(StepSequence, step_sequence, emits(
        missing="step", order="step previous", duplicate="step", foreign="step"),
        reads=STEPPED),
    Predicate(StepFieldPresent, step_field_present, emits(default="step"), reads=STEPPED),
    Predicate(Quorum, quorum, emits(default="step present summoned needed", no_counts="step"),
              reads=STEPPED),
    Predicate(BallotCounts, ballot_counts, emits(
        present_over="step present summoned", votes_over="step votes present",
        counted_twice="step summoned seats dual persons",
        absent_over="step absent summoned present"), reads=STEPPED),
    Predicate(NominationRound, nomination_round, emits(
        no_results="step", stop="step top_share", stop_reported="step top_share",
        not_selected="step name votes summoned share chosen"), reads=AppointmentFamily),
    Predicate(CarriedForward, carried_forward, emits(
        dropped="step next name share", not_chosen="step next name share",
        off_list="step next name", unknown="step next name share"), reads=STEPPED),
    Predicate(ForceMajeure, force_majeure, emits(
        default="step absent", late="step absent date meeting"), reads=STEPPED),
    Predicate(EqualCounts, equal_counts, emits(default="step other count other_count"),
              reads=STEPPED),
    Predicate(Divergence, divergence, emits(
        missing="name step", short="name votes members needed"), reads=AppointmentFamily),
    Predicate(FinalVote, final_vote, emits(
        no_results="step", below=_STEP_VOTE, not_top=_STEP_VOTE, single_half=_STEP_VOTE,
        half_no_choice=_STEP_VOTE, half_no_report=_STEP_VOTE, below_no_referral=_STEP_VOTE,
        half_vacant_no_referral=_STEP_VOTE), reads=STEPPED),
)
