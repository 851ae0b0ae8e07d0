"""Working days (ngày làm việc): Monday to Friday, less Vietnamese public holidays, plus
the Saturdays the Government makes working days in exchange for a day off.

All three come from the maintained `holidays` package (country "VN"), through its own
working-day API (`is_working_day`, `get_nth_working_day`), not from a hand-written
list or loop: its public holidays include Tết and the substituted days off, and its
`weekend_workdays` the Saturdays worked in exchange (2025-04-26, 2026-08-22).

That API steps a day at a time and fails past the ends of the calendar (a case may say
9999-12-31); here every answer is held at date.min / date.max instead, and a count that
could not end within the calendar is answered at once.

The calendar kept in the cache folder: the package's country calendars cannot be
imported one at a time (asking for "VN" imports its `countries` package, which imports
all of them: about 90 ms, a third of a one-file check). So the days its VN calendar gives
for the years KEPT (its holidays and its weekend working days) are stored once in the
cache folder, as the compiled packs are (checker.rules.snapshot: keyed by the code
fingerprint, which includes the package's version; framed with a SHA-256; written
atomically; never with --no-cache; removed by `cache clean`), and a run answers from the
package's own HolidayBase holding those days. Any other year is asked of the VN calendar
itself, imported then. Same answers (tests/test_workdays.py compares every day).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

KEPT = range(2000, 2061)  # the years whose days are kept in the cache folder
_MAGIC = b"checker-calendar-vn"
_place: tuple[Path, bool] | None = None


def keep_in(folder: Path | None, write: bool) -> None:
    """Where this run keeps the calendar's days (the cache folder, None for nowhere), and
    whether it may write them there (not with --no-cache). Only recorded: nothing is
    read before a count needs the calendar."""
    global _place
    _place = (folder, write) if folder is not None else None


@cache
def _country() -> Any:
    """The package's calendar of Vietnam; it fills in each year the first time a date of
    it is asked."""
    import holidays

    return holidays.country_holidays("VN")


def _key() -> str:
    from checker.cache import code_fingerprint

    return hashlib.sha256(
        f"{KEPT.start}\0{KEPT.stop}\0{code_fingerprint()}".encode()).hexdigest()


def _table(cal: Any) -> dict[str, Any]:
    """The days of the KEPT years, as the calendar gives them."""
    days: dict[str, str] = {}
    for year in KEPT:
        _ = dt.date(year, 1, 1) in cal  # fills the year in
    for d, name in sorted(cal.items()):
        if d.year in KEPT:
            days[d.isoformat()] = str(name)
    worked = sorted(d.isoformat() for d in cal.weekend_workdays if d.year in KEPT)
    return {"years": [KEPT.start, KEPT.stop - 1], "weekend": sorted(cal.weekend),
            "days": days, "worked": worked}


Table = tuple[frozenset[int], dict[int, tuple[list[tuple[dt.date, str]], list[dt.date]]]]


def _read_table(raw: bytes | None, key: str) -> Table | None:
    """The weekend and the kept days by year, or None if the file is not a whole one of
    this key."""
    from checker.rules.snapshot import unframe

    body = unframe(raw, _MAGIC, key) if raw is not None else None
    if body is None:
        return None
    try:
        data = json.loads(body)
        if data["years"] != [KEPT.start, KEPT.stop - 1]:
            return None
        weekend = frozenset(data["weekend"])
        if not weekend <= set(range(7)) or not all(type(w) is int for w in weekend):
            return None
        by_year: dict[int, tuple[list[tuple[dt.date, str]], list[dt.date]]] = {
            y: ([], []) for y in KEPT}
        for iso, name in data["days"].items():
            d = dt.date.fromisoformat(iso)
            if not isinstance(name, str):
                return None
            by_year[d.year][0].append((d, name))
        for iso in data["worked"]:
            d = dt.date.fromisoformat(iso)
            by_year[d.year][1].append(d)
    except (KeyError, ValueError, TypeError, AttributeError, RecursionError):
        return None
    return weekend, by_year


def _calendar() -> Any:
    """The calendar the counts ask: the kept days if the cache folder has them, else the
    package's own calendar of Vietnam (whose days are then kept, when allowed)."""
    return _calendar_at(_place)


@cache
def _kept_table(place: tuple[Path, bool] | None) -> Table | None:
    """The days kept in the cache folder, if it holds a whole file of this key."""
    if place is None:
        return None
    from checker.rules.snapshot import read_snapshot

    return _read_table(read_snapshot(place[0] / "calendar-vn.snapshot"), _key())


@cache
def _calendar_at(place: tuple[Path, bool] | None) -> Any:
    kept = _kept_table(place)
    if kept is not None:
        return _kept_calendar(kept)
    cal = _country()
    if place is not None and place[1]:
        from checker.rules.snapshot import frame, write_snapshot

        body = json.dumps(_table(cal), ensure_ascii=False, sort_keys=True,
                          separators=(",", ":")).encode("utf-8")
        write_snapshot(place[0] / "calendar-vn.snapshot", frame(_MAGIC, _key(), body))
    return cal


def _kept_calendar(table: Table) -> Any:
    from holidays.holiday_base import HolidayBase

    weekend, kept = table

    class Kept(HolidayBase):
        """The package's HolidayBase holding the days its VN calendar gives: the kept
        years from the table, any other from that calendar when first asked."""

        def _populate(self, year: int) -> None:
            if year in kept:
                days, worked = kept[year]
            else:
                country = _country()
                _ = dt.date(year, 1, 1) in country
                days = [(d, n) for d, n in country.items() if d.year == year]
                worked = [d for d in country.weekend_workdays if d.year == year]
            for d, name in days:
                dict.__setitem__(self, d, name)
            self.weekend_workdays.update(worked)

    cal = Kept()
    cal.weekend = set(weekend)
    return cal


@cache
def _worked_weekends(year: int) -> frozenset[dt.date]:
    """The Saturdays worked in exchange in the year: from the kept days when they hold
    the year (no holidays import), else from the calendar."""
    kept = _kept_table(_place)
    if kept is not None and year in kept[1]:
        return frozenset(kept[1][year][1])
    cal = _calendar()
    _ = dt.date(year, 1, 1) in cal  # fills the year in, with its weekend working days
    return frozenset(d for d in cal.weekend_workdays if d.year == year)


# The answers of the calendar, each computed once: a deadline's day is asked again for
# each file that starts on the same day with the same count, and the holiday package
# steps a day at a time. Kept for one calendar object (a test may swap the calendar)
# and bounded, so that a long run does not grow without limit.
_MEMO_LIMIT = 8192
_memo: tuple[object, dict[tuple[object, ...], Any]] | None = None


def _remembered(key: tuple[object, ...], compute: Any) -> Any:
    global _memo
    cal = _calendar()
    if _memo is None or _memo[0] is not cal or len(_memo[1]) >= _MEMO_LIMIT:
        _memo = (cal, {})
    answers = _memo[1]
    if key not in answers:
        answers[key] = compute(cal)
    return answers[key]


def is_working_day(d: dt.date) -> bool:
    return bool(_remembered(("working", d), lambda cal: cal.is_working_day(d)))


@lru_cache(maxsize=4096)
def _worked_weekend_between(start: dt.date, end: dt.date) -> bool:
    return any(start < w <= end for year in range(start.year, end.year + 1)
               for w in _worked_weekends(year))


def shift(d: dt.date, days: int) -> dt.date:
    """d moved by `days`, held at the ends of the calendar (a case may say 9999-12-31)."""
    try:
        return d + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def _nth_working_day(start: dt.date, n: int) -> dt.date:
    """holidays' get_nth_working_day (n > 0 forward, n < 0 back; the start day itself not
    counted), held at the ends of the calendar. A count of more days than are left
    before the end cannot end inside it: answered without stepping through them."""
    if n == 0:
        return start
    end = dt.date.max if n > 0 else dt.date.min
    if abs(n) > abs((end - start).days):
        return end
    def compute(cal: Any) -> dt.date:
        try:
            return cal.get_nth_working_day(start, n)  # type: ignore[no-any-return]
        except (ValueError, OverflowError):  # stepped past 9999-12-31 or before 0001-01-01
            return end
    return _remembered(("nth", start, n), compute)  # type: ignore[no-any-return]


def add_working_days(start: dt.date, n: int) -> dt.date:
    """The n-th working day after start ("chậm nhất là n ngày làm việc kể từ ngày ..."):
    the start day itself is not counted."""
    return _nth_working_day(start, n) if n > 0 else start


@lru_cache(maxsize=4096)
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
    return _nth_working_day(limit, -n) if n > 0 else limit
