"""The records of the appointment family: the dossier, the conclusion on political
standards, and the ministry's ban cán sự đảng."""

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
    "Thành phần hồ sơ (NĐ 170/2025 Điều 35)",
    "Dossier component (Decree 170/2025 Art. 35)",
    values={
        "submission": ("tờ trình", "the submission"),
        "minutes_and_tallies": ("biên bản các hội nghị và kết quả kiểm phiếu",
                                "minutes of the meetings and ballot tallies"),
        "curriculum_vitae": ("sơ yếu lý lịch", "curriculum vitae"),
        "self_review": ("bản tự nhận xét, đánh giá", "the self-assessment"),
        "evaluations": ("đánh giá, nhận xét của tập thể lãnh đạo", "the leadership's evaluation"),
        "party_evaluation": (
            "đánh giá, nhận xét của chi bộ hoặc đảng ủy nơi công tác (NĐ 300/2026)",
            "the evaluation by the party cell or committee where the person works (Decree "
            "300/2026)",
        ),
        "residence_evaluation": ("nhận xét của chi ủy nơi cư trú",
                                 "the evaluation by the party committee where the person lives"),
        "political_standard_conclusion": ("kết luận về tiêu chuẩn chính trị",
                                          "the conclusion on political standards"),
        "asset_declaration": ("bản kê khai tài sản, thu nhập", "the asset and income declaration"),
        "diplomas": ("bản sao văn bằng, chứng chỉ", "copies of diplomas and certificates"),
        "health_certificate": ("giấy chứng nhận sức khỏe", "the health certificate"),
    },
)
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


@described(
    "Một thành phần của hồ sơ",
    "One component of the dossier",
)
class DossierItem(Model):
    kind: DossierKind = Field(description=d("Thành phần hồ sơ", "Dossier component"))
    document: Document = Field(
        description=d("Văn bản của thành phần này", "The document of this component")
    )
    photo_date: dt.date | None = Field(
        None,
        description=d(
            "Ngày chụp ảnh dán trên sơ yếu lý lịch (thời hạn 06 tháng tính cả ảnh chụp)",
            "When the photo on the CV was taken (the six-month limit covers the photo too)",
        ),
    )


@described(
    "Hồ sơ trình cấp có thẩm quyền",
    "The dossier submitted to the competent body",
)
class Dossier(Model):
    submitted_on: dt.date | None = Field(
        None, description=d("Ngày nộp hồ sơ", "Date the dossier was filed")
    )
    items: list[DossierItem] = Field(
        default_factory=list, description=d("Các thành phần hồ sơ", "The components")
    )
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


@described(
    "Kết luận về tiêu chuẩn chính trị",
    "Conclusion on political standards",
    values={
        "meets": ("đủ tiêu chuẩn chính trị", "meets the political standards"),
        "does_not_meet": ("không đủ tiêu chuẩn chính trị",
                          "does not meet the political standards"),
    },
)
class PoliticalResult(StrEnum):
    MEETS = "meets"
    DOES_NOT_MEET = "does_not_meet"


@described(
    "Tổ chức đảng đã quyết định thẩm tra, xác minh tiêu chuẩn chính trị",
    "The party body that decided the verification of political standards",
    values={
        "agency_party_committee": ("đảng ủy cấp trên cơ sở trong bộ",
                                   "a party committee above grassroots level within the ministry"),
        "ministry_party_committee": ("đảng ủy bộ", "the ministry's party committee"),
        "bcs": ("ban cán sự đảng", "the ministry's ban cán sự đảng (party affairs committee)"),
        "other": ("tổ chức đảng khác", "another party body"),
    },
)
class VerifierKind(StrEnum):
    """Tổ chức đảng đã thẩm tra, xác minh và kết luận tiêu chuẩn chính trị."""

    AGENCY_PARTY_COMMITTEE = "agency_party_committee"
    MINISTRY_PARTY_COMMITTEE = "ministry_party_committee"
    BCS = "bcs"
    OTHER = "other"


@described(
    "Kết luận về tiêu chuẩn chính trị của cấp ủy có thẩm quyền",
    "The competent party committee's conclusion on political standards",
)
class PoliticalConclusion(Model):
    body: Name = Field(description=d("Cấp ủy kết luận", "Party committee that concluded"))
    document: Document = Field(description=d("Văn bản kết luận", "The conclusion"))
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


@described(
    "Vai trò trong ban cán sự đảng",
    "Role in the ban cán sự đảng",
    values={
        "secretary": ("bí thư", "secretary"),
        "deputy_secretary": ("phó bí thư", "deputy secretary"),
        "member": ("ủy viên", "member"),
    },
)
class BcsRole(StrEnum):
    SECRETARY = "secretary"
    DEPUTY_SECRETARY = "deputy_secretary"
    MEMBER = "member"


@described(
    "Một ủy viên ban cán sự đảng",
    "A member of the ban cán sự đảng",
)
class BcsMember(Model):
    name: Name = Field(description=d("Họ và tên", "Full name"))
    role: BcsRole = Field(description=d("Bí thư, phó bí thư, ủy viên", "Role"))
    ex_officio: bool = Field(
        description=d(
            "Thuộc thành phần theo quy định (bộ trưởng, thứ trưởng, vụ trưởng Vụ Tổ chức cán "
            "bộ); false: thành viên khác cần quyết định của Ban Bí thư",
            "A member by office (minister, deputy minister, head of personnel); false: "
            "another member, who needs a Secretariat decision",
        )
    )


@described(
    "Một cuộc họp hoặc một lần lấy ý kiến bằng văn bản của ban cán sự đảng",
    "A meeting or written poll of the ban cán sự đảng",
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


@described(
    "Ban cán sự đảng của bộ đã lãnh đạo công tác cán bộ này (đến khi kết thúc hoạt động năm "
    "2025)",
    "The ministry's ban cán sự đảng (party affairs committee) that directed this personnel "
    "matter (until it ended in 2025)",
    example={
        "name": "Ban cán sự đảng Bộ Y",
        "members": [
            {"name": "Nguyễn Văn D", "role": "secretary", "ex_officio": True},
            {"name": "Trần Thị E", "role": "deputy_secretary", "ex_officio": True},
            {"name": "Lê Văn G", "role": "member", "ex_officio": True},
        ],
        "meetings": [
            {"date": "2024-10-03", "members_total": 3, "present": 3, "personnel": True,
             "votes_for": 3,
             "minutes": {"date": "2024-10-03", "title": "Biên bản họp Ban cán sự đảng"}},
        ],
    },
)
class Bcs(Model):
    """Ban cán sự đảng của bộ (đến khi kết thúc hoạt động năm 2025)."""

    name: Name = Field(description=d("Tên ban cán sự đảng", "Name"))
    members: list[BcsMember] = Field(
        default_factory=list, description=d("Các ủy viên", "The members")
    )
    extra_members_decision: Document | None = Field(
        None,
        description=d(
            "Quyết định của Ban Bí thư về thành viên khác", "Secretariat decision on others"
        ),
    )
    meetings: list[BcsMeeting] = Field(
        default_factory=list,
        description=d("Các cuộc họp về công tác cán bộ này", "The meetings on this matter"),
    )
