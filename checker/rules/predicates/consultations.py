"""Consultations with other bodies (hiệp y, a party committee's evaluation, the competent
body): asked and answered in writing before a step or the decision, or at least recorded."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Literal

from checker.light import AppointmentFamily, ConsultationKind, StepKind
from checker.report import Kind
from checker.rules.predicates.core import (
    Ctx,
    Field,
    Hit,
    Params,
    Pointer,
    Predicate,
    Reads,
    emits,
    resolve,
    step_ptr,
    steps_of,
)
from checker.text import same


class ConsultationBefore(Params):
    """A consultation of `consultation` was requested in writing and (if `answer`) answered
    in writing no later than the date of `step` (or of the decision). With
    `divergence_analysis`, an answer that disagrees must be followed by a documented
    analysis of the differing opinions."""

    kind: Literal["consultation_before"]
    consultation: Literal["cap_uy_evaluation", "hiep_y", "agency_party_committee",
                          "competent_body"]
    step: StepKind | Literal["decision"]
    answer: bool = True
    divergence_analysis: bool = False
    request: bool = Field(True, description="A written request is required too")
    scope: Pointer | None = Field(
        None, description="A fact that decides whether the consultation is needed at all "
                          "(the rule's `when` excludes the case where it is not): while the "
                          "case does not record it, a missing or late consultation cannot be "
                          "decided")

    def unused(self) -> set[str]:
        out = set() if self.request else {"no_request", "late_request"}
        if self.scope is None:
            out.add("unscoped")
        if not self.answer:
            out |= {"no_answer", "late"}
        if not self.divergence_analysis:
            out.add("no_analysis")
        return out

    def reads(self) -> Reads | None:
        """Before a step: the steps are the appointment family's; before the decision,
        any case will do."""
        return AppointmentFamily if self.step != "decision" else super().reads()


class ConsultationRecorded(Params):
    """The case records a consultation of `consultation` with `body` (names compared
    after NFC, case folding and whitespace collapsing) and the document that evidences it:
    the request sent or the answer received. No timing and no answer is required: the
    rule says only that the body was consulted or informed (e.g. a provincial standing
    committee's hiệp y, or a report to it when no hiệp y was sought)."""

    kind: Literal["consultation_recorded"]
    consultation: ConsultationKind
    body: Annotated[str, Field(min_length=1, max_length=300, pattern=r"\S")]


# ---------------------------------------------------------------- predicates
def consultation_before(p: ConsultationBefore, c: Ctx) -> Iterator[Hit]:
    if p.step == "decision":
        d = c.case.decision
        if d is None or d.document.date is None:
            return
        when, where = d.document.date, "/decision"
    else:
        target = steps_of(c, p.step)[:1]
        if not target:
            return
        i, s = target[0]
        when, where = s.date, step_ptr(i)
    about = None if p.step == "decision" else i
    hits = list(_consultation_hits(p, c, when, where))
    if hits and p.scope is not None and resolve(c.data, p.scope) is None:
        yield Hit(hits[0].pointer, "unscoped", {"step": p.step, "date": when},
                  Kind.UNDECIDABLE, step=about)
        return
    for hit in hits:
        yield dataclasses.replace(hit, step=about)


def _consultation_hits(p: ConsultationBefore, c: Ctx, when: dt.date, where: str
                       ) -> Iterator[Hit]:
    found = [(j, k) for j, k in enumerate(c.case.consultations) if k.kind == p.consultation]
    if not found:
        yield Hit("/consultations" if c.case.consultations else where, "missing",
                  {"step": p.step, "date": when})
        return
    j, k = found[0]
    if not p.request:
        pass
    elif k.request is None:
        yield Hit(f"/consultations/{j}", "no_request", {"body": k.body})
    elif k.request.date is not None and k.request.date > when:
        yield Hit(f"/consultations/{j}/request/date", "late_request",
                  {"body": k.body, "request_date": k.request.date, "step_date": when})
    if p.answer:
        if k.answer is None:
            yield Hit(f"/consultations/{j}", "no_answer", {"body": k.body})
        elif k.answer.date is not None and k.answer.date > when:
            yield Hit(f"/consultations/{j}/answer/date", "late",
                      {"body": k.body, "answer_date": k.answer.date, "step_date": when})
    if p.divergence_analysis and k.answer_agrees is False and k.divergence_analysis is None:
        yield Hit(f"/consultations/{j}", "no_analysis", {"body": k.body})


def consultation_recorded(p: ConsultationRecorded, c: Ctx) -> Iterator[Hit]:
    found = [j for j, k in enumerate(c.case.consultations)
             if k.kind == p.consultation and same(k.body, p.body)]
    if not found:
        yield Hit("/consultations" if c.case.consultations else "", "missing", {"body": p.body})
        return
    if not any(c.case.consultations[j].request or c.case.consultations[j].answer
               for j in found):
        yield Hit(f"/consultations/{found[0]}", "undocumented", {"body": p.body})


# ---------------------------------------------------------------- registry
KINDS = (
    Predicate(ConsultationBefore, consultation_before, emits(
        missing="step date", no_request="body", no_answer="body", late="body answer_date step_date",
        late_request="body request_date step_date", no_analysis="body", unscoped="step date")),
    Predicate(ConsultationRecorded, consultation_recorded, emits(
        missing="body", undocumented="body")),
)
