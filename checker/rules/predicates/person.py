"""The candidate's record at a reference date: time in post (tenure), annual ratings,
years rated so within a term, months since a date, the margin to retirement, the bar of a
discipline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Literal

from checker.light import AppointmentFamily, DisciplineForm
from checker.report import Kind
from checker.rules.predicates.core import (
    Ctx,
    DateRef,
    Field,
    Hit,
    Params,
    Pointer,
    Predicate,
    Prefer,
    Reads,
    Value,
    date_ref,
    dates,
    emits,
    family,
    first_date,
    person_ptr,
    resolve,
)
from checker.workdays import add_months, months_between


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

    def reads(self) -> Reads | None:
        """Earlier posts are the candidate's (the appointment family's) record."""
        return AppointmentFamily if self.earlier_posts else super().reads()


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


class RatedYears(Params):
    """At least `min` years (the items' `year`) of the list at `at` match `where` (e.g.
    rated "không hoàn thành nhiệm vụ"), counting only the years from that of `since` to
    that of `until` (each when recorded). With `apart`, two of them must not be
    consecutive ("02 năm không liên tiếp", NĐ 170/2025 Điều 52 k2 đ as amended): enough
    years that are all consecutive is another ground of the law, reported as "cannot
    decide" with the message `consecutive`."""

    kind: Literal["rated_years"]
    at: Pointer
    where: dict[str, str | bool | int] = Field(min_length=1)
    min: int = Field(ge=1, le=50)
    since: DateRef | None = None
    until: DateRef | None = None
    apart: bool = False

    def unused(self) -> set[str]:
        return set() if self.apart else {"consecutive"}


# ---------------------------------------------------------------- predicates
def tenure_months(p: TenureMonths, c: Ctx) -> Iterator[Hit]:
    if p.unless and resolve(c.data, p.unless) is not None:
        return
    refs = dates(c, p.until)
    if not refs:
        return
    cand = family(c).candidate
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
    person = c.case.subject
    for i, r in enumerate(person.ratings):
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
            yield Hit(f"{person_ptr(c)}/ratings/{i}/rating", "overall" if overall else "low",
                      {"year": y, "rating": rating},
                      Kind.UNDECIDABLE if overall else Kind.VIOLATION)
    if missing:
        yield Hit(f"{person_ptr(c)}/ratings" if person.ratings else person_ptr(c),
                  "missing", {"years": ", ".join(map(str, missing))}, Kind.UNDECIDABLE)


def min_months(p: MinMonths, c: Ctx) -> Iterator[Hit]:
    v = resolve(c.data, p.since)
    if p.unless and resolve(c.data, p.unless) is not None:
        return
    refs = dates(c, p.until, p.prefer)
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
        counted = [(h.since, h.until) for h in family(c).candidate.posts_held
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
    refs = dates(c, p.reference, p.prefer)
    if not refs:
        return
    retire = c.case.subject.retirement_date
    if retire is None:
        yield Hit(person_ptr(c), "unknown", {"months": p.months}, Kind.UNDECIDABLE)
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
        f"{person_ptr(c)}/retirement_date")
    if len(bad) < len(results):
        ok = next(r[0] for r in results if r[2] is None)
        yield Hit(at, "ambiguous", {**vals, "other": ok}, Kind.UNDECIDABLE)
    else:
        yield Hit(at, key_, vals)


def discipline_bar(p: DisciplineBar, c: Ctx) -> Iterator[Hit]:
    refs = dates(c, p.reference)
    if not refs:
        return
    for i, disc in enumerate(c.case.subject.discipline):
        bar = p.months.get(DisciplineForm(disc.form))
        if bar is None:
            continue
        ends = add_months(disc.effective_date, bar)
        inside = [d for d, _ in refs if d < ends]
        if not inside:
            continue
        vals: dict[str, Value] = {"form": disc.form, "effective": disc.effective_date,
                                  "months": bar, "ends": ends, "reference": inside[0]}
        at = f"{person_ptr(c)}/discipline/{i}/effective_date"
        if len(inside) < len(refs):
            yield Hit(at, "ambiguous", vals, Kind.UNDECIDABLE)
        else:
            yield Hit(at, "barred", vals)


def rated_years(p: RatedYears, c: Ctx) -> Iterator[Hit]:
    items = resolve(c.data, p.at)
    lo = date_ref(c, c.data, p.since) if p.since else None
    hi = date_ref(c, c.data, p.until) if p.until else None
    years: set[int] = set()
    for it in items if isinstance(items, list) else []:
        y = it.get("year") if isinstance(it, dict) else None
        if not isinstance(y, int) or isinstance(y, bool):
            continue
        if (lo and y < lo[0].year) or (hi and y > hi[0].year):
            continue
        if all(it.get(k) == v for k, v in p.where.items()):
            years.add(y)
    at = p.at if resolve(c.data, p.at) is not None else p.at.rsplit("/", 1)[0]
    vals: dict[str, Value] = {"count": len(years), "min": p.min,
                              "years": ", ".join(map(str, sorted(years)))}
    if len(years) < p.min:
        yield Hit(at, values=vals)
    elif p.apart and max(years) - min(years) < len(years):
        # every such year follows another: no two of them are apart
        yield Hit(at, "consecutive", vals, Kind.UNDECIDABLE)


# ---------------------------------------------------------------- registry
_MARGIN = "reference retirement margin months floor"
KINDS = (
    Predicate(TenureMonths, tenure_months, emits(
        unknown="months", short="since until months held days",
        unsure="since until months held days", pending="since until months held days",
        ambiguous="since until months held days other"), reads=AppointmentFamily),
    Predicate(RecentRatings, recent_ratings, emits(
        low="year rating", missing="years", overall="year rating")),
    Predicate(MinMonths, min_months, emits(
        unknown="months", short="since until held months", earlier="since until held months",
        ambiguous="since until held months other")),
    Predicate(RetirementMargin, retirement_margin, emits(
        unknown="months", short=_MARGIN, below_floor=_MARGIN, no_exception=_MARGIN,
        incomplete_exception=_MARGIN, not_less=_MARGIN, ambiguous=_MARGIN + " other")),
    Predicate(RatedYears, rated_years, emits(default="count min years",
                                             consecutive="count min years")),
    Predicate(DisciplineBar, discipline_bar, emits(
        barred="form effective months ends reference",
        ambiguous="form effective months ends reference")),
)
