"""Lists of the case judged item by item (meetings, documents, members): every item that
matches `where` records a field, is not refused, meets a ratio, is dated in time; at least
one item matches; a matching item requires a value elsewhere; a date falls inside the
period an item records."""

from __future__ import annotations

import datetime as dt
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
    emits,
    first_date,
    model_validator,
    ratio,
    resolve,
)

ItemValue = str | bool | int


# In `where`: a value the item's field must equal, or a list of values it may equal.
Match = ItemValue | list[ItemValue]


class ItemsPresent(Params):
    """Every item of the list at `at` that matches `where` records `field`."""

    kind: Literal["items_present"]
    at: Pointer
    where: dict[str, Match] = Field(default_factory=dict)
    field: Annotated[str, Field(pattern=r"^[a-z_]+$")]


class ItemsRequire(Params):
    """If any item of the list at `at` matches `where`, the case must hold a value at
    `require` (e.g. a member outside the set composition needs the Secretariat's
    decision). The finding points at the first such item and names it."""

    kind: Literal["items_require"]
    at: Pointer
    where: dict[str, Match] = Field(min_length=1)
    require: Pointer


class ItemsFalse(Params):
    """No item of the list at `at` that matches `where` has `field` set to `refused`
    (true by default; false to require that a recorded flag is not false)."""

    kind: Literal["items_false"]
    at: Pointer
    where: dict[str, Match] = Field(default_factory=dict)
    field: Annotated[str, Field(pattern=r"^[a-z_]+$")]
    refused: bool = True


class ItemsRatio(Params):
    """For every item of the list at `at` matching `where`: numerator / denominator must
    be at least `ratio` (or above it, if `strict`). If the law's denominator is unclear
    and `alt_denominator` is given, a result that passes on one and fails on the other
    cannot be decided."""

    kind: Literal["items_ratio"]
    at: Pointer
    where: dict[str, Match] = Field(default_factory=dict)
    numerator: Annotated[str, Field(pattern=r"^[a-z_]+$")]
    denominator: Annotated[str, Field(pattern=r"^[a-z_]+$")]
    alt_denominator: Annotated[str, Field(pattern=r"^[a-z_]+$")] | None = None
    ratio: Ratio
    strict: bool = False

    def unused(self) -> set[str]:
        return set() if self.alt_denominator is not None else {"ambiguous"}


class ItemsDatedUntil(Params):
    """Every item of the list at `at` is dated (its `field`, by default `date`) no later
    than `until`, or than the date the case records at `until_at` (one of the two)."""

    kind: Literal["items_dated_until"]
    at: Pointer
    field: Annotated[str, Field(pattern=r"^[a-z_]+$")] = "date"
    until: dt.date | None = None
    until_at: Pointer | None = None

    @model_validator(mode="after")
    def _one_limit(self) -> ItemsDatedUntil:
        if (self.until is None) == (self.until_at is None):
            raise ValueError("give exactly one of until and until_at")
        return self


class ItemsExist(Params):
    """At least one item of the list at `at` matches `where` (e.g. a meeting of the ban
    cán sự đảng on personnel)."""

    kind: Literal["items_exist"]
    at: Pointer
    where: dict[str, Match] = Field(min_length=1)


class ItemsDuring(Params):
    """The date `date` (e.g. the decision's) must not fall inside the period (`start` to
    `end`; no `end`: still going on) of an item of the list at `at` that matches `where`
    (e.g. an inspection of the person while a resignation is decided: NĐ 170/2025 Điều 52
    k2 b). Inside the period of an item that matches one of `unsure` instead, the law
    leaves open whether it bars (e.g. an inspection of the unit only): cannot decide."""

    kind: Literal["items_during"]
    at: Pointer
    date: list[DateRef] = Field(min_length=1)
    where: dict[str, Match] = Field(default_factory=dict)
    unsure: list[dict[str, Match]] = Field(default_factory=list)
    start: Annotated[str, Field(pattern=r"^[a-z_]+$")] = "start"
    end: Annotated[str, Field(pattern=r"^[a-z_]+$")] = "end"

    def unused(self) -> set[str]:
        return set() if self.unsure else {"unsure"}


# ---------------------------------------------------------------- predicates
def _matching(c: Ctx, at: str, where: dict[str, Match]) -> list[tuple[int, dict[str, Any]]]:
    items = resolve(c.data, at)
    if not isinstance(items, list):
        return []
    return [(i, it) for i, it in enumerate(items) if isinstance(it, dict)
            and all(it.get(k) in v if isinstance(v, list) else it.get(k) == v
                    for k, v in where.items())]


def _item_date(it: dict[str, Any], field: str = "date") -> Value:
    v = it.get(field)
    return dt.date.fromisoformat(v) if isinstance(v, str) else ""


def items_present(p: ItemsPresent, c: Ctx) -> Iterator[Hit]:
    for i, it in _matching(c, p.at, p.where):
        if it.get(p.field) is None:
            yield Hit(f"{p.at}/{i}", values={"date": _item_date(it)})


def items_require(p: ItemsRequire, c: Ctx) -> Iterator[Hit]:
    found = _matching(c, p.at, p.where)
    if found and resolve(c.data, p.require) is None:
        i, it = found[0]
        name = it.get("name")
        yield Hit(f"{p.at}/{i}", values={"name": name if isinstance(name, str) else ""})


def items_false(p: ItemsFalse, c: Ctx) -> Iterator[Hit]:
    for i, it in _matching(c, p.at, p.where):
        if it.get(p.field) is p.refused:
            kind = it.get("kind")
            yield Hit(f"{p.at}/{i}/{p.field}", values={
                "date": _item_date(it), "kind": kind if isinstance(kind, str) else ""})


def items_ratio(p: ItemsRatio, c: Ctx) -> Iterator[Hit]:
    r = ratio(p.ratio)

    def ok(num: int, den: int) -> bool:
        return Fraction(num) > r * den if p.strict else Fraction(num) >= r * den

    for i, it in _matching(c, p.at, p.where):
        num, den = it.get(p.numerator), it.get(p.denominator)
        if not isinstance(num, int) or not isinstance(den, int) or den <= 0:
            continue
        vals: dict[str, Value] = {"date": _item_date(it), "count": num, "total": den}
        at = f"{p.at}/{i}/{p.numerator}"
        if ok(num, den):
            continue
        alt = it.get(p.alt_denominator) if p.alt_denominator else None
        if isinstance(alt, int) and alt > 0 and ok(num, alt):
            yield Hit(at, "ambiguous", {**vals, "other": alt}, Kind.UNDECIDABLE)
        else:
            yield Hit(at, values=vals)


def items_dated_until(p: ItemsDatedUntil, c: Ctx) -> Iterator[Hit]:
    limit = p.until
    if p.until_at is not None:
        found = date_ref(c, c.data, p.until_at)
        if not found:
            return
        limit = found[0]
    assert limit is not None
    for i, it in _matching(c, p.at, {}):
        d = _item_date(it, p.field)
        if isinstance(d, dt.date) and d > limit:
            yield Hit(f"{p.at}/{i}/{p.field}", values={"date": d, "until": limit})


def items_exist(p: ItemsExist, c: Ctx) -> Iterator[Hit]:
    if not _matching(c, p.at, p.where):
        yield Hit(p.at if resolve(c.data, p.at) is not None else p.at.rsplit("/", 1)[0])


class ItemsDateOrder(Params):
    """For every item of the list at `at`, the date at `first` (a pointer inside the item)
    is not after the date at `then` (e.g. the report to the managing body comes no later
    than the extension it precedes). With `required`, an item without `first` is reported."""

    kind: Literal["items_date_order"]
    at: Pointer
    first: Pointer
    then: Pointer
    required: bool = False

    def unused(self) -> set[str]:
        return set() if self.required else {"missing"}


def items_date_order(p: ItemsDateOrder, c: Ctx) -> Iterator[Hit]:
    for i, it in _matching(c, p.at, {}):
        a, b = resolve(it, p.first), resolve(it, p.then)
        then: Value = dt.date.fromisoformat(b) if isinstance(b, str) else ""
        if not isinstance(a, str):
            if p.required:
                yield Hit(f"{p.at}/{i}", "missing", {"then_date": then})
            continue
        if isinstance(then, dt.date) and dt.date.fromisoformat(a) > then:
            yield Hit(f"{p.at}/{i}{p.first}", values={
                "first_date": dt.date.fromisoformat(a), "then_date": then})
def _fits(it: dict[str, Any], where: dict[str, Match]) -> bool:
    return all(it.get(k) in v if isinstance(v, list) else it.get(k) == v
               for k, v in where.items())


def items_during(p: ItemsDuring, c: Ctx) -> Iterator[Hit]:
    found = first_date(c, c.data, p.date)
    items = resolve(c.data, p.at)
    if not found or not isinstance(items, list):
        return
    day = found[0]
    for i, it in enumerate(items):
        if not isinstance(it, dict):
            continue
        start, end = _item_date(it, p.start), _item_date(it, p.end)
        if not isinstance(start, dt.date) or day < start:
            continue
        if isinstance(end, dt.date) and day > end:
            continue
        vals: dict[str, Value] = {"date": day, "start": start}
        if _fits(it, p.where):
            yield Hit(f"{p.at}/{i}", values=vals)
        elif any(_fits(it, w) for w in p.unsure):
            yield Hit(f"{p.at}/{i}", "unsure", vals, Kind.UNDECIDABLE)


# ---------------------------------------------------------------- registry
KINDS = (
    Predicate(ItemsPresent, items_present, emits(default="date")),
    Predicate(ItemsRequire, items_require, emits(default="name")),
    Predicate(ItemsFalse, items_false, emits(default="date kind")),
    Predicate(ItemsRatio, items_ratio, emits(
        default="date count total", ambiguous="date count total other")),
    Predicate(ItemsDatedUntil, items_dated_until, emits(default="date until")),
    Predicate(ItemsExist, items_exist, emits(default="")),
    Predicate(ItemsDateOrder, items_date_order, emits(default="first_date then_date",
                                                      missing="then_date")),
    Predicate(ItemsDuring, items_during, emits(default="date start", unsure="date start")),
)
