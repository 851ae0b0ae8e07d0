"""checker/model/: one case shape per procedure, selected by `procedure`.

The union, the registry derived from it, the published schema's selection of a shape,
and what the clerk is told when a case is missing its procedure, names an unknown one,
or carries a field of another procedure's shape.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, ClassVar, Literal

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
    Person,
    Procedure,
    ReappointmentCase,
    ReliefCase,
    ResignationCase,
    RotationCase,
    SuspensionCase,
    TransferCase,  # issue 14, transfer
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
    # Part R of issue 14: the resignation family.
    "resignation": "2026-resignation",
    "relief": "2026-relief",
    "rotation": "2026-rotation",  # issue 14, LC
    "transfer": "2026-transfer",  # issue 14, transfer
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
    # the appointment family's four shapes (a suspension, a dismissal or the resignation
    # family has no steps), and a transfer (a leader's steps are an external appointment's)
    assert owners[("steps", "nominations", "votes")] == (
        "appointment", "reappointment", "extension", "acting", "transfer")
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
                "dismissal": DismissalCase,  # issue 14, D
                "resignation": ResignationCase, "relief": ReliefCase,  # part R
                "rotation": RotationCase,  # issue 14, LC
                "transfer": TransferCase}  # issue 14, transfer
    assert expected == SHAPES


# ---------------------------------------------------------------- the schema speaks both
VIETNAMESE = re.compile(r"[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]",
                        re.IGNORECASE)
SCHEMA = case_json_schema()


def bilingual(text: Any) -> bool:
    """"Vietnamese / English": a Vietnamese part with its diacritics, then a different
    English one."""
    if not isinstance(text, str) or " / " not in text:
        return False
    vi, en = text.split(" / ", 1)
    return bool(VIETNAMESE.search(vi)) and bool(en.strip()) and vi.strip() != en.strip()


@pytest.mark.parametrize("name", sorted(SCHEMA["$defs"]))
def test_every_definition_and_field_is_described_in_both_languages(name: str) -> None:
    node = SCHEMA["$defs"][name]
    assert bilingual(node.get("description")), (name, node.get("description"))
    for key, prop in node.get("properties", {}).items():
        assert bilingual(prop.get("description")), (name, key, prop.get("description"))


@pytest.mark.parametrize("name", sorted(n for n, v in SCHEMA["$defs"].items() if "enum" in v))
def test_every_enum_value_is_described_in_both_languages(name: str) -> None:
    node = SCHEMA["$defs"][name]
    assert len(node["enumDescriptions"]) == len(node["enum"])
    for value, text in zip(node["enum"], node["enumDescriptions"], strict=True):
        assert bilingual(text), (name, value, text)


def test_the_procedures_are_described_in_both_languages() -> None:
    top = SCHEMA["properties"]["procedure"]
    assert bilingual(SCHEMA["description"]) and bilingual(SCHEMA["title"])
    assert bilingual(top["description"])
    assert len(top["enumDescriptions"]) == len(top["enum"])
    assert all(bilingual(t) for t in top["enumDescriptions"])


def sections() -> list[tuple[str, str, str]]:
    """(shape, field, definition) for every field of a shape that is an object or a list
    of objects."""
    out = []
    for shape in sorted({s.__name__ for s in SHAPES.values()}):
        for key, prop in SCHEMA["$defs"][shape]["properties"].items():
            ref = prop.get("$ref") or prop.get("items", {}).get("$ref")
            name = ref.removeprefix("#/$defs/") if ref else None
            if name and SCHEMA["$defs"][name].get("type") == "object":
                out.append((shape, key, name))
    return out


@pytest.mark.parametrize(("shape", "field", "name"), sections(),
                         ids=[f"{s}.{f}" for s, f, _ in sections()])
def test_every_section_has_a_valid_example(shape: str, field: str, name: str) -> None:
    from jsonschema import Draft202012Validator, FormatChecker

    node = SCHEMA["$defs"][name]
    assert node.get("examples"), f"{shape}.{field}: {name} has no example"
    check = Draft202012Validator({"$defs": SCHEMA["$defs"], "$ref": f"#/$defs/{name}"},
                                 format_checker=FormatChecker())
    for ex in node["examples"]:
        assert [e.message for e in check.iter_errors(ex)] == [], (name, ex)


def test_every_definition_has_a_name_of_its_own() -> None:
    """Two models of one name (in two modules) get module-path names in `$defs`
    (checker__model__dismissal__Ground) and would share one @described text."""
    assert [n for n in SCHEMA["$defs"] if "__" in n] == []


def test_a_name_described_twice_by_another_class_is_refused() -> None:
    from enum import StrEnum

    from checker.model.common import SCHEMA_TEXT, described

    before = SCHEMA_TEXT["Sex"]
    with pytest.raises(ValueError, match="Sex"):
        @described("Giới tính khác", "Another sex")
        class Sex(StrEnum):
            OTHER = "other"
    assert SCHEMA_TEXT["Sex"] is before


def test_a_value_without_its_description_is_refused_when_the_schema_is_made(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.model.common import SCHEMA_TEXT, SchemaText

    text = SCHEMA_TEXT["Sex"]
    assert text.values is not None
    monkeypatch.setitem(SCHEMA_TEXT, "Sex", SchemaText(
        text.description, {"male": text.values["male"]}))
    with pytest.raises(ValueError, match="Sex"):
        case_json_schema()


# ---------------------------------------------------------------- a shape of another family
class OtherCase(CaseBase):
    """A case of a family that has no candidate, steps or dossier, whose person is
    `person` (as dismissal and suspension will have): built directly, not through the
    union, to show what the engine, the consistency checks and the predicates that read
    the person do with it."""

    subject_field: ClassVar[str] = "person"
    procedure: Literal[Procedure.ACTING]  # any value: the union does not see this shape
    person: Person


def other_case(**person: Any) -> tuple[dict[str, Any], OtherCase]:
    data = case_of("acting")
    data["person"] = {**data.pop("candidate"), **person}
    del data["acting"]
    return data, OtherCase.model_validate(data)


def test_the_engine_and_the_consistency_checks_read_any_shape() -> None:
    from checker.consistency import check
    from checker.rules.engine import deciding_date, start_date

    data, case = other_case(birth_date="2030-01-01")
    decided = (dt.date(2026, 9, 8), "/decision/document/date")
    assert case.acts() == []
    assert start_date(case) == deciding_date(case) == decided  # type: ignore[arg-type]
    doc = load("case.json", encode(data), "en")
    assert isinstance(doc, Document)
    [f] = check(doc, case, "en")  # type: ignore[arg-type]
    assert f.pointer == "/person/birth_date"


def test_the_predicates_on_the_person_read_any_shape() -> None:
    from checker.rules.predicates import PREDICATES, Ctx
    from checker.rules.predicates.core import case_steps, date_ref, family, person_ptr
    from checker.rules.predicates.person import DisciplineBar, RetirementMargin

    data, case = other_case(discipline=[{"form": "warning", "system": "state",
                                         "effective_date": "2026-03-01"}])
    c = Ctx(case, data, None)  # type: ignore[arg-type]
    assert person_ptr(c) == "/person"
    assert case_steps(c) == []
    assert date_ref(c, data, "step:first") is None
    with pytest.raises(TypeError, match="appointment family"):
        family(c)
    bar = DisciplineBar(kind="discipline_bar", months={"warning": 12},  # type: ignore[dict-item]
                        reference=["/decision/document/date"])
    hits = list(PREDICATES["discipline_bar"].run(bar, c))
    assert [(h.pointer, h.message) for h in hits] == [
        ("/person/discipline/0/effective_date", "barred")]
    margin = RetirementMargin(kind="retirement_margin", reference=["/decision/document/date"],
                              months=24)
    hits = list(PREDICATES["retirement_margin"].run(margin, c))
    assert [(h.pointer, h.message) for h in hits] == [("/person", "unknown")]
