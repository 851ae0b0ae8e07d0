"""Generate checker/light/shapes.py, the light twins of the case models (`make schemas`:
checker.schemagen writes it with the schemas).

`checker check` reads a case that the compiled JSON Schema accepted through plain
classes (checker.light), never through pydantic (issue 15). Those classes are written by
this module from the pydantic models, which stay the source of truth (and of the schema):
the same class names and hierarchy, the same fields in the same order, their aliases and
defaults, the same class variables (`subject_field`, `preliminaries`), the models' own
methods (`acts()`, `subject`…) copied from their source, and a copy of each enum. A
test proves the committed module equal to what this one writes.

Enum fields hold their value (a str), as the models do with `use_enum_values`.
"""

from __future__ import annotations

import datetime as dt
import inspect
import textwrap
import types
import typing
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from checker.model import SHAPES, Model

TARGET = Path(__file__).resolve().parent.parent / "light" / "shapes.py"
_SCALARS: dict[Any, tuple[str, str | None]] = {
    str: ("str", None), bool: ("bool", None), int: ("int", "integer"),
    float: ("float", "number"), dt.date: ("dt.date", "date"),
}


def classes() -> tuple[list[type[Model]], list[type[Enum]]]:
    """Every model class a case is made of (its shapes, their bases up to Model, and the
    types of their fields), bases first; and every enum among the fields' types."""
    models: list[type[Model]] = []
    enums: list[type[Enum]] = []

    def add(cls: type[Model]) -> None:
        if cls in models or cls is Model:
            return
        for base in cls.__bases__:
            if issubclass(base, Model):
                add(base)
        models.append(cls)
        for f in cls.model_fields.values():
            walk(f.annotation)

    def walk(tp: Any) -> None:
        for arg in typing.get_args(tp):
            if typing.get_origin(tp) is not typing.Literal:
                walk(arg)
        if typing.get_origin(tp) is typing.Literal:
            for v in typing.get_args(tp):
                if isinstance(v, Enum) and type(v) not in enums:
                    enums.append(type(v))
        elif isinstance(tp, type) and issubclass(tp, Model):
            add(tp)
        elif isinstance(tp, type) and issubclass(tp, Enum) and tp not in enums:
            enums.append(tp)

    for shape in SHAPES.values():
        add(shape)
    names = [c.__name__ for c in (*models, *enums)]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise ValueError(f"lightgen: two classes share the name(s) {twice}")
    return models, enums


def _strip(tp: Any) -> Any:
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    return tp


def _type(tp: Any) -> str:
    """The light type of a field: as the model's, with enums and Literals as str."""
    tp = _strip(tp)
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        parts = [_type(a) for a in typing.get_args(tp) if a is not type(None)]
        optional = type(None) in typing.get_args(tp)
        return " | ".join(dict.fromkeys(parts)) + (" | None" if optional else "")
    if origin is list:
        return f"list[{_type(typing.get_args(tp)[0])}]"
    if origin is typing.Literal or (isinstance(tp, type) and issubclass(tp, Enum)):
        return "str"
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return tp.__name__
    if tp in _SCALARS:
        return _SCALARS[tp][0]
    raise TypeError(f"lightgen: no light type for {tp!r}")


def _parts(tp: Any) -> list[Any]:
    tp = _strip(tp)
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return [p for a in typing.get_args(tp) for p in _parts(a)]
    if typing.get_origin(tp) is typing.Literal or (isinstance(tp, type)
                                                   and issubclass(tp, Enum)):
        return [str]
    return [tp]


def _narrows(new: Any, old: Any) -> bool:
    """Whether a field's type in a subclass is one the type checker accepts in place of
    the base's: each of its alternatives one of the base's or a subclass of one (a list
    only as the same list)."""
    olds = _parts(old)
    return all(n in olds or (isinstance(n, type) and any(
        isinstance(o, type) and issubclass(n, o) for o in olds)) for n in _parts(new))


def _expr(tp: Any, var: str) -> str:
    """The expression that reads a field's JSON value `var` (not null) as the model does."""
    tp = _strip(tp)
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        parts = [a for a in typing.get_args(tp) if a is not type(None)]
        exprs = {_expr(a, var) for a in parts}
        if len(exprs) == 1:
            return exprs.pop()
        if exprs == {var, f"list({var})"}:  # a string or a list of strings: $comment
            return f"plain({var})"
        raise TypeError(f"lightgen: no reader for {tp!r}")
    if origin is list:
        inner = _expr(typing.get_args(tp)[0], "x")
        return f"list({var})" if inner == "x" else f"[{inner} for x in {var}]"
    if origin is typing.Literal or (isinstance(tp, type) and issubclass(tp, Enum)):
        return var
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return f"_read_{tp.__name__}({var})"
    if tp in (str, bool):
        return var
    if tp in _SCALARS:
        return f"{_SCALARS[tp][1]}({var})"
    raise TypeError(f"lightgen: no reader for {tp!r}")


def _field(f: FieldInfo, key: str) -> str:
    """The expression of one field in its class's reader."""
    if f.is_required():
        return _expr(f.annotation, f"d[{key!r}]")
    read = _expr(f.annotation, "v")
    if f.default_factory is list:
        absent = "[]"
    elif isinstance(f.default_factory, type) and issubclass(f.default_factory, BaseModel):
        absent = f"_read_{f.default_factory.__name__}({{}})"
    elif f.default_factory is not None:
        raise TypeError(f"lightgen: no light default for {f.default_factory!r}")
    elif isinstance(f.default, Enum):
        # A default is not validated, so an enum default stays the member (not its value).
        absent = f"{type(f.default).__name__}.{f.default.name}"
    else:
        absent = repr(f.default)
    if read == "v":
        return f"get({key!r})" if absent == "None" else f"get({key!r}, {absent})"
    return f"{absent} if (v := get({key!r})) is None else {read}"


def _methods(cls: type[Model]) -> list[str]:
    """The source of the methods and properties the model class itself defines (not the
    validators, which the schema already states)."""
    out: list[str] = []
    infos = cls.__pydantic_decorators__
    validators = {name for table in (infos.validators, infos.field_validators,
                                     infos.root_validators, infos.model_validators)
                  for name in table}
    for name, obj in cls.__dict__.items():
        if name.startswith("__") or name.startswith("model_") or name in validators:
            continue
        fn = obj.fget if isinstance(obj, property) else obj
        if not inspect.isfunction(fn):
            continue
        out.append(textwrap.indent(textwrap.dedent(inspect.getsource(fn)), "    ").rstrip())
    return out


def _class(cls: type[Model]) -> str:
    bases = [b.__name__ if b is not Model else "Record" for b in cls.__bases__
             if issubclass(b, Model)]
    base_fields: dict[str, FieldInfo] = {}
    for b in cls.__mro__[1:]:
        if isinstance(b, type) and issubclass(b, Model) and b is not Model:
            base_fields = b.model_fields
            break
    inherited = {n: _type(f.annotation) for n, f in base_fields.items()}
    own = inspect.get_annotations(cls)
    lines = [f"class {cls.__name__}({', '.join(bases)}):",
             f'    """checker.model: {cls.__module__}.{cls.__qualname__}."""', ""]
    for name, f in cls.model_fields.items():
        light = _type(f.annotation)
        if name in inherited and (name not in own or inherited[name] == light):
            continue
        ignore = ""
        if name in inherited and not _narrows(f.annotation, base_fields[name].annotation):
            ignore = "  # type: ignore[assignment]"
        lines.append(f"    {name}: {light}{ignore}")
    for name in sorted(cls.__class_vars__ & set(own)):
        ann = own[name] if isinstance(own[name], str) else repr(own[name])
        if name in cls.__dict__:
            lines.append(f"    {name}: {ann} = {cls.__dict__[name]!r}")
        else:
            lines.append(f"    {name}: {ann}")
    table = ", ".join(f"{n!r}: {_type(f.annotation)!r}" for n, f in cls.model_fields.items())
    lines.append(f"    model_fields: ClassVar[dict[str, str]] = {{{table}}}")
    for method in _methods(cls):
        lines += ["", method]
    return "\n".join(lines)


def _reader(cls: type[Model]) -> str:
    name = cls.__name__
    keys = [f.alias or n for n, f in cls.model_fields.items()]
    rows = "".join(f"\n        {n!r}: {_field(f, f.alias or n)},"
                   for n, f in cls.model_fields.items())
    return (f"_KEYS_{name} = frozenset({keys!r})\n\n\n"
            f"def _read_{name}(d: Any) -> {name}:\n"
            f"    if not d.keys() <= _KEYS_{name}:\n"
            f"        raise Drift({name + ': a key the model does not have'!r})\n"
            f"    get = d.get\n"
            f"    o = object.__new__({name})\n"
            f"    _set(o, '__dict__', {{{rows}\n    }})\n"
            f"    return o")


def _enum(cls: type[Enum]) -> str:
    lines = [f"class {cls.__name__}(StrEnum):"]
    doc = cls.__dict__.get("__doc__")
    if doc:
        lines.append(f'    """{doc}"""')
        lines.append("")
    lines += [f"    {m.name} = {m.value!r}" for m in cls]
    return "\n".join(lines)


def generate() -> str:
    models, enums = classes()
    head = f'''"""The light case classes: GENERATED by checker.model.lightgen from the pydantic
models (`make schemas`); do not edit. A test proves this file equal to what the generator
writes.
"""
# ruff: noqa

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from collections.abc import Callable
from typing import Any, ClassVar

from checker.light.base import Drift, Record, date, integer, number, plain

_set = object.__setattr__

__all__ = {sorted(['Case', 'READERS', 'SHAPES', *(c.__name__ for c in (*models, *enums))])!r}
'''
    parts = [head]
    parts += [_enum(e) for e in enums]
    parts += [_class(c) for c in models]
    parts += ["# ---------------------------------------------------------------- how each "
              "class is read from JSON the schema accepted\n"
              "# (an absent field: its default; a key the model lacks: Drift)"]
    parts += [_reader(c) for c in models]
    shapes = list(SHAPES.items())
    parts.append("# The shapes, one per procedure, in the order of the models' union.\n"
                 "Case = " + " | ".join(s.__name__ for _, s in shapes))
    parts.append("SHAPES: dict[str, type[CaseBase]] = {\n"
                 + "".join(f"    {p!r}: {s.__name__},\n" for p, s in shapes) + "}")
    parts.append("READERS: dict[str, Callable[[Any], Case]] = {\n"
                 + "".join(f"    {p!r}: _read_{s.__name__},\n" for p, s in shapes) + "}")
    return "\n\n\n".join(parts) + "\n"

