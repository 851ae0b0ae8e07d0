"""schemas/: generated from the models, valid Draft 2020-12, and turned into findings
that a clerk can act on (a whole sentence, a pointer, a line:column)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from _support import EXAMPLES, LANGS, ROOT, SCHEMAS, encode, example, is_sentence, run
from jsonschema import Draft202012Validator

from checker.loading import Document, load
from checker.model import DOC_NUMBER_PATTERN, validate_case
from checker.report import Finding, Kind, Position, Severity
from checker.schemagen import dump, generate
from checker.schemas import SCHEMA_NAMES, SCHEMA_RULE, validate, validator, vn_date_to_iso

GENERATED = generate()


# ---------------------------------------------------------------- the committed files
@pytest.mark.parametrize("name", sorted(GENERATED))
def test_committed_schema_equals_generated(name: str) -> None:
    path = SCHEMAS / f"{name}.schema.json"
    assert path.is_file(), f"schemas/{name}.schema.json is missing: run `make schemas`"
    committed = path.read_bytes()
    generated = dump(GENERATED[name]).encode("utf-8")
    assert committed == generated, (
        f"schemas/{name}.schema.json has drifted from the models: run `make schemas`"
    )


def test_every_published_schema_is_generated() -> None:
    assert set(GENERATED) == set(SCHEMA_NAMES)
    assert {p.name.removesuffix(".schema.json") for p in SCHEMAS.glob("*.schema.json")} == set(
        SCHEMA_NAMES
    )


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_committed_schema_is_valid_draft_2020_12(name: str) -> None:
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    # issue 12: a stable https $id an editor can fetch (it was a URN)
    assert schema["$id"] == f"https://vn-personnel-checker.github.io/schemas/{name}.schema.json"


# ---------------------------------------------------------------- examples
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.json"))


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[p.name for p in EXAMPLE_FILES])
def test_examples_validate_against_schema_and_model(path: Any) -> None:
    data = json.loads(path.read_text("utf-8"))
    errors = [e.message for e in validator("case").iter_errors(data)]
    assert errors == []
    validate_case(data)


TEMPLATE_FILES = sorted((ROOT / "checker" / "data" / "templates").glob("*.json"))


@pytest.mark.parametrize("template", TEMPLATE_FILES, ids=[p.name for p in TEMPLATE_FILES])
def test_init_template_is_a_valid_case(template: Any) -> None:
    data = json.loads(template.read_text("utf-8"))
    assert [e.message for e in validator("case").iter_errors(data)] == []
    validate_case(data)


def test_there_are_templates() -> None:
    assert len(TEMPLATE_FILES) >= 4


# ---------------------------------------------------------------- messages
def doc_of(data: Any, lang: str = "vi") -> Document:
    doc = load("case.json", encode(data), lang)  # type: ignore[arg-type]
    assert isinstance(doc, Document)
    return doc


def problems(data: Any, lang: str = "vi") -> list[Finding]:
    out = validate(doc_of(data, lang), lang)  # type: ignore[arg-type]
    for f in out:
        assert f.rule == SCHEMA_RULE
        assert f.kind is Kind.INPUT
        assert f.severity is Severity.ERROR
        assert f.position is not None
        assert is_sentence(f.message), f.message
    return out


def only(data: Any, lang: str = "vi") -> Finding:
    found = problems(data, lang)
    assert len(found) == 1, [f.message for f in found]
    return found[0]


def locate(text: str, needle: str) -> Position:
    off = text.index(needle)
    return Position(text.count("\n", 0, off) + 1, off - (text.rfind("\n", 0, off) + 1) + 1)


def test_clean_example_has_no_schema_findings() -> None:
    assert problems(example("clean")) == []


def test_missing_required_field() -> None:
    data = example("clean")
    del data["candidate"]["full_name"]
    f = only(data)
    assert f.message == 'Thiếu trường bắt buộc "full_name".'
    assert f.pointer == "/candidate"
    assert f.position == doc_of(data).position("/candidate")
    assert only(data, "en").message == 'The required field "full_name" is missing.'


def test_each_missing_field_is_reported() -> None:
    data = example("clean")
    del data["case_id"]
    del data["unit"]
    assert sorted(f.message for f in problems(data, "en")) == [
        'The required field "case_id" is missing.',
        'The required field "unit" is missing.',
    ]


def test_unknown_field_points_at_the_key() -> None:
    data = example("clean")
    data["candidate"]["nickname"] = "Hằng"
    f = only(data)
    assert f.pointer == "/candidate/nickname"
    assert f.message == (
        'Trường "nickname" không có trong lược đồ hồ sơ; hãy kiểm tra chính tả hoặc bỏ trường này.'
    )
    text = encode(data).decode()
    assert f.position == locate(text, '"nickname"')
    assert only(data, "en").message == (
        'The field "nickname" is not part of the case schema; check its spelling or remove it.'
    )


def test_every_unknown_field_is_reported() -> None:
    data = example("clean")
    data["candidate"]["nickname"] = "Hằng"
    data["candidate"]["alias"] = "H"
    assert sorted(f.pointer for f in problems(data)) == [
        "/candidate/alias",
        "/candidate/nickname",
    ]


def test_unknown_field_written_with_escapes_points_at_the_key() -> None:
    data = example("clean")
    data["candidate"]["ghi_chú"] = "x"
    raw = json.dumps(data, indent=2).encode("ascii")  # ensure_ascii: "ghi_ch\u00fa"
    doc = load("case.json", raw, "vi")
    assert isinstance(doc, Document)
    (f,) = validate(doc, "vi")
    assert f.pointer == "/candidate/ghi_chú"
    assert f.position == locate(raw.decode(), '"ghi_ch')


def test_wrong_type() -> None:
    data = example("clean")
    data["leadership"]["total_members"] = "3"
    f = only(data)
    assert f.pointer == "/leadership/total_members"
    assert f.message == "Giá trị ở đây phải là một số nguyên, nhưng đang là một chuỗi."
    assert only(data, "en").message == "The value here must be an integer, but it is a string."
    assert f.position == locate(encode(data).decode(), '"3"')


def test_bad_enum_value() -> None:
    data = example("clean")
    data["candidate"]["sex"] = "M"
    f = only(data, "en")
    assert f.pointer == "/candidate/sex"
    assert f.message == 'The value "M" is not allowed; the allowed values are: male, female.'
    assert only(data).message == (
        'Giá trị "M" không hợp lệ; các giá trị được phép là: male, female.'
    )


def test_impossible_date() -> None:
    data = example("clean")
    data["decision"]["document"]["date"] = "2025-02-30"
    f = only(data, "en")
    assert f.pointer == "/decision/document/date"
    assert f.message == '"2025-02-30" is not a valid date in the form YYYY-MM-DD (ISO 8601).'
    assert only(data).message == (
        '"2025-02-30" không phải là ngày hợp lệ dạng YYYY-MM-DD (ISO 8601).'
    )


@pytest.mark.parametrize("value", ["23/7/2025", "ngày 23 tháng 7 năm 2025", "23-07-2025"])
@pytest.mark.parametrize("lang", LANGS)
def test_vietnamese_date_gets_its_iso_form(value: str, lang: str) -> None:
    data = example("clean")
    data["steps"][0]["date"] = value
    f = only(data, lang)
    assert f.pointer == "/steps/0/date"
    assert "2025-07-23" in f.message
    assert json.dumps(value, ensure_ascii=False) in f.message


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("23/7/2025", "2025-07-23"),
        ("ngày 23 tháng 7 năm 2025", "2025-07-23"),
        ("Ngày 01 tháng 02 năm 2026", "2026-02-01"),
        ("1.2.2026", "2026-02-01"),
        ("30/2/2025", None),
        ("2025-07-23", None),
        ("23/7", None),
    ],
)
def test_vn_date_to_iso(value: str, iso: str | None) -> None:
    assert vn_date_to_iso(value) == iso


def test_document_needs_a_number_or_a_title() -> None:
    data = example("clean")
    data["policy"]["approval"] = {"date": "2025-08-15"}
    f = only(data, "en")
    assert f.pointer == "/policy/approval"
    assert f.message == "A document needs at least a number or a title."


def test_below_minimum_and_empty_string() -> None:
    data = example("clean")
    data["steps"][1]["nominations"][0]["votes"] = -1
    data["candidate"]["full_name"] = ""
    found = {f.pointer: f.message for f in problems(data, "en")}
    assert found == {
        "/steps/1/nominations/0/votes": "The value -1 is below the minimum 0.",
        "/candidate/full_name": "This string must not be empty.",
    }


def test_not_an_object_at_all() -> None:
    f = only([1, 2], "en")
    assert f.pointer == ""
    assert f.message == "The value here must be an object, but it is an array."
    assert f.position == Position(1, 1)


# ---------------------------------------------------------------- document numbers
GOOD_NUMBERS = [
    "123/QĐ-BTC",
    "170/2025/NĐ-CP",
    "97-QĐ/TW",
    "45-HD/BTCTW",
    "80/2025/QH15",
    "12/TTr-PC",
    "12/TTr-TCCB",
    "92-BC/TU",
    "05-BB/ĐU",
    "3120/BTC-TCCB",
]
BAD_NUMBERS = ["QĐ 123", "123", "123/QĐ BTC", "QĐ-123/BTC", "123/qđ-btc", " 123/QĐ-BTC"]


@pytest.mark.parametrize("number", GOOD_NUMBERS)
def test_good_document_numbers(number: str) -> None:
    assert re.search(DOC_NUMBER_PATTERN, number)
    assert re.fullmatch(DOC_NUMBER_PATTERN, number)
    data = example("clean")
    data["decision"]["document"]["number"] = number
    assert problems(data) == []


@pytest.mark.parametrize("number", BAD_NUMBERS)
def test_malformed_document_numbers(number: str) -> None:
    assert not re.search(DOC_NUMBER_PATTERN, number)
    data = example("clean")
    data["decision"]["document"]["number"] = number
    f = only(data)
    assert f.pointer == "/decision/document/number"
    shown = json.dumps(number, ensure_ascii=False)
    assert f.message == (
        f"{shown} không đúng dạng số, ký hiệu văn bản (ví dụ 123/QĐ-BTC, 170/2025/NĐ-CP, 97-QĐ/TW)."
    )
    assert only(data, "en").message == (
        f"{shown} is not a Vietnamese document number (e.g. 123/QĐ-BTC, 170/2025/NĐ-CP, 97-QĐ/TW)."
    )


def test_document_number_with_trailing_newline_is_a_schema_finding() -> None:
    # regression: Python's `$` matches before a final newline, the models' regex does not
    data = example("clean")
    data["decision"]["document"]["number"] = "2150/QĐ-BTC\n"
    report = run(data)
    assert [f.pointer for f in report.findings] == ["/decision/document/number"]
    assert report.findings[0].message.startswith('"2150/QĐ-BTC\\n" không đúng dạng số')


def test_lone_surrogate_is_reported_in_the_users_language() -> None:
    data = example("clean")
    data["decision"]["body"] = "Bộ trưởng \ud800"
    raw = json.dumps(data, ensure_ascii=True).encode("ascii")
    vi, en = run(raw, lang="vi").findings, run(raw, lang="en").findings
    assert vi and en
    assert all(is_sentence(f.message) for f in vi + en), [f.message for f in vi + en]
    assert [f.message for f in vi] != [f.message for f in en]
