"""The light case classes (checker.light) against the pydantic models, the reference
(issue 15, point 1: pydantic off the check path).

- the generated module is what checker.model.lightgen writes from the models today;
- on every fixture and on generated documents, the light path (check_document) and the
  model's (check_document_reference) give identical FileReports: findings, applied
  regulations, procedure, rules run; and the light case equals the model field by field
  (types included), with the same acts, proper acts and subject;
- where the light reader cannot read a case (Drift), the model answers;
- `checker check` on a valid file never imports pydantic for the case or the settings.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from _support import EXAMPLES, ROOT, example, paths
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import checker.light as light
from checker.light import Drift, Record, build_case
from checker.light.base import date, integer, number
from checker.loading import Document, load
from checker.model import SHAPES, as_read, validate_case
from checker.model.lightgen import TARGET, classes, generate
from checker.pipeline import check_document, check_document_reference
from checker.rules.engine import Options
from checker.rules.pack import builtin_packs
from checker.schemas import quick_valid

FIXTURES = sorted(p for p in (ROOT / "fixtures").rglob("*.json") if p.stat().st_size < 1_000_000)


def plain(x: Any) -> Any:
    """A case as nested plain values with the type of each leaf: equal for a light case
    and a model only if every field holds an equal value of the same type."""
    if isinstance(x, Record):
        return type(x).__name__, {n: plain(getattr(x, n)) for n in type(x).model_fields}
    if isinstance(x, list):
        return [plain(v) for v in x]
    if isinstance(x, Enum):
        return "enum", type(x).__name__, x.value
    return type(x).__name__, x


def document(path: Path, lang: str = "vi") -> Document | None:
    doc = load(path.as_posix(), path.read_bytes(), lang)  # type: ignore[arg-type]
    return None if not isinstance(doc, Document) else doc


# ---------------------------------------------------------------- generated, and fresh
def test_the_light_module_is_fresh() -> None:
    assert TARGET.read_text("utf-8") == generate(), (
        "checker/light/shapes.py is stale: run `make schemas` (python -m checker.schemagen)")


def test_every_model_has_its_twin_and_is_registered() -> None:
    models, enums = classes()
    for cls in models:
        twin = getattr(light, cls.__name__)
        assert issubclass(cls, twin)
        assert tuple(twin.model_fields) == tuple(cls.model_fields)
    for e in enums:
        assert [(m.name, m.value) for m in getattr(light, e.__name__)] == \
            [(m.name, m.value) for m in e]
    assert list(light.SHAPES) == list(SHAPES)


def test_the_light_classes_are_read_only() -> None:
    case = build_case(example("clean"))
    with pytest.raises(AttributeError):
        case.case_id = "other"  # type: ignore[misc]
    assert case == build_case(example("clean"))
    assert case != build_case(example("violations"))


# ---------------------------------------------------------------- the same case
@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_the_same_case_and_report_on_every_fixture(path: Path) -> None:
    doc = document(path)
    if doc is None:
        pytest.skip("not JSON text: the loader's finding, before either path")
    packs = builtin_packs()
    opts = Options()
    assert check_document(doc, packs, opts) == check_document_reference(doc, packs, opts)
    if not quick_valid(doc.data):
        return
    model, case = as_read(validate_case(doc.data)), build_case(doc.data)
    assert plain(case) == plain(model)
    assert case.acts() == model.acts()
    assert case.proper_acts() == model.proper_acts()
    assert plain(case.subject) == plain(model.subject)


def test_the_fixtures_include_valid_cases_of_every_procedure() -> None:
    seen = set()
    for p in FIXTURES:
        doc = document(p)
        if doc is not None and quick_valid(doc.data):
            seen.add(doc.data["procedure"])
    assert seen == set(SHAPES)


# ---------------------------------------------------------------- generated documents
DATES = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2027, 12, 31)).map(
    dt.date.isoformat)
# the examples, and every seventh case fixture (a few of every procedure)
SEEDS = [*sorted(EXAMPLES.glob("*.json")),
         *sorted((ROOT / "fixtures" / "cases").glob("*/*/*.json"))[::7]]


def _like(value: Any, siblings: list[str]) -> st.SearchStrategy[Any]:
    """A replacement of the same JSON type: a date, a small count, a flag, another string
    of the same document (an enum value, a name, a body)."""
    if isinstance(value, bool):
        return st.booleans()
    if isinstance(value, int):
        return st.integers(min_value=0, max_value=40)
    if isinstance(value, float):
        return st.floats(min_value=0, max_value=1e7, allow_nan=False) | st.integers(0, 100)
    if isinstance(value, str) and len(value) == 10 and value[4] == "-":
        return DATES
    if isinstance(value, str):
        return st.sampled_from(siblings)
    return st.just(value)


def _strings(data: Any) -> list[str]:
    if isinstance(data, dict):
        return [s for v in data.values() for s in _strings(v)]
    if isinstance(data, list):
        return [s for v in data for s in _strings(v)]
    return [data] if isinstance(data, str) else []


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    """A valid fixture with one to six values replaced by others of the same type, or
    removed (an optional field left out; a required one makes it invalid, and is
    assumed away)."""
    seed = draw(st.sampled_from(SEEDS))
    data = json.loads(seed.read_text("utf-8"))
    assume(quick_valid(data))
    siblings = sorted(set(_strings(data)))
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        where = draw(st.sampled_from(paths(data)[1:]))
        parent = data
        for step in where[:-1]:
            parent = parent[step]
        last = where[-1]
        if draw(st.integers(0, 4)) == 0 and isinstance(parent, dict):
            del parent[last]
        else:
            parent[last] = draw(_like(parent[last], siblings))
    return data


@settings(max_examples=300, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=mutated(), lang=st.sampled_from(["vi", "en"]),
       as_of=st.none() | st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2027, 6, 30)))
def test_the_same_report_on_generated_documents(data: dict[str, Any], lang: str,
                                                as_of: dt.date | None) -> None:
    raw = json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    doc = load("case.json", raw, lang)  # type: ignore[arg-type]
    assert isinstance(doc, Document)
    packs, opts = builtin_packs(), Options(lang=lang, as_of=as_of)  # type: ignore[arg-type]
    assert check_document(doc, packs, opts) == check_document_reference(doc, packs, opts)
    if quick_valid(data):
        assert plain(build_case(data)) == plain(as_read(validate_case(data)))


# ---------------------------------------------------------------- the guard
def test_what_the_light_reader_cannot_read_the_model_answers(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import checker.pipeline

    def drifted(data: Any) -> Any:
        raise Drift("as if the schema had accepted what the reader cannot read")

    doc = document(EXAMPLES / "violations.json")
    assert doc is not None
    packs, opts = builtin_packs(), Options()
    expected = check_document_reference(doc, packs, opts)
    monkeypatch.setattr(checker.pipeline, "build_case", drifted)
    assert check_document(doc, packs, opts) == expected
    assert expected.findings


@pytest.mark.parametrize("value", ["20260915", "2026-W01-1", "2026-02-30", "2026-9-15",
                                   " 2026-09-15", 20260915, None])
def test_a_date_the_schema_would_refuse_is_drift(value: Any) -> None:
    with pytest.raises(Drift):
        date(value)


def test_numbers_are_read_as_the_model_reads_them() -> None:
    assert date("2026-09-15") == dt.date(2026, 9, 15)
    assert integer(3) == 3 and type(integer(3.0)) is int
    assert type(number(3)) is float and number(2.5) == 2.5
    for bad in (3.5, "3", True):
        with pytest.raises(Drift):
            integer(bad)
    with pytest.raises(Drift):
        number("3")


def test_a_case_without_a_known_procedure_is_drift() -> None:
    for data in ({}, {"procedure": "coronation"}, {"procedure": 1}, []):
        with pytest.raises(Drift):
            build_case(data)


# ---------------------------------------------------------------- no pydantic
_PROBE = """
import builtins, sys
importers = set()
real = builtins.__import__
def spy(name, globals=None, locals=None, fromlist=(), level=0):
    if name.split(".")[0] == "pydantic" and "pydantic" not in sys.modules:
        importers.add((globals or {}).get("__name__", "?"))
    return real(name, globals, locals, fromlist, level)
builtins.__import__ = spy
from checker.__main__ import main
sys.argv = ["checker", "check", "--no-cache", sys.argv[1]]
try:
    main()
except SystemExit:
    pass
print("IMPORTERS", sorted(importers))
print("MODEL", sorted(m for m in sys.modules if m.startswith("checker.model")))
print("CONFIG", "checker.config" in sys.modules)
print("PYDANTIC", any(m.split(".")[0] == "pydantic" for m in sys.modules))
print("PARAMS", "checker.rules.predicates.steps" in sys.modules
      and "checker.rules.paramodels" not in sys.modules)
"""


def test_checking_a_valid_file_reads_the_case_without_pydantic(tmp_path: Path) -> None:
    """With the packs' snapshot in the cache folder (written by a first run), `checker
    check` of a valid file imports pydantic nowhere: not for the case (checker.light), nor
    the settings, nor the packs (the snapshot), nor the predicates' parameters (their
    light classes, issue 15); and still finds what the reference finds."""
    path = os.pathsep.join([str(ROOT), *os.environ.get("PYTHONPATH", "").split(os.pathsep)])
    env = {**os.environ, "CHECKER_CACHE_DIR": str(tmp_path / "cache"),
           "PYTHONPATH": path.rstrip(os.pathsep)}
    first = subprocess.run(
        [sys.executable, "-m", "checker", "check", str(EXAMPLES / "clean.json")],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    for case in ("clean", "violations"):
        out = subprocess.run(
            [sys.executable, "-c", _PROBE, str(EXAMPLES / f"{case}.json")], cwd=tmp_path,
            env=env, capture_output=True, text=True, timeout=120, check=True).stdout
        lines = dict(line.split(" ", 1) for line in out.splitlines() if " " in line)
        assert lines["MODEL"] == "[]", out
        assert lines["CONFIG"] == "True", out  # the settings were read, on this path
        assert lines["IMPORTERS"] == "[]", out
        assert lines["PYDANTIC"] == "False", out
        assert lines["PARAMS"] == "True", out  # the predicates ran, on light parameters
