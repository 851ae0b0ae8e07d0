"""Data-driven cases: dropping a file into fixtures/cases/ adds a test.

    fixtures/cases/valid/<RULE>/*.json        no findings at all in <RULE>'s layer
    fixtures/cases/invalid/<RULE>/*.json      findings, all of <RULE>, all violations
    fixtures/cases/undecidable/<RULE>/*.json  findings, all of <RULE>, all undecidable

The information note "no encoded rule of this regulation applies" is not counted either.
Each layer (state, Party) is judged on its own, so a fixture speaks for the layer of its
rule: findings of the other layer (a rule, or its "not covered" notice) are not its
business; nor is its own layer's "not covered" notice when the rule comes from a
supplementary pack, which runs on its own dates whether or not the layer is covered.
Findings that belong to no layer (an unreadable file, a schema error, a case with no
date) always count.

The meta tests hold the rule base honest: every rule has a passing and a failing case,
and every threshold rule has cases just below, exactly at and just above its boundary.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from _support import CASES

from checker.pipeline import check_bytes
from checker.report import Finding, Kind, Severity
from checker.rules.engine import Options
from checker.rules.pack import builtin_packs

OUTCOMES = {"valid": None, "invalid": Kind.VIOLATION, "undecidable": Kind.UNDECIDABLE}
THRESHOLD_KINDS = {"quorum", "nomination_round", "divergence", "final_vote", "deadline",
                   "document_age", "min_months", "retirement_margin", "discipline_bar",
                   "at_most", "items_ratio", "lead_time", "carried_forward",
                   "tenure_months", "max_months", "dossier_age",
                   "working_days_total",  # part S (suspension)
                   "records_per_year",  # issue 14, rotation (yearly evaluations)
                   # issue 14, D (dismissal)
                   "share_above", "items_count", "consecutive_years", "staged_deadline",
                   "collective_vote",
                   # issue 14, R (resignation, relief)
                   "share_at_most", "rated_years",
                   # issue 14, transfer
                   "items_within_months", "allowance_kept"}
BOUNDARY_PREFIXES = ("below-", "at-", "above-")


def case_files(outcome: str) -> list[Path]:
    base = CASES / outcome
    if not base.is_dir():
        return []
    return sorted(p for p in base.glob("*/**/*.json") if p.is_file())


def rel(p: Path) -> str:
    return p.relative_to(CASES).as_posix()


def rule_of(p: Path) -> str:
    return p.relative_to(CASES).parts[1]


def layer_of(rule_id: str) -> str:
    return next(p.layer for p in builtin_packs() for r in p.rules if r.id == rule_id)


def findings(p: Path) -> list[tuple[str, str, str, str]]:
    report = check_bytes(rel(p), p.read_bytes(), builtin_packs(), Options())
    layer = layer_of(rule_of(p))
    supplement = only_supplements(rule_of(p))
    return [(f.rule, str(f.kind), f.pointer, f.message) for f in report.findings
            if f.layer in (None, layer) and not is_no_rules_note(f)
            and not (supplement and is_coverage_notice(f))]


def only_supplements(rule_id: str) -> bool:
    """The rule can run under a supplementary cover (e.g. a ban cán sự đảng's working
    rules, or NĐ 300's transitional rule on acting heads appointed under earlier law): it
    runs on its own dates even where its layer's regime is not encoded, and the layer's
    "not covered" notice is then not the fixture's business."""
    return any(c.role == "supplement" and set(r.procedures) & set(c.procedures)
               and c.in_force.overlaps(r.in_force)
               for p in builtin_packs() for r in p.rules if r.id == rule_id for c in p.covers)


def is_coverage_notice(f: Finding) -> bool:
    return f.rule == "COVERAGE" and f.kind is Kind.NOT_COVERED


def is_no_rules_note(f: Finding) -> bool:
    """The information that no encoded rule of the layer's regulation fits the case: a
    fixture written for one rule often leaves every other rule of its pack silent."""
    return f.rule == "COVERAGE" and f.severity is Severity.INFO


VALID, INVALID, UNDECIDABLE = (case_files(o) for o in OUTCOMES)


@pytest.mark.parametrize("path", VALID, ids=rel)
def test_valid_case_has_no_findings(path: Path) -> None:
    assert findings(path) == []


@pytest.mark.parametrize("path", INVALID, ids=rel)
def test_invalid_case_breaks_its_rule_and_only_it(path: Path) -> None:
    found = findings(path)
    assert found, f"{rel(path)}: expected a violation of {rule_of(path)}, got no findings"
    others = [f for f in found if f[0] != rule_of(path) or f[1] != Kind.VIOLATION]
    assert others == [], f"{rel(path)}: findings other than {rule_of(path)} violations"


@pytest.mark.parametrize("path", UNDECIDABLE, ids=rel)
def test_undecidable_case_is_left_open_by_its_rule(path: Path) -> None:
    found = findings(path)
    assert found, f"{rel(path)}: expected {rule_of(path)} to be undecidable, got no findings"
    others = [f for f in found if f[0] != rule_of(path) or f[1] != Kind.UNDECIDABLE]
    assert others == [], f"{rel(path)}: findings other than {rule_of(path)} undecidable"


# ---------------------------------------------------------------- meta
def version_of(p: Path, rule_id: str) -> int | None:
    """The version of `rule_id` that judges the fixture at `p`: the one in force on the
    date its selector picks from the case (None if no version is, or the file is not a
    valid case)."""
    import json

    from checker.model import validate_case
    from checker.rules.engine import selected, version_in_force

    try:
        case = validate_case(json.loads(p.read_bytes()))
    except ValueError:
        return None
    versions = sorted((r for pack in builtin_packs() for r in pack.rules if r.id == rule_id),
                      key=lambda r: r.version)
    day = selected(case, versions[0].selected_by, Options())
    found = version_in_force(versions, day[0]) if day else None
    return found.version if found else None


def rule_versions() -> list[tuple[str, int]]:
    return sorted({(r.id, r.version) for pack in builtin_packs() for r in pack.rules})


@pytest.mark.parametrize(("rule_id", "version"), rule_versions(),
                         ids=[f"{r}-v{v}" for r, v in rule_versions()])
def test_every_rule_version_has_a_passing_and_a_failing_case(rule_id: str, version: int
                                                             ) -> None:
    """A new version of a rule (the law changed) is tested on cases of its own period."""
    names = {o: [p.stem for p in files if rule_of(p) == rule_id
                 and version_of(p, rule_id) == version]
             for o, files in zip(OUTCOMES, (VALID, INVALID, UNDECIDABLE), strict=True)}
    assert names["valid"], f"no fixtures/cases/valid/{rule_id}/*.json judged by version {version}"
    # A rule whose only finding is "cannot decide" (the law leaves it open) cannot fail.
    failing = "undecidable" if only_undecidable(rule_id, version) else "invalid"
    assert names[failing], (f"no fixtures/cases/{failing}/{rule_id}/*.json judged by version "
                            f"{version}")


def only_undecidable(rule_id: str, version: int) -> bool:
    rule = next(r for p in builtin_packs() for r in p.rules
                if r.id == rule_id and r.version == version)
    return bool(getattr(rule.check, "open_question", False))


def rule_kinds() -> dict[str, set[str]]:
    kinds: dict[str, set[str]] = {}
    for pack in builtin_packs():
        for r in pack.rules:
            kinds.setdefault(r.id, set()).add(r.check.kind)
    return kinds


RULES = rule_kinds()


def names_for(rule_id: str) -> dict[str, list[str]]:
    return {o: [p.stem for p in files if rule_of(p) == rule_id]
            for o, files in zip(OUTCOMES, (VALID, INVALID, UNDECIDABLE), strict=True)}


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_every_rule_has_a_passing_and_a_failing_case(rule_id: str) -> None:
    names = names_for(rule_id)
    assert names["valid"], f"no fixtures/cases/valid/{rule_id}/*.json"
    versions = [r.version for p in builtin_packs() for r in p.rules if r.id == rule_id]
    failing = ("undecidable" if all(only_undecidable(rule_id, v) for v in versions)
               else "invalid")
    assert names[failing], f"no fixtures/cases/{failing}/{rule_id}/*.json"


THRESHOLD_RULES = sorted(r for r, kinds in RULES.items() if kinds & THRESHOLD_KINDS)


THRESHOLD_VERSIONS = sorted({(r.id, r.version) for pack in builtin_packs() for r in pack.rules
                             if r.check.kind in THRESHOLD_KINDS})


@pytest.mark.parametrize(("rule_id", "version"), THRESHOLD_VERSIONS,
                         ids=[f"{r}-v{v}" for r, v in THRESHOLD_VERSIONS])
def test_every_threshold_has_cases_below_at_and_above(rule_id: str, version: int) -> None:
    names = [p.stem for files in (VALID, INVALID, UNDECIDABLE) for p in files
             if rule_of(p) == rule_id and version_of(p, rule_id) == version]
    missing = [p for p in BOUNDARY_PREFIXES if not any(n.startswith(p) for n in names)]
    assert missing == [], (f"{rule_id} version {version}: no fixture named "
                           f"{', '.join(p + '*' for p in missing)}")


def test_fixture_folders_are_outcomes_and_known_rules() -> None:
    assert CASES.is_dir(), "fixtures/cases/ does not exist"
    unknown = []
    for outcome_dir in sorted(p for p in CASES.iterdir() if not p.name.startswith(".")):
        if outcome_dir.name not in OUTCOMES or not outcome_dir.is_dir():
            unknown.append(rel(outcome_dir))
            continue
        for rule_dir in sorted(outcome_dir.iterdir()):
            if rule_dir.name.startswith("."):
                continue
            if not rule_dir.is_dir() or rule_dir.name not in RULES:
                unknown.append(rel(rule_dir))
    assert unknown == [], "not an outcome folder or not a known rule id"


def test_no_stray_files_next_to_the_rule_folders() -> None:
    """A .json directly under valid/ (not in a rule folder) would silently never run."""
    stray = sorted(rel(p) for o in OUTCOMES for p in (CASES / o).glob("*.json"))
    assert stray == []
