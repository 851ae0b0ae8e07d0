"""The case against itself (checker.consistency): dates and counts that cannot all be
true are input errors under every regime, at their own place, and are not repeated where
a rule of the law in force already reports an error at that place."""

from __future__ import annotations

from typing import Any

import pytest
from _support import EXAMPLES, example, nfc, run, shift_dates

from checker.consistency import CONSISTENCY_RULE, check
from checker.loading import load
from checker.model import validate_case
from checker.report import Finding, Kind, Severity, Waived


def consistency(case: Any, **options: Any) -> list[tuple[str, str]]:
    return [(f.pointer, nfc(f.message)) for f in run(case, **options).findings
            if f.rule == CONSISTENCY_RULE]


# The ministry case of 2024 (NĐ 138 as amended by NĐ 116, QĐ 80) and the same case
# moved back to 2015, before any encoded regime: the checks need no law.
ERAS = [pytest.param(0, id="2024"), pytest.param(-3650, id="2015-not-covered")]


def bcs_case(days: int) -> dict[str, Any]:
    data: dict[str, Any] = shift_dates(example("2024-ministry-bcs-era"), days)
    return data


@pytest.mark.parametrize("name", sorted(p.stem for p in EXAMPLES.glob("*.json")))
def test_no_bundled_example_contradicts_itself(name: str) -> None:
    assert consistency(example(name)) == []


def earliest_act(case: dict[str, Any]) -> tuple[str, str]:
    from checker.consistency import dates
    model = validate_case(case)
    day, pointer = min((d, p) for p, d in dates(model) if not p.endswith("/birth_date"))
    return day.isoformat(), pointer


@pytest.mark.parametrize("days", ERAS)
def test_born_after_an_act_is_one_error_at_the_birth_date(days: int) -> None:
    case = bcs_case(days)
    case["candidate"]["birth_date"] = case["decision"]["document"]["date"][:4] + "-12-31"
    first, where = earliest_act(case)
    report = run(case, lang="en")
    (f,) = [f for f in report.findings if f.rule == CONSISTENCY_RULE]
    assert (f.pointer, f.severity, f.kind) == ("/candidate/birth_date", Severity.ERROR,
                                               Kind.INPUT)
    assert f.position is not None and f.position.line > 1
    assert first in f.message and where in f.message  # the most plainly impossible


def test_born_on_the_day_of_the_earliest_act_is_no_contradiction() -> None:
    case = bcs_case(0)
    first, _ = earliest_act(case)
    case["candidate"]["birth_date"] = first
    assert consistency(case) == []
    case["candidate"]["birth_date"] = shift_dates({"d": first}, 1)["d"]
    assert [p for p, _ in consistency(case)] == ["/candidate/birth_date"]


def test_a_legal_basis_older_than_the_candidate_is_not_an_act_of_the_case() -> None:
    case = example("clean")
    case["candidate"]["birth_date"] = "1978-03-14"
    case["post"]["managing_basis"] = {"number": "12/QĐ-TTg", "date": "1970-01-01"}
    assert consistency(case) == []


@pytest.mark.parametrize("days", ERAS)
def test_a_decision_before_the_policy_is_an_error_at_the_decision(days: int) -> None:
    case = bcs_case(days)
    case["policy"]["approval"]["date"] = case["decision"]["document"]["date"]
    assert consistency(case) == []  # the same day is possible
    case["decision"]["document"]["date"] = shift_dates(
        {"d": case["policy"]["approval"]["date"]}, -1)["d"]
    found = consistency(case)
    assert [p for p, _ in found].count("/decision/document/date") >= 1
    assert any("/policy/approval/date" in m for _, m in found)


@pytest.mark.parametrize("days", ERAS)
def test_a_decision_before_its_steps_names_the_latest_step(days: int) -> None:
    case = bcs_case(days)
    last = case["steps"][-1]["date"]
    case["decision"]["document"]["date"] = shift_dates({"d": last}, -1)["d"]
    found = [(p, m) for p, m in consistency(case) if "/steps/" in m]
    assert [p for p, _ in found] == ["/decision/document/date"]
    assert f"/steps/{len(case['steps']) - 1}/date" in found[0][1]


@pytest.mark.parametrize("days", ERAS)
def test_a_decision_before_the_political_conclusion(days: int) -> None:
    case = bcs_case(days)
    case["political_standard_conclusion"]["document"]["date"] = shift_dates(
        {"d": case["decision"]["document"]["date"]}, 1)["d"]
    report = run(case, lang="en")
    at = [f for f in report.findings if f.pointer == "/decision/document/date"
          and f.severity is Severity.ERROR]
    own = [f for f in at if f.rule == CONSISTENCY_RULE]
    # an error at the decision date either way; said once, by a rule if one says it
    assert at
    assert len(own) == (1 if len(at) == 1 else 0)
    if own:
        assert "political standards" in own[0].message


@pytest.mark.parametrize("days", ERAS)
def test_a_dossier_filed_after_the_decision(days: int) -> None:
    case = bcs_case(days)
    case["dossier"]["submitted_on"] = case["decision"]["document"]["date"]
    assert consistency(case) == []
    case["dossier"]["submitted_on"] = shift_dates(
        {"d": case["decision"]["document"]["date"]}, 1)["d"]
    assert [p for p, _ in consistency(case)] == ["/dossier/submitted_on"]


@pytest.mark.parametrize("days", ERAS)
def test_more_present_than_summoned_at_any_step(days: int) -> None:
    case = bcs_case(days)
    for i, step in enumerate(case["steps"]):
        step["summoned"], step["present"] = 9, 9
        assert f"/steps/{i}/present" not in [p for p, _ in consistency(case)]
        step["present"] = 10
        assert f"/steps/{i}/present" in [p for p, _ in consistency(case)] or any(
            f.pointer == f"/steps/{i}/present" and f.severity is Severity.ERROR
            for f in run(case).findings)
        step["present"] = 9


def test_more_members_present_than_the_ban_can_su_dang_has() -> None:
    case = bcs_case(-3650)
    case["bcs"]["meetings"][0]["present"] = 8
    assert [p for p, _ in consistency(case)] == ["/bcs/meetings/0/present"]


def test_messages_are_whole_sentences_in_one_language() -> None:
    case = bcs_case(-3650)
    case["candidate"]["birth_date"] = "2030-01-01"
    case["bcs"]["meetings"][0]["present"] = 8
    case["dossier"]["submitted_on"] = "2030-01-01"
    vi = consistency(case)
    en = consistency(case, lang="en")
    assert len(vi) == len(en) == 3
    assert all(m.endswith(".") and "{" not in m for _, m in vi + en)
    assert all("Hãy kiểm tra" in m or "kiểm tra lại" in m for _, m in vi)
    assert all("check" in m.lower() for _, m in en)


def test_a_rule_error_at_the_same_place_stands_for_it_unless_waived() -> None:
    case = bcs_case(-3650)
    case["dossier"]["submitted_on"] = "2030-01-01"
    doc = load("case.json", __import__("_support").encode(case), "vi")
    assert not isinstance(doc, Finding)
    model = validate_case(doc.data)
    other = Finding(rule="X", severity=Severity.ERROR, kind=Kind.VIOLATION, message="m.",
                    pointer="/dossier/submitted_on")
    assert [f.pointer for f in check(doc, model, "vi")] == ["/dossier/submitted_on"]
    assert check(doc, model, "vi", [other]) == []
    warning = Finding(rule="X", severity=Severity.WARNING, kind=Kind.VIOLATION,
                      message="m.", pointer="/dossier/submitted_on")
    assert len(check(doc, model, "vi", [warning])) == 1
    waived = Finding(rule="X", severity=Severity.ERROR, kind=Kind.VIOLATION, message="m.",
                     pointer="/dossier/submitted_on",
                     waived=Waived(waiver=0, authority="1/QĐ-BTC", authority_date="2015-01-01",
                                    approved_by="B", reason="r", expires=None, note="n."))
    assert len(check(doc, model, "vi", [waived])) == 1


def test_a_contradiction_cannot_be_waived() -> None:
    case = bcs_case(-3650)
    case["dossier"]["submitted_on"] = "2030-01-01"
    case["waivers"] = [{"rule": "CONSISTENCY", "approved_by": "Bộ trưởng",
                        "reason": "Ngày nộp ghi nhầm.",
                        "authority": {"number": "12/QĐ-BTP", "date": "2014-12-01"}}]
    report = run(case)
    assert [f.waived for f in report.findings if f.rule == CONSISTENCY_RULE] == [None]
    assert any(f.rule == "WAIVER" for f in report.findings)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")) + sorted(
    (EXAMPLES.parent).rglob("*.json")), ids=lambda p: p.name)
def test_the_light_case_has_the_dates_the_model_has(path: Any) -> None:
    """consistency.dates skips the light classes' scalar fields by their written types;
    the pydantic model's fields are all walked: both find the same dates."""
    import json

    from checker.consistency import dates
    from checker.light import Drift, build_case
    from checker.model import validate_case as model_case

    try:
        data = json.loads(path.read_bytes())
        model = model_case(data)
        light = build_case(data)
    except (ValueError, Drift, TypeError, AttributeError):
        pytest.skip("not a case both read")
    assert list(dates(light)) == list(dates(model))


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.name)
def test_the_quick_look_for_an_early_date_agrees_with_the_walk(path: Any) -> None:
    """_any_before (no pointers) says what dates() says, just below, at and above the
    earliest date, and at the birth date."""
    import datetime as dt
    import json

    from checker.consistency import _any_before, dates
    from checker.light import build_case

    case = build_case(json.loads(path.read_bytes()))
    days = [d for _, d in dates(case)]
    first = min(days)
    for day in (first, first + dt.timedelta(days=1), first - dt.timedelta(days=1),
                case.subject.birth_date, max(days) + dt.timedelta(days=1)):
        assert _any_before(case, day) == any(d < day for d in days), day
