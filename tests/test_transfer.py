"""Transfer (điều động): NĐ 170/2025 Điều 25 (the same text under both regimes) and Điều
27 k1; a leader's steps as an appointment from elsewhere (Điều 33 k3, whose step 2 NĐ 300
Điều 13 changed from a ballot to a written opinion); Luật 80/2025 Điều 38 k2; HD 45 mục
VI.1; and no hiệp y (HD 45 mục III.4 does not list transfers).

Every case is built from a bundled example with a small change: the NĐ 300 example
(fixtures/examples/2026-transfer.json, decided 05/10/2026, in effect 15/10/2026) and the NĐ
170 one (2025-transfer.json, decided 18/12/2025, in effect 01/01/2026). For every rule a
passing and a failing case; for every threshold the cases just below, at and just above
it, under both regimes where they differ.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from _support import (
    EXAMPLES,
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
    shift_dates,
    verdict,
)

from checker.report import Kind, Severity

B = "2026-transfer"  # NĐ 170 as amended by NĐ 300
A = "2025-transfer"  # NĐ 170 as first issued
VIOLATIONS = "2026-transfer-violations"
WISH = {"title": "Đơn đề nghị được điều động", "date": "2026-08-25"}



def not_a_leader(data: dict[str, Any]) -> None:
    for key in ("post", "steps", "allowance"):
        data.pop(key)


# ---------------------------------------------------------------- the examples
def test_the_nd300_example_is_clean_but_for_the_party_layer_notice() -> None:
    report = run(example(B))
    assert [(f.rule, f.severity, f.kind) for f in report.findings] == [
        ("COVERAGE", Severity.WARNING, Kind.NOT_COVERED)]
    assert [a.source for a in report.applied if a.layer == "state"] == ["nd-300-2026"]
    assert {"TRANSFER-LEADER-STEPS", "TRANSFER-LEADER-STEP2", "TRANSFER-ALLOWANCE",
            "TRANSFER-MEETING", "TRANSFER-BAR-CHILD", "TRANSFER-DECLARATION"} <= set(
        report.rules_run)


def test_the_nd170_example_is_clean_but_for_the_party_layer_notice() -> None:
    report = run(example(A))
    assert [(f.rule, f.kind) for f in report.findings] == [("COVERAGE", Kind.NOT_COVERED)]
    assert [a.source for a in report.applied if a.layer == "state"] == ["nd-170-2025"]
    assert {"TRANSFER-LEADER-STEP2", "TRANSFER-GROUND-PLAN", "TRANSFER-ALLOWANCE"} <= set(
        report.rules_run)


def test_the_violations_example_reports_each_violation() -> None:
    report = run(example(VIOLATIONS))
    found = {(f.rule, f.kind) for f in report.findings}
    assert found == {
        ("TRANSFER-GROUND-PLAN", Kind.VIOLATION), ("TRANSFER-LIST", Kind.VIOLATION),
        ("TRANSFER-BAR-CHILD", Kind.VIOLATION), ("TRANSFER-BAR-INSPECTION", Kind.VIOLATION),
        ("TRANSFER-LEADER-STEP2", Kind.VIOLATION), ("TRANSFER-MEETING-HEAD", Kind.VIOLATION),
        ("TRANSFER-MEETING-BEFORE", Kind.VIOLATION), ("TRANSFER-ALLOWANCE", Kind.VIOLATION),
        ("COVERAGE", Kind.NOT_COVERED)}
    assert [f.severity for f in of(report, "TRANSFER-MEETING-HEAD")] == [Severity.WARNING]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", [A, B, VIOLATIONS])
def test_every_message_is_a_whole_sentence_in_one_language(name: str, lang: str) -> None:
    report = run(example(name), lang=lang)
    for f in report.findings:
        assert is_sentence(f.message), f.message
        if lang == "en":  # no Vietnamese sentence in an English run
            assert not any(ch in f.message for ch in VIETNAMESE_ONLY), f.message


def test_the_same_case_gives_the_same_bytes() -> None:
    from checker.report import Report
    from checker.reporters.json import document
    one = encode(document(Report(files=(run(example(VIOLATIONS)),))))
    two = encode(document(Report(files=(run(example(VIOLATIONS)),))))
    assert one == two


def test_checking_never_writes_to_the_case_file(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from checker.cli import main
    target = tmp_path / "case.json"
    raw = (EXAMPLES / f"{VIOLATIONS}.json").read_bytes()
    target.write_bytes(raw)
    r = CliRunner().invoke(main, ["check", str(target)], catch_exceptions=False)
    assert r.exit_code == 1
    assert target.read_bytes() == raw


# ---------------------------------------------------------------- bad input
@pytest.mark.parametrize(("place", "value", "pointer"), [
    ("person/circumstances", [{"kind": "holiday", "start": "2026-09-01"}],
     "/person/circumstances/0/kind"),
    ("person/inspections", [{"kind": "inspection", "start": "2026-09-01"}],
     "/person/inspections/0"),
    ("person/children", [{"birth_date": "15/3/2025"}], "/person/children/0/birth_date"),
    ("ground", "transfer", "/ground"),
])
def test_bad_input_is_a_finding_at_its_place_not_a_traceback(place: str, value: Any,
                                                              pointer: str) -> None:
    for lang in LANGS:
        report = run(case(B, setter(place, value)), lang=lang)
        schema = [f for f in report.findings if f.rule == "SCHEMA"]
        assert schema and all(f.severity is Severity.ERROR for f in schema)
        assert pointer in {f.pointer for f in schema}, [(f.pointer, f.message) for f in schema]
        assert all(is_sentence(f.message) and f.position is not None for f in schema)


def test_a_field_of_another_procedure_names_the_procedure_it_belongs_to() -> None:
    report = run(case(B, setter("term", {"expires": "2028-02-29"})), lang="en")
    [f] = [f for f in report.findings if f.rule == "SCHEMA"]
    assert f.pointer == "/term" and "dismissal" in f.message


# ---------------------------------------------------------------- which law
def begun_on(day: str) -> Change:
    """The NĐ 300 example's leader procedure moved to begin on `day` (the plan and the
    list), every later date kept."""
    def change(data: dict[str, Any]) -> None:
        data["plan"]["date"] = day
        data["transfer_list"]["date"] = day
    return change


BALLOT = {"summoned": 10, "present": 10,
          "nominations": [{"name": "Trần Thị Minh Hạnh", "votes": 8}]}


@pytest.mark.parametrize(("day", "version", "source"), [
    ("2026-07-30", 1, "nd-170-2025"), ("2026-07-31", 1, "nd-170-2025"),
    ("2026-08-01", 2, "nd-300-2026"), ("2026-08-02", 2, "nd-300-2026")])
def test_the_leaders_step_2_follows_the_text_in_force_when_the_transfer_began(
        day: str, version: int, source: str) -> None:
    """NĐ 300 Điều 35 k2: a transfer begun by 31/07/2026 keeps the ballot of Điều 33 k3
    as first issued, though step 2 and the decision come after 01/08/2026."""
    written_only = run(case(B, begun_on(day)))
    assert [a.source for a in written_only.applied if a.layer == "state"] == [source]
    found = of(written_only, "TRANSFER-LEADER-STEP2")
    with_ballot = run(case(B, both(begun_on(day), lambda d: d["steps"][1].update(BALLOT))))
    if version == 1:
        # the written opinion alone: the ballot the first text requires is not recorded
        assert [(f.kind, f.rule_version) for f in found] == [(Kind.UNDECIDABLE, 1)]
        assert of(with_ballot, "TRANSFER-LEADER-STEP2") == []
        without_opinion = run(case(B, both(begun_on(day), lambda d: d["steps"][1].update(
            BALLOT), lambda d: d["steps"][1].pop("opinion"))))
        assert of(without_opinion, "TRANSFER-LEADER-STEP2") == []
    else:
        assert found == []
        without_opinion = run(case(B, both(begun_on(day), lambda d: d["steps"][1].update(
            BALLOT), lambda d: d["steps"][1].pop("opinion"))))
        assert [(f.kind, f.rule_version) for f in of(
            without_opinion, "TRANSFER-LEADER-STEP2")] == [(Kind.VIOLATION, 2)]


def test_the_same_transfer_a_year_earlier_is_judged_under_the_first_text() -> None:
    report = run(shift_dates(example(B), -365))
    assert [a.source for a in report.applied if a.layer == "state"] == ["nd-170-2025"]
    assert [(f.kind, f.rule_version) for f in of(report, "TRANSFER-LEADER-STEP2")] == [
        (Kind.UNDECIDABLE, 1)]


def test_a_transfer_before_nd_170_is_not_covered() -> None:
    report = run(shift_dates(example(A), -365))
    assert {(f.rule, f.layer) for f in report.findings if f.kind is Kind.NOT_COVERED} >= {
        ("COVERAGE", "state")}
    assert not [f for f in report.findings if f.rule.startswith("TRANSFER-")]


# ---------------------------------------------------------------- Điều 25 k1, k3 a-b
def test_a_staffing_plan_transfer_needs_the_plans_decision() -> None:
    plan = setter("ground", "staffing_plan")
    assert verdict(B, "TRANSFER-GROUND-PLAN", both(plan, setter(
        "ground_basis", {"number": "1480/QĐ-BYT", "date": "2026-07-20"}))) == "pass"
    assert verdict(B, "TRANSFER-GROUND-PLAN", plan) == "violation"
    [f] = of(run(case(B, plan)), "TRANSFER-GROUND-PLAN")
    assert f.pointer == "/ground"
    assert verdict(A, "TRANSFER-GROUND-PLAN") == "pass"
    assert verdict(A, "TRANSFER-GROUND-PLAN", setter("ground_basis", None)) == "violation"


@pytest.mark.parametrize("ground", ["task", "position_change"])
def test_a_task_or_a_change_of_position_is_judgement_and_not_checked(ground: str) -> None:
    report = run(case(B, setter("ground", ground)))  # no founding document: none needed
    assert "TRANSFER-GROUND-PLAN" in report.rules_run
    assert not [f for f in report.findings if f.rule.startswith("TRANSFER-")]


@pytest.mark.parametrize(("rule", "field"), [("TRANSFER-PLAN", "plan"),
                                             ("TRANSFER-LIST", "transfer_list")])
def test_the_plan_and_the_list_are_on_file_once_decided(rule: str, field: str) -> None:
    assert verdict(B, rule) == "pass"
    assert verdict(B, rule, setter(field, None)) == "violation"
    undecided = run(case(B, both(setter(field, None), setter("decision", None))))
    assert rule not in undecided.rules_run  # no decision yet: nothing is late


@pytest.mark.parametrize(("plan", "listed", "expect"), [
    ("2026-08-19", "2026-08-20", "pass"), ("2026-08-20", "2026-08-20", "pass"),
    ("2026-08-21", "2026-08-20", "violation")])
def test_the_plan_comes_before_the_list(plan: str, listed: str, expect: str) -> None:
    assert verdict(B, "TRANSFER-ORDER", both(setter("plan/date", plan), setter(
        "transfer_list/date", listed))) == expect


def test_the_list_comes_before_the_decision() -> None:
    late = both(not_a_leader, setter("transfer_list/date", "2026-10-06"))
    found = of(run(case(B, late)), "TRANSFER-ORDER")
    assert [(f.kind, f.pointer) for f in found] == [
        (Kind.VIOLATION, "/decision/document/date")]


# ---------------------------------------------------------------- Điều 25 k4
@pytest.mark.parametrize(("day", "expect"), [
    ("2026-10-04", "pass"), ("2026-10-05", "pass"), ("2026-10-06", "violation")])
def test_the_meeting_comes_before_the_decision(day: str, expect: str) -> None:
    assert verdict(B, "TRANSFER-MEETING-BEFORE", setter(
        "meeting_with_person/date", day)) == expect


def test_a_decided_transfer_records_the_meeting() -> None:
    assert verdict(B, "TRANSFER-MEETING") == "pass"
    assert verdict(B, "TRANSFER-MEETING", setter("meeting_with_person", None)) == "violation"


def test_the_meeting_is_the_heads_and_someone_else_is_a_warning() -> None:
    assert verdict(A, "TRANSFER-MEETING-HEAD") == "pass"
    found = of(run(case(B, setter("meeting_with_person/by_head", False))),
               "TRANSFER-MEETING-HEAD")
    assert [(f.kind, f.severity) for f in found] == [(Kind.VIOLATION, Severity.WARNING)]


# ---------------------------------------------------------------- Điều 25 k5, Luật 80 Điều 38 k2
@pytest.mark.parametrize(("rule", "flag"), [
    ("TRANSFER-BAR-DISCIPLINE", "discipline_pending"),
    ("TRANSFER-BAR-PROSECUTION", "under_prosecution")])
def test_a_pending_matter_bars_a_transfer_under_both_texts(rule: str, flag: str) -> None:
    for name in (A, B):
        assert verdict(name, rule) == "pass"
        assert verdict(name, rule, setter(f"person/{flag}", True)) == "violation"
    report = run(case(B, setter(f"person/{flag}", True)))
    sources = {c.source for f in of(report, rule) for c in f.cites}
    assert sources == {"nd-170-2025", "luat-80-2025"}


def test_serving_an_earlier_discipline_is_not_a_pending_matter() -> None:
    assert verdict(B, "TRANSFER-BAR-DISCIPLINE", setter(
        "person/in_discipline_period", True)) == "pass"


def inspection(names: bool, start: str, end: str | None = None) -> Change:
    item: dict[str, Any] = {"kind": "inspection", "names_person": names, "start": start}
    if end is not None:
        item["end"] = end
    return setter("person/inspections", [item])


@pytest.mark.parametrize(("start", "end", "expect"), [
    ("2026-09-01", "2026-10-04", "pass"),        # ended the day before the decision
    ("2026-09-01", "2026-10-05", "violation"),   # its last day is the decision's
    ("2026-10-05", None, "violation"),           # begins on the decision's day
    ("2026-10-06", None, "pass")])               # begins the day after
def test_an_inspection_naming_the_person_bars_the_transfer_on_its_days(
        start: str, end: str | None, expect: str) -> None:
    assert verdict(B, "TRANSFER-BAR-INSPECTION", inspection(True, start, end)) == expect


def test_an_inspection_that_does_not_name_the_person_cannot_be_decided() -> None:
    """DD-1: "có liên quan đến các cuộc thanh tra, kiểm tra" has no defined scope."""
    found = of(run(case(B, inspection(False, "2026-09-01"))), "TRANSFER-BAR-INSPECTION")
    assert [(f.kind, f.severity, f.pointer) for f in found] == [
        (Kind.UNDECIDABLE, Severity.WARNING, "/person/inspections/0")]
    assert verdict(B, "TRANSFER-BAR-INSPECTION") == "pass"  # the example's: over by then


@pytest.mark.parametrize(("rule", "kind"), [
    ("TRANSFER-BAR-ILLNESS", "serious_illness"), ("TRANSFER-BAR-STUDY", "long_term_study"),
    ("TRANSFER-BAR-STUDY", "secondment"), ("TRANSFER-BAR-PREGNANCY", "pregnancy"),
    ("TRANSFER-BAR-PREGNANCY", "maternity_leave")])
def test_a_period_that_bars_a_transfer_holds_on_the_decisions_day(rule: str,
                                                                  kind: str) -> None:
    def period(start: str, end: str | None) -> Change:
        item = {"kind": kind, "start": start} | ({"end": end} if end else {})
        return setter("person/circumstances", [item])
    assert verdict(B, rule, period("2026-05-01", "2026-10-04")) == "pass"
    assert verdict(B, rule, period("2026-05-01", "2026-10-05")) == "violation"
    assert verdict(B, rule, period("2026-10-05", None)) == "violation"
    assert verdict(B, rule, period("2026-10-06", None)) == "pass"


@pytest.mark.parametrize(("rule", "kind", "lifted"), [
    ("TRANSFER-BAR-PREGNANCY", "maternity_leave", True),
    ("TRANSFER-BAR-ILLNESS", "serious_illness", False),
    ("TRANSFER-BAR-STUDY", "long_term_study", False)])
def test_the_persons_wish_lifts_only_the_bars_that_say_so(rule: str, kind: str,
                                                          lifted: bool) -> None:
    change = both(setter("person/circumstances", [{"kind": kind, "start": "2026-09-01"}]),
                  setter("person/wish", WISH))
    report = run(case(B, change))
    assert (of(report, rule) == []) is lifted
    assert (rule in report.rules_run) is not lifted


def test_pregnancy_and_maternity_leave_are_a_womans_bar() -> None:
    leave = setter("person/circumstances", [{"kind": "maternity_leave", "start": "2026-09-01"}])
    assert "TRANSFER-BAR-PREGNANCY" not in run(case(A, leave)).rules_run  # A's is a man


# the NĐ 300 example is decided on 05/10/2026; the NĐ 170 one on 18/12/2025
@pytest.mark.parametrize(("name", "born", "expect"), [
    (B, "2023-10-06", "violation"),  # below: 36 months less a day
    (B, "2023-10-05", "pass"),       # at: 36 months that day
    (B, "2023-10-04", "pass"),       # above: 36 months and a day
    (A, "2022-12-19", "violation"),
    (A, "2022-12-18", "pass"),
    (A, "2022-12-17", "pass")])
def test_a_child_under_36_months_on_the_decisions_day(name: str, born: str,
                                                      expect: str) -> None:
    change = setter("person/children", [{"birth_date": born}])
    if name == A:  # a father: only when raising the child alone
        change = both(change, setter("person/raising_child_alone", True))
    assert verdict(name, "TRANSFER-BAR-CHILD", change) == expect


def test_a_child_born_on_the_29th_of_february() -> None:
    """add_months clamps to the month's end: born 29/02/2024, 36 months on 28/02/2027."""
    def on(decided: str) -> Change:
        return both(setter("person/children", [{"birth_date": "2024-02-29"}]),
                    setter("decision/document/date", decided),
                    setter("decision/effective_date", decided),
                    setter("allowance/kept_until", None), setter("allowance/new", 0.9))
    assert verdict(B, "TRANSFER-BAR-CHILD", on("2027-02-27")) == "violation"
    assert verdict(B, "TRANSFER-BAR-CHILD", on("2027-02-28")) == "pass"


def test_a_father_is_barred_only_when_raising_the_child_alone() -> None:
    assert "TRANSFER-BAR-CHILD" not in run(example(A)).rules_run  # child under 36 months
    assert verdict(A, "TRANSFER-BAR-CHILD", setter("person/raising_child_alone", True)) == (
        "violation")
    wish = both(setter("person/raising_child_alone", True), setter("person/wish", WISH))
    assert "TRANSFER-BAR-CHILD" not in run(case(A, wish)).rules_run


def test_several_children_each_count() -> None:
    kids = setter("person/children", [{"birth_date": "2015-01-01"}, {"birth_date": "2025-03-01"},
                                      {"birth_date": "2026-01-01"}])
    found = of(run(case(B, kids)), "TRANSFER-BAR-CHILD")
    assert [f.pointer for f in found] == ["/person/children/1/birth_date",
                                          "/person/children/2/birth_date"]


def test_certified_hardship_bars_a_transfer_unless_the_person_wishes_it() -> None:
    certified = setter("person/hardship", {"title": "Giấy xác nhận hoàn cảnh đặc biệt khó khăn"})
    assert verdict(B, "TRANSFER-BAR-HARDSHIP") == "pass"
    assert verdict(B, "TRANSFER-BAR-HARDSHIP", certified) == "violation"
    report = run(case(B, both(certified, setter("person/wish", WISH))))
    assert "TRANSFER-BAR-HARDSHIP" not in report.rules_run and of(
        report, "TRANSFER-BAR-HARDSHIP") == []


def test_the_bars_are_judged_on_the_decision_and_not_before_it() -> None:
    barred = setter("person/circumstances", [{"kind": "serious_illness", "start": "2026-06-01"}])
    undecided = run(case(B, both(barred, setter("decision", None))))
    assert of(undecided, "TRANSFER-BAR-ILLNESS") == []


# ---------------------------------------------------------- a leader: Điều 25 k3 d → Điều 33 k3
LEADER_RULES = {"TRANSFER-LEADER-STEPS", "TRANSFER-LEADER-STEP2",
                "TRANSFER-LEADER-DIFFERENCES", "TRANSFER-ALLOWANCE"}


@pytest.mark.parametrize("name", [A, B])
def test_a_civil_servant_without_a_post_is_not_judged_as_a_leader(name: str) -> None:
    report = run(case(name, not_a_leader))
    assert not LEADER_RULES & set(report.rules_run)
    assert [f.rule for f in report.findings] == ["COVERAGE"]


@pytest.mark.parametrize("name", [A, B])
def test_the_leaders_three_steps_in_order(name: str) -> None:
    assert verdict(name, "TRANSFER-LEADER-STEPS") == "pass"
    assert verdict(name, "TRANSFER-LEADER-STEPS", lambda d: d["steps"].pop(0)) == "violation"

    def swap(data: dict[str, Any]) -> None:
        s = data["steps"]
        s[1]["date"], s[2]["date"] = s[2]["date"], s[1]["date"]
    found = of(run(case(name, swap)), "TRANSFER-LEADER-STEPS")
    assert [f.pointer for f in found] == ["/steps/2/date"]


def test_an_in_house_step_is_not_part_of_a_transfer() -> None:
    def add(data: dict[str, Any]) -> None:
        data["steps"].insert(0, {"kind": "key_officials", "date": "2026-08-28",
                                 "summoned": 20, "present": 19})
    found = of(run(case(B, add)), "TRANSFER-LEADER-STEPS")
    assert [(f.pointer, f.kind) for f in found] == [("/steps/0/kind", Kind.VIOLATION)]


def ballot(votes: int, **more: Any) -> Change:
    def change(data: dict[str, Any]) -> None:
        data["steps"][1].update({"summoned": 10, "present": 10, **more,
                                 "nominations": [{"name": "Lê Văn Thành", "votes": votes}]})
    return change


@pytest.mark.parametrize(("votes", "head", "expect"), [
    (4, False, "violation"),   # below half
    (5, False, "violation"),   # at half, nobody decided
    (5, True, "pass"),         # at half, the head decided
    (6, False, "pass")])       # above half
def test_the_ballot_under_the_first_text(votes: int, head: bool, expect: str) -> None:
    more = {"head_choice": {"chosen": "Lê Văn Thành"}} if head else {}
    assert verdict(A, "TRANSFER-LEADER-STEP2", ballot(votes, **more)) == expect


def test_no_ballot_under_the_first_text_cannot_be_decided() -> None:
    def drop(data: dict[str, Any]) -> None:
        for k in ("summoned", "present", "nominations"):
            data["steps"][1].pop(k)
    assert verdict(A, "TRANSFER-LEADER-STEP2", drop) == "undecidable"


def test_the_written_opinion_under_the_amended_text() -> None:
    assert verdict(B, "TRANSFER-LEADER-STEP2") == "pass"
    assert verdict(B, "TRANSFER-LEADER-STEP2", lambda d: d["steps"][1].pop("opinion")) == (
        "violation")
    # no ballot is required any more, and one at 40 % is no breach
    assert verdict(B, "TRANSFER-LEADER-STEP2", lambda d: d["steps"][1].update(
        {"summoned": 10, "nominations": [{"name": "Trần Thị Minh Hạnh", "votes": 4}]})) == "pass"


@pytest.mark.parametrize("name", [A, B])
def test_differing_opinions_are_reported(name: str) -> None:
    differ = lambda d: d["steps"][2].update({"opinions_differ": True})  # noqa: E731
    assert verdict(name, "TRANSFER-LEADER-DIFFERENCES", differ) == "violation"
    assert verdict(name, "TRANSFER-LEADER-DIFFERENCES", both(differ, lambda d: d["steps"][2].update(
        {"referral": {"title": "Báo cáo các ý kiến khác nhau"}}))) == "pass"


# ---------------------------------------------------------------- Điều 27 k1
@pytest.mark.parametrize(("name", "kept", "expect"), [
    (A, "2026-06-30", "violation"), (A, "2026-07-01", "pass"), (A, "2026-07-02", "violation"),
    (B, "2027-04-14", "violation"), (B, "2027-04-15", "pass"), (B, "2027-04-16", "violation")])
def test_the_old_allowance_is_kept_six_months_from_the_transfers_effect(
        name: str, kept: str, expect: str) -> None:
    assert verdict(name, "TRANSFER-ALLOWANCE", setter("allowance/kept_until", kept)) == expect


def test_without_an_effective_date_the_six_months_run_from_the_decision() -> None:
    change = both(setter("decision/effective_date", None),
                  setter("allowance/kept_until", "2027-04-05"))
    assert verdict(B, "TRANSFER-ALLOWANCE", change) == "pass"


def test_the_allowance_rule_versions_cite_the_text_in_force() -> None:
    short = setter("allowance/kept_until", "2026-01-02")
    [v1] = of(run(case(A, short)), "TRANSFER-ALLOWANCE")
    assert v1.rule_version == 1 and v1.cites[0].amended_by is None
    [v2] = of(run(case(B, setter("allowance/kept_until", "2027-01-02"))), "TRANSFER-ALLOWANCE")
    assert v2.rule_version == 2 and v2.cites[0].amended_by is not None


def test_nothing_is_kept_when_the_new_allowance_is_not_lower() -> None:
    same = both(setter("allowance/new", 0.9), setter("allowance/kept_until", None))
    assert verdict(B, "TRANSFER-ALLOWANCE", same) == "pass"
    found = of(run(case(B, setter("allowance/kept_until", None))), "TRANSFER-ALLOWANCE")
    assert [(f.kind, f.pointer) for f in found] == [(Kind.VIOLATION, "/allowance")]


# ---------------------------------------------------------------- the Party layer
def test_a_false_declaration_bars_a_transfer_as_a_warning() -> None:
    assert verdict(B, "TRANSFER-DECLARATION") == "pass"
    found = of(run(case(B, setter("person/declaration_false", True))), "TRANSFER-DECLARATION")
    assert [(f.kind, f.severity, f.layer) for f in found] == [
        (Kind.VIOLATION, Severity.WARNING, "party")]


def test_a_transfer_at_a_vertical_line_provincial_branch_needs_no_hiep_y() -> None:
    """HD 45 mục III.4 lists đánh giá, bổ nhiệm, bổ nhiệm lại, … but not điều động."""
    def branch(data: dict[str, Any]) -> None:
        data["unit"] = {"name": "Chi cục Thuế khu vực II", "parent": "Cục Thuế",
                        "kind": "provincial_branch", "vertical_line": True,
                        "province": "Quảng Trị"}
        data["post"]["is_head_of_unit"], data["post"]["is_deputy_head"] = True, False
    from checker.rules.pack import builtin_packs
    hiep_y = [r for p in builtin_packs() if p.id == "party-hiep-y" for r in p.rules]
    assert any("reappointment" in r.procedures for r in hiep_y)  # the pack does speak
    assert not any("transfer" in r.procedures for r in hiep_y)
    report = run(case(B, branch))
    assert not [f for f in report.findings if f.rule.startswith("HIEPY")]
    assert not [r for r in report.rules_run if r.startswith("HIEPY")]
    assert [(f.rule, f.kind) for f in report.findings] == [("COVERAGE", Kind.NOT_COVERED)]


# ---------------------------------------------------------------- the new predicate kinds
def test_items_within_months_counts_whole_months_to_the_day() -> None:
    from checker.model import validate_case
    from checker.rules.predicates import Ctx
    from checker.rules.predicates.transfer import ItemsWithinMonths, items_within_months

    data = case(B, setter("person/children", [{"birth_date": "2026-01-31"}, {}]))
    data["person"]["children"][1] = {"birth_date": "2020-01-01"}
    params = ItemsWithinMonths(kind="items_within_months", at="/person/children",
                               field="birth_date", months=1,
                               date=["/meeting_with_person/date", "/decision/document/date"])
    for day, hits in [("2026-02-27", 1), ("2026-02-28", 0)]:  # 31/01 + 1 month = 28/02
        data["meeting_with_person"]["date"] = day
        ctx = Ctx(case=validate_case(data), data=data, as_of=None)
        assert len(list(items_within_months(params, ctx))) == hits
    data["person"]["children"][0]["birth_date"] = "2026-03-01"  # born after the day: no
    ctx = Ctx(case=validate_case(data), data=data, as_of=None)
    assert list(items_within_months(params, ctx)) == []


def test_allowance_kept_reads_the_first_recorded_start() -> None:
    from checker.model import validate_case
    from checker.rules.predicates import Ctx
    from checker.rules.predicates.transfer import AllowanceKept, allowance_kept

    data = example(B)
    params = AllowanceKept(kind="allowance_kept", previous="/allowance/previous",
                           new="/allowance/new", until="/allowance/kept_until",
                           start=["/decision/term_end", "/decision/effective_date"], months=6)
    ctx = Ctx(case=validate_case(data), data=data, as_of=None)
    assert list(allowance_kept(params, ctx)) == []  # term_end absent: the effective date
    data["allowance"]["kept_until"] = "2027-04-14"
    [hit] = allowance_kept(params, Ctx(case=validate_case(data), data=data, as_of=None))
    assert (hit.message, hit.values["expected"], hit.values["kept"]) == (
        "short", dt.date(2027, 4, 15), dt.date(2027, 4, 14))
