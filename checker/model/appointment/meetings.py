"""The procedure of the appointment family as it was carried out: the policy, who
presided, the leadership collective and the steps (meetings, ballots, consultations)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from checker.model.common import (
    Count,
    Document,
    Model,
    Name,
    d,
    described,
)


@described(
    "Loại bước của quy trình (NĐ 170/2025 Điều 33, 39, 40): tại chỗ theo NĐ 170 bản gốc 5 bước, "
    "theo NĐ 170 sửa đổi bởi NĐ 300/2026 4 bước",
    "Kind of step (Decree 170/2025 Art. 33, 39, 40): five in-house steps under the original "
    "Decree 170, four as amended by Decree 300/2026",
    values={
        "leadership_1": ("hội nghị tập thể lãnh đạo lần 1 (bước 1)",
                         "first leadership meeting (step 1)"),
        "leadership_extended": ("hội nghị tập thể lãnh đạo mở rộng (bước 2)",
                                "extended leadership meeting (step 2)"),
        "leadership_2": (
            "hội nghị tập thể lãnh đạo lần 2 (bước 3 theo NĐ 170 bản gốc, bước 4 theo NĐ 300)",
            "second leadership meeting (step 3 under the original decree, step 4 under Decree "
            "300)",
        ),
        "key_officials": (
            "hội nghị cán bộ chủ chốt (bước 4 theo NĐ 170 bản gốc, bước 3 theo NĐ 300; bổ nhiệm "
            "lại, kéo dài)",
            "key officials' meeting (step 4 under the original decree, step 3 under Decree 300; "
            "reappointment, extension)",
        ),
        "leadership_3": ("hội nghị tập thể lãnh đạo lần 3 (bước 5, NĐ 170 bản gốc)",
                         "third leadership meeting (step 5, original decree)"),
        "self_assessment": ("công chức tự đánh giá, nhận xét (bổ nhiệm lại, kéo dài)",
                            "the civil servant's self-assessment (reappointment, extension)"),
        "head_proposal": ("người đứng đầu đề xuất (bổ nhiệm lại, kéo dài)",
                          "the head's proposal (reappointment, extension)"),
        "leadership_vote": ("tập thể lãnh đạo thảo luận, biểu quyết (bổ nhiệm lại, kéo dài)",
                            "the leadership's discussion and vote (reappointment, extension)"),
        "receiving_unit_consultation": (
            "lấy ý kiến tập thể lãnh đạo nơi dự kiến bổ nhiệm (nhân sự từ nơi khác, bước 1)",
            "consulting the leadership where the post is (candidate from elsewhere, step 1)",
        ),
        "sending_unit_consultation": (
            "lấy ý kiến tập thể lãnh đạo nơi nhân sự đang công tác (bước 2)",
            "consulting the leadership where the candidate works (step 2)",
        ),
        "appraisal_submission": ("thẩm định và trình cấp có thẩm quyền (bước 3)",
                                 "appraisal and submission to the competent body (step 3)"),
    },
)
class StepKind(StrEnum):
    """Các bước của quy trình bổ nhiệm (NĐ 170/2025 Điều 33 k2 và k3), bổ nhiệm lại
    (Điều 39) và kéo dài thời gian giữ chức vụ (Điều 40). Nguồn tại chỗ theo NĐ 170 bản
    gốc (quy trình bắt đầu trước 01/08/2026) gồm 5 bước: leadership_1, leadership_extended,
    leadership_2, key_officials, leadership_3; theo NĐ 170 sửa đổi bởi NĐ 300/2026 (bắt
    đầu từ 01/08/2026) gồm 4 bước: leadership_1 (bước 1), leadership_extended (bước 2),
    key_officials (bước 3), leadership_2 (bước 4). Nguồn từ nơi khác: receiving_unit_
    consultation, sending_unit_consultation, appraisal_submission. Bổ nhiệm lại, kéo dài:
    self_assessment, key_officials, head_proposal, leadership_vote."""

    LEADERSHIP_1 = "leadership_1"
    LEADERSHIP_EXTENDED = "leadership_extended"
    LEADERSHIP_2 = "leadership_2"
    KEY_OFFICIALS = "key_officials"
    LEADERSHIP_3 = "leadership_3"
    SELF_ASSESSMENT = "self_assessment"
    HEAD_PROPOSAL = "head_proposal"
    LEADERSHIP_VOTE = "leadership_vote"
    RECEIVING_UNIT_CONSULTATION = "receiving_unit_consultation"
    SENDING_UNIT_CONSULTATION = "sending_unit_consultation"
    APPRAISAL_SUBMISSION = "appraisal_submission"


@described(
    "Số phiếu của một người",
    "The votes one person received",
)
class Nomination(Model):
    name: Name = Field(description=d("Người được giới thiệu", "Person nominated"))
    votes: Count = Field(description=d("Số phiếu giới thiệu", "Nomination ballots received"))


@described(
    "Lựa chọn của người đứng đầu khi số phiếu đạt đúng 50%",
    "The head's choice when the vote stands at exactly 50%",
)
class HeadChoice(Model):
    chosen: Name = Field(
        description=d("Người được người đứng đầu lựa chọn", "Person chosen by the head")
    )
    report: Document | None = Field(
        None,
        description=d(
            "Báo cáo các ý kiến khác nhau gửi cấp có thẩm quyền",
            "Report of the differing opinions to the competent body",
        ),
    )


@described(
    "Lựa chọn lại bằng phiếu kín khi nhân sự bước 3 khác bước 2",
    "The secret-ballot re-selection when the step-3 nominee differs from step 2's",
)
class Reselection(Model):
    date: dt.date | None = Field(None, description=d("Ngày bỏ phiếu", "Date of the ballot"))
    nominations: list[Nomination] = Field(
        description=d(
            "Kết quả bỏ phiếu kín lựa chọn giữa nhân sự bước 2 và bước 3",
            "Secret ballot choosing between the step-2 and step-3 nominees",
        )
    )


@described(
    "Một bước của quy trình (hội nghị, lấy ý kiến, đề xuất)",
    "One step of the procedure (a meeting, a consultation, a proposal)",
)
class Step(Model):
    kind: StepKind = Field(description=d("Loại bước", "Kind of step"))
    date: dt.date = Field(description=d("Ngày tổ chức", "Date held"))
    summoned: Annotated[int, Field(ge=1, le=100_000)] | None = Field(
        None, description=d("Số người được triệu tập", "Number of people summoned")
    )
    present: Count | None = Field(
        None,
        description=d(
            "Số người được triệu tập có mặt (không tính người dự họp mà không bỏ phiếu)",
            "Number of those summoned who were present (not counting non-voting attendees)",
        ),
    )
    nominations: list[Nomination] = Field(
        default_factory=list,
        description=d("Kết quả kiểm phiếu giới thiệu", "Nomination ballot results per person"),
    )
    minutes: Document | None = Field(None, description=d("Biên bản", "Minutes"))
    reselection: Reselection | None = Field(
        None,
        description=d(
            "Bước 3: lựa chọn lại khi nhân sự khác bước 2",
            "Step 3: the re-selection when the nominee differs from step 2",
        ),
    )
    head_choice: HeadChoice | None = Field(
        None,
        description=d(
            "Người đứng đầu lựa chọn khi số phiếu đạt đúng 50%",
            "The head's choice when the vote stands at exactly 50%",
        ),
    )
    referral: Document | None = Field(
        None,
        description=d(
            "Báo cáo cấp có thẩm quyền xem xét, quyết định (khi số phiếu không đạt)",
            "The report to the competent body for its decision (when the vote fell short)",
        ),
    )
    direction: Document | None = Field(
        None,
        description=d(
            "Văn bản chỉ đạo của cấp có thẩm quyền sau khi nhận báo cáo (khi quy trình phải "
            "dừng)",
            "The competent body's direction after the report (when the procedure had to "
            "stop)",
        ),
    )
    put_forward: list[Name] | None = Field(
        None,
        description=d(
            "Danh sách nhân sự được giới thiệu sang bước tiếp theo (kể cả người không được "
            "phiếu nào ở bước sau)",
            "Who was put forward to the next step (including anyone who then received no "
            "vote there)",
        ),
    )
    force_majeure_absent: Count | None = Field(
        None,
        description=d(
            "Số người được triệu tập vắng mặt vì lý do bất khả kháng",
            "Number of those summoned who were absent for force majeure",
        ),
    )
    summons_report: Document | None = Field(
        None,
        description=d(
            "Báo cáo của cơ quan tham mưu tổ chức cán bộ về danh sách triệu tập và các "
            "trường hợp vắng mặt vì lý do bất khả kháng",
            "The personnel office's report on the summons list and the force-majeure "
            "absences",
        ),
    )
    summons_decision: Document | None = Field(
        None,
        description=d(
            "Quyết định của cấp có thẩm quyền về danh sách triệu tập và các trường hợp vắng "
            "mặt vì lý do bất khả kháng",
            "The competent body's decision on the summons list and the force-majeure "
            "absences",
        ),
    )
    seats: Count | None = Field(
        None,
        description=d(
            "Số chức vụ, chức danh trong thành phần triệu tập (một người giữ 2 chức vụ thì "
            "tính 2)",
            "Number of posts in the composition summoned (one person holding two counts "
            "twice)",
        ),
    )
    dual_role: Count | None = Field(
        None,
        description=d(
            "Số người dự họp với 2 chức vụ, chức danh (mỗi người chỉ bỏ 1 phiếu và chỉ tính "
            "là 1 người)",
            "Number of people attending in two capacities (each casts one ballot and counts "
            "once)",
        ),
    )
    opinion: Document | None = Field(
        None,
        description=d(
            "Văn bản ý kiến của tập thể lãnh đạo nơi nhân sự đang công tác",
            "The written opinion of the leadership where the candidate works",
        ),
    )
    results_announced: bool | None = Field(
        None,
        description=d(
            "Kết quả kiểm phiếu có được công bố tại hội nghị không",
            "Whether the ballot count was announced at the meeting",
        ),
    )
    opinions_differ: bool = Field(
        False,
        description=d(
            "Nhân sự từ nơi khác: các cơ quan, đơn vị hoặc nhân sự còn có ý kiến khác nhau, "
            "chưa thống nhất (ghi ở bước nơi ý kiến khác nhau được ghi nhận; bước đó phải "
            "có báo cáo các ý kiến ở referral)",
            "A candidate from elsewhere: the units or the candidate still hold differing "
            "opinions (set on the step where the disagreement is recorded; that step then "
            "needs the report of every opinion in referral)",
        ),
    )


@described(
    "Người chủ trì quy trình",
    "Who presided over the procedure",
)
class Chair(Model):
    name: Name = Field(description=d("Người chủ trì quy trình", "Person presiding"))
    position: Name | None = Field(None, description=d("Chức vụ", "Position"))
    from_superior_body: bool = Field(
        description=d(
            "Là đại diện lãnh đạo cơ quan cấp trên trực tiếp",
            "Represents the leadership of the directly superior body",
        )
    )


@described(
    "Tập thể lãnh đạo của cơ quan, đơn vị",
    "The leadership collective of the body",
)
class Leadership(Model):
    total_members: Annotated[int, Field(ge=1, le=1000)] = Field(
        description=d(
            "Tổng số thành viên tập thể lãnh đạo", "Total members of the leadership collective"
        )
    )


@described(
    "Chủ trương bổ nhiệm",
    "The appointment policy",
)
class Policy(Model):
    request: Document | None = Field(
        None,
        description=d(
            "Văn bản xin chủ trương bổ nhiệm", "The written request for the appointment policy"
        ),
    )
    request_received_on: dt.date | None = Field(
        None,
        description=d(
            "Ngày cấp có thẩm quyền nhận được đề nghị",
            "Date the competent body received the request",
        ),
    )
    approval: Document | None = Field(
        None, description=d("Văn bản đồng ý chủ trương", "The policy approval")
    )
    delay_report: Document | None = Field(
        None,
        description=d(
            "Báo cáo cấp có thẩm quyền khi chưa hoàn thành quy trình đúng hạn",
            "Report to the competent body when the process was not finished in time",
        ),
    )
