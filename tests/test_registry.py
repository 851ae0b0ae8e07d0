"""The predicate registry: every kind listed exactly once, and for each kind its parameter
model, its function and its messages agree."""

from __future__ import annotations

import collections.abc
import dataclasses
import importlib
import typing
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from _support import CASES, EXAMPLES
from pydantic import TypeAdapter

import checker.rules.predicates as predicates
from checker.pipeline import check_bytes
from checker.rules.engine import Options
from checker.rules.pack import builtin_packs
from checker.rules.predicates import PREDICATES, Check, Ctx, Hit, Params, kind_of
from checker.rules.predicates.core import Predicate, emits, registry
from checker.rules.predicates.steps import Quorum, quorum
from checker.rules.predicates.timing import Deadline

PACKAGE = Path(predicates.__file__).parent
FAMILIES: list[ModuleType] = [
    importlib.import_module(f"checker.rules.predicates.{p.stem}")
    for p in sorted(PACKAGE.glob("*.py")) if p.stem not in {"__init__", "core"}
]
IDENT = r"^[a-z][a-z0-9_]*$"


def problems(pred: Predicate[Any]) -> list[str]:
    """What does not agree between a kind's model, function and messages."""
    out: list[str] = []
    field = pred.model.model_fields.get("kind")
    args = typing.get_args(field.annotation) if field else ()
    if field is None or not field.is_required() or len(args) != 1:
        out.append(f"{pred.params.__name__}: `kind` is not one required Literal")
    hints = typing.get_type_hints(pred.run)
    names = list(hints)
    if names[:2] != ["p", "c"] or hints["p"] is not pred.params or hints["c"] is not Ctx:
        out.append(f"{pred.run.__name__} does not take ({pred.params.__name__}, Ctx)")
    if hints.get("return") != Iterator[Hit]:
        out.append(f"{pred.run.__name__} does not return Iterator[Hit]")
    if not pred.messages:
        out.append(f"{pred.params.__name__}: no messages")
    for key, holes in pred.messages.items():
        if not key.isidentifier() or not all(h.isidentifier() for h in holes):
            out.append(f"{pred.params.__name__}: message {key!r} {sorted(holes)}")
    return out


def test_every_family_kind_is_registered_once() -> None:
    listed = [p for m in FAMILIES for p in m.KINDS]
    assert len(listed) == len(PREDICATES)
    assert all(PREDICATES[p.kind] is p for p in listed)
    kinds = [p.kind for p in listed]
    assert len(set(kinds)) == len(kinds)
    assert len({p.params for p in listed}) == len(listed)
    assert len({p.run for p in listed}) == len(listed)


def test_every_parameter_model_of_a_family_is_registered() -> None:
    defined = {cls for m in FAMILIES for cls in vars(m).values()
               if isinstance(cls, type) and issubclass(cls, Params)
               and cls.__module__ == m.__name__}
    assert defined == {p.params for p in PREDICATES.values()}


def test_each_kind_is_named_by_its_model() -> None:
    for kind, pred in PREDICATES.items():
        assert kind == kind_of(pred.params) == pred.kind


def test_each_kind_s_model_function_and_messages_agree() -> None:
    assert [x for p in PREDICATES.values() for x in problems(p)] == []


def test_a_mismatch_is_seen() -> None:
    wrong = Predicate(Deadline, quorum, emits(default="step"))
    assert problems(wrong) == ["quorum does not take (Deadline, Ctx)"]
    assert problems(Predicate(Quorum, quorum, {})) == ["Quorum: no messages"]


def test_a_kind_registered_twice_is_refused() -> None:
    steps = next(m for m in FAMILIES if m.__name__.endswith(".steps"))
    with pytest.raises(ValueError, match="'quorum' is registered twice"):
        registry(steps.KINDS, [Predicate(Quorum, quorum, emits(default=""))])


def test_the_registry_does_not_depend_on_the_order_of_the_families() -> None:
    assert list(registry(*(m.KINDS for m in reversed(FAMILIES)))) == list(PREDICATES)
    assert list(PREDICATES) == sorted(PREDICATES)


def test_the_check_union_is_the_registry() -> None:
    schema = TypeAdapter(Check).json_schema()
    assert schema["discriminator"]["mapping"] == {
        k: f"#/$defs/{p.params.__name__}" for k, p in PREDICATES.items()}
    assert schema["oneOf"] == [{"$ref": f"#/$defs/{p.params.__name__}"}
                               for p in PREDICATES.values()]


def test_every_rule_s_unused_messages_are_its_kind_s() -> None:
    for pack in builtin_packs():
        for r in pack.rules:
            assert r.check.unused() <= set(PREDICATES[r.check.kind].messages), r.id


def test_hits_fill_exactly_the_placeholders_their_message_declares(
        monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, set[str]] = {}
    wrong: list[str] = []

    def watched(kind: str, pred: Predicate[Any]) -> Predicate[Any]:
        def run(p: Any, c: Ctx) -> collections.abc.Iterator[Hit]:
            for hit in pred.run(p, c):
                declared = pred.messages.get(hit.message)
                if declared is None or set(hit.values) != declared:
                    wrong.append(f"{kind}.{hit.message}: {sorted(hit.values)}")
                seen.setdefault(kind, set()).add(hit.message)
                yield hit
        return dataclasses.replace(pred, run=run)

    for kind, pred in list(PREDICATES.items()):
        monkeypatch.setitem(PREDICATES, kind, watched(kind, pred))
    files = sorted([*(CASES / "invalid").glob("*/**/*.json"),
                    *(CASES / "undecidable").glob("*/**/*.json"), *EXAMPLES.glob("*.json")])
    packs = builtin_packs()
    for f in files:
        check_bytes(f.name, f.read_bytes(), packs, Options())
    assert wrong == []
    used = {r.check.kind for p in packs for r in p.rules}
    assert used <= set(seen), sorted(used - set(seen))
