"""The published case schema (schemas/case.schema.json): `procedure` selects the shape.

The top level requires `procedure` and lists its values; then, for each procedure,
`if {procedure: const} then {$ref: its shape}`. A validator thus checks a case against
its own shape only, and every error names the exact field and what was expected there
(a `oneOf` of the shapes would report that the case matches none of them, with the
errors of every shape mixed together).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from pydantic.json_schema import models_json_schema

from checker.model.common import SCHEMA_ID, SCHEMA_TEXT, _Generator, d

# Fields that moved or were renamed, per procedure: the old place (keys joined by "/",
# without array indices) → the new one. The schema-error mapper (checker.schemas) turns
# an unknown field found here into "rename it". Empty so far: no field of an existing
# shape has moved.
RENAMED: dict[str, dict[str, str]] = {}


def case_json_schema() -> dict[str, Any]:
    from checker.i18n import PROCEDURE_NAMES
    from checker.model import SHAPES

    _, defs = models_json_schema(
        [(shape, "validation") for shape in SHAPES.values()],
        by_alias=True, schema_generator=_Generator,
    )
    names = list(SHAPES)
    _describe(defs["$defs"])
    _section_examples(defs["$defs"])
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": d("Hồ sơ công tác cán bộ", "Personnel case"),
        "description": d(
            "Một hồ sơ công tác cán bộ; trường procedure (thủ tục) quyết định hình dạng của "
            "hồ sơ: mỗi thủ tục có các trường riêng của nó",
            "One personnel case; its procedure field selects the shape of the case: each "
            "procedure has its own fields",
        ),
        "type": "object",
        "required": ["procedure"],
        "properties": {
            "procedure": {
                "description": d("Thủ tục: " + "; ".join(
                    f"{p} ({PROCEDURE_NAMES[p]['vi']})" for p in names),
                    "Procedure: " + "; ".join(
                    f"{p} ({PROCEDURE_NAMES[p]['en']})" for p in names)),
                "enum": names,
                "enumDescriptions": [
                    d(PROCEDURE_NAMES[p]["vi"], PROCEDURE_NAMES[p]["en"]) for p in names
                ],
            },
        },
        "allOf": [
            {"if": {"properties": {"procedure": {"const": p}}, "required": ["procedure"]},
             "then": {"$ref": f"#/$defs/{shape.__name__}"}}
            for p, shape in SHAPES.items()
        ],
        **defs,
    }


def _describe(defs: dict[str, Any]) -> None:
    """Each definition's bilingual description, its values' meanings (an enum) and its
    example, as its class declares them with @described (checker.model.common)."""
    for name, node in defs.items():
        text = SCHEMA_TEXT.get(name)
        if text is None:
            continue
        node["description"] = text.description
        if text.values is not None:
            missing = [v for v in node.get("enum", []) if v not in text.values]
            if missing:
                raise ValueError(f"@described of {name} says nothing of {missing}")
            node["enumDescriptions"] = [text.values[v] for v in node["enum"]]
        if text.example is not None:
            node["examples"] = [text.example]


def _section_examples(defs: dict[str, Any]) -> None:
    """The sections of each shape (its fields that are objects or lists of objects) get
    an example from the template of its procedure (checker/data/templates), unless their
    class gives one."""
    from checker.model import SHAPES

    folder = Path(__file__).resolve().parent.parent / "data" / "templates"
    for procedure, shape in SHAPES.items():
        path = folder / f"{procedure}.json"
        if not path.is_file():
            continue
        template = _uncommented(json.loads(path.read_text("utf-8")))
        for key, prop in defs[shape.__name__].get("properties", {}).items():
            ref = prop.get("$ref") or prop.get("items", {}).get("$ref")
            value = template.get(key)
            if not isinstance(ref, str) or value in (None, []):
                continue
            node = defs[ref.removeprefix("#/$defs/")]
            if "examples" not in node:
                node["examples"] = [value[0] if isinstance(value, list) else value]


def _uncommented(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _uncommented(v) for k, v in value.items() if k != "$comment"}
    if isinstance(value, list):
        return [_uncommented(v) for v in value]
    return value


def shape_refs(schema: Mapping[str, Any]) -> dict[str, str]:
    """procedure → the name of its shape in `$defs`, read from the top level's allOf."""
    out: dict[str, str] = {}
    for branch in schema.get("allOf", []):
        const = branch.get("if", {}).get("properties", {}).get("procedure", {}).get("const")
        ref = branch.get("then", {}).get("$ref", "")
        if isinstance(const, str) and ref.startswith("#/$defs/"):
            out[const] = ref.removeprefix("#/$defs/")
    return out


def field_owners(schema: Mapping[str, Any]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Every place a field can be (keys from the top, without array indices) → the
    procedures whose shape has it, in the order of the schema."""
    defs: Mapping[str, Any] = schema.get("$defs", {})
    owners: dict[tuple[str, ...], list[str]] = {}
    for procedure, name in shape_refs(schema).items():
        for path in _places(defs, defs.get(name, {}), (), frozenset()):
            owners.setdefault(path, []).append(procedure)
    return {path: tuple(ps) for path, ps in owners.items()}


def _places(defs: Mapping[str, Any], node: Any, at: tuple[str, ...],
            seen: frozenset[str]) -> Iterator[tuple[str, ...]]:
    if not isinstance(node, Mapping):
        return
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        name = ref.removeprefix("#/$defs/")
        if name not in seen:  # a recursive definition is walked once
            yield from _places(defs, defs.get(name, {}), at, seen | {name})
    for key in ("items", "additionalProperties"):
        if isinstance(node.get(key), Mapping):
            yield from _places(defs, node[key], at, seen)
    for branch in node.get("anyOf", []) + node.get("allOf", []):
        yield from _places(defs, branch, at, seen)
    for key, sub in node.get("properties", {}).items():
        yield (*at, key)
        yield from _places(defs, sub, (*at, key), seen)
