"""Waivers that look valid but do not hold: granted after the decision they excuse,
expiring before they were issued, resting on a document dated after today, or approved by
the very body the waived finding says is not competent. Each is a WAIVER error at the
field that is wrong, and the waiver then waives nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from typing import Any

import pytest
from _support import LANGS, ROOT, example, is_sentence, run
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from checker.cli import main
from checker.report import FileReport
from checker.waivers import WAIVER_RULE, _places, covers

CERT = "APPT-HEALTH-CERT-AGE"
CERT_AT = "/dossier/items/9/document/date"


def waived_case() -> dict[str, Any]:
    """fixtures/waivers/waived.json: the health certificate waived by 12/QĐ-BTC of
    2025-09-05, until 2025-09-30; the decision is of 2025-09-15."""
    data: dict[str, Any] = json.loads((ROOT / "fixtures" / "waivers" / "waived.json")
                                      .read_text("utf-8"))
    return data


def outcome(report: FileReport) -> list[tuple[str, str, bool]]:
    return [(f.rule, f.pointer, f.waived is not None) for f in report.findings]


def problems(report: FileReport) -> list[str]:
    return [f.pointer for f in report.findings if f.rule == WAIVER_RULE]


# ---------------------------------------------------------------- granted after the decision
def test_waiver_granted_after_the_decision_waives_nothing() -> None:
    data = waived_case()
    data["waivers"][0]["authority"]["date"] = "2025-09-16"  # the decision is of 09-15
    report = run(data, lang="en")
    assert outcome(report) == [(CERT, CERT_AT, False),
                               (WAIVER_RULE, "/waivers/0/authority/date", False)]
    f = report.findings[1]
    assert "after the decision of 2025-09-15" in f.message
    assert f.position is not None and f.position.line > 80  # in the waiver, not at the top


def test_waiver_granted_on_the_day_of_the_decision_holds() -> None:
    data = waived_case()
    data["waivers"][0]["authority"]["date"] = "2025-09-15"
    assert outcome(run(data)) == [(CERT, CERT_AT, True)]


def test_the_decision_date_not_as_of_is_what_a_waiver_must_precede() -> None:
    data = waived_case()
    data["waivers"][0]["authority"]["date"] = "2025-09-16"
    report = run(data, as_of=dt.date(2025, 9, 20))
    assert problems(report) == ["/waivers/0/authority/date"]


def test_undecided_case_takes_a_waiver_granted_after_its_last_step() -> None:
    data = waived_case()
    del data["decision"]
    data["waivers"][0]["authority"]["date"] = "2025-09-12"  # after step 5 (09-09)
    assert problems(run(data)) == []


# ---------------------------------------------------------------- its own dates
def test_waiver_expiring_before_it_was_issued_contradicts_itself() -> None:
    data = waived_case()
    data["waivers"][0]["expires"] = "2025-09-04"  # issued 2025-09-05
    report = run(data, lang="en")
    # one finding for the expiry: the contradiction, not also "expired"
    assert outcome(report) == [(CERT, CERT_AT, False),
                               (WAIVER_RULE, "/waivers/0/expires", False)]
    assert "before that document was issued on 2025-09-05" in report.findings[1].message


def test_waiver_expiring_the_day_it_is_issued_is_merely_expired() -> None:
    data = waived_case()
    data["waivers"][0]["expires"] = "2025-09-05"
    report = run(data, lang="en")
    assert problems(report) == ["/waivers/0/expires"]
    assert "has expired" in report.findings[1].message


# ---------------------------------------------------------------- dated after today
def test_authority_dated_after_today_is_not_yet_issued() -> None:
    data = waived_case()
    del data["decision"]  # still open: nothing else about the date is wrong
    data["waivers"][0]["authority"]["date"] = "2025-09-12"
    report = run(data, lang="en", today=dt.date(2025, 9, 10))
    assert problems(report) == ["/waivers/0/authority/date"]
    (f,) = [f for f in report.findings if f.rule == WAIVER_RULE]
    assert "after 2025-09-10, the day taken as today (from --today)" in f.message
    assert (CERT, CERT_AT, False) in outcome(report)
    # the day itself is fine
    assert problems(run(data, today=dt.date(2025, 9, 12))) == []


def test_as_of_is_today_when_there_is_no_today() -> None:
    data = waived_case()
    report = run(data, lang="en", as_of=dt.date(2025, 9, 1))  # before the 09-05 authority
    (f,) = [f for f in report.findings if f.pointer == "/waivers/0/authority/date"]
    assert "(from --as-of)" in f.message


def test_a_document_from_the_future_is_said_once() -> None:
    """After today and after the decision: not yet issued says it all."""
    data = waived_case()
    data["waivers"][0]["authority"]["date"] = "2025-12-01"
    data["waivers"][0]["expires"] = "2025-12-31"
    report = run(data, lang="en", today=dt.date(2025, 10, 1))
    assert problems(report) == ["/waivers/0/authority/date"]
    assert "not yet issued" in report.findings[-1].message


def test_without_a_today_the_clock_is_never_read() -> None:
    """No --today and no --as-of: the report is the same on any day (a far-future date is
    still after the decision, which is what catches it)."""
    data = waived_case()
    data["waivers"][0]["authority"]["date"] = "2999-01-01"
    data["waivers"][0].pop("expires")
    report = run(data, lang="en")
    (f,) = [f for f in report.findings if f.rule == WAIVER_RULE]
    assert "after the decision" in f.message


def test_today_reaches_the_waivers_through_the_cli(tmp_path: Any) -> None:
    data = waived_case()
    del data["decision"]
    data["waivers"][0]["authority"]["date"] = "2025-09-12"
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    args = ["check", "--no-cache", "--format", "json", "--lang", "en", str(path)]
    r = CliRunner().invoke(main, [*args, "--today", "2025-09-10"], catch_exceptions=False)
    assert r.exit_code == 1
    (fr,) = json.loads(r.stdout)["files"]
    assert "/waivers/0/authority/date" in [f["pointer"] for f in fr["findings"]]
    r = CliRunner().invoke(main, args, catch_exceptions=False)
    (fr,) = json.loads(r.stdout)["files"]
    assert "/waivers/0/authority/date" not in [f["pointer"] for f in fr["findings"]]


# ---------------------------------------------------------------- approved by the body at fault
# Every example whose authority rule (same_body: decision.body against post.managing_body)
# runs, with the decision taken by someone else: each rule id and version, one mechanism.
AUTHORITY = [
    ("clean", "APPT-AUTHORITY"),
    ("2026-four-step-in-house", "APPT-AUTHORITY"),
    ("2026-reappointment", "REAPPT-AUTHORITY"),
    ("2026-acting-head", "ACTING-AUTHORITY"),
]
DEPUTY = "Thứ trưởng Phụ trách"


def self_waived(name: str, rule: str, approver: str) -> dict[str, Any]:
    data = example(name)
    data["decision"]["body"] = DEPUTY
    data["waivers"] = [{
        "rule": rule, "pointer": "/decision/body",
        "authority": {"number": "7/QĐ-TTg", "date": data["decision"]["document"]["date"]},
        "approved_by": approver, "reason": "Cấp quản lý vắng mặt dài ngày.",
    }]
    return data


def about(report: FileReport, rule: str) -> list[tuple[str, str, bool]]:
    return [o for o in outcome(report) if o[0] in (rule, WAIVER_RULE)]


@pytest.mark.parametrize(("name", "rule"), AUTHORITY)
def test_body_found_not_competent_cannot_waive_its_own_finding(name: str, rule: str) -> None:
    report = run(self_waived(name, rule, DEPUTY), lang="en")
    assert about(report, rule) == [(rule, "/decision/body", False),
                                   (WAIVER_RULE, "/waivers/0/approved_by", False)]
    (f,) = [f for f in report.findings if f.rule == WAIVER_RULE]
    assert f'approved by "{DEPUTY}", the very body this rule finds' in f.message
    assert "(at /decision/body)" in f.message


@pytest.mark.parametrize(("name", "rule"), AUTHORITY)
def test_the_competent_body_may_waive_it(name: str, rule: str) -> None:
    managing = example(name)["post"]["managing_body"]
    report = run(self_waived(name, rule, managing))
    assert about(report, rule) == [(rule, "/decision/body", True)]


@pytest.mark.parametrize("approver", [
    "thứ trưởng  phụ trách",                                  # case, doubled space
    unicodedata.normalize("NFD", DEPUTY),                     # decomposed
    " Thứ Trưởng Phụ Trách ",                                 # title case, padded
])
def test_names_are_compared_as_names(approver: str) -> None:
    report = run(self_waived("clean", "APPT-AUTHORITY", approver))
    assert problems(report) == ["/waivers/0/approved_by"]


def test_a_waiver_of_the_whole_rule_is_judged_by_the_findings_it_covers() -> None:
    data = self_waived("clean", "APPT-AUTHORITY", DEPUTY)
    del data["waivers"][0]["pointer"]
    assert problems(run(data)) == ["/waivers/0/approved_by"]
    data["waivers"][0]["pointer"] = "/steps"  # covers no authority finding: merely unused
    assert problems(run(data)) == ["/waivers/0/pointer"]


def test_a_rule_that_disputes_no_name_does_not_look_at_the_approver() -> None:
    """The health certificate rule finds a date, not a body: the deciding body (here the
    competent one) may approve its waiver, and so may anyone the case names."""
    data = waived_case()
    data["waivers"][0]["approved_by"] = data["decision"]["body"]
    assert outcome(run(data)) == [(CERT, CERT_AT, True)]


# ---------------------------------------------------------------- all at once, every language
def everything_wrong() -> dict[str, Any]:
    data = self_waived("clean", "APPT-AUTHORITY", DEPUTY)
    w = data["waivers"][0]
    w["authority"]["date"] = "2025-09-20"  # after the decision of 2025-09-15
    w["expires"] = "2025-09-19"  # before its own authority
    return data


def test_each_fault_is_said_at_its_own_field() -> None:
    report = run(everything_wrong())
    assert sorted(problems(report)) == ["/waivers/0/approved_by",
                                        "/waivers/0/authority/date", "/waivers/0/expires"]
    assert ("APPT-AUTHORITY", "/decision/body", False) in outcome(report)
    assert all(f.position is not None for f in report.findings)


@pytest.mark.parametrize("lang", LANGS)
def test_messages_are_whole_sentences_in_one_language(lang: str) -> None:
    report = run(everything_wrong(), lang=lang, today=dt.date(2025, 9, 18))
    found = [f for f in report.findings if f.rule == WAIVER_RULE]
    assert len(found) == 3
    for f in found:
        assert is_sentence(f.message), f.message
        assert ("quy tắc" in f.message, "rule" in f.message) == (lang == "vi", lang == "en")
        assert f.cites == ()  # an inconsistency of the input, like every WAIVER finding
    other = "en" if lang == "vi" else "vi"
    assert {f.message for f in found}.isdisjoint(
        f.message for f in run(everything_wrong(), lang=other,
                               today=dt.date(2025, 9, 18)).findings)


def test_same_input_same_report() -> None:
    first = run(everything_wrong(), today=dt.date(2025, 9, 18))
    assert run(everything_wrong(), today=dt.date(2025, 9, 18)) == first


# ---------------------------------------------------------------- matching by place
segment = st.sampled_from(["", "a", "b", "0", "10", "a~1b"])
pointers = st.lists(segment, max_size=4).map(lambda s: "".join("/" + x for x in s))


@given(pointers, st.lists(pointers, max_size=6))
def test_places_are_exactly_what_covers_accepts(finding: str, waiver_places: list[str]) -> None:
    """Looking a finding's waivers up by its places (tests/test_scale.py: linear) finds the
    same waivers as trying each with covers."""
    assert {w for w in waiver_places if covers(w, finding)} == \
        {w for w in waiver_places if w in _places(finding)}
