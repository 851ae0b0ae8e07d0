"""Which JSON files are case files: recognised, not assumed.

A folder of case files often holds other JSON too: the case schema saved beside the
cases, `package.json`, `tsconfig.json`, the reports the checker itself wrote. Checking
those as cases gives a screen of schema errors that mean nothing. So a JSON file is a
case when

- its top-level `$schema` names the case schema: the schema's `$id`
  (CASE_SCHEMA_ID), the URN earlier versions used, or any path or URL whose last part
  is `case.schema.json` (`../../schemas/case.schema.json`); or
- it has no `$schema` and has one of the case's identifying keys, `case_id` or
  `procedure` (every case requires both; one is enough, so that a case missing the
  other is still checked and told what is missing, not skipped).

A file whose top level is not an object, or whose `$schema` names another schema, or
that has neither key, is not a case. Some names are known not to be cases without
reading them (`*.schema.json`, package.json, tsconfig.json ...): several of them may
hold comments (JSONC), which are not JSON and would otherwise be reported as broken.

A file that cannot be read as JSON at all cannot be told apart: it is checked, so that a
truncated case is reported rather than skipped in silence.
"""

from __future__ import annotations

import json
import re
from enum import Enum
from fnmatch import translate
from typing import Any, NamedTuple

from checker.patterns import SCHEMA_ID as CASE_SCHEMA_ID

OLD_CASE_SCHEMA_IDS = ("urn:checker:schema:case",)  # before the https $id (issue 12)
CASE_SCHEMA_FILE = "case.schema.json"
IDENTIFYING_KEYS = ("case_id", "procedure")

# Names of files that are never cases: JSON Schemas, and the manifests and settings of
# common tools (matched against the bare file name, case-sensitively, as the tools do).
NOT_CASE_NAMES = (
    "*.schema.json",
    "package.json", "package-lock.json", "npm-shrinkwrap.json",
    "tsconfig.json", "tsconfig.*.json", "jsconfig.json",
    "composer.json", "deno.json", "bower.json", "lerna.json", "renovate.json",
)


class Verdict(Enum):
    CASE = "case"
    NOT_CASE = "not-case"
    UNKNOWN = "unknown"  # not JSON, or not readable as such: checked, to be reported


class Recognition(NamedTuple):
    verdict: Verdict
    reason: str = ""  # for NOT_CASE, the message key saying why (checker.i18n)
    schema: str = ""  # the `$schema` that named another schema


def skipped_by_name(name: str) -> bool:
    """Is a file of this name known not to be a case, without reading it?"""
    return _NOT_CASE.match(name) is not None


# The names as one pattern, translated by fnmatch itself (what fnmatchcase runs, one
# pattern at a time): asked for every file of a walk.
_NOT_CASE = re.compile("|".join(f"(?:{translate(p)})" for p in NOT_CASE_NAMES))


def names_case_schema(ref: str) -> bool:
    """Does a `$schema` value name the case schema?"""
    if ref == CASE_SCHEMA_ID or ref in OLD_CASE_SCHEMA_IDS:
        return True
    bare = ref.split("#", 1)[0].split("?", 1)[0].replace("\\", "/")
    return bare.rsplit("/", 1)[-1] == CASE_SCHEMA_FILE


def judge(data: Any) -> Recognition:
    """Whether parsed JSON is a case (the rules in this module's docstring)."""
    if not isinstance(data, dict):
        return Recognition(Verdict.NOT_CASE, "not-case-not-object")
    ref = data.get("$schema")
    if isinstance(ref, str):
        if names_case_schema(ref):
            return Recognition(Verdict.CASE)
        return Recognition(Verdict.NOT_CASE, "not-case-other-schema", ref)
    if any(k in data for k in IDENTIFYING_KEYS):
        return Recognition(Verdict.CASE)
    return Recognition(Verdict.NOT_CASE, "not-case-no-keys")


def _not_json(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def recognise(raw: bytes) -> Recognition:
    """Whether the bytes of a file are a case. Anything the standard parser refuses
    (bad JSON, an encoding it cannot guess, a number too long, nesting too deep) is
    UNKNOWN: the checker's own loader then says precisely what is wrong."""
    try:
        data = json.loads(raw, parse_constant=_not_json)
    except Exception:  # whatever it is, the loader names it
        return Recognition(Verdict.UNKNOWN)
    return judge(data)
