"""The closed set of predicate kinds. Each is pure: (parameters, case) → hits.

A predicate knows nothing of languages or citations. It yields Hits: where (a JSON
pointer into the case), which of its messages applies, and the values for that
message's placeholders. The rule pack supplies the sentences; the engine renders them.

Every kind declares MESSAGES: the message keys it may emit and the placeholders each
one provides. Loading a pack checks a rule's sentences against that declaration, so a
typo in a placeholder is a load error, never a crash in the middle of a run.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from checker.model import (
    Case,
    ConsultationKind,
    DisciplineForm,
    DossierKind,
    Step,
    StepKind,
)
from checker.report import Kind
from checker.text import key, same
from checker.workdays import (
    add_months,
    add_working_days,
    months_between,
    shift,
    subtract_working_days,
    within_working_days,
)

Value = str | int | Fraction | dt.date


@dataclass(frozen=True)
class Hit:
    pointer: str
    message: str = "default"
    values: dict[str, Value] = field(default_factory=dict)
    kind: Kind = Kind.VIOLATION
    # This step had to stop the procedure (nobody reached the threshold) but the unit
    # went on: the engine reports the stop and judges none of the later steps.
    halts: bool = False
    # The index of the step the finding judges, where its pointer is elsewhere (e.g. a
    # consultation judged against a step's date); by default the step in the pointer.
    step: int | None = None


@dataclass(frozen=True)
class Ctx:
    case: Case
    data: dict[str, Any]  # the validated case as plain JSON values, for pointer look-ups
    as_of: dt.date | None


# ---------------------------------------------------------------- parameter types
POINTER = r"^(/([^/~]|~[01])*)*$"
Pointer = Annotated[str, Field(pattern=POINTER)]
# A date reference: a JSON pointer, or "step:first", "step:last", "step:<kind>", or a
# fixed date "date:2026-08-01" (e.g. the day an amending decree took effect).
DATEREF = r"^((/([^/~]|~[01])*)+|step:(first|last|[a-z_0-9]+)|date:[0-9]{4}-[0-9]{2}-[0-9]{2})$"
DateRef = Annotated[str, Field(pattern=DATEREF)]
# A share such as 2/3: a few digits each side (a 5,000-digit one cannot even be read as a
# number; no rule of law needs more than four).
Ratio = Annotated[str, Field(pattern=r"^[0-9]{1,4}/[1-9][0-9]{0,3}$")]
# A date that, when the case records it, is the only reading of a reference date (e.g.
# the reference date the competent body fixed); otherwise every listed reading counts.
Prefer = Annotated[str | None, Field(
    pattern=POINTER, description="A date that, when the case records it, is the only reading "
                                 "(e.g. the reference date the competent body fixed)")]


def ratio(s: str) -> Fraction:
    a, b = s.split("/")
    return Fraction(int(a), int(b))


class Params(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    def unused(self) -> set[str]:
        """Message keys the predicate cannot emit with these parameters (so a rule need
        not write them)."""
        return set()


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
    month_end: bool = Field(
        False, description="`then` stands for the end of its month (e.g. the retirement "
                           "date, whose moment is the last day of that month)")


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

    def unused(self) -> set[str]:
        out = {"below_no_referral" if self.below == "fail" else "below"}
        if not self.vacancy_referral:
            out.add("half_vacant_no_referral")
        if self.at_half != "tie_head_decides":
            out.add("single_half")
            if not self.report_at_half:
                out.add("half_no_report")
        return out


class TenureMonths(Params):
    """Time in the immediately lower or an equivalent post: the current post from
    `candidate.current_post_since`, plus earlier posts (`candidate.posts_held`) of the
    counted relations, excluding posts left through discipline and acting periods. One
    continuous period is counted in calendar months; non-continuous periods are added
    up in days, and the total meets `months` at 365 days (a year; Bộ luật Dân sự Điều 146
    k1 a), falls short below 30 × `months` days, and cannot be decided in between. The
    reference date has the readings of `until`, as in min_months. A document at `unless`
    (the special-case decision) discharges it."""

    kind: Literal["tenure_months"]
    until: list[DateRef] = Field(min_length=1)
    months: int = Field(ge=1, le=600)
    relations: list[Literal["higher", "same", "equivalent", "lower_adjacent"]] = Field(
        min_length=1)
    unless: Pointer | None = None

    @property
    def readings(self) -> list[str]:
        return self.until

    def unused(self) -> set[str]:
        return set() if len(self.until) >= 2 else {"pending"}


class RecentRatings(Params):
    """The `years` most recent annual ratings before the reference date are all in
    `allowed`: the years counted are the `years` calendar years before the reference
    date's year (the current year's rating exists only once the year is assessed, so it
    counts too when recorded)."""

    kind: Literal["recent_ratings"]
    reference: list[DateRef] = Field(min_length=1)
    years: int = Field(ge=1, le=10)
    allowed: list[Literal["excellent", "good", "completed", "not_completed"]] = Field(
        min_length=1)
    overall: Pointer | None = Field(
        None, description="An overall assessment of the period: when it is recorded, a "
                          "year below `allowed` cannot be decided (the law may mean the "
                          "period as a whole)")

    def unused(self) -> set[str]:
        return set() if self.overall is not None else {"overall"}


class NoneOf(Params):
    """The list at `at` holds none of `forbidden`."""

    kind: Literal["none_of"]
    at: Pointer
    forbidden: list[str] = Field(min_length=1)


class MaxMonths(Params):
    """The period from `start` to `end` (its last day) is at most `months` months: a
    period in months counted from a day ends with the corresponding day of the last
    month (Bộ luật Dân sự 2015 Điều 147, 148). If `end` is missing and the reference date
    (--as-of) is later than the last allowed day, the period has run over ("open"). A
    truthy value at `unless` discharges it."""

    kind: Literal["max_months"]
    start: list[DateRef] = Field(min_length=1)
    end: list[DateRef] = Field(min_length=1)
    months: int = Field(ge=1, le=600)
    unless: Pointer | None = None
    open_question: bool = Field(
        False, description="The law does not say whether the limit applies to this case: "
                           "a period over it cannot be decided, rather than a breach")
    ongoing: bool = Field(
        True, description="`end` is an event that may not have happened yet (the period "
                          "is still running): without it, --as-of past the limit is a "
                          "finding. False when `end` is a stated date (e.g. a decision's)")

    def unused(self) -> set[str]:
        return set() if self.ongoing else {"open"}


class DossierAge(Params):
    """Each dossier item of `items` is no older than `months` months at the reference
    date (it may not be older than `months` months before it, nor dated after it). The
    law does not always say which date is the reference ("thời điểm xem xét"): each of
    `reference` is a reading, and an item fresh on one reading and stale on another
    cannot be decided."""

    kind: Literal["dossier_age"]
    items: list[DossierKind] = Field(min_length=1)
    months: int = Field(ge=1, le=120)
    reference: list[DateRef] = Field(min_length=1, description="The readings, earliest "
                                     "first: a stale item whose earlier reading the case "
                                     "does not record cannot be decided")
    first_filing: Pointer | None = Field(
        None, description="Where a reused dossier's first filing is recorded: when every "
                          "reading lies within `months` of it, items are judged at it")

    @property
    def readings(self) -> list[str]:
        return self.reference

    def unused(self) -> set[str]:
        return set() if len(self.reference) >= 2 else {"ambiguous", "ambiguous_after",
                                                         "stale_unfiled"}


class ConsultationBefore(Params):
    """A consultation of `consultation` was requested in writing and (if `answer`) answered
    in writing no later than the date of `step` (or of the decision). With
    `divergence_analysis`, an answer that disagrees must be followed by a documented
    analysis of the differing opinions."""

    kind: Literal["consultation_before"]
    consultation: Literal["cap_uy_evaluation", "hiep_y", "agency_party_committee",
                          "competent_body"]
    step: StepKind | Literal["decision"]
    answer: bool = True
    divergence_analysis: bool = False
    request: bool = Field(True, description="A written request is required too")
    scope: Pointer | None = Field(
        None, description="A fact that decides whether the consultation is needed at all "
                          "(the rule's `when` excludes the case where it is not): while the "
                          "case does not record it, a missing or late consultation cannot be "
                          "decided")

    def unused(self) -> set[str]:
        out = set() if self.request else {"no_request", "late_request"}
        if self.scope is None:
            out.add("unscoped")
        if not self.answer:
            out |= {"no_answer", "late"}
        if not self.divergence_analysis:
            out.add("no_analysis")
        return out


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


class LeadTime(Params):
    """The date `event` must come at least `days` (working or calendar) days before the
    date `before` (e.g. a notice at least 90 days before the term expires; a decision at
    least one working day before it). A truthy value at `unless` (e.g. the decision
    states a backdated term) discharges it. If `event` is missing and the reference date
    (--as-of) is already past the latest allowed day, the case is late."""

    kind: Literal["lead_time"]
    event: list[DateRef] = Field(min_length=1)
    before: list[DateRef] = Field(min_length=1)
    days: int = Field(ge=1, le=3650)
    unit: Literal["working", "calendar"]
    unless: Pointer | None = None
    duty_from: dt.date | None = Field(
        None, description="The day this version's duty began (its law took effect): a "
                          "latest day before it was due under the earlier law, so lateness "
                          "under this one cannot be decided")

    def unused(self) -> set[str]:
        return set() if self.duty_from is not None else {"before_law"}


class DatedInPeriod(Params):
    """Flags the date at `at` (e.g. the decision's): the rule's own period in force and
    its `when` conditions say everything (e.g. an appointment decided while a freeze on
    appointments was in force). Nothing is reported if the case records no such date."""

    kind: Literal["dated_in_period"]
    at: Pointer


class MinMonths(Params):
    """At least `months` whole months from the date at `since` to the reference date. The
    law does not always say which date is the reference: each of `until` is a reading;
    if the period is long enough under some readings and not others, the predicate says
    it cannot decide. A document at `unless` (the special-case record) discharges it."""

    kind: Literal["min_months"]
    since: Pointer
    until: list[DateRef] = Field(min_length=1)
    months: int = Field(ge=1, le=600)
    unless: Pointer | None = None
    prefer: Prefer = None
    earlier_posts: list[Literal["higher", "same", "equivalent", "lower_adjacent"]] = Field(
        default_factory=list,
        description="Earlier posts (candidate.posts_held) of these relations might count too, "
                    "but the regulation does not say: a period short on its own that those "
                    "posts would make long enough cannot be decided")

    @property
    def readings(self) -> list[str]:
        return self.until

    def unused(self) -> set[str]:
        return (set() if len(self.until) >= 2 else {"ambiguous"}) | (
            set() if self.earlier_posts else {"earlier"})


class RetirementMargin(Params):
    """Months from the reference date to the retirement date (candidate.retirement_date).
    `at_least`: the margin must be at least `months`; below it, a special case needs the
    record at `exception` (each of its `exception_parts` present) and a margin of at least
    `floor` months. `less_than`: the margin must be under `months` (e.g. extension is only
    for those within two years of retirement). Several reference readings as in
    min_months."""

    kind: Literal["retirement_margin"]
    reference: list[DateRef] = Field(min_length=1)

    @property
    def readings(self) -> list[str]:
        return self.reference

    months: int = Field(ge=1, le=600)
    direction: Literal["at_least", "less_than"] = "at_least"
    exception: Pointer | None = None
    exception_parts: list[Literal["review", "evaluation", "decision"]] = Field(
        default_factory=list)
    floor: int | None = Field(None, ge=0, le=600)
    prefer: Prefer = None
    to_month: bool = Field(
        False, description="The law counts \"tính đến tháng đủ tuổi nghỉ hưu\", to the "
                           "month: the margin is the calendar months from the reference "
                           "date's month to the retirement month")

    def unused(self) -> set[str]:
        out = set() if len(self.reference) >= 2 else {"ambiguous"}
        if self.direction == "less_than":
            return out | {"short", "below_floor", "no_exception", "incomplete_exception"}
        out.add("not_less")
        out |= {"no_exception", "incomplete_exception"} if self.exception is None else {"short"}
        if not self.exception_parts:
            out.add("incomplete_exception")
        if self.floor is None:
            out.add("below_floor")
        return out


class DisciplineBar(Params):
    """No appointment while a discipline of a listed form is more recent than its bar:
    the reference date must be at least `months[form]` months after the discipline took
    effect."""

    kind: Literal["discipline_bar"]
    months: dict[DisciplineForm, Annotated[int, Field(ge=1, le=600)]] = Field(min_length=1)
    reference: list[DateRef] = Field(min_length=1)

    @property
    def readings(self) -> list[str]:
        return self.reference

    def unused(self) -> set[str]:
        return set() if len(self.reference) >= 2 else {"ambiguous"}


class NotSet(Params):
    """The value at `at` must be absent, false or empty."""

    kind: Literal["not_set"]
    at: Pointer


class AtMost(Params):
    """The number at `at`, when present, is at most `max`."""

    kind: Literal["at_most"]
    at: Pointer
    max: int = Field(ge=0, le=100_000)


ItemValue = str | bool | int
# In `where`: a value the item's field must equal, or a list of values it may equal.
Match = ItemValue | list[ItemValue]


class ItemsPresent(Params):
    """Every item of the list at `at` that matches `where` records `field`."""

    kind: Literal["items_present"]
    at: Pointer
    where: dict[str, Match] = Field(default_factory=dict)
    field: Annotated[str, Field(pattern=r"^[a-z_]+$")]


class ItemsRequire(Params):
    """If any item of the list at `at` matches `where`, the case must hold a value at
    `require` (e.g. a member outside the set composition needs the Secretariat's
    decision). The finding points at the first such item and names it."""

    kind: Literal["items_require"]
    at: Pointer
    where: dict[str, Match] = Field(min_length=1)
    require: Pointer


class ItemsFalse(Params):
    """No item of the list at `at` that matches `where` has `field` set to `refused`
    (true by default; false to require that a recorded flag is not false)."""

    kind: Literal["items_false"]
    at: Pointer
    where: dict[str, Match] = Field(default_factory=dict)
    field: Annotated[str, Field(pattern=r"^[a-z_]+$")]
    refused: bool = True


class ItemsRatio(Params):
    """For every item of the list at `at` matching `where`: numerator / denominator must
    be at least `ratio` (or above it, if `strict`). If the law's denominator is unclear
    and `alt_denominator` is given, a result that passes on one and fails on the other
    cannot be decided."""

    kind: Literal["items_ratio"]
    at: Pointer
    where: dict[str, Match] = Field(default_factory=dict)
    numerator: Annotated[str, Field(pattern=r"^[a-z_]+$")]
    denominator: Annotated[str, Field(pattern=r"^[a-z_]+$")]
    alt_denominator: Annotated[str, Field(pattern=r"^[a-z_]+$")] | None = None
    ratio: Ratio
    strict: bool = False

    def unused(self) -> set[str]:
        return set() if self.alt_denominator is not None else {"ambiguous"}


class ItemsDatedUntil(Params):
    """Every item of the list at `at` is dated (its `field`, by default `date`) no later
    than `until`, or than the date the case records at `until_at` (one of the two)."""

    kind: Literal["items_dated_until"]
    at: Pointer
    field: Annotated[str, Field(pattern=r"^[a-z_]+$")] = "date"
    until: dt.date | None = None
    until_at: Pointer | None = None

    @model_validator(mode="after")
    def _one_limit(self) -> ItemsDatedUntil:
        if (self.until is None) == (self.until_at is None):
            raise ValueError("give exactly one of until and until_at")
        return self


class ItemsExist(Params):
    """At least one item of the list at `at` matches `where` (e.g. a meeting of the ban
    cán sự đảng on personnel)."""

    kind: Literal["items_exist"]
    at: Pointer
    where: dict[str, Match] = Field(min_length=1)


# ---------------------------------------------------------------- removal (issue 14, D)
# Predicate kinds added for dismissal (miễn nhiệm, NĐ 170 Điều 53-55): one contiguous
# block, to move into the removal family of checker/rules/predicates/ when it exists.
# Each works on the case as JSON values (pointers), not on one procedure's model.
class FieldsPresent(Params):
    """Each place of `at` holds a value; with `field`, each place of `at` that the case
    holds has a value at `field` below it (e.g. every cited ground carries its founding
    document). With `absent`, the places must hold nothing instead (e.g. points of an
    article that a regime does not have). A finding names the place's last key."""

    kind: Literal["fields_present"]
    at: list[Pointer] = Field(min_length=1)
    field: Pointer | None = None
    absent: bool = False


class ShareAbove(Params):
    """The number at `numerator` over the number at `denominator` is above `ratio` (at
    least `ratio`, unless `strict`). Either number missing: the fact is not shown."""

    kind: Literal["share_above"]
    numerator: Pointer
    denominator: Pointer
    ratio: Ratio
    strict: bool = True


class ItemsCount(Params):
    """At least `min` items of the list at `at` match `where`, dated (their `field`) on or
    after the date at `since` and on or before the date at `until` (each when given and
    recorded). Items that match except that `unsure` is unrecorded may or may not count:
    if the verdict turns on them, it cannot be decided."""

    kind: Literal["items_count"]
    at: Pointer
    where: dict[str, Match] = Field(default_factory=dict)
    min: int = Field(ge=1, le=1000)
    field: Annotated[str, Field(pattern=r"^[a-z_]+$")] = "date"
    since: DateRef | None = None
    until: DateRef | None = None
    unsure: Annotated[str, Field(pattern=r"^[a-z_]+$")] | None = None

    def unused(self) -> set[str]:
        return set() if self.unsure else {"ambiguous"}


class ConsecutiveYears(Params):
    """Some `years` consecutive years (the items' `year`) each have an item of the list at
    `at` matching `where`. With `since`, only years from that date's year count; if only
    earlier years would do, it cannot be decided (the text does not say which years).
    Items that match except that `unsure` is unrecorded: cannot decide if they matter."""

    kind: Literal["consecutive_years"]
    at: Pointer
    where: dict[str, Match] = Field(default_factory=dict)
    years: int = Field(ge=1, le=50)
    since: DateRef | None = None
    unsure: Annotated[str, Field(pattern=r"^[a-z_]+$")] | None = None

    def unused(self) -> set[str]:
        return (set() if self.since else {"before"}) | (
            set() if self.unsure else {"ambiguous"})


class StagedDeadline(Params):
    """`end` within `days` (working or calendar) days after `start`; up to `extended`
    days only with an objective reason recorded at `reason`. Whether `extended` is the
    total or the length of the extension is open in the text ("kéo dài không quá 15 ngày
    làm việc"): with a reason, a day count above `extended` but within `days` + `extended`
    cannot be decided; beyond that it is late under both readings. Every recorded date of
    `start` is a reading (e.g. the founding document of each ground cited): late under
    some and in time under others cannot be decided; with `unknown_start`, an `end`
    without any recorded start cannot be decided either."""

    kind: Literal["staged_deadline"]
    start: list[DateRef] = Field(min_length=1)
    end: list[DateRef] = Field(min_length=1)
    days: int = Field(ge=1, le=3650)
    unit: Literal["working", "calendar"]
    extended: int | None = Field(None, ge=1, le=3650)
    reason: Pointer | None = None
    unknown_start: bool = False

    def unused(self) -> set[str]:
        out = set() if self.extended else {"late_no_reason", "ambiguous_extension"}
        out |= set() if len(self.start) >= 2 else {"ambiguous_start"}
        return out | (set() if self.unknown_start else {"unknown"})


class CollectiveVote(Params):
    """A decision that needs over `ratio` of the members of the bodies at `bodies` (each
    {members, agree}) agreeing; at or below it, the head decides or submits upward (NĐ
    170 Điều 53 k2 b). The text leaves open whether the bodies count jointly or each on
    its own, and whether someone in two bodies (`overlap`: {members, agree}) counts once
    or twice: every reading is computed and the verdict given only where all agree. At or
    below the threshold, a decision presented (at `route`) as `collective` is a
    violation; one by `upward` needs the submission at `submission`."""

    kind: Literal["collective_vote"]
    bodies: list[Pointer] = Field(min_length=1)
    overlap: Pointer | None = None
    ratio: Ratio
    route: Pointer
    collective: str = "collective"
    upward: str = "higher_body"
    submission: Pointer | None = None

    def unused(self) -> set[str]:
        return set() if self.submission else {"no_submission"}


class DateSequence(Params):
    """The dates at `order` that the case records do not go backwards. A finding names
    the two places by the key above each date (e.g. `report` for /party_steps/report/
    date), which a pack's `names` may render."""

    kind: Literal["date_sequence"]
    order: list[Pointer] = Field(min_length=2)


class OpenQuestion(Params):
    """A value at `at` raises a question the law leaves open (e.g. a point whose cross-
    reference does not fit): cannot decide, and say why."""

    kind: Literal["open_question"]
    at: Pointer

    @property
    def open_question(self) -> bool:
        """Its only finding is "cannot decide"."""
        return True


def _last_key(pointer: str) -> str:
    return pointer.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")


def _place(pointer: str) -> str:
    """What a dated place is called: /meeting/date is the meeting, /proposal/document/
    date the proposal, /party_steps/report/date the report."""
    for tail in ("/date", "/document"):
        pointer = pointer.removesuffix(tail)
    return _last_key(pointer)


def fields_present(p: FieldsPresent, c: Ctx) -> Iterator[Hit]:
    for at in p.at:
        held = resolve(c.data, at) not in (None, [])
        if p.absent:
            if held:
                yield Hit(at, values={"item": _last_key(at)})
        elif p.field is None:
            if not held:
                yield Hit(_existing(c, at), values={"item": _last_key(at)})
        elif held and resolve(c.data, at + p.field) in (None, []):
            yield Hit(at, values={"item": _last_key(at)})


def share_above(p: ShareAbove, c: Ctx) -> Iterator[Hit]:
    num, den = resolve(c.data, p.numerator), resolve(c.data, p.denominator)
    r = ratio(p.ratio)
    if not isinstance(num, int) or not isinstance(den, int) or den <= 0:
        yield Hit(_existing(c, p.numerator.rsplit("/", 1)[0]), "missing",
                  {"ratio": r})
        return
    share = Fraction(num, den)
    if share > r or (not p.strict and share == r):
        return
    yield Hit(p.numerator, values={"count": num, "total": den, "share": share, "ratio": r})


def _window(c: Ctx, since: str | None, until: str | None
            ) -> tuple[dt.date | None, dt.date | None]:
    lo = date_ref(c, c.data, since) if since else None
    hi = date_ref(c, c.data, until) if until else None
    return (lo[0] if lo else None), (hi[0] if hi else None)


def _sure_or_maybe(it: dict[str, Any], where: dict[str, Match], unsure: str | None
                   ) -> str | None:
    def ok(k: str, v: Match) -> bool:
        return it.get(k) in v if isinstance(v, list) else it.get(k) == v
    if all(ok(k, v) for k, v in where.items()):
        return "sure"
    if unsure and it.get(unsure) is None and all(
            ok(k, v) for k, v in where.items() if k != unsure):
        return "maybe"
    return None


def items_count(p: ItemsCount, c: Ctx) -> Iterator[Hit]:
    items = resolve(c.data, p.at)
    lo, hi = _window(c, p.since, p.until)
    sure = maybe = 0
    for it in items if isinstance(items, list) else []:
        if not isinstance(it, dict):
            continue
        day = _item_date(it, p.field)
        if isinstance(day, dt.date) and ((lo and day < lo) or (hi and day > hi)):
            continue
        found = _sure_or_maybe(it, p.where, p.unsure)
        sure += found == "sure"
        maybe += found == "maybe"
    if sure >= p.min:
        return
    at = p.at if resolve(c.data, p.at) is not None else _existing(c, p.at)
    if sure + maybe >= p.min:
        yield Hit(at, "ambiguous", {"count": sure, "min": p.min, "unsure_count": maybe},
                  Kind.UNDECIDABLE)
    else:
        yield Hit(at, values={"count": sure, "min": p.min})


def _runs(years: set[int], n: int) -> bool:
    return any(all(y + k in years for k in range(n)) for y in years)


def consecutive_years(p: ConsecutiveYears, c: Ctx) -> Iterator[Hit]:
    items = resolve(c.data, p.at)
    sure: set[int] = set()
    maybe: set[int] = set()
    for it in items if isinstance(items, list) else []:
        if isinstance(it, dict) and isinstance(it.get("year"), int):
            found = _sure_or_maybe(it, p.where, p.unsure)
            if found == "sure":
                sure.add(it["year"])
            elif found == "maybe":
                maybe.add(it["year"])
    start = date_ref(c, c.data, p.since) if p.since else None
    first = start[0].year if start else None

    def since(ys: set[int]) -> set[int]:
        return {y for y in ys if first is None or y >= first}

    at = p.at if resolve(c.data, p.at) is not None else _existing(c, p.at)
    if _runs(since(sure), p.years):
        return
    if _runs(since(sure | maybe), p.years):
        yield Hit(at, "ambiguous", {"years": p.years}, Kind.UNDECIDABLE)
    elif start and _runs(sure | maybe, p.years):
        yield Hit(at, "before", {"years": p.years, "since": start[0]}, Kind.UNDECIDABLE)
    else:
        yield Hit(at, values={"years": p.years})


def _count_within(unit: str, start: dt.date, end: dt.date, n: int) -> bool:
    if unit == "working":
        return within_working_days(start, end, n)
    return end <= shift(start, n)


def _due(unit: str, start: dt.date, n: int) -> dt.date:
    return add_working_days(start, n) if unit == "working" else shift(start, n)


def staged_deadline(p: StagedDeadline, c: Ctx) -> Iterator[Hit]:
    end = first_date(c, c.data, p.end)
    if not end:
        return
    starts = _dates(c, p.start)
    if not starts:
        if p.unknown_start:
            yield Hit(end[1], "unknown", {"days": p.days}, Kind.UNDECIDABLE)
        return
    reason = p.reason is not None and resolve(c.data, p.reason) is not None

    def verdict(start: dt.date) -> str | None:
        if _count_within(p.unit, start, end[0], p.days):
            return None
        if p.extended is None:
            return "late"
        if _count_within(p.unit, start, end[0], p.extended):
            return None if reason else "late_no_reason"
        if _count_within(p.unit, start, end[0], p.days + p.extended) and reason:
            return "ambiguous_extension"
        return "late" if reason else "late_no_reason"

    # The latest start is the most lenient reading, the earliest the strictest.
    lenient = max(starts)
    strict = min(starts)
    vals: dict[str, Value] = {"end": end[0], "days": p.days}
    key_ = verdict(lenient[0])
    if key_ is None:
        if verdict(strict[0]) is not None:
            yield Hit(end[1], "ambiguous_start",
                      {**vals, "start": strict[0], "due": _due(p.unit, strict[0], p.days),
                       "other": lenient[0]}, Kind.UNDECIDABLE)
        return
    extended = p.extended or p.days
    vals |= {"start": lenient[0], "due": _due(p.unit, lenient[0], p.days),
             "extended": extended, "total": p.days + (p.extended or 0)}
    kind = Kind.UNDECIDABLE if key_ == "ambiguous_extension" else Kind.VIOLATION
    yield Hit(end[1], key_, vals, kind)


def _vote(c: Ctx, at: str) -> tuple[int, int] | None:
    v = resolve(c.data, at)
    if isinstance(v, dict) and isinstance(v.get("members"), int) and isinstance(
            v.get("agree"), int):
        return v["members"], v["agree"]
    return None


def collective_vote(p: CollectiveVote, c: Ctx) -> Iterator[Hit]:
    r = ratio(p.ratio)
    bodies = [(at, v) for at in p.bodies if (v := _vote(c, at)) is not None]
    if not bodies:
        return  # which bodies must meet is a rule of its own
    for at, (members, agree) in bodies:
        if agree > members:
            yield Hit(f"{at}/agree", "counts", {"agree": agree, "members": members})
            return
    both = _vote(c, p.overlap) if p.overlap else None
    b_members, b_agree = both if both else (0, 0)
    # Readings (NĐ 170 Điều 53 k2 b leaves them open): each body on its own; one joint
    # count with a member of both bodies counted twice; one joint count with them once.
    shares = [Fraction(a, m) for _, (m, a) in bodies]
    separate = all(s > r for s in shares)
    tm, ta = sum(m for _, (m, _) in bodies), sum(a for _, (_, a) in bodies)
    joint = [Fraction(ta, tm)]
    if len(bodies) > 1 and b_members > 0 and tm - b_members > 0:
        joint.append(Fraction(max(ta - b_agree, 0), tm - b_members))
    results = [separate, *(j > r for j in joint)]
    all_shares = shares + joint
    lo, hi = min(all_shares), max(all_shares)
    route = resolve(c.data, p.route)
    vals: dict[str, Value] = {"ratio": r, "share": lo, "other": hi}
    if all(results):
        return
    if route == p.collective:
        if any(results):
            yield Hit(p.route, "ambiguous", vals, Kind.UNDECIDABLE)
        else:
            yield Hit(p.route, "collective_below", vals)
    elif route is None:
        if not any(results):
            yield Hit(_existing(c, p.route), "no_route", vals)
    elif route == p.upward and p.submission and resolve(c.data, p.submission) is None \
            and not any(results):
        yield Hit(p.route, "no_submission", vals)


def date_sequence(p: DateSequence, c: Ctx) -> Iterator[Hit]:
    dated = [(found, at) for at in p.order if (found := date_ref(c, c.data, at))]
    for (a, a_at), (b, b_at) in itertools.pairwise(dated):
        if b[0] < a[0]:
            yield Hit(b[1], values={
                "first": _place(a_at), "then": _place(b_at),
                "first_date": a[0], "then_date": b[0]})


def open_question(p: OpenQuestion, c: Ctx) -> Iterator[Hit]:
    if resolve(c.data, p.at) is not None:
        yield Hit(p.at, kind=Kind.UNDECIDABLE)
# ---------------------------------------------------------------- end of removal (D)


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
    | CarriedForward
    | ForceMajeure
    | EqualCounts
    | TenureMonths
    | RecentRatings
    | NoneOf
    | MaxMonths
    | DossierAge
    | Divergence
    | FinalVote
    | ConsultationBefore
    | ConsultationRecorded
    | FlagTrue
    | ValueIn
    | DossierItemPresent
    | DocumentAge
    | LeadTime
    | DatedInPeriod
    | MinMonths
    | RetirementMargin
    | DisciplineBar
    | NotSet
    | AtMost
    | ItemsPresent
    | ItemsRequire
    | ItemsFalse
    | ItemsRatio
    | ItemsDatedUntil
    | ItemsExist
    # removal (issue 14, D)
    | FieldsPresent
    | ShareAbove
    | ItemsCount
    | ConsecutiveYears
    | StagedDeadline
    | CollectiveVote
    | DateSequence
    | OpenQuestion,
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
    if ref.startswith("date:"):
        try:
            return dt.date.fromisoformat(ref[5:]), ""
        except ValueError:
            return None
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
        yield Hit(_existing(c, p.at.rsplit("/", 1)[0]))


def _existing(c: Ctx, pointer: str) -> str:
    """The pointer, or its nearest ancestor the case holds (a finding's place must exist
    for its line and column to be right)."""
    while pointer and resolve(c.data, pointer) is None:
        pointer = pointer.rsplit("/", 1)[0]
    return pointer


def date_order(p: DateOrder, c: Ctx) -> Iterator[Hit]:
    data = c.data
    a, b = first_date(c, data, p.first), first_date(c, data, p.then)
    if not a or not b:
        return
    limit = _month_end(b[0]) if p.month_end else b[0]
    if a[0] > limit or (p.strict and a[0] == limit):
        yield Hit(b[1], values={"first_date": a[0], "then_date": b[0]})


def _month_end(d: dt.date) -> dt.date:
    if d.month == 12:
        return dt.date(d.year, 12, 31)
    return dt.date(d.year, d.month + 1, 1) - dt.timedelta(days=1)


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
        return day > shift(start[0], p.days)

    def due() -> dt.date:
        if p.unit == "working":
            return add_working_days(start[0], p.days)
        return shift(start[0], p.days)

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
    for i, s in enumerate(c.case.steps):
        if s.kind in p.foreign:
            yield Hit(f"{step_ptr(i)}/kind", "foreign", {"step": s.kind})
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
    for i, s in steps(c, p.step)[:1]:
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
        name = c.case.candidate.full_name
        eligible = list(chosen)
        prev = steps(c, p.previous)[:1] if p.previous else []
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
    here, there = steps(c, p.step)[:1], steps(c, p.next)[:1]
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
        for i, s in steps(c, kind):
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
    here, there = steps(c, p.step)[:1], steps(c, p.same_as)[:1]
    if not here or not there:
        return
    (i, s), (_, t) = here[0], there[0]
    if s.summoned is not None and t.summoned is not None and s.summoned != t.summoned:
        yield Hit(f"{step_ptr(i)}/summoned", values={"step": p.step, "other": p.same_as,
                                                     "count": s.summoned,
                                                     "other_count": t.summoned})


def divergence(p: Divergence, c: Ctx) -> Iterator[Hit]:
    above, carry = ratio(p.select_above), ratio(p.carry_at_least)
    prev, cur = steps(c, p.previous)[:1], steps(c, p.step)[:1]
    if not prev or not cur:
        return
    (_, ps), (i, s) = prev[0], cur[0]
    if not ps.summoned or not s.summoned or c.case.leadership is None:
        return
    before = {key(n) for n in selection(ps, ps.summoned, above, carry)}
    now = selection(s, s.summoned, above, carry)
    if not before or not now or all(key(n) in before for n in now):
        return  # nobody went on from `previous`: its stop is reported by its own rule
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
        if p.denominator == "leadership_members":
            total = c.case.leadership.total_members if c.case.leadership else None
        else:
            total = base(s, p.denominator)
        if not total or not s.nominations:
            yield Hit(step_ptr(i), "no_results", {"step": p.step}, Kind.UNDECIDABLE)
            continue
        name = c.case.candidate.full_name
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


def tenure_months(p: TenureMonths, c: Ctx) -> Iterator[Hit]:
    if p.unless and resolve(c.data, p.unless) is not None:
        return
    refs = _dates(c, p.until)
    if not refs:
        return
    cand = c.case.candidate
    if cand.current_post_since is None:
        yield Hit("/candidate", "unknown", {"months": p.months}, Kind.UNDECIDABLE)
        return
    counted = [(h.since, h.until) for h in cand.posts_held
               if h.relation in p.relations and not h.ended_by_discipline and not h.acting
               and h.since <= h.until]
    verdicts = [(d, _tenure(cand.current_post_since, counted, d, p.months)) for d, _ in refs]
    bad = [(d, v) for d, v in verdicts if v[0] != "ok"]
    if not bad:
        return
    ok = [d for d, v in verdicts if v[0] == "ok"]
    unsure = [(d, v) for d, v in bad if v[0] == "unsure"]
    d, (_, held_days, held_months) = (unsure or bad)[0]
    vals: dict[str, Value] = {"since": cand.current_post_since, "until": d,
                              "months": p.months, "held": held_months, "days": held_days}
    at = "/candidate/current_post_since"
    later_missing = len(refs) < len(p.until) and date_ref(c, c.data, p.until[-1]) is None
    if later_missing and not ok:
        # Short so far, but the later reading (the decision) is still to come.
        yield Hit(at, "pending", vals, Kind.UNDECIDABLE)
    elif unsure:
        # Added-up periods between twelve 30-day months and a year: the law does not say.
        yield Hit(at, "unsure", vals, Kind.UNDECIDABLE)
    elif ok:
        # Short up to one reading of the reference date, enough up to another.
        yield Hit(at, "ambiguous", {**vals, "other": ok[0]}, Kind.UNDECIDABLE)
    else:
        yield Hit(at, "short", vals)


def _tenure(since: dt.date, earlier: list[tuple[dt.date, dt.date]], until: dt.date,
            months: int) -> tuple[str, int, int]:
    """("ok" | "short" | "unsure", days held, whole months of the current post)."""
    current = months_between(since, until) if since <= until else 0
    spans = [(a, min(b, until - dt.timedelta(days=1))) for a, b in earlier if a < until]
    spans = [(a, b) for a, b in spans if a <= b]
    if not spans:
        # One continuous period: calendar months (Bộ luật Dân sự Điều 147, 148).
        held = (until - since).days if since <= until else 0
        return ("ok" if current >= months else "short", held, current)
    if since < until:
        spans.append((since, until - dt.timedelta(days=1)))
    # Days actually held, each once: periods that overlap are not counted twice.
    total = 0
    last: dt.date | None = None
    for a, b in sorted(spans):
        if last is not None and a <= last:
            a = last + dt.timedelta(days=1)
        if a <= b:
            total += (b - a).days + 1
            last = b
    if total >= 365 * months // 12:
        return "ok", total, current
    if total < 30 * months:
        return "short", total, current
    return "unsure", total, current


def recent_ratings(p: RecentRatings, c: Ctx) -> Iterator[Hit]:
    found = first_date(c, c.data, p.reference)
    if not found:
        return
    year = found[0].year
    worse = ["not_completed", "completed", "good", "excellent"]
    by_year: dict[int, tuple[int, str]] = {}
    for i, r in enumerate(c.case.candidate.ratings):
        # A year recorded twice counts at its worse rating: a later entry cannot hide it.
        if r.year not in by_year or worse.index(r.rating) < worse.index(by_year[r.year][1]):
            by_year[r.year] = (i, r.rating)
    # The current year counts once it is rated; otherwise the years before it.
    last = year if year in by_year else year - 1
    wanted = list(range(last - p.years + 1, last + 1))
    missing = [y for y in wanted if y not in by_year]
    overall = p.overall is not None and resolve(c.data, p.overall) is not None
    for y in wanted:
        if y in by_year and by_year[y][1] not in p.allowed:
            i, rating = by_year[y]
            yield Hit(f"/candidate/ratings/{i}/rating", "overall" if overall else "low",
                      {"year": y, "rating": rating},
                      Kind.UNDECIDABLE if overall else Kind.VIOLATION)
    if missing:
        yield Hit("/candidate/ratings" if c.case.candidate.ratings else "/candidate",
                  "missing", {"years": ", ".join(map(str, missing))}, Kind.UNDECIDABLE)


def none_of(p: NoneOf, c: Ctx) -> Iterator[Hit]:
    v = resolve(c.data, p.at)
    values = v if isinstance(v, list) else [v]
    for i, x in enumerate(values):
        if isinstance(x, str) and x in p.forbidden:
            at = f"{p.at}/{i}" if isinstance(v, list) else p.at
            yield Hit(at, values={"value": x})


def max_months(p: MaxMonths, c: Ctx) -> Iterator[Hit]:
    start = first_date(c, c.data, p.start)
    if not start:
        return
    if p.unless and resolve(c.data, p.unless) not in (None, False):
        return
    latest = add_months(start[0], p.months)
    vals: dict[str, Value] = {"start": start[0], "latest": latest, "months": p.months}
    kind = Kind.UNDECIDABLE if p.open_question else Kind.VIOLATION
    end = first_date(c, c.data, p.end)
    if end:
        if end[0] > latest:
            yield Hit(end[1] or start[1], values={**vals, "end": end[0]}, kind=kind)
    elif p.ongoing and c.as_of and c.as_of > latest:
        # A fixed start ("date:…") has no place in the file: point at what is missing.
        at = start[1] or p.end[0].rsplit("/", 1)[0]
        yield Hit(at, "open", {**vals, "as_of": c.as_of}, kind)


def dossier_age(p: DossierAge, c: Ctx) -> Iterator[Hit]:
    refs = _dates(c, p.reference)
    d = c.case.dossier
    if d is None or not refs:
        return
    # A reading listed before the first one found is missing (e.g. the filing date).
    first_found = next(i for i, r in enumerate(p.reference) if date_ref(c, c.data, r))
    earlier_missing = first_found > 0
    reused = date_ref(c, c.data, p.first_filing) if p.first_filing else None
    # The first dossier used again within the period: an item fresh when it was first
    # filed is still good.
    reuse_from = (add_months(reused[0], -p.months) if reused and all(
        r <= add_months(reused[0], p.months) for r, _ in refs) else None)
    for i, it in enumerate(d.items):
        if it.kind not in p.items:
            continue
        at = f"/dossier/items/{i}"
        if it.document.date is None:
            yield Hit(f"{at}/document", "undated", {"item": it.kind}, Kind.UNDECIDABLE)
            continue
        dated: list[tuple[str, dt.date, str]] = [
            (str(it.kind), it.document.date, f"{at}/document/date")]
        if it.photo_date is not None and it.kind == "curriculum_vitae":  # "(… ảnh chụp)"
            dated.append(("photo", it.photo_date, f"{at}/photo_date"))
        for name, issued, where in dated:
            yield from _age(p, name, issued, where, refs, reuse_from, earlier_missing)


def _age(p: DossierAge, name: str, issued: dt.date, at: str,
         refs: list[tuple[dt.date, str]], reuse_from: dt.date | None,
         earlier_missing: bool) -> Iterator[Hit]:
    stale = [r for r, _ in refs if issued < add_months(r, -p.months)]
    if reuse_from is not None and issued >= reuse_from:
        stale = []
    early = [r for r, _ in refs if issued > r]
    vals: dict[str, Value] = {"item": name, "issued": issued, "months": p.months}
    if stale and len(stale) == len(refs):
        if earlier_missing:
            yield Hit(at, "stale_unfiled", {**vals, "reference": stale[0]}, Kind.UNDECIDABLE)
        else:
            yield Hit(at, "too_old", {**vals, "reference": stale[0]})
    elif early and len(early) == len(refs):
        yield Hit(at, "after", {**vals, "reference": early[0]})
    elif stale:
        other = next(r for r, _ in refs if r not in stale)
        yield Hit(at, "ambiguous", {**vals, "reference": stale[0], "other": other},
                  Kind.UNDECIDABLE)
    elif early:
        other = next(r for r, _ in refs if r not in early)
        yield Hit(at, "ambiguous_after", {**vals, "reference": early[0], "other": other},
                  Kind.UNDECIDABLE)


def consultation_before(p: ConsultationBefore, c: Ctx) -> Iterator[Hit]:
    if p.step == "decision":
        d = c.case.decision
        if d is None or d.document.date is None:
            return
        when, where = d.document.date, "/decision"
    else:
        target = steps(c, p.step)[:1]
        if not target:
            return
        i, s = target[0]
        when, where = s.date, step_ptr(i)
    about = None if p.step == "decision" else i
    hits = list(_consultation_hits(p, c, when, where))
    if hits and p.scope is not None and resolve(c.data, p.scope) is None:
        yield Hit(hits[0].pointer, "unscoped", {"step": p.step, "date": when},
                  Kind.UNDECIDABLE, step=about)
        return
    for hit in hits:
        yield dataclasses.replace(hit, step=about)


def _consultation_hits(p: ConsultationBefore, c: Ctx, when: dt.date, where: str
                       ) -> Iterator[Hit]:
    found = [(j, k) for j, k in enumerate(c.case.consultations) if k.kind == p.consultation]
    if not found:
        yield Hit("/consultations" if c.case.consultations else where, "missing",
                  {"step": p.step, "date": when})
        return
    j, k = found[0]
    if not p.request:
        pass
    elif k.request is None:
        yield Hit(f"/consultations/{j}", "no_request", {"body": k.body})
    elif k.request.date is not None and k.request.date > when:
        yield Hit(f"/consultations/{j}/request/date", "late_request",
                  {"body": k.body, "request_date": k.request.date, "step_date": when})
    if p.answer:
        if k.answer is None:
            yield Hit(f"/consultations/{j}", "no_answer", {"body": k.body})
        elif k.answer.date is not None and k.answer.date > when:
            yield Hit(f"/consultations/{j}/answer/date", "late",
                      {"body": k.body, "answer_date": k.answer.date, "step_date": when})
    if p.divergence_analysis and k.answer_agrees is False and k.divergence_analysis is None:
        yield Hit(f"/consultations/{j}", "no_analysis", {"body": k.body})


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
        yield Hit(_existing(c, p.at.rsplit("/", 1)[0]), "missing")
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


def _dates(c: Ctx, refs: list[str], prefer: str | None = None) -> list[tuple[dt.date, str]]:
    """Every reading of a reference date the case records (duplicates dropped); only the
    preferred date if the case records it."""
    if prefer is not None:
        chosen = date_ref(c, c.data, prefer)
        if chosen:
            return [chosen]
    out: list[tuple[dt.date, str]] = []
    for r in refs:
        found = date_ref(c, c.data, r)
        if found and found[0] not in [d for d, _ in out]:
            out.append(found)
    return out


def lead_time(p: LeadTime, c: Ctx) -> Iterator[Hit]:
    data = c.data
    limit = first_date(c, data, p.before)
    if not limit:
        return
    if p.unless and resolve(data, p.unless) not in (None, False):
        return
    if p.unit == "working":
        latest = subtract_working_days(limit[0], p.days)
    else:
        latest = shift(limit[0], -p.days)
    vals: dict[str, Value] = {"limit": limit[0], "latest": latest, "days": p.days}
    event = first_date(c, data, p.event)
    before_law = p.duty_from is not None and latest < p.duty_from
    if event:
        if event[0] > latest:
            if before_law:
                yield Hit(event[1], "before_law", {**vals, "event": event[0]},
                          Kind.UNDECIDABLE)
            else:
                yield Hit(event[1], values={**vals, "event": event[0]})
    elif c.as_of and c.as_of > latest and not before_law:
        yield Hit(limit[1], "open", {**vals, "as_of": c.as_of})


def dated_in_period(p: DatedInPeriod, c: Ctx) -> Iterator[Hit]:
    found = date_ref(c, c.data, p.at)
    if found:
        yield Hit(found[1], values={"date": found[0]})


def min_months(p: MinMonths, c: Ctx) -> Iterator[Hit]:
    v = resolve(c.data, p.since)
    if p.unless and resolve(c.data, p.unless) is not None:
        return
    refs = _dates(c, p.until, p.prefer)
    if not refs:
        return
    if not isinstance(v, str):
        yield Hit(p.since.rsplit("/", 1)[0], "unknown", {"months": p.months}, Kind.UNDECIDABLE)
        return
    since = dt.date.fromisoformat(v)
    short = [(d, at, months_between(since, d)) for d, at in refs
             if months_between(since, d) < p.months]
    if not short:
        return
    d, _, held = short[0]
    vals: dict[str, Value] = {"since": since, "until": d, "held": held, "months": p.months}
    if p.earlier_posts and len(short) == len(refs):
        counted = [(h.since, h.until) for h in c.case.candidate.posts_held
                   if h.relation in p.earlier_posts and not h.ended_by_discipline
                   and not h.acting and h.since <= h.until]
        if counted and any(_tenure(since, counted, r, p.months)[0] != "short"
                           for r, _, _ in short):
            yield Hit(p.since, "earlier", vals, Kind.UNDECIDABLE)
            return
    if len(short) < len(refs):
        ok = next(r for r, _ in refs if r not in [s[0] for s in short])
        yield Hit(p.since, "ambiguous", {**vals, "other": ok}, Kind.UNDECIDABLE)
    else:
        yield Hit(p.since, "short", vals)


def retirement_margin(p: RetirementMargin, c: Ctx) -> Iterator[Hit]:
    refs = _dates(c, p.reference, p.prefer)
    if not refs:
        return
    retire = c.case.candidate.retirement_date
    if retire is None:
        yield Hit("/candidate", "unknown", {"months": p.months}, Kind.UNDECIDABLE)
        return
    if p.to_month:
        # "tính đến tháng đủ tuổi nghỉ hưu": calendar months to the retirement month.
        margins = [(d, (retire.year - d.year) * 12 + (retire.month - d.month)) for d, _ in refs]
    else:
        margins = [(d, months_between(d, retire)) for d, _ in refs]

    def fails(m: int) -> bool:
        return m < p.months if p.direction == "at_least" else m >= p.months

    def verdict(m: int) -> str | None:
        if not fails(m):
            return None
        if p.direction == "less_than":
            return "not_less"
        if p.floor is not None and m < p.floor:
            return "below_floor"
        if p.exception is None:
            return "short"
        rec = resolve(c.data, p.exception)
        if rec is None:
            return "no_exception"
        if any(not (isinstance(rec, dict) and rec.get(part)) for part in p.exception_parts):
            return "incomplete_exception"
        return None

    results = [(d, m, verdict(m)) for d, m in margins]
    bad = [r for r in results if r[2] is not None]
    if not bad:
        return
    d, m, key_ = bad[0]
    vals: dict[str, Value] = {"reference": d, "retirement": retire, "margin": m,
                              "months": p.months, "floor": p.floor or 0}
    assert key_ is not None
    at = p.exception if key_ == "incomplete_exception" and p.exception else (
        "/candidate/retirement_date")
    if len(bad) < len(results):
        ok = next(r[0] for r in results if r[2] is None)
        yield Hit(at, "ambiguous", {**vals, "other": ok}, Kind.UNDECIDABLE)
    else:
        yield Hit(at, key_, vals)


def discipline_bar(p: DisciplineBar, c: Ctx) -> Iterator[Hit]:
    refs = _dates(c, p.reference)
    if not refs:
        return
    for i, disc in enumerate(c.case.candidate.discipline):
        bar = p.months.get(DisciplineForm(disc.form))
        if bar is None:
            continue
        ends = add_months(disc.effective_date, bar)
        inside = [d for d, _ in refs if d < ends]
        if not inside:
            continue
        vals: dict[str, Value] = {"form": disc.form, "effective": disc.effective_date,
                                  "months": bar, "ends": ends, "reference": inside[0]}
        at = f"/candidate/discipline/{i}/effective_date"
        if len(inside) < len(refs):
            yield Hit(at, "ambiguous", vals, Kind.UNDECIDABLE)
        else:
            yield Hit(at, "barred", vals)


def not_set(p: NotSet, c: Ctx) -> Iterator[Hit]:
    v = resolve(c.data, p.at)
    if v is None or v is False or v == [] or v == "":
        return
    value = ", ".join(map(str, v)) if isinstance(v, list) else str(v)
    yield Hit(p.at, values={"value": value})


def at_most(p: AtMost, c: Ctx) -> Iterator[Hit]:
    v = resolve(c.data, p.at)
    if isinstance(v, int) and not isinstance(v, bool) and v > p.max:
        yield Hit(p.at, values={"value": v, "max": p.max})


def _matching(c: Ctx, at: str, where: dict[str, Match]) -> list[tuple[int, dict[str, Any]]]:
    items = resolve(c.data, at)
    if not isinstance(items, list):
        return []
    return [(i, it) for i, it in enumerate(items) if isinstance(it, dict)
            and all(it.get(k) in v if isinstance(v, list) else it.get(k) == v
                    for k, v in where.items())]


def _item_date(it: dict[str, Any], field: str = "date") -> Value:
    v = it.get(field)
    return dt.date.fromisoformat(v) if isinstance(v, str) else ""


def items_present(p: ItemsPresent, c: Ctx) -> Iterator[Hit]:
    for i, it in _matching(c, p.at, p.where):
        if it.get(p.field) is None:
            yield Hit(f"{p.at}/{i}", values={"date": _item_date(it)})


def items_require(p: ItemsRequire, c: Ctx) -> Iterator[Hit]:
    found = _matching(c, p.at, p.where)
    if found and resolve(c.data, p.require) is None:
        i, it = found[0]
        name = it.get("name")
        yield Hit(f"{p.at}/{i}", values={"name": name if isinstance(name, str) else ""})


def items_false(p: ItemsFalse, c: Ctx) -> Iterator[Hit]:
    for i, it in _matching(c, p.at, p.where):
        if it.get(p.field) is p.refused:
            kind = it.get("kind")
            yield Hit(f"{p.at}/{i}/{p.field}", values={
                "date": _item_date(it), "kind": kind if isinstance(kind, str) else ""})


def items_ratio(p: ItemsRatio, c: Ctx) -> Iterator[Hit]:
    r = ratio(p.ratio)

    def ok(num: int, den: int) -> bool:
        return Fraction(num) > r * den if p.strict else Fraction(num) >= r * den

    for i, it in _matching(c, p.at, p.where):
        num, den = it.get(p.numerator), it.get(p.denominator)
        if not isinstance(num, int) or not isinstance(den, int) or den <= 0:
            continue
        vals: dict[str, Value] = {"date": _item_date(it), "count": num, "total": den}
        at = f"{p.at}/{i}/{p.numerator}"
        if ok(num, den):
            continue
        alt = it.get(p.alt_denominator) if p.alt_denominator else None
        if isinstance(alt, int) and alt > 0 and ok(num, alt):
            yield Hit(at, "ambiguous", {**vals, "other": alt}, Kind.UNDECIDABLE)
        else:
            yield Hit(at, values=vals)


def items_dated_until(p: ItemsDatedUntil, c: Ctx) -> Iterator[Hit]:
    limit = p.until
    if p.until_at is not None:
        found = date_ref(c, c.data, p.until_at)
        if not found:
            return
        limit = found[0]
    assert limit is not None
    for i, it in _matching(c, p.at, {}):
        d = _item_date(it, p.field)
        if isinstance(d, dt.date) and d > limit:
            yield Hit(f"{p.at}/{i}/{p.field}", values={"date": d, "until": limit})


def items_exist(p: ItemsExist, c: Ctx) -> Iterator[Hit]:
    if not _matching(c, p.at, p.where):
        yield Hit(p.at if resolve(c.data, p.at) is not None else p.at.rsplit("/", 1)[0])


# ---------------------------------------------------------------- registry
@dataclass(frozen=True)
class Predicate:
    run: Callable[[Any, Ctx], Iterator[Hit]]
    messages: dict[str, frozenset[str]]


def _m(**keys: str) -> dict[str, frozenset[str]]:
    return {k: frozenset(v.split()) for k, v in keys.items()}


_STEP_VOTE = "step name votes summoned share"
_MARGIN = "reference retirement margin months floor"
PREDICATES: dict[str, Predicate] = {
    "same_body": Predicate(same_body, _m(default="left right")),
    "present": Predicate(present, _m(default="")),
    "date_order": Predicate(date_order, _m(default="first_date then_date")),
    "deadline": Predicate(deadline, _m(default="start due days end", open="start due days as_of")),
    "step_sequence": Predicate(step_sequence,
                           _m(missing="step", order="step previous", duplicate="step",
                              foreign="step")),
    "step_field_present": Predicate(step_field_present, _m(default="step")),
    "quorum": Predicate(quorum, _m(default="step present summoned needed", no_counts="step")),
    "ballot_counts": Predicate(ballot_counts, _m(present_over="step present summoned",
                                             votes_over="step votes present",
                                             counted_twice="step summoned seats dual persons",
                                             absent_over="step absent summoned present")),
    "nomination_round": Predicate(nomination_round, _m(
        no_results="step", stop="step top_share", stop_reported="step top_share",
        not_selected="step name votes summoned share chosen")),
    "carried_forward": Predicate(carried_forward, _m(
        dropped="step next name share", not_chosen="step next name share",
        off_list="step next name", unknown="step next name share")),
    "force_majeure": Predicate(force_majeure, _m(default="step absent",
                                                 late="step absent date meeting")),
    "equal_counts": Predicate(equal_counts, _m(default="step other count other_count")),
    "tenure_months": Predicate(tenure_months, _m(
        unknown="months", short="since until months held days",
        unsure="since until months held days",
        pending="since until months held days",
        ambiguous="since until months held days other")),
    "recent_ratings": Predicate(recent_ratings, _m(low="year rating", missing="years",
                                                   overall="year rating")),
    "none_of": Predicate(none_of, _m(default="value")),
    "max_months": Predicate(max_months, _m(default="start latest months end",
                                           open="start latest months as_of")),
    "dossier_age": Predicate(dossier_age, _m(
        undated="item", too_old="item issued months reference",
        after="item issued months reference",
        ambiguous="item issued months reference other",
        ambiguous_after="item issued months reference other",
        stale_unfiled="item issued months reference")),
    "divergence": Predicate(divergence, _m(missing="name step", short="name votes members needed")),
    "final_vote": Predicate(final_vote, _m(
        no_results="step", below=_STEP_VOTE, not_top=_STEP_VOTE, single_half=_STEP_VOTE,
        half_no_choice=_STEP_VOTE, half_no_report=_STEP_VOTE,
        below_no_referral=_STEP_VOTE, half_vacant_no_referral=_STEP_VOTE)),
    "consultation_before": Predicate(consultation_before, _m(
        missing="step date", no_request="body", no_answer="body",
        late="body answer_date step_date", late_request="body request_date step_date",
        no_analysis="body", unscoped="step date")),
    "consultation_recorded": Predicate(consultation_recorded,
                                       _m(missing="body", undocumented="body")),
    "flag_true": Predicate(flag_true, _m(missing="", false="")),
    "value_in": Predicate(value_in, _m(default="value")),
    "dossier_item": Predicate(dossier_item, _m(default="item")),
    "document_age": Predicate(document_age, _m(undated="item", no_reference="item",
                                           too_old="item issued filed months",
                                           after="item issued filed")),
    "lead_time": Predicate(lead_time, _m(default="event limit latest days",
                                         open="limit latest days as_of",
                                         before_law="event limit latest days")),
    "dated_in_period": Predicate(dated_in_period, _m(default="date")),
    "min_months": Predicate(min_months, _m(
        unknown="months", short="since until held months", earlier="since until held months",
        ambiguous="since until held months other")),
    "retirement_margin": Predicate(retirement_margin, _m(
        unknown="months", short=_MARGIN, below_floor=_MARGIN, no_exception=_MARGIN,
        incomplete_exception=_MARGIN, not_less=_MARGIN, ambiguous=_MARGIN + " other")),
    "discipline_bar": Predicate(discipline_bar, _m(
        barred="form effective months ends reference",
        ambiguous="form effective months ends reference")),
    "not_set": Predicate(not_set, _m(default="value")),
    "at_most": Predicate(at_most, _m(default="value max")),
    "items_present": Predicate(items_present, _m(default="date")),
    "items_require": Predicate(items_require, _m(default="name")),
    "items_false": Predicate(items_false, _m(default="date kind")),
    "items_ratio": Predicate(items_ratio, _m(default="date count total",
                                             ambiguous="date count total other")),
    "items_dated_until": Predicate(items_dated_until, _m(default="date until")),
    "items_exist": Predicate(items_exist, _m(default="")),
}


# removal (issue 14, D)
_LATE = "start end days due"
PREDICATES.update({
    "fields_present": Predicate(fields_present, _m(default="item")),
    "share_above": Predicate(share_above, _m(default="count total share ratio",
                                             missing="ratio")),
    "items_count": Predicate(items_count, _m(default="count min",
                                             ambiguous="count min unsure_count")),
    "consecutive_years": Predicate(consecutive_years, _m(default="years", before="years since",
                                                         ambiguous="years")),
    "staged_deadline": Predicate(staged_deadline, _m(
        late=_LATE + " extended total", late_no_reason=_LATE + " extended total",
        ambiguous_extension=_LATE + " extended total", ambiguous_start=_LATE + " other",
        unknown="days")),
    "collective_vote": Predicate(collective_vote, _m(
        counts="agree members", collective_below="ratio share other",
        ambiguous="ratio share other", no_route="ratio share other",
        no_submission="ratio share other")),
    "date_sequence": Predicate(date_sequence, _m(default="first then first_date then_date")),
    "open_question": Predicate(open_question, _m(default="")),
})


def required_messages(kind: str, params: Params) -> set[str]:
    """Message keys a rule must provide for its predicate with these parameters."""
    return set(PREDICATES[kind].messages) - params.unused()
