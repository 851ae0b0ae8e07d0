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

    base.py     Record (the base class), the builder and its converters, Drift
    shapes.py   GENERATED: the classes, their enums, SHAPES and the union Case

A differential test (tests/test_light.py) proves the two paths give the same reports on
every fixture and on generated documents.
"""

from __future__ import annotations

from typing import Any

from checker.light import shapes as _shapes
from checker.light.base import Drift, Record, build
from checker.light.shapes import *  # noqa: F403
from checker.light.shapes import SHAPES, Case


def build_case(data: Any) -> Case:
    """The case as its procedure's light shape. Raises Drift where it cannot read the data
    as the model would (the caller then asks the model)."""
    procedure = data.get("procedure") if isinstance(data, dict) else None
    shape = SHAPES.get(procedure) if isinstance(procedure, str) else None
    if shape is None:
        raise Drift("no known procedure")
    case: Any = build(shape, data)
    return case  # type: ignore[no-any-return]


__all__ = ["Drift", "Record", "build", "build_case"]
__all__ += _shapes.__all__
