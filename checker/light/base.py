"""What the light case classes share: the base class (Record) and the builder that turns
a case file's JSON, already accepted by the compiled JSON Schema, into them.

Pydantic-free on purpose: `checker check` on a valid file reads cases through these
classes, so it never imports pydantic (issue 15). The classes themselves are generated
from the pydantic models (checker.model.lightgen writes checker/light/shapes.py) and a
test proves the committed module fresh; each class lists its fields in the model's order
(`model_fields`, the name pydantic gives the same table) and, in `_SPEC`, how to read
each from JSON: its key (the alias), how to convert the value, and its default.

The builder trusts the schema for what the schema says (types, patterns, bounds, which
keys are allowed); anything it still cannot read as the model would (a field missing, a
date it cannot parse) raises Drift, and the pipeline then asks the pydantic model, the
reference, so the answer is the model's in every case.
"""

from __future__ import annotations

import datetime as dt
from abc import ABCMeta
from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

_R = TypeVar("_R", bound="Record")
Convert = Callable[[Any], Any]


class Drift(ValueError):
    """The light builder could not read a value as the pydantic model would: the schema
    accepted something the builder does not know; the model decides instead."""


class Factory:
    """A default built anew for each case: an empty list, or an empty section."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


REQUIRED = object()  # the default of a field the case must have
_ABSENT = object()
_set = object.__setattr__


class Record(metaclass=ABCMeta):  # noqa: B024 (ABCMeta for register(), nothing abstract)
    """A part of a case, read-only. The pydantic models register themselves as virtual
    subclasses of their light twins (checker.model), so `isinstance(case, AppointmentFamily)`
    holds for a case of either kind and the predicates need not know which they read."""

    __slots__ = ()
    # field name → its type, as the generated module writes it; in the model's order
    model_fields: ClassVar[dict[str, str]] = {}
    # (attribute, JSON key, converter or None, default), one per field
    _SPEC: ClassVar[tuple[tuple[str, str, Convert | None, Any], ...]] = ()

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n in self.model_fields)

    def __hash__(self) -> int:
        return hash((type(self), *(getattr(self, n) for n in self.model_fields)))

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.model_fields)
        return f"{type(self).__name__}({shown})"


def build(cls: type[_R], data: Any) -> _R:
    """An instance of `cls` from the JSON object `data`."""
    if not isinstance(data, dict):
        raise Drift(f"{cls.__name__}: expected an object")
    obj = object.__new__(cls)
    for attr, key, convert, default in cls._SPEC:
        value = data.get(key, _ABSENT)
        if value is _ABSENT:
            if default is REQUIRED:
                raise Drift(f"{cls.__name__}: {key} is missing")
            value = default.make() if isinstance(default, Factory) else default
        elif value is not None and convert is not None:
            value = convert(value)
        _set(obj, attr, value)
    return obj


def spec(cls: type[Record], *fields: tuple[str, str, Convert | None, Any]) -> None:
    """Give a generated class its table of fields (called once, at import)."""
    type.__setattr__(cls, "_SPEC", fields)


# ---------------------------------------------------------------- converters
def date(value: Any) -> dt.date:
    # The schema's "format": "date" (RFC 3339 full-date) is what pydantic reads too;
    # Python's fromisoformat alone would also take 20260915 or 2026-W01-1.
    if type(value) is str and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise Drift(f"not a date: {value!r}")


def integer(value: Any) -> int:
    if type(value) is int:
        return value
    if type(value) is float and value.is_integer():
        return int(value)
    raise Drift(f"not an integer: {value!r}")


def number(value: Any) -> float:
    if type(value) is float:
        return value
    if type(value) is int:
        return float(value)
    raise Drift(f"not a number: {value!r}")


def plain(value: Any) -> Any:
    """A string or a list of strings (a `$comment`), as pydantic keeps it: a list is a
    list of its own."""
    return list(value) if isinstance(value, list) else value


def model(cls: type[Record]) -> Convert:
    def convert(value: Any) -> Any:
        return build(cls, value)

    return convert


def each(convert: Convert | None) -> Convert:
    if convert is None:
        return list
    if convert is plain:
        return lambda value: [plain(v) for v in value]

    def converted(value: Any) -> list[Any]:
        if not isinstance(value, list):
            raise Drift("expected an array")
        return [None if v is None else convert(v) for v in value]

    return converted


def empty_list() -> Factory:
    return Factory(list)


def section(cls: type[Record]) -> Factory:
    return Factory(lambda: build(cls, {}))
