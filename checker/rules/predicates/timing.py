"""Dates against dates: the order of two dates, a deadline after an event, a lead time
before one, a period of at most so many months, a date that falls in the rule's period, periods of
at most so many working days, a date that must be another date (plus so many months)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, Literal

from checker.report import Kind
from checker.rules.predicates.core import (
    Ctx,
    DateRef,
    Field,
    Hit,
    Params,
    Pointer,
    Predicate,
    Value,
    date_ref,
    emits,
    first_date,
    model_validator,
    resolve,
)
from checker.workdays import (
    add_months,
    add_working_days,
    is_working_day,
    shift,
    subtract_working_days,
    within_working_days,
)


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


class DateEquals(Params):
    """The date at `at` must be the date at `to`, plus `months` months (counted as the
    Civil Code counts a period: the corresponding day of the last month), or the date at
    `cap` if that comes first: e.g. an allowance kept "trong thời gian 06 tháng kể từ ngày
    có quyết định" but, with under six months of the term left, to the end of the term
    (NĐ 170/2025 Điều 55 k2 b as first issued)."""

    kind: Literal["date_equals"]
    at: list[DateRef] = Field(min_length=1)
    to: list[DateRef] = Field(min_length=1)
    months: int = Field(0, ge=0, le=600)
    cap: list[DateRef] | None = None


# ---------------------------------------------------------------- predicates
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


class WorkingDaysTotal(Params):
    """The working days of the periods at `periods`, added up, are at most `max`, or at
    most the number the case records at `max_at` (e.g. the period a requesting body asked
    for); if the case records none there, the rule cannot decide. Each pointer holds a
    period ({working_days} or {start, end}, both days counted) or a list of items that
    each hold one under `period`. A stated number of working days is the period's length;
    otherwise its days from start to end are counted (e.g. a suspension of at most 15
    working days, NĐ 170/2025 Điều 56 k3)."""

    kind: Literal["working_days_total"]
    periods: list[Pointer] = Field(min_length=1)
    max: int | None = Field(None, ge=0, le=3650)
    max_at: Pointer | None = None

    @model_validator(mode="after")
    def _one_cap(self) -> WorkingDaysTotal:
        if (self.max is None) == (self.max_at is None):
            raise ValueError("give exactly one of max and max_at")
        return self

    def unused(self) -> set[str]:
        return {"unknown"} if self.max is not None else set()


def _period_days(period: Any, cap: int) -> int | None:
    """A period's working days (its stated number, else counted from start to end, both
    days counted); counting stops past `cap`, which is all a comparison with it needs."""
    if not isinstance(period, dict):
        return None
    n = period.get("working_days")
    if isinstance(n, int) and not isinstance(n, bool):
        return n
    start, end = period.get("start"), period.get("end")
    if not isinstance(start, str) or not isinstance(end, str):
        return None
    day, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    count = 0
    while day <= last and count <= cap:
        if is_working_day(day):
            count += 1
        if day == dt.date.max:
            break
        day += dt.timedelta(days=1)
    return count


def _held(c: Ctx, pointer: str) -> str:
    """The pointer, or its nearest ancestor the case holds."""
    while pointer and resolve(c.data, pointer) is None:
        pointer = pointer.rsplit("/", 1)[0]
    return pointer


def working_days_total(p: WorkingDaysTotal, c: Ctx) -> Iterator[Hit]:
    cap: int | None = p.max
    if p.max_at is not None:
        v = resolve(c.data, p.max_at)
        cap = v if isinstance(v, int) and not isinstance(v, bool) else None
    bound = cap if cap is not None else 3650
    total, over_at, first_at = 0, "", ""
    for ptr in p.periods:
        node = resolve(c.data, ptr)
        found = ([(f"{ptr}/{i}/period", it.get("period")) for i, it in enumerate(node)
                  if isinstance(it, dict)] if isinstance(node, list) else [(ptr, node)])
        for at, period in found:
            days = _period_days(period, bound)
            if days is None:
                continue
            first_at = first_at or at
            total += days
            if not over_at and total > bound:
                over_at = at
    if not first_at:
        return
    if cap is None:
        assert p.max_at is not None
        yield Hit(_held(c, p.max_at), "unknown", {"total": total}, Kind.UNDECIDABLE)
    elif total > cap:
        yield Hit(over_at, values={"total": total, "max": cap})
def date_equals(p: DateEquals, c: Ctx) -> Iterator[Hit]:
    found, base = first_date(c, c.data, p.at), first_date(c, c.data, p.to)
    if not found or not base:
        return
    expected = add_months(base[0], p.months) if p.months else base[0]
    cap = first_date(c, c.data, p.cap) if p.cap else None
    if cap and cap[0] < expected:
        expected = cap[0]
    if found[0] != expected:
        yield Hit(found[1], values={"date": found[0], "expected": expected})


# ---------------------------------------------------------------- registry
KINDS = (
    Predicate(DateOrder, date_order, emits(default="first_date then_date")),
    Predicate(Deadline, deadline, emits(default="start due days end", open="start due days as_of")),
    Predicate(MaxMonths, max_months, emits(
        default="start latest months end", open="start latest months as_of")),
    Predicate(LeadTime, lead_time, emits(
        default="event limit latest days", open="limit latest days as_of",
        before_law="event limit latest days")),
    Predicate(DatedInPeriod, dated_in_period, emits(default="date")),
    Predicate(WorkingDaysTotal, working_days_total, emits(default="total max", unknown="total")),
    Predicate(DateEquals, date_equals, emits(default="date expected")),
)
