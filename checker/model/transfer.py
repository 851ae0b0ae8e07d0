"""The case shape of a transfer (điều động) of a civil servant: Luật 80/2025 Điều 5 k7,
Điều 30 k1, Điều 38 k2; NĐ 170/2025 Điều 25 (the same text as first issued and as amended
by NĐ 300/2026, which leaves it untouched) and Điều 27 k1 (rewritten by NĐ 300 Điều 11 in
the same words); for a leader, the procedure of an appointment from elsewhere (Điều 33 k3,
whose step 2 NĐ 300 Điều 13 changed from a ballot to a written opinion); HD 45-HD/BTCTW
mục VI.1 (a false declaration bars a transfer).

The shared parts (unit, post, person, decision, documents, waivers) are those of
checker.model.common; a leader's steps are the appointment family's `Step` (kinds
receiving_unit_consultation, sending_unit_consultation, appraisal_submission). This module
adds what a transfer needs and nothing else. Field names are English snake_case,
descriptions "Vietnamese / English".
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, ClassVar, Literal

from pydantic import ConfigDict, Field

from checker.model.appointment.meetings import Step
from checker.model.common import (
    CaseBase,
    Document,
    Model,
    Name,
    Person,
    Post,
    Procedure,
    d,
    described,
)

Coefficient = Annotated[float, Field(ge=0, le=100)]


@described(
    "Trường hợp điều động (NĐ 170/2025 Điều 25 k1)",
    "The case in which the transfer is made (Decree 170/2025 Art. 25 cl. 1)",
    values={
        "task": ("theo yêu cầu nhiệm vụ cụ thể (điểm a)", "a specific task requires it (point a)"),
        "staffing_plan": (
            "theo quy hoạch, kế hoạch sử dụng công chức theo quyết định của cơ quan có thẩm "
            "quyền (điểm b)",
            "under the planning or staffing plan a competent body decided (point b)"),
        "position_change": (
            "chuyển đổi vị trí công tác theo quy định của Đảng và pháp luật (điểm c)",
            "a change of position required by the Party's rules and the law (point c)"),
    },
)
class TransferGround(StrEnum):
    """Trường hợp điều động (NĐ 170 Điều 25 k1 a, b, c)."""

    TASK = "task"
    STAFFING_PLAN = "staffing_plan"
    POSITION_CHANGE = "position_change"


@described(
    "Hoàn cảnh của công chức mà trong thời gian đó không thực hiện điều động (NĐ 170/2025 "
    "Điều 25 k5 c, d, đ)",
    "A circumstance of the civil servant during which no transfer is made (Decree "
    "170/2025 Art. 25 cl. 5 c, d, đ)",
    values={
        "serious_illness": ("đang điều trị bệnh hiểm nghèo theo quy định của Bộ Y tế (điểm c)",
                            "under treatment for a grave illness listed by the Ministry of "
                            "Health (point c)"),
        "long_term_study": ("đang tham gia học tập dài hạn (điểm d)",
                            "on long-term study (point d)"),
        "secondment": ("đang được cử đi biệt phái theo quyết định của cấp có thẩm quyền "
                       "(điểm d)", "seconded by a competent body's decision (point d)"),
        "pregnancy": ("công chức nữ đang mang thai (điểm đ)",
                      "a woman civil servant who is pregnant (point đ)"),
        "maternity_leave": ("công chức nữ đang nghỉ thai sản (điểm đ)",
                            "a woman civil servant on maternity leave (point đ)"),
    },
)
class TransferCircumstanceKind(StrEnum):
    """Điều trị bệnh hiểm nghèo, học tập dài hạn, biệt phái, mang thai, nghỉ thai sản."""

    SERIOUS_ILLNESS = "serious_illness"
    LONG_TERM_STUDY = "long_term_study"
    SECONDMENT = "secondment"
    PREGNANCY = "pregnancy"
    MATERNITY_LEAVE = "maternity_leave"


@described(
    "Một khoảng thời gian công chức ở trong một hoàn cảnh không thực hiện điều động",
    "A period during which the civil servant is in a circumstance that bars a transfer",
    example={"kind": "long_term_study", "start": "2025-09-01", "end": "2026-06-30",
             "document": {"number": "210/QĐ-BNV", "date": "2025-08-15",
                          "title": "Quyết định cử đi học cao cấp lý luận chính trị"}},
)
class TransferCircumstance(Model):
    kind: TransferCircumstanceKind = Field(
        description=d(
            "Hoàn cảnh: serious_illness (điều trị bệnh hiểm nghèo), long_term_study (học tập "
            "dài hạn), secondment (biệt phái), pregnancy (mang thai), maternity_leave (nghỉ "
            "thai sản)",
            "Circumstance: serious_illness, long_term_study, secondment, pregnancy, "
            "maternity_leave",
        )
    )
    start: dt.date = Field(description=d("Từ ngày", "From"))
    end: dt.date | None = Field(
        None,
        description=d("Đến ngày (bỏ trống: vẫn đang tiếp diễn)",
                      "Until (absent: still going on)"),
    )
    document: Document | None = Field(
        None, description=d("Văn bản ghi nhận (quyết định, giấy xác nhận)",
                            "The document that records it (a decision, a certificate)"))


@described(
    "Loại cuộc thanh tra, kiểm tra",
    "Kind of inspection",
    values={
        "inspection": ("cuộc thanh tra", "an inspection"),
        "check": ("cuộc kiểm tra (kể cả kiểm tra của tổ chức đảng)",
                  "a check (a Party check included)"),
    },
)
class TransferInspectionKind(StrEnum):
    INSPECTION = "inspection"
    CHECK = "check"


@described(
    "Một cuộc thanh tra, kiểm tra có thể liên quan đến công chức (NĐ 170/2025 Điều 25 k5 b)",
    "An inspection or check the civil servant may be concerned by (Decree 170/2025 Art. 25 "
    "cl. 5 b)",
    example={"kind": "inspection", "names_person": False, "start": "2026-09-01",
             "end": "2026-11-30",
             "document": {"number": "85/QĐ-TTr", "date": "2026-08-25",
                          "title": "Quyết định thanh tra công tác quản lý tài sản công"}},
)
class TransferInspection(Model):
    kind: TransferInspectionKind = Field(
        description=d("Loại: inspection (thanh tra), check (kiểm tra)",
                      "Kind: inspection, check"))
    names_person: bool = Field(
        description=d(
            "Quyết định hoặc kết luận thanh tra, kiểm tra nêu tên công chức (false: chỉ đối "
            "với cơ quan, đơn vị nơi công chức công tác, hoặc công chức chỉ là người làm "
            "chứng, cung cấp thông tin)",
            "The inspection's decision or conclusion names the civil servant (false: it "
            "concerns only the unit, or the civil servant only as a witness or a source of "
            "information)",
        )
    )
    start: dt.date = Field(description=d("Từ ngày", "From"))
    end: dt.date | None = Field(
        None,
        description=d("Đến ngày kết thúc (bỏ trống: vẫn đang tiến hành)",
                      "Until it ended (absent: still going on)"),
    )
    document: Document | None = Field(
        None, description=d("Quyết định thanh tra, kiểm tra", "The inspection decision"))


@described(
    "Con của công chức (để xác định con dưới 36 tháng tuổi, NĐ 170/2025 Điều 25 k5 đ)",
    "A child of the civil servant (to tell a child under 36 months, Decree 170/2025 Art. "
    "25 cl. 5 đ)",
)
class TransferChild(Model):
    birth_date: dt.date = Field(description=d("Ngày sinh", "Date of birth"))
    name: Name | None = Field(None, description=d("Họ và tên", "Full name"))


@described(
    "Công chức được điều động: ngoài hồ sơ chung, các hoàn cảnh mà NĐ 170/2025 Điều 25 k5 "
    "không cho điều động, nguyện vọng được điều động, và việc kê khai hồ sơ",
    "The civil servant transferred: besides the shared record, the circumstances in which "
    "Decree 170/2025 Art. 25 cl. 5 bars a transfer, the wish to be transferred, and the "
    "declaration of the personal record",
)
class TransferredPerson(Person):
    """Công chức được điều động. discipline_pending (đang bị xem xét, xử lý kỷ luật) và
    under_prosecution (đang bị khởi tố, điều tra, truy tố, xét xử) là tình trạng tại ngày
    quyết định."""

    circumstances: list[TransferCircumstance] = Field(
        default_factory=list,
        description=d(
            "Các khoảng thời gian điều trị bệnh hiểm nghèo, học tập dài hạn, biệt phái, mang "
            "thai, nghỉ thai sản (NĐ 170/2025 Điều 25 k5 c, d, đ)",
            "Periods of treatment for a grave illness, long-term study, secondment, "
            "pregnancy, maternity leave (Decree 170/2025 Art. 25 cl. 5 c, d, đ)",
        ),
    )
    inspections: list[TransferInspection] = Field(
        default_factory=list,
        description=d(
            "Các cuộc thanh tra, kiểm tra có thể liên quan đến công chức (Điều 25 k5 b)",
            "Inspections and checks that may concern the civil servant (Art. 25 cl. 5 b)",
        ),
    )
    children: list[TransferChild] = Field(
        default_factory=list,
        description=d("Con đang nuôi (ngày sinh)", "Children being raised (dates of birth)"),
    )
    raising_child_alone: bool = Field(
        False,
        description=d(
            "Công chức nam nuôi con một mình vì vợ chết hoặc vì lý do khách quan, bất khả "
            "kháng khác (Điều 25 k5 đ)",
            "A man raising a child alone because his wife died or for another objective "
            "reason or force majeure (Art. 25 cl. 5 đ)",
        ),
    )
    hardship: Document | None = Field(
        None,
        description=d(
            "Văn bản của người đứng đầu cơ quan sử dụng công chức xác nhận hoàn cảnh đặc biệt "
            "khó khăn (Điều 25 k5 e)",
            "The head of the employing body's certificate of exceptional hardship (Art. 25 "
            "cl. 5 e)",
        ),
    )
    wish: Document | None = Field(
        None,
        description=d(
            "Đơn nguyện vọng được điều động của công chức (khi có, các trường hợp của Điều "
            "25 k5 đ, e không ngăn việc điều động)",
            "The civil servant's written wish to be transferred (with it, the cases of Art. "
            "25 cl. 5 đ, e do not bar the transfer)",
        ),
    )
    declaration_false: bool = Field(
        False,
        description=d(
            "Cấp có thẩm quyền đã xác định công chức không kê khai, kê khai không đầy đủ, "
            "trung thực hồ sơ nhân sự (HD 45-HD/BTCTW mục VI.1)",
            "A competent body found that the civil servant did not declare the personal "
            "record, or declared it incompletely or untruthfully (Guidance 45-HD/BTCTW "
            "section VI.1)",
        ),
    )


@described(
    "Nơi công chức được điều động đến",
    "Where the civil servant is transferred to",
)
class TransferDestination(Model):
    unit: Name = Field(
        description=d("Cơ quan, tổ chức, đơn vị nhận điều động",
                      "The body that receives the civil servant"))
    position: Name | None = Field(
        None, description=d("Vị trí, chức vụ dự kiến bố trí", "The position or post given"))


@described(
    "Buổi người đứng đầu gặp gỡ công chức trước khi quyết định điều động (NĐ 170/2025 Điều "
    "25 k4)",
    "The meeting at which the head sees the civil servant before the transfer is decided "
    "(Decree 170/2025 Art. 25 cl. 4)",
)
class TransferMeeting(Model):
    date: dt.date = Field(description=d("Ngày gặp", "Date of the meeting"))
    held_by: Name | None = Field(None, description=d("Người gặp", "Who met the civil servant"))
    by_head: bool = Field(
        description=d(
            "Người gặp là người đứng đầu cơ quan được phân công, phân cấp quản lý công chức",
            "The person who met the civil servant is the head of the body that manages them",
        )
    )
    record: Document | None = Field(
        None, description=d("Biên bản, ghi nhận ý kiến của công chức",
                            "The record of the civil servant's views"))


@described(
    "Phụ cấp chức vụ trước và sau khi điều động, và thời gian bảo lưu (NĐ 170/2025 Điều 27 "
    "k1)",
    "The leadership allowance before and after the transfer, and how long the old one is "
    "kept (Decree 170/2025 Art. 27 cl. 1)",
    example={"previous": 0.9, "new": 0.7, "kept_until": "2027-04-15"},
)
class TransferAllowance(Model):
    previous: Coefficient = Field(
        description=d("Hệ số phụ cấp chức vụ đang hưởng", "The allowance coefficient held"))
    new: Coefficient = Field(
        description=d("Hệ số phụ cấp chức vụ ở vị trí mới", "The allowance coefficient of "
                                                            "the new position"))
    kept_until: dt.date | None = Field(
        None,
        description=d(
            "Ngày cuối cùng được bảo lưu phụ cấp chức vụ cũ",
            "Last day the previous allowance is kept",
        ),
    )


@described(
    "Hồ sơ điều động công chức (Luật 80/2025 Điều 5 k7, Điều 30, Điều 38 k2; NĐ 170/2025 "
    "Điều 25, 27; với công chức lãnh đạo, quản lý: Điều 33 k3, sửa đổi bởi NĐ 300/2026 Điều "
    "13)",
    "A transfer of a civil servant (Law 80/2025 Art. 5 cl. 7, Art. 30, Art. 38 cl. 2; Decree "
    "170/2025 Art. 25, 27; for a leader: Art. 33 cl. 3, as amended by Decree 300/2026 Art. "
    "13)",
)
class TransferCase(CaseBase):
    """Hồ sơ điều động công chức (NĐ 170/2025 Điều 25) / A transfer case. `unit` is the
    body the civil servant leaves; `destination` the one that receives them."""

    model_config = ConfigDict(title="Hồ sơ điều động / Transfer case")
    subject_field: ClassVar[str] = "person"

    procedure: Literal[Procedure.TRANSFER] = Field(
        description=d("Thủ tục: điều động", "Procedure: transfer")
    )
    # Only a leading civil servant holds a post; a leader's transfer follows the
    # procedure of an appointment from elsewhere (Điều 25 k3 d).
    post: Post | None = Field(  # type: ignore[assignment]
        None,
        description=d(
            "Chức vụ lãnh đạo, quản lý đang giữ (chỉ với công chức lãnh đạo, quản lý: khi có, "
            "việc điều động theo trình tự bổ nhiệm nhân sự từ nơi khác)",
            "The leadership post held (a leading civil servant only: with it, the transfer "
            "follows the procedure of an appointment from elsewhere)",
        ),
    )
    person: TransferredPerson = Field(
        description=d("Công chức được điều động", "The civil servant transferred"))
    ground: TransferGround = Field(
        description=d(
            "Trường hợp điều động: task (yêu cầu nhiệm vụ cụ thể), staffing_plan (quy hoạch, "
            "kế hoạch sử dụng công chức), position_change (chuyển đổi vị trí công tác)",
            "The case: task (a specific task), staffing_plan (the planning or staffing "
            "plan), position_change (a change of position)",
        )
    )
    ground_basis: Document | None = Field(
        None,
        description=d(
            "Văn bản làm căn cứ: quyết định của cơ quan có thẩm quyền về quy hoạch, kế hoạch "
            "sử dụng công chức (staffing_plan), quy định về chuyển đổi vị trí công tác "
            "(position_change)",
            "The founding document: the competent body's decision on the planning or "
            "staffing plan (staffing_plan), the rule on changes of position "
            "(position_change)",
        ),
    )
    destination: TransferDestination = Field(
        description=d("Nơi được điều động đến", "Where the civil servant goes"))
    plan: Document | None = Field(
        None,
        description=d(
            "Kế hoạch, biện pháp điều động công chức báo cáo cấp có thẩm quyền (Điều 25 k3 a)",
            "The plan and measures of transfer reported to the competent level (Art. 25 cl. "
            "3 a)",
        ),
    )
    transfer_list: Document | None = Field(
        None,
        description=d("Danh sách công chức cần điều động (Điều 25 k3 b)",
                      "The list of civil servants to be transferred (Art. 25 cl. 3 b)"),
    )
    meeting_with_person: TransferMeeting | None = Field(
        None,
        description=d("Buổi gặp gỡ công chức trước khi quyết định (Điều 25 k4)",
                      "The meeting with the civil servant before the decision (Art. 25 cl. "
                      "4)"),
    )
    steps: list[Step] = Field(
        default_factory=list,
        description=d(
            "Công chức lãnh đạo, quản lý: các bước như bổ nhiệm nhân sự từ nơi khác "
            "(receiving_unit_consultation, sending_unit_consultation, appraisal_submission), "
            "theo thứ tự thời gian",
            "A leader: the steps of an appointment from elsewhere "
            "(receiving_unit_consultation, sending_unit_consultation, appraisal_submission), "
            "in the order held",
        ),
    )
    allowance: TransferAllowance | None = Field(
        None,
        description=d("Phụ cấp chức vụ (công chức lãnh đạo, quản lý)",
                      "The leadership allowance (a leader)"),
    )

    def acts(self) -> list[tuple[dt.date, str]]:
        """The plan, the list, the meeting with the civil servant and a leader's steps: the
        procedure begins with the earliest (NĐ 300 Điều 35 k2 keeps a transfer begun by
        31/07/2026 under the rules of its time)."""
        out: list[tuple[dt.date, str]] = []
        for name in ("plan", "transfer_list"):
            doc: Document | None = getattr(self, name)
            if doc is not None and doc.date is not None:
                out.append((doc.date, f"/{name}/date"))
        if self.meeting_with_person is not None:
            out.append((self.meeting_with_person.date, "/meeting_with_person/date"))
        out += [(s.date, f"/steps/{i}/date") for i, s in enumerate(self.steps)]
        return out
