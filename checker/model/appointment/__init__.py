"""The appointment family: bổ nhiệm, bổ nhiệm lại, kéo dài thời gian giữ chức vụ and giao
quyền cấp trưởng (NĐ 170/2025 Chương III Mục 3 and 4, Điều 28 to 41).

    candidate.py   the person considered (Candidate: a Person with planning, source...)
    meetings.py    the policy, the chair, the leadership collective, the steps
    records.py     the dossier, the political conclusion, the ban cán sự đảng
    acting.py      the acting-head arrangement
    shapes.py      the family's base and one shape per procedure
    removals.py    earlier removals from a leadership post (candidate.removals; part W)
"""

from checker.model.appointment.acting import Acting, ActingReason
from checker.model.appointment.candidate import (
    AppointmentCandidate,
    Candidate,
    DeferralGround,
    Planning,
    PlanningRank,
    PlanningStatus,
    PostHeld,
    PostRelation,
    Source,
    SpecialCase,
)
from checker.model.appointment.meetings import (
    Chair,
    HeadChoice,
    Leadership,
    Nomination,
    Policy,
    Reselection,
    Step,
    StepKind,
)
from checker.model.appointment.records import (
    Bcs,
    BcsMeeting,
    BcsMember,
    BcsRole,
    Dossier,
    DossierItem,
    DossierKind,
    PoliticalConclusion,
    PoliticalResult,
    VerifierKind,
)
from checker.model.appointment.removals import (  # W (issue 14)
    NewPosition,
    RankAgainstLost,
    Removal,
    RemovalKind,
)
from checker.model.appointment.shapes import (
    ActingCase,
    AppointmentCase,
    AppointmentFamily,
    Basis,
    ExtensionCase,
    ReappointmentCase,
    RenewalFamily,
)

__all__ = [
    "Acting",
    "ActingCase",
    "ActingReason",
    "AppointmentCandidate",
    "AppointmentCase",
    "AppointmentFamily",
    "Basis",
    "Bcs",
    "BcsMeeting",
    "BcsMember",
    "BcsRole",
    "Candidate",
    "Chair",
    "DeferralGround",
    "Dossier",
    "DossierItem",
    "DossierKind",
    "ExtensionCase",
    "HeadChoice",
    "Leadership",
    "NewPosition",  # W
    "Nomination",
    "Planning",
    "PlanningRank",
    "PlanningStatus",
    "Policy",
    "PoliticalConclusion",
    "PoliticalResult",
    "PostHeld",
    "PostRelation",
    "RankAgainstLost",  # W
    "ReappointmentCase",
    "Removal",  # W
    "RemovalKind",  # W
    "RenewalFamily",
    "Reselection",
    "Source",
    "SpecialCase",
    "Step",
    "StepKind",
    "VerifierKind",
]
