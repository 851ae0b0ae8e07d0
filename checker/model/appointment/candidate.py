"""The person considered in the appointment family (`candidate`): a Person with the
planning, source, posts held and special cases the appointment rules read."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from checker.model.appointment.removals import Removal
from checker.model.common import (
    Count,
    Document,
    Model,
    Name,
    Person,
    d,
    described,
)


@described(
    "Chức vụ đã giữ so với chức vụ dự kiến bổ nhiệm",
    "The post held against the post to be filled",
    values={
        "higher": ("cao hơn", "higher"),
        "same": ("bằng", "the same"),
        "equivalent": ("tương đương", "equivalent"),
        "lower_adjacent": ("thấp hơn liền kề", "immediately lower"),
        "other": ("khác", "other"),
    },
)
class PostRelation(StrEnum):
    """Chức vụ đã giữ so với chức vụ dự kiến bổ nhiệm: cao hơn, bằng, tương đương, thấp
    hơn liền kề, khác."""

    HIGHER = "higher"
    SAME = "same"
    EQUIVALENT = "equivalent"
    LOWER_ADJACENT = "lower_adjacent"
    OTHER = "other"


@described(
    "Chức danh quy hoạch so với chức danh đang đảm nhiệm khi được quy hoạch",
    "The planned post against the post held when planned",
    values={
        "higher": ("cao hơn", "higher"),
        "current": ("đúng chức danh đang đảm nhiệm", "the post then held"),
        "equivalent": ("tương đương", "equivalent"),
        "lower": ("thấp hơn", "lower"),
    },
)
class PlanningRank(StrEnum):
    """Chức danh quy hoạch so với chức danh đang đảm nhiệm khi được quy hoạch."""

    HIGHER = "higher"
    CURRENT = "current"
    EQUIVALENT = "equivalent"
    LOWER = "lower"


@described(
    "Trường hợp chưa thực hiện quy trình bổ nhiệm lại, kéo dài (NĐ 170/2025 Điều 36 k5; k3 sau "
    "khi sửa đổi bởi NĐ 300/2026)",
    "Grounds to defer a reappointment or extension (Decree 170/2025 Art. 36 cl. 5; cl. 3 as "
    "amended by Decree 300/2026)",
    values={
        "discipline_or_prosecution": (
            "đang trong thời hạn xử lý kỷ luật, đang bị điều tra, truy tố, xét xử",
            "within the time for a disciplinary matter, or under investigation, prosecution or "
            "trial",
        ),
        "abroad_3_months": ("được cử đi học tập, công tác ở nước ngoài từ 03 tháng trở lên",
                            "sent to study or work abroad for three months or more"),
        "inpatient_3_months": ("điều trị nội trú từ 03 tháng trở lên tại cơ sở y tế",
                               "in in-patient treatment for three months or more"),
        "maternity_leave": ("đang nghỉ chế độ thai sản", "on maternity leave"),
        "responsibility_inquiry": (
            "có thông tin trao đổi của cơ quan chức năng về trách nhiệm cá nhân chưa có kết luận "
            "chính thức (NĐ 300/2026)",
            "the authorities have raised the person's responsibility and there is no official "
            "conclusion yet (Decree 300/2026)",
        ),
    },
)
class DeferralGround(StrEnum):
    """Trường hợp chưa thực hiện quy trình bổ nhiệm lại, kéo dài (NĐ 170/2025 Điều 36 k5;
    Điều 36 k3 sửa đổi bởi NĐ 300/2026 thêm: có thông tin trao đổi của cơ quan chức năng
    về trách nhiệm cá nhân chưa có kết luận chính thức)."""

    DISCIPLINE_OR_PROSECUTION = "discipline_or_prosecution"
    ABROAD_3_MONTHS = "abroad_3_months"
    INPATIENT_3_MONTHS = "inpatient_3_months"
    MATERNITY_LEAVE = "maternity_leave"
    RESPONSIBILITY_INQUIRY = "responsibility_inquiry"


@described(
    "Nguồn nhân sự (NĐ 170/2025 Điều 33 k2, k3)",
    "Source of the candidate (Decree 170/2025 Art. 33 cl. 2, 3)",
    values={
        "in_house": ("nguồn tại chỗ", "in-house"),
        "external": ("nguồn từ nơi khác", "from elsewhere"),
    },
)
class Source(StrEnum):
    """Nguồn nhân sự (NĐ 170/2025 Điều 33 k2, k3)."""

    IN_HOUSE = "in_house"
    EXTERNAL = "external"


@described(
    "Tình trạng quy hoạch",
    "Planning status",
    values={
        "planned_for_post": ("được quy hoạch vào chức vụ bổ nhiệm", "planned for the post"),
        "planned_equivalent_or_higher": ("được quy hoạch chức vụ tương đương trở lên",
                                         "planned for an equivalent or higher post"),
        "not_planned": ("chưa được quy hoạch", "not planned"),
    },
)
class PlanningStatus(StrEnum):
    PLANNED_FOR_POST = "planned_for_post"
    PLANNED_EQUIVALENT_OR_HIGHER = "planned_equivalent_or_higher"
    NOT_PLANNED = "not_planned"


@described(
    "Quy hoạch của người được đề nghị",
    "The candidate's planning",
)
class Planning(Model):
    status: PlanningStatus = Field(description=d("Tình trạng quy hoạch", "Planning status"))
    approval: Document | None = Field(
        None, description=d("Văn bản phê duyệt quy hoạch", "Planning approval")
    )
    special_case: Document | None = Field(
        None,
        description=d(
            "Văn bản của cấp có thẩm quyền xem xét, quyết định trường hợp đặc biệt",
            "The competent body's decision on a special case",
        ),
    )
    planned_post: Name | None = Field(
        None, description=d("Chức danh được quy hoạch", "The post planned for")
    )
    rank_when_planned: PlanningRank | None = Field(
        None,
        description=d(
            "Chức danh quy hoạch so với chức danh đang đảm nhiệm khi được quy hoạch: higher, "
            "current, equivalent, lower",
            "The planned post against the post held when planned: higher, current, "
            "equivalent, lower",
        ),
    )
    target_group: Annotated[int, Field(ge=1, le=2)] | None = Field(
        None,
        description=d(
            "Đối tượng quy hoạch: 1 hoặc 2 (HD 45-HD/BTCTW mục II.2)",
            "Planning group: 1 or 2 (Guidance 45-HD/BTCTW section II.2)",
        ),
    )
    people_for_post: Count | None = Field(
        None,
        description=d(
            "Số người được quy hoạch vào mỗi chức danh này",
            "Number of people planned for each such post",
        ),
    )
    posts_for_person: Count | None = Field(
        None,
        description=d(
            "Số chức danh lãnh đạo, quản lý người này được quy hoạch ở cùng cấp phê duyệt "
            "(không tính chức danh cấp ủy)",
            "Number of leadership posts this person is planned for at the same approving "
            "level (party-committee seats excluded)",
        ),
    )
    submitted_on: dt.date | None = Field(
        None,
        description=d(
            "Ngày cấp có thẩm quyền nhận đủ tờ trình, hồ sơ quy hoạch",
            "Date the approving body received the complete planning submission",
        ),
    )
    extension: Document | None = Field(
        None,
        description=d(
            "Văn bản kéo dài thời gian phê duyệt quy hoạch",
            "The document extending the time for approving the planning",
        ),
    )
    age_reference_date: dt.date | None = Field(
        None,
        description=d(
            "Thời điểm tính tuổi quy hoạch", "Reference date for the planning age"
        ),
    )


@described(
    "Hồ sơ một trường hợp đặc biệt: rà soát, đánh giá và quyết định (HD 45-HD/BTCTW mục III.1.1, "
    "III.1.2)",
    "The file of a special case: review, evaluation and decision (Guidance 45-HD/BTCTW section "
    "III.1.1, III.1.2)",
)
class SpecialCase(Model):
    """Hồ sơ một trường hợp đặc biệt: rà soát, đánh giá và quyết định (HD 45-HD/BTCTW
    mục III.1.1, III.1.2)."""

    review: Document | None = Field(
        None,
        description=d(
            "Rà soát, đánh giá nguồn nhân sự trong quy hoạch (bước 1)",
            "Review of the planned pool (step 1)",
        ),
    )
    evaluation: Document | None = Field(
        None,
        description=d(
            "Đánh giá khách quan, toàn diện về nhân sự", "Objective evaluation of the person"
        ),
    )
    decision: Document | None = Field(
        None,
        description=d(
            "Quyết định hoặc báo cáo, đề xuất cấp có thẩm quyền",
            "The decision, or the report to the competent body",
        ),
    )


@described(
    "Một chức vụ đã giữ trước đây (NĐ 170/2025 Điều 29 k3 sửa đổi bởi NĐ 300/2026)",
    "A post held before (Decree 170/2025 Art. 29 cl. 3 as amended by Decree 300/2026)",
)
class PostHeld(Model):
    """Một chức vụ đã giữ trước đây (NĐ 170/2025 Điều 29 k3 sửa đổi bởi NĐ 300/2026)."""

    title: Name = Field(description=d("Chức vụ", "Post"))
    since: dt.date = Field(description=d("Giữ từ ngày", "Held from"))
    until: dt.date = Field(description=d("Đến hết ngày", "Held until (last day)"))
    relation: PostRelation = Field(
        description=d(
            "So với chức vụ dự kiến bổ nhiệm: higher (cao hơn), same (bằng), equivalent "
            "(tương đương), lower_adjacent (thấp hơn liền kề), other (khác)",
            "Against the post to be filled: higher, same, equivalent, lower_adjacent "
            "(immediately lower), other",
        )
    )
    ended_by_discipline: bool = Field(
        False,
        description=d(
            "Thôi giữ chức vụ này do bị xử lý kỷ luật",
            "Left this post because of a disciplinary measure",
        ),
    )
    acting: bool = Field(
        False,
        description=d(
            "Chỉ được giao quyền, không được bổ nhiệm vào chức vụ này",
            "Only acting in this post (giao quyền), not appointed to it",
        ),
    )


@described(
    "Người được xem xét bổ nhiệm, bổ nhiệm lại, kéo dài hoặc giao quyền: người (Person) cùng quy "
    "hoạch, nguồn nhân sự, các chức vụ đã giữ và các trường hợp đặc biệt",
    "The person considered for appointment, reappointment, extension or acting: a Person with "
    "planning, source, posts held and special cases",
)
class Candidate(Person):
    """Người được xem xét bổ nhiệm, bổ nhiệm lại, kéo dài hoặc giao quyền: người (Person)
    cùng quy hoạch, nguồn nhân sự, các chức vụ đã giữ và các trường hợp đặc biệt."""

    planning: Planning | None = Field(
        None,
        description=d(
            "Quy hoạch (bắt buộc với thủ tục bổ nhiệm)",
            "Planning (required for an appointment)",
        ),
    )
    source: Source | None = Field(
        None,
        description=d(
            "Nguồn nhân sự: tại chỗ (in_house) hoặc từ nơi khác (external); bắt buộc với thủ "
            "tục bổ nhiệm",
            "Source: in-house (in_house) or from elsewhere (external); required for an "
            "appointment",
        ),
    )
    age_reference_date: dt.date | None = Field(
        None,
        description=d(
            "Thời điểm tính tuổi bổ nhiệm theo quy định của cấp có thẩm quyền",
            "Reference date for the appointment age set by the competent body",
        ),
    )
    deferral: list[DeferralGround] = Field(
        default_factory=list,
        description=d(
            "Trường hợp chưa thực hiện quy trình bổ nhiệm lại, kéo dài (NĐ 170/2025 Điều 36 k5; "
            "k3 sau khi sửa đổi bởi NĐ 300/2026)",
            "Grounds to defer reappointment or extension (Decree 170/2025 Art. 36 cl. 5; cl. 3 "
            "as amended by Decree 300/2026)",
        ),
    )
    time_in_post_exception: SpecialCase | None = Field(
        None,
        description=d(
            "Trường hợp đặc biệt về thời gian giữ chức vụ: đánh giá và quyết định của cấp ủy",
            "Special case on time in post: the party committee's evaluation and decision",
        ),
    )
    age_exception: SpecialCase | None = Field(
        None,
        description=d(
            "Trường hợp đặc biệt về tuổi: rà soát nguồn, đánh giá và quyết định",
            "Special case on age: review of the pool, evaluation and decision",
        ),
    )
    three_year_assessment: Document | None = Field(
        None,
        description=d(
            "Đánh giá mức độ hoàn thành nhiệm vụ 3 năm gần nhất",
            "Assessment of task completion over the last three years",
        ),
    )
    posts_held: list[PostHeld] = Field(
        default_factory=list,
        description=d(
            "Các chức vụ đã giữ trước đây, để cộng dồn thời gian giữ chức vụ (không ghi lại "
            "chức vụ hiện tại, đã ghi ở current_post và current_post_since)",
            "Posts held before, to add up time in post (not the current post, which "
            "current_post and current_post_since record)",
        ),
    )
    # --- W (issue 14): waiting periods after removal ---
    removals: list[Removal] = Field(
        default_factory=list,
        max_length=50,
        description=d(
            "Các lần thôi đảm nhiệm chức vụ lãnh đạo, quản lý trước đây (cho thôi giữ chức vụ, "
            "từ chức, miễn nhiệm, không được bổ nhiệm lại, cách chức), để kiểm tra thời gian "
            "chờ trước khi được bổ nhiệm lại vào chức vụ lãnh đạo (NĐ 170/2025 Điều 55)",
            "Earlier losses of a leadership post (relief, resignation, dismissal, not "
            "reappointed, discipline), to check the waiting period before a leadership "
            "appointment (Decree 170/2025 Art. 55)",
        ),
    )
    # --- end W ---


@described(
    "Người được đề nghị bổ nhiệm: phải ghi quy hoạch và nguồn nhân sự (NĐ 170/2025 Điều 29 k2, "
    "Điều 33 k2, k3)",
    "The person proposed for appointment: planning and source are required (Decree 170/2025 Art. "
    "29 cl. 2, Art. 33 cl. 2, 3)",
)
class AppointmentCandidate(Candidate):
    """Người được đề nghị bổ nhiệm: phải ghi quy hoạch và nguồn nhân sự (NĐ 170/2025 Điều
    29 k2, Điều 33 k2, k3)."""

    planning: Planning = Field(description=d("Quy hoạch", "Planning"))
    source: Source = Field(
        description=d(
            "Nguồn nhân sự: tại chỗ (in_house) hoặc từ nơi khác (external)",
            "Source: in-house (in_house) or from elsewhere (external)",
        ),
    )
