"""Working days (ngày làm việc): Monday to Friday, less Vietnamese public holidays, plus
the Saturdays the Government makes working days in exchange for a day off.

Both come from the maintained `holidays` package (country "VN"), not from a hand-written
list: its public holidays include Tết and the substituted days off, and its
`weekend_workdays` the Saturdays worked in exchange (2025-04-26, 2026-08-22).
"""

from __future__ import annotations

import datetime as dt
from functools import cache


@cache
def _calendar(year: int) -> tuple[frozenset[dt.date], frozenset[dt.date]]:
    """(public holidays, weekend days worked) of a year."""
    import holidays

    cal = holidays.country_holidays("VN", years=year)
    worked = frozenset(d for d in cal.weekend_workdays if d.year == year)
    return frozenset(cal.keys()), worked


def is_working_day(d: dt.date) -> bool:
    holidays_, worked = _calendar(d.year)
    if d in worked:
        return True
    return d.weekday() < 5 and d not in holidays_


def _worked_weekend_between(start: dt.date, end: dt.date) -> bool:
    return any(start < w <= end for year in range(start.year, end.year + 1)
               for w in _calendar(year)[1])


def shift(d: dt.date, days: int) -> dt.date:
    """d moved by `days`, held at the ends of the calendar (a case may say 9999-12-31)."""
    try:
        return d + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def add_working_days(start: dt.date, n: int) -> dt.date:
    """The n-th working day after start ("chậm nhất là n ngày làm việc kể từ ngày ..."):
    the start day itself is not counted."""
    d = start
    left = n
    while left > 0:
        if d == dt.date.max:
            return d
        d += dt.timedelta(days=1)
        if is_working_day(d):
            left -= 1
    return d


def add_weekdays(start: dt.date, n: int) -> dt.date:
    """The n-th Monday-to-Friday after start: the deadline if there were no holidays."""
    d = start
    while n > 0:
        if d == dt.date.max:
            return d
        d += dt.timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


def within_working_days(start: dt.date, end: dt.date, n: int) -> bool:
    """Is end no later than the n-th working day after start?

    Holidays can only push that day later, so if end is no later than the n-th weekday
    the answer is yes without consulting the holiday calendar (whose import is the
    slowest part of a one-file check). A Saturday worked in exchange brings that day
    earlier, so the shortcut holds only when no such day falls in the span; the holiday
    package is the only source of those, so they are looked up (once per year)."""
    if end <= add_weekdays(start, n) and not _worked_weekend_between(start, end):
        return True
    return end <= add_working_days(start, n)


def add_months(d: dt.date, months: int) -> dt.date:
    """Same day of the month, months later (or earlier); clamped to the month's last day."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    if year < dt.MINYEAR:
        return dt.date.min
    if year > dt.MAXYEAR:
        return dt.date.max
    for day in (d.day, 30, 29, 28):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from `start` to `end`: the largest n with add_months(start, n) <= end
    (negative if `end` is earlier). 2024-01-31 → 2024-02-29 is one month. Computed, not
    searched: add_months clamps at the ends of the calendar, where a search would never
    stop."""
    n = (end.year - start.year) * 12 + (end.month - start.month)
    # add_months(start, n) falls in end's month: too late only by its day of the month.
    return n - 1 if add_months(start, n) > end else n


def subtract_working_days(limit: dt.date, n: int) -> dt.date:
    """The n-th working day before `limit` (the limit itself not counted): the latest day
    on which something due "at least n working days before" the limit may happen."""
    d = limit
    left = n
    while left > 0:
        if d == dt.date.min:
            return d
        d -= dt.timedelta(days=1)
        if is_working_day(d):
            left -= 1
    return d
