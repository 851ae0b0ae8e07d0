"""The closed set of predicate kinds. Each is pure: (parameters, case) → hits.

A predicate knows nothing of languages or citations. It yields Hits: where (a JSON
pointer into the case), which of its messages applies, and the values for that
message's placeholders. The rule pack supplies the sentences; the engine renders them.

Every kind declares its messages: the message keys it may emit and the placeholders each
one provides. Loading a pack checks a rule's sentences against that declaration, so a
typo in a placeholder is a load error, never a crash in the middle of a run.

The kinds live in family modules, by what they judge:

    core.py           what every kind shares: Ctx, Hit, Params, pointers, date references,
                      ratios, the registry entry (Predicate)
    consultations.py  consultations of other bodies (hiệp y…): before a step, or recorded
    dossier.py        the personnel dossier: items present, their age
    items.py          lists judged item by item (items_*)
    person.py         the candidate's record: tenure, ratings, months in post, retirement
                      margin, discipline bars
    waiting.py        waiting periods after the loss of a leadership post (part W)
    steps.py          the steps of a procedure and their votes: order, quorum, ballots,
                      nomination rounds, carried forward, divergence, final vote
    timing.py         dates against dates: date order, deadlines, lead times, periods of
                      at most so many months, a date in the rule's period
    values.py         single values: present, flags, allowed and forbidden values, bounds,
                      the same body
    transfer.py       transfer (issue 14): an item's date within so many months of a day
                      (a child under 36 months), an allowance kept for so many months
    removal.py        removal from a post (dismissal, resignation, relief; issue 14):
                      places present or absent, a share above a ratio, items counted in a
                      period, consecutive years, a deadline extendable with a reason, a vote
                      of several bodies under every reading, dates in order, an open question
    rotation.py       rotation (issue 14, LC): records dated by a given day, acts grouped
                      by step with the steps in order

Each family module ends with KINDS, a tuple (unannotated, see Predicate) of its registry
entries: (parameter class, function, messages, and `reads`: the family of case it needs,
CaseBase unless it reads one family's model, e.g. AppointmentFamily for the steps; a
pack that uses a kind on another family's procedure is refused when loaded). A new kind
is a parameter class, a function and an entry in its family's KINDS; a new family is a module,
imported and named in the registry below. PREDICATES and the union of parameter models
that validates a rule's `check` (and so the rule-pack schema) are both built from these
entries.

A parameter class is light (core.Params: no pydantic, so `checker check` never imports
it, issue 15); its pydantic model, a subclass with the same name, fields and methods, is
derived from it (models.py: `Predicate.model`, `Quorum.model()`) for the rule packs'
validation and schema.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, TypeAlias, Union

from checker.rules.predicates import (
    consultations,
    dossier,
    items,
    person,
    removal,
    rotation,  # issue 14, LC
    steps,
    timing,
    transfer,  # issue 14, transfer
    values,
    waiting,  # W (issue 14)
)
from checker.rules.predicates.consultations import ConsultationRecorded, consultation_recorded
from checker.rules.predicates.core import (
    Ctx,
    DateRef,
    Hit,
    Params,
    Pointer,
    Predicate,
    Ratio,
    Value,
    date_ref,
    first_date,
    kind_of,
    ratio,
    registry,
    resolve,
)
from checker.rules.predicates.steps import selection, tally

__all__ = [
    "PREDICATES",
    "Check",
    "ConsultationRecorded",
    "Ctx",
    "DateRef",
    "Hit",
    "Params",
    "Pointer",
    "Predicate",
    "PredicateParams",
    "Ratio",
    "Value",
    "consultation_recorded",
    "date_ref",
    "first_date",
    "kind_of",
    "ratio",
    "required_messages",
    "resolve",
    "selection",
    "tally",
]

# Every kind, by name.
PREDICATES: dict[str, Predicate[Any]] = registry(
    consultations.KINDS,
    dossier.KINDS,
    items.KINDS,
    person.KINDS,
    removal.KINDS,
    waiting.KINDS,  # W (issue 14)
    rotation.KINDS,  # issue 14, LC
    steps.KINDS,
    timing.KINDS,
    transfer.KINDS,  # issue 14, transfer
    values.KINDS,
)

if TYPE_CHECKING:
    # To the type checker a check is any Params (each names its `kind`); pydantic and the
    # schema get the discriminated union of every kind's model.
    PredicateParams: TypeAlias = Params
    # The name a rule's `check` field has always used.
    Check = PredicateParams
else:
    def __getattr__(name: str) -> Any:
        # The union of the kinds' pydantic models, built (and pydantic imported) only when
        # a rule pack is validated (checker.rules.pack), never on the check path.
        if name in ("PredicateParams", "Check"):
            from pydantic import Field

            union = Annotated[Union[tuple(p.model for p in PREDICATES.values())],  # noqa: UP007
                              Field(discriminator="kind")]
            globals().update(PredicateParams=union, Check=union)
            return union
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def required_messages(kind: str, params: Params) -> set[str]:
    """Message keys a rule must provide for its predicate with these parameters."""
    return set(PREDICATES[kind].messages) - params.unused()
