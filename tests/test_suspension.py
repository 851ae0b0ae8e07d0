"""Suspension (tạm đình chỉ công tác): NĐ 170/2025 Điều 56 as first issued and as amended
by NĐ 300/2026 Điều 26, Luật 80/2025 Điều 5 k13 and Điều 39. The predicate kinds added
for it, its case shape, and (fixtures/cases/) every rule's passing, failing and boundary
cases."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from _support import example
from pydantic import ValidationError

from checker.model import SuspensionCase, validate_case
from checker.report import Kind
from checker.rules.predicates import Ctx, Hit
from checker.rules.predicates.items import ItemsDateOrder, items_date_order
from checker.rules.predicates.timing import WorkingDaysTotal, working_days_total
from checker.rules.predicates.values import UndecidedWithout, undecided_without

# Predicates read the case's data; the typed case is not used by these kinds.
_ANY_CASE = validate_case(example("clean"))


def hits(pred: Any, params: Any, data: dict[str, Any]) -> list[Hit]:
    return list(pred(params, Ctx(_ANY_CASE, data, None)))


# ---------------------------------------------------------------- working_days_total
def total(data: dict[str, Any], **params: Any) -> list[tuple[str, str, dict[str, Any], Kind]]:
    p = WorkingDaysTotal(kind="working_days_total", **params)
    return [(h.pointer, h.message, h.values, h.kind) for h in hits(working_days_total, p, data)]


@pytest.mark.parametrize(("days", "over"), [(29, False), (30, False), (31, True)])
def test_a_stated_number_of_working_days_is_compared_with_the_cap(days: int, over: bool
                                                                 ) -> None:
    data = {"decision": {"period": {"working_days": days}}}
    found = total(data, periods=["/decision/period"], max=30)
    assert found == ([("/decision/period", "default", {"total": days, "max": 30},
                       Kind.VIOLATION)] if over else [])


@pytest.mark.parametrize(("end", "days"), [
    ("2025-10-31", 15),  # three whole weeks, Monday 13 to Friday 31 October 2025
    ("2025-11-03", 16),  # and the Monday after
    ("2025-11-02", 15),  # a Sunday adds nothing
])
def test_a_period_of_dates_counts_its_working_days_both_ends_included(end: str, days: int
                                                                      ) -> None:
    data = {"p": {"start": "2025-10-13", "end": end}}
    assert total(data, periods=["/p"], max=days) == []
    assert total(data, periods=["/p"], max=days - 1) == [
        ("/p", "default", {"total": days, "max": days - 1}, Kind.VIOLATION)]


def test_public_holidays_are_not_working_days() -> None:
    # 2026-08-31 (day off in exchange), 09-01 and 09-02 (National Day) are holidays;
    # Saturday 2026-08-22 is worked in exchange.
    data = {"p": {"start": "2026-08-21", "end": "2026-09-04"}}
    # 21, 22 (Sat worked), 24-28 (5), 03, 04: 9 working days
    assert total(data, periods=["/p"], max=9) == []
    assert total(data, periods=["/p"], max=8)[0][2] == {"total": 9, "max": 8}


def test_extensions_are_added_up_and_the_one_that_crosses_the_cap_is_named() -> None:
    data = {"extensions": [{"period": {"working_days": 10}}, {"period": {"working_days": 6}},
                           {"period": {"working_days": 5}}]}
    assert total(data, periods=["/extensions"], max=15) == [
        ("/extensions/1/period", "default", {"total": 21, "max": 15}, Kind.VIOLATION)]
    assert total(data, periods=["/extensions"], max=21) == []


def test_the_cap_read_from_the_case_and_cannot_decide_without_it() -> None:
    data: dict[str, Any] = {"decision": {"period": {"working_days": 30}},
                            "extensions": [{"period": {"working_days": 16}}],
                            "ground": {"request": {}}}
    params = {"periods": ["/decision/period", "/extensions"],
              "max_at": "/ground/request/working_days"}
    assert total(data, **params) == [
        ("/ground/request", "unknown", {"total": 46}, Kind.UNDECIDABLE)]
    data["ground"]["request"]["working_days"] = 46
    assert total(data, **params) == []
    data["ground"]["request"]["working_days"] = 45
    assert total(data, **params) == [
        ("/extensions/0/period", "default", {"total": 46, "max": 45}, Kind.VIOLATION)]


def test_no_period_recorded_says_nothing() -> None:
    assert total({}, periods=["/decision/period", "/extensions"], max_at="/x") == []


def test_a_period_at_the_ends_of_the_calendar_is_counted_only_as_far_as_needed() -> None:
    data = {"p": {"start": "0001-01-01", "end": "9999-12-31"}}
    (found,) = total(data, periods=["/p"], max=30)
    assert found[1] == "default" and found[2]["total"] == 31


def test_exactly_one_cap_is_given() -> None:
    with pytest.raises(ValidationError):
        WorkingDaysTotal(kind="working_days_total", periods=["/p"])
    with pytest.raises(ValidationError):
        WorkingDaysTotal(kind="working_days_total", periods=["/p"], max=1, max_at="/m")


# ---------------------------------------------------------------- items_date_order
def order(items: list[dict[str, Any]], required: bool = True) -> list[tuple[str, str, Any]]:
    p = ItemsDateOrder(kind="items_date_order", at="/extensions", first="/report/date",
                       then="/document/date", required=required)
    return [(h.pointer, h.message, h.values) for h in hits(items_date_order, p,
                                                            {"extensions": items})]


def ext(decided: str, reported: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {"document": {"date": decided}}
    if reported is not None:
        out["report"] = {"date": reported}
    return out


def test_a_report_on_or_before_the_extension_passes() -> None:
    assert order([ext("2026-10-21", "2026-10-19"), ext("2026-11-20", "2026-11-20")]) == []


def test_a_report_after_the_extension_is_named() -> None:
    assert order([ext("2026-10-21", "2026-10-19"), ext("2026-11-20", "2026-11-21")]) == [
        ("/extensions/1/report/date", "default",
         {"first_date": dt.date(2026, 11, 21), "then_date": dt.date(2026, 11, 20)})]


def test_a_missing_report_is_reported_only_when_required() -> None:
    assert order([ext("2026-10-21", None)]) == [
        ("/extensions/0", "missing", {"then_date": dt.date(2026, 10, 21)})]
    assert order([ext("2026-10-21", None)], required=False) == []


# ---------------------------------------------------------------- undecided_without
def test_undecided_without_any_of_its_dates() -> None:
    p = UndecidedWithout(kind="undecided_without", any_of=["/ground/established_on",
                                                           "/ground/document/date"],
                         at="/ground")
    (h,) = hits(undecided_without, p, {"ground": {"kind": "ethics"}})
    assert (h.pointer, h.message, h.kind) == ("/ground", "unknown", Kind.UNDECIDABLE)
    assert hits(undecided_without, p, {"ground": {"document": {"date": "2026-09-01"}}}) == []
    (h,) = hits(undecided_without, p, {})
    assert h.pointer == ""  # the nearest place the case holds


# ---------------------------------------------------------------- the case shape
BASE: dict[str, Any] = {
    "case_id": "TĐC-1", "procedure": "suspension",
    "unit": {"name": "Phòng Một cửa"},
    "person": {"full_name": "Trần Minh Tuấn", "birth_date": "1986-11-02", "sex": "male",
               "employer": "Sở Xây dựng tỉnh Quảng Trị"},
    "ground": {"kind": "harassment"},
}


def test_the_smallest_suspension_case_validates() -> None:
    case = validate_case(BASE)
    assert isinstance(case, SuspensionCase)
    assert case.post is None and case.extensions == [] and case.subject is case.person


@pytest.mark.parametrize("period", [{}, {"start": "2026-09-10"}, {"end": "2026-09-10"}])
def test_a_period_states_its_working_days_or_both_ends(period: dict[str, Any]) -> None:
    data = {**BASE, "decision": {"body": "Sở", "signatory": "A", "signed_as": "head",
                                 "document": {"number": "1/QĐ-SXD", "date": "2026-09-09"},
                                 "period": period}}
    with pytest.raises(ValidationError):
        SuspensionCase.model_validate(data)


def test_an_extension_must_say_whether_the_case_is_complex() -> None:
    data = {**BASE, "extensions": [{"document": {"number": "2/QĐ-SXD", "date": "2026-10-01"},
                                    "period": {"working_days": 5}}]}
    with pytest.raises(ValidationError, match="complex_case"):
        SuspensionCase.model_validate(data)


def test_its_acts_are_the_steps_before_the_decision() -> None:
    data = {**BASE, "ground": {"kind": "request", "established_on": "2026-09-08",
                               "request": {"document": {"number": "1/TTT-NV"},
                                           "issuer_kind": "inspection",
                                           "received_on": "2026-09-07"}},
            "proposal": {"document": {"number": "2/TTr-VP", "date": "2026-09-09"},
                         "personnel_unit": True, "received_on": "2026-09-10"}}
    assert SuspensionCase.model_validate(data).acts() == [
        (dt.date(2026, 9, 8), "/ground/established_on"),
        (dt.date(2026, 9, 7), "/ground/request/received_on"),
        (dt.date(2026, 9, 9), "/proposal/document/date"),
        (dt.date(2026, 9, 10), "/proposal/received_on"),
    ]


# ---------------------------------------------------------------- whole cases
def state(report: Any) -> list[tuple[str, str, str]]:
    return sorted((f.rule, str(f.kind), f.pointer) for f in report.findings
                  if f.layer != "party")


@pytest.mark.parametrize("name", ["2025-suspension", "2026-suspension"])
def test_clean_examples_are_clean_and_say_the_party_layer_is_not_covered(name: str) -> None:
    from _support import run

    report = run(example(name))
    assert state(report) == []
    # The only finding: HD 45 gives nothing checkable on suspension, so the Party layer is
    # not covered, and the report says so rather than pass it in silence.
    assert [(f.rule, f.layer, str(f.kind)) for f in report.findings] == [
        ("COVERAGE", "party", "not_covered")]
    assert report.procedure == "suspension"


def test_each_regime_is_chosen_by_the_day_the_procedure_began() -> None:
    from _support import run

    assert [a.source for a in run(example("2025-suspension")).applied] == ["nd-170-2025"]
    assert [a.source for a in run(example("2026-suspension")).applied] == ["nd-300-2026"]


def test_a_suspension_begun_before_nd_300_stays_under_the_first_issued_text() -> None:
    """NĐ 300 Điều 35 k2: the request received and the proposal made in July 2026, the
    decision on 2026-08-03: judged under NĐ 170 as first issued (2 working days for the
    decision, so 2026-08-03 after a proposal received on Thursday 2026-07-30 is on time;
    under the amended 1 working day it would be late)."""
    from _support import run

    data = example("2026-suspension")
    data["ground"]["request"]["received_on"] = "2026-07-29"
    data["proposal"]["document"]["date"] = "2026-07-30"
    data["proposal"]["received_on"] = "2026-07-30"
    data["decision"]["document"]["date"] = "2026-08-03"
    report = run(data)
    assert [a.source for a in report.applied] == ["nd-170-2025"]
    assert "SUSP-DECISION-DEADLINE" not in {f.rule for f in report.findings}
    # under the first-issued text, a request is judged by its own period only
    assert "SUSP-EXTENSION-REPORT" not in {f.rule for f in report.findings}


def test_the_violations_example_names_each_breach() -> None:
    from _support import run

    assert state(run(example("2026-suspension-violations"))) == [
        ("SUSP-AUTHORITY", "violation", "/decision/body"),
        ("SUSP-DECISION-DEADLINE", "violation", "/decision/document/date"),
        ("SUSP-EXTENSION-COMPLEX", "violation", "/extensions/0/complex_case"),
        ("SUSP-EXTENSION-MAX", "violation", "/extensions/0/period"),
        ("SUSP-EXTENSION-REPORT", "violation", "/extensions/0/report/date"),
        ("SUSP-GROUND-PARTY-FORM", "violation", "/ground/party_discipline/form"),
        ("SUSP-PERIOD-MAX", "violation", "/decision/period"),
        ("SUSP-PROPOSAL-DEADLINE", "violation", "/proposal/document/date"),
        ("SUSP-SENT-TO-PERSON", "violation", "/decision/publication"),
        ("SUSP-SIGNED-BY-HEAD", "violation", "/decision/signed_as"),
    ]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_one_run_speaks_one_language_in_whole_sentences(lang: str) -> None:
    from _support import is_sentence, run

    report = run(example("2026-suspension-violations"), lang=lang)
    vietnamese = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịỉĩọỏốồổỗộớờởỡợụủứừửữựỳỷỹý")
    for f in report.findings:
        assert is_sentence(f.message), f.message
        has_vi = bool(set(f.message.lower()) & vietnamese)
        # English messages quote Vietnamese names of bodies, never Vietnamese sentences
        assert has_vi if lang == "vi" else not has_vi or '"' in f.message, f.message


def test_the_same_input_gives_the_same_bytes() -> None:
    import json

    from _support import run

    from checker.report import Report
    from checker.reporters.json import document

    def rendered() -> bytes:
        report = Report(files=(run(example("2026-suspension-violations")),))
        return json.dumps(document(report), ensure_ascii=False, sort_keys=False).encode()

    first = rendered()
    assert b"SUSP-PERIOD-MAX" in first
    assert rendered() == first


def test_no_hiep_y_for_a_suspension_at_a_vertical_line_provincial_branch() -> None:
    """HD 45 §III.4 lists đánh giá, nhận xét, bổ nhiệm, bổ nhiệm lại, giới thiệu ứng cử,
    tái cử, khen thưởng, kỷ luật, chế độ, chính sách: not suspension."""
    from _support import run

    data = example("2026-suspension")
    data["unit"].update(vertical_line=True, kind="provincial_branch")
    data["post"]["is_head_of_unit"] = True
    report = run(data)
    assert not [f for f in report.findings if f.rule.startswith("HIEPY")]
    assert state(report) == []


def test_a_suspended_person_cannot_be_appointed_is_already_checked_by_the_appointment_packs(
) -> None:
    """NĐ 170 Điều 29 k9 d as amended ("đang bị tạm đình chỉ công tác") is APPT-PENDING-
    MATTERS, and Điều 36 k3 a REAPPT-DEFERRAL-PENDING, on candidate.proceedings; the
    suspension packs do not repeat them."""
    from _support import CASES

    from checker.pipeline import check_bytes
    from checker.rules.engine import Options
    from checker.rules.pack import builtin_packs

    for rule, name in (("APPT-PENDING-MATTERS", "temporarily-suspended-from-work"),
                       ("REAPPT-DEFERRAL-PENDING", "extension-decided-while-suspended-from-work")):
        path = CASES / "invalid" / rule / f"{name}.json"
        report = check_bytes(path.name, path.read_bytes(), builtin_packs(), Options())
        assert rule in {f.rule for f in report.findings}
    suspension_rules = {r.id for p in builtin_packs() for r in p.rules
                        if "suspension" in r.procedures}
    assert not {"APPT-PENDING-MATTERS", "REAPPT-DEFERRAL-PENDING"} & suspension_rules


@pytest.mark.parametrize(("change", "pointer"), [
    (lambda d: d["decision"].update(period={"start": "2026-09-10"}), "/decision/period"),
    (lambda d: d["ground"].update(kind="gossip"), "/ground/kind"),
    (lambda d: d["extensions"][0].pop("complex_case"), "/extensions/0"),
])
def test_bad_input_is_a_finding_at_its_place_not_a_traceback(change: Any, pointer: str
                                                              ) -> None:
    from _support import run

    data = example("2026-suspension")
    change(data)
    report = run(data)
    assert report.findings and all(f.rule == "SCHEMA" for f in report.findings)
    assert any(f.pointer.startswith(pointer) for f in report.findings), report.findings
    assert all(f.position is not None for f in report.findings)


def test_a_decision_still_awaited_is_late_once_today_is_past_its_day() -> None:
    from _support import run

    data = example("2026-suspension")
    for key in ("decision", "extensions", "revocation"):
        data.pop(key)
    # proposal received on Tuesday 2026-09-08: the decision was due by Wednesday 09-09
    assert state(run(data, today=dt.date(2026, 9, 9))) == []
    late = [f for f in run(data, today=dt.date(2026, 9, 10)).findings if f.layer == "state"]
    assert [(f.rule, f.pointer) for f in late] == [
        ("SUSP-DECISION-DEADLINE", "/proposal/received_on")]
    assert "09/09/2026" in late[0].message and "10/09/2026" in late[0].message


@pytest.mark.parametrize(("lang", "said"), [
    ("vi", 'Thiếu trường: cần ghi "working_days", hoặc "start" và "end".'),
    ("en", 'Fields missing: give "working_days", or "start" and "end".'),
])
def test_a_period_without_its_length_says_which_fields_to_give(lang: str, said: str) -> None:
    from _support import run

    data = example("2026-suspension")
    data["decision"]["period"] = {"start": "2026-09-10"}
    assert [(f.pointer, f.message) for f in run(data, lang=lang).findings] == [
        ("/decision/period", said)]
