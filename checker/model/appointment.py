"""The appointment family: bổ nhiệm, bổ nhiệm lại, kéo dài thời gian giữ chức vụ and giao
quyền cấp trưởng (NĐ 170/2025 Mục 1 Chương IV, Điều 28 to 40), one shape per procedure.

They share a person under consideration (`candidate`), the meetings of the procedure
(`steps`), its leadership collective, dossier and Party records (`AppointmentFamily`);
each shape then requires what its own procedure needs and nothing else:

    appointment     leadership; candidate.planning and candidate.source
    reappointment   leadership; previous_term (the term that is ending); a notice
    extension       as reappointment
    acting          acting (the arrangement; the decision records its dates)

A field one shape has and another has not (`acting` in an appointment) is refused by the
schema, and the schema-error mapper says which procedure it belongs to.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, ClassVar, Literal

from pydantic import ConfigDict, Field

from checker.model.common import (
    CaseBase,
    Count,
    Document,
    Model,
    Name,
    Person,
    Procedure,
    Term,
    d,
)


class PostRelation(StrEnum):
    """Chức vụ đã giữ so với chức vụ dự kiến bổ nhiệm: cao hơn, bằng, tương đương, thấp
    hơn liền kề, khác."""

    HIGHER = "higher"
    SAME = "same"
    EQUIVALENT = "equivalent"
    LOWER_ADJACENT = "lower_adjacent"
    OTHER = "other"



class ActingReason(StrEnum):
    """Lý do giao quyền: đơn vị chưa kiện toàn người đứng đầu; người đứng đầu vắng mặt
    trong một thời gian dài."""

    NO_HEAD = "no_head"
    HEAD_ABSENT = "head_absent"



class PlanningRank(StrEnum):
    """Chức danh quy hoạch so với chức danh đang đảm nhiệm khi được quy hoạch."""

    HIGHER = "higher"
    CURRENT = "current"
    EQUIVALENT = "equivalent"
    LOWER = "lower"



class DeferralGround(StrEnum):
    """Trường hợp chưa thực hiện quy trình bổ nhiệm lại, kéo dài (NĐ 170/2025 Điều 36 k5;
    Điều 36 k3 sửa đổi bởi NĐ 300/2026 thêm: có thông tin trao đổi của cơ quan chức năng
    về trách nhiệm cá nhân chưa có kết luận chính thức)."""

    DISCIPLINE_OR_PROSECUTION = "discipline_or_prosecution"
    ABROAD_3_MONTHS = "abroad_3_months"
    INPATIENT_3_MONTHS = "inpatient_3_months"
    MATERNITY_LEAVE = "maternity_leave"
    RESPONSIBILITY_INQUIRY = "responsibility_inquiry"



class VerifierKind(StrEnum):
    """Tổ chức đảng đã thẩm tra, xác minh và kết luận tiêu chuẩn chính trị."""

    AGENCY_PARTY_COMMITTEE = "agency_party_committee"
    MINISTRY_PARTY_COMMITTEE = "ministry_party_committee"
    BCS = "bcs"
    OTHER = "other"



class BcsRole(StrEnum):
    SECRETARY = "secretary"
    DEPUTY_SECRETARY = "deputy_secretary"
    MEMBER = "member"



class Basis(StrEnum):
    """Căn cứ bổ nhiệm: thông thường, hay các trường hợp sắp xếp tổ chức (NĐ 170 Điều 34 k1)."""

    STANDARD = "standard"
    REORGANISATION_SAME_OR_LOWER = "reorganisation_same_or_lower"
    RENAME = "rename"
    REORGANISATION_HIGHER = "reorganisation_higher"



class Source(StrEnum):
    """Nguồn nhân sự (NĐ 170/2025 Điều 33 k2, k3)."""

    IN_HOUSE = "in_house"
    EXTERNAL = "external"



class PlanningStatus(StrEnum):
    PLANNED_FOR_POST = "planned_for_post"
    PLANNED_EQUIVALENT_OR_HIGHER = "planned_equivalent_or_higher"
    NOT_PLANNED = "not_planned"



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



class DossierKind(StrEnum):
    """Thành phần hồ sơ bổ nhiệm (NĐ 170/2025 Điều 35 k1-k10). evaluations: đánh giá,
    nhận xét của tập thể lãnh đạo (theo bản gốc Điều 35 k5 gồm cả của chi bộ, đảng ủy);
    party_evaluation: đánh giá, nhận xét của chi bộ cơ sở hoặc đảng ủy nơi công tác (Điều
    35 k4 sửa đổi bởi NĐ 300/2026)."""

    SUBMISSION = "submission"
    MINUTES_AND_TALLIES = "minutes_and_tallies"
    CURRICULUM_VITAE = "curriculum_vitae"
    SELF_REVIEW = "self_review"
    EVALUATIONS = "evaluations"
    PARTY_EVALUATION = "party_evaluation"
    RESIDENCE_EVALUATION = "residence_evaluation"
    POLITICAL_STANDARD_CONCLUSION = "political_standard_conclusion"
    ASSET_DECLARATION = "asset_declaration"
    DIPLOMAS = "diplomas"
    HEALTH_CERTIFICATE = "health_certificate"



class PoliticalResult(StrEnum):
    MEETS = "meets"
    DOES_NOT_MEET = "does_not_meet"



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



class Nomination(Model):
    name: Name = Field(description=d("Người được giới thiệu", "Person nominated"))
    votes: Count = Field(description=d("Số phiếu giới thiệu", "Nomination ballots received"))



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



class Reselection(Model):
    date: dt.date | None = None
    nominations: list[Nomination] = Field(
        description=d(
            "Kết quả bỏ phiếu kín lựa chọn giữa nhân sự bước 2 và bước 3",
            "Secret ballot choosing between the step-2 and step-3 nominees",
        )
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



class PoliticalConclusion(Model):
    body: Name = Field(description=d("Cấp ủy kết luận", "Party committee that concluded"))
    document: Document
    result: PoliticalResult = Field(description=d("Kết luận", "Conclusion"))
    verifier: VerifierKind | None = Field(
        None,
        description=d(
            "Tổ chức đảng quyết định thẩm tra, xác minh: agency_party_committee (đảng ủy cấp "
            "trên cơ sở trong bộ), ministry_party_committee (đảng ủy bộ), bcs (ban cán sự đảng), "
            "other",
            "Party body that decided the verification: agency_party_committee, "
            "ministry_party_committee, bcs (the ministry's party affairs committee), other",
        ),
    )



class DossierItem(Model):
    kind: DossierKind = Field(description=d("Thành phần hồ sơ", "Dossier component"))
    document: Document
    photo_date: dt.date | None = Field(
        None,
        description=d(
            "Ngày chụp ảnh dán trên sơ yếu lý lịch (thời hạn 06 tháng tính cả ảnh chụp)",
            "When the photo on the CV was taken (the six-month limit covers the photo too)",
        ),
    )



class Dossier(Model):
    submitted_on: dt.date | None = Field(
        None, description=d("Ngày nộp hồ sơ", "Date the dossier was filed")
    )
    items: list[DossierItem] = Field(default_factory=list)
    first_submitted_on: dt.date | None = Field(
        None,
        description=d(
            "Ngày nộp hồ sơ lần đầu, khi hồ sơ của một quy trình trước (quy hoạch, bổ nhiệm, "
            "bổ nhiệm lại...) do cùng cấp có thẩm quyền quyết định được dùng lại trong vòng 6 "
            "tháng (NĐ 170/2025 Điều 35 sửa đổi bởi NĐ 300/2026)",
            "When the dossier of an earlier procedure decided by the same competent body is "
            "reused within six months, the date it was first filed (Decree 170/2025 Art. 35 "
            "as amended by Decree 300/2026)",
        ),
    )
    new_facts: bool = Field(
        False,
        description=d(
            "Có nội dung mới phát sinh so với hồ sơ trước (bổ nhiệm lại, kéo dài, bổ nhiệm "
            "chức vụ bằng hoặc thấp hơn)",
            "There are new facts since the earlier dossier (reappointment, extension, an "
            "equal or lower post)",
        ),
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



class Leadership(Model):
    total_members: Annotated[int, Field(ge=1, le=1000)] = Field(
        description=d(
            "Tổng số thành viên tập thể lãnh đạo", "Total members of the leadership collective"
        )
    )



class BcsMember(Model):
    name: Name
    role: BcsRole = Field(description=d("Bí thư, phó bí thư, ủy viên", "Role"))
    ex_officio: bool = Field(
        description=d(
            "Thuộc thành phần theo quy định (bộ trưởng, thứ trưởng, vụ trưởng Vụ Tổ chức cán "
            "bộ); false: thành viên khác cần quyết định của Ban Bí thư",
            "A member by office (minister, deputy minister, head of personnel); false: "
            "another member, who needs a Secretariat decision",
        )
    )



class BcsMeeting(Model):
    date: dt.date = Field(description=d("Ngày họp", "Date"))
    members_total: Annotated[int, Field(ge=1, le=100)] = Field(
        description=d("Tổng số ủy viên ban cán sự đảng", "Total members")
    )
    present: Count = Field(description=d("Số ủy viên dự họp", "Members present"))
    personnel: bool = Field(
        description=d("Họp về công tác cán bộ", "The meeting dealt with personnel")
    )
    written_polling: bool = Field(
        False,
        description=d(
            "Lấy ý kiến bằng văn bản thay cho họp", "Written polling instead of a meeting"
        ),
    )
    votes_for: Count | None = Field(
        None, description=d("Số ủy viên biểu quyết tán thành", "Members voting in favour")
    )
    minutes: Document | None = Field(None, description=d("Biên bản", "Minutes"))
    unresolved_disagreement: bool = Field(
        False,
        description=d(
            "Còn ý kiến khác nhau chưa thống nhất", "Disagreement remained unresolved"
        ),
    )
    escalation: Document | None = Field(
        None,
        description=d(
            "Báo cáo xin ý kiến Ban Bí thư, Bộ Chính trị", "Report seeking direction upwards"
        ),
    )



class Bcs(Model):
    """Ban cán sự đảng của bộ (đến khi kết thúc hoạt động năm 2025)."""

    name: Name = Field(description=d("Tên ban cán sự đảng", "Name"))
    members: list[BcsMember] = Field(default_factory=list)
    extra_members_decision: Document | None = Field(
        None,
        description=d(
            "Quyết định của Ban Bí thư về thành viên khác", "Secretariat decision on others"
        ),
    )
    meetings: list[BcsMeeting] = Field(default_factory=list)



class Acting(Model):
    """Giao quyền cấp trưởng (NĐ 170/2025 Điều 34 k3, sửa đổi bởi NĐ 300/2026). Quyết
    định giao quyền ghi ở `decision`: ngày có hiệu lực (effective_date) và ngày cuối cùng
    của thời hạn giao quyền (term_end)."""

    reason: ActingReason = Field(
        description=d(
            "Lý do: no_head (chưa kiện toàn người đứng đầu), head_absent (người đứng đầu "
            "vắng mặt trong một thời gian dài)",
            "Reason: no_head (no head appointed yet), head_absent (the head is away for a "
            "long time)",
        )
    )
    head_absent_over_12_months: bool = Field(
        False,
        description=d(
            "Người đứng đầu vắng mặt trên 12 tháng",
            "The head is absent for more than 12 months",
        ),
    )
    ended_on: dt.date | None = Field(
        None,
        description=d(
            "Ngày cuối cùng người được giao quyền còn thực hiện quyền cấp trưởng",
            "The last day the acting head held the powers",
        ),
    )
    extensions: list[Document] = Field(
        default_factory=list,
        description=d("Các quyết định gia hạn giao quyền", "Decisions extending the acting"),
    )
    arrangement: Document | None = Field(
        None,
        description=d(
            "Văn bản bố trí nhân sự thay cho việc giao quyền (bổ nhiệm người đứng đầu hoặc "
            "chấm dứt giao quyền)",
            "The document that settled the post (a head appointed, or the acting ended)",
        ),
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
    candidate: Candidate
    leadership: Leadership | None = Field(
        None, description=d("Tập thể lãnh đạo", "The leadership collective")
    )
    chair: Chair | None = None
    policy: Policy | None = None
    steps: list[Step] = Field(default_factory=list)
    political_standard_conclusion: PoliticalConclusion | None = None
    dossier: Dossier | None = None
    bcs: Bcs | None = Field(
        None,
        description=d(
            "Ban cán sự đảng của bộ đã lãnh đạo công tác cán bộ này",
            "The ministry's ban cán sự đảng that directed this personnel matter",
        ),
    )

    def acts(self) -> list[tuple[dt.date, str]]:
        """The steps, and the written request for the policy and its approval."""
        dated = [(s.date, f"/steps/{i}/date") for i, s in enumerate(self.steps)]
        if self.policy is not None:
            for name in ("request", "approval"):
                doc: Document | None = getattr(self.policy, name)
                if doc is not None and doc.date is not None:
                    dated.append((doc.date, f"/policy/{name}/date"))
        return dated


class AppointmentCase(AppointmentFamily):
    """Hồ sơ bổ nhiệm (NĐ 170/2025 Điều 28 đến 35) / An appointment case."""

    model_config = ConfigDict(title="Hồ sơ bổ nhiệm / Appointment case")

    procedure: Literal[Procedure.APPOINTMENT] = Field(
        description=d("Thủ tục: bổ nhiệm", "Procedure: appointment")
    )
    candidate: AppointmentCandidate
    leadership: Leadership = Field(
        description=d("Tập thể lãnh đạo", "The leadership collective")
    )


class RenewalFamily(AppointmentFamily):
    """What reappointment and extension share: the term that is ending and the notice
    that launches the review (NĐ 170/2025 Điều 36 to 40)."""

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


class ReappointmentCase(RenewalFamily):
    """Hồ sơ bổ nhiệm lại (NĐ 170/2025 Điều 36 đến 39) / A reappointment case."""

    model_config = ConfigDict(title="Hồ sơ bổ nhiệm lại / Reappointment case")

    procedure: Literal[Procedure.REAPPOINTMENT] = Field(
        description=d("Thủ tục: bổ nhiệm lại", "Procedure: reappointment")
    )


class ExtensionCase(RenewalFamily):
    """Hồ sơ kéo dài thời gian giữ chức vụ đến tuổi nghỉ hưu (NĐ 170/2025 Điều 36, 40) /
    An extension of tenure to retirement age."""

    model_config = ConfigDict(title="Hồ sơ kéo dài thời gian giữ chức vụ / Extension case")

    procedure: Literal[Procedure.EXTENSION] = Field(
        description=d(
            "Thủ tục: kéo dài thời gian giữ chức vụ đến tuổi nghỉ hưu",
            "Procedure: extension of tenure to retirement age",
        )
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
