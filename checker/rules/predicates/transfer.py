"""Transfer (điều động, issue 14): a date of a list's item fewer than so many months
before a reference day (a child under 36 months on the decision's date: NĐ 170/2025 Điều
25 k5 đ), and an allowance kept for so many months after a move to a lower one (Điều 27
k1). Months are counted as everywhere else (checker.workdays.add_months: the same day of
the month, as the Civil Code counts a period)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Literal

from checker.rules.predicates.core import (
    Ctx,
    DateRef,
    Field,
    Hit,
    Params,
    Pointer,
    Predicate,
    Value,
    emits,
    first_date,
    resolve,
)
from checker.workdays import add_months


class ItemsWithinMonths(Params):
    """No item of the list at `at` has a date (`field`) fewer than `months` months before
    the reference day `date` (the first of its readings the case records): an item dated
    2023-10-15 is within 36 months up to 2026-10-14, and no longer on 2026-10-15. E.g. a
    child under 36 months on the day of a transfer (NĐ 170/2025 Điều 25 k5 đ)."""

    kind: Literal["items_within_months"]
    at: Pointer
    field: Annotated[str, Field(pattern=r"^[a-z_]+$")] = "date"
    months: int = Field(ge=1, le=600)
    date: list[DateRef] = Field(min_length=1)


class AllowanceKept(Params):
    """Where the number at `new` is below the one at `previous` (a move to a lower
    allowance), the previous one is kept until the day at `until`, which must be `months`
    months after the day at `start` (the first of its readings the case records): earlier
    is too short, later too long; no day at all is not shown. Where the new one is not
    lower, nothing is kept and nothing is checked."""

    kind: Literal["allowance_kept"]
    previous: Pointer
    new: Pointer
    until: Pointer
    start: list[DateRef] = Field(min_length=1)
    months: int = Field(ge=1, le=600)


def items_within_months(p: ItemsWithinMonths, c: Ctx) -> Iterator[Hit]:
    found = first_date(c, c.data, p.date)
    items = resolve(c.data, p.at)
    if not found or not isinstance(items, list):
        return
    day = found[0]
    for i, it in enumerate(items):
        v = it.get(p.field) if isinstance(it, dict) else None
        if not isinstance(v, str):
            continue
        since = dt.date.fromisoformat(v)
        until = add_months(since, p.months)
        if since <= day < until:
            yield Hit(f"{p.at}/{i}/{p.field}", values={
                "date": day, "since": since, "months": p.months, "until": until})


def _number(v: object) -> float | None:
    return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None


def allowance_kept(p: AllowanceKept, c: Ctx) -> Iterator[Hit]:
    previous, new = _number(resolve(c.data, p.previous)), _number(resolve(c.data, p.new))
    if previous is None or new is None or new >= previous:
        return
    start = first_date(c, c.data, p.start)
    if not start:
        return
    expected = add_months(start[0], p.months)
    vals: dict[str, Value] = {"start": start[0], "expected": expected, "months": p.months}
    until = resolve(c.data, p.until)
    if not isinstance(until, str):
        yield Hit(p.until.rsplit("/", 1)[0], "missing", vals)
        return
    kept = dt.date.fromisoformat(until)
    if kept < expected:
        yield Hit(p.until, "short", {**vals, "kept": kept})
    elif kept > expected:
        yield Hit(p.until, "long", {**vals, "kept": kept})


# ---------------------------------------------------------------- registry
KINDS = (
    Predicate(ItemsWithinMonths, items_within_months, emits(default="date since months until")),
    Predicate(AllowanceKept, allowance_kept, emits(
        missing="start expected months", short="start expected months kept",
        long="start expected months kept")),
)
