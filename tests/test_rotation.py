"""Rotation (luân chuyển): NĐ 170/2025 Điều 42-49, the dossier of Điều 35 as first issued
and as amended by NĐ 300/2026 Điều 15; Luật 80/2025 Điều 5 k9, Điều 30 k2, Điều 38 k2.

Every case is built from a bundled example with a small change: the NĐ 300 example
(fixtures/examples/2026-rotation.json, decided on 25/09/2026, begun on 03/08/2026) and
the NĐ 170 one (2025-rotation.json, decided on 03/11/2025). fixtures/cases/*/ROTATION-*
hold each rule's passing, failing and boundary cases (tests/test_fixtures.py runs them);
this file checks the examples, the choice of the law, the readings the law leaves open,
the new predicate kinds and the messages.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from _support import (
    LANGS,
    VIETNAMESE_ONLY,
    Change,
    both,
    case,
    encode,
    example,
    is_sentence,
    of,
    run,
    setter,
    verdict,
)

from checker.report import Kind, Severity

B = "2026-rotation"  # begun and decided under NĐ 170 as amended by NĐ 300
A = "2025-rotation"  # NĐ 170 as first issued
VIOLATIONS = "2026-rotation-violations"



def drop_item(kind: str) -> Change:
    def change(data: dict[str, Any]) -> None:
        data["dossier"]["items"] = [i for i in data["dossier"]["items"] if i["kind"] != kind]
    return change


# ---------------------------------------------------------------- the examples
@pytest.mark.parametrize(("name", "source"), [(B, "nd-300-2026"), (A, "nd-170-2025")])
def test_the_clean_examples_leave_only_the_party_layer_notice(name: str, source: str) -> None:
    report = run(example(name))
    assert [(f.rule, f.severity, f.kind, f.layer) for f in report.findings] == [
        ("COVERAGE", Severity.WARNING, Kind.NOT_COVERED, "party")]
    assert [a.source for a in report.applied] == [source]
    assert {"ROTATION-LEADER", "ROTATION-PLAN", "ROTATION-STEPS", "ROTATION-STEP-ORDER",
            "ROTATION-MEETING", "ROTATION-DURATION", "ROTATION-DOSSIER", "ROTATION-HEALTH",
            "ROTATION-AUTHORITY", "ROTATION-DISCIPLINE"} <= set(report.rules_run)


def test_the_violations_example_reports_each_violation() -> None:
    report = run(example(VIOLATIONS))
    rules = {f.rule for f in report.findings if f.kind is Kind.VIOLATION}
    assert rules == {
        "ROTATION-DISCIPLINE", "ROTATION-PLAN-CONTENTS", "ROTATION-STEPS",
        "ROTATION-STEP-ORDER", "ROTATION-MEETING", "ROTATION-DURATION", "ROTATION-AUTHORITY",
        "ROTATION-DOSSIER", "ROTATION-DOSSIER-FRESH"}
    assert all(f.severity is Severity.ERROR for f in report.findings
               if f.kind is Kind.VIOLATION)
    [health] = of(report, "ROTATION-HEALTH")  # the law leaves "6 months" open: a warning
    assert (health.kind, health.severity) == (Kind.UNDECIDABLE, Severity.WARNING)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", [A, B, VIOLATIONS])
def test_every_message_is_a_whole_sentence_in_one_language(name: str, lang: str) -> None:
    report = run(example(name), lang=lang)
    for f in report.findings:
        assert is_sentence(f.message), f.message
        if lang == "en":  # names quoted from the case (a body's name) stay as written
            text = re.sub(r'"[^"]*"', "", f.message)
            assert not any(ch in text for ch in VIETNAMESE_ONLY), f.message


def test_the_same_case_gives_the_same_bytes() -> None:
    from checker.report import Report
    from checker.reporters.json import document
    one = encode(document(Report(files=(run(example(VIOLATIONS)),))))
    two = encode(document(Report(files=(run(example(VIOLATIONS)),))))
    assert one == two


def test_the_acts_are_the_dated_steps() -> None:
    from checker.model import RotationCase, validate_case
    shaped = validate_case(example(B))
    assert isinstance(shaped, RotationCase)
    acts = shaped.acts()
    assert min(acts)[1] == "/steps/policy_proposal/date"
    assert ("/steps/political_conclusion/document/date" in {p for _, p in acts})
    assert len(acts) == 8


def test_a_bad_basis_is_a_schema_finding_at_its_place() -> None:
    report = run(case(B, setter("basis", "planing")), lang="en")
    [f] = [f for f in report.findings if f.rule == "SCHEMA"]
    assert f.pointer == "/basis" and "planning" in f.message


# ---------------------------------------------------------------- which law
def straddling(step1: str) -> Change:
    """The NĐ 170 example moved to July-September 2026: step 1 on `step1`, everything
    else from 01/08/2026 on."""
    def change(data: dict[str, Any]) -> None:
        days = {"policy_proposal": step1, "nomination_notice": "2026-08-03",
                "proposals_review": "2026-08-10", "evaluation_request": "2026-08-11",
                "appraisal_request": "2026-08-24", "meeting_with_person": "2026-08-26",
                "submitted_for_decision": "2026-09-01"}
        for step, day in days.items():
            data["steps"][step]["date"] = day
        data["steps"]["political_conclusion"]["document"]["date"] = "2026-08-20"
        data["plan"]["approval"]["date"] = step1
        data["dossier"]["submitted_on"] = "2026-09-01"
        for it in data["dossier"]["items"]:
            if "date" in it["document"]:
                it["document"]["date"] = "2026-08-28"
        data["dossier"]["items"][0]["document"]["date"] = "2026-09-01"
        data["decision"]["document"]["date"] = "2026-09-07"
        data["decision"]["effective_date"] = "2026-09-15"
        data["period"] = {"start": "2026-09-15", "planned_end": "2029-09-15"}
    return change


def test_a_rotation_begun_by_2026_07_31_keeps_the_first_issued_dossier() -> None:
    """NĐ 300 Điều 35 k2: begun (step 1) on 31/07/2026, decided on 07/09/2026, the whole
    rotation is judged under NĐ 170 as first issued: the dossier of Điều 35 as it was
    (no separate party-cell evaluation; the assets declaration is still required)."""
    data = case(A, both(straddling("2026-07-31"), drop_item("asset_declaration")))
    report = run(data, lang="en")
    assert [a.source for a in report.applied] == ["nd-170-2025"]
    [f] = of(report, "ROTATION-DOSSIER")
    assert f.rule_version == 1 and "asset" in f.message
    assert "ROTATION-DOSSIER-FRESH" not in report.rules_run  # the amended text's rule


def test_a_rotation_begun_on_2026_08_01_takes_the_amended_dossier() -> None:
    data = case(A, straddling("2026-08-01"))
    report = run(data, lang="en")
    assert [a.source for a in report.applied] == ["nd-300-2026"]
    [f] = of(report, "ROTATION-DOSSIER")
    assert f.rule_version == 2
    assert "party cell" in f.message  # NĐ 300's separate item 4, absent from A's dossier
    assert "ROTATION-DOSSIER-FRESH" in report.rules_run


# ---------------------------------------------------------------- hiệp y: not for rotation
def test_a_rotation_at_a_vertical_line_provincial_branch_gets_no_hiep_y_finding() -> None:
    """HD 45-HD/BTCTW mục III.4 lists đánh giá, bổ nhiệm, bổ nhiệm lại, giới thiệu ứng cử,
    khen thưởng, kỷ luật, chế độ chính sách: not luân chuyển. The example is a deputy head
    of a provincial branch of a vertical line, decided after 08/10/2025, with no exchange
    with the provincial standing committee."""
    data = example(B)
    assert data["unit"]["kind"] == "provincial_branch" and data["unit"]["vertical_line"]
    assert data["post"]["is_deputy_head"] and data.get("consultations", []) == []
    report = run(data)
    assert not [f for f in report.findings if f.rule.startswith("HIEPY")]
    assert not [r for r in report.rules_run if r.startswith("HIEPY")]


def test_the_same_post_by_appointment_would_need_hiep_y() -> None:
    """The contrast: the provincial-branch appointment example without its hiệp y is
    flagged, so the silence above is the list's, not a blind spot."""
    data = example("2026-provincial-branch-hiep-y")
    data["consultations"] = [c for c in data["consultations"] if c["kind"] != "hiep_y"]
    assert of(run(data), "HIEPY-REQUIRED")


# ---------------------------------------------------------------- readings left open
@pytest.mark.parametrize(("retirement", "expect"), [
    ("2036-09-24", "violation"),    # short from the decision (25/09/2026) and the start
    ("2036-09-30", "undecidable"),  # 120 months from the decision, 119 from the start
    ("2036-10-01", "pass"),         # 120 months from both
])
def test_the_time_of_rotation_is_read_both_ways(retirement: str, expect: str) -> None:
    """LC-1: "tính từ thời điểm luân chuyển" may be the decision or the first day at the
    receiving unit (01/10/2026)."""
    assert verdict(B, "ROTATION-SERVICE", setter("person/retirement_date", retirement)) == expect


def test_the_start_alone_decides_while_the_rotation_is_undecided() -> None:
    change = both(setter("decision", None), setter("person/retirement_date", "2036-09-30"))
    assert verdict(B, "ROTATION-SERVICE", change) == "violation"


def test_a_special_case_decision_covers_a_short_service() -> None:
    change = both(setter("person/retirement_date", "2030-01-01"),
                  setter("service_exception", {"number": "2001/QĐ-BTC", "date": "2026-09-24"}))
    assert verdict(B, "ROTATION-SERVICE", change) == "pass"


def test_points_b_and_c_need_a_full_term_not_ten_years() -> None:
    non_local = both(setter("basis", "non_local"),
                     setter("basis_rule", {"title": "Quy định không bố trí người địa phương"}),
                     setter("person/retirement_date", "2032-01-01"))
    assert verdict(B, "ROTATION-SERVICE-TERM", non_local) == "pass"
    report = run(case(B, non_local))
    assert "ROTATION-SERVICE" not in report.rules_run


@pytest.mark.parametrize(("issued", "expect"), [
    ("2025-05-04", "pass"), ("2025-05-03", "pass"), ("2025-05-02", "undecidable")])
def test_the_health_certificate_six_months_before_the_decision(issued: str, expect: str) -> None:
    """LC-2: Điều 43 k5 says "trong thời hạn 06 tháng" without saying before what: within
    six months of the decision (03/11/2025) is fine on every reading, older cannot be
    decided."""
    def change(data: dict[str, Any]) -> None:
        for it in data["dossier"]["items"]:
            if it["kind"] == "health_certificate":
                it["document"]["date"] = issued
    assert verdict(A, "ROTATION-HEALTH", change) == expect


def test_planning_for_points_b_and_c_cannot_be_decided_without_planning() -> None:
    """Luật 80 Điều 30 k2 bases rotation on approved planning; NĐ 170 Điều 42 k1 b, c do
    not say those rotated under them must be in it."""
    assert verdict(A, "ROTATION-PLANNING-LAW", setter("planning", None)) == "undecidable"
    assert verdict(A, "ROTATION-PLANNING-LAW") == "pass"


# ---------------------------------------------------------------- steps and order
def test_the_meeting_after_the_decision_is_out_of_order_and_late() -> None:
    report = run(case(B, setter("steps/meeting_with_person/date", "2026-09-28")))
    assert [f.pointer for f in of(report, "ROTATION-MEETING")] == [
        "/steps/meeting_with_person/date"]
    assert {f.pointer for f in of(report, "ROTATION-STEP-ORDER")} == {
        "/steps/submitted_for_decision/date", "/decision/document/date"}


def test_the_acts_of_one_step_come_in_any_order_but_not_before_the_step_before() -> None:
    # step 4 b before 4 a: fine
    change = setter("steps/meeting_with_person/date", "2026-09-14")
    assert verdict(B, "ROTATION-STEP-ORDER", change) == "pass"
    # step 4 b before the political conclusion of step 3 b: not fine
    change = setter("steps/meeting_with_person/date", "2026-09-09")
    report = run(case(B, change), lang="en")
    [f] = of(report, "ROTATION-STEP-ORDER")
    assert f.pointer == "/steps/meeting_with_person/date"
    assert "conclusion on political standards" in f.message and "2026-09-10" in f.message


def test_everything_on_the_decision_day_is_in_order() -> None:
    def change(data: dict[str, Any]) -> None:
        for step in ("appraisal_request", "meeting_with_person", "submitted_for_decision"):
            data["steps"][step]["date"] = "2026-09-25"
    assert verdict(B, "ROTATION-STEP-ORDER", change) == "pass"
    assert verdict(B, "ROTATION-MEETING", change) == "pass"


def test_the_steps_name_what_is_missing() -> None:
    report = run(case(B, setter("steps/nomination_notice", None)), lang="vi")
    [f] = of(report, "ROTATION-STEPS")
    assert "bước 2" in f.message and f.pointer == "/steps"


# ---------------------------------------------------------------- period
@pytest.mark.parametrize(("end", "expect"), [
    ("2029-09-30", "violation"), ("2029-10-01", "pass"), ("2029-10-02", "pass")])
def test_at_least_36_months_from_the_start(end: str, expect: str) -> None:
    assert verdict(B, "ROTATION-DURATION", setter("period/planned_end", end)) == expect


def test_the_actual_end_is_judged_once_recorded() -> None:
    review = {"self_assessment": {"title": "Bản tự kiểm điểm", "date": "2028-05-20"},
              "receiving_unit": {"title": "Nhận xét của nơi đến", "date": "2028-05-25"},
              "competent_level": {"title": "Nhận xét của lãnh đạo Bộ", "date": "2028-05-28"}}
    ended = both(setter("period/ended_on", "2028-06-01"), setter("end_review", review))
    assert verdict(B, "ROTATION-DURATION", ended) == "violation"
    special = both(ended, setter("period/special_case", {"number": "12/QĐ-BTC",
                                                         "date": "2028-05-15"}))
    assert verdict(B, "ROTATION-DURATION", special) == "pass"
    assert verdict(B, "ROTATION-END-REVIEW", ended) == "pass"


def test_no_end_review_is_asked_while_the_rotation_runs() -> None:
    assert "ROTATION-END-REVIEW" not in run(example(B)).rules_run


# ---------------------------------------------------------------- dossier
def test_the_equivalent_post_needs_neither_conclusion_nor_diplomas_in_the_dossier() -> None:
    """NĐ 300's Điều 35: not for an equal or lower post without new facts; the step 3 b
    conclusion is still required by ROTATION-STEPS."""
    report = run(example(B))
    assert "ROTATION-DOSSIER-STANDARDS" not in report.rules_run
    new_facts = setter("dossier/new_facts", True)
    assert verdict(B, "ROTATION-DOSSIER-STANDARDS", new_facts) == "violation"
    no_conclusion = setter("steps/political_conclusion", None)
    assert verdict(B, "ROTATION-STEPS", no_conclusion) == "violation"


def test_the_first_issued_dossier_finds_the_conclusion_among_the_steps() -> None:
    assert verdict(A, "ROTATION-DOSSIER-STANDARDS") == "pass"
    report = run(case(A, setter("steps/political_conclusion", None)), lang="en")
    [f] = of(report, "ROTATION-DOSSIER-STANDARDS")
    assert "political standards" in f.message


def test_no_minutes_or_tallies_are_asked_of_a_rotation() -> None:
    """Điều 46 has no meeting that votes: Điều 35 k2 (as first issued) and the minutes of
    k1 (as amended) have nothing to hold."""
    for name in (A, B):
        data = example(name)
        assert "minutes_and_tallies" not in {i["kind"] for i in data["dossier"]["items"]}
        assert not of(run(data), "ROTATION-DOSSIER")
