"""The JSON shape of the removal procedures (dismissal, resignation, relief, suspension) as
the published case schema states it: every place a field can be, with what the schema asks
of it there (type, required keys, enum values, bounds, patterns, the alternatives of an
anyOf), whatever the models' names in `$defs`. tests/golden/removal-shapes.txt holds it,
one line per place, so that sharing or renaming the models (checker/model/removal.py)
shows as no change at all, and any change of what a case file may hold as a diff of
those lines.

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_removal_shape.py

writes the golden file; review the diff before committing.
"""

from __future__ import annotations

import json
import os
from typing import Any

from _support import GOLDEN

from checker.model import case_json_schema

UPDATE = bool(os.environ.get("UPDATE_GOLDEN"))
PROCEDURES = ("dismissal", "resignation", "relief", "suspension")
PATH = GOLDEN / "removal-shapes.txt"
# What the schema asks of a value; descriptions, titles and examples are not its shape.
KEYS = ("type", "enum", "const", "minimum", "maximum", "exclusiveMinimum",
        "exclusiveMaximum", "minLength", "maxLength", "pattern", "format", "minItems",
        "maxItems", "minProperties", "additionalProperties", "not")


def shape_lines(schema: dict[str, Any], procedure: str) -> list[str]:
    defs = schema["$defs"]
    ref = next(b["then"]["$ref"] for b in schema["allOf"]
               if b["if"]["properties"]["procedure"]["const"] == procedure)
    out: list[str] = []

    def deref(node: Any) -> Any:
        while isinstance(node, dict) and "$ref" in node:
            node = {**defs[node["$ref"].removeprefix("#/$defs/")],
                    **{k: v for k, v in node.items() if k != "$ref"}}
        return node

    def walk(node: Any, at: str, seen: frozenset[str]) -> None:
        if isinstance(node, dict) and "$ref" in node:
            name = node["$ref"].removeprefix("#/$defs/")
            if name in seen:
                return
            seen = seen | {name}
        node = deref(node)
        if not isinstance(node, dict):
            return
        sig = {k: node[k] for k in KEYS if k in node}
        if "required" in node:
            sig["required"] = sorted(node["required"])
        alternatives = [deref(b) for b in node.get("anyOf", [])]
        if any("properties" not in b for b in alternatives):
            sig["anyOf"] = [{k: v for k, v in b.items() if k in (*KEYS, "required")}
                            for b in alternatives]
        if sig:
            out.append(f"{procedure} {at or '/'} "
                       f"{json.dumps(sig, sort_keys=True, ensure_ascii=False)}")
        for b in alternatives + node.get("allOf", []) + node.get("oneOf", []):
            walk(b, at, seen)
        if isinstance(node.get("items"), dict):
            walk(node["items"], f"{at}/*", seen)
        for key, sub in node.get("properties", {}).items():
            walk(sub, f"{at}/{key}", seen)

    walk({"$ref": ref}, "", frozenset())
    return sorted(out)


def test_the_removal_procedures_keep_their_json_shape() -> None:
    schema = case_json_schema()
    actual = "".join(f"{line}\n" for p in PROCEDURES for line in shape_lines(schema, p))
    if UPDATE:
        PATH.write_text(actual, "utf-8")
        return
    assert actual == PATH.read_text("utf-8"), (
        "what a removal case file may hold has changed; if intended, regenerate "
        "tests/golden/removal-shapes.txt with UPDATE_GOLDEN=1 and review the diff")


def test_the_shape_reads_what_the_schema_asks() -> None:
    """The golden is not blind: a bound, a key or an enum value changed in the schema
    changes its lines."""
    schema = case_json_schema()
    before = shape_lines(schema, "dismissal")
    changed = json.loads(json.dumps(schema))
    changed["$defs"]["DecidedBy"]["enum"].append("somebody")
    assert shape_lines(changed, "dismissal") != before
    changed = json.loads(json.dumps(schema))
    changed["$defs"]["DismissalCase"]["properties"].pop("meeting")
    assert len(shape_lines(changed, "dismissal")) < len(before)
