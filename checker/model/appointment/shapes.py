"""The appointment family: bổ nhiệm, bổ nhiệm lại, kéo dài thời gian giữ chức vụ and giao
quyền cấp trưởng (NĐ 170/2025 Chương III Mục 3 and 4, Điều 28 to 41), one shape per procedure.

They share a person under consideration (`candidate`), the meetings of the procedure
(`steps`), its leadership collective, dossier and Party records (`AppointmentFamily`);
each shape then requires what its own procedure needs and nothing else:

    appointment     leadership; candidate.planning and candidate.source
    reappointment   leadership; previous_term (the term that is ending)
    extension       as reappointment
    acting          acting (the arrangement; the decision records its dates)

A field one shape has and another has not (`acting` in an appointment) is refused by the
schema, and the schema-error mapper says which procedure it belongs to.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import ClassVar, Literal

from pydantic import ConfigDict, Field

from checker.model.appointment.acting import Acting
from checker.model.appointment.candidate import AppointmentCandidate, Candidate
from checker.model.appointment.meetings import Chair, Leadership, Policy, Step
from checker.model.appointment.records import Bcs, Dossier, PoliticalConclusion
from checker.model.common import (
    CaseBase,
    Document,
    Procedure,
    Term,
    d,
    described,
)


@described(
    "Căn cứ bổ nhiệm: thông thường, hoặc bổ nhiệm khi hợp nhất, sáp nhập, chia tách, tổ chức "
    "lại, đổi tên (NĐ 170/2025 Điều 34 k1)",
    "Basis of the appointment: standard, or on a merger, split, reorganisation or renaming "
    "(Decree 170/2025 Art. 34 cl. 1)",
    values={
        "standard": ("bổ nhiệm theo quy trình thông thường", "a standard appointment"),
        "reorganisation_same_or_lower": (
            "sắp xếp tổ chức, chức vụ đang giữ tương đương hoặc cao hơn chức vụ mới (Điều 34 k1 "
            "a)",
            "reorganisation, the post held being equivalent to or higher than the new one (Art. "
            "34 cl. 1 a)",
        ),
        "rename": (
            "đổi tên cơ quan, tổ chức, đơn vị mà không thay đổi mô hình tổ chức (Điều 34 k1 b)",
            "the body was renamed without a change of structure (Art. 34 cl. 1 b)",
        ),
        "reorganisation_higher": (
            "sắp xếp tổ chức, chức vụ đang giữ thấp hơn chức vụ mới (Điều 34 k1 c)",
            "reorganisation, the post held being lower than the new one (Art. 34 cl. 1 c)",
        ),
    },
)
class Basis(StrEnum):
    """Căn cứ bổ nhiệm: thông thường, hay các trường hợp sắp xếp tổ chức (NĐ 170 Điều 34 k1)."""

    STANDARD = "standard"
    REORGANISATION_SAME_OR_LOWER = "reorganisation_same_or_lower"
    RENAME = "rename"
    REORGANISATION_HIGHER = "reorganisation_higher"


class AppointmentFamily(CaseBase):
    """What the four procedures of the family share; not a shape of its own."""

    subject_field: ClassVar[str] = "candidate"

    basis: Basis = Field(
        Basis.STANDARD,
        description=d(
            "Căn cứ bổ nhiệm: standard (thông thường); reorganisation_same_or_lower, rename, "
            "reorganisation_higher (hợp nhất, sáp nhập, chia tách, đổi tên: NĐ 170 Điều 34 k1 "
            "a, b, c)",
            "Basis: standard; or reorganisation_same_or_lower, rename, reorganisation_higher "
            "(merger, split or rename: Decree 170 Art. 34 cl. 1 a, b, c)",
        ),
    )
    candidate: Candidate = Field(
        description=d("Người được xem xét", "The person under consideration")
    )
    leadership: Leadership | None = Field(
        None, description=d("Tập thể lãnh đạo", "The leadership collective")
    )
    chair: Chair | None = Field(
        None, description=d("Người chủ trì quy trình", "Who presided over the procedure")
    )
    policy: Policy | None = Field(
        None, description=d("Chủ trương bổ nhiệm", "The appointment policy")
    )
    steps: list[Step] = Field(
        default_factory=list,
        description=d("Các bước của quy trình, theo thứ tự thời gian",
                      "The steps of the procedure, in the order held"),
    )
    political_standard_conclusion: PoliticalConclusion | None = Field(
        None,
        description=d("Kết luận về tiêu chuẩn chính trị",
                      "The conclusion on political standards"),
    )
    dossier: Dossier | None = Field(
        None, description=d("Hồ sơ trình cấp có thẩm quyền", "The dossier submitted")
    )
    bcs: Bcs | None = Field(
        None,
        description=d(
            "Ban cán sự đảng của bộ đã lãnh đạo công tác cán bộ này",
            "The ministry's ban cán sự đảng that directed this personnel matter",
        ),
    )

    # NĐ 170 Điều 33 (as first issued and as amended) asks for the policy (k1) before
    # "thực hiện quy trình" (k2, k3); Điều 36 k1's notice precedes a reappointment's.
    preliminaries: ClassVar[tuple[str, ...]] = ("/policy/", "/notice/")

    def acts(self) -> list[tuple[dt.date, str]]:
        """The steps, and the written request for the policy and its approval."""
        dated = [(s.date, f"/steps/{i}/date") for i, s in enumerate(self.steps)]
        if self.policy is not None:
            for name in ("request", "approval"):
                doc: Document | None = getattr(self.policy, name)
                if doc is not None and doc.date is not None:
                    dated.append((doc.date, f"/policy/{name}/date"))
        return dated


@described(
    "Hồ sơ bổ nhiệm (NĐ 170/2025 Điều 28 đến 35)",
    "An appointment case (Decree 170/2025 Art. 28 to 35)",
)
class AppointmentCase(AppointmentFamily):
    """Hồ sơ bổ nhiệm (NĐ 170/2025 Điều 28 đến 35) / An appointment case."""

    model_config = ConfigDict(title="Hồ sơ bổ nhiệm / Appointment case")

    procedure: Literal[Procedure.APPOINTMENT] = Field(
        description=d("Thủ tục: bổ nhiệm", "Procedure: appointment")
    )
    candidate: AppointmentCandidate = Field(
        description=d("Người được đề nghị bổ nhiệm", "The person proposed for appointment")
    )
    leadership: Leadership = Field(
        description=d("Tập thể lãnh đạo", "The leadership collective")
    )


class RenewalFamily(AppointmentFamily):
    """What reappointment and extension share: the term that is ending and the notice
    that launches the review (NĐ 170/2025 Điều 36 to 41)."""

    leadership: Leadership = Field(
        description=d("Tập thể lãnh đạo", "The leadership collective")
    )
    previous_term: Term = Field(
        description=d(
            "Thời hạn bổ nhiệm đang kết thúc", "The term of office that is ending"
        ),
    )
    notice: Document | None = Field(
        None,
        description=d(
            "Thông báo thực hiện quy trình xem xét bổ nhiệm lại hoặc kéo dài",
            "Notice launching the reappointment or extension review",
        ),
    )
    notice_received_on: dt.date | None = Field(
        None,
        description=d(
            "Ngày công chức nhận được thông báo",
            "Date the civil servant received the notice",
        ),
    )

    def acts(self) -> list[tuple[dt.date, str]]:
        """The family's, and the notice that launched the review."""
        dated = super().acts()
        if self.notice is not None and self.notice.date is not None:
            dated.append((self.notice.date, "/notice/date"))
        return dated


@described(
    "Hồ sơ bổ nhiệm lại (NĐ 170/2025 Điều 36 đến 39, 41)",
    "A reappointment case (Decree 170/2025 Art. 36 to 39, 41)",
)
class ReappointmentCase(RenewalFamily):
    """Hồ sơ bổ nhiệm lại (NĐ 170/2025 Điều 36 đến 39, 41) / A reappointment case."""

    model_config = ConfigDict(title="Hồ sơ bổ nhiệm lại / Reappointment case")

    procedure: Literal[Procedure.REAPPOINTMENT] = Field(
        description=d("Thủ tục: bổ nhiệm lại", "Procedure: reappointment")
    )


@described(
    "Hồ sơ kéo dài thời gian giữ chức vụ đến tuổi nghỉ hưu (NĐ 170/2025 Điều 36, 38, 40, 41)",
    "An extension of tenure to retirement age (Decree 170/2025 Art. 36, 38, 40, 41)",
)
class ExtensionCase(RenewalFamily):
    """Hồ sơ kéo dài thời gian giữ chức vụ đến tuổi nghỉ hưu (NĐ 170/2025 Điều 36, 38, 40, 41) /
    An extension of tenure to retirement age."""

    model_config = ConfigDict(title="Hồ sơ kéo dài thời gian giữ chức vụ / Extension case")

    procedure: Literal[Procedure.EXTENSION] = Field(
        description=d(
            "Thủ tục: kéo dài thời gian giữ chức vụ đến tuổi nghỉ hưu",
            "Procedure: extension of tenure to retirement age",
        )
    )


@described(
    "Hồ sơ giao quyền cấp trưởng (NĐ 170/2025 Điều 34 k3, sửa đổi bởi NĐ 300/2026); quyết định "
    "giao quyền ghi ở decision: effective_date và term_end",
    "An acting-head case (Decree 170/2025 Art. 34 cl. 3 as amended by Decree 300/2026); the "
    "acting decision is decision: effective_date and term_end",
)
class ActingCase(AppointmentFamily):
    """Hồ sơ giao quyền cấp trưởng (NĐ 170/2025 Điều 34 k3, sửa đổi bởi NĐ 300/2026) /
    An acting-head case. The acting decision is `decision`: its effective_date and its
    term_end (the last day of the acting period)."""

    model_config = ConfigDict(title="Hồ sơ giao quyền cấp trưởng / Acting-head case")

    procedure: Literal[Procedure.ACTING] = Field(
        description=d("Thủ tục: giao quyền cấp trưởng", "Procedure: acting head")
    )
    acting: Acting = Field(
        description=d("Giao quyền cấp trưởng", "The acting-head arrangement")
    )
