"""Pydantic models of a case file, one shape per procedure. schemas/case.schema.json is
generated from them (`make schemas`) and a test proves the committed schema equals the
generated one.

    common.py        what every case shares: documents, names, unit, post, person,
                     decision, term, consultations, waivers, discipline and ratings,
                     and CaseBase (the fields every case has)
    appointment/     the appointment family: appointment, reappointment, extension, acting
    suspension.py    suspension (tạm đình chỉ công tác)
    removal.py       what the removals from a post share (RemovalFamily): the term held,
                     the confidence vote, the talk, the proposal, the dossier, the Party
                     steps, grounds keyed by point
    transfer.py      transfer (điều động)
    dismissal.py     dismissal (miễn nhiệm)
    resignation.py   the resignation family: resignation (từ chức), relief from the post
                     (cho thôi giữ chức vụ)
    rotation.py      rotation (luân chuyển)
    schema.py        the published JSON Schema: `procedure` selects the shape

`Case` is the discriminated union on `procedure`; everything else is derived from it:
SHAPES (procedure → shape), the schema, the choices of `checker init --procedure`, and
the table of which procedure a field belongs to (for the schema-error messages).

Adding a procedure X:
  1. a module here with its shape: a subclass of CaseBase with
     `procedure: Literal[Procedure.X]`, `subject_field` naming its person's field (a
     Person or a subclass), `acts()` if it has dated acts before its decision, and
     @described(vi, en, ...) on every class (a test walks the schema for them);
  2. its import and one member of the union `Case` below;
  3. its value in `Procedure` (common.py) and its names in checker.i18n.PROCEDURE_NAMES;
  4. its template, checker/data/templates/X.json (the bundled clean example with
     placeholders and `$comment` guidance), and that example in tests/test_templates.py;
  5. `make schemas`, which writes the schema and the light twins of the models
     (checker/light/shapes.py, what `checker check` reads: checker.model.lightgen).
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Annotated, Any, get_args

from pydantic import Field, TypeAdapter

from checker.model.appointment import (
    Acting,
    ActingCase,
    ActingReason,
    AppointmentCandidate,
    AppointmentCase,
    AppointmentFamily,
    Basis,
    Bcs,
    BcsMeeting,
    BcsMember,
    BcsRole,
    Candidate,
    Chair,
    DeferralGround,
    Dossier,
    DossierItem,
    DossierKind,
    ExtensionCase,
    HeadChoice,
    Leadership,
    Nomination,
    Planning,
    PlanningRank,
    PlanningStatus,
    Policy,
    PoliticalConclusion,
    PoliticalResult,
    PostHeld,
    PostRelation,
    ReappointmentCase,
    RenewalFamily,
    Reselection,
    Source,
    SpecialCase,
    Step,
    StepKind,
    VerifierKind,
)
from checker.model.common import (
    DOC_NUMBER_PATTERN,
    JSON_POINTER_PATTERN,
    RULE_ID_PATTERN,
    SCHEMA_ID,
    AnnualRating,
    CaseBase,
    Consultation,
    ConsultationKind,
    Count,
    Decision,
    Discipline,
    DisciplineForm,
    DisciplineSystem,
    DocNumber,
    Document,
    Model,
    Name,
    NumberedDocument,
    Person,
    Post,
    Procedure,
    Proceeding,
    Rating,
    Sex,
    Term,
    Unit,
    UnitKind,
    Waiver,
    _Generator,
    d,
)
from checker.model.dismissal import DismissalCase
from checker.model.removal import RemovalFamily
from checker.model.resignation import (
    ReliefCase,
    ResignationCase,
    ResignationFamily,
)
from checker.model.rotation import RotationCase  # issue 14, LC
from checker.model.suspension import SuspensionCase  # part S
from checker.model.transfer import TransferCase  # issue 14, transfer

# The shapes, one per procedure. A new procedure: one member here (and its import above).
Case = Annotated[
    AppointmentCase
    | ReappointmentCase
    | ExtensionCase
    | ActingCase
    | SuspensionCase  # part S
    | DismissalCase  # issue 14, D
    # Part R of issue 14: the resignation family.
    | ResignationCase
    | ReliefCase
    | RotationCase  # issue 14, LC: luân chuyển
    | TransferCase,  # issue 14, transfer (điều động)
    Field(discriminator="procedure"),
]


def _shapes() -> dict[str, type[CaseBase]]:
    out: dict[str, type[CaseBase]] = {}
    for shape in get_args(get_args(Case)[0]):
        (value,) = get_args(shape.model_fields["procedure"].annotation)
        out[str(value)] = shape
    return out


# procedure → its shape, in the order of the union.
SHAPES: dict[str, type[CaseBase]] = _shapes()

CASE_ADAPTER: TypeAdapter[Case] = TypeAdapter(Case)


def validate_case(data: Any) -> Case:
    """The case as its procedure's shape; raises pydantic.ValidationError (whose `loc`
    starts with the procedure, the union's tag: see `error_location`)."""
    return CASE_ADAPTER.validate_python(data)


def error_location(loc: tuple[int | str, ...], data: Any) -> tuple[int | str, ...]:
    """A validation error's location inside the case: without the union's tag."""
    procedure = data.get("procedure") if isinstance(data, dict) else None
    if loc and isinstance(procedure, str) and loc[0] == procedure and procedure in SHAPES:
        return loc[1:]
    return loc


def _register_light_twins() -> None:
    """Each model class is a virtual subclass of its light twin (checker.light, generated
    from these models by checker.model.lightgen), so that the predicates' isinstance
    checks hold for a case of either kind."""
    from checker.model.lightgen import classes

    try:
        import checker.light as light
    except Exception as e:  # a stale generated module: the generator must still run
        warnings.warn(f"checker.light cannot be imported ({e}): run `make schemas` to "
                      f"regenerate checker/light/shapes.py", stacklevel=2)
        return
    light.Record.register(Model)
    for cls in classes()[0]:
        getattr(light, cls.__name__).register(cls)


_register_light_twins()


if TYPE_CHECKING:
    from checker import light


def as_read(case: Case) -> light.Case:
    """The model as the rules read it: through its light twin's interface (the same
    attributes, values and methods; checker.light)."""
    read: Any = case
    return read  # type: ignore[no-any-return]

from checker.model.schema import (  # noqa: E402  (needs SHAPES)
    RENAMED,
    case_json_schema,
    field_owners,
)

__all__ = [
    "CASE_ADAPTER",
    "DOC_NUMBER_PATTERN",
    "JSON_POINTER_PATTERN",
    "RENAMED",
    "RULE_ID_PATTERN",
    "SCHEMA_ID",
    "SHAPES",
    "Acting",
    "ActingCase",
    "ActingReason",
    "AnnualRating",
    "AppointmentCandidate",
    "AppointmentCase",
    "AppointmentFamily",
    "Basis",
    "Bcs",
    "BcsMeeting",
    "BcsMember",
    "BcsRole",
    "Candidate",
    "Case",
    "CaseBase",
    "Chair",
    "Consultation",
    "ConsultationKind",
    "Count",
    "Decision",
    "DeferralGround",
    "Discipline",
    "DisciplineForm",
    "DisciplineSystem",
    "DismissalCase",
    "DocNumber",
    "Document",
    "Dossier",
    "DossierItem",
    "DossierKind",
    "ExtensionCase",
    "HeadChoice",
    "Leadership",
    "Model",
    "Name",
    "Nomination",
    "NumberedDocument",
    "Person",
    "Planning",
    "PlanningRank",
    "PlanningStatus",
    "Policy",
    "PoliticalConclusion",
    "PoliticalResult",
    "Post",
    "PostHeld",
    "PostRelation",
    "Procedure",
    "Proceeding",
    "Rating",
    "ReappointmentCase",
    "ReliefCase",
    "RemovalFamily",
    "RenewalFamily",
    "Reselection",
    "ResignationCase",
    "ResignationFamily",
    "RotationCase",
    "Sex",
    "Source",
    "SpecialCase",
    "Step",
    "StepKind",
    "SuspensionCase",
    "Term",
    "TransferCase",  # issue 14, transfer
    "Unit",
    "UnitKind",
    "VerifierKind",
    "Waiver",
    "_Generator",
    "as_read",
    "case_json_schema",
    "d",
    "error_location",
    "field_owners",
    "validate_case",
]
