"""Working days (ngày làm việc): Monday to Friday, less Vietnamese public holidays.

Public holidays, including Tết and the substituted days off the Government announces,
come from the maintained `holidays` package (country "VN"), not from a hand-written list.
A Saturday that the Government makes a working day in exchange for a day off is not
known to that package; it is treated as a day off, which can only make a deadline later
(never report a breach that did not happen).
"""

from __future__ import annotations

import datetime as dt
from functools import cache


@cache
def _holidays(year: int) -> frozenset[dt.date]:
    import holidays

    return frozenset(holidays.country_holidays("VN", years=year).keys())


def is_working_day(d: dt.date) -> bool:
    return d.weekday() < 5 and d not in _holidays(d.year)


def add_working_days(start: dt.date, n: int) -> dt.date:
    """The n-th working day after start ("chậm nhất là n ngày làm việc kể từ ngày ..."):
    the start day itself is not counted."""
    d = start
    left = n
    while left > 0:
        d += dt.timedelta(days=1)
        if is_working_day(d):
            left -= 1
    return d


def add_weekdays(start: dt.date, n: int) -> dt.date:
    """The n-th Monday-to-Friday after start: the deadline if there were no holidays."""
    d = start
    while n > 0:
        d += dt.timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


def within_working_days(start: dt.date, end: dt.date, n: int) -> bool:
    """Is end no later than the n-th working day after start?

    Holidays can only push that day later, so if end is no later than the n-th weekday
    the answer is yes without consulting the holiday calendar (whose import is the
    slowest part of a one-file check)."""
    if end <= add_weekdays(start, n):
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
    (negative if `end` is earlier). 2024-01-31 → 2024-02-29 is one month."""
    n = (end.year - start.year) * 12 + (end.month - start.month)
    while n > -100_000 and add_months(start, n) > end:
        n -= 1
    while add_months(start, n + 1) <= end:
        n += 1
    return n


def subtract_working_days(limit: dt.date, n: int) -> dt.date:
    """The n-th working day before `limit` (the limit itself not counted): the latest day
    on which something due "at least n working days before" the limit may happen.

    Unlike a deadline after a start, here an unknown working Saturday (treated as a day
    off) makes that day earlier, not later: the checker may then call early enough "late"
    by one day. The rules that use it say so."""
    d = limit
    left = n
    while left > 0:
        d -= dt.timedelta(days=1)
        if is_working_day(d):
            left -= 1
    return d
