"""The pydantic models of the predicates' parameters, derived from their light classes.

Each kind's parameters are declared once, as a light class (a subclass of
checker.rules.predicates.core.Params: annotations, Field(...) specs, methods). Its
pydantic model, derived here on first use, is a subclass of pydantic's BaseModel and of
the light class (so it has the same methods, and `isinstance(model_instance, Quorum)`
holds), with the same name, docstring, fields in the same order, defaults and
constraints (each Spec made a pydantic Field, in the field's default and inside its
Annotated types) and the light class's model validators. These models validate rule
packs (checker.rules.pack) and are the source of the rule-pack schema; the check path
never imports this module, nor pydantic (issue 15).
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator
from pydantic import Field as PydanticField

from checker.rules.predicates import core
from checker.rules.predicates.core import MISSING, Params, Spec


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _field(spec: Spec) -> Any:
    kwargs = dict(spec.constraints)
    if spec.default_factory is not None:
        return PydanticField(default_factory=spec.default_factory, **kwargs)
    if spec.default is MISSING:
        return PydanticField(**kwargs)
    return PydanticField(spec.default, **kwargs)


def pydantic_type(tp: Any) -> Any:
    """The type with every Spec among its Annotated metadata made a pydantic Field."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Annotated:
        meta = tuple(_field(m) if isinstance(m, Spec) else m for m in tp.__metadata__)
        return typing.Annotated[(pydantic_type(args[0]), *meta)]
    if origin in (typing.Union, types.UnionType):
        return typing.Union[tuple(pydantic_type(a) for a in args)]  # noqa: UP007
    if origin in (list, dict, tuple, set, frozenset) and args:
        return origin[tuple(pydantic_type(a) for a in args)]
    return tp


_MODELS: dict[type[Params], type[BaseModel]] = {}


def model_of(cls: type[Params]) -> type[BaseModel]:
    """The pydantic model of a light parameter class (see the module's docstring), derived
    once."""
    found = _MODELS.get(cls)
    if found is None:
        found = _MODELS[cls] = _derive(cls)
    return found


def _derive(cls: type[Params]) -> type[BaseModel]:
    hints = typing.get_type_hints(cls, include_extras=True)
    ns: dict[str, Any] = {
        "__module__": cls.__module__, "__qualname__": cls.__qualname__,
        "__doc__": cls.__doc__, "__params_model__": True,
        "__annotations__": {n: pydantic_type(hints[n]) for n in cls.params_fields},
    }
    for name, spec in cls.params_fields.items():
        if spec.default is not MISSING or spec.default_factory is not None \
                or spec.constraints:
            ns[name] = _field(spec)
    for klass in reversed(cls.__mro__):
        for name, fn in vars(klass).items():
            mode = getattr(fn, "__params_validator__", None)
            if mode is not None:
                validator: Any = model_validator(mode=mode)
                ns[name] = validator(fn)
    meta: Any = type(_Model)
    return typing.cast(type[BaseModel], meta(cls.__name__, (_Model, cls), ns))


# The parameter types, for other pydantic models (a rule pack's `when` conditions).
# A type checker sees what they validate (a string); pydantic, the derived type.
if typing.TYPE_CHECKING:
    Pointer = str
    DateRef = str
else:
    Pointer = pydantic_type(core.Pointer)
    DateRef = pydantic_type(core.DateRef)
