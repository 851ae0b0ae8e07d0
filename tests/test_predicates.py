"""Vote arithmetic and thresholds (NĐ 170/2025 Điều 33 k2): exact fractions, checked just
below, exactly at and just above each boundary."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any

import pytest
from _support import example, run

from checker.model import Nomination, Step
from checker.report import Kind, Severity
from checker.rules.predicates import ratio, resolve, selection

HALF, THIRTY = Fraction(1, 2), Fraction(3, 10)


def step(*votes: int) -> Step:
    names = "ABCDEFGH"
    return Step(
        kind="leadership_extended",
        date=dt.date(2025, 8, 22),
        nominations=[Nomination(name=names[i], votes=v) for i, v in enumerate(votes)],
    )


def chosen(summoned: int, *votes: int) -> list[str]:
    return selection(step(*votes), summoned, HALF, THIRTY)


# ---------------------------------------------------------------- selection()
@pytest.mark.parametrize(
    ("summoned", "votes", "expected"),
    [
        # top strictly above 1/2 is chosen alone
        (10, (6, 3), ["A"]),
        (9, (5, 4), ["A"]),  # 5/9 > 1/2
        (3, (2, 1), ["A"]),
        # exactly 1/2 is not above: everyone at 3/10 or more goes on
        (8, (4, 3), ["A", "B"]),  # 4/8 = 1/2; 3/8 >= 3/10
        (10, (5, 3, 2), ["A", "B"]),  # 3/10 carries, 2/10 does not
        (10, (5, 5), ["A", "B"]),
        # 10 summoned: 3 votes = 30% carries, 2 does not
        (10, (3, 3, 2, 2), ["A", "B"]),
        (10, (4, 3, 2), ["A", "B"]),
        # nobody at 3/10: nobody goes on
        (10, (2, 2, 2, 2, 2), []),
        (10, (2,), []),
        # 7 summoned: 3/10 of 7 is 2.1, so 2 votes do not carry and 3 do
        (7, (3, 2, 2), ["A"]),
        (7, (2, 2, 2), []),
    ],
)
def test_selection(summoned: int, votes: tuple[int, ...], expected: list[str]) -> None:
    assert chosen(summoned, *votes) == expected


def test_tie_at_the_top_is_never_chosen_alone() -> None:
    # both above 1/2 of those summoned (impossible with one ballot each, but the
    # arithmetic must still not pick one of them)
    assert chosen(10, 6, 6) == ["A", "B"]
    assert chosen(10, 6, 6, 1) == ["A", "B"]
    assert chosen(9, 3, 3, 3) == ["A", "B", "C"]


def test_the_order_is_by_votes() -> None:
    assert chosen(10, 3, 4) == ["B", "A"]
    assert chosen(10, 1, 6) == ["B"]


@pytest.mark.parametrize(("summoned", "votes"), [(0, (3,)), (10, ()), (-1, (3,))])
def test_selection_is_empty_when_there_is_nothing_to_count(
    summoned: int, votes: tuple[int, ...]
) -> None:
    assert chosen(summoned, *votes) == []


def test_selection_denominator_is_those_summoned_not_present() -> None:
    # 5 of 9 present all vote for A: 5/9 of those summoned is above half
    assert chosen(9, 5) == ["A"]
    # 4 of 9: not above half, but 4/9 >= 3/10
    assert chosen(9, 4) == ["A"]
    assert chosen(9, 4, 3) == ["A", "B"]


@pytest.mark.parametrize(
    ("text", "value"), [("2/3", Fraction(2, 3)), ("1/2", HALF), ("3/10", THIRTY), ("0/1", 0)]
)
def test_ratio(text: str, value: Fraction) -> None:
    assert ratio(text) == value


@pytest.mark.parametrize(
    ("pointer", "value"),
    [
        ("", {"a": [1, {"b/c": 2, "d~e": 3}]}),
        ("/a/0", 1),
        ("/a/1/b~1c", 2),
        ("/a/1/d~0e", 3),
        ("/a/2", None),
        ("/a/01", None),
        ("/a/x", None),
        ("/z", None),
    ],
)
def test_resolve(pointer: str, value: Any) -> None:
    assert resolve({"a": [1, {"b/c": 2, "d~e": 3}]}, pointer) == value


# ---------------------------------------------------------------- through a case
def only(rule: str, data: dict[str, Any], **opts: Any) -> list[tuple[str, Kind, Severity]]:
    report = run(data, select=frozenset({rule}), **opts)
    return [(f.pointer, f.kind, f.severity) for f in report.findings]


@pytest.mark.parametrize(
    ("summoned", "present", "breach"),
    [
        (9, 5, True),  # below: 5/9 < 2/3
        (9, 6, False),  # at: 6/9 = 2/3
        (9, 7, False),  # above
        (10, 6, True),  # 2/3 of 10 is 6.67: 6 is short
        (10, 7, False),
        (3, 2, False),
        (3, 1, True),
    ],
)
def test_quorum(summoned: int, present: int, breach: bool) -> None:
    data = example("clean")
    data["steps"][1]["summoned"] = summoned
    data["steps"][1]["present"] = present
    data["steps"][1]["nominations"] = [{"name": "Trần Thị Minh Hằng", "votes": present}]
    expected = [("/steps/1/present", Kind.VIOLATION, Severity.ERROR)] if breach else []
    assert only("APPT-QUORUM", data) == expected


def test_quorum_message_states_the_number_needed() -> None:
    data = example("clean")
    data["steps"][1]["summoned"], data["steps"][1]["present"] = 10, 6
    (f,) = run(data, select=frozenset({"APPT-QUORUM"}), lang="en").findings
    assert f.message == (
        "At step 2 (extended leadership meeting) only 6 of the 10 people summoned were "
        "present; at least 7 (2/3) are needed for the meeting to be held."
    )


def step5(votes: list[tuple[str, int]], summoned: int = 4, **extra: Any) -> dict[str, Any]:
    data = example("clean")
    s = data["steps"][4]
    s["summoned"] = s["present"] = summoned
    s["nominations"] = [{"name": n, "votes": v} for n, v in votes]
    s.update(extra)
    return data


CANDIDATE = "Trần Thị Minh Hằng"


FINAL_VOTE_MESSAGES = {
    "below": "not over 50% of those summoned",
    "not_top": "but is not the person with the most votes",
    "single_half": "Cannot decide:",
    "half_no_choice": "but the case does not record the head choosing",
    "half_no_report": "but the case has no report of the differing opinions",
}


def final_vote_keys(data: dict[str, Any]) -> list[tuple[str, Kind, Severity]]:
    report = run(data, select=frozenset({"APPT-STEP5-VOTE"}), lang="en")
    out = []
    for f in report.findings:
        keys = [k for k, text in FINAL_VOTE_MESSAGES.items() if text in f.message]
        assert len(keys) == 1, f.message
        out.append((keys[0], f.kind, f.severity))
    return out


ERR, WARN = Severity.ERROR, Severity.WARNING


@pytest.mark.parametrize(
    ("votes", "summoned", "expected"),
    [
        ([(CANDIDATE, 3), ("Lê Quốc Bảo", 1)], 4, []),  # above half
        ([(CANDIDATE, 1), ("Lê Quốc Bảo", 1)], 4, [("below", Kind.VIOLATION, ERR)]),
        ([(CANDIDATE, 3)], 5, []),  # 3/5 above half
        ([(CANDIDATE, 2)], 5, [("below", Kind.VIOLATION, ERR)]),  # 2/5 below
        ([(CANDIDATE, 3), ("Lê Quốc Bảo", 3)], 5, [("not_top", Kind.VIOLATION, ERR)]),
        # exactly half and nobody else at half: the decree leaves it open (never an error)
        ([(CANDIDATE, 2), ("Lê Quốc Bảo", 1)], 4, [("single_half", Kind.UNDECIDABLE, WARN)]),
        # two at half, no choice by the head recorded
        ([(CANDIDATE, 2), ("Lê Quốc Bảo", 2)], 4, [("half_no_choice", Kind.VIOLATION, ERR)]),
    ],
    ids=["above", "below", "above-alone", "below-alone", "tie-above-half", "single-half",
         "tie-at-half"],
)
def test_final_vote(votes: list[tuple[str, int]], summoned: int, expected: list[Any]) -> None:
    assert final_vote_keys(step5(votes, summoned)) == expected


def test_final_vote_tie_at_half_chosen_by_the_head_with_a_report() -> None:
    choice = {"chosen": CANDIDATE, "report": {"number": "12/BC-PC", "date": "2025-09-10"}}
    data = step5([(CANDIDATE, 2), ("Lê Quốc Bảo", 2)], head_choice=choice)
    assert only("APPT-STEP5-VOTE", data) == []
    del choice["report"]
    assert only("APPT-STEP5-VOTE", data) == [
        ("/steps/4/head_choice", Kind.VIOLATION, Severity.ERROR)
    ]
    assert final_vote_keys(data) == [("half_no_report", Kind.VIOLATION, ERR)]
    choice["chosen"] = "Lê Quốc Bảo"
    assert final_vote_keys(data) == [("half_no_choice", Kind.VIOLATION, ERR)]


def test_final_vote_names_in_nfd_are_the_same_person() -> None:
    import unicodedata

    nfd = unicodedata.normalize("NFD", CANDIDATE)
    assert only("APPT-STEP5-VOTE", step5([(nfd, 3), ("Lê Quốc Bảo", 1)])) == []


def test_step2_nobody_at_thirty_percent_but_the_unit_went_on() -> None:
    data = example("clean")
    data["steps"][1]["nominations"] = [
        {"name": CANDIDATE, "votes": 2},
        {"name": "Lê Quốc Bảo", "votes": 2},
    ]  # 2/9 < 3/10
    assert only("APPT-STEP2-VOTE", data) == [
        ("/steps/1/nominations", Kind.VIOLATION, Severity.ERROR)
    ]
    data["steps"][1]["nominations"][0]["votes"] = 3  # 3/9 >= 3/10
    assert only("APPT-STEP2-VOTE", data) == []


@pytest.mark.parametrize(
    ("issued", "breach"),
    [
        ("2025-03-09", True),  # just below: more than 6 months before 2025-09-10
        ("2025-03-10", False),  # exactly 6 months
        ("2025-03-11", False),
        ("2025-09-10", False),  # the filing day itself
        ("2025-09-11", True),  # after filing
    ],
)
def test_health_certificate_age(issued: str, breach: bool) -> None:
    data = example("clean")
    data["dossier"]["items"][-1]["document"]["date"] = issued
    expected = (
        [("/dossier/items/9/document/date", Kind.VIOLATION, Severity.ERROR)] if breach else []
    )
    assert only("APPT-HEALTH-CERT-AGE", data) == expected


@pytest.mark.parametrize(
    ("approved", "late"),
    [
        ("2025-08-25", False),
        ("2025-08-26", False),  # the 15th working day after 2025-08-05
        ("2025-08-27", True),
    ],
)
def test_policy_deadline(approved: str, late: bool) -> None:
    data = example("clean")
    data["policy"]["approval"]["date"] = approved
    expected = [("/policy/approval/date", Kind.VIOLATION, Severity.WARNING)] if late else []
    assert only("APPT-POLICY-DEADLINE", data) == expected


@pytest.mark.parametrize(
    ("as_of", "late"), [(dt.date(2025, 8, 26), False), (dt.date(2025, 8, 27), True)]
)
def test_policy_deadline_still_open(as_of: dt.date, late: bool) -> None:
    data = example("clean")
    del data["policy"]["approval"]
    expected = [("/policy/request_received_on", Kind.VIOLATION, Severity.WARNING)] if late else []
    assert only("APPT-POLICY-DEADLINE", data, as_of=as_of) == expected


def test_policy_decided_on_the_saturday_after_the_deadline_is_late() -> None:
    data = example("clean")
    data["policy"]["request_received_on"] = "2025-08-08"
    data["policy"]["approval"]["date"] = "2025-08-30"
    assert only("APPT-POLICY-DEADLINE", data) == [
        ("/policy/approval/date", Kind.VIOLATION, Severity.WARNING)
    ]


# ---------------------------------------------------------------- crashes
@pytest.mark.parametrize("index", [1, 4], ids=["step-2", "step-5"])
def test_step_with_nobody_summoned_is_a_finding_not_a_crash(index: int) -> None:
    # once a ZeroDivisionError in nomination_round / final_vote; now refused by the schema
    data = example("clean")
    data["steps"][index]["summoned"] = 0
    data["steps"][index]["present"] = 0
    report = run(data)
    assert report.findings
    assert any(f.pointer.startswith(f"/steps/{index}") for f in report.findings)


def test_dossier_filed_in_year_one_is_not_a_crash() -> None:
    # regression: add_months raised AssertionError('unreachable') before year 1
    data = example("clean")
    data["dossier"]["submitted_on"] = "0001-03-10"
    report = run(data)
    assert all(f.message for f in report.findings)


# ---------------------------------------------------------------- consultation_recorded
def recorded(consultations: list[dict[str, Any]]) -> list[tuple[str, str]]:
    from checker.model import validate_case
    from checker.rules.predicates import ConsultationRecorded, Ctx, consultation_recorded

    data = example("clean")
    data["consultations"] = consultations
    p = ConsultationRecorded(kind="consultation_recorded", consultation="other",
                             body="Ban Thường vụ Tỉnh ủy Quảng Trị")
    return [(h.pointer, h.message)
            for h in consultation_recorded(p, Ctx(validate_case(data), data, None))]


BTV = "Ban Thường vụ Tỉnh ủy Quảng Trị"
REQUEST = {"number": "1520/TCT-TCCB", "date": "2013-04-02"}
CAP_UY = {"kind": "cap_uy_evaluation", "body": "Đảng ủy Cục Thuế", "request": REQUEST}


@pytest.mark.parametrize(
    ("consultations", "hits"),
    [
        ([], [("", "missing")]),
        ([CAP_UY], [("/consultations", "missing")]),
        # the right body, but recorded as the party committee's evaluation: not this one
        ([{**CAP_UY, "body": BTV}], [("/consultations", "missing")]),
        ([CAP_UY, {"kind": "other", "body": BTV}], [("/consultations/1", "undocumented")]),
        ([{"kind": "other", "body": BTV, "request": REQUEST}], []),
        ([{"kind": "other", "body": BTV, "answer": {"number": "845-CV/TU"}}], []),
        # old tone placement, other case, doubled space: the same body
        ([{"kind": "other", "body": "ban thường vụ  Tỉnh uỷ Quảng Trị", "request": REQUEST}], []),
        # one documented entry is enough
        ([{"kind": "other", "body": BTV}, {"kind": "other", "body": BTV, "request": REQUEST}],
         []),
    ],
    ids=["none", "another-body", "wrong-kind", "undocumented", "request", "answer",
         "spelling", "second-entry"],
)
def test_consultation_recorded(consultations: list[dict[str, Any]],
                               hits: list[tuple[str, str]]) -> None:
    assert recorded(consultations) == hits
