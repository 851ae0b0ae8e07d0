"""Generate the published JSON Schemas in schemas/ from the models (`make schemas`).

The models are the single source of truth; tests prove the committed files equal what
this module generates, so the schemas can never drift from the code.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from pydantic import BaseModel

from checker.model import _Generator, case_json_schema
from checker.model.common import SCHEMA_BASE as BASE


def _schema(model: type[BaseModel], name: str, title: str) -> dict[str, Any]:
    body = model.model_json_schema(by_alias=True, schema_generator=_Generator)
    body["title"] = title
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{BASE}{name}.schema.json", **body}


def generate() -> dict[str, dict[str, Any]]:
    from checker.reporters.json import ReportOut
    from checker.rules.pack import Pack
    from checker.sources import Catalog

    return {
        "case": case_json_schema(),
        "rulepack": _schema(Pack, "rulepack", "checker rule pack"),
        "sources": _schema(Catalog, "sources", "checker legal source catalog"),
        "report": _schema(ReportOut, "report", "checker JSON report"),
    }


def dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def main() -> None:
    # issue 15: first the light twins of the case models (checker.light, read by `check`
    # and by the rule packs): the other schemas import them.
    from checker.model.lightgen import TARGET
    from checker.model.lightgen import generate as light
    from checker.schemas import schema_dir

    TARGET.write_text(light(), encoding="utf-8")
    sys.stdout.write("wrote checker/light/shapes.py\n")
    out = schema_dir()
    for name, schema in generate().items():
        (out / f"{name}.schema.json").write_text(dump(schema), encoding="utf-8")
        sys.stdout.write(f"wrote schemas/{name}.schema.json\n")


if __name__ == "__main__":
    main()
