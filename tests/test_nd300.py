"""NĐ 300/2026 and the fidelity defects found by testing: the four-level confidence scale,
citations of an article as amended, rules continued across packs, and one regression
test per defect (the fixtures under fixtures/cases/ cover the rest)."""

from __future__ import annotations

import copy
import datetime as dt
import json
import tomllib
from typing import Any

import pytest
from _support import EXAMPLES, example, run, shift_dates, triples

from checker.cache import decode, encode
from checker.errors import RulePackError
from checker.report import Amendment, Citation, Confidence, DocKind, Kind, Severity
from checker.rules.pack import BUILTIN_PACKS, Pack, builtin_packs, check_unique, parse_pack
from checker.sources import catalog, toml_plain

AMENDED = BUILTIN_PACKS / "nd-300-2026-appointment.toml"


def pack_data(path: Any = AMENDED) -> dict[str, Any]:
    data: dict[str, Any] = toml_plain(tomllib.loads(path.read_text("utf-8")))
    return data


def a_rule(data: dict[str, Any], rule_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(r for r in data["rules"] if r["id"] == rule_id)
    return found


# ---------------------------------------------------------------- confidence, four levels
def test_the_scale_has_four_ordered_levels() -> None:
    assert [c.value for c in sorted(Confidence, key=lambda c: -c.rank)] == [
        "high", "medium-high", "medium", "low"]


def test_nd_300_is_medium_high_and_its_rules_may_be_errors() -> None:
    assert catalog().get("nd-300-2026").confidence is Confidence.MEDIUM_HIGH  # type: ignore[union-attr]
    rule = next(r for p in builtin_packs() for r in p.rules
                if r.id == "APPT-STEP4-VOTE")
    assert rule.severity is Severity.ERROR


def test_an_error_resting_on_medium_sources_only_is_refused() -> None:
    data = pack_data()
    r = a_rule(data, "APPT-STEP4-VOTE")
    for c in r["cites"]:
        c["confidence"] = "medium"
    with pytest.raises(RulePackError, match="medium-confidence source is at most a warning"):
        parse_pack(data, "t.toml", catalog())


def test_an_amendment_must_be_one_the_catalog_knows() -> None:
    data = pack_data()
    a_rule(data, "APPT-STEP4-VOTE")["cites"][0]["amended_by"]["source"] = "qd-377-2025"
    with pytest.raises(RulePackError, match="does not say that qd-377-2025 amends nd-170-2025"):
        parse_pack(data, "t.toml", catalog())


def test_a_clause_rated_apart_from_its_document_carries_its_own_confidence() -> None:
    """Quy định 80 is read through summaries (medium), but its Điều 18 k3 is quoted word
    for word by the Government portal and two more sources: medium-high, so a shortfall
    in time in post under it is an error (defect e)."""
    rule = next(r for p in builtin_packs() for r in p.rules
                if r.id == "PARTY-TIME-IN-POST" and r.version == 1)
    assert rule.severity is Severity.ERROR
    (cite,) = rule.cites
    assert cite.confidence_in(catalog()) is Confidence.MEDIUM_HIGH
    assert catalog().get("qd-80-2022").confidence is Confidence.MEDIUM  # type: ignore[union-attr]


def test_violations_example_reports_the_qd_80_time_in_post_as_an_error() -> None:
    found = [f for f in run(example("violations")).findings if f.rule == "PARTY-TIME-IN-POST"]
    assert [(f.severity, f.cites[0].confidence) for f in found] == [
        (Severity.ERROR, Confidence.MEDIUM_HIGH)]


# ---------------------------------------------------------------- citations as amended
def test_an_amended_article_is_cited_with_the_amending_article() -> None:
    decree = DocKind(vi="Nghị định", en="Decree")
    c = Citation(source="nd-170-2025", number="170/2025/NĐ-CP", article=33, clause=2,
                 point="d", confidence=Confidence.MEDIUM_HIGH, kind=decree,
                 amended_by=Amendment(source="nd-300-2026", number="300/2026/NĐ-CP",
                                      article=13, kind=decree))
    assert c.label("vi") == ("điểm d khoản 2 Điều 33 Nghị định 170/2025/NĐ-CP "
                             "(sửa đổi bởi Điều 13 Nghị định 300/2026/NĐ-CP)")
    assert c.label("en") == ("Decree 170/2025/NĐ-CP, Article 33(2)(d) "
                             "(as amended by Decree 300/2026/NĐ-CP, Article 13)")


def test_every_rule_of_the_amended_regime_cites_the_amending_article_or_an_unamended_one(
) -> None:
    """Either the article as amended (with NĐ 300's article) or an article NĐ 300 left
    as it was (Điều 28, 31, 34 k2, 38), a transitional clause of NĐ 300 itself, the
    Civil Code's counting of periods, or the Law on Cadres and Civil Servants."""
    unamended = {("nd-170-2025", 28), ("nd-170-2025", 31), ("nd-170-2025", 34),
                 ("nd-170-2025", 38)}
    for p in builtin_packs():
        if not p.id.startswith("nd-300-2026"):
            continue
        for r in p.rules:
            for c in r.cites:
                # Luật 80/2025 (cited by the suspension and dismissal packs) is not amended by
                # NĐ 300
                ok = (c.amended_by is not None
                      or c.source in ("nd-300-2026", "blds-91-2015", "luat-80-2025")
                      or ((c.source, c.article) in unamended
                          and not (c.article == 34 and c.clause == 3)))
                assert ok, (f"{r.id}: {c.source} Điều {c.article} k{c.clause} is cited as "
                            "first issued")


def test_the_json_report_carries_the_amendment_and_the_applied_amended_regulation() -> None:
    from checker.report import Report
    from checker.reporters.json import document

    case = example("2026-four-step-in-house")
    case["steps"][2]["nominations"][0]["votes"] = 12
    doc = document(Report(files=(run(case),)))
    (f,) = [f for f in doc["files"][0]["findings"] if f["rule"] == "APPT-STEP3-VOTE"]
    assert f["citations"][0]["amended_by"] == {"source": "nd-300-2026",
                                               "number": "300/2026/NĐ-CP", "article": 13}
    assert f["citations"][0]["confidence"] == "medium-high"
    state = [a for a in doc["files"][0]["applied"] if a["layer"] == "state"]
    assert state[0]["amends"] == "170/2025/NĐ-CP"


def test_the_cache_keeps_sections_and_amendments() -> None:
    """A cached result is the same result: a guidance section or an amending article
    lost on the way back would change what the report cites."""
    case = example("2026-four-step-in-house")
    case["steps"][2]["nominations"][0]["votes"] = 12
    report = run(case)
    assert any(c.amended_by for f in report.findings for c in f.cites)
    assert decode(report.path, encode(report)) == report
    hd45 = run(shift_dates(example("2026-provincial-branch-hiep-y"), 0))
    assert decode(hd45.path, encode(hd45)) == hd45


# ---------------------------------------------------------------- packs of two periods
def test_built_in_packs_continue_a_rule_in_a_later_period() -> None:
    ids = {p.id: {r.id for r in p.rules} for p in builtin_packs()}
    assert "APPT-STEPS" in ids["nd-170-2025"] and "APPT-STEPS" in ids["nd-300-2026-appointment"]


def test_an_added_pack_may_not_speak_in_a_built_in_rules_name() -> None:
    """Even for a period no built-in version covers: a local pack cannot add a version of
    APPT-STEPS (its findings would read as the law's)."""
    data = pack_data()
    data["id"] = "local-pack"
    data["rules"] = [copy.deepcopy(a_rule(data, "APPT-STEPS"))]
    data["rules"][0]["version"] = 9
    data["rules"][0]["in_force"] = {"from": "2010-01-01", "until": "2010-12-31"}
    data["covers"][0]["in_force"] = {"from": "2010-01-01", "until": "2010-12-31"}
    # built without the meaning checks, which refuse a cover of 300/2026 in 2010 before
    # the ids are compared: this is about the ids alone
    local = Pack.model_validate(data)
    packs = builtin_packs()
    check_unique(packs, builtin=len(packs))
    with pytest.raises(RulePackError, match="rule APPT-STEPS is already defined"):
        check_unique((*packs, local), builtin=len(packs))


def test_built_in_packs_may_not_overlap_in_a_continued_rule() -> None:
    data = pack_data()
    data["id"] = "overlapping"
    r = a_rule(data, "APPT-STEPS")
    r["version"] = 7
    r["in_force"] = {"from": "2026-07-01"}
    data["covers"][0]["in_force"] = {"from": "2026-07-01"}
    data["rules"] = [r]
    dup = Pack.model_validate(data)  # 300/2026 is not in force on 2026-07-01: ids alone
    packs = builtin_packs()
    with pytest.raises(RulePackError, match="APPT-STEPS"):
        check_unique((*packs, dup), builtin=len(packs) + 1)


# ---------------------------------------------------------------- defect b: after a stop
def test_a_stop_is_reported_once_and_the_later_steps_are_not_judged() -> None:
    """NĐ 170 as first issued: nobody reaches 30% at step 2 and the unit goes on. The
    stop is reported; step 3's nominee is not also said to "differ" from step 2's empty
    choice, nor step 5's vote judged."""
    case = example("clean")
    case["steps"][1]["nominations"] = [{"name": n, "votes": 2} for n in
                                       ("Trần Thị Minh Hằng", "Lê Quốc Bảo", "Ngô Thanh Tâm",
                                        "Đặng Văn Phúc")]
    case["steps"][1]["present"] = 9
    case["steps"][4]["nominations"] = [{"name": "Trần Thị Minh Hằng", "votes": 1}]
    found = [(f.rule, f.kind) for f in run(case).findings if f.layer == "state"]
    assert found == [("APPT-STEP2-VOTE", Kind.VIOLATION)]


# ---------------------------------------------------------------- defect c: citations
def test_the_steps_in_order_rule_cites_the_list_the_key_officials_vote_on() -> None:
    rule = next(r for p in builtin_packs() for r in p.rules
                if r.id == "APPT-STEPS" and r.version == 1)
    assert {(c.article, c.clause, c.point) for c in rule.cites} >= {(33, 2, "d"), (33, 2, "c")}


# ---------------------------------------------------------------- defect d: coverage
def test_a_reappointment_under_qd_80_is_judged_under_it_with_an_info_note() -> None:
    """Quy định 80 governs reappointment (its Chương IV), though none of those rules is
    encoded: the Party layer names it and notes that nothing of it was checked, as
    information, not a coverage warning."""
    case = example("2026-reappointment")
    decided = dt.date.fromisoformat(case["decision"]["document"]["date"])
    moved = shift_dates(case, (dt.date(2024, 6, 14) - decided).days)
    party = [f for f in run(moved).findings if f.layer == "party"]
    assert [(f.rule, f.severity) for f in party] == [("COVERAGE", Severity.INFO)]
    assert "80-QĐ/TW" in party[0].message


# ---------------------------------------------------------------- examples
@pytest.mark.parametrize("name", ["2026-four-step-in-house", "2026-from-elsewhere",
                                  "2026-reappointment", "2026-acting-head"])
def test_the_2026_examples_are_clean_in_the_state_layer(name: str) -> None:
    data = json.loads((EXAMPLES / f"{name}.json").read_text("utf-8"))
    assert [f.rule for f in run(data).findings if f.layer == "state"] == []


def test_after_a_stop_a_consultation_judged_against_a_later_step_is_left_out() -> None:
    """2026: nobody reaches 30% at step 1 and the unit goes on; the party committee's
    answer coming after step 4 is a finding about step 4, which is not judged."""
    case = example("2026-four-step-in-house")
    case["steps"][0]["nominations"] = [{"name": n, "votes": 1} for n in
                                       ("Đỗ Thị Thu Trang", "Hoàng Văn Nam", "Vũ Thị Hà")]
    case["steps"][0]["summoned"] = case["steps"][0]["present"] = 4
    case["consultations"][0]["answer"]["date"] = "2026-09-08"
    found = [(f.rule, f.kind) for f in run(case).findings if f.layer == "state"]
    assert found == [("APPT-STEP1-VOTE", Kind.VIOLATION)]


# ---------------------------------------------------------------- from the legal review
def state(case: dict[str, Any], **opts: Any) -> list[tuple[str, Kind]]:
    """The state layer's findings, less the information that no encoded rule fits."""
    return [(f.rule, f.kind) for f in run(case, **opts).findings if f.layer == "state"
            and f.severity is not Severity.INFO]


def test_force_majeure_absences_leave_the_base_even_undocumented_with_a_warning() -> None:
    """The exclusion stands on its own in the decree; the report and decision are a
    separate duty, warned about."""
    case = example("2026-four-step-in-house")
    step = case["steps"][3]
    step.update(summoned=7, present=5, force_majeure_absent=2,
                nominations=[{"name": "Đỗ Thị Thu Trang", "votes": 3}])
    quiet = {"ignore": frozenset({"APPT-STEP4-COMPOSITION"})}  # step 1 summoned 3
    assert state(case, **quiet) == [("APPT-FORCE-MAJEURE", Kind.VIOLATION)]  # 3 of 5, not 7


def test_more_force_majeure_absences_than_absentees_are_refused_and_capped() -> None:
    case = example("2026-four-step-in-house")
    step = case["steps"][3]
    step.update(summoned=5, present=5, force_majeure_absent=2,
                summons_report={"title": "Báo cáo"}, summons_decision={"title": "Quyết định"},
                nominations=[{"name": "Đỗ Thị Thu Trang", "votes": 2}])
    quiet = {"ignore": frozenset({"APPT-STEP4-COMPOSITION"})}  # step 1 summoned 3
    assert sorted(state(case, **quiet)) == [("APPT-BALLOTS", Kind.VIOLATION),
                                            ("APPT-STEP4-VOTE", Kind.VIOLATION)]  # 2 of 5


def test_a_stop_reported_and_directed_is_no_breach_reported_alone_is_open() -> None:
    case = example("2026-four-step-in-house")
    case["steps"][2]["nominations"][0]["votes"] = 12
    case["steps"][2]["referral"] = {"number": "140/BC-TCBC", "date": "2026-08-25"}
    assert state(case) == [("APPT-STEP3-VOTE", Kind.UNDECIDABLE)]
    case["steps"][2]["direction"] = {"number": "4300/BNV-TCCB", "date": "2026-08-27"}
    assert state(case) == []


def test_a_reused_dossier_is_judged_at_its_first_filing() -> None:
    case = example("2026-four-step-in-house")
    case["dossier"]["items"][10]["document"]["date"] = "2026-02-20"
    assert state(case) == [("APPT-DOSSIER-FRESH", Kind.VIOLATION)]
    case["dossier"]["first_submitted_on"] = "2026-05-10"  # within six months of both
    assert state(case) == []


def test_a_stale_item_without_the_filing_date_cannot_be_decided() -> None:
    case = example("2026-four-step-in-house")
    case["dossier"]["items"][10]["document"]["date"] = "2026-03-10"  # stale at the decision
    del case["dossier"]["submitted_on"]
    assert state(case) == [("APPT-DOSSIER-FRESH", Kind.UNDECIDABLE)]


def test_time_in_post_short_before_the_decision_is_pending() -> None:
    case = example("2026-four-step-in-house")
    case["candidate"]["current_post_since"] = "2025-09-10"
    del case["decision"]
    assert ("APPT-TIME-IN-POST", Kind.UNDECIDABLE) in state(case)


def test_the_party_committee_evaluation_depends_on_a_recorded_fact() -> None:
    case = example("2026-four-step-in-house")
    case["consultations"] = []
    assert state(case) == [("APPT-CAPUY-OPINION", Kind.VIOLATION)]  # recorded: false
    del case["unit"]["party_committee_leads_comprehensively"]
    assert state(case) == [("APPT-CAPUY-OPINION", Kind.UNDECIDABLE)]
    case["unit"]["party_committee_leads_comprehensively"] = True
    assert state(case) == []


def test_deferral_grounds_are_named_in_words() -> None:
    case = example("2026-reappointment")
    case["candidate"]["deferral"] = ["abroad_3_months", "responsibility_inquiry"]
    found = [f for f in run(case).findings if f.rule == "REAPPT-DEFERRAL"]
    assert len(found) == 2
    assert all("_" not in f.message for f in found), [f.message for f in found]


def test_a_notice_due_before_nd_300_took_effect_is_not_judged_by_it() -> None:
    """Term expiring 2026-11-30: 90 working days before is in July 2026, before NĐ 300."""
    case = example("2026-reappointment")
    case["previous_term"]["expires"] = "2026-11-30"
    case["notice"]["date"] = "2026-08-20"
    case["notice_received_on"] = "2026-08-21"
    found = [(f.rule, f.kind) for f in run(case).findings if f.rule == "REAPPT-NOTICE"]
    assert found == [("REAPPT-NOTICE", Kind.UNDECIDABLE)]


def test_today_judges_open_deadlines_without_changing_the_law() -> None:
    """--as-of moves the whole case under the law of that day; --today only says what
    day it is for deadlines still running."""
    acting = example("2026-acting-head")
    acting["decision"]["document"]["date"] = "2025-08-28"
    acting["decision"]["effective_date"] = "2025-09-01"
    acting["decision"]["term_end"] = "2026-12-31"
    late = dt.date(2026, 12, 15)
    assert "ACTING-TERM" not in {r for r, _ in state(acting, today=late)}
    assert ("ACTING-LEGACY-LIMIT", Kind.UNDECIDABLE) in state(acting, today=late)


# ---------------------------------------------------------------- from the code review
@pytest.mark.parametrize(("where", "value"), [
    (("decision", "document", "date"), "9999-12-31"),
    (("candidate", "retirement_date"), "9999-12-31"),
    (("policy", "request_received_on"), "9999-12-31"),
    (("dossier", "submitted_on"), "9999-12-31"),
    (("candidate", "current_post_since"), "0001-01-01"),
])
def test_dates_at_the_ends_of_the_calendar_neither_hang_nor_crash(
        where: tuple[str, ...], value: str) -> None:
    case = example("2026-four-step-in-house")
    node = case
    for k in where[:-1]:
        node = node[k]
    node[where[-1]] = value
    report = run(case, today=dt.date(9999, 12, 31))
    assert all(f.rule != "SCHEMA" for f in report.findings)


def test_extreme_dates_in_reappointment_deadlines() -> None:
    case = example("2026-reappointment")
    case["notice_received_on"] = "9999-12-31"
    case["steps"][0]["date"] = "9999-12-31"
    run(case, today=dt.date(9999, 12, 31))
    case = example("2026-reappointment")
    case["previous_term"]["expires"] = "0001-01-01"
    run(case)


def test_one_person_written_two_ways_with_many_votes_does_not_crash() -> None:
    case = example("2026-four-step-in-house")
    case["steps"][3]["nominations"] = [{"name": "Hoàng Văn Nam", "votes": 100000},
                                       {"name": "hoàng văn nam", "votes": 100000},
                                       {"name": "Đỗ Thị Thu Trang", "votes": 3}]
    assert any(f.rule == "APPT-STEP4-VOTE" for f in run(case).findings)


def test_more_absences_than_summoned_without_a_present_count_is_no_false_stop() -> None:
    case = example("2026-four-step-in-house")
    del case["steps"][1]["present"]
    case["steps"][1]["force_majeure_absent"] = 12
    found = {(f.rule, f.kind) for f in run(case).findings if f.layer == "state"}
    assert ("APPT-BALLOTS", Kind.VIOLATION) in found
    assert ("APPT-STEP2-VOTE", Kind.VIOLATION) not in found


def test_a_year_rated_twice_counts_at_its_worse_rating() -> None:
    case = example("2026-four-step-in-house")
    del case["candidate"]["three_year_assessment"]
    case["candidate"]["ratings"] = [{"year": 2025, "rating": "not_completed"},
                                    {"year": 2023, "rating": "good"},
                                    {"year": 2024, "rating": "good"},
                                    {"year": 2025, "rating": "good"}]
    assert ("APPT-PERFORMANCE", Kind.VIOLATION) in state(case)


def test_a_missing_section_is_pointed_at_where_it_would_go() -> None:
    case = example("2026-four-step-in-house")
    del case["policy"]
    (f,) = [f for f in run(case).findings if f.rule == "APPT-POLICY-APPROVAL"]
    assert f.pointer == "" and f.position is not None and f.position.line == 1


def test_earlier_equivalent_posts_are_weighed_at_every_reading() -> None:
    case = example("2026-four-step-in-house")
    case["candidate"]["current_post_since"] = "2026-01-01"
    case["candidate"]["posts_held"] = [{"title": "Trưởng phòng", "since": "2025-10-01",
                                        "until": "2025-12-31", "relation": "lower_adjacent"}]
    case["decision"]["document"]["date"] = "2026-12-20"
    party = [(f.rule, f.kind) for f in run(case).findings if f.rule == "PARTY-TIME-IN-POST"]
    assert party == [("PARTY-TIME-IN-POST", Kind.UNDECIDABLE)]


# ---------------------------------------------------------------- how a number is written
def floats(data: Any) -> Any:
    """data with every integer written as a float (12 -> 12.0)."""
    if isinstance(data, bool):
        return data
    if isinstance(data, int):
        return float(data)
    if isinstance(data, dict):
        return {k: floats(v) for k, v in data.items()}
    if isinstance(data, list):
        return [floats(v) for v in data]
    return data


@pytest.mark.parametrize("name", sorted(p.stem for p in EXAMPLES.glob("*.json")))
def test_an_integer_written_with_a_zero_fraction_is_the_same_integer(name: str) -> None:
    case = example(name)
    as_ints = triples(run(case).findings)
    assert triples(run(floats(case)).findings) == as_ints
    exponent = json.dumps(case, ensure_ascii=False, indent=2).replace(": 12,", ": 1.2e1,")
    assert triples(run(exponent.encode("utf-8")).findings) == as_ints


def test_a_quorum_written_as_floats_is_still_counted() -> None:
    case = example("2024-ministry-bcs-era")
    case["bcs"]["meetings"][2]["present"] = 4
    case["bcs"]["meetings"][2]["votes_for"] = 3
    as_ints = triples(run(case).findings)
    assert {"BCS-QUORUM", "BCS-MAJORITY"} <= {rule for rule, _, _ in as_ints}
    assert triples(run(floats(case)).findings) == as_ints


def test_a_fractional_count_is_a_schema_finding_not_a_silent_pass() -> None:
    case = example("2026-four-step-in-house")
    case["steps"][1]["present"] = 11.5
    assert any(f.rule == "SCHEMA" and f.pointer == "/steps/1/present"
               for f in run(case).findings)
