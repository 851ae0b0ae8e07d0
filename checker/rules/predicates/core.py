"""What every predicate kind shares: the context it reads (Ctx), what it yields (Hit), the
base of its parameters (Params) and their types (pointers, date references, ratios), the
look-ups (a pointer, a date reference, the steps of a kind) and the registry entry
(Predicate) in which each family module lists its kinds."""

from __future__ import annotations

import datetime as dt
import inspect
import re
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from fractions import Fraction
from typing import (
    TYPE_CHECKING,
    Annotated,
    Any,
    ClassVar,
    Generic,
    Literal,
    TypeVar,
    dataclass_transform,
    get_args,
)

from checker.light import SHAPES, AppointmentFamily, Case, CaseBase, Record, Step, StepKind
from checker.report import Kind

# What a predicate kind needs the case to be: a model class, or any of several.
Reads = type[CaseBase] | tuple[type[CaseBase], ...]
# The shapes that record the steps of their procedure (a `steps` list of Step): the
# appointment family, and a transfer, whose leader goes through the steps of an appointment from
# elsewhere (NĐ 170 Điều 25 k3 d). Derived from the model: a new shape with steps joins.
def _records_steps(shape: type[CaseBase]) -> bool:
    return has_field(shape, "steps", Step)


def has_field(shape: type[CaseBase], name: str, of: type[Record]) -> bool:
    """Whether the shape has the field `name` holding `of` (or a list of them)."""
    held = shape.model_fields.get(name, "")
    return of.__name__ in held.replace("list[", "").replace("]", "").split(" | ")


STEPPED: tuple[type[CaseBase], ...] = tuple(
    shape for shape in SHAPES.values() if _records_steps(shape))

Value = str | int | Fraction | dt.date


@dataclass(frozen=True)
class Hit:
    pointer: str
    message: str = "default"
    values: dict[str, Value] = field(default_factory=dict)
    kind: Kind = Kind.VIOLATION
    # This step had to stop the procedure (nobody reached the threshold) but the unit
    # went on: the engine reports the stop and judges none of the later steps.
    halts: bool = False
    # The index of the step the finding judges, where its pointer is elsewhere (e.g. a
    # consultation judged against a step's date); by default the step in the pointer.
    step: int | None = None


@dataclass(frozen=True)
class Ctx:
    case: Case
    data: dict[str, Any]  # the validated case as plain JSON values, for pointer look-ups
    as_of: dt.date | None


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


@dataclass(frozen=True)
class Spec:
    """What a parameter field says besides its type: its default (or default factory) and
    pydantic's constraints (ge, min_length, pattern, description…), kept as data. The
    pydantic model of the parameters (checker.rules.paramodels) turns it into a
    pydantic Field; the light parameters only read the default."""

    default: Any = MISSING
    default_factory: Callable[[], Any] | None = None
    constraints: tuple[tuple[str, Any], ...] = ()


def Field(default: Any = MISSING, *, default_factory: Callable[[], Any] | None = None,
          **constraints: Any) -> Any:
    """pydantic.Field's signature, without pydantic: a Spec (see above)."""
    return Spec(default, default_factory, tuple(constraints.items()))


def model_validator(*, mode: Literal["after"]) -> Callable[[Any], Any]:
    """Marks a method as the parameters' model validator (pydantic's, `mode="after"`); the
    pydantic model runs it, the light parameters (already validated) never do."""

    def mark(fn: Any) -> Any:
        fn.__params_validator__ = mode
        return fn

    return mark


# ---------------------------------------------------------------- parameter types
POINTER = r"^(/([^/~]|~[01])*)*$"
Pointer = Annotated[str, Field(pattern=POINTER)]
# A date reference: a JSON pointer, or "step:first", "step:last", "step:<kind>", or a
# fixed date "date:2026-08-01" (e.g. the day an amending decree took effect).
DATEREF = r"^((/([^/~]|~[01])*)+|step:(first|last|[a-z_0-9]+)|date:[0-9]{4}-[0-9]{2}-[0-9]{2})$"
DateRef = Annotated[str, Field(pattern=DATEREF)]
# A share such as 2/3: a few digits each side (a 5,000-digit one cannot even be read as a
# number; no rule of law needs more than four).
Ratio = Annotated[str, Field(pattern=r"^[0-9]{1,4}/[1-9][0-9]{0,3}$")]
# A date that, when the case records it, is the only reading of a reference date (e.g.
# the reference date the competent body fixed); otherwise every listed reading counts.
Prefer = Annotated[str | None, Field(
    pattern=POINTER, description="A date that, when the case records it, is the only reading "
                                 "(e.g. the reference date the competent body fixed)")]


def ratio(s: str) -> Fraction:
    a, b = s.split("/")
    return Fraction(int(a), int(b))


@dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(Field,))
class Params:
    """The parameters of a predicate kind, without pydantic (issue 15): each kind's class
    (a subclass) declares its fields as annotations, with Field(...) for defaults and
    constraints, and the methods its predicate reads (`unused()`, `readings`…).

    Two kinds of instance share that class. The check path builds light ones from the
    plain values of a validated rule (`build`, in checker.rules.compiled); the rule
    packs' validation uses the class's pydantic model (`model()`: a subclass of both this
    class and pydantic's BaseModel, derived in checker.rules.paramodels, source of
    the rule-pack schema). Calling the class (`Quorum(kind=..., …)`) or `model_validate`
    validates through that model, so an instance made by hand is always checked."""

    if TYPE_CHECKING:
        # Each kind narrows it to its Literal, the discriminator.
        kind: str
    # field name → its Spec (default, constraints), in the order of the annotations
    params_fields: ClassVar[dict[str, Spec]] = {}
    _readers: ClassVar[dict[str, Callable[[Any], Any]] | None] = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "__pydantic_fields__" in cls.__dict__ or getattr(cls, "__params_model__", False):
            return  # the derived pydantic model: its fields are pydantic's
        fields = dict(cls.params_fields)
        for name, ann in inspect.get_annotations(cls).items():
            if isinstance(ann, str) and ann.startswith("ClassVar"):
                continue
            value = cls.__dict__.get(name, MISSING)
            fields[name] = value if isinstance(value, Spec) else Spec(value)
            if name in cls.__dict__:
                delattr(cls, name)  # held by each instance, not the class
        cls.params_fields = fields
        cls._readers = None

    if not TYPE_CHECKING:
        def __new__(cls, *args: Any, **kwargs: Any) -> Any:
            if getattr(cls, "__params_model__", False):
                return super().__new__(cls)
            return cls.model().model_validate(kwargs)

    @classmethod
    def model(cls) -> Any:
        """The pydantic model of these parameters (a subclass of this class)."""
        from checker.rules.paramodels import model_of

        return model_of(cls)

    @classmethod
    def model_validate(cls, data: Any) -> Any:
        return cls.model().model_validate(data)

    @classmethod
    def build(cls, data: dict[str, Any]) -> Any:
        """Light parameters from the plain (JSON) values of parameters the pydantic model
        validated (a compiled rule's): each field read back to the model's Python value
        (dates, enum members), or given its default. No validation: that was done."""
        readers = cls._readers
        if readers is None:
            readers = cls._readers = readers_of(cls)
        values: dict[str, Any] = {}
        for name, spec in cls.params_fields.items():
            if name in data:
                v = data[name]
                read = readers.get(name)
                values[name] = v if read is None or v is None else read(v)
            elif spec.default_factory is not None:
                values[name] = spec.default_factory()
            elif spec.default is not MISSING:
                values[name] = spec.default
            else:
                raise KeyError(f"{cls.__name__}: no value for {name!r}")
        self = object.__new__(cls)
        self.__dict__.update(values)
        return self

    def model_dump(self, *, mode: Literal["python", "json"] = "python") -> dict[str, Any]:
        """The fields' values, by name (as pydantic's model_dump: in "json" mode as plain
        JSON values, dates as ISO text and enum members as their values)."""
        values = {n: getattr(self, n) for n in type(self).params_fields}
        return values if mode == "python" else {n: _json(v) for n, v in values.items()}

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Params):
            return NotImplemented
        return type(self).__name__ == type(other).__name__ and all(
            getattr(self, n) == getattr(other, n) for n in type(self).params_fields)

    def __hash__(self) -> int:
        return hash(type(self).__name__)

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in type(self).params_fields)
        return f"{type(self).__name__}({shown})"

    def unused(self) -> set[str]:
        """Message keys the predicate cannot emit with these parameters (so a rule need
        not write them)."""
        return set()

    def reads(self) -> Reads | None:
        """The family of case these parameters need beyond their kind's (see
        Predicate.reads), or None. By default: the shapes that record steps (STEPPED) if a
        date reference names a step ("step:first", "step:<kind>"); a kind whose
        parameters choose what it reads says so by overriding this."""
        return STEPPED if _names_a_step([getattr(self, n) for n in type(self).params_fields]) \
            else None


# ---------------------------------------------------------------- plain values, read back
# How the light parameters read the plain (JSON) values of validated parameters back to
# the Python values the pydantic model holds: a date from its ISO text, an enum member from
# its value, through lists, tuples, dicts and optional values.
Reader = Callable[[Any], Any]


def reader(tp: Any) -> Reader | None:
    """The reader of a value of type `tp`, or None where the plain value is the value."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Annotated:
        return reader(args[0])
    if origin in (typing.Union, types.UnionType):
        alts = [reader(a) for a in args if a is not type(None)]
        if all(r is None for r in alts):
            return None
        if len(alts) == 1:
            only = alts[0]
            assert only is not None
            return only

        def first(v: Any) -> Any:
            # as pydantic's union: the first alternative that reads the value
            for r in alts:
                if r is None:
                    return v
                try:
                    return r(v)
                except (ValueError, TypeError):
                    continue
            return v

        return first
    if origin is list or origin is tuple:
        items = [reader(a) for a in args if a is not Ellipsis]
        if all(r is None for r in items):
            return list if origin is list else tuple
        if origin is list or (len(args) == 2 and args[1] is Ellipsis):
            one = items[0] or (lambda v: v)
            return (lambda v: [one(x) for x in v]) if origin is list \
                else (lambda v: tuple(one(x) for x in v))
        each = [r or (lambda v: v) for r in items]
        return lambda v: tuple(r(x) for r, x in zip(each, v, strict=True))
    if origin is dict:
        k, v_ = (reader(a) or (lambda v: v) for a in args)
        return lambda d: {k(a): v_(b) for a, b in d.items()}
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp
    if tp is dt.date:
        return lambda v: v if isinstance(v, dt.date) else dt.date.fromisoformat(v)
    if origin is typing.Literal or tp in (str, int, bool, float, type(None), typing.Any):
        return None
    raise TypeError(f"no light reader for {tp!r}")


def readers_of(cls: type[Params]) -> dict[str, Reader]:
    """The readers of a parameter class's fields that need one."""
    hints = typing.get_type_hints(cls, include_extras=True)
    out: dict[str, Reader] = {}
    for name in cls.params_fields:
        r = reader(hints[name])
        if r is not None:
            out[name] = r
    return out


def _json(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_json(v) for v in value]
    if isinstance(value, dict):
        return {_json(k): _json(v) for k, v in value.items()}
    return value


def _names_a_step(value: Any) -> bool:
    if isinstance(value, str):
        return value.startswith("step:")
    if isinstance(value, dict):
        return any(_names_a_step(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(_names_a_step(v) for v in value)
    return False


# ---------------------------------------------------------------- helpers
def resolve(data: Any, pointer: str) -> Any:
    """The value at an RFC 6901 pointer, or None."""
    if pointer == "":
        return data
    node = data
    for raw in pointer[1:].split("/"):
        tok = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict):
            node = node.get(tok)
        elif isinstance(node, list) and re.fullmatch(r"0|[1-9][0-9]*", tok):
            i = int(tok)
            node = node[i] if i < len(node) else None
        else:
            return None
        if node is None:
            return None
    return node


# --- F (issue 14): the case as each family's predicates read it ---
def family(c: Ctx) -> AppointmentFamily:
    """The case as a predicate of the appointment family reads it (candidate, steps,
    leadership, dossier). Only rules of that family's procedures use such a predicate; a
    case of another family here is a bug of the pack, not of the case."""
    if not isinstance(c.case, AppointmentFamily):
        raise TypeError(f"a predicate of the appointment family was given a "
                        f"{c.case.procedure} case")
    return c.case


def case_steps(c: Ctx) -> list[Step]:
    """The steps of the procedure; none for a procedure whose shape records none. The
    appointment family records them, and so does a transfer (a leader's are those of an
    appointment from elsewhere: NĐ 170 Điều 25 k3 d)."""
    steps = getattr(c.case, "steps", None)
    return steps if isinstance(steps, list) else []


def person_ptr(c: Ctx) -> str:
    """Where the person the procedure is about is (/candidate in the appointment family)."""
    return f"/{c.case.subject_field}"
# --- end F ---


def steps_of(c: Ctx, kind: StepKind | str) -> list[tuple[int, Step]]:
    return [(i, s) for i, s in enumerate(case_steps(c)) if s.kind == kind]


def step_ptr(i: int) -> str:
    return f"/steps/{i}"


def date_ref(c: Ctx, data: dict[str, Any], ref: str) -> tuple[dt.date, str] | None:
    """(date, pointer) for a date reference, or None if the case does not record it."""
    if ref.startswith("date:"):
        try:
            return dt.date.fromisoformat(ref[5:]), ""
        except ValueError:
            return None
    if ref.startswith("step:"):
        which = ref[5:]
        dated = sorted((s.date, i) for i, s in enumerate(case_steps(c)))
        if which == "first":
            chosen = dated[:1]
        elif which == "last":
            chosen = dated[-1:]
        else:
            chosen = [(s.date, i) for i, s in steps_of(c, which)][:1]
        if not chosen:
            return None
        d, i = chosen[0]
        return d, f"/steps/{i}/date"
    v = resolve(data, ref)
    return (dt.date.fromisoformat(v), ref) if isinstance(v, str) else None


def first_date(c: Ctx, data: dict[str, Any], refs: list[str]) -> tuple[dt.date, str] | None:
    for r in refs:
        found = date_ref(c, data, r)
        if found:
            return found
    return None


def dates(c: Ctx, refs: list[str], prefer: str | None = None) -> list[tuple[dt.date, str]]:
    """Every reading of a reference date the case records (duplicates dropped); only the
    preferred date if the case records it."""
    if prefer is not None:
        chosen = date_ref(c, c.data, prefer)
        if chosen:
            return [chosen]
    out: list[tuple[dt.date, str]] = []
    for r in refs:
        found = date_ref(c, c.data, r)
        if found and found[0] not in [d for d, _ in out]:
            out.append(found)
    return out


# ---------------------------------------------------------------- registry
P = TypeVar("P", bound=Params)


@dataclass(frozen=True)
class Predicate(Generic[P]):
    """One predicate kind: the model of its parameters (whose `kind` Literal names it), the
    function that evaluates it, the messages it may emit, each key with the placeholders
    its hits fill in, and the family of case it reads. The type checker holds the model
    and the function together, as long as a family's KINDS is left unannotated: annotated
    tuple[Predicate[Any], ...], it would accept any function for any model.

    `reads` is the model class the function needs the case to be: CaseBase (the default)
    for a kind that reads the case by pointers and the fields every case has, so that it
    works for every procedure; a family's base (AppointmentFamily: the candidate, the
    leadership, the appointment dossier) for a kind that reads that family's model; or
    several classes, such as STEPPED for a kind that reads only the steps. The
    procedures a kind supports follow from it (every shape that is a subclass), so a new
    procedure of a family is supported without editing any list; a rule pack whose rule
    lists another procedure is refused when it is loaded (checker.rules.pack)."""

    params: type[P]
    run: Callable[[P, Ctx], Iterator[Hit]]
    messages: dict[str, frozenset[str]]
    reads: Reads = CaseBase

    @property
    def kind(self) -> str:
        return kind_of(self.params)

    @property
    def model(self) -> Any:
        """The pydantic model of the parameters (derived from the light class, on first
        use; it imports pydantic)."""
        return self.params.model()

    def procedures(self, params: Params | None = None) -> tuple[str, ...]:
        """The procedures whose case this kind can read, with these parameters if given
        (which may narrow the family, never widen it), in the order of the shapes."""
        narrowed = params.reads() if params is not None else None
        return tuple(p for p, shape in SHAPES.items() if issubclass(shape, self.reads)
                     and (narrowed is None or issubclass(shape, narrowed)))


def kind_of(params: type[Params]) -> str:
    """The kind a parameter class validates: the one value of its `kind` Literal."""
    ann = inspect.get_annotations(params).get("kind")
    if isinstance(ann, str):
        ann = eval(ann, {"Literal": Literal})
    (kind,) = get_args(ann)
    return str(kind)


def emits(**keys: str) -> dict[str, frozenset[str]]:
    """The messages of a kind: each key with its placeholders, separated by spaces."""
    return {k: frozenset(v.split()) for k, v in keys.items()}


def registry(*families: Iterable[Predicate[Any]]) -> dict[str, Predicate[Any]]:
    """Every kind of the families by name, in the order of the names, so that nothing
    (the rule-pack schema, for one) depends on the order of the families. A kind listed
    twice is a programming error."""
    out: dict[str, Predicate[Any]] = {}
    for family in families:
        for p in family:
            if p.kind in out:
                raise ValueError(f"predicate kind {p.kind!r} is registered twice")
            out[p.kind] = p
    return dict(sorted(out.items()))
