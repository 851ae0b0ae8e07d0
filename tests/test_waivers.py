"""Waivers: a waived finding is reported as waived and never fails the run; a waiver that
is expired, unknown, without authority or unused is itself a finding.

fixtures/waivers/*.json are whole cases (their text and JSON output is golden, see
test_golden.py); here each one's outcome is stated, then the matching is tested piece by
piece: by rule, by pointer prefix, by date, under --select and --ignore, in every format.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from _support import LANGS, ROOT, example, is_sentence, run, shift_dates
from click.testing import CliRunner

from checker.cli import main
from checker.i18n import MESSAGES
from checker.loading import Document, load
from checker.model import Case, validate_case
from checker.report import Applied, FileReport, Finding, Kind, Report, Severity, Waived
from checker.reporters.json import document
from checker.rules.engine import Evaluation, Options
from checker.rules.pack import builtin_packs
from checker.schemas import validator
from checker.waivers import WAIVER_RULE, apply, covers

WAIVERS = ROOT / "fixtures" / "waivers"
FIXTURES = sorted(WAIVERS.glob("*.json"))
CERT = "APPT-HEALTH-CERT-AGE"
CERT_AT = "/dossier/items/9/document/date"

# fixture → (exit code, findings as (rule, pointer, waived))
EXPECTED: dict[str, tuple[int, list[tuple[str, str, bool]]]] = {
    "waived": (0, [(CERT, CERT_AT, True)]),
    "expired": (1, [(CERT, CERT_AT, False), (WAIVER_RULE, "/waivers/0/expires", False)]),
    "unused": (1, [(WAIVER_RULE, "/waivers/0", False)]),
    "unknown-rule": (1, [(CERT, CERT_AT, False), (WAIVER_RULE, "/waivers/0/rule", False)]),
    "missing-authority": (1, [("SCHEMA", "/waivers/0", False)]),
    "wrong-pointer": (1, [(CERT, CERT_AT, False), (WAIVER_RULE, "/waivers/0/pointer", False)]),
    "after-decision": (1, [(CERT, CERT_AT, False),
                           (WAIVER_RULE, "/waivers/0/authority/date", False)]),
    "expires-before-issued": (1, [(CERT, CERT_AT, False),
                                  (WAIVER_RULE, "/waivers/0/expires", False)]),
    "self-approved": (1, [("APPT-AUTHORITY", "/decision/body", False),
                          (WAIVER_RULE, "/waivers/0/approved_by", False)]),
}


def check(*args: str) -> tuple[int, str]:
    r = CliRunner().invoke(main, ["check", "--no-color", *args], catch_exceptions=False)
    assert r.stderr == ""
    return r.exit_code, r.stdout


def fixture(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((WAIVERS / f"{name}.json").read_text("utf-8"))
    return data


def outcome(report: FileReport) -> list[tuple[str, str, bool]]:
    return [(f.rule, f.pointer, f.waived is not None) for f in report.findings]


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("CHECKER_LANG", raising=False)


# ---------------------------------------------------------------- the fixtures
def test_every_named_situation_has_a_fixture() -> None:
    assert sorted(EXPECTED) == sorted(p.stem for p in FIXTURES)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_fixture_outcome(at_root: None, path: Path) -> None:
    code, out = check("--format", "json", f"fixtures/waivers/{path.name}")
    exit_code, findings = EXPECTED[path.stem]
    (fr,) = json.loads(out)["files"]
    assert code == exit_code
    assert [(f["rule"], f["pointer"], "waived" in f) for f in fr["findings"]] == findings


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_waiver_findings_are_whole_sentences(path: Path, lang: str) -> None:
    report = run(path.read_bytes(), lang=lang)
    for f in report.findings:
        assert is_sentence(f.message), f.message
        if f.waived:
            assert is_sentence(f.waived.note), f.waived.note


def test_waived_finding_keeps_its_severity_and_says_which_waiver() -> None:
    (f,) = run(fixture("waived")).findings
    assert f.severity is Severity.ERROR and f.kind is Kind.VIOLATION
    assert f.waived is not None
    assert (f.waived.waiver, f.waived.pointer, f.waived.authority) == (0, "/waivers/0",
                                                                         "12/QĐ-BTC")
    assert (f.waived.authority_date, f.waived.expires) == ("2025-09-05", "2025-09-30")
    assert "12/QĐ-BTC" in f.waived.note and "30/09/2025" in f.waived.note


def test_missing_authority_says_a_waiver_needs_one() -> None:
    for lang in LANGS:
        (f,) = run(fixture("missing-authority"), lang=lang).findings
        assert "authority" in f.message and f.position is not None
    (f,) = run(fixture("missing-authority"), lang="en").findings
    assert f.message.startswith("A waiver must name the document that authorises it")


def test_authority_needs_number_and_date() -> None:
    data = fixture("waived")
    del data["waivers"][0]["authority"]["number"]
    assert [(f.rule, f.pointer) for f in run(data).findings] == [
        ("SCHEMA", "/waivers/0/authority")]


@pytest.mark.parametrize(("field", "value"), [
    ("rule", "appt-quorum"), ("pointer", "steps/1"), ("reason", "  "), ("approved_by", ""),
])
def test_malformed_waiver_is_a_schema_finding(field: str, value: str) -> None:
    data = fixture("waived")
    data["waivers"][0][field] = value
    (f,) = run(data, lang="en").findings
    assert (f.rule, f.pointer) == ("SCHEMA", f"/waivers/0/{field}")
    assert "(pattern)" not in f.message, f.message  # a message that names the problem


# ---------------------------------------------------------------- matching
@pytest.mark.parametrize(("waiver", "finding", "expected"), [
    (None, "/steps/1/present", True),
    ("", "", True),
    ("/steps/1", "/steps/1", True),
    ("/steps/1", "/steps/1/present", True),
    ("/steps/1", "/steps/1/nominations/0/votes", True),
    ("/steps/1", "/steps/10", False),
    ("/steps/1", "/steps/10/present", False),
    ("/steps/1", "/steps", False),
    ("/steps/1", "", False),
    ("/steps/1/present", "/steps/1", False),
])
def test_pointer_covers_its_place_and_below(waiver: str | None, finding: str,
                                            expected: bool) -> None:
    assert covers(waiver, finding) is expected


def doc_and_case(waivers: list[dict[str, Any]]) -> tuple[Document, Case]:
    data = example("clean")
    data["waivers"] = waivers
    doc = load("case.json", json.dumps(data, ensure_ascii=False).encode("utf-8"), "vi")
    assert isinstance(doc, Document)
    return doc, validate_case(doc.data)


def waiver(rule: str, pointer: str | None = None, **extra: Any) -> dict[str, Any]:
    w: dict[str, Any] = {"rule": rule, "authority": {"number": "12/QĐ-BTC", "date": "2025-09-05"},
                         "approved_by": "Bộ trưởng Bộ Tài chính", "reason": "Lý do.", **extra}
    if pointer is not None:
        w["pointer"] = pointer
    return w


def hit(rule: str, pointer: str) -> Finding:
    return Finding(rule=rule, severity=Severity.ERROR, kind=Kind.VIOLATION,
                   message="Vi phạm.", pointer=pointer, rule_version=1, layer="state")


def evaluation(*findings: Finding, rules_run: tuple[str, ...] = ("APPT-QUORUM",)) -> Evaluation:
    return Evaluation(list(findings),
                      [Applied("state", "nd-170-2025", "170/2025/NĐ-CP", "--as-of", "2025-09-15")],
                      list(rules_run))


def waived_at(findings: list[Finding]) -> dict[str, int | None]:
    return {f.pointer: f.waived.waiver if f.waived else None
            for f in findings if f.rule != WAIVER_RULE}


def test_matching_by_pointer_prefix_is_by_whole_segments() -> None:
    doc, case = doc_and_case([waiver("APPT-QUORUM", "/steps/1")])
    out = apply(doc, case, builtin_packs(), Options(),
                evaluation(hit("APPT-QUORUM", "/steps/1/present"),
                           hit("APPT-QUORUM", "/steps/10/present")))
    assert waived_at(out) == {"/steps/1/present": 0, "/steps/10/present": None}
    assert not [f for f in out if f.rule == WAIVER_RULE]


def test_matching_is_by_rule() -> None:
    doc, case = doc_and_case([waiver("APPT-QUORUM")])
    out = apply(doc, case, builtin_packs(), Options(),
                evaluation(hit("APPT-QUORUM", "/steps/1/present"),
                           hit("APPT-MINUTES", "/steps/1"),
                           rules_run=("APPT-MINUTES", "APPT-QUORUM")))
    assert waived_at(out) == {"/steps/1/present": 0, "/steps/1": None}


def test_first_matching_waiver_wins_and_both_are_used() -> None:
    doc, case = doc_and_case([waiver("APPT-QUORUM", "/steps/1/present"),
                              waiver("APPT-QUORUM")])
    out = apply(doc, case, builtin_packs(), Options(),
                evaluation(hit("APPT-QUORUM", "/steps/1/present"),
                           hit("APPT-QUORUM", "/steps/3/present")))
    assert waived_at(out) == {"/steps/1/present": 0, "/steps/3/present": 1}
    assert [f for f in out if f.rule == WAIVER_RULE] == []


@pytest.mark.parametrize("rule", ["INPUT", "SCHEMA", "COVERAGE", "WAIVER", "CONSISTENCY"])
def test_the_tools_own_findings_cannot_be_waived(rule: str) -> None:
    doc, case = doc_and_case([waiver(rule)])
    out = apply(doc, case, builtin_packs(), Options(lang="en"), evaluation(hit(rule, "")))
    assert [(f.rule, f.pointer, f.waived) for f in out] == [
        (rule, "", None), (WAIVER_RULE, "/waivers/0/rule", None)]
    assert out[1].message.startswith(f"{rule} cannot be waived")


def test_waiver_of_every_error_makes_the_violations_example_pass() -> None:
    data = example("violations")
    errors = sorted({f.rule for f in run(data).findings if f.severity is Severity.ERROR})
    data["waivers"] = [waiver(r) for r in errors]
    report = run(data)
    assert report.count(Severity.ERROR) == 0 and report.count_waived() == len(errors)
    assert Report((report,)).exit_code == 0
    assert Report((report,), fail_on=Severity.WARNING).exit_code == 1  # the warning counts
    warnings = sorted({f.rule for f in run(data).findings if f.severity is Severity.WARNING})
    assert "APPT-POLICY-DEADLINE" in warnings
    data["waivers"] += [waiver(r) for r in warnings]
    assert Report((run(data),), fail_on=Severity.WARNING).exit_code == 0


# ---------------------------------------------------------------- dates
def test_expiry_day_itself_is_still_valid() -> None:
    data = fixture("waived")
    data["waivers"][0]["expires"] = "2025-09-15"  # the decision's date
    assert outcome(run(data)) == [(CERT, CERT_AT, True)]
    data["waivers"][0]["expires"] = "2025-09-14"
    assert outcome(run(data)) == EXPECTED["expired"][1]


def test_no_expiry_never_expires() -> None:
    data = fixture("expired")
    del data["waivers"][0]["expires"]
    assert outcome(run(data)) == [(CERT, CERT_AT, True)]


def test_as_of_is_the_day_a_waiver_is_judged_on() -> None:
    import datetime as dt

    assert outcome(run(fixture("waived"), as_of=dt.date(2025, 9, 30)))[0][2] is True
    late = run(fixture("waived"), as_of=dt.date(2025, 10, 1))
    assert outcome(late) == EXPECTED["expired"][1]
    assert "--as-of" in late.findings[1].message


def test_undecided_case_is_judged_on_its_latest_date() -> None:
    data = fixture("expired")
    del data["decision"]
    # The latest recorded date is step 5 on 2025-09-09, before the expiry (2025-09-12).
    assert (CERT, CERT_AT, True) in outcome(run(data))


def test_waiver_is_not_called_unused_where_the_case_was_not_checked() -> None:
    earlier = shift_dates(fixture("unused"), -2000)  # begun before the encoded state law
    rules = [f.rule for f in run(earlier).findings if f.layer != "party"]
    assert rules == ["COVERAGE"]


# ---------------------------------------------------------------- unused and not applied
def test_waiver_of_a_rule_that_does_not_apply_to_the_case() -> None:
    data = example("clean")
    data["waivers"] = [waiver("APPT-EXTERNAL-VOTE")]  # the candidate is in-house
    (f,) = run(data, lang="en").findings
    assert (f.rule, f.pointer) == (WAIVER_RULE, "/waivers/0/rule")
    assert "does not apply to this case" in f.message


def test_unused_waiver_with_a_pointer_names_it() -> None:
    data = example("clean")
    data["waivers"] = [waiver(CERT, "/dossier/items/9")]
    (f,) = run(data, lang="en").findings
    assert (f.rule, f.pointer) == (WAIVER_RULE, "/waivers/0/pointer")
    assert "at or below /dossier/items/9" in f.message


@pytest.mark.parametrize("opts", [{"select": frozenset({"APPT-QUORUM"})},
                                  {"ignore": frozenset({CERT})},
                                  {"ignore": frozenset({"APPT"})}])
def test_waiver_of_a_rule_left_out_is_not_judged(opts: dict[str, Any]) -> None:
    for name in ("unused", "expired", "waived"):
        assert run(fixture(name), **opts).findings == ()


def test_unknown_rule_is_reported_even_under_select() -> None:
    report = run(fixture("unknown-rule"), select=frozenset({"APPT-QUORUM"}))
    assert outcome(report) == [(WAIVER_RULE, "/waivers/0/rule", False)]


# ---------------------------------------------------------------- output formats
def test_json_report_validates_and_counts_waived_apart(at_root: None) -> None:
    code, out = check("--format", "json", "fixtures/waivers/")
    doc = json.loads(out)
    assert [e.message for e in validator("report").iter_errors(doc)] == []
    assert doc["report_version"] == "1.3"
    assert doc["summary"]["waived"] == 1
    total = sum(len(f["findings"]) for f in doc["files"])
    assert total == sum(doc["summary"][s] for s in ("error", "warning", "info", "waived"))
    assert code == doc["exit_code"] == 1


def test_text_marks_the_waived_finding(at_root: None) -> None:
    code, out = check("--lang", "en", "fixtures/waivers/waived.json")
    assert code == 0
    assert "fixtures/waivers/waived.json:72:122: waived APPT-HEALTH-CERT-AGE " in out
    joined = re.sub(r"\n +", " ", out)  # lines wrapped at 80 columns joined again
    assert "Waived until 2025-09-30 inclusive under 12/QĐ-BTC of 2025-09-05" in joined
    assert out.rstrip().endswith("0 errors, 0 warnings, 0 info messages; 1 finding waived.")


def test_sarif_waived_result_is_an_accepted_external_suppression(at_root: None) -> None:
    from test_formats import assert_valid_sarif

    code, out = check("--format", "sarif", "fixtures/waivers/")
    assert code == 1
    results = assert_valid_sarif(out)["runs"][0]["results"]
    suppressed = [r for r in results if "suppressions" in r]
    assert [r["ruleId"] for r in suppressed] == [CERT]
    (s,) = suppressed[0]["suppressions"]
    assert (s["kind"], s["status"]) == ("external", "accepted")
    assert "12/QĐ-BTC" in s["justification"]
    assert {r["ruleId"] for r in results} >= {WAIVER_RULE, "SCHEMA"}


def test_github_waived_finding_is_a_notice(at_root: None) -> None:
    code, out = check("--format", "github", "fixtures/waivers/waived.json")
    assert code == 0
    (line,) = out.splitlines()
    assert line.startswith("::notice file=fixtures/waivers/waived.json,line=72,")
    assert "12/QĐ-BTC" in line


def test_junit_waived_finding_does_not_fail(at_root: None) -> None:
    from junitparser import JUnitXml

    code, out = check("--format", "junit", "fixtures/waivers/waived.json",
                      "fixtures/waivers/expired.json")
    assert code == 1
    suites = {s.name: s for s in JUnitXml.fromstring(out)}
    waived, expired = (suites[f"fixtures/waivers/{n}.json"] for n in ("waived", "expired"))
    assert waived.failures == 0
    cert = next(c for c in waived if c.name == CERT)
    assert not cert.result and "[miễn trừ]" in cert.system_out
    assert sorted(c.name for c in expired if c.result) == [CERT, WAIVER_RULE]


def test_exit_code_ignores_waived_findings_whatever_fail_on() -> None:
    w = Waived(0, "12/QĐ-BTC", "2025-09-05", "A", "Lý do.", None, "Được miễn trừ.")
    fr = FileReport("a.json", (Finding("APPT-QUORUM", Severity.ERROR, Kind.VIOLATION, "X.", "",
                                       waived=w),))
    for fail_on in Severity:
        assert Report((fr,), fail_on=fail_on).exit_code == 0
    doc = document(Report((fr,)))
    assert doc["summary"] == {"files": 1, "error": 0, "warning": 0, "info": 0, "waived": 1}


def test_waiver_messages_are_sentences_in_both_languages() -> None:
    values = {k: "X" for k in ("rule", "authority", "date", "approved_by", "pointer", "reason",
                               "expires", "selected_by", "found", "files", "errors",
                               "warnings", "infos", "waived", "decided", "today")}
    keys = [k for k in MESSAGES if k.startswith(("waive", "summary-waived"))]
    assert len(keys) >= 9
    for k in keys:
        for lang in LANGS:
            assert is_sentence(MESSAGES[k][lang].format(**values)), (k, lang)
