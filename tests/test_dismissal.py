"""Dismissal (miễn nhiệm): NĐ 170/2025 Điều 53-55 as first issued and as amended by NĐ
300/2026 Điều 21, 23-25; Luật 80/2025 Điều 5 k12; HD 45-HD/BTCTW mục IV.2.

Every case is built from a bundled example with a small change: the NĐ 300 example
(fixtures/examples/2026-dismissal.json, decided in November 2026) and the NĐ 170 one
(2025-dismissal.json, decided in December 2025). For every rule a passing and a failing
case; for every threshold the cases just below, at and just above it.
"""

from __future__ import annotations

import datetime as dt
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

B = "2026-dismissal"  # NĐ 170 as amended by NĐ 300
A = "2025-dismissal"  # NĐ 170 as first issued
VIOLATIONS = "2026-dismissal-violations"



# ---------------------------------------------------------------- the examples
def test_the_nd300_example_is_clean_but_for_the_party_layer_notice() -> None:
    report = run(example(B))
    assert [(f.rule, f.severity, f.kind) for f in report.findings] == [
        ("COVERAGE", Severity.WARNING, Kind.NOT_COVERED)]
    assert [a.source for a in report.applied] == ["nd-300-2026"]
    assert {"DISMISS-VOTE", "DISMISS-DECISION-DEADLINE", "DISMISS-GROUND-CONFIDENCE",
            "DISMISS-DOSSIER"} <= set(report.rules_run)


def test_the_nd170_example_is_clean_but_for_the_party_layer_notice() -> None:
    report = run(example(A))
    assert [(f.rule, f.kind) for f in report.findings] == [("COVERAGE", Kind.NOT_COVERED)]
    assert [a.source for a in report.applied] == ["nd-170-2025"]
    assert {"DISMISS-GROUND-DISCIPLINE", "DISMISS-PROPOSER", "DISMISS-DOSSIER"} <= set(
        report.rules_run)


def test_the_violations_example_reports_each_violation() -> None:
    report = run(example(VIOLATIONS))
    rules = {f.rule for f in report.findings if f.kind is Kind.VIOLATION}
    assert rules >= {
        "DISMISS-GROUND-DISCIPLINE", "DISMISS-GROUND-ASSESSMENT", "DISMISS-GROUND-HEAD",
        "DISMISS-GROUND-CONCLUSION", "DISMISS-ORDER", "DISMISS-PROPOSAL-DEADLINE",
        "DISMISS-DECISION-DEADLINE", "DISMISS-SECRET-BALLOT", "DISMISS-VOTE",
        "DISMISS-DOSSIER", "DISMISS-ALLOWANCE", "DISMISS-PLACEMENT"}
    late = of(report, "DISMISS-DECISION-DEADLINE")
    assert [f.severity for f in late] == [Severity.WARNING]  # late is not invalid


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


# ---------------------------------------------------------------- which law
def test_a_procedure_begun_by_2026_07_31_stays_under_nd_170_as_first_issued() -> None:
    """NĐ 300 Điều 35 k2: begun (the talk) on 31/07/2026, decided after 01/08/2026."""
    data = example(A)
    data["exchange_with_person"]["date"] = "2026-07-31"
    data["proposal"]["document"]["date"] = "2026-08-03"
    data["proposal"]["received_on"] = "2026-08-03"
    data["meeting"]["date"] = "2026-08-05"
    data["decision"]["document"]["date"] = "2026-08-10"
    data["after"]["allowance_paid_until"] = "2026-08-09"
    report = run(data)
    assert [a.source for a in report.applied] == ["nd-170-2025"]
    data["exchange_with_person"]["date"] = "2026-08-01"
    assert [a.source for a in run(data).applied] == ["nd-300-2026"]


# ---------------------------------------------------------------- Luật 80 Điều 5 k12
@pytest.mark.parametrize(("day", "expect"), [
    ("2028-02-28", "pass"), ("2028-02-29", "pass"), ("2028-03-01", "violation")])
def test_a_dismissal_only_before_the_term_ends(day: str, expect: str) -> None:
    """The term's last day is 29/02/2028: a decision that day is still within it."""
    def change(data: dict[str, Any]) -> None:
        data["decision"]["document"]["date"] = day
        data["after"].pop("allowance_paid_until")
    assert verdict(B, "DISMISS-BEFORE-TERM-END", change) == expect


def test_a_dismissal_only_before_the_term_ends_under_nd_170() -> None:
    assert verdict(A, "DISMISS-BEFORE-TERM-END") == "pass"
    assert verdict(A, "DISMISS-BEFORE-TERM-END", setter("term/expires", "2025-12-01")) == (
        "violation")


# ---------------------------------------------------------------- grounds, NĐ 300
def ground(point: str, **extra: Any) -> Change:
    def change(data: dict[str, Any]) -> None:
        data["grounds"] = {point: {"document": {"title": "Văn bản căn cứ",
                                                "date": "2026-10-15"}, **extra}}
    return change


WARNING = {"form": "warning", "system": "state", "effective_date": "2026-10-15"}
REPRIMAND = {"form": "reprimand", "system": "state", "effective_date": "2026-10-15",
             "related_to_duties": True}
ASSESSMENT = {"assessment": {"title": "Đánh giá của lãnh đạo Bộ", "date": "2026-10-15"}}


def test_ground_a_needs_a_warning_under_nd_300() -> None:
    assert verdict(B, "DISMISS-GROUND-DISCIPLINE", both(
        ground("a", **ASSESSMENT), setter("person/discipline", [WARNING]))) == "pass"
    assert verdict(B, "DISMISS-GROUND-DISCIPLINE", both(
        ground("a", **ASSESSMENT), setter("person/discipline", [REPRIMAND]))) == "violation"


def test_ground_a_needs_the_assessment_under_nd_300() -> None:
    assert verdict(B, "DISMISS-GROUND-ASSESSMENT", both(
        ground("a", **ASSESSMENT), setter("person/discipline", [WARNING]))) == "pass"
    assert verdict(B, "DISMISS-GROUND-ASSESSMENT", both(
        ground("a"), setter("person/discipline", [WARNING]))) == "violation"


def test_ground_a_is_a_reprimand_or_a_warning_under_nd_170() -> None:
    assert verdict(A, "DISMISS-GROUND-DISCIPLINE") == "pass"  # the example: a reprimand
    assert verdict(A, "DISMISS-GROUND-DISCIPLINE", setter("person/discipline", [])) == "violation"


def reprimands(*dates: str, related: bool | None = True) -> Change:
    def change(data: dict[str, Any]) -> None:
        ground("b")(data)
        data["person"]["discipline"] = [
            {**REPRIMAND, "effective_date": d, "related_to_duties": related} for d in dates]
        if related is None:
            for d in data["person"]["discipline"]:
                del d["related_to_duties"]
    return change


@pytest.mark.parametrize(("dates", "expect"), [
    (["2025-05-10"], "violation"),                                # one: just below 2
    (["2024-03-01", "2025-05-10"], "pass"),                       # two: at
    (["2024-03-01", "2025-05-10", "2026-09-01"], "pass"),          # three: above
    (["2023-02-28", "2025-05-10"], "violation"),                  # one before the term
    (["2023-03-01", "2025-05-10"], "pass"),                       # the term's first day
])
def test_ground_b_counts_duty_related_reprimands_within_the_term(
        dates: list[str], expect: str) -> None:
    assert verdict(B, "DISMISS-GROUND-REPRIMANDS", reprimands(*dates)) == expect


def test_ground_b_with_a_reprimand_not_marked_as_duty_related_cannot_be_decided() -> None:
    def change(data: dict[str, Any]) -> None:
        reprimands("2024-03-01", "2025-05-10")(data)
        del data["person"]["discipline"][1]["related_to_duties"]
    assert verdict(B, "DISMISS-GROUND-REPRIMANDS", change) == "undecidable"
    assert verdict(B, "DISMISS-GROUND-REPRIMANDS", reprimands(
        "2024-03-01", "2025-05-10", related=False)) == "violation"


@pytest.mark.parametrize(("low", "expect"), [(19, "violation"), (20, "violation"),
                                             (21, "pass")])
def test_ground_c_needs_over_two_thirds_low_confidence_under_nd_300(low: int,
                                                                     expect: str) -> None:
    """30 ballots: 19 is below two thirds, 20 exactly two thirds, 21 just above."""
    assert verdict(B, "DISMISS-GROUND-CONFIDENCE", setter("confidence_vote/low", low)) == (
        expect)


@pytest.mark.parametrize(("low", "expect"), [(19, "violation"), (20, "violation"),
                                             (21, "pass")])
def test_ground_b_needs_over_two_thirds_low_confidence_under_nd_170(low: int,
                                                                     expect: str) -> None:
    def change(data: dict[str, Any]) -> None:
        data["grounds"]["b"] = {"document": {"title": "Biên bản kiểm phiếu",
                                             "date": "2025-11-20"}}
        data["confidence_vote"] = {"date": "2025-11-20", "low": low, "total": 30}
    assert verdict(A, "DISMISS-GROUND-CONFIDENCE", change) == expect


def test_a_confidence_ground_without_the_vote_is_not_shown() -> None:
    found = of(run(case(B, setter("confidence_vote", None))), "DISMISS-GROUND-CONFIDENCE")
    assert [(f.kind, f.pointer) for f in found] == [(Kind.VIOLATION, "")]


def ratings(*years: int, related: bool | None = True) -> Change:
    def change(data: dict[str, Any]) -> None:
        ground("d")(data)
        data["person"]["ratings"] = [{"year": y, "rating": "not_completed"} for y in years]
        if related is not None:
            for r in data["person"]["ratings"]:
                r["related_to_duties"] = related
    return change


@pytest.mark.parametrize(("years", "expect"), [
    ([2025], "violation"), ([2024, 2025], "pass"), ([2023, 2025], "violation"),
    ([2023, 2024, 2025], "pass")])
def test_ground_d_needs_two_consecutive_failed_years_under_nd_300(
        years: list[int], expect: str) -> None:
    assert verdict(B, "DISMISS-GROUND-RATING", ratings(*years)) == expect


def test_ground_d_with_a_year_not_marked_as_duty_related_cannot_be_decided() -> None:
    assert verdict(B, "DISMISS-GROUND-RATING", ratings(2024, 2025, related=None)) == (
        "undecidable")


def test_ground_c_under_nd_170_is_one_failed_year_of_the_term() -> None:
    def rated(*years: int) -> Change:
        def change(data: dict[str, Any]) -> None:
            data["grounds"] = {"c": {"document": {"title": "Thông báo xếp loại",
                                                  "date": "2025-11-20"}}}
            data["person"]["ratings"] = [{"year": y, "rating": "not_completed"} for y in years]
            data["after"]["leaving_service"] = {"number": "88/QĐ-UBND", "date": "2025-12-30"}
        return change
    assert verdict(A, "DISMISS-GROUND-RATING", rated(2024)) == "pass"  # term from 2022
    assert verdict(A, "DISMISS-GROUND-RATING", rated(2021)) == "undecidable"  # before it
    assert verdict(A, "DISMISS-GROUND-RATING", rated()) == "violation"


def test_a_dismissal_for_a_failed_rating_under_nd_170_expects_leaving_the_service() -> None:
    def change(data: dict[str, Any]) -> None:
        data["grounds"] = {"c": {"document": {"title": "Thông báo xếp loại",
                                              "date": "2025-11-20"}}}
        data["person"]["ratings"] = [{"year": 2024, "rating": "not_completed"}]
    found = of(run(case(A, change)), "DISMISS-LEAVING-SERVICE")
    assert [f.severity for f in found] == [Severity.WARNING]
    assert verdict(A, "DISMISS-LEAVING-SERVICE", both(change, setter(
        "after/leaving_service", {"number": "88/QĐ-UBND", "date": "2025-12-30"}))) == "pass"


@pytest.mark.parametrize("point", ["đ", "e", "g", "h", "i"])
def test_judgement_grounds_need_their_conclusion_under_nd_300(point: str) -> None:
    assert verdict(B, "DISMISS-GROUND-CONCLUSION", ground(point)) == "pass"
    assert verdict(B, "DISMISS-GROUND-CONCLUSION", setter(
        "grounds", {point: {}})) == "violation"


@pytest.mark.parametrize("point", ["d", "đ", "e"])
def test_judgement_grounds_need_their_conclusion_under_nd_170(point: str) -> None:
    assert verdict(A, "DISMISS-GROUND-CONCLUSION", setter(
        "grounds", {point: {"document": {"title": "Kết luận", "date": "2025-11-20"}}})) == (
        "pass")
    assert verdict(A, "DISMISS-GROUND-CONCLUSION", setter("grounds", {point: {}})) == (
        "violation")


@pytest.mark.parametrize("point", ["g", "h"])
def test_grounds_g_and_h_are_for_the_head_only(point: str) -> None:
    assert verdict(B, "DISMISS-GROUND-HEAD", ground(point)) == "pass"
    assert verdict(B, "DISMISS-GROUND-HEAD", both(
        ground(point), setter("post/is_head_of_unit", False))) == "violation"


def test_ground_e_is_for_the_head_only_under_nd_170() -> None:
    e = setter("grounds", {"e": {"document": {"title": "Kết luận", "date": "2025-11-20"}}})
    assert verdict(A, "DISMISS-GROUND-HEAD", both(
        e, setter("post/is_head_of_unit", True))) == "pass"
    assert verdict(A, "DISMISS-GROUND-HEAD", e) == "violation"  # the example: a deputy


def test_ground_k_cannot_be_decided() -> None:
    found = of(run(case(B, ground("k"))), "DISMISS-GROUND-CROSS-REFERENCE")
    assert [(f.kind, f.severity, f.pointer) for f in found] == [
        (Kind.UNDECIDABLE, Severity.WARNING, "/grounds/k")]
    assert verdict(B, "DISMISS-GROUND-CROSS-REFERENCE") == "pass"


def test_other_cases_need_the_rule_named() -> None:
    rule = {"rule": {"number": "377-QĐ/TW", "date": "2025-10-08"}}
    assert verdict(B, "DISMISS-GROUND-OTHER-RULE", ground("l", **rule)) == "pass"
    assert verdict(B, "DISMISS-GROUND-OTHER-RULE", ground("l")) == "violation"
    g = {"document": {"title": "Văn bản", "date": "2025-11-20"}}
    assert verdict(A, "DISMISS-GROUND-OTHER-RULE", setter("grounds", {"g": {**g, **rule}})) == (
        "pass")
    assert verdict(A, "DISMISS-GROUND-OTHER-RULE", setter("grounds", {"g": g})) == "violation"


@pytest.mark.parametrize("point", ["h", "i", "k", "l"])
def test_points_added_by_nd_300_do_not_exist_under_nd_170(point: str) -> None:
    found = of(run(case(A, setter(f"grounds/{point}", {}))), "DISMISS-GROUND-POINTS")
    assert [f.pointer for f in found] == [f"/grounds/{point}"]
    assert verdict(A, "DISMISS-GROUND-POINTS") == "pass"


# ---------------------------------------------------------------- the proposal
def test_under_nd_170_only_the_personnel_office_proposes() -> None:
    assert verdict(A, "DISMISS-PROPOSER") == "pass"
    assert verdict(A, "DISMISS-PROPOSER", setter("proposal/by", "head_of_using_body")) == (
        "violation")


def test_under_nd_300_the_head_of_the_employing_body_may_propose() -> None:
    report = run(case(B, setter("proposal/by", "head_of_using_body")))
    assert not [f for f in report.findings if f.rule.startswith("DISMISS")]


def test_the_civil_servant_is_talked_to_before_the_proposal() -> None:
    assert verdict(B, "DISMISS-EXCHANGE", setter("exchange_with_person", None)) == (
        "violation")
    assert verdict(B, "DISMISS-ORDER", setter(
        "exchange_with_person/date", "2026-10-26")) == "pass"  # the same day
    assert verdict(B, "DISMISS-ORDER", setter(
        "exchange_with_person/date", "2026-10-27")) == "violation"
    assert verdict(A, "DISMISS-EXCHANGE", setter("exchange_with_person", None)) == (
        "violation")


@pytest.mark.parametrize(("day", "expect"), [
    ("2026-10-28", "pass"), ("2026-10-29", "pass"), ("2026-10-30", "violation")])
def test_the_proposal_within_10_working_days_of_the_grounds(day: str, expect: str) -> None:
    """Grounds founded on 15/10/2026 (Thursday): the 10th working day is 29/10/2026."""
    def change(data: dict[str, Any]) -> None:
        data["exchange_with_person"]["date"] = day
        data["proposal"]["document"]["date"] = day
    assert verdict(B, "DISMISS-PROPOSAL-DEADLINE", change) == expect


def test_the_proposal_deadline_with_grounds_founded_on_different_days() -> None:
    """Which day the grounds became sufficient is open (MN-2): each founding document is
    a reading; in time for one and late for another cannot be decided."""
    def change(data: dict[str, Any]) -> None:
        data["grounds"]["đ"] = {"document": {"title": "Kết luận", "date": "2026-10-01"}}
    found = of(run(case(B, change)), "DISMISS-PROPOSAL-DEADLINE")
    assert [(f.kind, f.severity) for f in found] == [(Kind.UNDECIDABLE, Severity.WARNING)]


def test_the_proposal_deadline_without_any_founding_date_cannot_be_decided() -> None:
    assert verdict(B, "DISMISS-PROPOSAL-DEADLINE", setter("grounds/c", {})) == "undecidable"


def test_a_late_proposal_is_a_warning() -> None:
    found = of(run(case(B, setter("proposal/document/date", "2026-11-02"))),
               "DISMISS-PROPOSAL-DEADLINE")
    assert [(f.kind, f.severity) for f in found] == [(Kind.VIOLATION, Severity.WARNING)]


# ---------------------------------------------------------------- the decision deadline
REASON = {"title": "Lý do khách quan: chờ kết luận kiểm tra", "date": "2026-11-09"}


def decided(day: str, reason: bool = False) -> Change:
    """Received 27/10/2026: 10 working days end on 10/11, 15 on 17/11, 25 on 02/12."""
    def change(data: dict[str, Any]) -> None:
        data["decision"]["document"]["date"] = day
        data["after"]["allowance_paid_until"] = (
            dt.date.fromisoformat(day) - dt.timedelta(days=1)).isoformat()
        if reason:
            data["extension_reason"] = REASON
    return change


@pytest.mark.parametrize(("day", "reason", "expect"), [
    ("2026-11-09", False, "pass"), ("2026-11-10", False, "pass"),
    ("2026-11-11", False, "violation"), ("2026-11-11", True, "pass"),
    ("2026-11-17", True, "pass"), ("2026-11-18", True, "undecidable"),
    ("2026-12-02", True, "undecidable"), ("2026-12-03", True, "violation"),
    ("2026-11-18", False, "violation"),
])
def test_the_decision_within_10_working_days_or_15_with_a_reason(
        day: str, reason: bool, expect: str) -> None:
    """MN-3: 16 to 25 working days with a reason is open (total or extension)."""
    assert verdict(B, "DISMISS-DECISION-DEADLINE", decided(day, reason)) == expect


def test_a_late_decision_is_a_warning_not_an_invalid_act() -> None:
    found = of(run(case(B, decided("2026-12-03", reason=True))), "DISMISS-DECISION-DEADLINE")
    assert [(f.kind, f.severity) for f in found] == [(Kind.VIOLATION, Severity.WARNING)]


def test_the_decision_deadline_under_nd_170() -> None:
    """Received 15/12/2025: the 10th working day is 29/12/2025, the 15th 06/01/2026."""
    assert verdict(A, "DISMISS-DECISION-DEADLINE") == "pass"
    def late(data: dict[str, Any]) -> None:
        data["decision"]["document"]["date"] = "2025-12-30"
        data["after"]["allowance_paid_until"] = "2025-12-29"
    assert verdict(A, "DISMISS-DECISION-DEADLINE", late) == "violation"


# ---------------------------------------------------------------- the meeting and the vote
def test_the_meeting_is_required_before_a_decision() -> None:
    assert verdict(B, "DISMISS-MEETING", setter("meeting", None)) == "violation"


def test_both_bodies_vote() -> None:
    found = of(run(case(B, setter("meeting/standing_committee", None))),
               "DISMISS-MEETING-BODIES")
    assert [f.pointer for f in found] == ["/meeting"]


@pytest.mark.parametrize(("flag", "rule"), [("grounds_stated", "DISMISS-GROUNDS-DISCUSSED"),
                                            ("secret_ballot", "DISMISS-SECRET-BALLOT")])
def test_grounds_discussed_and_secret_ballot(flag: str, rule: str) -> None:
    assert verdict(B, rule, setter(f"meeting/{flag}", False)) == "violation"
    assert verdict(B, rule, setter(f"meeting/{flag}", None)) == "violation"
    assert verdict(A, rule, setter(f"meeting/{flag}", False)) == "violation"


def test_the_steps_come_in_order() -> None:
    assert verdict(B, "DISMISS-ORDER", setter("meeting/date", "2026-10-23")) == "violation"
    assert verdict(B, "DISMISS-ORDER", setter("meeting/date", "2026-10-26")) == "pass"


def vote(leaders: tuple[int, int], standing: tuple[int, int] | None,
         both_: tuple[int, int] | None = None, by: str | None = "collective") -> Change:
    def change(data: dict[str, Any]) -> None:
        m = data["meeting"]
        m["leadership"] = {"members": leaders[0], "agree": leaders[1]}
        if standing is None:
            del m["standing_committee"]
        else:
            m["standing_committee"] = {"members": standing[0], "agree": standing[1]}
        if both_ is None:
            m.pop("in_both", None)
        else:
            m["in_both"] = {"members": both_[0], "agree": both_[1]}
        if by is None:
            data.pop("decided_by", None)
        else:
            data["decided_by"] = by
    return change


@pytest.mark.parametrize(("leaders", "standing", "expect"), [
    # every reading at 50%: both bodies and the joint count
    ((6, 3), (4, 2), "violation"),
    # every reading just below
    ((7, 3), (5, 2), "violation"),
    # every reading just above
    ((7, 4), (5, 3), "pass"),
    # each body on its own at 50% (leaders), jointly above: the readings differ
    ((8, 4), (5, 5), "undecidable"),
    # each body on its own just above, jointly just above
    ((9, 5), (5, 3), "pass"),
])
def test_over_half_of_the_leadership_and_standing_committee(
        leaders: tuple[int, int], standing: tuple[int, int], expect: str) -> None:
    assert verdict(B, "DISMISS-VOTE", vote(leaders, standing)) == expect


@pytest.mark.parametrize(("overlap", "expect"), [
    ((3, 3), "undecidable"),  # once: 3/7 (below) twice: 6/10 (above)
    ((2, 2), "undecidable"),  # once: 4/8, exactly 50%
    ((1, 1), "pass"),         # once: 5/9, just above
    ((2, 0), "pass"),         # those in both disagreed: once 6/8
])
def test_someone_in_both_bodies_counted_once_or_twice(overlap: tuple[int, int],
                                                      expect: str) -> None:
    """Leadership 3 of 5 and standing committee 3 of 5 agree: each over 50% on its own."""
    assert verdict(B, "DISMISS-VOTE", vote((5, 3), (5, 3), overlap)) == expect


def test_at_or_below_half_the_head_decides_or_submits_upward() -> None:
    low = ((6, 3), (4, 2))
    assert verdict(B, "DISMISS-VOTE", vote(*low, by="head")) == "pass"
    assert verdict(B, "DISMISS-VOTE", vote(*low, by="higher_body")) == "violation"
    assert verdict(B, "DISMISS-VOTE", both(vote(*low, by="higher_body"), setter(
        "submission_upward", {"number": "902/TTr-BTC", "date": "2026-11-04"}))) == "pass"
    assert verdict(B, "DISMISS-VOTE", vote(*low, by=None)) == "violation"
    # readings that differ do not bar a decision the head or the higher body makes
    assert verdict(B, "DISMISS-VOTE", vote((8, 4), (5, 5), by="head")) == "pass"


def test_more_agreeing_than_members_is_named() -> None:
    found = of(run(case(B, vote((5, 6), (7, 5)))), "DISMISS-VOTE")
    assert [f.pointer for f in found] == ["/meeting/leadership/agree"]


def test_the_vote_under_nd_170() -> None:
    assert verdict(A, "DISMISS-VOTE") == "pass"
    assert verdict(A, "DISMISS-VOTE", vote((6, 3), (4, 2))) == "violation"


# ---------------------------------------------------------------- the dossier
def test_the_dossier_under_nd_300_no_longer_lists_the_tally() -> None:
    assert verdict(B, "DISMISS-DOSSIER") == "pass"  # the example has no tally minutes
    found = of(run(case(B, setter("dossier/minutes", None))), "DISMISS-DOSSIER")
    assert [f.pointer for f in found] == ["/dossier"]
    assert verdict(B, "DISMISS-DOSSIER", setter("dossier/related", [])) == "violation"


def test_the_dossier_under_nd_170_lists_the_tally() -> None:
    assert verdict(A, "DISMISS-DOSSIER") == "pass"
    assert verdict(A, "DISMISS-DOSSIER", setter("dossier/tally_minutes", None)) == (
        "violation")


# ---------------------------------------------------------------- after the decision
@pytest.mark.parametrize(("day", "expect"), [
    ("2026-11-05", "pass"), ("2026-11-06", "violation"), ("2026-11-30", "violation")])
def test_no_leadership_allowance_from_the_decision(day: str, expect: str) -> None:
    assert verdict(B, "DISMISS-ALLOWANCE", setter("after/allowance_paid_until", day)) == (
        expect)


def test_no_leadership_post_right_after_the_dismissal() -> None:
    assert verdict(B, "DISMISS-PLACEMENT", setter("after/placement/is_leadership", True)) == (
        "violation")
    assert verdict(A, "DISMISS-PLACEMENT", setter("after/placement/is_leadership", True)) == (
        "violation")


# ---------------------------------------------------------------- Party layer
def centrally_managed(data: dict[str, Any]) -> None:
    data["post"]["centrally_managed"] = True
    data["party_steps"] = {
        "btctw_exchange": {"date": "2026-10-16"},
        "head_exchange": {"date": "2026-10-19"},
        "collective_opinion": {"date": "2026-10-21"},
        "report": {"date": "2026-10-23",
                   "document": {"number": "55-BC/BCSĐ", "date": "2026-10-23"}},
        "written_opinions": {"date": "2026-10-30"},
    }


def test_a_centrally_managed_post_is_judged_in_the_party_layer() -> None:
    report = run(case(B, centrally_managed))
    assert not [f for f in report.findings if f.layer == "party"]
    assert {"PARTY-DISMISS-ORDER", "PARTY-DISMISS-STEPS"} <= set(report.rules_run)
    assert [a.source for a in report.applied if a.layer == "party"] == ["qd-377-2025"]


def test_the_party_steps_in_order_and_complete_are_warnings() -> None:
    found = of(run(case(B, both(centrally_managed, setter(
        "party_steps/report/date", "2026-10-20")))), "PARTY-DISMISS-ORDER")
    assert [(f.severity, f.pointer) for f in found] == [
        (Severity.WARNING, "/party_steps/report/date")]
    found = of(run(case(B, both(centrally_managed, setter(
        "party_steps/written_opinions", None)))), "PARTY-DISMISS-STEPS")
    assert [(f.severity, f.pointer) for f in found] == [(Severity.WARNING, "/party_steps")]


def test_other_posts_say_the_party_layer_is_not_covered() -> None:
    (note,) = run(example(B), lang="en").findings
    assert note.layer == "party" and note.kind is Kind.NOT_COVERED


# ---------------------------------------------------------------- hiệp y
def test_no_hiep_y_for_a_dismissal_at_a_vertical_line_provincial_branch() -> None:
    """HD 45 mục III.4 does not list miễn nhiệm: no hiệp y finding, asked for or not."""
    def branch(data: dict[str, Any]) -> None:
        data["unit"] = {"name": "Cục Thuế tỉnh Quảng Trị", "parent": "Cục Thuế",
                        "kind": "provincial_branch", "vertical_line": True,
                        "province": "Quảng Trị"}
        data["post"]["title"] = "Cục trưởng Cục Thuế tỉnh Quảng Trị"
        data["post"]["managing_body"] = "Bộ trưởng Bộ Tài chính"
    report = run(case(B, branch))
    assert not [f for f in report.findings if f.rule.startswith("HIEPY")]
    assert not [r for r in report.rules_run if r.startswith("HIEPY")]
    assert [f.rule for f in report.findings] == ["COVERAGE"]


# ---------------------------------------------------------------- bad input
@pytest.mark.parametrize(("change", "where", "named"), [
    (setter("grounds", {}), "/grounds", "a, b, c, d, đ, e, g, h, i, k, l"),
    (setter("term", None), "", "term"),
    (setter("meeting/leadership/members", 0), "/meeting/leadership/members", "1"),
    (setter("grounds/x", {}), "/grounds/x", "x"),
    (setter("proposal/by", "deputy"), "/proposal/by", "personnel_unit"),
])
def test_bad_input_is_a_finding_with_its_place(change: Change, where: str,
                                               named: str) -> None:
    for lang in LANGS:
        report = run(case(B, change), lang=lang)
        assert report.findings
        assert all(f.kind is Kind.INPUT and f.rule == "SCHEMA" for f in report.findings)
        (f,) = [f for f in report.findings if f.pointer == where]
        assert named in f.message and is_sentence(f.message), f.message
