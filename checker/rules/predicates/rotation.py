"""Rotation (luân chuyển, issue 14: NĐ 170/2025 Điều 42-51): records that must exist and
be dated by a given day (the approved planning, the approved plan, the meeting with the
person, all before the decision), and acts grouped by the step of the procedure they
belong to, the steps in order but the acts of one step in any order (Điều 46 numbers
five steps and letters the acts inside them without ordering those). The kinds read the
case as JSON values (pointers), so any procedure may use them."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from typing import Literal

from checker.rules.predicates.core import (
    Ctx,
    DateRef,
    Field,
    Hit,
    Params,
    Pointer,
    Predicate,
    date_ref,
    emits,
    first_date,
    resolve,
)
from checker.rules.predicates.removal import existing


def _place(pointer: str) -> str:
    """What a dated place is called: /steps/meeting_with_person/date is the
    meeting_with_person, /planning/approval/date the planning's approval
    (planning_approval), /decision/document/date the decision."""
    parts = [p for p in pointer.split("/") if p and p not in ("date", "document")]
    if len(parts) >= 2 and parts[-1] == "approval":
        return f"{parts[-2]}_approval"
    return parts[-1] if parts else ""


class DatedBefore(Params):
    """Each date at `at` is recorded and falls on or before (before, if `strict`) the
    date at `before`; nothing is judged while `before` is not recorded. A finding names
    the place by the key above its date (e.g. `meeting_with_person`, `planning_approval`
    for /planning/approval/date), which a pack's `names` may render."""

    kind: Literal["dated_before"]
    at: list[Pointer] = Field(min_length=1)
    before: list[DateRef] = Field(min_length=1)
    strict: bool = False


class StepsInOrder(Params):
    """The acts are grouped by step (`steps`: one list of date pointers per step, in the
    order of the steps). No recorded act of a step may be dated before a recorded act of
    an earlier step; acts of the same step may come in any order. A finding is at the
    act that comes too early and names it and the later act of the earlier step."""

    kind: Literal["steps_in_order"]
    steps: list[list[Pointer]] = Field(min_length=2)


def dated_before(p: DatedBefore, c: Ctx) -> Iterator[Hit]:
    limit = first_date(c, c.data, p.before)
    if not limit:
        return
    for at in p.at:
        found = date_ref(c, c.data, at)
        if found is None:
            yield Hit(existing(c, at.rsplit("/", 1)[0]), "missing", {"item": _place(at)})
        elif found[0] > limit[0] or (p.strict and found[0] == limit[0]):
            yield Hit(at, "after", {"item": _place(at), "date": found[0],
                                    "limit": limit[0], "limit_item": _place(limit[1])})


def steps_in_order(p: StepsInOrder, c: Ctx) -> Iterator[Hit]:
    latest: tuple[dt.date, str] | None = None  # the latest act of the steps so far
    for group in p.steps:
        dated = [(found, at) for at in group if (found := date_ref(c, c.data, at))]
        if latest is not None:
            for (day, where), at in dated:
                if day < latest[0]:
                    yield Hit(where, values={"first": _place(latest[1]), "then": _place(at),
                                             "first_date": latest[0], "then_date": day})
        for (day, where), _ in dated:
            if latest is None or day > latest[0]:
                latest = (day, where)


class RecordsPerYear(Params):
    """At least as many dated records at `at` (their `field` between the two dates) as
    there are whole years from the date at `since` to the first date of `until`, a year
    counted as the Civil Code counts it (to the same day and month; from 29 February, to
    the last day of February). Nothing is judged while either date is not recorded."""

    kind: Literal["records_per_year"]
    at: Pointer
    field: str = "date"
    since: Pointer
    until: list[DateRef] = Field(min_length=1)


def whole_years(start: dt.date, end: dt.date) -> int:
    """Whole years from `start` to `end`: 2026-10-01 to 2027-10-01 is one."""
    years = end.year - start.year
    if years <= 0:
        return 0
    last = calendar.monthrange(end.year, start.month)[1]
    anniversary = dt.date(end.year, start.month, min(start.day, last))
    return years if end >= anniversary else years - 1


def records_per_year(p: RecordsPerYear, c: Ctx) -> Iterator[Hit]:
    since = date_ref(c, c.data, p.since)
    until = first_date(c, c.data, p.until)
    if since is None or until is None or until[0] < since[0]:
        return
    years = whole_years(since[0], until[0])
    items = resolve(c.data, p.at)
    count = 0
    for item in items if isinstance(items, list) else []:
        raw = item.get(p.field) if isinstance(item, dict) else None
        try:
            day = dt.date.fromisoformat(raw) if isinstance(raw, str) else None
        except ValueError:
            day = None
        if day is not None and since[0] <= day <= until[0]:
            count += 1
    if count < years:
        yield Hit(p.at if isinstance(items, list) and items else existing(c, p.at),
                  values={"years": years, "count": count, "since": since[0],
                          "until": until[0]})


# ---------------------------------------------------------------- registry
KINDS = (
    Predicate(DatedBefore, dated_before, emits(missing="item",
                                               after="item date limit limit_item")),
    Predicate(StepsInOrder, steps_in_order, emits(default="first then first_date then_date")),
    Predicate(RecordsPerYear, records_per_year, emits(default="years count since until")),
)
