"""The case shape of a dismissal (miễn nhiệm) of a leading civil servant: Luật 80/2025
Điều 5 k12, Điều 31 k3; NĐ 170/2025 Điều 53-55, as first issued and as amended by NĐ
300/2026 Điều 21, 23-25; for posts the Politburo or Secretariat manages, HD 45-HD/BTCTW
mục IV.2.

The shared parts (unit, post, person, decision, term, documents, discipline and ratings,
waivers) are those of checker.model.common; this module adds what a dismissal needs and
nothing else. Field names are English snake_case, descriptions "Vietnamese / English".
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, ClassVar, Literal

from pydantic import ConfigDict, Field, model_validator

from checker.model.common import (
    AnnualRating,
    CaseBase,
    Count,
    Discipline,
    Document,
    Model,
    Name,
    NumberedDocument,
    Person,
    Procedure,
    Term,
    d,
)

Members = Annotated[int, Field(ge=1, le=1000)]


class Proposer(StrEnum):
    """Ai đề xuất miễn nhiệm: cơ quan, bộ phận tham mưu về tổ chức cán bộ; người đứng đầu
    cơ quan sử dụng công chức (từ 01/08/2026, NĐ 300 Điều 23)."""

    PERSONNEL_UNIT = "personnel_unit"
    HEAD_OF_USING_BODY = "head_of_using_body"


class DecidedBy(StrEnum):
    """Quyết định miễn nhiệm được đưa ra như: kết quả biểu quyết của tập thể; quyết định
    của người đứng đầu theo thẩm quyền; quyết định của cấp có thẩm quyền cấp trên."""

    COLLECTIVE = "collective"
    HEAD = "head"
    HIGHER_BODY = "higher_body"


class Ground(Model):
    """One point of Điều 53 khoản 1 relied on, with the document that founds it."""

    document: Document | None = Field(
        None,
        description=d(
            "Văn bản làm căn cứ: quyết định kỷ luật, biên bản kiểm phiếu tín nhiệm, thông báo "
            "xếp loại, kết luận hoặc kiến nghị của cơ quan có thẩm quyền; ngày của văn bản là "
            "ngày có đủ căn cứ miễn nhiệm",
            "The founding document: the disciplinary decision, the confidence-vote tally, the "
            "rating notice, the competent body's conclusion or recommendation; its date is "
            "the day the ground was established",
        ),
    )
    assessment: Document | None = Field(
        None,
        description=d(
            "Đánh giá của cấp có thẩm quyền: năng lực hạn chế, uy tín giảm sút, không thể tiếp "
            "tục đảm nhiệm chức vụ (điểm a, từ 01/08/2026)",
            "The competent body's assessment: limited capacity, lost standing, unable to go "
            "on in the post (point a, from 2026-08-01)",
        ),
    )
    rule: Document | None = Field(
        None,
        description=d(
            "Quy định của Đảng hoặc của pháp luật được áp dụng (\"các trường hợp khác\": điểm "
            "g của bản gốc, điểm l sau khi sửa đổi)",
            "The Party or legal rule relied on (\"other cases\": point g as first issued, "
            "point l as amended)",
        ),
    )


class Grounds(Model):
    """Các điểm của Điều 53 khoản 1 được viện dẫn (điểm a-g theo bản gốc NĐ 170; a-l sau
    khi sửa đổi bởi NĐ 300). Nội dung của mỗi điểm khác nhau giữa hai văn bản."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": d(
                "Căn cứ miễn nhiệm: mỗi khóa là một điểm của Điều 53 khoản 1 (a, b, c, d, đ, "
                "e, g; sau 01/08/2026 thêm h, i, k, l)",
                "Grounds: each key is a point of Article 53 clause 1 (a, b, c, d, đ, e, g; "
                "from 2026-08-01 also h, i, k, l)",
            ),
            "minProperties": 1,
        }
    )
    a: Ground | None = None
    b: Ground | None = None
    c: Ground | None = None
    d: Ground | None = None
    dd: Ground | None = Field(None, alias="đ")
    e: Ground | None = None
    g: Ground | None = None
    h: Ground | None = None
    i: Ground | None = None
    k: Ground | None = None
    l: Ground | None = None  # noqa: E741 (the decree's own letter)

    @model_validator(mode="after")
    def _at_least_one(self) -> Grounds:
        if not any(getattr(self, f) is not None for f in type(self).model_fields):
            raise ValueError("grounds: name at least one point")
        return self


class CurrentTerm(Term):
    """Thời hạn bổ nhiệm đang giữ: miễn nhiệm chỉ khi chưa hết thời hạn (Luật 80 Điều 5
    k12)."""

    effective_date: dt.date = Field(
        description=d(
            "Ngày quyết định bổ nhiệm có hiệu lực (bắt đầu thời hạn)",
            "Date the appointment took effect (the term's first day)",
        )
    )
    expires: dt.date = Field(
        description=d(
            "Ngày cuối cùng của thời hạn bổ nhiệm", "Last day of the appointment term"
        )
    )


class DismissalDiscipline(Discipline):
    related_to_duties: bool | None = Field(
        None,
        description=d(
            "Kỷ luật liên quan đến chức trách, nhiệm vụ được giao (NĐ 300 Điều 23: điểm b); "
            "bỏ trống là chưa rõ",
            "The discipline concerns the duties of the post (Decree 300 Art. 23: point b); "
            "absent means not known",
        ),
    )


class DismissalRating(AnnualRating):
    related_to_duties: bool | None = Field(
        None,
        description=d(
            "Không hoàn thành nhiệm vụ liên quan đến thực hiện chức trách, nhiệm vụ được giao "
            "(NĐ 300 Điều 23: điểm d); bỏ trống là chưa rõ",
            "The failed rating concerns the duties of the post (Decree 300 Art. 23: point "
            "d); absent means not known",
        ),
    )


class DismissedPerson(Person):
    """The person dismissed: the shared record, with discipline and ratings that say
    whether they concern the duties of the post (NĐ 300 Điều 23: points b and d)."""

    discipline: list[DismissalDiscipline] = Field(  # type: ignore[assignment]
        default_factory=list,
        description=d("Các quyết định kỷ luật", "Disciplinary decisions"),
    )
    ratings: list[DismissalRating] = Field(  # type: ignore[assignment]
        default_factory=list,
        description=d("Xếp loại chất lượng hằng năm", "Annual quality ratings"),
    )


class ConfidenceVote(Model):
    date: dt.date = Field(description=d("Ngày lấy phiếu tín nhiệm", "Date of the vote"))
    low: Count = Field(description=d("Số phiếu tín nhiệm thấp", "Low-confidence ballots"))
    total: Members = Field(
        description=d(
            "Tổng số phiếu theo biên bản kiểm phiếu (mẫu số của tỷ lệ)",
            "Total ballots in the tally (the denominator)",
        )
    )
    tally: Document | None = Field(None, description=d("Biên bản kiểm phiếu", "The tally"))


class Exchange(Model):
    date: dt.date = Field(description=d("Ngày trao đổi với công chức", "Date of the talk"))
    by: Name | None = Field(None, description=d("Người trao đổi", "Who held the talk"))
    record: Document | None = Field(None, description=d("Biên bản", "Record of the talk"))


class Proposal(Model):
    by: Proposer = Field(
        description=d(
            "Người đề xuất: personnel_unit (cơ quan, bộ phận tham mưu về tổ chức cán bộ), "
            "head_of_using_body (người đứng đầu cơ quan sử dụng công chức)",
            "Proposed by: personnel_unit (the organisation and personnel office), "
            "head_of_using_body (the head of the body employing the civil servant)",
        )
    )
    document: NumberedDocument = Field(
        description=d("Văn bản đề xuất (tờ trình)", "The written proposal (submission)")
    )
    received_on: dt.date = Field(
        description=d(
            "Ngày cấp có thẩm quyền nhận được văn bản đề xuất",
            "Date the competent body received the proposal",
        )
    )


class BodyVote(Model):
    members: Members = Field(
        description=d("Tổng số thành viên của tập thể", "Members of the body")
    )
    present: Count | None = Field(None, description=d("Số thành viên dự họp", "Present"))
    agree: Count = Field(
        description=d("Số thành viên đồng ý miễn nhiệm", "Members agreeing to the dismissal")
    )


class Overlap(Model):
    members: Count = Field(
        description=d(
            "Số người vừa là thành viên tập thể lãnh đạo vừa là ủy viên thường vụ cấp ủy",
            "People who sit in both bodies",
        )
    )
    agree: Count = Field(
        description=d("Số người trong số đó đồng ý", "How many of them agreed")
    )


class Meeting(Model):
    """Hội nghị tập thể lãnh đạo và thường vụ cấp ủy cùng cấp thảo luận căn cứ và biểu
    quyết bằng phiếu kín (NĐ 170 Điều 53 k2 b)."""

    date: dt.date = Field(description=d("Ngày họp", "Date of the meeting"))
    unit: Name = Field(
        description=d(
            "Cơ quan, đơn vị có tập thể lãnh đạo và thường vụ cấp ủy cùng cấp đã họp (nơi "
            "công chức công tác hoặc cấp có thẩm quyền: văn bản không nói rõ)",
            "Whose leadership and standing committee met (the person's unit or the "
            "competent level: the text does not say)",
        )
    )
    grounds_stated: bool | None = Field(
        None,
        description=d(
            "Biên bản ghi việc thảo luận, xác định rõ căn cứ miễn nhiệm",
            "The minutes record the discussion that settled the grounds",
        ),
    )
    secret_ballot: bool | None = Field(
        None, description=d("Biểu quyết bằng phiếu kín", "The vote was a secret ballot")
    )
    leadership: BodyVote | None = Field(
        None, description=d("Tập thể lãnh đạo", "The leadership collective")
    )
    standing_committee: BodyVote | None = Field(
        None, description=d("Thường vụ cấp ủy cùng cấp", "The party standing committee")
    )
    in_both: Overlap | None = Field(
        None,
        description=d(
            "Người thuộc cả hai tập thể; bỏ trống là không có ai",
            "People in both bodies; absent means nobody",
        ),
    )
    minutes: Document | None = Field(None, description=d("Biên bản hội nghị", "Minutes"))
    tally: Document | None = Field(None, description=d("Biên bản kiểm phiếu", "Tally"))


class DismissalDossier(Model):
    submission: Document | None = Field(
        None,
        description=d(
            "Tờ trình của cơ quan tham mưu về tổ chức cán bộ",
            "The personnel office's submission",
        ),
    )
    related: list[Document] = Field(
        default_factory=list,
        description=d(
            "Các văn bản có liên quan: quyết định, kết luận, thông báo, ý kiến của cơ quan có "
            "thẩm quyền",
            "Related documents: decisions, conclusions, notices, the competent body's "
            "opinions",
        ),
    )
    minutes: Document | None = Field(None, description=d("Biên bản hội nghị", "Minutes"))
    tally_minutes: Document | None = Field(
        None, description=d("Biên bản kiểm phiếu", "The ballot tally")
    )


class Placement(Model):
    post: Name | None = Field(None, description=d("Vị trí bố trí", "Post given"))
    is_leadership: bool = Field(
        description=d("Là chức vụ lãnh đạo, quản lý", "A leadership or management post")
    )
    start_date: dt.date | None = Field(None, description=d("Từ ngày", "From"))


class After(Model):
    allowance_paid_until: dt.date | None = Field(
        None,
        description=d(
            "Ngày cuối cùng được trả phụ cấp chức vụ",
            "Last day the leadership allowance was paid",
        ),
    )
    placement: Placement | None = Field(
        None, description=d("Bố trí công tác sau miễn nhiệm", "Placement after dismissal")
    )
    leaving_service: Document | None = Field(
        None,
        description=d(
            "Quyết định cho thôi việc (miễn nhiệm do không hoàn thành nhiệm vụ, bản gốc NĐ "
            "170 Điều 53 k3)",
            "Decision ending the service (dismissal for a failed rating, Decree 170 as "
            "first issued Art. 53 cl. 3)",
        ),
    )


class PartyStep(Model):
    date: dt.date = Field(description=d("Ngày", "Date"))
    document: Document | None = Field(None, description=d("Văn bản", "Document"))


class PartySteps(Model):
    """Các bước đối với cán bộ thuộc diện Bộ Chính trị, Ban Bí thư quản lý (HD 45 mục
    IV.2)."""

    btctw_exchange: PartyStep | None = Field(
        None,
        description=d(
            "Ban Tổ chức Trung ương trao đổi với người đứng đầu về chủ trương",
            "The Central Organisation Commission talks with the head about the policy",
        ),
    )
    head_exchange: PartyStep | None = Field(
        None,
        description=d("Người đứng đầu trao đổi với cán bộ", "The head talks with the person"),
    )
    collective_opinion: PartyStep | None = Field(
        None,
        description=d(
            "Tập thể ban thường vụ hoặc lãnh đạo nơi cán bộ công tác cho ý kiến",
            "The standing committee or leadership where the person works gives its opinion",
        ),
    )
    report: PartyStep | None = Field(
        None,
        description=d(
            "Văn bản báo cáo Bộ Chính trị, Ban Bí thư (qua Ban Tổ chức Trung ương)",
            "The written report to the Politburo or Secretariat (through the Commission)",
        ),
    )
    written_opinions: PartyStep | None = Field(
        None,
        description=d(
            "Ý kiến bằng văn bản của Ủy ban Kiểm tra Trung ương, Ban Nội chính Trung ương",
            "Written opinions of the Central Inspection Commission and the Internal Affairs "
            "Commission",
        ),
    )


class DismissalCase(CaseBase):
    """Hồ sơ miễn nhiệm công chức lãnh đạo, quản lý (NĐ 170/2025 Điều 53-55; Luật 80/2025
    Điều 5 k12) / A dismissal case."""

    model_config = ConfigDict(title="Hồ sơ miễn nhiệm / Dismissal case")
    subject_field: ClassVar[str] = "person"

    procedure: Literal[Procedure.DISMISSAL] = Field(
        description=d("Thủ tục: miễn nhiệm", "Procedure: dismissal")
    )
    person: DismissedPerson = Field(
        description=d("Công chức bị miễn nhiệm", "The civil servant dismissed")
    )
    term: CurrentTerm = Field(
        description=d("Thời hạn bổ nhiệm đang giữ", "The current appointment term")
    )
    grounds: Grounds
    confidence_vote: ConfidenceVote | None = Field(
        None, description=d("Kết quả lấy phiếu tín nhiệm", "The confidence vote")
    )
    exchange_with_person: Exchange | None = Field(
        None, description=d("Trao đổi với công chức", "The talk with the civil servant")
    )
    proposal: Proposal | None = Field(
        None, description=d("Đề xuất miễn nhiệm", "The proposal to dismiss")
    )
    meeting: Meeting | None = Field(
        None,
        description=d(
            "Hội nghị tập thể lãnh đạo và thường vụ cấp ủy cùng cấp",
            "The meeting of the leadership and the party standing committee",
        ),
    )
    decided_by: DecidedBy | None = Field(
        None,
        description=d(
            "Quyết định được đưa ra như: collective (theo biểu quyết của tập thể), head (người "
            "đứng đầu quyết định theo thẩm quyền), higher_body (cấp có thẩm quyền cấp trên)",
            "The decision was made as: collective (on the collective's vote), head (the head "
            "within his authority), higher_body (the higher competent body)",
        ),
    )
    submission_upward: Document | None = Field(
        None,
        description=d(
            "Tờ trình cấp có thẩm quyền khi biểu quyết đạt 50% trở xuống",
            "The submission to the higher body when the vote reached 50% or less",
        ),
    )
    extension_reason: Document | None = Field(
        None,
        description=d(
            "Văn bản nêu lý do khách quan kéo dài thời hạn quyết định",
            "The document giving the objective reason to take longer to decide",
        ),
    )
    dossier: DismissalDossier | None = Field(
        None, description=d("Hồ sơ miễn nhiệm", "The dismissal dossier")
    )
    after: After | None = Field(
        None, description=d("Sau khi miễn nhiệm", "After the dismissal")
    )
    party_steps: PartySteps | None = Field(
        None,
        description=d(
            "Các bước của Đảng (cán bộ thuộc diện Bộ Chính trị, Ban Bí thư quản lý)",
            "The Party's steps (cadres the Politburo or Secretariat manages)",
        ),
    )

    def acts(self) -> list[tuple[dt.date, str]]:
        """The talk with the civil servant, the proposal and the meeting: the procedure
        begins with the earliest (NĐ 300 Điều 35 k2 keeps a dismissal begun by 31/07/2026
        under NĐ 170 as first issued)."""
        out: list[tuple[dt.date, str]] = []
        if self.exchange_with_person is not None:
            out.append((self.exchange_with_person.date, "/exchange_with_person/date"))
        if self.proposal is not None and self.proposal.document.date is not None:
            out.append((self.proposal.document.date, "/proposal/document/date"))
        if self.meeting is not None:
            out.append((self.meeting.date, "/meeting/date"))
        return out

