"""The predicates' parameters without pydantic (issue 15): each kind's light class
(checker.rules.predicates.core.Params) against its pydantic model, derived from it
(checker.rules.paramodels), the reference.

- every kind's model is derived from its light class: a subclass of it, of the same
  name, with the same fields in the same order;
- for every rule of every built-in pack, the light parameters the check path builds from
  the compiled plain values equal the model's instance field by field (types included),
  and every method and property the class defines (unused(), reads(), readings,
  open_question…) gives the same result on both; so do the messages a rule must give and
  the procedures its kind reads;
- calling a parameter class validates through the model; light parameters are read-only.

The reports of both over every fixture: tests/test_snapshot.py
(test_light_and_model_parameters_report_the_same_on_every_fixture).
"""

from __future__ import annotations

import datetime as dt
import inspect
from enum import Enum
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from checker.rules.pack import builtin_packs
from checker.rules.predicates import PREDICATES, Params, required_messages
from checker.rules.predicates.core import Spec
from checker.rules.predicates.steps import Quorum
from checker.rules.predicates.timing import WorkingDaysTotal

# what every parameter class has, and is not a reading of its parameters
_MACHINERY = {"build", "model", "model_validate", "model_dump"}


def typed(x: Any) -> Any:
    """A value as nested plain values with the type of each leaf (an enum member and its
    value are equal, but not the same)."""
    if isinstance(x, list | tuple):
        return type(x).__name__, [typed(v) for v in x]
    if isinstance(x, dict):
        return "dict", sorted((typed(k), typed(v)) for k, v in x.items())
    if isinstance(x, Enum):
        return "enum", type(x).__name__, x.value
    if isinstance(x, frozenset | set):
        return type(x).__name__, sorted(map(repr, x))
    return type(x).__name__, x


def readings(cls: type[Params]) -> list[str]:
    """The methods (without arguments but self) and properties a parameter class and its
    light bases define."""
    out: list[str] = []
    for klass in cls.__mro__:
        if not (isinstance(klass, type) and issubclass(klass, Params)) or \
                issubclass(klass, BaseModel):
            continue
        for name, obj in vars(klass).items():
            if name.startswith("_") or name in _MACHINERY or name in out:
                continue
            plain = inspect.isfunction(obj) and list(inspect.signature(obj).parameters) == ["self"]
            if isinstance(obj, property) or plain:
                out.append(name)
    return out


def read(p: Params, name: str) -> Any:
    value = getattr(p, name)
    return value() if callable(value) else value


RULES = [(f"{r.id}@{r.version}", r.check) for p in builtin_packs() for r in p.rules]


def test_every_kind_s_model_is_derived_from_its_light_class() -> None:
    for kind, pred in PREDICATES.items():
        model = pred.model
        assert issubclass(model, BaseModel) and issubclass(model, pred.params), kind
        assert not issubclass(pred.params, BaseModel), kind
        assert model.__name__ == pred.params.__name__
        assert model.__doc__ == pred.params.__doc__
        assert list(model.model_fields) == list(pred.params.params_fields), kind
        for name, spec in pred.params.params_fields.items():
            assert isinstance(spec, Spec)
            assert model.model_fields[name].is_required() == (
                spec.default is Spec().default and spec.default_factory is None), (kind, name)


def test_the_built_in_packs_use_many_kinds() -> None:
    used = {type(check).__name__ for _, check in RULES}
    assert len(used) >= 40  # the differential below covers most kinds, not a few


@pytest.mark.parametrize(("rule", "reference"), RULES, ids=[r for r, _ in RULES])
def test_light_parameters_equal_the_model_s(rule: str, reference: Any) -> None:
    assert isinstance(reference, BaseModel)  # the pack's, validated by the model
    pred = PREDICATES[reference.kind]
    light = pred.params.build(reference.model_dump(mode="json"))
    assert type(light) is pred.params and not isinstance(light, BaseModel)
    for name in pred.params.params_fields:
        assert typed(getattr(light, name)) == typed(getattr(reference, name)), name
    names = readings(pred.params)
    assert "unused" in names and "reads" in names
    for name in names:
        assert typed(read(light, name)) == typed(read(reference, name)), name
    assert light == reference and reference == light
    assert light.model_dump(mode="json") == reference.model_dump(mode="json")
    assert required_messages(reference.kind, light) == \
        required_messages(reference.kind, reference)
    assert pred.procedures(light) == pred.procedures(reference)


def test_a_kind_with_a_date_and_one_with_enums_come_back_typed() -> None:
    # dates and enum members are what a JSON round trip would lose
    checks = [c for _, c in RULES]
    dated = [c for c in checks
             if any(isinstance(getattr(c, n), dt.date) for n in type(c).model_fields)]
    enums = [c for c in checks if any(isinstance(getattr(c, n), Enum) or (
        isinstance(getattr(c, n), list) and any(isinstance(v, Enum) for v in getattr(c, n)))
        for n in type(c).model_fields)]
    assert dated and enums
    for c in dated + enums:
        light = PREDICATES[c.kind].params.build(c.model_dump(mode="json"))
        assert typed(light.model_dump()) == typed(c.model_dump())


def test_calling_a_parameter_class_validates_through_its_model() -> None:
    q = Quorum(kind="quorum", kinds=["leadership_1"], ratio="2/3")
    assert isinstance(q, BaseModel) and isinstance(q, Quorum)
    assert q == Quorum.model_validate({"kind": "quorum", "kinds": ["leadership_1"], "ratio": "2/3"})
    with pytest.raises(ValidationError):
        Quorum(kind="quorum", kinds=[], ratio="2/3")  # min_length=1, a Field of the light class
    with pytest.raises(ValidationError, match="exactly one of max and max_at"):
        WorkingDaysTotal(kind="working_days_total", periods=["/p"])  # its model validator


def test_light_parameters_are_read_only_and_need_every_required_field() -> None:
    light = Quorum.build({"kind": "quorum", "kinds": ["leadership_1"], "ratio": "2/3"})
    with pytest.raises(AttributeError):
        light.kinds = []  # type: ignore[misc]
    with pytest.raises(KeyError, match="kinds"):
        Quorum.build({"kind": "quorum", "ratio": "2/3"})
