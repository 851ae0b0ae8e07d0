"""The resignation family: từ chức (resignation) and cho thôi giữ chức vụ (relief from a
post) of a leading civil servant. Luật 80/2025 Điều 5 k11 (từ chức: voluntary, before
the term ends), Điều 31 k3; NĐ 170/2025 Điều 52, 54, 55 as first issued (từ chức only: the
decree as first issued has no article on cho thôi giữ chức vụ) and as rewritten by NĐ
300/2026 Điều 22, 24, 25 (both); for posts the Politburo or Secretariat manages, HD
45-HD/BTCTW mục IV.2.

The shared parts (unit, post, person, decision, term, documents, ratings, waivers) are
those of checker.model.common. The dismissal module (miễn nhiệm) has parts of the same
name and meaning (grounds keyed by point, confidence vote, talk, proposal, Party steps);
they are defined here for this family with the same field names, so that one rule pack
convention reads both.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Literal

from pydantic import ConfigDict, Field, model_validator

from checker.model.common import (
    CaseBase,
    Count,
    Document,
    Model,
    Name,
    NumberedDocument,
    Person,
    Procedure,
    Term,
    d,
    described,
)

Members = Annotated[int, Field(ge=1, le=100_000)]


@described(
    "Một căn cứ được viện dẫn, kèm văn bản thể hiện căn cứ",
    "One ground relied on, with the document that shows it",
    example={'document': {'title': 'Biên bản kiểm phiếu lấy phiếu tín nhiệm',
                          'date': '2026-09-15'}},
)
class ResignationGround(Model):
    """One point of the article relied on, with the document that shows it."""

    document: Document | None = Field(
        None,
        description=d(
            "Văn bản thể hiện căn cứ: đơn, biên bản kiểm phiếu tín nhiệm, thông báo xếp loại, "
            "kết luận, đánh giá của cơ quan có thẩm quyền",
            "The document that shows the ground: the letter, the confidence-vote tally, the "
            "rating notice, the competent body's conclusion or assessment",
        ),
    )


def _point(letter: str, alias: str | None = None) -> Any:
    return Field(None, alias=alias, description=d(f"Điểm {letter}", f"Point {letter}"))


def _at_least_one(model: Model, what: str) -> None:
    fields = [f for f in type(model).model_fields if f != "comment"]
    if not any(getattr(model, f) is not None for f in fields):
        raise ValueError(f"{what}: name at least one point")


@described(
    "Căn cứ từ chức: mỗi khóa là một điểm của Điều 52 (bản gốc: khoản 1 điểm a-đ; sửa đổi: khoản "
    "2 điểm a-k)",
    "Grounds of a resignation: each key is a point of Article 52 (as first issued: clause 1 "
    "points a to dd; as amended: clause 2 points a-k)",
    example={"a": {"document": {"title": "Đơn từ chức", "date": "2026-10-05"}}},
)
class ResignationGrounds(Model):
    """Các điểm của Điều 52 được viện dẫn cho việc từ chức."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": d(
                "Căn cứ từ chức: mỗi khóa là một điểm của Điều 52 (NĐ 170/2025 bản gốc: khoản "
                "1, điểm a-đ; từ 01/08/2026, sửa đổi bởi NĐ 300/2026: khoản 2, điểm a-k). Nội "
                "dung mỗi điểm khác nhau giữa hai văn bản",
                "Grounds of the resignation: each key is a point of Article 52 (Decree "
                "170/2025 as first issued: clause 1, points a-đ; from "
                "2026-08-01, as amended by Decree 300/2026: clause 2, points a-k). What each "
                "point says differs between the two texts",
            ),
            "anyOf": [{"required": [k]} for k in ("a", "b", "c", "d", "đ", "e", "g", "h",
                                                    "i", "k")],
        }
    )
    a: ResignationGround | None = _point("a")
    b: ResignationGround | None = _point("b")
    c: ResignationGround | None = _point("c")
    d: ResignationGround | None = _point("d")
    dd: ResignationGround | None = _point("đ", alias="đ")
    e: ResignationGround | None = _point("e")
    g: ResignationGround | None = _point("g")
    h: ResignationGround | None = _point("h")
    i: ResignationGround | None = _point("i")
    k: ResignationGround | None = _point("k")

    @model_validator(mode="after")
    def _one(self) -> ResignationGrounds:
        _at_least_one(self, "grounds")
        return self


@described(
    "Căn cứ của Điều 52 khoản 2 khi công chức không có đơn từ chức (khoản 3)",
    "Grounds of Article 52 clause 2 where the civil servant did not resign (clause 3)",
    example={'b': {'document': {'title': 'Biên bản kiểm phiếu lấy phiếu tín nhiệm',
                                'date': '2026-09-15'}}},
)
class WithoutLetter(Model):
    """Điều 52 k3 (sửa đổi bởi NĐ 300/2026): căn cứ của khoản 2 mà công chức không có đơn."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": d(
                "Căn cứ của Điều 52 khoản 2 (sửa đổi bởi NĐ 300/2026) mà công chức không có đơn "
                "từ chức (khoản 3): điểm b thì cho thôi giữ chức vụ; điểm d, đ, e, g, h, i thì "
                "xem xét miễn nhiệm",
                "Grounds of Article 52 clause 2 (as amended by Decree 300/2026) where the civil "
                "servant has not resigned (clause 3): point b leads to relief from the post; "
                "points d, đ, e, g, h, i to a dismissal",
            ),
            "anyOf": [{"required": [k]} for k in ("b", "d", "đ", "e", "g", "h", "i")],
        }
    )
    b: ResignationGround | None = _point("b")
    d: ResignationGround | None = _point("d")
    dd: ResignationGround | None = _point("đ", alias="đ")
    e: ResignationGround | None = _point("e")
    g: ResignationGround | None = _point("g")
    h: ResignationGround | None = _point("h")
    i: ResignationGround | None = _point("i")

    @model_validator(mode="after")
    def _one(self) -> WithoutLetter:
        _at_least_one(self, "grounds.clause_2")
        return self


@described(
    "Căn cứ cho thôi giữ chức vụ: Điều 52 khoản 1 điểm a-d, hoặc clause_2",
    "Grounds of a relief: Article 52 clause 1 points a-d, or clause_2",
    example={'clause_2': {'b': {'document': {'title': 'Biên bản kiểm phiếu lấy phiếu tín nhiệm',
                                             'date': '2026-09-15'}}}},
)
class ReliefGrounds(Model):
    """Điều 52 k1 a-d (sửa đổi bởi NĐ 300/2026), hoặc k2 qua k3."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": d(
                "Căn cứ cho thôi giữ chức vụ: điểm a-d của Điều 52 khoản 1 (sửa đổi bởi NĐ "
                "300/2026), hoặc clause_2 (căn cứ của khoản 2 khi không có đơn từ chức)",
                "Grounds of the relief: points a-d of Article 52 clause 1 (as amended by "
                "Decree 300/2026), or clause_2 (grounds of clause 2 without a resignation "
                "letter)",
            ),
            "anyOf": [{"required": [k]} for k in ("a", "b", "c", "d", "clause_2")],
        }
    )
    a: ResignationGround | None = _point("a")
    b: ResignationGround | None = _point("b")
    c: ResignationGround | None = _point("c")
    d: ResignationGround | None = _point("d")
    clause_2: WithoutLetter | None = Field(
        None, description="Căn cứ của khoản 2 khi không có đơn từ chức (khoản 3) / Grounds "
                          "of clause 2 without a resignation letter (clause 3)")

    @model_validator(mode="after")
    def _one(self) -> ReliefGrounds:
        _at_least_one(self, "grounds")
        return self


@described(
    "Căn cứ miễn nhiệm đã có (Điều 53 khoản 1, điểm a-l)",
    "Grounds for dismissal already present (Article 53 clause 1, points a-l)",
    example={'c': {'document': {'title': 'Biên bản kiểm phiếu lấy phiếu tín nhiệm',
                                'date': '2026-09-15'}}},
)
class DismissalGroundsFound(Model):
    """Căn cứ miễn nhiệm đã có (Điều 53 k1 sửa đổi bởi NĐ 300/2026), vì Điều 52 k4 c."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": d(
                "Căn cứ miễn nhiệm (Điều 53 khoản 1, sửa đổi bởi NĐ 300/2026, điểm a-l) đã có "
                "đối với công chức khi xem xét từ chức, cho thôi giữ chức vụ (Điều 52 khoản 4 "
                "điểm c); bỏ trống nếu không có",
                "Grounds for dismissal (Article 53 clause 1 as amended by Decree 300/2026, "
                "points a-l) already present when the resignation or relief is considered "
                "(Article 52 clause 4 point c); leave out if there are none",
            ),
        }
    )
    a: ResignationGround | None = _point("a")
    b: ResignationGround | None = _point("b")
    c: ResignationGround | None = _point("c")
    d: ResignationGround | None = _point("d")
    dd: ResignationGround | None = _point("đ", alias="đ")
    e: ResignationGround | None = _point("e")
    g: ResignationGround | None = _point("g")
    h: ResignationGround | None = _point("h")
    i: ResignationGround | None = _point("i")
    k: ResignationGround | None = _point("k")
    l: ResignationGround | None = _point("l")  # noqa: E741 (the decree's own letter)


@described(
    "Thời hạn bổ nhiệm của chức vụ đang giữ",
    "The term of the post held",
    example={"effective_date": "2024-03-01", "expires": "2029-02-28"},
)
class HeldTerm(Term):
    """The term of the post the person leaves."""

    effective_date: dt.date = Field(
        description=d("Ngày quyết định bổ nhiệm có hiệu lực", "Date the appointment took effect")
    )
    expires: dt.date = Field(
        description=d(
            "Ngày hết thời hạn bổ nhiệm (hết nhiệm kỳ)", "Date the term of office expires"
        )
    )


@described(
    "Kết quả lấy phiếu tín nhiệm",
    "The result of a confidence vote",
    example={"date": "2026-09-15", "low": 12, "total": 20},
)
class LowConfidenceVote(Model):
    date: dt.date = Field(description=d("Ngày lấy phiếu tín nhiệm", "Date of the vote"))
    low: Count = Field(description=d("Số phiếu tín nhiệm thấp", "Low-confidence ballots"))
    total: Members = Field(
        description=d(
            "Tổng số phiếu theo biên bản kiểm phiếu (mẫu số của tỷ lệ)",
            "Total ballots in the tally (the denominator of the share)",
        )
    )
    tally: Document | None = Field(None, description=d("Biên bản kiểm phiếu", "The tally"))


@described(
    "Đơn từ chức: ngày ghi trên đơn, ngày nhận",
    "The resignation letter: its date, the day it was received",
    example={"date": "2026-10-05", "received_on": "2026-10-06"},
)
class ResignationLetter(Model):
    date: dt.date = Field(description=d("Ngày ghi trên đơn từ chức", "Date of the letter"))
    received_on: dt.date = Field(
        description=d(
            "Ngày cơ quan nhận được đơn từ chức (ngày bắt đầu tính 10 ngày làm việc)",
            "Date the letter was received (the 10 working days run from it)",
        )
    )
    document: Document | None = Field(None, description=d("Đơn từ chức", "The letter"))


@described(
    "Nhiệm vụ quốc phòng, an ninh, trọng yếu, cơ mật đang đảm nhận và đánh giá ảnh hưởng",
    "A defence, security, key or secret task held, and the impact assessment",
    example={'assigned': True,
             'serious_impact': False,
             'assessment': {'title': 'Văn bản đánh giá ảnh hưởng', 'date': '2026-10-01'}},
)
class CriticalTask(Model):
    """Điều 52 k2 a (bản gốc), k4 a (sửa đổi): nhiệm vụ quốc phòng, an ninh, trọng yếu, cơ mật."""

    assigned: bool = Field(
        description=d(
            "Công chức đang đảm nhận nhiệm vụ quốc phòng, an ninh quốc gia, nhiệm vụ trọng "
            "yếu, cơ mật (bản gốc: cả phòng chống thiên tai, dịch bệnh)",
            "The civil servant holds a national defence or security task, or a key or "
            "secret task (as first issued: also disaster or epidemic prevention)",
        )
    )
    document: Document | None = Field(
        None, description=d("Văn bản giao nhiệm vụ", "The document assigning the task")
    )
    serious_impact: bool | None = Field(
        None,
        description=d(
            "Kết luận của cấp có thẩm quyền: từ chức (thôi giữ chức vụ) ngay sẽ ảnh hưởng "
            "nghiêm trọng; bỏ trống nếu chưa đánh giá",
            "The competent body's finding that leaving the post now would have a serious "
            "impact; leave out if not assessed",
        ),
    )
    assessment: Document | None = Field(
        None, description=d("Văn bản đánh giá ảnh hưởng", "The impact assessment")
    )


@described(
    "Loại đợt thanh tra, kiểm tra, tố tụng",
    "Kind of inspection, check or proceedings",
    values={
        'inspection': ('thanh tra của cơ quan thanh tra nhà nước', 'an inspection'),
        'state_check': ('kiểm tra của cơ quan nhà nước', 'a state check'),
        'party_check': ('kiểm tra của tổ chức đảng', 'a Party check'),
        'audit': ('kiểm toán', 'audit'),
        'investigation': ('điều tra', 'investigation'),
        'charge': ('khởi tố', 'criminal charge'),
        'prosecution': ('truy tố', 'prosecution'),
        'trial': ('xét xử', 'trial'),
    },
)
class ScrutinyKind(StrEnum):
    """Loại: thanh tra; kiểm tra (của cơ quan nhà nước); kiểm tra của tổ chức đảng; kiểm
    toán; điều tra; khởi tố; truy tố; xét xử."""

    INSPECTION = "inspection"
    STATE_CHECK = "state_check"
    PARTY_CHECK = "party_check"
    AUDIT = "audit"
    INVESTIGATION = "investigation"
    CHARGE = "charge"
    PROSECUTION = "prosecution"
    TRIAL = "trial"


@described(
    "Đối tượng của đợt thanh tra, kiểm tra",
    "Whom the inspection or check concerns",
    values={
        'person': ('chính công chức', 'the civil servant'),
        'unit': ('chỉ cơ quan, đơn vị do công chức phụ trách',
                 'only the body the civil servant heads'),
    },
)
class ScrutinyOf(StrEnum):
    PERSON = "person"
    UNIT = "unit"


@described(
    "Một đợt thanh tra, kiểm tra, kiểm toán, điều tra, khởi tố, truy tố, xét xử",
    "A period of inspection, check, audit, investigation, charge, prosecution or trial",
    example={"kind": "inspection", "of": "person", "start": "2026-10-01", "end": "2026-11-30"},
)
class Scrutiny(Model):
    """A period of inspection, audit or criminal proceedings (Điều 52 k2 b; k4 b amended)."""

    kind: ScrutinyKind = Field(
        description=d(
            "Loại: inspection (thanh tra), state_check (kiểm tra của cơ quan nhà nước), "
            "party_check (kiểm tra của tổ chức đảng), audit (kiểm toán), investigation (điều "
            "tra), charge (khởi tố), prosecution (truy tố), trial (xét xử)",
            "Kind: inspection, state_check, party_check, audit, investigation, charge, "
            "prosecution, trial",
        )
    )
    of: ScrutinyOf = Field(
        description=d(
            "Đối tượng: person (chính công chức) hay unit (chỉ cơ quan, đơn vị do công chức "
            "phụ trách)",
            "Subject: person (the civil servant) or unit (only the body the civil servant "
            "heads)",
        )
    )
    start: dt.date = Field(description=d("Ngày bắt đầu", "First day"))
    end: dt.date | None = Field(
        None, description=d("Ngày kết thúc; bỏ trống nếu chưa kết thúc", "Last day; "
                            "leave out while it goes on")
    )
    document: Document | None = Field(
        None, description=d("Quyết định, văn bản", "The decision or document")
    )


@described(
    "Ai đề xuất cấp có thẩm quyền",
    "Who proposed to the competent body",
    values={
        'personnel_unit': ('cơ quan, bộ phận tham mưu về tổ chức cán bộ', 'the personnel office'),
        'head_of_using_body': ('người đứng đầu cơ quan, đơn vị nơi công chức công tác',
                               'the head of the body where the civil servant works'),
        'other': ('người khác', 'someone else'),
    },
)
class ResignationProposer(StrEnum):
    """Ai trao đổi với công chức và đề xuất: cơ quan, bộ phận tham mưu về tổ chức cán bộ;
    người đứng đầu cơ quan, đơn vị nơi công chức công tác (cơ quan sử dụng công chức)."""

    PERSONNEL_UNIT = "personnel_unit"
    HEAD_OF_USING_BODY = "head_of_using_body"
    OTHER = "other"


@described(
    "Buổi trao đổi với công chức",
    "The talk with the civil servant",
    example={"date": "2026-10-09", "by": "Phó Giám đốc Sở"},
)
class ResignationTalk(Model):
    date: dt.date = Field(description=d("Ngày trao đổi với công chức", "Date of the talk"))
    by: Name | None = Field(None, description=d("Người trao đổi", "Who held the talk"))
    record: Document | None = Field(None, description=d("Biên bản", "Record of the talk"))


@described(
    "Văn bản đề xuất (báo cáo) cấp có thẩm quyền",
    "The proposal (report) to the competent body",
    example={'by': 'personnel_unit',
             'document': {'number': '112/TTr-VP', 'date': '2026-10-14'},
             'received_on': '2026-10-15'},
)
class ResignationProposal(Model):
    by: ResignationProposer = Field(
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
    "Hồ sơ xem xét cho từ chức, cho thôi giữ chức vụ",
    "The dossier of the resignation or relief",
    example={'letter': {'title': 'Đơn từ chức', 'date': '2026-10-05'},
             'submission': {'number': '112/TTr-VP', 'date': '2026-10-14'}},
)
class ResignationDossier(Model):
    letter: Document | None = Field(None, description=d("Đơn từ chức", "The letter"))
    submission: Document | None = Field(
        None,
        description=d(
            "Tờ trình của cơ quan, bộ phận tham mưu về tổ chức cán bộ",
            "The personnel office's submission",
        ),
    )
    related: list[Document] = Field(
        default_factory=list,
        description=d("Các tài liệu khác có liên quan", "Other related documents"),
    )
    minutes: Document | None = Field(None, description=d("Biên bản hội nghị", "Minutes"))
    tally_minutes: Document | None = Field(
        None, description=d("Biên bản kiểm phiếu", "Minutes of the count")
    )


@described(
    "Sau khi từ chức: phụ cấp chức vụ được bảo lưu",
    "After resigning: the allowance kept",
    example={"allowance_kept_until": "2026-05-20"},
)
class ResignationAfter(Model):
    allowance_kept_until: dt.date | None = Field(
        None,
        description=d(
            "Ngày cuối cùng được bảo lưu phụ cấp chức vụ lãnh đạo (NĐ 170/2025 bản gốc Điều 55 "
            "k2)",
            "Last day the leadership allowance is kept (Decree 170/2025 as first issued, "
            "Art. 55 cl. 2)",
        ),
    )


@described(
    "Một bước của quy trình của Đảng",
    "One step of the Party procedure",
    example={"date": "2026-10-01"},
)
class ResignationPartyStep(Model):
    date: dt.date = Field(description=d("Ngày", "Date"))
    document: Document | None = Field(None, description=d("Văn bản", "Document"))


@described(
    "Các bước của Hướng dẫn 45-HD/BTCTW mục IV.2 (cán bộ diện Trung ương quản lý)",
    "The steps of Guidance 45-HD/BTCTW section IV.2 (cadres managed by the Centre)",
    example={"btctw_exchange": {"date": "2026-10-01"}, "head_exchange": {"date": "2026-10-02"}},
)
class ResignationPartySteps(Model):
    """HD 45-HD/BTCTW mục IV.2: các bước với cán bộ diện Bộ Chính trị, Ban Bí thư quản lý
    (the same steps and names as the dismissal's)."""

    btctw_exchange: ResignationPartyStep | None = Field(
        None, description=d("Ban Tổ chức Trung ương trao đổi với người đứng đầu",
                            "The Central Organisation Commission's talk with the head"))
    head_exchange: ResignationPartyStep | None = Field(
        None, description=d("Người đứng đầu trao đổi với cán bộ", "The head's talk with the cadre"))
    collective_opinion: ResignationPartyStep | None = Field(
        None, description=d("Tập thể ban thường vụ, lãnh đạo nơi cán bộ công tác cho ý kiến",
                            "The standing committee's or leadership's opinion"))
    report: ResignationPartyStep | None = Field(
        None, description=d("Văn bản báo cáo Bộ Chính trị, Ban Bí thư",
                            "The written report to the Politburo or Secretariat"))
    written_opinions: ResignationPartyStep | None = Field(
        None, description=d("Ý kiến bằng văn bản của Ủy ban Kiểm tra Trung ương, Ban Nội chính "
                            "Trung ương", "The Central Inspection and Internal Affairs "
                            "Commissions' written opinions"))


class ResignationFamily(CaseBase):
    """What từ chức and cho thôi giữ chức vụ share; not a shape of its own."""

    subject_field: ClassVar[str] = "person"

    person: Person = Field(
        description=d("Công chức từ chức hoặc được cho thôi giữ chức vụ",
                      "The civil servant who resigns or is relieved of the post"))
    term: HeldTerm = Field(
        description=d("Thời hạn bổ nhiệm của chức vụ đang giữ", "The term of the post held")
    )
    resignation_letter: ResignationLetter | None = Field(
        None, description=d("Đơn từ chức (đơn tự nguyện xin thôi giữ chức vụ)",
                            "The resignation letter (the voluntary request to leave the post)")
    )
    confidence_vote: LowConfidenceVote | None = Field(
        None, description=d("Kỳ lấy phiếu tín nhiệm gần nhất", "The latest confidence vote")
    )
    critical_task: CriticalTask | None = Field(
        None, description=d("Nhiệm vụ trọng yếu đang đảm nhận (nếu có)",
                            "A critical task held (if any)"))
    scrutiny: list[Scrutiny] = Field(
        default_factory=list,
        description=d(
            "Các đợt thanh tra, kiểm tra, kiểm toán, điều tra, khởi tố, truy tố, xét xử",
            "Periods of inspection, check, audit, investigation, charge, prosecution, trial",
        ),
    )
    dismissal_grounds: DismissalGroundsFound | None = Field(
        None, description=d("Căn cứ miễn nhiệm đã có (nếu có)",
                            "Grounds for dismissal already present (if any)"))
    exchange_with_person: ResignationTalk | None = Field(
        None, description=d("Buổi trao đổi với công chức", "The talk with the civil servant")
    )
    proposal: ResignationProposal | None = Field(
        None, description=d("Văn bản đề xuất cấp có thẩm quyền",
                            "The proposal to the competent body"))
    extension_reason: Document | None = Field(
        None,
        description=d(
            "Văn bản nêu lý do khách quan để kéo dài thời gian xem xét, quyết định",
            "The document giving the objective reason to take longer to decide",
        ),
    )
    dossier: ResignationDossier | None = Field(
        None, description=d("Hồ sơ", "The dossier"))
    party_steps: ResignationPartySteps | None = Field(
        None, description=d("Các bước của Đảng (cán bộ diện Trung ương quản lý)",
                            "The Party steps (cadres managed by the Centre)"))

    def acts(self) -> list[tuple[dt.date, str]]:
        """The letter, the talk, the proposal and the Party steps."""
        dated: list[tuple[dt.date, str]] = []
        if self.resignation_letter is not None:
            dated.append((self.resignation_letter.date, "/resignation_letter/date"))
            dated.append((self.resignation_letter.received_on, "/resignation_letter/received_on"))
        if self.exchange_with_person is not None:
            dated.append((self.exchange_with_person.date, "/exchange_with_person/date"))
        if self.proposal is not None:
            if self.proposal.document.date is not None:
                dated.append((self.proposal.document.date, "/proposal/document/date"))
            dated.append((self.proposal.received_on, "/proposal/received_on"))
        if self.party_steps is not None:
            for name in ResignationPartySteps.model_fields:
                step = getattr(self.party_steps, name)
                if isinstance(step, ResignationPartyStep):
                    dated.append((step.date, f"/party_steps/{name}/date"))
        return dated


@described(
    "Hồ sơ từ chức",
    "A resignation case",
)
class ResignationCase(ResignationFamily):
    """Từ chức: công chức lãnh đạo, quản lý tự nguyện xin thôi giữ chức vụ khi chưa hết
    thời hạn bổ nhiệm (Luật 80/2025 Điều 5 k11; NĐ 170/2025 Điều 52)."""

    procedure: Literal[Procedure.RESIGNATION] = Field(
        description=d("Thủ tục: từ chức", "Procedure: resignation")
    )
    grounds: ResignationGrounds = Field(
        description=d("Căn cứ từ chức được viện dẫn", "The grounds of the resignation"))
    after: ResignationAfter | None = Field(
        None, description=d("Sau khi từ chức", "After the resignation"))


@described(
    "Hồ sơ cho thôi giữ chức vụ",
    "A relief case",
)
class ReliefCase(ResignationFamily):
    """Cho thôi giữ chức vụ: cấp có thẩm quyền cho công chức thôi giữ chức vụ (NĐ 170/2025
    Điều 52 k1, k3, k5 sửa đổi bởi NĐ 300/2026; NĐ 170 bản gốc không có điều riêng)."""

    procedure: Literal[Procedure.RELIEF] = Field(
        description=d("Thủ tục: cho thôi giữ chức vụ", "Procedure: relief from the post")
    )
    grounds: ReliefGrounds = Field(
        description=d("Căn cứ cho thôi giữ chức vụ được viện dẫn", "The grounds of the relief"))
