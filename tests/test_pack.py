"""Rule packs: data that runs no code, refused with one clear message when it is wrong."""

from __future__ import annotations

import copy
import tomllib
from collections.abc import Callable
from typing import Any

import pytest

from checker.errors import RulePackError
from checker.rules.pack import BUILTIN_PACKS, Pack, Rule, builtin_packs, parse_pack
from checker.rules.predicates import PREDICATES, required_messages
from checker.schemas import validator
from checker.sources import DATA, catalog, toml_plain

PACK_FILE = BUILTIN_PACKS / "nd-170-2025.toml"
ORIGIN = "test-pack.toml"


def builtin_data() -> dict[str, Any]:
    data: dict[str, Any] = toml_plain(tomllib.loads(PACK_FILE.read_text("utf-8")))
    return data


BASE = builtin_data()


def rule(data: dict[str, Any], rule_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(r for r in data["rules"] if r["id"] == rule_id)
    return found


def refused(mutate: Callable[[dict[str, Any]], None]) -> str:
    data = copy.deepcopy(BASE)
    mutate(data)
    with pytest.raises(RulePackError) as e:
        parse_pack(data, ORIGIN, catalog())
    msg = str(e.value)
    assert msg.startswith(f"{ORIGIN}: "), msg
    assert "\n" not in msg
    return msg


# ---------------------------------------------------------------- the built-in packs
def test_unmodified_builtin_pack_parses() -> None:
    pack = parse_pack(copy.deepcopy(BASE), ORIGIN, catalog())
    assert isinstance(pack, Pack)
    assert pack.id == "nd-170-2025"


def test_builtin_packs_load() -> None:
    packs = builtin_packs()
    # Sorted on both sides: files load in path order, and "nd-170-2025-suspension.toml"
    # sorts before "nd-170-2025.toml" ("-" < ".") while its id sorts after.
    assert sorted(p.id for p in packs) == sorted(p.stem for p in BUILTIN_PACKS.glob("*.toml"))
    assert all(p.rules for p in packs)


@pytest.mark.parametrize("path", sorted(BUILTIN_PACKS.glob("*.toml")), ids=lambda p: p.name)
def test_builtin_pack_matches_the_rulepack_schema(path: Any) -> None:
    # builtin_packs() skips the schema pass for start-up speed; this test is that pass.
    data = toml_plain(tomllib.loads(path.read_text("utf-8")))
    assert [e.message for e in validator("rulepack").iter_errors(data)] == []


def test_builtin_catalog_matches_the_sources_schema() -> None:
    data = toml_plain(tomllib.loads((DATA / "sources.toml").read_text("utf-8")))
    assert [e.message for e in validator("sources").iter_errors(data)] == []


def all_rules() -> list[Rule]:
    return [r for p in builtin_packs() for r in p.rules]


RULE_IDS = sorted({r.id for r in all_rules()})


def test_rule_ids_are_unique_per_version() -> None:
    keys = [(r.id, r.version) for r in all_rules()]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_every_citation_resolves(rule_id: str) -> None:
    cat = catalog()
    for r in all_rules():
        if r.id != rule_id:
            continue
        assert r.cites
        for c in r.cites:
            src = cat.get(c.source)
            assert src is not None, f"{r.id} cites unknown {c.source!r}"
            # A text we hold is quoted; a regulation known only through summaries may
            # have no verifiable wording, and then the rule is at most a warning (the
            # loader enforces that) and its explanation says where its content comes from.
            if str(src.confidence) == "high":
                assert c.quote, f"{r.id} cites {c.source} without the deciding phrase"


def test_every_cover_resolves() -> None:
    cat = catalog()
    for p in builtin_packs():
        for c in p.covers:
            assert cat.get(c.source) is not None


def test_replacement_chain_resolves() -> None:
    cat = catalog()
    for s in cat.sources:
        if s.replaced_by:
            assert cat.get(s.replaced_by) is not None
    old = cat.get("nd-138-2020")
    assert old is not None and old.replaced_by == "nd-170-2025"


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_every_rule_is_written_in_both_languages(rule_id: str) -> None:
    for r in all_rules():
        if r.id != rule_id:
            continue
        for field in (r.title, r.explain, r.example):
            assert field.vi.strip() and field.en.strip()
            assert field.vi != field.en
        assert set(r.messages) >= required_messages(r.check.kind, r.check)
        for key, text in r.messages.items():
            assert key in PREDICATES[r.check.kind].messages
            for s in (text.vi, text.en):
                assert s.strip().endswith("."), f"{r.id} {key}: {s!r} is not a sentence"
                # a sentence may open with a placeholder (a person's or a body's name)
                assert s[:1].isupper() or s.startswith("{"), f"{r.id} {key}: {s!r}"


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_periods_lie_within_the_pack_covers(rule_id: str) -> None:
    for p in builtin_packs():
        for r in p.rules:
            if r.id != rule_id:
                continue
            assert any(c.in_force.start <= r.in_force.start for c in p.covers)


# ---------------------------------------------------------------- refusals
def test_unknown_citation_source() -> None:
    msg = refused(lambda d: rule(d, "APPT-QUORUM")["cites"][0].update(source="nd-999-2099"))
    assert msg == f"{ORIGIN}: rule APPT-QUORUM: cites unknown source 'nd-999-2099'"


def test_unknown_cover_source() -> None:
    msg = refused(lambda d: d["covers"][0].update(source="nd-999-2099"))
    assert "nd-999-2099" in msg


def bad_kind(d: dict[str, Any]) -> None:
    rule(d, "APPT-QUORUM")["check"]["kind"] = "bogus"


def bad_ratio(d: dict[str, Any]) -> None:
    rule(d, "APPT-QUORUM")["check"]["ratio"] = "two thirds"


def extra_param(d: dict[str, Any]) -> None:
    rule(d, "APPT-QUORUM")["check"]["threshold"] = 1


def missing_param(d: dict[str, Any]) -> None:
    del rule(d, "APPT-QUORUM")["check"]["ratio"]


BAD_CHECKS = [
    pytest.param(bad_kind, "bogus", id="unknown-kind"),
    pytest.param(bad_ratio, "ratio", id="bad-ratio"),
    pytest.param(extra_param, "threshold", id="unknown-parameter"),
    pytest.param(missing_param, "ratio", id="missing-parameter"),
]


@pytest.mark.parametrize(("mutate", "_what"), BAD_CHECKS)
def test_bad_predicate_is_refused(mutate: Callable[[dict[str, Any]], None], _what: str) -> None:
    refused(mutate)


@pytest.mark.parametrize(("mutate", "what"), BAD_CHECKS)
def test_bad_predicate_message_names_the_rule_and_the_problem(
    mutate: Callable[[dict[str, Any]], None], what: str
) -> None:
    msg = refused(mutate)
    assert "rule APPT-QUORUM: " in msg
    assert what in msg
    assert "is not valid under any of the given schemas" not in msg


def test_unknown_predicate_kind_lists_the_known_ones() -> None:
    msg = refused(bad_kind)
    assert msg.endswith(
        "rule APPT-QUORUM: unknown predicate kind 'bogus'; known kinds: "
        + ", ".join(sorted(PREDICATES))
    )


def test_overlapping_versions() -> None:
    def mutate(d: dict[str, Any]) -> None:
        v2 = copy.deepcopy(rule(d, "APPT-QUORUM"))
        v2["version"] = 2
        v2["in_force"] = {"from": "2026-01-01"}
        d["rules"].append(v2)

    msg = refused(mutate)
    assert msg == (f"{ORIGIN}: rule APPT-QUORUM: versions 1 (2025-07-01 to 2026-07-31) and 2 "
                   "(2026-01-01 to open end) overlap in time")


def test_adjacent_versions_are_accepted() -> None:
    data = copy.deepcopy(BASE)
    v1 = rule(data, "APPT-QUORUM")
    v1["in_force"] = {"from": "2025-07-01", "until": "2025-12-31"}
    v2 = copy.deepcopy(v1)
    v2["version"] = 2
    v2["in_force"] = {"from": "2026-01-01"}
    data["rules"].append(v2)
    pack = parse_pack(data, ORIGIN, catalog())
    assert [r.version for r in pack.rules if r.id == "APPT-QUORUM"] == [1, 2]


def test_versions_sharing_one_day_overlap() -> None:
    def mutate(d: dict[str, Any]) -> None:
        v1 = rule(d, "APPT-QUORUM")
        v1["in_force"] = {"from": "2025-07-01", "until": "2026-01-01"}
        v2 = copy.deepcopy(v1)
        v2["version"] = 2
        v2["in_force"] = {"from": "2026-01-01"}
        d["rules"].append(v2)

    assert "overlap" in refused(mutate)


def test_duplicated_version_number() -> None:
    def mutate(d: dict[str, Any]) -> None:
        v1 = rule(d, "APPT-QUORUM")
        v1["in_force"] = {"from": "2025-07-01", "until": "2025-12-31"}
        again = copy.deepcopy(v1)
        again["in_force"] = {"from": "2026-01-01"}
        d["rules"].append(again)

    msg = refused(mutate)
    assert msg == f"{ORIGIN}: rule APPT-QUORUM: version 1 is defined twice"


def test_period_that_ends_before_it_starts() -> None:
    msg = refused(
        lambda d: rule(d, "APPT-QUORUM").update(
            in_force={"from": "2025-07-01", "until": "2025-06-30"}
        )
    )
    assert "APPT-QUORUM" in msg and "ends before it starts" in msg


def set_message(rule_id: str, key: str, lang: str, text: str) -> Callable[[dict[str, Any]], None]:
    def mutate(d: dict[str, Any]) -> None:
        rule(d, rule_id)["messages"][key][lang] = text

    return mutate


def test_unknown_placeholder() -> None:
    msg = refused(set_message("APPT-QUORUM", "default", "en", "At {step} {quorum} were present."))
    assert msg == (
        f"{ORIGIN}: rule APPT-QUORUM: message 'default' (en) uses unknown placeholder "
        "{quorum}; available: needed, present, step, summoned"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Tại {step.__class__} thiếu người.",
        "Tại {step} có {present:>10} người.",
        "Tại {step!r} thiếu người.",
        "Tại {step[0]} thiếu người.",
        "Tại {step} thiếu {",
        "Tại {} thiếu người.",
        "Tại {0} thiếu người.",
    ],
    ids=["attribute", "format-spec", "conversion", "index", "unclosed", "positional", "numbered"],
)
def test_placeholder_beyond_a_plain_name(text: str) -> None:
    msg = refused(set_message("APPT-QUORUM", "default", "vi", text))
    assert msg == (
        f"{ORIGIN}: rule APPT-QUORUM: message 'default' (vi) may only use plain {{name}} "
        "placeholders"
    )


def test_missing_required_message_key() -> None:
    msg = refused(lambda d: rule(d, "APPT-STEPS")["messages"].pop("order"))
    assert msg == f"{ORIGIN}: rule APPT-STEPS: has no message 'order' for step_sequence"


def test_message_the_predicate_never_emits() -> None:
    msg = refused(
        lambda d: rule(d, "APPT-QUORUM")["messages"].update(late={"vi": "Trễ.", "en": "Late."})
    )
    assert msg == f"{ORIGIN}: rule APPT-QUORUM: message 'late' is never emitted by quorum"


def test_message_missing_one_language() -> None:
    msg = refused(lambda d: rule(d, "APPT-QUORUM")["messages"]["default"].pop("en"))
    assert "'en' is a required property" in msg


def test_rule_without_citation() -> None:
    refused(lambda d: rule(d, "APPT-QUORUM").update(cites=[]))


def test_lowercase_rule_id() -> None:
    msg = refused(lambda d: rule(d, "APPT-QUORUM").update(id="appt-quorum"))
    assert "appt-quorum" in msg


def test_optional_messages_follow_the_parameters() -> None:
    # final_vote with head_decides never emits single_half / half_no_report
    ext = next(r for r in all_rules() if r.id == "APPT-EXTERNAL-VOTE")
    assert "single_half" not in required_messages(ext.check.kind, ext.check)
    step2 = next(r for r in all_rules() if r.id == "APPT-STEP2-VOTE")
    assert "not_selected" not in required_messages(step2.check.kind, step2.check)
    step3 = next(r for r in all_rules() if r.id == "APPT-STEP3-VOTE")
    assert "not_selected" in required_messages(step3.check.kind, step3.check)
