"""Working days (Mon-Fri less Vietnamese public holidays) and calendar months."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker.workdays import (
    add_months,
    add_weekdays,
    add_working_days,
    is_working_day,
    months_between,
    subtract_working_days,
    within_working_days,
)

D = dt.date


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2025, 10, 3), True),  # Friday
        (D(2025, 10, 4), False),  # Saturday
        (D(2025, 10, 5), False),  # Sunday
        (D(2025, 9, 1), False),  # National Day holiday (Monday)
        (D(2025, 9, 2), False),  # National Day (Tuesday)
        (D(2025, 9, 3), True),
        (D(2026, 2, 16), False),  # Tết 2026
        (D(2026, 2, 20), False),
        (D(2026, 2, 23), True),
        (D(2025, 4, 30), False),  # Reunification Day
        (D(2025, 5, 1), False),  # Labour Day
    ],
)
def test_is_working_day(day: dt.date, working: bool) -> None:
    assert is_working_day(day) is working


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        # the start day is not counted
        (D(2025, 10, 6), 1, D(2025, 10, 7)),
        (D(2025, 10, 6), 4, D(2025, 10, 10)),
        (D(2025, 10, 6), 0, D(2025, 10, 6)),
        # across a weekend
        (D(2025, 10, 3), 1, D(2025, 10, 6)),
        (D(2025, 10, 2), 2, D(2025, 10, 6)),
        (D(2025, 10, 4), 1, D(2025, 10, 6)),  # starting on a Saturday
        (D(2025, 10, 3), 5, D(2025, 10, 10)),
        # across 2025-09-01/02 (Mon, Tue)
        (D(2025, 8, 29), 1, D(2025, 9, 3)),
        (D(2025, 8, 28), 2, D(2025, 9, 3)),
        (D(2025, 9, 1), 1, D(2025, 9, 3)),  # starting on the holiday
        # across Tết 2026 (2026-02-16..20)
        (D(2026, 2, 13), 1, D(2026, 2, 23)),
        (D(2026, 2, 12), 2, D(2026, 2, 23)),
        (D(2026, 2, 10), 5, D(2026, 2, 24)),
        # the two deadlines of the examples
        (D(2025, 8, 5), 15, D(2025, 8, 26)),
        (D(2025, 7, 21), 15, D(2025, 8, 11)),
    ],
)
def test_add_working_days(start: dt.date, n: int, expected: dt.date) -> None:
    assert add_working_days(start, n) == expected


def test_fifteen_working_days_across_tet_2026() -> None:
    # 2026-02-09 (Mon): 4 days that week, Tết week none, then 5 + 5 + 1
    assert add_working_days(D(2026, 2, 9), 15) == D(2026, 3, 9)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2025, 1, 31), 1, D(2025, 2, 28)),
        (D(2024, 1, 31), 1, D(2024, 2, 29)),
        (D(2025, 3, 31), 1, D(2025, 4, 30)),
        (D(2025, 3, 31), -1, D(2025, 2, 28)),
        (D(2025, 8, 31), -6, D(2025, 2, 28)),
        (D(2025, 10, 31), -6, D(2025, 4, 30)),
        (D(2025, 10, 15), -6, D(2025, 4, 15)),
        (D(2025, 11, 30), 3, D(2026, 2, 28)),
        (D(2025, 1, 15), -1, D(2024, 12, 15)),
        (D(2025, 12, 31), 2, D(2026, 2, 28)),
        (D(2025, 5, 20), 0, D(2025, 5, 20)),
        (D(2025, 5, 20), 24, D(2027, 5, 20)),
    ],
)
def test_add_months_clamps_to_the_end_of_the_month(
    start: dt.date, months: int, expected: dt.date
) -> None:
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (D(2025, 10, 6), 0, D(2025, 10, 6)),
        (D(2025, 10, 3), 1, D(2025, 10, 6)),  # Fri → Mon
        (D(2025, 10, 4), 1, D(2025, 10, 6)),  # Sat → Mon
        (D(2025, 10, 6), 5, D(2025, 10, 13)),
        (D(2025, 8, 29), 1, D(2025, 9, 1)),  # holidays are still weekdays
    ],
)
def test_add_weekdays(start: dt.date, n: int, expected: dt.date) -> None:
    assert add_weekdays(start, n) == expected


START_DAYS = [D(2025, 8, 20) + dt.timedelta(days=k) for k in range(0, 21, 2)] + [
    D(2026, 2, 2) + dt.timedelta(days=k) for k in range(0, 21, 3)
]


def agree(ends_on_working_days_only: bool) -> None:
    for start in START_DAYS:
        for n in (1, 3, 5, 15):
            due = add_working_days(start, n)
            for k in range(30):
                end = start + dt.timedelta(days=k)
                if ends_on_working_days_only and not is_working_day(end):
                    continue
                assert within_working_days(start, end, n) == (end <= due), (start, end, n)


def test_within_working_days_agrees_with_add_working_days_on_working_days() -> None:
    """The fast path (no holiday calendar) never changes the answer."""
    agree(ends_on_working_days_only=True)


def test_within_working_days_agrees_with_add_working_days_on_every_day() -> None:
    # regression: an end on the weekend right after the n-th working day was "on time"
    agree(ends_on_working_days_only=False)


def test_end_on_the_weekend_after_the_deadline_is_late() -> None:
    # 15 working days from Friday 2025-08-08: Friday 2025-08-29
    assert add_working_days(D(2025, 8, 8), 15) == D(2025, 8, 29)
    assert not within_working_days(D(2025, 8, 8), D(2025, 8, 30), 15)


@pytest.mark.parametrize(("start", "end", "months"), [
    (D(2024, 1, 15), D(2025, 1, 14), 11),   # a day short of a year
    (D(2024, 1, 15), D(2025, 1, 15), 12),   # exactly a year
    (D(2024, 1, 31), D(2024, 2, 29), 1),    # month ends clamp
    (D(2024, 1, 31), D(2024, 2, 28), 0),
    (D(2025, 1, 15), D(2024, 1, 15), -12),  # backwards
])
def test_months_between_counts_whole_months(start: dt.date, end: dt.date, months: int) -> None:
    assert months_between(start, end) == months


def test_months_between_is_the_inverse_of_add_months() -> None:
    start = D(2023, 3, 31)
    for n in range(-30, 30):
        assert months_between(start, add_months(start, n)) == n


def test_subtract_working_days_skips_weekends_and_tet() -> None:
    # one working day before Monday 2025-07-07 is Friday 2025-07-04
    assert subtract_working_days(D(2025, 7, 7), 1) == D(2025, 7, 4)
    # Tết 2025: 2025-01-25 .. 2025-02-02 off; one working day before Mon 2025-02-03
    assert subtract_working_days(D(2025, 2, 3), 1) == D(2025, 1, 24)


def test_subtract_then_add_working_days_comes_back() -> None:
    limit = D(2025, 9, 8)
    for n in (1, 5, 30, 90):
        assert add_working_days(subtract_working_days(limit, n), n) == limit


def test_a_saturday_worked_in_exchange_is_a_working_day() -> None:
    """The holidays package knows the Saturdays worked in exchange for a day off."""
    assert is_working_day(D(2025, 4, 26)) and not is_working_day(D(2025, 5, 2))
    assert is_working_day(D(2026, 8, 22)) and not is_working_day(D(2026, 8, 31))


def test_counting_across_a_worked_saturday() -> None:
    # Friday 2026-08-21: the next working day is Saturday 2026-08-22.
    assert add_working_days(D(2026, 8, 21), 1) == D(2026, 8, 22)
    assert not within_working_days(D(2026, 8, 21), D(2026, 8, 24), 1)
    assert subtract_working_days(D(2026, 8, 24), 1) == D(2026, 8, 22)


def test_the_fast_path_agrees_around_worked_saturdays() -> None:
    for start in [D(2026, 8, 10) + dt.timedelta(days=k) for k in range(20)]:
        for n in (1, 2, 5, 10):
            due = add_working_days(start, n)
            for k in range(25):
                end = start + dt.timedelta(days=k)
                assert within_working_days(start, end, n) == (end <= due), (start, end, n)


# -- issue 12: the holidays package's own working-day API, bounded at the ends
def test_counting_is_the_holidays_packages_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the package's calendar says is a working day is one here: no list or
    rule of our own competes with it (a calendar with every Wednesday off)."""
    import holidays

    from checker import workdays

    class NoWednesdays(holidays.country_holidays("VN").__class__):  # type: ignore[misc]
        def is_working_day(self, key: object) -> bool:
            return bool(super().is_working_day(key)) and key.weekday() != 2  # type: ignore[attr-defined]

    monkeypatch.setattr(workdays, "_calendar", lambda: NoWednesdays())
    assert not is_working_day(D(2025, 10, 8))
    assert add_working_days(D(2025, 10, 7), 1) == D(2025, 10, 9)
    assert subtract_working_days(D(2025, 10, 9), 1) == D(2025, 10, 7)


@pytest.mark.parametrize("start", [D(2025, 1, 1), D(1, 1, 1), D(9999, 12, 31)])
def test_a_count_longer_than_the_calendar_ends_at_once(start: dt.date) -> None:
    """More working days than there are days left before 9999-12-31 (or after
    0001-01-01): held at the end, without stepping through thousands of years."""
    import time

    began = time.monotonic()
    assert add_working_days(start, 10**9) == dt.date.max
    assert subtract_working_days(start, 10**9) == dt.date.min
    assert add_working_days(D(9999, 12, 28), 5) == dt.date.max
    assert subtract_working_days(D(1, 1, 3), 5) == dt.date.min
    assert time.monotonic() - began < 5


# -- issue 15: the calendar's days kept in the cache folder
def _forget(workdays: object) -> None:
    """Forget what this process read from cache folders (as a new run would)."""
    workdays._calendar_at.cache_clear()  # type: ignore[attr-defined]
    workdays._kept_table.cache_clear()  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def kept_pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, object]:
    """The calendar read back from the cache folder, and the package's own."""
    from checker import workdays

    folder = tmp_path_factory.mktemp("kept")
    first = workdays._calendar_at((folder, True))
    assert first is workdays._country()  # nothing kept yet: the package's, then kept
    assert (folder / "calendar-vn.snapshot").is_file()
    _forget(workdays)
    kept = workdays._calendar_at((folder, True))
    assert kept is not workdays._country() and type(kept).__name__ == "Kept"
    return kept, workdays._country()


def test_the_kept_calendar_answers_every_day_as_the_package_does(
        kept_pair: tuple[object, object]) -> None:
    """Every day of the kept years and of a few years on either side (asked of the
    package's calendar then), through the package's own working-day API."""
    from checker.workdays import KEPT

    kept, country = kept_pair
    day, last = D(KEPT.start - 3, 1, 1), D(KEPT.stop + 2, 12, 31)
    while day <= last:
        assert kept.is_working_day(day) == country.is_working_day(day), day  # type: ignore[attr-defined]
        day += dt.timedelta(days=1)
    for start in (D(2000, 1, 1), D(2025, 1, 20), D(2026, 8, 20), D(2060, 12, 20),
                  D(1999, 12, 25), D(2061, 4, 28)):
        for n in (1, 5, 10, 30, 250, -1, -10):
            assert kept.get_nth_working_day(start, n) == \
                country.get_nth_working_day(start, n), (start, n)  # type: ignore[attr-defined]
    assert kept.weekend_workdays >= {D(2025, 4, 26), D(2026, 8, 22)}  # type: ignore[attr-defined]


def test_counts_use_the_kept_calendar_without_importing_every_country(
        tmp_path: Path) -> None:
    """A run whose cache folder keeps the calendar counts working days without the
    package's countries (their import is a third of a one-file check); the same run
    without it imports them. Same answers."""
    import subprocess
    import sys

    from _support import ROOT

    code = ("import sys, datetime as dt; from pathlib import Path; from checker import "
            "workdays; workdays.keep_in(Path(sys.argv[1]), True); "
            "d = workdays.add_working_days(dt.date(2025, 8, 29), 3); "
            "print(d, 'holidays.countries' in sys.modules)")
    runs = [subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT,
                           capture_output=True, text=True, check=True, timeout=300).stdout.split()
            for _ in range(2)]
    assert runs == [["2025-09-05", "True"], ["2025-09-05", "False"]]
    # A deadline met well within its weekdays, with no Saturday worked in between, needs
    # no holidays at all: the kept days say which Saturdays are worked.
    code = ("import sys, datetime as dt; from pathlib import Path; from checker import "
            "workdays; workdays.keep_in(Path(sys.argv[1]), True); "
            "ok = workdays.within_working_days(dt.date(2025, 10, 6), dt.date(2025, 10, 8), 5); "
            "late = workdays.within_working_days(dt.date(2025, 4, 21), dt.date(2025, 4, 28), 5); "
            "print(ok, late, 'holidays' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT,
                         capture_output=True, text=True, check=True, timeout=300).stdout
    assert out.split() == ["True", "False", "True"]  # 26 April is worked: the 5th day
    code = code.replace("late = workdays", "late = True or workdays")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT,
                         capture_output=True, text=True, check=True, timeout=300).stdout
    assert out.split() == ["True", "True", "False"]


@pytest.mark.parametrize("damage", ["digest", "key", "truncated", "years", "link", "types"])
def test_a_damaged_kept_calendar_is_never_believed(tmp_path: Path, damage: str) -> None:
    """Anything but the whole file of this key is the package's calendar, asked again
    (and the file rewritten); a link is never read nor written through."""
    from checker import workdays
    from checker.rules.snapshot import frame, unframe

    path = tmp_path / "calendar-vn.snapshot"
    workdays._calendar_at((tmp_path, True))
    raw = path.read_bytes()
    body = unframe(raw, workdays._MAGIC, workdays._key())
    assert body is not None
    if damage == "digest":
        bad = raw.replace(b'"2025-09-02"', b'"2025-09-03"')
    elif damage == "key":
        bad = frame(workdays._MAGIC, "0" * 64, body)
    elif damage == "truncated":
        bad = raw[: len(raw) // 2]
    elif damage == "years":
        bad = frame(workdays._MAGIC, workdays._key(),
                    body.replace(b'"years":[2000,', b'"years":[1999,'))
    elif damage == "types":
        bad = frame(workdays._MAGIC, workdays._key(),
                    body.replace(b'"weekend":[5,6]', b'"weekend":["5",6]'))
    else:
        target = tmp_path / "elsewhere"
        target.write_bytes(raw)
        path.unlink()
        path.symlink_to(target)
        bad = None
    assert bad != raw
    if bad is not None:
        path.write_bytes(bad)
    _forget(workdays)
    try:
        assert workdays._calendar_at((tmp_path, True)) is workdays._country()
        if damage != "link":
            assert path.read_bytes() == raw  # rewritten whole
        else:
            assert (tmp_path / "elsewhere").read_bytes() == raw
    finally:
        _forget(workdays)


def test_no_cache_reads_but_never_writes_the_kept_calendar(tmp_path: Path) -> None:
    from checker import workdays

    try:
        assert workdays._calendar_at((tmp_path, False)) is workdays._country()
        assert not (tmp_path / "calendar-vn.snapshot").exists()
        workdays._calendar_at((tmp_path / "w", True))
        (tmp_path / "w" / "calendar-vn.snapshot").rename(tmp_path / "calendar-vn.snapshot")
        _forget(workdays)
        assert type(workdays._calendar_at((tmp_path, False))).__name__ != "VN"
    finally:
        _forget(workdays)
