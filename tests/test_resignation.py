"""Resignation (từ chức) and relief from the post (cho thôi giữ chức vụ), issue 14 part R:
the examples, the choice of the law by the procedure's start, hiệp y, bad input, one
language per run, the same bytes for the same input. The rule-by-rule cases are in
fixtures/cases/*/RESIGN-* and RELIEF-* (tests/test_fixtures.py runs them)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from _support import LANGS, encode, example, is_sentence, run
from click.testing import CliRunner

from checker.cli import main
from checker.model import ReliefCase, ResignationCase, validate_case
from checker.report import FileReport, Kind, Severity


def state(report: FileReport) -> list[tuple[str, str, str]]:
    return sorted((f.rule, str(f.kind), f.pointer) for f in report.findings
                  if f.layer == "state")


# ---------------------------------------------------------------- the examples
@pytest.mark.parametrize("name", ["2026-resignation", "2026-relief", "2025-resignation"])
def test_the_clean_examples_have_no_finding_but_the_party_layer_not_covered(name: str) -> None:
    report = run(example(name))
    assert [(f.rule, f.kind, f.layer) for f in report.findings] == [
        ("COVERAGE", Kind.NOT_COVERED, "party")]


def test_the_resignation_example_with_violations() -> None:
    report = run(example("2026-resignation-violations"))
    assert state(report) == [
        ("RESIGN-BAR-DISMISSAL", "violation", "/dismissal_grounds/e"),
        ("RESIGN-BAR-SCRUTINY", "violation", "/scrutiny/0"),
        ("RESIGN-DECISION-DEADLINE", "violation", "/decision/document/date"),
        ("RESIGN-DOSSIER", "violation", "/dossier"),
        ("RESIGN-GROUND-RATINGS", "violation", "/person/ratings"),
        ("RESIGN-GROUND-VOTE", "violation", "/confidence_vote/low"),
        ("RESIGN-PROPOSAL-DEADLINE", "violation", "/proposal/document/date"),
        ("RESIGN-PROPOSER", "violation", "/proposal/by"),
    ]
    late = [f for f in report.findings if f.rule.endswith("-DEADLINE")]
    assert {f.severity for f in late} == {Severity.WARNING}  # a late act is not void


def test_the_relief_example_with_violations() -> None:
    report = run(example("2026-relief-violations"))
    assert state(report) == [
        ("RELIEF-BAR-DISMISSAL", "violation", "/dismissal_grounds/b"),
        ("RELIEF-CONVERSION", "violation", "/grounds/clause_2/d"),
        ("RELIEF-DOSSIER", "violation", "/dossier"),
        ("RESIGN-BAR-CRITICAL-OPEN", "undecidable", "/critical_task/assigned"),
        ("RESIGN-DECISION-DEADLINE", "violation", "/decision/document/date"),
        ("RESIGN-EXCHANGE", "violation", ""),
    ]


def test_the_shapes() -> None:
    assert type(validate_case(example("2026-resignation"))) is ResignationCase
    assert type(validate_case(example("2026-relief"))) is ReliefCase


# ---------------------------------------------------------------- which law
def test_a_relief_before_nd_300_is_not_covered_in_the_state_layer() -> None:
    """NĐ 170 as first issued has no article on cho thôi giữ chức vụ: nothing is invented."""
    data = example("2026-relief")
    data["exchange_with_person"]["date"] = "2026-07-20"
    report = run(data, lang="en")
    notes = [f for f in report.findings if f.layer == "state"]
    assert [(f.rule, f.kind) for f in notes] == [("COVERAGE", Kind.NOT_COVERED)]


def test_a_letter_received_before_nd_300_keeps_the_first_text_to_the_end() -> None:
    """NĐ 300 Điều 35 k2: a procedure begun before 2026-08-01 stays under NĐ 170 as first
    issued, even when decided after; its rules (2/3 cap on point d) apply, NĐ 300's not."""
    data = example("2025-resignation")
    data["resignation_letter"] = {"date": "2026-07-27", "received_on": "2026-07-28"}
    data["exchange_with_person"]["date"] = "2026-07-30"
    data["proposal"]["document"]["date"] = "2026-08-04"
    data["proposal"]["received_on"] = "2026-08-04"
    data["decision"]["document"]["date"] = "2026-08-10"
    data["decision"]["effective_date"] = "2026-08-10"
    data["after"]["allowance_kept_until"] = "2027-02-10"
    data["confidence_vote"] = {"date": "2026-07-01", "low": 15, "total": 21}
    report = run(data)
    assert state(report) == [("RESIGN-GROUND-VOTE-CAP", "violation", "/confidence_vote/low")]
    assert [a.source for a in report.applied if a.layer == "state"] == ["nd-170-2025"]


def test_the_allowance_rule_of_the_first_text_is_not_carried_into_nd_300() -> None:
    data = example("2026-resignation")
    data["after"] = {"allowance_kept_until": "2026-11-01"}  # neither term end nor 6 months
    assert state(run(data)) == []


# ---------------------------------------------------------------- hiệp y
@pytest.mark.parametrize("name", ["2026-resignation", "2026-relief", "2025-resignation"])
def test_no_hiep_y_finding_at_a_vertical_line_provincial_branch(name: str) -> None:
    """HD 45 mục III.4 lists neither resignation nor relief among the matters needing the
    provincial standing committee's hiệp y."""
    data = example(name)
    data["unit"].update(kind="provincial_branch", vertical_line=True, province="Ninh Bình")
    data["post"]["is_head_of_unit"] = True
    report = run(data)
    assert not [f for f in report.findings if f.rule.startswith("HIEPY")]
    assert state(report) == []


# ---------------------------------------------------------------- input and output
@pytest.mark.parametrize("grounds", [{}, {"$comment": "chưa điền"}])
def test_a_case_naming_no_ground_is_told_which_points_exist(grounds: dict[str, str]) -> None:
    data = example("2026-resignation")
    data["grounds"] = grounds
    [f] = [f for f in run(data, lang="en").findings if f.rule == "SCHEMA"]
    assert f.pointer == "/grounds"
    assert f.message == ('Fields missing: give "a", or "b", or "c", or "d", or "đ", or "e", '
                         'or "g", or "h", or "i", or "k".')


def test_a_relief_ground_of_clause_2_outside_clause_3_is_a_schema_error() -> None:
    data = example("2026-relief")
    data["grounds"] = {"clause_2": {"a": {}}}
    report = run(data, lang="en")
    assert [(f.rule, f.pointer) for f in report.findings] == [
        ("SCHEMA", "/grounds/clause_2"), ("SCHEMA", "/grounds/clause_2/a")]
    assert '"b", or "d", or "đ", or "e", or "g", or "h", or "i"' in report.findings[0].message


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ["2026-resignation-violations", "2026-relief-violations"])
def test_one_run_speaks_one_language_in_whole_sentences(name: str, lang: str) -> None:
    report = run(example(name), lang=lang)
    for f in report.findings:
        assert is_sentence(f.message), f.message
        english = re.search(r"\b(the|is|of|and)\b", f.message)
        assert (english is None) == (lang == "vi"), (lang, f.message)


def test_the_same_input_gives_the_same_bytes(tmp_path: Path) -> None:
    case = tmp_path / "case.json"
    case.write_bytes(encode(example("2026-resignation-violations")))
    outputs = [CliRunner().invoke(main, ["check", "--format", fmt, str(case)]).stdout_bytes
               for fmt in ("json", "sarif", "json", "sarif")]
    assert outputs[0] == outputs[2] and outputs[1] == outputs[3]
    assert b"RESIGN-BAR-SCRUTINY" in outputs[0]


# ---------------------------------------------------------------- the Party layer
def test_a_centrally_managed_post_is_judged_in_the_party_layer_too() -> None:
    """HD 45 mục IV.2: the steps for cadres the Politburo or Secretariat manages; other
    cadres' Party procedure is each committee's own, and the layer says so."""
    data = example("2026-resignation")
    data["post"]["centrally_managed"] = True
    report = run(data)
    party = sorted((f.rule, f.severity) for f in report.findings if f.layer == "party")
    assert party == [("PARTY-RESIGN-STEPS", Severity.WARNING)] * 5
    data["party_steps"] = {k: {"date": d} for k, d in (
        ("btctw_exchange", "2026-10-01"), ("head_exchange", "2026-10-02"),
        ("collective_opinion", "2026-10-07"), ("report", "2026-10-09"),
        ("written_opinions", "2026-10-19"))}
    assert [f for f in run(data).findings if f.layer == "party"] == []
