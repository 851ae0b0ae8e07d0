"""The removal family (dismissal, resignation, relief): each shared part is defined once
(checker/model/removal.py) and each procedure narrows only what its article narrows; the
Party layer's steps (HD 45 mục IV.2) are stated once, in party-removal.toml, for the three
procedures."""

from __future__ import annotations

import copy
from typing import Any, get_args

import pytest
from _support import example, run
from pydantic import BaseModel, ValidationError

from checker.model import (
    DismissalCase,
    ReliefCase,
    RemovalFamily,
    ResignationCase,
    SuspensionCase,
    validate_case,
)
from checker.model.removal import PartySteps
from checker.report import Severity
from checker.rules.pack import Pack, builtin_packs

SHAPES = (DismissalCase, ResignationCase, ReliefCase)


def model_of(annotation: Any) -> type[BaseModel] | None:
    for t in (annotation, *get_args(annotation)):
        if isinstance(t, type) and issubclass(t, BaseModel):
            return t
    return None


# ---------------------------------------------------------------- the model
def test_the_three_shapes_are_the_removal_family_and_suspension_is_not() -> None:
    assert all(issubclass(s, RemovalFamily) for s in SHAPES)
    assert not issubclass(SuspensionCase, RemovalFamily)


@pytest.mark.parametrize("field", sorted(RemovalFamily.model_fields))
def test_each_shared_field_is_the_shared_part_or_a_narrowing_of_it(field: str) -> None:
    shared = model_of(RemovalFamily.model_fields[field].annotation)
    for shape in SHAPES:
        mine = model_of(shape.model_fields[field].annotation)
        assert (mine is None) is (shared is None), (shape.__name__, field)
        if shared is not None and mine is not None:
            assert issubclass(mine, shared), (shape.__name__, field, mine, shared)


def proposal_by(name: str, by: str) -> dict[str, Any]:
    data = copy.deepcopy(example(name))
    data["proposal"]["by"] = by
    return data


def test_a_dismissal_proposal_is_by_the_personnel_office_or_the_head_only() -> None:
    """Điều 53 k2 a names them and nobody else: the dismissal narrows the shared
    proposer, the resignation family keeps `other` for its rules to judge."""
    with pytest.raises(ValidationError):
        validate_case(proposal_by("2026-dismissal", "other"))
    for by in ("personnel_unit", "head_of_using_body"):
        validate_case(proposal_by("2026-dismissal", by))
    assert validate_case(proposal_by("2026-resignation", "other")).proposal is not None


# ---------------------------------------------------------------- the Party layer
def party_removal() -> Pack:
    (pack,) = [p for p in builtin_packs() if p.id == "party-removal"]
    return pack


def test_one_pack_and_one_cover_speak_for_the_three_procedures() -> None:
    pack = party_removal()
    assert [sorted(c.procedures) for c in pack.covers] == [
        ["dismissal", "relief", "resignation"]]
    assert not [p.id for p in builtin_packs()
                if p.id in ("party-dismissal", "party-resignation")]
    rules = {r.id: r for r in pack.rules}
    assert sorted(rules) == ["PARTY-DISMISS-ORDER", "PARTY-DISMISS-STEPS",
                             "PARTY-RESIGN-ORDER", "PARTY-RESIGN-STEPS"]
    assert rules["PARTY-DISMISS-STEPS"].procedures == ["dismissal"]
    assert rules["PARTY-RESIGN-STEPS"].procedures == ["resignation", "relief"]


@pytest.mark.parametrize("what", ["STEPS", "ORDER"])
def test_the_dismissal_and_the_resignation_rules_check_the_same_steps(what: str) -> None:
    """HD 45 mục IV.2 states one procedure for the three: the two rules of a pair differ
    in their words, never in what they check or quote."""
    rules = {r.id: r for r in party_removal().rules}
    dismiss, resign = rules[f"PARTY-DISMISS-{what}"], rules[f"PARTY-RESIGN-{what}"]
    assert dismiss.check == resign.check
    assert dismiss.cites == resign.cites
    assert (dismiss.severity, dismiss.in_force, dismiss.when) == (
        resign.severity, resign.in_force, resign.when)


def test_the_steps_are_the_fields_of_the_shared_party_steps() -> None:
    rules = {r.id: r for r in party_removal().rules}
    steps = [s for s in PartySteps.model_fields if s != "comment"]
    assert rules["PARTY-DISMISS-STEPS"].check.at == [  # type: ignore[attr-defined]
        f"/party_steps/{s}" for s in steps]
    assert rules["PARTY-DISMISS-ORDER"].check.order == [  # type: ignore[attr-defined]
        *(f"/party_steps/{s}/date" for s in steps), "/decision/document/date"]
    names = party_removal().names
    assert sorted(names) == ["dismissal", "relief", "resignation"]
    for step in steps:
        assert names["dismissal"][step] == names["resignation"][step] == names["relief"][step]
    assert len({names[p]["decision"].vi for p in names}) == 3  # each its own decision


def centrally_managed(name: str, **steps: str) -> dict[str, Any]:
    data = copy.deepcopy(example(name))
    data["post"]["centrally_managed"] = True
    if steps:
        data["party_steps"] = {k: {"date": v} for k, v in steps.items()}
    return data


@pytest.mark.parametrize(("name", "rule", "words"), [
    ("2026-dismissal", "PARTY-DISMISS-STEPS", "Hồ sơ miễn nhiệm"),
    ("2026-resignation", "PARTY-RESIGN-STEPS", "Hồ sơ từ chức hoặc cho thôi giữ chức vụ"),
    ("2026-relief", "PARTY-RESIGN-STEPS", "Hồ sơ từ chức hoặc cho thôi giữ chức vụ"),
])
def test_each_procedure_is_judged_by_its_own_rule_and_words(
        name: str, rule: str, words: str) -> None:
    party = [f for f in run(centrally_managed(name)).findings if f.layer == "party"]
    assert {(f.rule, f.severity) for f in party} == {(rule, Severity.WARNING)}
    assert len(party) == 5
    assert all(f.message.startswith(words) for f in party)


@pytest.mark.parametrize(("name", "rule", "decision"), [
    ("2026-dismissal", "PARTY-DISMISS-ORDER", "quyết định miễn nhiệm"),
    ("2026-relief", "PARTY-RESIGN-ORDER", "quyết định cho thôi giữ chức vụ"),
])
def test_a_step_after_the_decision_names_the_procedures_decision(
        name: str, rule: str, decision: str) -> None:
    data = centrally_managed(name, btctw_exchange="2026-09-01", head_exchange="2026-09-02",
                             collective_opinion="2026-09-03", report="2026-09-04",
                             written_opinions="2099-01-01")
    found = [f for f in run(data).findings if f.rule == rule]
    assert [f.pointer for f in found] == ["/decision/document/date"]
    assert decision in found[0].message


# ---------------------------------------------------------------- kinds and procedures
def test_every_built_in_rule_uses_kinds_that_read_its_procedures() -> None:
    from checker.rules.predicates import PREDICATES

    for pack in builtin_packs():
        for r in pack.rules:
            supported = PREDICATES[r.check.kind].procedures(r.check)
            assert {str(p) for p in r.procedures} <= set(supported), (pack.id, r.id)


def template_case(procedure: str) -> dict[str, Any]:
    import json

    from checker.cli import TEMPLATES

    data: dict[str, Any] = json.loads((TEMPLATES / f"{procedure}.json").read_text("utf-8"))
    return data


def test_a_kind_declared_to_read_any_case_runs_on_every_procedure() -> None:
    """The declaration is true: with the parameters of every built-in rule, a kind runs
    on the template of every procedure it says it supports, without failing."""
    from checker.model import SHAPES
    from checker.rules.predicates import PREDICATES, Ctx

    cases = {p: template_case(p) for p in SHAPES}
    ctxs = {p: Ctx(case=validate_case(d), data=d, as_of=None) for p, d in cases.items()}
    ran = set()
    for pack in builtin_packs():
        for r in pack.rules:
            kind = PREDICATES[r.check.kind]
            for procedure in kind.procedures(r.check):
                list(kind.run(r.check, ctxs[procedure]))
                ran.add((r.check.kind, procedure))
    assert ("fields_present", "suspension") in ran and ("dossier_item", "acting") in ran


def test_a_kind_of_the_appointment_dossier_misjudges_another_case() -> None:
    """Why a pack that does this is refused when loaded: dossier_item reads the
    appointment dossier (Điều 35), which a resignation does not have (its dossier is
    another model), so it would report a complete resignation dossier as lacking."""
    from checker.rules.predicates import PREDICATES, Ctx
    from checker.rules.predicates.dossier import DossierItemPresent

    kind = PREDICATES["dossier_item"]
    assert kind.procedures() == ("appointment", "reappointment", "extension", "acting",
                                 "rotation")
    data = template_case("resignation")
    params = DossierItemPresent(kind="dossier_item", item="self_review")
    hits = list(kind.run(params, Ctx(case=validate_case(data), data=data, as_of=None)))
    assert [h.pointer for h in hits] == [""]


APPOINTMENT_FAMILY = ("appointment", "reappointment", "extension", "acting")


# What the parameters leave: every shape, the appointment family, or the shapes that
# record steps (the appointment family and a transfer: a step reference needs only them).
STEPPED = (*APPOINTMENT_FAMILY, "transfer")


@pytest.mark.parametrize(("kind", "check", "family"), [
    ("min_months", {"since": "/x", "until": ["/y"], "months": 12}, None),
    ("min_months", {"since": "/x", "until": ["/y"], "months": 12,
                    "earlier_posts": ["same"]}, APPOINTMENT_FAMILY),
    ("consultation_before", {"consultation": "hiep_y", "step": "decision"}, None),
    ("consultation_before", {"consultation": "hiep_y", "step": "leadership_1"},
     APPOINTMENT_FAMILY),
    ("date_order", {"first": ["/a/date"], "then": ["/b/date"]}, None),
    ("date_order", {"first": ["step:first"], "then": ["/b/date"]}, STEPPED),
    ("deadline", {"start": ["step:leadership_1"], "end": ["/b/date"], "days": 5,
                  "unit": "working"}, STEPPED),
    ("final_vote", {"step": "leadership_vote", "denominator": "summoned", "above": "1/2",
                    "at_half": "head_decides"}, STEPPED),
    ("final_vote", {"step": "leadership_vote", "denominator": "leadership_members",
                    "above": "1/2", "at_half": "head_decides"},
     APPOINTMENT_FAMILY),
])
def test_parameters_may_narrow_what_a_kind_reads(
        kind: str, check: dict[str, Any], family: tuple[str, ...] | None) -> None:
    from pydantic import TypeAdapter

    from checker.model import SHAPES
    from checker.rules.predicates import PREDICATES, Check

    params = TypeAdapter(Check).validate_python({"kind": kind, **check})
    widest = PREDICATES[kind].procedures()
    assert widest == (tuple(SHAPES) if kind != "final_vote"
                      else tuple(p for p in SHAPES if p in STEPPED))
    assert PREDICATES[kind].procedures(params) == (
        widest if family is None else tuple(p for p in SHAPES if p in family))
