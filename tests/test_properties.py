"""Invariants, stated with hypothesis (profiles in conftest.py: derandomized under CI).

- the checker never crashes, whatever the bytes or the JSON;
- every finding says where (a JSON pointer, and a line:column or none);
- findings do not depend on the order of keys, nor on NFC vs NFD Unicode;
- the JSON report always validates against schemas/report.schema.json.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import unicodedata
from collections.abc import Callable
from typing import Any

import pytest
from _support import EXAMPLES, encode, example, paths, run, triples
from hypothesis import HealthCheck, given, settings
from hypothesis import example as hexample
from hypothesis import strategies as st

from checker.report import FileReport, Finding, Position, Report, Severity
from checker.reporters.json import document
from checker.rules.pack import builtin_packs
from checker.schemas import load_schema, validator

# ---------------------------------------------------------------- strategies
LEAVES = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**12), max_value=10**12)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
)


def _case_keys() -> list[str]:
    """Every property name used anywhere in the case schema, so that generated objects
    reach past the top level of the schema."""
    names: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            props = node.get("properties")
            if isinstance(props, dict):
                names.update(props)
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(load_schema("case"))
    return sorted(names)


KEYS = st.sampled_from(_case_keys()) | st.text(max_size=8)
JSON = st.recursive(
    LEAVES,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(KEYS, children, max_size=5),
    max_leaves=25,
)

# Dates of the years the rules change in, and dates at the ends of the calendar, where
# date arithmetic overflows (a deadline after 9999-12-31, a month before 0001-01-01).
EDGE_DATES = st.sampled_from(["0001-01-01", "0001-01-02", "0001-12-31", "9999-01-01",
                              "9999-12-30", "9999-12-31"])
DATES = (st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2027, 12, 31))
         .map(lambda d: d.isoformat()) | EDGE_DATES)
NAMES = st.sampled_from(
    ["Trần Thị Minh Hằng", "Lê Quốc Bảo", "Phạm Đức Long", "Bộ trưởng Bộ Tài chính", "X", ""]
)



def like(value: Any) -> st.SearchStrategy[Any]:
    """A replacement of the same JSON type, in a range the rules care about."""
    if isinstance(value, bool):
        return st.booleans()
    if isinstance(value, int):
        return st.integers(min_value=0, max_value=40)
    if isinstance(value, str) and len(value) == 10 and value[4] == "-":
        return DATES
    if isinstance(value, str):
        return NAMES | st.sampled_from([value])
    return JSON


EXAMPLE_NAMES = sorted(p.stem for p in EXAMPLES.glob("*.json"))


@st.composite
def mutated_cases(draw: st.DrawFn) -> dict[str, Any]:
    """An example case with a few values replaced, removed or added."""
    data = example(draw(st.sampled_from(EXAMPLE_NAMES)))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        where = draw(st.sampled_from(paths(data)[1:]))
        parent = data
        for step in where[:-1]:
            parent = parent[step]
        last = where[-1]
        action = draw(st.sampled_from(["replace", "replace", "replace", "delete", "any"]))
        if action == "delete":
            del parent[last]
        elif action == "any":
            parent[last] = draw(JSON)
        else:
            parent[last] = draw(like(parent[last]))
    return data


def assert_well_formed(report: FileReport) -> None:
    assert isinstance(report, FileReport)
    for f in report.findings:
        assert isinstance(f, Finding)
        assert f.rule
        assert isinstance(f.pointer, str)
        assert f.pointer == "" or f.pointer.startswith("/"), f.pointer
        assert f.position is None or (
            isinstance(f.position, Position) and f.position.line >= 1 and f.position.column >= 1
        )
        assert f.message.strip().endswith("."), f.message  # a whole sentence
    keys = [f.sort_key() for f in report.findings]
    assert keys == sorted(keys)


# ---------------------------------------------------------------- never crashes
@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(value=JSON, lang=st.sampled_from(["vi", "en"]))
def test_never_raises_on_any_json_value(value: Any, lang: str) -> None:
    raw = json.dumps(value, ensure_ascii=False).encode("utf-8")
    report = run(raw, lang=lang)
    assert_well_formed(report)
    assert report.findings  # nothing generated here is a valid case


@settings(max_examples=150)
@given(raw=st.binary(max_size=300))
def test_never_raises_on_any_bytes(raw: bytes) -> None:
    assert_well_formed(run(raw))


@settings(max_examples=100)
@given(cut=st.integers(min_value=0, max_value=10_000), junk=st.binary(max_size=4))
def test_truncated_or_corrupted_example_is_one_located_finding(cut: int, junk: bytes) -> None:
    raw = encode(example("violations"))
    raw = raw[: cut % len(raw)] + junk
    report = run(raw)
    assert_well_formed(report)
    if len(report.findings) == 1 and report.findings[0].rule == "INPUT":
        pos = report.findings[0].position
        assert pos is not None
        # a line ends at LF, CRLF or a lone CR
        assert pos.line <= len(re.findall(rb"\r\n?|\n", raw)) + 1


# Once a crash (ZeroDivisionError): a step with nobody summoned. Kept as a regression.
_ZERO_SUMMONED = example("clean")
_ZERO_SUMMONED["steps"][1]["summoned"] = 0


@settings(max_examples=150, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@hexample(data=_ZERO_SUMMONED)
@given(data=mutated_cases())
def test_never_raises_on_mutated_cases(data: dict[str, Any]) -> None:
    assert_well_formed(run(data))


# ---------------------------------------------------------------- how a value is written
def as_floats(node: Any) -> Any:
    """node with every integer written as a float (4 -> 4.0), as some exporters do."""
    if isinstance(node, bool):
        return node
    if isinstance(node, int):
        return float(node)
    if isinstance(node, dict):
        return {k: as_floats(v) for k, v in node.items()}
    if isinstance(node, list):
        return [as_floats(v) for v in node]
    return node


@settings(max_examples=80, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(data=mutated_cases())
def test_integers_written_as_floats_give_the_same_findings(data: dict[str, Any]) -> None:
    """A count written 4.0 is the count 4 everywhere: no rule may skip it."""
    assert triples(run(as_floats(data)).findings) == triples(run(data).findings)


NAME_KEYS = {"full_name", "name", "body", "signatory", "chosen", "put_forward"}
LOOKALIKE_LETTERS = st.sampled_from(sorted(
    c for c, la in __import__("checker.lookalike", fromlist=["LOOKALIKES"]).LOOKALIKES.items()
    if la.intended.isalnum()))


def name_places(data: Any) -> list[tuple[Any, ...]]:
    """Where the case holds a name of a person or body."""
    out = []
    for where in paths(data)[1:]:
        node = data
        for k in where:
            node = node[k]
        named = where[-1] in NAME_KEYS or (len(where) > 1 and where[-2] == "put_forward")
        if isinstance(node, str) and named and node.strip():
            out.append(where)
    return out


@settings(max_examples=80, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(EXAMPLE_NAMES), pick=st.randoms(use_true_random=False),
       letter=LOOKALIKE_LETTERS, lang=st.sampled_from(["vi", "en"]))
def test_a_look_alike_letter_in_any_name_is_named(name: str, pick: random.Random,
                                                  letter: str, lang: str) -> None:
    data = example(name)
    where = pick.choice(name_places(data))
    node: Any = data
    for k in where[:-1]:
        node = node[k]
    text = node[where[-1]]
    at = pick.randrange(len(text) + 1)
    node[where[-1]] = text[:at] + letter + text[at:]
    pointer = "".join(f"/{k}" for k in where)
    found = [f for f in run(data, lang=lang).findings if f.pointer == pointer]
    assert [f.rule for f in found] == ["SCHEMA"]
    assert f"U+{ord(letter):04X}" in found[0].message


# ---------------------------------------------------------------- key order
def shuffled(node: Any, rnd: random.Random) -> Any:
    if isinstance(node, dict):
        items = list(node.items())
        rnd.shuffle(items)
        return {k: shuffled(v, rnd) for k, v in items}
    if isinstance(node, list):
        return [shuffled(v, rnd) for v in node]
    return node


def _variant(fn: Callable[[dict[str, Any]], None], name: str = "violations") -> dict[str, Any]:
    data = example(name)
    fn(data)
    return data


VARIANTS: list[dict[str, Any]] = [
    example("clean"),
    example("violations"),
    _variant(lambda d: d.pop("decision")),
    _variant(lambda d: d["dossier"].update(items=[]), "clean"),
    _variant(lambda d: d["candidate"].update(source="external")),
    _variant(lambda d: d["candidate"].update(nickname="x", alias="y", sex="M")),
    _variant(lambda d: (d.pop("case_id"), d.pop("unit"), d["steps"][0].pop("date"))),
    _variant(lambda d: d["steps"][2]["nominations"].append({"name": "Lê Quốc Bảo", "votes": 9})),
    _variant(lambda d: d["steps"].reverse(), "clean"),
    _variant(lambda d: d["policy"].pop("approval"), "clean"),
    _variant(lambda d: d["steps"][4].update(nominations=[
        {"name": "Trần Thị Minh Hằng", "votes": 2}, {"name": "Lê Quốc Bảo", "votes": 2}],
        summoned=4, present=4), "clean"),
]


@settings(max_examples=100)
@given(
    data=st.sampled_from(VARIANTS),
    rnd=st.randoms(use_true_random=False),
    lang=st.sampled_from(["vi", "en"]),
)
def test_findings_do_not_depend_on_key_order(
    data: dict[str, Any], rnd: random.Random, lang: str
) -> None:
    expected = triples(run(data, lang=lang).findings)
    assert triples(run(shuffled(data, rnd), lang=lang).findings) == expected


@settings(max_examples=60, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(data=mutated_cases(), rnd=st.randoms(use_true_random=False))
def test_findings_of_mutated_cases_do_not_depend_on_key_order(
    data: dict[str, Any], rnd: random.Random
) -> None:
    expected = triples(run(data).findings)
    assert triples(run(shuffled(data, rnd)).findings) == expected


def test_enum_message_does_not_depend_on_key_order() -> None:
    # regression: the wrong value was echoed in file key order
    a, b = example("clean"), example("clean")
    a["candidate"]["sex"] = {"x": 1, "y": 2}
    b["candidate"]["sex"] = {"y": 2, "x": 1}
    assert triples(run(a).findings) == triples(run(b).findings)


# ---------------------------------------------------------------- NFC / NFD
def normalised(node: Any, form: Callable[[str], str]) -> Any:
    if isinstance(node, dict):
        return {k: normalised(v, form) for k, v in node.items()}
    if isinstance(node, list):
        return [normalised(v, form) for v in node]
    if isinstance(node, str):
        return form(node)
    return node


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


@pytest.mark.parametrize("index", range(len(VARIANTS)))
def test_nfd_case_gives_the_same_findings(index: int) -> None:
    data = VARIANTS[index]
    for lang in ("vi", "en"):
        expected = triples(run(data, lang=lang).findings)
        assert triples(run(normalised(data, nfd), lang=lang).findings) == expected


@settings(max_examples=60)
@given(data=st.sampled_from(VARIANTS), rnd=st.randoms(use_true_random=False))
def test_mixed_normalisation_gives_the_same_findings(
    data: dict[str, Any], rnd: random.Random
) -> None:
    """Each string independently in NFC or NFD, as when a case is pasted together."""
    mixed = normalised(data, lambda s: nfd(s) if rnd.random() < 0.5 else s)
    assert triples(run(mixed).findings) == triples(run(data).findings)


# ---------------------------------------------------------------- the JSON report
FILE_INPUTS = (
    JSON.map(lambda v: json.dumps(v, ensure_ascii=False).encode("utf-8"))
    | st.binary(max_size=64)
    | st.sampled_from(VARIANTS).map(encode)
)


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(
    inputs=st.lists(FILE_INPUTS, max_size=3),
    lang=st.sampled_from(["vi", "en"]),
    fail_on=st.sampled_from(list(Severity)),
    as_of=st.none() | st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2027, 12, 31)),
)
def test_json_report_validates_against_its_schema(
    inputs: list[bytes], lang: str, fail_on: Severity, as_of: dt.date | None
) -> None:
    files = tuple(
        run(raw, path=f"case-{i}.json", lang=lang, as_of=as_of) for i, raw in enumerate(inputs)
    )
    report = Report(
        files=files, fail_on=fail_on, lang=lang, as_of=as_of.isoformat() if as_of else None,
        packs=tuple((p.id, p.version) for p in builtin_packs()),
    )
    doc = json.loads(json.dumps(document(report), ensure_ascii=False))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator("report").iter_errors(doc)]
    assert errors == []
    assert doc["exit_code"] == report.exit_code
    assert doc["summary"]["files"] == len(inputs)
    assert sum(len(f["findings"]) for f in doc["files"]) == sum(
        doc["summary"][s] for s in ("error", "warning", "info", "waived")
    )
