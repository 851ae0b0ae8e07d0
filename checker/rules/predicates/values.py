"""Single values of the case: a value present, a flag set, a value among those allowed or
none of those forbidden, a number at most a bound, a share at most a ratio, two names that
must be the same body; and, where none of a few values is recorded, a question the rule
must leave open."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Literal

from checker.report import Kind
from checker.rules.predicates.core import (
    Ctx,
    Field,
    Hit,
    Params,
    Pointer,
    Predicate,
    Ratio,
    emits,
    ratio,
    resolve,
)
from checker.text import same


class SameBody(Params):
    """Two names (bodies, persons) must be the same after NFC and case folding."""

    kind: Literal["same_body"]
    left: Pointer
    right: Pointer


class Present(Params):
    """The value at a pointer must exist."""

    kind: Literal["present"]
    at: Pointer


class NoneOf(Params):
    """The list at `at` holds none of `forbidden`."""

    kind: Literal["none_of"]
    at: Pointer
    forbidden: list[str] = Field(min_length=1)


class FlagTrue(Params):
    """The boolean at `at` must be present and true."""

    kind: Literal["flag_true"]
    at: Pointer


class ValueIn(Params):
    """The value at `at`, when present, is one of `allowed`, unless a document is recorded
    at `unless` (e.g. the competent body's decision on a special case)."""

    kind: Literal["value_in"]
    at: Pointer
    allowed: list[str] = Field(min_length=1)
    unless: Pointer | None = None


class NotSet(Params):
    """The value at `at` must be absent, false or empty."""

    kind: Literal["not_set"]
    at: Pointer


class AtMost(Params):
    """The number at `at`, when present, is at most `max`."""

    kind: Literal["at_most"]
    at: Pointer
    max: int = Field(ge=0, le=100_000)


class ShareAtMost(Params):
    """The number at `numerator` over the number at `denominator` is at most `ratio` (e.g.
    low-confidence ballots "không quá 2/3", NĐ 170/2025 Điều 52 k1 d as first issued).
    Either number missing: nothing to judge here (a rule that needs the numbers says so)."""

    kind: Literal["share_at_most"]
    numerator: Pointer
    denominator: Pointer
    ratio: Ratio


# ---------------------------------------------------------------- predicates
def same_body(p: SameBody, c: Ctx) -> Iterator[Hit]:
    data = c.data
    a, b = resolve(data, p.left), resolve(data, p.right)
    if isinstance(a, str) and isinstance(b, str) and not same(a, b):
        yield Hit(p.left, values={"left": a, "right": b})


def present(p: Present, c: Ctx) -> Iterator[Hit]:
    if resolve(c.data, p.at) is None:
        yield Hit(_existing(c, p.at.rsplit("/", 1)[0]))


def _existing(c: Ctx, pointer: str) -> str:
    """The pointer, or its nearest ancestor the case holds (a finding's place must exist
    for its line and column to be right)."""
    while pointer and resolve(c.data, pointer) is None:
        pointer = pointer.rsplit("/", 1)[0]
    return pointer


def none_of(p: NoneOf, c: Ctx) -> Iterator[Hit]:
    v = resolve(c.data, p.at)
    values = v if isinstance(v, list) else [v]
    for i, x in enumerate(values):
        if isinstance(x, str) and x in p.forbidden:
            at = f"{p.at}/{i}" if isinstance(v, list) else p.at
            yield Hit(at, values={"value": x})


def flag_true(p: FlagTrue, c: Ctx) -> Iterator[Hit]:
    v = resolve(c.data, p.at)
    if v is None:
        yield Hit(_existing(c, p.at.rsplit("/", 1)[0]), "missing")
    elif v is not True:
        yield Hit(p.at, "false")


def value_in(p: ValueIn, c: Ctx) -> Iterator[Hit]:
    v = resolve(c.data, p.at)
    if v is None or v in p.allowed:
        return
    if p.unless and resolve(c.data, p.unless) is not None:
        return
    yield Hit(p.at, values={"value": str(v)})


def not_set(p: NotSet, c: Ctx) -> Iterator[Hit]:
    v = resolve(c.data, p.at)
    if v is None or v is False or v == [] or v == "":
        return
    value = ", ".join(map(str, v)) if isinstance(v, list) else str(v)
    yield Hit(p.at, values={"value": value})


def at_most(p: AtMost, c: Ctx) -> Iterator[Hit]:
    v = resolve(c.data, p.at)
    if isinstance(v, int) and not isinstance(v, bool) and v > p.max:
        yield Hit(p.at, values={"value": v, "max": p.max})


class UndecidedWithout(Params):
    """The case records at least one of the values at `any_of` (e.g. a date the day the
    ground of a suspension was established can be read from, for the deadline counted from
    it); otherwise the rule says it cannot decide, at `at`."""

    kind: Literal["undecided_without"]
    any_of: list[Pointer] = Field(min_length=1)
    at: Pointer

    @property
    def open_question(self) -> bool:
        """Its only finding is "cannot decide" (tests/test_fixtures.py asks for an
        undecidable fixture, not a violation)."""
        return True


def undecided_without(p: UndecidedWithout, c: Ctx) -> Iterator[Hit]:
    if all(resolve(c.data, ptr) is None for ptr in p.any_of):
        yield Hit(_existing(c, p.at), "unknown", kind=Kind.UNDECIDABLE)
def share_at_most(p: ShareAtMost, c: Ctx) -> Iterator[Hit]:
    num, den = resolve(c.data, p.numerator), resolve(c.data, p.denominator)
    if not isinstance(num, int) or not isinstance(den, int) or isinstance(num, bool) \
            or isinstance(den, bool) or den <= 0:
        return
    share, r = Fraction(num, den), ratio(p.ratio)
    if share > r:
        yield Hit(p.numerator, values={"count": num, "total": den, "share": share, "ratio": r})


# ---------------------------------------------------------------- registry
KINDS = (
    Predicate(SameBody, same_body, emits(default="left right")),
    Predicate(Present, present, emits(default="")),
    Predicate(NoneOf, none_of, emits(default="value")),
    Predicate(FlagTrue, flag_true, emits(missing="", false="")),
    Predicate(ValueIn, value_in, emits(default="value")),
    Predicate(NotSet, not_set, emits(default="value")),
    Predicate(AtMost, at_most, emits(default="value max")),
    Predicate(UndecidedWithout, undecided_without, emits(unknown="")),
    Predicate(ShareAtMost, share_at_most, emits(default="count total share ratio")),
)
