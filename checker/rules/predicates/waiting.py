"""Waiting periods after the loss of a leadership post (part W of issue 14): a later
appointment that records an earlier removal (`candidate.removals`) is judged against the
time the person has since worked at the new position (NĐ 170/2025 Điều 55 k1 as amended
by NĐ 300/2026 Điều 25), the placement after a dismissal (Điều 55 k3 as first issued) and
the permanent bar after a removal for corruption (Luật 80/2025/QH15 Điều 38 k3)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Literal

from checker.light import AppointmentFamily, Removal, RemovalKind
from checker.report import Kind
from checker.rules.predicates.core import (
    Ctx,
    DateRef,
    Field,
    Hit,
    Params,
    Predicate,
    Value,
    dates,
    emits,
    family,
)
from checker.workdays import months_between

Rank = Literal["equivalent", "higher", "lower"]
Rating = Literal["excellent", "good", "completed", "not_completed"]
_WORSE = ["not_completed", "completed", "good", "excellent"]
_RANKS: tuple[Rank, ...] = ("equivalent", "higher", "lower")
_ALL_RANKS = set(_RANKS)


class RemovalWait(Params):
    """For each earlier removal of one of `removals` (filtered by `on_dismissal_grounds`
    and `corruption` when set), the appointment at the reference date:

    - `never`: is barred whatever the time (Luật 80 Điều 38 k3);
    - `first_placement`: to a post of a rank in `ranks`, must not be the first placement
      after the removal (the case records no `placement`); after a recorded placement the
      text does not say whether the bar lasts, so it cannot be decided (NĐ 170 Điều 55 k3
      as first issued; Điều 36 k7 after a reappointment refused);
    - `wait`: to a post of a rank in `ranks`, needs at least `months` whole months at the
      new position (from `placement.since`; none if this appointment is the first
      placement); a rank in `open_ranks` within the period cannot be decided (the text is
      silent); a removal decided before `regime_from` cannot be decided (the transition is
      not addressed); with `short_career_months`, a person with less than that left to
      retirement at the removal may hold no leadership post at all; with `ratings`, every
      annual rating recorded since the new position began must be one of them."""

    kind: Literal["removal_wait"]
    removals: list[RemovalKind] = Field(min_length=1)
    on_dismissal_grounds: bool | None = None
    corruption: bool | None = None
    reference: list[DateRef] = Field(min_length=1)
    mode: Literal["wait", "first_placement", "never"] = "wait"
    months: int | None = Field(None, ge=1, le=600)
    ranks: list[Rank] = Field(default_factory=lambda: list(_RANKS), min_length=1)
    open_ranks: list[Rank] = Field(default_factory=list)
    regime_from: dt.date | None = None
    short_career_months: int | None = Field(None, ge=1, le=600)
    ratings: list[Rating] = Field(default_factory=list)

    @property
    def readings(self) -> list[str]:
        return self.reference

    def unused(self) -> set[str]:
        if self.mode == "never":
            return set(_WAIT_KEYS) | {"first", "later"}
        if self.mode == "first_placement":
            return (set(_WAIT_KEYS) - {"unranked"}) | {"barred"} | (
                {"unranked"} if set(self.ranks) >= _ALL_RANKS else set())
        out = {"barred", "first", "later"}
        if len(self.reference) < 2:
            out.add("ambiguous")
        if not self.open_ranks:
            out.add("open_rank")
        if set(self.ranks) >= _ALL_RANKS:
            out.add("unranked")
        if self.regime_from is None:
            out.add("transition")
        if self.short_career_months is None:
            out |= {"short_career", "short_career_ambiguous", "no_retirement"}
        if self.regime_from is None and self.short_career_months is None:
            out.add("undated")
        if not self.ratings:
            out |= {"low_rating", "partial_rating", "unrated"}
        return out


_WAIT_KEYS = ("short", "no_placement", "ambiguous", "open_rank", "unranked", "unknown_start",
              "transition",
              "short_career", "short_career_ambiguous", "no_retirement", "undated",
              "low_rating", "partial_rating", "unrated")


def _matches(p: RemovalWait, r: Removal) -> bool:
    return (r.kind in p.removals
            and (p.on_dismissal_grounds is None or r.on_dismissal_grounds == p.on_dismissal_grounds)
            and (p.corruption is None or r.corruption == p.corruption))


def removal_wait(p: RemovalWait, c: Ctx) -> Iterator[Hit]:
    refs = dates(c, p.reference)
    if not refs:
        return
    cand = family(c).candidate
    for i, r in enumerate(cand.removals):
        if _matches(p, r):
            yield from _judge(p, c, i, r, refs)


def _judge(p: RemovalWait, c: Ctx, i: int, r: Removal, refs: list[tuple[dt.date, str]]
           ) -> Iterator[Hit]:
    at = f"/candidate/removals/{i}"
    decided = r.decision.date
    vals: dict[str, Value] = {"post": r.post, "decided": decided or "?"}
    if p.mode == "never":
        yield Hit(at, "barred", vals)
        return
    if p.mode == "first_placement":
        if r.rank is None and not set(p.ranks) >= _ALL_RANKS:
            yield Hit(at, "unranked", {**vals, "months": 0}, Kind.UNDECIDABLE)
            return
        if r.rank is not None and r.rank not in p.ranks:
            return
        if r.placement is None:
            yield Hit(at, "first", vals)
        else:
            yield Hit(f"{at}/placement", "later", vals, Kind.UNDECIDABLE)
        return
    if (p.short_career_months is None and r.rank is not None and r.rank not in p.ranks
            and r.rank not in p.open_ranks):
        # A rank with no waiting period (a lower post) under this text: nothing to wait
        # for, whatever the date of the removal or the text in force then.
        return
    if (p.regime_from is not None or p.short_career_months is not None) and decided is None:
        yield Hit(f"{at}/decision", "undated", vals, Kind.UNDECIDABLE)
        return
    if p.regime_from is not None and decided is not None and decided < p.regime_from:
        yield Hit(f"{at}/decision/date", "transition",
                  {**vals, "regime_from": p.regime_from}, Kind.UNDECIDABLE)
        return
    if p.short_career_months is not None and decided is not None:
        hit = _short_career(p, c, at, vals, decided, refs)
        if hit is not None:
            yield hit
            return
    rank = r.rank
    if rank is None:
        if not set(p.ranks) >= _ALL_RANKS:
            yield Hit(at, "unranked", {**vals, "months": p.months or 0}, Kind.UNDECIDABLE)
            return
    elif rank not in p.ranks and rank not in p.open_ranks:
        return
    months = p.months or 0
    if r.placement is None:
        # This appointment is the first placement after the removal: no time at all.
        yield Hit(at, "no_placement", {**vals, "months": months})
        return
    since = r.placement.since
    if since is None:
        yield Hit(f"{at}/placement", "unknown_start", {**vals, "months": months},
                  Kind.UNDECIDABLE)
        return
    held = [(d, months_between(since, d) if since <= d else 0) for d, _ in refs]
    short = [(d, h) for d, h in held if h < months]
    where = f"{at}/placement/since"
    wvals: dict[str, Value] = {**vals, "since": since, "months": months}
    if short:
        d, h = short[0]
        wvals |= {"until": d, "held": h}
        if rank is not None and rank in p.open_ranks:
            yield Hit(where, "open_rank", wvals, Kind.UNDECIDABLE)
        elif len(short) < len(held):
            other = next(x for x, hh in held if hh >= months)
            yield Hit(where, "ambiguous", {**wvals, "other": other}, Kind.UNDECIDABLE)
        else:
            yield Hit(where, "short", wvals)
        return
    if p.ratings:
        yield from _ratings(p, c, since, refs[-1][0])


def _short_career(p: RemovalWait, c: Ctx, at: str, vals: dict[str, Value], decided: dt.date,
                  refs: list[tuple[dt.date, str]]) -> Hit | None:
    """Less than `short_career_months` left to retirement: no leadership post at all. The
    text does not say at which date the time left is counted (WB-3): at the removal
    decision, or when the person is placed or appointed."""
    assert p.short_career_months is not None
    retire = c.case.subject.retirement_date
    if retire is None:
        return Hit("/candidate", "no_retirement", vals, Kind.UNDECIDABLE)
    left = months_between(decided, retire)
    later = refs[-1][0]
    left_later = months_between(later, retire)
    cvals: dict[str, Value] = {**vals, "retirement": retire, "left": left,
                               "months": p.short_career_months}
    if left < p.short_career_months:
        return Hit(f"{at}/decision/date", "short_career", cvals)
    if left_later < p.short_career_months:
        return Hit(f"{at}/decision/date", "short_career_ambiguous",
                   {**cvals, "until": later, "left_then": left_later}, Kind.UNDECIDABLE)
    return None


def _ratings(p: RemovalWait, c: Ctx, since: dt.date, until: dt.date) -> Iterator[Hit]:
    """The annual ratings since the new position began (WB-2: the text does not say which
    years): a year wholly at the new position rated below `ratings` fails; the first year,
    partly at the old post, cannot be decided; none recorded at all cannot be decided."""
    person = c.case.subject
    by_year: dict[int, tuple[int, str]] = {}
    for j, rt in enumerate(person.ratings):
        if rt.year not in by_year or _WORSE.index(rt.rating) < _WORSE.index(by_year[rt.year][1]):
            by_year[rt.year] = (j, rt.rating)
    years = [y for y in sorted(by_year) if since.year <= y <= until.year]
    if not years:
        yield Hit("/candidate/ratings" if person.ratings else "/candidate", "unrated",
                  {"since": since, "until": until}, Kind.UNDECIDABLE)
        return
    for y in years:
        j, rating = by_year[y]
        if rating in p.ratings:
            continue
        vals: dict[str, Value] = {"year": y, "rating": rating, "since": since}
        ptr = f"/candidate/ratings/{j}/rating"
        if y == since.year and (since.month, since.day) != (1, 1):
            yield Hit(ptr, "partial_rating", vals, Kind.UNDECIDABLE)
        else:
            yield Hit(ptr, "low_rating", vals)


# ---------------------------------------------------------------- registry
_BASE = "post decided"
_WAIT = _BASE + " since months until held"
KINDS = (
    Predicate(RemovalWait, removal_wait, emits(
        barred=_BASE, first=_BASE, later=_BASE,
        short=_WAIT, ambiguous=_WAIT + " other", open_rank=_WAIT,
        unranked=_BASE + " months", unknown_start=_BASE + " months",
        no_placement=_BASE + " months",
        transition=_BASE + " regime_from", undated=_BASE,
        short_career=_BASE + " retirement left months",
        short_career_ambiguous=_BASE + " retirement left months until left_then",
        no_retirement=_BASE,
        low_rating="year rating since", partial_rating="year rating since",
        unrated="since until"), reads=AppointmentFamily),
)
