"""`checker init --procedure P`: one template per procedure, valid, and clean once filled in.

A template is the bundled clean example of its procedure with its names, bodies and
document numbers replaced by placeholders, and its guidance in `$comment` members (JSON
has no comments; the checker ignores `$comment` wherever it is). "Filled in as its
comments say" is tested as: the template has exactly the example's fields, and putting
the example's value in every field of the template gives a case that checks clean.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from _support import encode, example, paths, run
from click.testing import CliRunner

from checker.cli import TEMPLATES, main
from checker.i18n import PROCEDURE_NAMES, Lang
from checker.model import SHAPES, validate_case
from checker.report import FileReport, Kind, Severity
from checker.schemas import validator

# The bundled clean example each template is made from (fixtures/examples/<name>.json).
REFERENCE = {
    "appointment": "2026-four-step-in-house",
    "reappointment": "2026-reappointment",
    "extension": "2026-extension",
    "acting": "2026-acting-head",
    "suspension": "2026-suspension",  # part S
    "dismissal": "2026-dismissal",  # issue 14, D
    # Part R of issue 14: the resignation family.
    "resignation": "2026-resignation",
    "relief": "2026-relief",
    "rotation": "2026-rotation",  # issue 14, LC
    "transfer": "2026-transfer",  # issue 14, transfer
}

# Optional parts of a template: what its reference example leaves out because that case
# has none, with the bundled example that has them (its reference example plus the part).
# The part's `$comment` says when to fill it in and when to delete it.
OPTIONAL: dict[str, tuple[str, list[tuple[str, ...]]]] = {
    # the earlier removals of the candidate that the WAIT-* rules read (issue 14, W)
    "appointment": ("2026-appointment-after-relief", [("candidate", "removals")]),
}

VIETNAMESE = re.compile(r"[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]",
                        re.IGNORECASE)


def template(procedure: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((TEMPLATES / f"{procedure}.json").read_text("utf-8"))
    return data


def without_comments(v: Any) -> Any:
    if isinstance(v, dict):
        return {k: without_comments(x) for k, x in v.items() if k != "$comment"}
    if isinstance(v, list):
        return [without_comments(x) for x in v]
    return v


def comments(v: Any, at: str = "") -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    if isinstance(v, dict):
        out += [(at, v["$comment"])] if "$comment" in v else []
        for k, x in v.items():
            out += comments(x, f"{at}/{k}")
    elif isinstance(v, list):
        for i, x in enumerate(v):
            out += comments(x, f"{at}/{i}")
    return out


def leaves(v: Any) -> set[tuple[Any, ...]]:
    return {p for p in paths(v) if not isinstance(_at(v, p), dict | list)}


def _at(v: Any, p: tuple[Any, ...]) -> Any:
    for k in p:
        v = v[k]
    return v


def clean(report: FileReport) -> bool:
    """No error, and no warning or information other than a layer not covered."""
    return all(f.severity is not Severity.ERROR and f.kind is Kind.NOT_COVERED
               for f in report.findings)


# ---------------------------------------------------------------- one per procedure
def test_there_is_one_template_per_procedure_and_one_reference_example() -> None:
    assert sorted(p.stem for p in TEMPLATES.glob("*.json")) == sorted(SHAPES)
    missing = sorted(set(SHAPES) - set(REFERENCE))
    assert not missing, f"add the bundled clean example of {missing} to REFERENCE"


@pytest.mark.parametrize("procedure", list(SHAPES))
def test_the_template_is_a_valid_case_of_its_procedure(procedure: str) -> None:
    data = template(procedure)
    assert data["procedure"] == procedure
    assert [e.message for e in validator("case").iter_errors(data)] == []
    assert type(validate_case(data)) is SHAPES[procedure]


@pytest.mark.parametrize("procedure", list(SHAPES))
def test_the_template_as_written_checks_clean(procedure: str) -> None:
    report = run(template(procedure))
    assert clean(report), [(f.rule, f.pointer, f.message) for f in report.findings]
    assert report.procedure == procedure


def without_optional(data: dict[str, Any], procedure: str) -> dict[str, Any]:
    """The template as a case without its optional parts (as their comments say when the
    case has none)."""
    for part in OPTIONAL.get(procedure, ("", []))[1]:
        del _at(data, part[:-1])[part[-1]]
    return data


def fill(template_data: dict[str, Any], reference: dict[str, Any]) -> dict[str, Any]:
    filled = without_comments(template_data)
    assert leaves(filled) == leaves(reference), "the template and its example differ in fields"
    for place in leaves(filled):
        _at(filled, place[:-1])[place[-1]] = _at(reference, place)
    return filled


@pytest.mark.parametrize("procedure", list(SHAPES))
def test_filled_in_with_the_example_it_checks_clean(procedure: str) -> None:
    filled = without_optional(without_comments(template(procedure)), procedure)
    reference = example(REFERENCE[procedure])
    assert leaves(filled) == leaves(reference), "the template and its example differ in fields"
    for place in leaves(filled):
        _at(filled, place[:-1])[place[-1]] = _at(reference, place)
    assert filled == reference
    report = run(filled)
    assert clean(report), [(f.rule, f.pointer, f.message) for f in report.findings]


@pytest.mark.parametrize("procedure", sorted(OPTIONAL))
def test_with_its_optional_parts_filled_in_it_checks_clean(procedure: str) -> None:
    """Each optional part is in the template, with a comment that says when to delete
    it; filled in with the example that has it, the case is that example and checks
    clean; the example is the reference example plus the part."""
    name, parts = OPTIONAL[procedure]
    data = template(procedure)
    for part in parts:
        value = _at(data, part)
        items = value if isinstance(value, list) else [value]
        assert items and all("$comment" in item for item in items), part
        assert part[-1] in items[0]["$comment"][0] and part[-1] in items[0]["$comment"][1]
    with_parts = example(name)
    filled = fill(data, with_parts)
    assert filled == with_parts
    report = run(filled)
    assert clean(report), [(f.rule, f.pointer, f.message) for f in report.findings]
    rest = example(name)
    for part in parts:
        del _at(rest, part[:-1])[part[-1]]
    reference = example(REFERENCE[procedure])
    assert {k: v for k, v in rest.items() if k != "case_id"} == {
        k: v for k, v in reference.items() if k != "case_id"}


def test_an_optional_part_may_be_deleted() -> None:
    """Deleted as its comment says (the case has none), the template is still a valid
    case that checks clean."""
    for procedure in OPTIONAL:
        data = without_optional(template(procedure), procedure)
        assert [e.message for e in validator("case").iter_errors(data)] == []
        assert clean(run(data))


@pytest.mark.parametrize("procedure", list(SHAPES))
def test_the_comments_change_nothing(procedure: str) -> None:
    def said(report: FileReport) -> list[tuple[str, str, str]]:
        return sorted((f.rule, f.pointer, f.message) for f in report.findings)

    data = template(procedure)
    assert said(run(data)) == said(run(without_comments(data)))


@pytest.mark.parametrize("procedure", list(SHAPES))
def test_every_comment_is_vietnamese_then_english(procedure: str) -> None:
    found = comments(template(procedure))
    assert [at for at, _ in found][:1] == [""]  # the file opens with how to use it
    for at, c in found:
        assert isinstance(c, list) and len(c) == 2, at
        vi, en = c
        assert VIETNAMESE.search(vi), (at, vi)
        assert not VIETNAMESE.search(en.replace("NĐ-CP", "")), (at, en)
        assert vi.endswith(".") and en.endswith("."), at
    top = found[0][1]
    assert f"--procedure {procedure}" in top[0] and f"--procedure {procedure}" in top[1]


# ---------------------------------------------------------------- $comment anywhere
def test_a_comment_may_be_a_string_or_a_list_in_any_object() -> None:
    data = example("clean")
    data["$comment"] = "ghi chú"
    data["unit"]["$comment"] = ["một", "hai"]
    data["steps"][0]["minutes"]["$comment"] = "biên bản gốc lưu tại văn thư"
    assert not [f for f in run(data).findings if f.rule == "SCHEMA"]
    validate_case(data)


@pytest.mark.parametrize(("value", "en"), [
    ({"vi": "x"}, "The value here must be a string / an array, but it is an object."),
    ([1], "The value here must be a string, but it is an integer."),
    (["x"] * 51, "This list has more than 50 items."),
])
def test_a_comment_of_another_kind_is_a_schema_error(value: Any, en: str) -> None:
    data = example("clean")
    data["unit"]["$comment"] = value
    found = [(f.rule, f.message) for f in run(data, lang="en").findings]
    assert found == [("SCHEMA", en)]


# ---------------------------------------------------------------- the command
def cli(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), env={"CHECKER_LANG": None},
                              catch_exceptions=False)


@pytest.mark.parametrize("procedure", list(SHAPES))
def test_init_writes_the_template_of_the_procedure(tmp_path: Path, procedure: str) -> None:
    target = tmp_path / f"{procedure}.json"
    r = cli("init", "--procedure", procedure, str(target))
    assert r.exit_code == 0, r.output
    assert target.read_bytes() == (TEMPLATES / f"{procedure}.json").read_bytes()


def test_init_without_a_procedure_writes_an_appointment(tmp_path: Path) -> None:
    target = tmp_path / "case.json"
    assert cli("init", str(target)).exit_code == 0
    assert json.loads(target.read_bytes())["procedure"] == "appointment"


def test_init_refuses_an_unknown_procedure_and_lists_the_procedures(tmp_path: Path) -> None:
    r = cli("init", "--procedure", "dismisal", str(tmp_path / "x.json"))
    assert r.exit_code == 2
    assert all(p in r.output for p in SHAPES)
    assert not (tmp_path / "x.json").exists()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_init_help_names_every_procedure_in_each_language(lang: Lang) -> None:
    """One language per run (issue 12): the names in the run's language only."""
    r = cli("init", "--lang", lang, "--help")
    text = " ".join(r.output.split())
    other = "en" if lang == "vi" else "vi"
    for p in SHAPES:
        assert f"{p} = {PROCEDURE_NAMES[p][lang]}" in text
        if PROCEDURE_NAMES[p][other] != PROCEDURE_NAMES[p][lang]:
            assert f"{p} = {PROCEDURE_NAMES[p][other]}" not in text
    assert "--procedure" in text and "appointment" in text


def test_templates_are_written_as_they_are_read() -> None:
    """UTF-8, one final newline, no BOM: a clerk's editor shows them as they are."""
    for p in TEMPLATES.glob("*.json"):
        raw = p.read_bytes()
        assert raw.endswith(b"}\n") and not raw.startswith(b"\xef\xbb\xbf")
        assert encode(json.loads(raw))  # valid JSON text
