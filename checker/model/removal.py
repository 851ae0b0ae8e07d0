"""What the removals from a post share: dismissal (miễn nhiệm, checker.model.dismissal),
resignation and relief from the post (từ chức, cho thôi giữ chức vụ,
checker.model.resignation). NĐ 170/2025 Điều 52-55 as first issued and as amended by NĐ
300/2026 Điều 22-25 give them one dossier (Điều 54), one placement-and-allowance article
(Điều 55) and, in the procedure, the same acts: the talk with the civil servant, the
written proposal to the competent body, its decision within 10 working days (15 with an
objective reason); HD 45-HD/BTCTW mục IV.2 gives them the same Party steps ("thôi giữ
chức vụ, từ chức hoặc miễn nhiệm" alike). Each part is defined here once and each family
module narrows what its article narrows (the dismissal's proposer, the resignation's
dossier with the letter).

Kept apart, because the law differs:
  - the grounds: each procedure's are the points of its own article (Điều 52 k1, k2;
    Điều 53 k1), keyed by point letter; only the point record (CitedPoint) and the rule
    that at least one point is cited are shared;
  - what comes after: a dismissal ends the allowance on the decision and places the
    person in non-leading work (Điều 53 k3, 55 k3), a resignation keeps the allowance for
    a time (Điều 55 k2 as first issued);
  - suspension (tạm đình chỉ công tác, Điều 56) is a temporary measure with a proposal of
    its own (a report of the personnel unit, no talk, no competent body's vote): it
    shares none of these parts and stays on CaseBase.

The JSON shape of a case does not depend on this module: the fields, their names and what
they accept are those each procedure had when it was written on its own.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from checker.model.common import (
    SCHEMA_TEXT,
    CaseBase,
    Count,
    Document,
    Model,
    Name,
    NumberedDocument,
    Person,
    Term,
    d,
    described,
)

# Ballots in a confidence vote.
Ballots = Annotated[int, Field(ge=1, le=100_000)]


# ---------------------------------------------------------------- grounds, by point
def point(letter: str, alias: str | None = None) -> Any:
    """A field for one point of an article (`đ` is spelled dd in Python, aliased)."""
    return Field(None, alias=alias, description=d(f"Điểm {letter}", f"Point {letter}"))


def _points(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items() if name != "comment"]


def _any_point(schema: dict[str, Any], model: type[BaseModel]) -> None:
    schema["anyOf"] = [{"required": [key]} for key in _points(model)]


class Points(Model):
    """Grounds keyed by the points of an article, at least one of them named: the schema
    says so (an anyOf of its keys, derived from the fields) and so does the model (a
    `$comment` is not a point). `what` names the place in the model's message."""

    model_config = ConfigDict(json_schema_extra=_any_point)
    what: ClassVar[str] = "grounds"

    @model_validator(mode="after")
    def _at_least_one(self) -> Self:
        if not any(getattr(self, f) is not None for f in type(self).model_fields
                   if f != "comment"):
            raise ValueError(f"{self.what}: name at least one point")
        return self


@described(
    "Một điểm của điều luật được viện dẫn, kèm văn bản thể hiện căn cứ",
    "One point of the article relied on, with the document that shows it",
    example={"document": {"title": "Biên bản kiểm phiếu lấy phiếu tín nhiệm",
                          "date": "2026-09-15"}},
)
class CitedPoint(Model):
    """One point of Điều 52 or 53 relied on, with the document that shows it."""

    document: Document | None = Field(
        None,
        description=d(
            "Văn bản thể hiện căn cứ: đơn, biên bản kiểm phiếu tín nhiệm, thông báo xếp loại, "
            "kết luận, đánh giá của cơ quan có thẩm quyền",
            "The document that shows the ground: the letter, the confidence-vote tally, the "
            "rating notice, the competent body's conclusion or assessment",
        ),
    )


# ---------------------------------------------------------------- the parts
@described(
    "Thời hạn bổ nhiệm của chức vụ đang giữ: từ chức, miễn nhiệm là thôi giữ chức vụ khi "
    "chưa hết thời hạn bổ nhiệm (Luật 80/2025 Điều 5 k11, k12)",
    "The term of the post held: resigning and dismissal end it before the term is over "
    "(Law 80/2025 Art. 5 cl. 11, 12)",
    example={"effective_date": "2024-03-01", "expires": "2029-02-28"},
)
class HeldTerm(Term):
    """The term of the post the person leaves, with its first and last day."""

    effective_date: dt.date = Field(
        description=d(
            "Ngày quyết định bổ nhiệm có hiệu lực (bắt đầu thời hạn)",
            "Date the appointment took effect (the term's first day)",
        )
    )
    expires: dt.date = Field(
        description=d(
            "Ngày cuối cùng của thời hạn bổ nhiệm (hết nhiệm kỳ)",
            "Last day of the appointment term",
        )
    )


@described(
    "Kết quả kỳ lấy phiếu tín nhiệm gần nhất (căn cứ từ chức: trên 50% phiếu tín nhiệm thấp; "
    "căn cứ miễn nhiệm: trên 2/3)",
    "The result of the latest confidence vote (a ground to resign: over half low-confidence "
    "ballots; to dismiss: over two thirds)",
    example={"date": "2026-09-15", "low": 12, "total": 20},
)
class ConfidenceVote(Model):
    date: dt.date = Field(description=d("Ngày lấy phiếu tín nhiệm", "Date of the vote"))
    low: Count = Field(description=d("Số phiếu tín nhiệm thấp", "Low-confidence ballots"))
    total: Ballots = Field(
        description=d(
            "Tổng số phiếu theo biên bản kiểm phiếu (mẫu số của tỷ lệ)",
            "Total ballots in the tally (the denominator of the share)",
        )
    )
    tally: Document | None = Field(None, description=d("Biên bản kiểm phiếu", "The tally"))


@described(
    "Việc cơ quan, bộ phận tham mưu về tổ chức cán bộ hoặc người đứng đầu trao đổi với công "
    "chức trước khi đề xuất (NĐ 170/2025 Điều 52 k3 b, Điều 53 k2 a; sửa đổi: Điều 52 k5 a, "
    "Điều 53 k2 a)",
    "The talk the personnel office or the head holds with the civil servant before the "
    "proposal (Decree 170/2025 Art. 52 cl. 3 b, Art. 53 cl. 2 a; as amended: Art. 52 cl. 5 "
    "a, Art. 53 cl. 2 a)",
    example={"date": "2026-10-09", "by": "Phó Giám đốc Sở"},
)
class Exchange(Model):
    date: dt.date = Field(description=d("Ngày trao đổi với công chức", "Date of the talk"))
    by: Name | None = Field(None, description=d("Người trao đổi", "Who held the talk"))
    record: Document | None = Field(None, description=d("Biên bản", "Record of the talk"))


@described(
    "Ai đề xuất cấp có thẩm quyền",
    "Who proposed to the competent body",
    values={
        "personnel_unit": ("cơ quan, bộ phận tham mưu về tổ chức cán bộ",
                           "the body or unit that advises on organisation and personnel"),
        "head_of_using_body": ("người đứng đầu cơ quan sử dụng công chức, nơi công chức công "
                               "tác",
                               "the head of the body employing the civil servant, where he "
                               "works"),
        "other": ("người khác", "someone else"),
    },
)
class Proposer(StrEnum):
    """Ai trao đổi với công chức và đề xuất: cơ quan, bộ phận tham mưu về tổ chức cán bộ;
    người đứng đầu cơ quan sử dụng công chức; người khác. Which of them the law allows is
    each regime's rule (a rule pack's); a procedure whose shape never allowed `other`
    narrows the field (DismissalProposal)."""

    PERSONNEL_UNIT = "personnel_unit"
    HEAD_OF_USING_BODY = "head_of_using_body"
    OTHER = "other"


def proposers(*allowed: Proposer, description: str) -> Any:
    """A `by` field that accepts only some proposers, each value described as the shared
    enum describes it."""
    text = SCHEMA_TEXT[Proposer.__name__].values or {}
    return Field(description=description, json_schema_extra={
        "enumDescriptions": [text[str(p)] for p in allowed]})


@described(
    "Văn bản đề xuất (tờ trình, báo cáo) cấp có thẩm quyền xem xét, quyết định, trong 10 "
    "ngày làm việc",
    "The written proposal (submission, report) that the competent body consider and "
    "decide, within 10 working days",
    example={"by": "personnel_unit",
             "document": {"number": "112/TTr-VP", "date": "2026-10-14"},
             "received_on": "2026-10-15"},
)
class RemovalProposal(Model):
    by: Proposer = Field(
        description=d(
            "Ai đề xuất (báo cáo): personnel_unit (cơ quan, bộ phận tham mưu về tổ chức cán "
            "bộ), head_of_using_body (người đứng đầu cơ quan, đơn vị nơi công chức công tác), "
            "other",
            "Who proposed (reported): personnel_unit (the personnel office), "
            "head_of_using_body (the head of the body where the civil servant works), other",
        )
    )
    document: NumberedDocument = Field(
        description=d("Văn bản đề xuất (tờ trình, báo cáo)", "The proposal (submission, report)")
    )
    received_on: dt.date = Field(
        description=d(
            "Ngày cấp có thẩm quyền nhận được văn bản đề xuất",
            "Date the competent body received the proposal",
        )
    )


@described(
    "Hồ sơ xem xét cho thôi giữ chức vụ, từ chức, miễn nhiệm (NĐ 170/2025 Điều 54, sửa đổi "
    "bởi NĐ 300/2026 Điều 24)",
    "The dossier of a relief, resignation or dismissal (Decree 170/2025 Art. 54, as amended "
    "by Decree 300/2026 Art. 24)",
    example={"submission": {"number": "112/TTr-VP", "date": "2026-10-14"}},
)
class RemovalDossier(Model):
    submission: Document | None = Field(
        None,
        description=d(
            "Tờ trình của cơ quan, bộ phận tham mưu về tổ chức cán bộ",
            "The personnel office's submission",
        ),
    )
    related: list[Document] = Field(
        default_factory=list,
        description=d(
            "Các văn bản, tài liệu khác có liên quan: quyết định, kết luận, thông báo, ý kiến "
            "của cơ quan có thẩm quyền",
            "Other related documents: decisions, conclusions, notices, the competent body's "
            "opinions",
        ),
    )
    minutes: Document | None = Field(None, description=d("Biên bản hội nghị", "Minutes"))
    tally_minutes: Document | None = Field(
        None, description=d("Biên bản kiểm phiếu", "The ballot tally")
    )


@described(
    "Một bước của quy trình của Đảng: ngày thực hiện và văn bản (nếu có)",
    "One step of the Party's procedure: its date and its document (if any)",
    example={"date": "2026-10-01"},
)
class PartyStep(Model):
    date: dt.date = Field(description=d("Ngày", "Date"))
    document: Document | None = Field(None, description=d("Văn bản", "Document"))


@described(
    "Các bước đối với cán bộ thuộc diện Bộ Chính trị, Ban Bí thư quản lý khi thôi giữ chức "
    "vụ, từ chức hoặc miễn nhiệm (HD 45-HD/BTCTW mục IV.2), theo thứ tự",
    "The steps for a cadre the Politburo or Secretariat manages who is relieved, resigns "
    "or is dismissed (Guidance 45-HD/BTCTW section IV.2), in order",
    example={
        "btctw_exchange": {"date": "2026-10-16"},
        "head_exchange": {"date": "2026-10-19"},
        "collective_opinion": {
            "date": "2026-10-21",
            "document": {"title": "Biên bản họp Ban Thường vụ Đảng ủy Bộ Y",
                         "date": "2026-10-21"},
        },
        "report": {
            "date": "2026-10-23",
            "document": {"number": "55-BC/ĐU", "date": "2026-10-23",
                         "title": "Báo cáo đề nghị miễn nhiệm Vụ trưởng Vụ X"},
        },
        "written_opinions": {
            "date": "2026-10-30",
            "document": {"title": "Ý kiến của Ủy ban Kiểm tra Trung ương",
                         "date": "2026-10-30"},
        },
    },
)
class PartySteps(Model):
    """Các bước đối với cán bộ thuộc diện Bộ Chính trị, Ban Bí thư quản lý (HD 45 mục
    IV.2: "thôi giữ chức vụ, từ chức hoặc miễn nhiệm" alike)."""

    btctw_exchange: PartyStep | None = Field(
        None,
        description=d(
            "Ban Tổ chức Trung ương trao đổi với người đứng đầu về chủ trương",
            "The Central Organisation Commission talks with the head about the policy",
        ),
    )
    head_exchange: PartyStep | None = Field(
        None,
        description=d("Người đứng đầu trao đổi với cán bộ", "The head talks with the cadre"),
    )
    collective_opinion: PartyStep | None = Field(
        None,
        description=d(
            "Tập thể ban thường vụ hoặc lãnh đạo nơi cán bộ công tác cho ý kiến",
            "The standing committee or leadership where the cadre works gives its opinion",
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


# ---------------------------------------------------------------- the family
class RemovalFamily(CaseBase):
    """What dismissal, resignation and relief share; not a shape of its own. Each shape
    narrows a field where its article does (the dismissed person's record, the
    dismissal's proposer, the resignation's dossier) and adds its own parts."""

    subject_field: ClassVar[str] = "person"

    person: Person = Field(
        description=d("Công chức lãnh đạo, quản lý thôi giữ chức vụ",
                      "The leading civil servant who leaves the post"))
    term: HeldTerm = Field(
        description=d("Thời hạn bổ nhiệm của chức vụ đang giữ", "The term of the post held")
    )
    confidence_vote: ConfidenceVote | None = Field(
        None, description=d("Kỳ lấy phiếu tín nhiệm gần nhất", "The latest confidence vote")
    )
    exchange_with_person: Exchange | None = Field(
        None, description=d("Trao đổi với công chức", "The talk with the civil servant")
    )
    proposal: RemovalProposal | None = Field(
        None, description=d("Văn bản đề xuất cấp có thẩm quyền",
                            "The proposal to the competent body"))
    extension_reason: Document | None = Field(
        None,
        description=d(
            "Văn bản nêu lý do khách quan để kéo dài thời gian xem xét, quyết định",
            "The document giving the objective reason to take longer to decide",
        ),
    )
    dossier: RemovalDossier | None = Field(None, description=d("Hồ sơ", "The dossier"))
    party_steps: PartySteps | None = Field(
        None,
        description=d(
            "Các bước của Đảng (cán bộ thuộc diện Bộ Chính trị, Ban Bí thư quản lý)",
            "The Party's steps (cadres the Politburo or Secretariat manages)",
        ),
    )

    def talk_and_proposal(self) -> list[tuple[dt.date, str]]:
        """The dates of the talk with the civil servant and of the written proposal: acts
        of every removal before its decision."""
        out: list[tuple[dt.date, str]] = []
        if self.exchange_with_person is not None:
            out.append((self.exchange_with_person.date, "/exchange_with_person/date"))
        if self.proposal is not None and self.proposal.document.date is not None:
            out.append((self.proposal.document.date, "/proposal/document/date"))
        return out

    def party_step_dates(self) -> list[tuple[dt.date, str]]:
        """The dates of the Party steps the case records."""
        if self.party_steps is None:
            return []
        return [(step.date, f"/party_steps/{name}/date")
                for name in PartySteps.model_fields
                if isinstance(step := getattr(self.party_steps, name), PartyStep)]
