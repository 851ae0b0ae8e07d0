"""What the light case classes share: the base class (Record), the converters their
readers use to turn a case file's JSON, already accepted by the compiled JSON Schema,
into them, and Drift.

Pydantic-free on purpose: `checker check` on a valid file reads cases through these
classes, so it never imports pydantic (issue 15). The classes themselves are generated
from the pydantic models (checker.model.lightgen writes checker/light/shapes.py) and a
test proves the committed module fresh; each class lists its fields in the model's order
(`model_fields`, the name pydantic gives the same table), and has a generated reader
(`_read_<Class>`: one dict display of its fields, each read from its JSON key, its alias,
with its converter, or given its default).

The readers trust the schema for what the schema says (types, patterns, bounds, which
keys are allowed); anything they still cannot read as the model would (a field missing, a
date it cannot parse) raises Drift, and the pipeline then asks the pydantic model, the
reference, so the answer is the model's in every case.
"""

from __future__ import annotations

import datetime as dt
from abc import ABCMeta
from typing import Any, ClassVar


class Drift(ValueError):
    """The light reader could not read a value as the pydantic model would: the schema
    accepted something the reader does not know; the model decides instead."""


class Record(metaclass=ABCMeta):  # noqa: B024 (ABCMeta for register(), nothing abstract)
    """A part of a case, read-only. The pydantic models register themselves as virtual
    subclasses of their light twins (checker.model), so `isinstance(case, AppointmentFamily)`
    holds for a case of either kind and the predicates need not know which they read.

    An instance keeps its fields in its __dict__, which its generated reader fills in
    one go (one dict display per class): much faster to build than one attribute at a
    time, and read as fast."""

    # field name → its type, as the generated module writes it; in the model's order
    model_fields: ClassVar[dict[str, str]] = {}

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash((type(self), *(getattr(self, n) for n in self.model_fields)))

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.model_fields)
        return f"{type(self).__name__}({shown})"


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
