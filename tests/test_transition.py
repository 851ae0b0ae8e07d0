"""A procedure that straddles a change of the law with only its preliminaries before it.

NĐ 300/2026 Điều 35 k2 keeps a procedure "already carried out" (đã thực hiện quy trình)
before 2026-08-01 under the law of that time. NĐ 170 Điều 33 k1 c (in both texts) puts
"thực hiện quy trình" after the policy, so whether a case with only its policy request (or
a reappointment's notice) before that day counts is not settled (legal brief T-1). Such a
case is judged under both texts: what both conclude stands, what only one concludes is
"cannot decide", and one note says why. A case whose first step came before the day is
firmly under the earlier text; --as-of chooses one text and the question does not arise.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from _support import example, run

from checker.errors import RulePackError
from checker.report import Kind, Severity
from checker.rules.pack import builtin_packs, parse_pack
from checker.sources import catalog

BOUNDARY_NOTE = "COVERAGE"


def _straddling(**steps: str) -> dict[str, Any]:
    """The in-house example (all of it under NĐ 300) with its policy request moved to
    July 2026; its steps stay in August unless moved."""
    data = example("2026-four-step-in-house")
    data["policy"]["request"]["date"] = "2026-07-27"
    data["policy"]["request_received_on"] = "2026-07-28"
    for i, day in steps.items():
        data["steps"][int(i.removeprefix("s"))]["date"] = day
    return data


def _notes(report: Any) -> list[Any]:
    return [f for f in report.findings
            if f.rule == BOUNDARY_NOTE and f.kind is Kind.UNDECIDABLE]


def test_the_unstraddled_example_has_no_note() -> None:
    report = run(example("2026-four-step-in-house"))
    assert _notes(report) == []
    assert [f for f in report.findings if f.severity is not Severity.INFO] == []


def test_policy_only_before_the_change_is_judged_both_ways() -> None:
    report = run(_straddling())
    (note,) = _notes(report)
    assert note.severity is Severity.INFO
    assert note.pointer == "/policy/request/date"
    assert "27/07/2026" in note.message and "17/08/2026" in note.message
    assert [(c.number, c.article, c.clause) for c in note.cites] == [
        ("300/2026/NĐ-CP", 35, 2)]
    state = [a for a in report.applied if a.layer == "state"]
    assert [(a.number, a.selected_by) for a in state] == [
        ("170/2025/NĐ-CP", "/policy/request/date"),
        ("300/2026/NĐ-CP", "/steps/0/date"),
    ]
    # Under NĐ 170 as first issued an in-house appointment has five steps; under the
    # amended text four. The missing fifth step is a finding of one reading only.
    steps = [f for f in report.findings if f.rule == "APPT-STEPS"]
    assert steps, report.findings
    for f in steps:
        assert f.severity is Severity.WARNING
        assert f.kind is Kind.UNDECIDABLE
        assert "không thể kết luận" in f.message
        assert ("300/2026/NĐ-CP", 35, 2) in [(c.number, c.article, c.clause) for c in f.cites]
    assert not [f for f in report.findings if f.severity is Severity.ERROR]


def test_a_conclusion_of_both_readings_stands() -> None:
    data = _straddling()
    data["political_standard_conclusion"]["document"]["date"] = "2026-09-20"  # after
    report = run(data)
    (f,) = [f for f in report.findings if f.rule == "APPT-POLITICAL-BEFORE"]
    assert f.severity is Severity.ERROR
    assert f.kind is Kind.VIOLATION
    assert "không thể kết luận" not in f.message
    assert [c.number for c in f.cites] == ["170/2025/NĐ-CP"]


def test_a_conclusion_of_the_later_reading_only_cannot_be_decided() -> None:
    data = _straddling()
    data["steps"][0]["nominations"] = [
        {"name": "Đỗ Thị Thu Trang", "votes": 1}, {"name": "Hoàng Văn Nam", "votes": 1}]
    report = run(data, lang="en")
    (f,) = [f for f in report.findings if f.rule == "APPT-STEP1-LIST"]
    assert f.kind is Kind.UNDECIDABLE
    assert "holds only if the case is judged under Decree 170/2025/NĐ-CP as amended by " \
        "Decree 300/2026/NĐ-CP, not under Decree 170/2025/NĐ-CP" in f.message
    # the same finding on the unstraddled case is a plain finding of NĐ 300
    plain = run(example("2026-four-step-in-house") | {"steps": data["steps"]}, lang="en")
    (g,) = [g for g in plain.findings if g.rule == "APPT-STEP1-LIST"]
    assert g.kind is Kind.VIOLATION and "cannot decide" not in g.message


def test_a_first_step_before_the_change_settles_it() -> None:
    report = run(_straddling(s0="2026-07-30"))
    assert _notes(report) == []
    state = [a for a in report.applied if a.layer == "state"]
    assert [a.number for a in state] == ["170/2025/NĐ-CP"]
    steps = [f for f in report.findings if f.rule == "APPT-STEPS"]
    assert steps and all(f.kind is Kind.VIOLATION for f in steps)


def test_as_of_chooses_one_text() -> None:
    report = run(_straddling(), as_of=dt.date(2026, 9, 16))
    assert _notes(report) == []
    assert [a.number for a in report.applied if a.layer == "state"] == ["300/2026/NĐ-CP"]


def test_reappointment_notice_only_before_the_change() -> None:
    data = example("2026-reappointment")
    dated = [s["date"] for s in data.get("steps", [])]
    assert dated and min(dated) >= "2026-08-01", dated
    data["notice"]["date"] = "2026-07-15"
    report = run(data)
    (note,) = _notes(report)
    assert note.pointer == "/notice/date"


def test_same_bytes_every_time() -> None:
    a, b = run(_straddling()), run(_straddling())
    assert a == b


@pytest.mark.parametrize("selector", ["decision", "acting_end", "planning_approval"])
def test_a_transition_needs_the_process_start(selector: str) -> None:
    (base,) = [p for p in builtin_packs() if p.id == "nd-300-2026-appointment"]
    data = base.model_dump(by_alias=True, mode="json", exclude_none=True)
    data["covers"][0]["selected_by"] = selector
    with pytest.raises(RulePackError, match="transition"):
        parse_pack(data, "agency.toml", catalog(), schema=False)
