"""What every predicate kind shares: the context it reads (Ctx), what it yields (Hit), the
base of its parameters (Params) and their types (pointers, date references, ratios), the
look-ups (a pointer, a date reference, the steps of a kind) and the registry entry
(Predicate) in which each family module lists its kinds."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Annotated, Any, Generic, TypeVar, get_args

from pydantic import BaseModel, ConfigDict, Field

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


class Params(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    if TYPE_CHECKING:
        # Each kind narrows it to its Literal, the discriminator; pydantic never sees
        # this declaration, so no schema changes.
        kind: str

    def unused(self) -> set[str]:
        """Message keys the predicate cannot emit with these parameters (so a rule need
        not write them)."""
        return set()

    def reads(self) -> Reads | None:
        """The family of case these parameters need beyond their kind's (see
        Predicate.reads), or None. By default: the shapes that record steps (STEPPED) if a
        date reference names a step ("step:first", "step:<kind>"); a kind whose
        parameters choose what it reads says so by overriding this."""
        return STEPPED if _names_a_step(self.model_dump()) else None


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

    def procedures(self, params: Params | None = None) -> tuple[str, ...]:
        """The procedures whose case this kind can read, with these parameters if given
        (which may narrow the family, never widen it), in the order of the shapes."""
        narrowed = params.reads() if params is not None else None
        return tuple(p for p, shape in SHAPES.items() if issubclass(shape, self.reads)
                     and (narrowed is None or issubclass(shape, narrowed)))


def kind_of(params: type[Params]) -> str:
    """The kind a parameter model validates: the one value of its `kind` Literal."""
    (kind,) = get_args(params.model_fields["kind"].annotation)
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
