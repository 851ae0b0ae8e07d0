"""checker/model/: one case shape per procedure, selected by `procedure`.

The union, the registry derived from it, the published schema's selection of a shape,
and what the clerk is told when a case is missing its procedure, names an unknown one,
or carries a field of another procedure's shape.
"""

from __future__ import annotations

from typing import Any

import pytest
from _support import LANGS, encode, example, is_sentence
from pydantic import ValidationError

from checker.i18n import PROCEDURE_NAMES
from checker.loading import Document, load
from checker.model import (
    RENAMED,
    SHAPES,
    ActingCase,
    AppointmentCase,
    CaseBase,
    DismissalCase,
    ExtensionCase,
    Procedure,
    ReappointmentCase,
    SuspensionCase,
    case_json_schema,
    error_location,
    field_owners,
    validate_case,
)
from checker.report import Finding
from checker.schemas import validate

EXAMPLE_OF = {
    "appointment": "clean",
    "reappointment": "2026-reappointment",
    "extension": None,  # built from the reappointment example below
    "acting": "2026-acting-head",
    "suspension": "2026-suspension",  # part S
    "dismissal": "2026-dismissal",  # issue 14, D
}


def case_of(procedure: str) -> dict[str, Any]:
    if procedure == "extension":
        data = example("2026-reappointment")
        data["procedure"] = "extension"
        return data
    name = EXAMPLE_OF[procedure]
    assert name is not None
    return example(name)


def problems(data: Any, lang: str = "vi") -> list[Finding]:
    doc = load("case.json", encode(data), lang)  # type: ignore[arg-type]
    assert isinstance(doc, Document)
    out = validate(doc, lang)  # type: ignore[arg-type]
    for f in out:
        assert is_sentence(f.message), f.message
    return out


# ---------------------------------------------------------------- the registry
def test_every_procedure_has_exactly_one_shape_and_its_names() -> None:
    assert list(SHAPES) == [p.value for p in Procedure]
    for procedure, shape in SHAPES.items():
        assert issubclass(shape, CaseBase)
        assert set(PROCEDURE_NAMES[procedure]) == {"vi", "en"}
    assert len(set(SHAPES.values())) == len(SHAPES)


@pytest.mark.parametrize("procedure", list(SHAPES))
def test_each_example_becomes_its_own_shape(procedure: str) -> None:
    case = validate_case(case_of(procedure))
    assert type(case) is SHAPES[procedure]
    assert case.procedure == procedure
    assert case.subject is getattr(case, case.subject_field)


def test_the_schema_selects_each_shape_by_procedure() -> None:
    schema = case_json_schema()
    assert schema["required"] == ["procedure"]
    assert schema["properties"]["procedure"]["enum"] == list(SHAPES)
    branches = {b["if"]["properties"]["procedure"]["const"]: b["then"]["$ref"]
                for b in schema["allOf"]}
    assert branches == {p: f"#/$defs/{s.__name__}" for p, s in SHAPES.items()}
    for p, s in SHAPES.items():
        shape = schema["$defs"][s.__name__]
        assert shape["properties"]["procedure"]["const"] == p
        assert shape["additionalProperties"] is False


# ---------------------------------------------------------------- what each requires
@pytest.mark.parametrize(("procedure", "delete", "missing", "at"), [
    ("appointment", ("leadership",), "leadership", ""),
    ("appointment", ("candidate", "planning"), "planning", "/candidate"),
    ("appointment", ("candidate", "source"), "source", "/candidate"),
    ("reappointment", ("leadership",), "leadership", ""),
    ("reappointment", ("previous_term",), "previous_term", ""),
    ("extension", ("previous_term",), "previous_term", ""),
    ("extension", ("leadership",), "leadership", ""),
    ("acting", ("acting",), "acting", ""),
])
def test_each_shape_requires_what_its_procedure_needs(
        procedure: str, delete: tuple[str, ...], missing: str, at: str) -> None:
    data = case_of(procedure)
    parent = data
    for k in delete[:-1]:
        parent = parent[k]
    del parent[delete[-1]]
    [f] = problems(data, "en")
    assert (f.pointer, f.message) == (at, f'The required field "{missing}" is missing.')
    with pytest.raises(ValidationError):
        validate_case(data)


@pytest.mark.parametrize("procedure", ["reappointment", "extension", "acting"])
def test_planning_and_source_are_not_required_outside_an_appointment(procedure: str) -> None:
    data = case_of(procedure)
    data["candidate"].pop("planning", None)
    data["candidate"].pop("source", None)
    assert problems(data) == []
    validate_case(data)


def test_an_acting_case_needs_no_leadership() -> None:
    data = case_of("acting")
    assert "leadership" not in data
    assert problems(data) == []


# ---------------------------------------------------------------- fields of another shape
@pytest.mark.parametrize(("procedure", "field", "value", "owners_en", "owners_vi"), [
    ("appointment", "acting", {"reason": "no_head"}, '"acting" (acting head)',
     '"acting" (giao quyền cấp trưởng)'),
    ("acting", "previous_term", {"expires": "2026-01-01"},
     '"reappointment" (reappointment), "extension" (extension of tenure)',
     '"reappointment" (bổ nhiệm lại), "extension" (kéo dài thời gian giữ chức vụ)'),
    ("appointment", "notice_received_on", "2026-01-01",
     '"reappointment" (reappointment), "extension" (extension of tenure)',
     '"reappointment" (bổ nhiệm lại), "extension" (kéo dài thời gian giữ chức vụ)'),
    ("reappointment", "acting", {"reason": "no_head"}, '"acting" (acting head)',
     '"acting" (giao quyền cấp trưởng)'),
])
def test_a_field_of_another_procedure_is_named_as_such(
        procedure: str, field: str, value: Any, owners_en: str, owners_vi: str) -> None:
    data = case_of(procedure)
    data[field] = value
    [en] = problems(data, "en")
    name_en = PROCEDURE_NAMES[procedure]["en"]
    assert en.pointer == f"/{field}"
    assert en.message == (
        f'The field "{field}" is not part of a case of procedure "{procedure}" ({name_en}): '
        f"it belongs to procedure {owners_en}. Check the procedure field, or remove this one.")
    [vi] = problems(data, "vi")
    name_vi = PROCEDURE_NAMES[procedure]["vi"]
    assert vi.pointer == f"/{field}"
    assert vi.message == (
        f'Trường "{field}" không thuộc hồ sơ {name_vi} ({procedure}): trường này thuộc hồ sơ '
        f"của thủ tục {owners_vi}. Hãy kiểm tra trường procedure, hoặc bỏ trường này.")


def test_a_field_no_shape_has_is_an_unknown_field() -> None:
    data = case_of("appointment")
    data["ghi_chu"] = "x"
    [f] = problems(data, "en")
    assert f.message == ('The field "ghi_chu" is not part of the case schema; check its '
                         "spelling or remove it.")


def test_a_renamed_field_says_what_to_rename(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(RENAMED, "reappointment", {"candidate/old_name": "candidate/new_name"})
    data = case_of("reappointment")
    data["candidate"]["old_name"] = "x"
    [f] = problems(data, "en")
    assert f.pointer == "/candidate/old_name"
    assert f.message == ('The field "candidate/old_name" of a reappointment case has been '
                         'renamed: move this value to "candidate/new_name".')
    [f] = problems(data, "vi")
    assert f.message == ('Trường "candidate/old_name" của hồ sơ bổ nhiệm lại đã được đổi '
                         'tên: hãy chuyển giá trị này sang "candidate/new_name".')


def test_field_owners_follow_references_into_lists() -> None:
    owners = field_owners(case_json_schema())
    assert owners[("acting",)] == ("acting",)
    assert owners[("acting", "extensions", "number")] == ("acting",)
    # the appointment family's four shapes (a suspension or a dismissal has no steps)
    assert owners[("steps", "nominations", "votes")] == (
        "appointment", "reappointment", "extension", "acting")
    assert owners[("previous_term", "expires")] == ("reappointment", "extension")


# ---------------------------------------------------------------- procedure itself
EXPECTED_LIST = {
    "en": "appointment, reappointment, extension (extension of tenure), acting (acting "
          "head), suspension, dismissal",
    "vi": "appointment (bổ nhiệm), reappointment (bổ nhiệm lại), extension (kéo dài thời "
          "gian giữ chức vụ), acting (giao quyền cấp trưởng), suspension (tạm đình chỉ công "
          "tác), dismissal (miễn nhiệm)",
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_missing_procedure_is_one_message_listing_the_procedures(lang: str) -> None:
    data = case_of("appointment")
    del data["procedure"]
    del data["unit"]  # no shape is chosen, so nothing else is said
    [f] = problems(data, lang)
    assert f.pointer == ""
    assert EXPECTED_LIST[lang] in f.message
    assert '"procedure"' in f.message


@pytest.mark.parametrize("value", ["dismisal", 3, None, ["appointment"]])
@pytest.mark.parametrize("lang", LANGS)
def test_an_unknown_procedure_is_one_message_listing_the_procedures(
        value: Any, lang: str) -> None:
    data = case_of("appointment")
    data["procedure"] = value
    data["acting"] = {}  # no shape is chosen, so nothing else is said
    [f] = problems(data, lang)
    assert f.pointer == "/procedure"
    assert EXPECTED_LIST[lang] in f.message


def test_the_model_refuses_a_missing_or_unknown_procedure() -> None:
    for value in ("dismisal", None):
        data = case_of("appointment")
        data["procedure"] = value
        with pytest.raises(ValidationError):
            validate_case(data)


def test_a_model_error_is_located_inside_the_case() -> None:
    data = case_of("acting")
    data["acting"]["reason"] = "nobody"
    with pytest.raises(ValidationError) as e:
        validate_case(data)
    [err] = e.value.errors()
    assert err["loc"][0] == "acting"  # the union's tag, then the place
    assert error_location(err["loc"], data) == ("acting", "reason")
    assert error_location(("x",), {"procedure": 3}) == ("x",)


def test_the_shapes_are_the_classes_of_the_union() -> None:
    expected = {"appointment": AppointmentCase, "reappointment": ReappointmentCase,
                "extension": ExtensionCase, "acting": ActingCase,
                "suspension": SuspensionCase,  # part S
                "dismissal": DismissalCase}  # issue 14, D
    assert expected == SHAPES
