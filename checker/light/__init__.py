"""The case as `checker check` reads it: plain, read-only classes, without pydantic.

The pydantic models (checker.model) are the source of truth: of the JSON Schema, of
`checker verify` and of the rule packs' validation. A case file that the compiled schema
accepts is read straight into these light twins (checker/light/shapes.py, generated from
the models by checker.model.lightgen), which have the same class names and hierarchy,
the same attributes with the same Python values (dates as datetime.date, enum values as
str, lists, None for what is absent), the same class variables and the same methods.
The pydantic classes are registered as virtual subclasses of their twins, so
`isinstance(case, AppointmentFamily)` is true of a case of either kind, and the
predicates, the engine, the waivers and the consistency checks read both alike.

    base.py     Record (the base class), the converters, Drift
    shapes.py   GENERATED: the classes and their readers, the enums, SHAPES, READERS
                and the union Case

A differential test (tests/test_light.py) proves the two paths give the same reports on
every fixture and on generated documents.
"""

from __future__ import annotations

from typing import Any

from checker.light import shapes as _shapes
from checker.light.base import Drift, Record
from checker.light.shapes import *  # noqa: F403
from checker.light.shapes import READERS, Case


def build_case(data: Any) -> Case:
    """The case, which the schema accepted, as its procedure's light shape. Raises Drift
    where it cannot read the data as the model would (the caller then asks the model): a
    key the model lacks, a required field missing, a value of a type it does not expect."""
    procedure = data.get("procedure") if isinstance(data, dict) else None
    read = READERS.get(procedure) if isinstance(procedure, str) else None
    if read is None:
        raise Drift("no known procedure")
    try:
        return read(data)
    except (KeyError, TypeError, AttributeError) as e:
        raise Drift(f"{type(e).__name__}: {e}") from None


__all__ = ["Drift", "Record", "build_case"]
__all__ += _shapes.__all__
