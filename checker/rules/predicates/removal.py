"""Removal from a post (issue 14): dismissal (miễn nhiệm, NĐ 170/2025 Điều 53-55 as first
issued and as amended by NĐ 300/2026), resignation and relief (từ chức, cho thôi giữ chức
vụ, Điều 52, 54, 55). The kinds read the case as JSON values (pointers), never one
procedure's model, so they read any case (reads=CaseBase) and never branch on the
procedure: what the three removals share has one place and one name in every one of them
(checker.model.removal: /term, /confidence_vote, /exchange_with_person, /proposal,
/dossier, /party_steps), and a rule pack points at it once for all three. They judge:
places that must be present or absent, a share above a ratio, items counted within a
period, consecutive years, a deadline that may be extended with a reason (and whose
extension the text leaves open), a vote of several bodies under every reading of how
they count, dates in order, and a question the law leaves open."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from fractions import Fraction
from typing import Annotated, Any, Literal

from checker.report import Kind
from checker.rules.predicates.core import (
    Ctx,
    DateRef,
    Field,
    Hit,
    Params,
    Pointer,
    Predicate,
    Ratio,
    Value,
    date_ref,
    dates,
    emits,
    first_date,
    ratio,
    resolve,
)
from checker.rules.predicates.items import Match
from checker.workdays import add_working_days, shift, within_working_days


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


def existing(c: Ctx, pointer: str) -> str:
    """The pointer, or its nearest ancestor the case holds (a finding's place must exist
    for its line and column to be right)."""
    while pointer and resolve(c.data, pointer) is None:
        pointer = pointer.rsplit("/", 1)[0]
    return pointer


def item_date(it: dict[str, Any], field: str = "date") -> Value:
    v = it.get(field)
    return dt.date.fromisoformat(v) if isinstance(v, str) else ""


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
                yield Hit(existing(c, at), values={"item": _last_key(at)})
        elif held and resolve(c.data, at + p.field) in (None, []):
            yield Hit(at, values={"item": _last_key(at)})


def share_above(p: ShareAbove, c: Ctx) -> Iterator[Hit]:
    num, den = resolve(c.data, p.numerator), resolve(c.data, p.denominator)
    r = ratio(p.ratio)
    if not isinstance(num, int) or not isinstance(den, int) or den <= 0:
        yield Hit(existing(c, p.numerator.rsplit("/", 1)[0]), "missing",
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
        day = item_date(it, p.field)
        if isinstance(day, dt.date) and ((lo and day < lo) or (hi and day > hi)):
            continue
        found = _sure_or_maybe(it, p.where, p.unsure)
        sure += found == "sure"
        maybe += found == "maybe"
    if sure >= p.min:
        return
    at = p.at if resolve(c.data, p.at) is not None else existing(c, p.at)
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

    at = p.at if resolve(c.data, p.at) is not None else existing(c, p.at)
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
    starts = dates(c, p.start)
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
            yield Hit(existing(c, p.route), "no_route", vals)
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


# ---------------------------------------------------------------- registry
_LATE = "start end days due extended total"
KINDS = (
    Predicate(FieldsPresent, fields_present, emits(default="item")),
    Predicate(ShareAbove, share_above, emits(default="count total share ratio",
                                             missing="ratio")),
    Predicate(ItemsCount, items_count, emits(default="count min",
                                             ambiguous="count min unsure_count")),
    Predicate(ConsecutiveYears, consecutive_years, emits(default="years",
                                                         before="years since",
                                                         ambiguous="years")),
    Predicate(StagedDeadline, staged_deadline, emits(
        late=_LATE, late_no_reason=_LATE, ambiguous_extension=_LATE,
        ambiguous_start="start end days due other", unknown="days")),
    Predicate(CollectiveVote, collective_vote, emits(
        counts="agree members", collective_below="ratio share other",
        ambiguous="ratio share other", no_route="ratio share other",
        no_submission="ratio share other")),
    Predicate(DateSequence, date_sequence, emits(default="first then first_date then_date")),
    Predicate(OpenQuestion, open_question, emits(default="")),
)
