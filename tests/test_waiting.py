"""Waiting periods after removal (issue 14, part W): NĐ 170/2025 Điều 55 k3 as first
issued, Điều 55 k1 a–c as amended by NĐ 300/2026 Điều 25, Luật 80/2025/QH15 Điều 38 k3.
The predicate kind (removal_wait) judged case by case, the shape of candidate.removals,
and the fixtures' boundaries (fixtures/cases/ holds each rule's passing, failing,
boundary and cannot-decide cases)."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from _support import CASES
from pydantic import ValidationError

from checker.model import validate_case
from checker.pipeline import check_bytes
from checker.report import Kind
from checker.rules.engine import Options
from checker.rules.pack import builtin_packs
from checker.rules.predicates import Ctx
from checker.rules.predicates.waiting import RemovalWait, removal_wait

# A clean appointment under NĐ 300 (first step 2030-08-17, decision 2030-09-16; ratings
# 2027 to 2029 good or better; retirement 2046-11-05), from the fixtures.
BASE = json.loads((CASES / "valid/WAIT-DISMISSAL/at-36-months-exactly-at-the-first-step.json")
                  .read_text("utf-8"))
REF = ["step:first", "/decision/document/date"]


def case(*removals: dict[str, Any], **candidate: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    data["candidate"]["removals"] = list(removals)
    data["candidate"].update(candidate)
    return data


def removal(kind: str, decided: str, since: str | None = None, **extra: Any) -> dict[str, Any]:
    r: dict[str, Any] = {"kind": kind, "decision": {"number": "12/QĐ-BNV", "date": decided},
                         "post": "Trưởng phòng"}
    if since is not None:
        r["placement"] = {"since": since}
    return r | extra


def judge(data: dict[str, Any], **params: Any) -> list[tuple[str, str, Kind]]:
    p = RemovalWait(kind="removal_wait", reference=REF, **params)
    c = Ctx(validate_case(data), data, None)
    return [(h.pointer, h.message, h.kind) for h in removal_wait(p, c)]


RELIEF = {"removals": ["relief"], "months": 12, "ranks": ["equivalent"],
          "open_ranks": ["higher"], "regime_from": "2026-08-01",
          "ratings": ["good", "excellent"]}


# ---------------------------------------------------------------- months from the new post
@pytest.mark.parametrize(("since", "expected"), [
    ("2029-09-17", [("/candidate/removals/0/placement/since", "short", Kind.VIOLATION)]),
    ("2029-08-18", [("/candidate/removals/0/placement/since", "ambiguous", Kind.UNDECIDABLE)]),
    ("2029-08-17", []),
    ("2029-07-17", []),
])
def test_relief_counts_calendar_months_from_the_start_at_the_new_post(
        since: str, expected: list[tuple[str, str, Kind]]) -> None:
    data = case(removal("relief", "2029-07-01", since, rank="equivalent"))
    assert judge(data, **RELIEF) == expected


def test_the_clock_does_not_run_from_the_removal_decision() -> None:
    """WB-5: removed three years ago, but at the new post for only five months."""
    data = case(removal("relief", "2027-07-01", "2030-03-20", rank="equivalent"))
    assert [m for _, m, _ in judge(data, **RELIEF)] == ["short"]


def test_no_start_date_cannot_be_decided_and_no_placement_is_no_time_at_all() -> None:
    no_start = case(removal("relief", "2029-07-01", rank="equivalent",
                            placement={"title": "Phó Trưởng phòng", "leadership": True}))
    assert judge(no_start, **RELIEF) == [
        ("/candidate/removals/0/placement", "unknown_start", Kind.UNDECIDABLE)]
    first = case(removal("relief", "2029-07-01", rank="equivalent"))
    assert judge(first, **RELIEF) == [("/candidate/removals/0", "no_placement", Kind.VIOLATION)]


@pytest.mark.parametrize(("rank", "expected"), [
    ("equivalent", "short"), ("higher", "open_rank"), ("lower", None), (None, "unranked")])
def test_rank_against_the_post_lost(rank: str | None, expected: str | None) -> None:
    """WB-4: a higher post within the period is not addressed by the text."""
    extra = {"rank": rank} if rank else {}
    data = case(removal("relief", "2029-07-01", "2030-03-01", **extra))
    assert [m for _, m, _ in judge(data, **RELIEF)] == ([expected] if expected else [])


def test_a_removal_before_nd_300_cannot_be_decided() -> None:
    """WB-6: removed under the text as first issued, appointed under the amended one."""
    data = case(removal("relief", "2026-07-31", "2026-08-10", rank="equivalent"))
    assert judge(data, **RELIEF) == [
        ("/candidate/removals/0/decision/date", "transition", Kind.UNDECIDABLE)]
    undated = case(removal("relief", "2029-07-01", "2029-07-02", rank="equivalent",
                           decision={"number": "12/QĐ-BNV"}))
    assert [m for _, m, _ in judge(undated, **RELIEF)] == ["undated"]


def test_a_lower_post_after_a_removal_before_nd_300_needs_no_wait_under_either_text() -> None:
    """WB-6 is open only where the readings differ: a post lower than the one lost has no
    waiting period under the amended text, and none under the first one either."""
    data = case(removal("relief", "2022-12-20", "2023-02-15", rank="lower"))
    assert judge(data, **RELIEF) == []
    undated = case(removal("relief", "2029-07-01", "2029-07-02", rank="lower",
                           decision={"number": "12/QĐ-BNV"}))
    assert judge(undated, **RELIEF) == []


# ---------------------------------------------------------------- ratings since the new post
def test_ratings_since_the_new_post() -> None:
    """WB-2: a year wholly at the new post below "good" fails; the first, partial year
    cannot be decided; no year rated at all cannot be decided."""
    ratings = [{"year": 2028, "rating": "good"}, {"year": 2029, "rating": "completed"}]
    full = case(removal("relief", "2028-06-01", "2028-07-01", rank="equivalent"),
                ratings=ratings)
    assert judge(full, **RELIEF) == [
        ("/candidate/ratings/1/rating", "low_rating", Kind.VIOLATION)]
    partial = case(removal("relief", "2029-01-10", "2029-02-01", rank="equivalent"),
                   ratings=ratings)
    assert judge(partial, **RELIEF) == [
        ("/candidate/ratings/1/rating", "partial_rating", Kind.UNDECIDABLE)]
    unrated = case(removal("relief", "2029-01-10", "2029-02-01", rank="equivalent"),
                   ratings=[{"year": 2027, "rating": "good"}])
    assert [m for _, m, _ in judge(unrated, **RELIEF)] == ["unrated"]


# ---------------------------------------------------------------- resignation: years left
RESIGN = RELIEF | {"removals": ["resignation"], "months": 24, "on_dismissal_grounds": False,
                   "short_career_months": 60}


@pytest.mark.parametrize(("retirement", "expected"), [
    ("2033-05-31", ("short_career", Kind.VIOLATION)),       # 59 months at the decision
    ("2033-06-01", ("short_career_ambiguous", Kind.UNDECIDABLE)),  # 60 then, fewer later
    ("2035-09-16", None),                                   # 60 months even at the decision
])
def test_under_five_years_left_no_leadership_post(retirement: str,
                                                  expected: tuple[str, Kind] | None) -> None:
    """WB-3: the reference date for "dưới 5 năm" is not stated; the decision accepting the
    resignation is used, and a result that changes by the appointment cannot be decided."""
    data = case(removal("resignation", "2028-06-01", "2028-07-01", rank="equivalent"),
                retirement_date=retirement)
    found = [(m, k) for _, m, k in judge(data, **RESIGN)]
    assert found == ([expected] if expected else [])


def test_a_resignation_on_dismissal_grounds_is_left_to_its_own_rule() -> None:
    data = case(removal("resignation", "2029-06-01", "2029-07-01", rank="equivalent",
                        on_dismissal_grounds=True))
    assert judge(data, **RESIGN) == []
    assert [m for _, m, _ in judge(data, **(RESIGN | {"on_dismissal_grounds": True,
                                                       "short_career_months": None}))] == [
        "short"]


# ---------------------------------------------------------------- the permanent bars
def test_corruption_bars_for_good_and_other_discipline_does_not() -> None:
    never = {"removals": ["discipline_removal"], "corruption": True, "mode": "never"}
    old = removal("discipline_removal", "2010-01-01", "2010-02-01", corruption=True)
    assert judge(case(old), **never) == [("/candidate/removals/0", "barred", Kind.VIOLATION)]
    assert judge(case(old | {"corruption": False}), **never) == []


def test_first_placement_after_a_dismissal_under_the_first_text() -> None:
    """WB-1: the first placement is judged; a later appointment cannot be decided."""
    first = {"removals": ["dismissal"], "mode": "first_placement"}
    assert judge(case(removal("dismissal", "2025-09-01")), **first) == [
        ("/candidate/removals/0", "first", Kind.VIOLATION)]
    assert judge(case(removal("dismissal", "2025-09-01", "2025-10-01")), **first) == [
        ("/candidate/removals/0/placement", "later", Kind.UNDECIDABLE)]


def test_several_removals_are_each_judged() -> None:
    data = case(removal("relief", "2029-07-01", "2029-09-17", rank="equivalent"),
                removal("dismissal", "2026-09-01", "2026-10-01"),
                removal("relief", "2029-07-01", "2029-07-17", rank="equivalent"))
    assert judge(data, **RELIEF) == [
        ("/candidate/removals/0/placement/since", "short", Kind.VIOLATION)]


# ---------------------------------------------------------------- the shape
def test_an_unknown_kind_of_removal_is_refused_with_its_place() -> None:
    bad = case({"kind": "transfer", "decision": {"number": "1/QĐ"}, "post": "Trưởng phòng"})
    with pytest.raises(ValidationError) as err:
        validate_case(bad)
    assert "removals" in str(err.value)
    report = check_bytes("bad.json", json.dumps(bad).encode(), builtin_packs(), Options())
    pointers = [f.pointer for f in report.findings]
    assert "/candidate/removals/0/kind" in pointers


def test_same_input_same_bytes() -> None:
    path = CASES / "undecidable/WAIT-RELIEF/higher-post-within-the-period.json"
    runs = {check_bytes(path.name, path.read_bytes(), builtin_packs(), Options()).findings
            .__repr__() for _ in range(2)}
    assert len(runs) == 1


# ---------------------------------------------------------------- fixtures: boundaries
WAIT_RULES = sorted({(r.id, r.version) for p in builtin_packs() for r in p.rules
                     if r.check.kind == "removal_wait"
                     and getattr(r.check, "mode", "") == "wait"})


def test_every_waiting_rule_is_present() -> None:
    assert {r for r, _ in WAIT_RULES} == {"WAIT-DISMISSAL", "WAIT-RELIEF", "WAIT-RESIGNATION",
                                          "WAIT-RESIGNATION-GROUNDS"}


@pytest.mark.parametrize(("rule_id", "version"), WAIT_RULES)
def test_every_waiting_period_has_fixtures_below_at_and_above(rule_id: str, version: int
                                                              ) -> None:
    """A waiting period is a threshold: just below (one month short), exactly at, and just
    above it, each a fixture named so."""
    names = [p.stem for o in ("valid", "invalid", "undecidable")
             for p in (CASES / o / rule_id).glob("*.json")]
    for prefix in ("below-", "at-", "above-"):
        assert any(n.startswith(prefix) for n in names), f"{rule_id}: no {prefix}* fixture"


def test_the_removal_decision_needs_its_number_and_date() -> None:
    bad = case({"kind": "dismissal", "decision": {"number": "1/QĐ"}, "post": "Trưởng phòng"})
    report = check_bytes("bad.json", json.dumps(bad).encode(), builtin_packs(), Options())
    schema = [(f.pointer, f.message) for f in report.findings if f.rule == "SCHEMA"]
    assert schema == [("/candidate/removals/0/decision", 'Thiếu trường bắt buộc "date".')]


@pytest.mark.parametrize(("rank", "placed", "expected"), [
    ("equivalent", False, ("first", Kind.VIOLATION)),
    ("higher", False, ("first", Kind.VIOLATION)),
    ("lower", False, None),
    ("equivalent", True, ("later", Kind.UNDECIDABLE)),
    (None, False, ("unranked", Kind.UNDECIDABLE)),
])
def test_not_reappointed_no_equivalent_or_higher_post(rank: str | None, placed: bool,
                                                      expected: tuple[str, Kind] | None) -> None:
    """NĐ 170 Điều 36 k7: the other work given is not an equivalent or higher post; the
    text sets no time and does not say whether it governs later appointments."""
    params = {"removals": ["not_reappointed"], "mode": "first_placement",
              "ranks": ["equivalent", "higher"]}
    extra = {"rank": rank} if rank else {}
    data = case(removal("not_reappointed", "2029-06-01", "2029-07-01" if placed else None,
                        **extra))
    assert [(m, k) for _, m, k in judge(data, **params)] == ([expected] if expected else [])
