"""The engine: which rule versions apply (by the case's deciding date), --select/--ignore,
and what a finding carries (version, citations, layer, position)."""

from __future__ import annotations

import copy
import datetime as dt
import tomllib
from typing import Any

import pytest
from _support import example, rules_of, run, shift_dates

from checker.errors import UsageError
from checker.report import Applied, Kind, Severity
from checker.rules.engine import COVERAGE_RULE, Options, check_selectors, rule_ids, wanted
from checker.rules.pack import BUILTIN_PACKS, Pack, builtin_packs, parse_pack
from checker.sources import catalog, toml_plain

DOSSIER_RULES = {
    "APPT-DOSSIER-SUBMISSION",
    "APPT-DOSSIER-MINUTES",
    "APPT-DOSSIER-CV",
    "APPT-DOSSIER-SELF-REVIEW",
    "APPT-DOSSIER-EVALUATIONS",
    "APPT-DOSSIER-RESIDENCE",
    "APPT-DOSSIER-POLITICAL",
    "APPT-DOSSIER-ASSETS",
    "APPT-DOSSIER-DIPLOMAS",
    "APPT-DOSSIER-HEALTH",
}


CLEAN_START = dt.date(2025, 8, 4)  # the policy request: clean.json's earliest recorded date


def begun_on(name: str, day: dt.date) -> dict[str, Any]:
    """The example moved in time so that its procedure begins on `day`."""
    start = CLEAN_START if name == "clean" else dt.date(2025, 7, 18)
    data: dict[str, Any] = shift_dates(example(name), (day - start).days)
    return data


def run170(data: Any, **options: Any) -> Any:
    """Only the NĐ 170 pack: these tests are about how one regime's dates select it; the
    whole timeline across packs and layers is tested in test_timeline.py."""
    packs = tuple(p for p in builtin_packs() if p.id == "nd-170-2025")
    return run(data, packs=packs, **options)


# ---------------------------------------------------------------- version selection
@pytest.mark.parametrize("name", ["clean", "violations"])
@pytest.mark.parametrize("day", [dt.date(2024, 7, 1), dt.date(2025, 3, 1)])
def test_procedure_before_the_decree_is_not_covered(name: str, day: dt.date) -> None:
    data = begun_on(name, day)
    assert data["decision"]["document"]["date"] < "2025-07-01"
    report = run170(data)
    assert len(report.findings) == 1
    (f,) = report.findings
    assert f.rule == COVERAGE_RULE
    assert f.kind is Kind.NOT_COVERED
    assert f.severity is Severity.WARNING
    assert f.layer == "state"
    assert f.pointer == "/policy/request/date"
    assert f.position is not None
    assert day.strftime("%d/%m/%Y") in f.message
    assert report.applied == ()


def test_not_covered_message_in_english() -> None:
    (f,) = run170(begun_on("clean", dt.date(2024, 7, 1)), lang="en").findings
    assert f.message == (
        "No state-layer rules are encoded for the appointment procedure on 2024-07-01; "
        "this case has not been checked at that layer."
    )


def test_as_of_before_the_decree_is_not_covered() -> None:
    report = run170(example("violations"), as_of=dt.date(2025, 6, 30))
    assert [(f.rule, f.kind, f.severity, f.pointer) for f in report.findings] == [
        (COVERAGE_RULE, Kind.NOT_COVERED, Severity.WARNING, "")
    ]


def test_procedure_begun_before_and_decided_after_is_transitional() -> None:
    data = begun_on("clean", dt.date(2025, 6, 30))
    assert data["decision"]["document"]["date"] > "2025-07-01"
    report = run170(data, lang="en")
    assert [(f.rule, f.kind, f.severity, f.pointer) for f in report.findings] == [
        (COVERAGE_RULE, Kind.NOT_COVERED, Severity.WARNING, "/policy/request/date")
    ]
    assert report.findings[0].message.startswith(
        "The appointment procedure began on 2025-06-30, before the encoded rules took effect"
    )
    assert report.applied == ()


@pytest.mark.parametrize(
    "day", [dt.date(2025, 7, 1), dt.date(2025, 7, 2), dt.date(2026, 1, 1), dt.date(2026, 7, 31)]
)
def test_procedure_begun_while_the_decree_is_in_force_is_checked(day: dt.date) -> None:
    report = run170(begun_on("violations", day))
    assert COVERAGE_RULE not in rules_of(report)
    assert "APPT-QUORUM" in rules_of(report)
    assert report.applied == (
        Applied("state", "nd-170-2025", "170/2025/NĐ-CP", "/policy/request/date", day.isoformat()),
    )


@pytest.mark.parametrize("day", [dt.date(2026, 8, 1), dt.date(2027, 1, 1)])
def test_procedure_begun_after_the_amendment_is_not_covered(day: dt.date) -> None:
    report = run170(begun_on("violations", day))
    assert [(f.rule, f.kind) for f in report.findings] == [(COVERAGE_RULE, Kind.NOT_COVERED)]
    assert report.applied == ()


def test_clean_example_is_clean_and_says_what_applied() -> None:
    report = run170(example("clean"))
    assert report.findings == ()
    assert report.procedure == "appointment"
    assert report.applied == (
        Applied("state", "nd-170-2025", "170/2025/NĐ-CP", "/policy/request/date", "2025-08-04"),
    )


def test_the_decision_date_alone_does_not_choose_the_law() -> None:
    data = example("clean")
    data["decision"]["document"]["date"] = "2026-09-01"  # after NĐ 300/2026
    report = run170(data, select=frozenset({"APPT-QUORUM"}))
    assert report.findings == ()
    assert report.applied[0].date == "2025-08-04"


def test_as_of_selects_the_law_and_says_so() -> None:
    report = run170(example("clean"), as_of=dt.date(2026, 3, 2))
    assert report.findings == ()
    assert report.applied == (
        Applied("state", "nd-170-2025", "170/2025/NĐ-CP", "--as-of", "2026-03-02"),
    )


def test_undecided_case_is_selected_by_its_start() -> None:
    data = example("clean")
    del data["decision"]
    report = run170(data)
    assert [(a.selected_by, a.date) for a in report.applied] == [
        ("/policy/request/date", "2025-08-04")
    ]


def test_case_without_a_policy_is_selected_by_its_first_step() -> None:
    data = example("clean")
    del data["policy"]
    report = run170(data, select=frozenset({"APPT-QUORUM"}))
    assert [(a.selected_by, a.date) for a in report.applied] == [("/steps/0/date", "2025-08-20")]


def test_undecided_case_with_only_a_policy_request() -> None:
    data = example("clean")
    for k in ("decision", "steps"):
        del data[k]
    del data["policy"]["approval"]
    report = run170(data)
    assert [(a.selected_by, a.date) for a in report.applied] == [
        ("/policy/request/date", "2025-08-04")
    ]


def test_undecided_case_before_the_decree_is_not_covered() -> None:
    data = example("clean")
    del data["decision"]
    for i, step in enumerate(data["steps"]):
        step["date"] = f"2025-06-1{i}"
    data["policy"]["request"]["date"] = "2025-06-01"
    data["policy"]["request_received_on"] = "2025-06-02"
    data["policy"]["approval"]["date"] = "2025-06-03"
    report = run170(data)
    assert [(f.rule, f.kind) for f in report.findings] == [(COVERAGE_RULE, Kind.NOT_COVERED)]


def test_case_without_any_date_gets_one_notice() -> None:
    data = example("clean")
    for k in ("decision", "steps", "policy"):
        del data[k]
    report = run170(data, lang="en")
    assert [(f.rule, f.kind, f.severity, f.pointer) for f in report.findings] == [
        (COVERAGE_RULE, Kind.NOT_COVERED, Severity.WARNING, "")
    ]
    assert report.findings[0].message == (
        "The case has no date from which to choose the applicable rules; record the "
        "decision date or use --as-of."
    )
    # --as-of supplies the date
    assert run170(data, as_of=dt.date(2025, 9, 1)).applied[0].selected_by == "--as-of"


@pytest.mark.parametrize(
    ("mutate", "scope"),
    [
        (lambda d: d["post"].update(centrally_managed=True), "centrally managed post"),
        (lambda d: d.update(basis="rename"), "rename"),
        (lambda d: d.update(basis="reorganisation_same_or_lower"), "reorganisation"),
    ],
    ids=["centrally-managed", "rename", "reorganisation"],
)
def test_cases_outside_the_decree_procedure_are_not_covered(mutate: Any, scope: str) -> None:
    data = example("violations")
    mutate(data)
    report = run170(data, lang="en")
    assert [(f.rule, f.kind, f.severity) for f in report.findings] == [
        (COVERAGE_RULE, Kind.NOT_COVERED, Severity.WARNING)
    ], scope
    assert "this kind of appointment case" in report.findings[0].message


# ---------------------------------------------------------------- dated versions
def two_versions() -> tuple[Pack, ...]:
    """The built-in pack, with APPT-QUORUM split: 2/3 until 2025-12-31, then 3/4."""
    data = toml_plain(tomllib.loads((BUILTIN_PACKS / "nd-170-2025.toml").read_text("utf-8")))
    v1 = next(r for r in data["rules"] if r["id"] == "APPT-QUORUM")
    v1["in_force"] = {"from": "2025-07-01", "until": "2025-12-31"}
    v2 = copy.deepcopy(v1)
    v2["version"] = 2
    v2["in_force"] = {"from": "2026-01-01", "until": "2026-07-31"}
    v2["check"]["ratio"] = "3/4"
    v2["messages"]["default"]["en"] = "V2: {present} of {summoned} at {step}; {needed} needed."
    data["rules"].append(v2)
    return (parse_pack(data, "two-versions.toml", catalog()),)


def six_of_nine(start: dt.date) -> dict[str, Any]:
    data = begun_on("clean", start)
    data["steps"][1]["present"] = 6  # 6/9 = 2/3 exactly; below 3/4
    return data


QUORUM_ONLY = frozenset({"APPT-QUORUM"})


def test_version_in_force_on_the_last_day_of_v1() -> None:
    report = run(six_of_nine(dt.date(2025, 12, 31)), packs=two_versions(), select=QUORUM_ONLY)
    assert report.findings == ()


def test_version_in_force_from_the_first_day_of_v2() -> None:
    report = run(six_of_nine(dt.date(2026, 1, 1)), packs=two_versions(), lang="en",
                 select=QUORUM_ONLY)
    assert [(f.rule, f.rule_version, f.pointer, f.message) for f in report.findings] == [
        (
            "APPT-QUORUM",
            2,
            "/steps/1/present",
            "V2: 6 of 9 at step 2 (extended leadership meeting); 7 needed.",
        )
    ]


def test_as_of_chooses_the_version_too() -> None:
    packs = two_versions()
    data = six_of_nine(CLEAN_START)
    assert run(data, packs=packs, select=QUORUM_ONLY).findings == ()
    found = run(data, packs=packs, select=QUORUM_ONLY, as_of=dt.date(2026, 1, 1)).findings
    assert [f.rule_version for f in found] == [2]


# ---------------------------------------------------------------- what a finding carries
def test_findings_carry_version_citations_layer_and_position() -> None:
    report = run(example("violations"))
    assert report.findings
    for f in report.findings:
        assert f.rule_version == 1
        assert f.position is not None
        assert f.cites
        assert f.kind is Kind.VIOLATION
        if f.layer == "state":
            assert all(c.number == "170/2025/NĐ-CP" for c in f.cites)
        else:  # decided on 2025-09-15: the Party layer is judged under Quy định 80
            assert f.layer == "party"
            assert all(c.number == "80-QĐ/TW" for c in f.cites)
    quorum = next(f for f in report.findings if f.rule == "APPT-QUORUM")
    assert quorum.pointer == "/steps/1/present"
    assert [(c.article, c.clause) for c in quorum.cites] == [(33, 2)]


def test_findings_are_in_file_order() -> None:
    findings = run(example("violations")).findings
    keys = [f.sort_key() for f in findings]
    assert keys == sorted(keys)


def test_violations_example_findings() -> None:
    report = run(example("violations"))
    assert sorted(rules_of(report)) == sorted(
        [
            "APPT-AUTHORITY",
            "APPT-CAPUY-OPINION",
            "APPT-DOSSIER-RESIDENCE",
            "APPT-HEALTH-CERT-AGE",
            "APPT-MINUTES",
            "APPT-POLICY-DEADLINE",
            "APPT-QUORUM",
            "APPT-STEP5-VOTE",
            "APPT-SUPERIOR-PRESIDES",
            "PARTY-TIME-IN-POST",
        ]
    )
    deadline = next(f for f in report.findings if f.rule == "APPT-POLICY-DEADLINE")
    assert deadline.severity is Severity.WARNING


# ---------------------------------------------------------------- --select / --ignore
def without_dossier() -> dict[str, Any]:
    data = example("clean")
    data["dossier"]["items"] = []
    del data["political_standard_conclusion"]
    return data


def test_unfiltered_case_without_dossier_breaks_every_dossier_rule() -> None:
    assert rules_of(run(without_dossier())) >= DOSSIER_RULES


def test_select_by_prefix() -> None:
    report = run(without_dossier(), select=frozenset({"APPT-DOSSIER"}))
    assert rules_of(report) == DOSSIER_RULES


def test_select_by_id() -> None:
    report = run(example("violations"), select=frozenset({"APPT-QUORUM"}))
    assert rules_of(report) == {"APPT-QUORUM"}


def test_select_several() -> None:
    report = run(example("violations"), select=frozenset({"APPT-QUORUM", "APPT-AUTHORITY"}))
    assert rules_of(report) == {"APPT-QUORUM", "APPT-AUTHORITY"}


def test_ignore_by_prefix() -> None:
    report = run(without_dossier(), ignore=frozenset({"APPT-DOSSIER"}))
    assert not rules_of(report) & DOSSIER_RULES


def test_ignore_by_id() -> None:
    report = run(example("violations"), ignore=frozenset({"APPT-QUORUM"}))
    assert "APPT-QUORUM" not in rules_of(report)
    assert "APPT-AUTHORITY" in rules_of(report)


def test_ignore_wins_over_select() -> None:
    opts = Options(select=frozenset({"APPT-DOSSIER"}), ignore=frozenset({"APPT-DOSSIER-CV"}))
    assert wanted("APPT-DOSSIER-HEALTH", opts)
    assert not wanted("APPT-DOSSIER-CV", opts)
    assert not wanted("APPT-QUORUM", opts)


def test_prefix_stops_at_a_dash() -> None:
    opts = Options(select=frozenset({"APPT-STEP"}))
    assert not wanted("APPT-STEPS", opts)
    assert not wanted("APPT-STEP2-VOTE", opts)
    assert wanted("APPT-STEPS", Options(select=frozenset({"APPT"})))


@pytest.mark.parametrize(
    "opts",
    [
        Options(select=frozenset({"APPT-QUORUM"})),
        Options(select=frozenset({"APPT-DOSSIER"})),
        Options(select=frozenset({"APPT"})),
        Options(ignore=frozenset({"APPT-STEP5-VOTE"})),
    ],
)
def test_known_selectors_are_accepted(opts: Options) -> None:
    check_selectors(builtin_packs(), opts)


@pytest.mark.parametrize(
    "opts",
    [
        Options(select=frozenset({"NOPE"})),
        Options(select=frozenset({"APPT-DOSS"})),
        Options(ignore=frozenset({"APPT-QUORUM-X"})),
        Options(select=frozenset({"APPT-QUORUM", "NOPE"})),
    ],
    ids=["unknown", "partial-word", "ignore-unknown", "one-of-two"],
)
def test_unknown_selector_is_a_usage_error(opts: Options) -> None:
    # rule ids are case-insensitive since issue 12 ("appt-quorum" is APPT-QUORUM)
    with pytest.raises(UsageError, match=r"^Không có quy tắc nào mang mã '.+'; .*"
                       r"[Xx]em danh sách bằng lệnh `checker rules`\.$"):
        check_selectors(builtin_packs(), opts)


def test_rule_ids_of_the_builtin_pack() -> None:
    ids = rule_ids(builtin_packs())
    assert ids >= DOSSIER_RULES
    assert "APPT-QUORUM" in ids
