"""The case shape of a dismissal (miễn nhiệm) of a leading civil servant: Luật 80/2025
Điều 5 k12, Điều 31 k3; NĐ 170/2025 Điều 53-55, as first issued and as amended by NĐ
300/2026 Điều 21, 23-25; for posts the Politburo or Secretariat manages, HD 45-HD/BTCTW
mục IV.2.

The parts every case shares (unit, post, person, decision, documents, discipline and
ratings, waivers) are those of checker.model.common; those every removal shares (the term
held, the confidence vote, the talk, the proposal, the dossier, the Party steps) those of
checker.model.removal. This module adds what a dismissal needs and nothing else: its
grounds (Điều 53 k1), the person's record as its points read it, the vote of the
collective and its route, and what follows the decision. Field names are English
snake_case, descriptions "Vietnamese / English"."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import ConfigDict, Field, model_validator

from checker.model.common import (
    AnnualRating,
    Count,
    Discipline,
    Document,
    Model,
    Name,
    Person,
    Procedure,
    d,
    described,
)
from checker.model.removal import (
    CitedPoint,
    Proposer,
    RemovalFamily,
    RemovalProposal,
    proposers,
)

Members = Annotated[int, Field(ge=1, le=1000)]
# Grounds has a field named d (the decree's point d), which hides d() in its body.
_d = d


@described(
    "Quyết định miễn nhiệm được đưa ra như thế nào (NĐ 170/2025 Điều 53 k2 b)",
    "How the dismissal was decided (Decree 170/2025 Art. 53 cl. 2 b)",
    values={
        "collective": ("theo kết quả biểu quyết của tập thể lãnh đạo và thường vụ cấp ủy "
                       "cùng cấp (trên 50% đồng ý)",
                       "on the vote of the leadership and the party standing committee "
                       "(over 50% agreeing)"),
        "head": ("người đứng đầu quyết định theo thẩm quyền (khi biểu quyết đạt 50% trở "
                 "xuống)",
                 "the head decided within his authority (when the vote reached 50% or "
                 "less)"),
        "higher_body": ("cấp có thẩm quyền cấp trên quyết định theo tờ trình (khi biểu quyết "
                        "đạt 50% trở xuống)",
                        "the higher competent body decided on a submission (when the vote "
                        "reached 50% or less)"),
    },
)
class DecidedBy(StrEnum):
    """Quyết định miễn nhiệm được đưa ra như: kết quả biểu quyết của tập thể; quyết định
    của người đứng đầu theo thẩm quyền; quyết định của cấp có thẩm quyền cấp trên."""

    COLLECTIVE = "collective"
    HEAD = "head"
    HIGHER_BODY = "higher_body"


@described(
    "Một điểm của Điều 53 khoản 1 được viện dẫn, kèm văn bản làm căn cứ",
    "One point of Article 53 clause 1 relied on, with the document that founds it",
)
class DismissalGround(CitedPoint):
    """One point of Điều 53 khoản 1 relied on, with the document that founds it (whose
    date starts the 10 working days of Điều 53 k2 a) and, for the points that need them,
    the competent body's assessment and the rule applied."""

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


@described(
    "Căn cứ miễn nhiệm: mỗi khóa là một điểm của Điều 53 khoản 1 (a, b, c, d, đ, e, g; sau "
    "01/08/2026 thêm h, i, k, l); nội dung của mỗi điểm khác nhau giữa bản gốc NĐ 170/2025 "
    "và bản sửa đổi bởi NĐ 300/2026 Điều 23",
    "Grounds: each key is a point of Article 53 clause 1 (a, b, c, d, đ, e, g; from "
    "2026-08-01 also h, i, k, l); what each point says differs between Decree 170/2025 as "
    "first issued and as amended by Decree 300/2026 Art. 23",
)
class Grounds(Model):
    """Các điểm của Điều 53 khoản 1 được viện dẫn (điểm a-g theo bản gốc NĐ 170; a-l sau
    khi sửa đổi bởi NĐ 300). Nội dung của mỗi điểm khác nhau giữa hai văn bản."""

    model_config = ConfigDict(json_schema_extra={"minProperties": 1})
    a: DismissalGround | None = Field(
        None,
        description=_d(
            "Điểm a. Bản gốc: bị kỷ luật khiển trách, cảnh cáo. Từ 01/08/2026: bị kỷ luật "
            "cảnh cáo và bị cấp có thẩm quyền đánh giá năng lực hạn chế, uy tín giảm sút, "
            "không thể tiếp tục đảm nhiệm chức vụ được giao (ghi assessment)",
            "Point a. As first issued: a reprimand or a warning. From 2026-08-01: a warning, "
            "and the competent body's assessment of limited capacity and lost standing, "
            "unable to go on in the post (give assessment)",
        ),
    )
    b: DismissalGround | None = Field(
        None,
        description=_d(
            "Điểm b. Bản gốc: có trên 2/3 số phiếu tín nhiệm thấp. Từ 01/08/2026: bị kỷ luật "
            "khiển trách liên quan đến chức trách, nhiệm vụ được giao 2 lần trở lên trong "
            "một thời hạn bổ nhiệm",
            "Point b. As first issued: over two thirds low-confidence ballots. From "
            "2026-08-01: two or more reprimands concerning the duties of the post in one "
            "term",
        ),
    )
    c: DismissalGround | None = Field(
        None,
        description=_d(
            "Điểm c. Bản gốc: xếp loại chất lượng ở mức không hoàn thành nhiệm vụ. Từ "
            "01/08/2026: có trên 2/3 số phiếu tín nhiệm thấp",
            "Point c. As first issued: rated as not completing the tasks. From 2026-08-01: "
            "over two thirds low-confidence ballots",
        ),
    )
    d: DismissalGround | None = Field(
        None,
        description=_d(
            "Điểm d. Bản gốc: bị cơ quan có thẩm quyền kết luận suy thoái về tư tưởng chính "
            "trị, đạo đức, lối sống, “tự diễn biến”, “tự chuyển hóa”, vi phạm những điều đảng "
            "viên không được làm, vi phạm trách nhiệm nêu gương. Từ 01/08/2026: có 02 năm "
            "liên tiếp bị xếp loại không hoàn thành nhiệm vụ liên quan đến thực hiện chức "
            "trách, nhiệm vụ được giao",
            "Point d. As first issued: a competent body's conclusion of political, ethical "
            "or moral degradation, of a breach of what Party members may not do or of the "
            "duty to set an example. From 2026-08-01: two consecutive years rated as not "
            "completing the tasks of the post",
        ),
    )
    dd: DismissalGround | None = Field(
        None,
        alias="đ",
        description=_d(
            "Điểm đ. Bản gốc: bị cơ quan có thẩm quyền kết luận vi phạm tiêu chuẩn chính trị "
            "theo quy định về bảo vệ chính trị nội bộ của Đảng đến mức phải miễn nhiệm. Từ "
            "01/08/2026: bị cơ quan có thẩm quyền kết luận suy thoái về tư tưởng chính trị, "
            "đạo đức, lối sống, “tự diễn biến”, “tự chuyển hóa”, vi phạm những điều đảng viên "
            "không được làm, vi phạm trách nhiệm nêu gương, gây bức xúc trong dư luận",
            "Point đ. As first issued: a competent body's conclusion of a breach of the "
            "political standards of the Party's internal political protection that "
            "requires dismissal. From 2026-08-01: a competent body's conclusion of "
            "political, ethical or moral degradation, of a breach of what Party members may "
            "not do or of the duty to set an example, causing public outrage",
        ),
    )
    e: DismissalGround | None = Field(
        None,
        description=_d(
            "Điểm e. Bản gốc: là người đứng đầu để cơ quan, tổ chức, đơn vị thuộc quyền quản "
            "lý, phụ trách hoặc cấp dưới trực tiếp xảy ra tham nhũng, tiêu cực rất nghiêm "
            "trọng. Từ 01/08/2026: bị cơ quan có thẩm quyền kết luận vi phạm tiêu chuẩn "
            "chính trị theo quy định về bảo vệ chính trị nội bộ Đảng đến mức phải miễn nhiệm",
            "Point e. As first issued: the head, when very serious corruption or wrongdoing "
            "occurred in a body in his charge or directly below. From 2026-08-01: a "
            "competent body's conclusion of a breach of the political standards of the "
            "Party's internal political protection that requires dismissal",
        ),
    )
    g: DismissalGround | None = Field(
        None,
        description=_d(
            "Điểm g. Bản gốc: các trường hợp khác theo quy định của pháp luật (ghi rule). Từ "
            "01/08/2026: là người đứng đầu để cơ quan, tổ chức, đơn vị thuộc quyền quản lý, "
            "phụ trách trực tiếp hoặc cấp dưới trực tiếp xảy ra tham nhũng, lãng phí, tiêu "
            "cực gây hậu quả rất nghiêm trọng theo kết luận của cơ quan có thẩm quyền nhưng "
            "chưa đến mức phải xem xét, xử lý kỷ luật",
            "Point g. As first issued: other cases provided by law (give rule). From "
            "2026-08-01: the head, when corruption, waste or wrongdoing with very serious "
            "consequences occurred in a body in his direct charge or directly below, as a "
            "competent body concluded, short of disciplinary action",
        ),
    )
    h: DismissalGround | None = Field(
        None,
        description=_d(
            "Điểm h, từ 01/08/2026: là người đứng đầu để cơ quan, tổ chức, đơn vị thuộc "
            "quyền quản lý, phụ trách trực tiếp xảy ra mâu thuẫn, mất đoàn kết nghiêm trọng "
            "theo kết luận của cơ quan có thẩm quyền",
            "Point h, from 2026-08-01: the head, when serious conflict or disunity arose in "
            "a body in his direct charge, as a competent body concluded",
        ),
    )
    i: DismissalGround | None = Field(
        None,
        description=_d(
            "Điểm i, từ 01/08/2026: theo kiến nghị của cơ quan có thẩm quyền",
            "Point i, from 2026-08-01: on the recommendation of a competent body",
        ),
    )
    k: DismissalGround | None = Field(
        None,
        description=_d(
            "Điểm k, từ 01/08/2026: thuộc một trong các trường hợp quy định tại khoản 1 Điều "
            "52 nhưng không tự nguyện từ chức",
            "Point k, from 2026-08-01: in one of the cases of Article 52 clause 1 but not "
            "resigning of one's own will",
        ),
    )
    l: DismissalGround | None = Field(  # noqa: E741 (the decree's own letter)
        None,
        description=_d(
            "Điểm l, từ 01/08/2026: các trường hợp khác theo quy định của Đảng hoặc quy định "
            "của pháp luật (ghi rule)",
            "Point l, from 2026-08-01: other cases provided by the Party's rules or by law "
            "(give rule)",
        ),
    )

    @model_validator(mode="after")
    def _at_least_one(self) -> Grounds:
        # As the schema's minProperties: any key counts, a `$comment` too (the removal
        # family's Points, written later, ask for a point and say so in an anyOf).
        if not any(getattr(self, f) is not None for f in type(self).model_fields):
            raise ValueError("grounds: name at least one point")
        return self


@described(
    "Quyết định kỷ luật, có ghi kỷ luật có liên quan đến chức trách, nhiệm vụ được giao hay "
    "không",
    "A disciplinary decision, saying whether it concerns the duties of the post",
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


@described(
    "Xếp loại chất lượng một năm, có ghi việc không hoàn thành nhiệm vụ có liên quan đến "
    "chức trách, nhiệm vụ được giao hay không",
    "The quality rating of one year, saying whether a failed rating concerns the duties of "
    "the post",
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


@described(
    "Công chức lãnh đạo, quản lý bị miễn nhiệm; kỷ luật và xếp loại có ghi việc liên quan "
    "đến chức trách, nhiệm vụ được giao (NĐ 300/2026 Điều 23: điểm b, d)",
    "The leading civil servant dismissed; discipline and ratings say whether they concern "
    "the duties of the post (Decree 300/2026 Art. 23: points b, d)",
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


@described(
    "Văn bản đề xuất cấp có thẩm quyền xem xét, quyết định việc miễn nhiệm, trong 10 ngày "
    "làm việc kể từ khi có đủ căn cứ (NĐ 170/2025 Điều 53 k2 a); chỉ cơ quan, bộ phận tham "
    "mưu về tổ chức cán bộ hoặc người đứng đầu cơ quan sử dụng công chức",
    "The written proposal that the competent body consider and decide the dismissal, within "
    "10 working days of the grounds (Decree 170/2025 Art. 53 cl. 2 a); only the personnel "
    "office or the head of the employing body",
)
class DismissalProposal(RemovalProposal):
    """The shared proposal, narrowed: Điều 53 k2 a names the personnel office (and, as
    amended, the head of the employing body) and nobody else, so a dismissal's shape
    never had `other`."""

    by: Literal[Proposer.PERSONNEL_UNIT, Proposer.HEAD_OF_USING_BODY] = proposers(
        Proposer.PERSONNEL_UNIT, Proposer.HEAD_OF_USING_BODY,
        description=d(
            "Người đề xuất: personnel_unit (cơ quan, bộ phận tham mưu về tổ chức cán bộ), "
            "head_of_using_body (người đứng đầu cơ quan sử dụng công chức, từ 01/08/2026)",
            "Proposed by: personnel_unit (the organisation and personnel office), "
            "head_of_using_body (the head of the body employing the civil servant, from "
            "2026-08-01)",
        ),
    )


@described(
    "Kết quả biểu quyết bằng phiếu kín của một tập thể (tập thể lãnh đạo hoặc thường vụ cấp "
    "ủy cùng cấp)",
    "The secret-ballot vote of one body (the leadership or the party standing committee)",
)
class BodyVote(Model):
    members: Members = Field(
        description=d("Tổng số thành viên của tập thể", "Members of the body")
    )
    present: Count | None = Field(None, description=d("Số thành viên dự họp", "Present"))
    agree: Count = Field(
        description=d("Số thành viên đồng ý miễn nhiệm", "Members agreeing to the dismissal")
    )


@described(
    "Những người vừa là thành viên tập thể lãnh đạo vừa là ủy viên thường vụ cấp ủy cùng "
    "cấp, và số người trong số đó đồng ý",
    "The people who sit both in the leadership and in the party standing committee, and how "
    "many of them agreed",
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


@described(
    "Hội nghị tập thể lãnh đạo và thường vụ cấp ủy cùng cấp thảo luận, xác định rõ căn cứ "
    "miễn nhiệm và biểu quyết bằng phiếu kín (NĐ 170/2025 Điều 53 k2 b)",
    "The meeting at which the leadership and the party standing committee discuss and "
    "settle the grounds and vote by secret ballot (Decree 170/2025 Art. 53 cl. 2 b)",
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


@described(
    "Vị trí công tác được bố trí sau khi miễn nhiệm",
    "The post given after the dismissal",
)
class Placement(Model):
    """Where the dismissed person works next, as the dismissal itself records it (Điều 55
    k3: professional work, no leadership). A later appointment records the same facts of
    an earlier removal as candidate.removals[].placement (NewPosition, with the fields
    title, since and leadership): the two were written apart and a case file's keys may
    not change, so they stay two models."""

    post: Name | None = Field(None, description=d("Vị trí bố trí", "Post given"))
    is_leadership: bool = Field(
        description=d("Là chức vụ lãnh đạo, quản lý", "A leadership or management post")
    )
    start_date: dt.date | None = Field(None, description=d("Từ ngày", "From"))


@described(
    "Sau khi miễn nhiệm: phụ cấp chức vụ, bố trí công tác, cho thôi việc (NĐ 170/2025 Điều "
    "53 k3, Điều 55)",
    "After the dismissal: the leadership allowance, the placement, leaving the service "
    "(Decree 170/2025 Art. 53 cl. 3, Art. 55)",
)
class After(Model):
    """What follows a dismissal: the allowance ends on the decision (Điều 55 k3), the
    person is placed, or leaves the service after a failed rating (Điều 53 k3 as first
    issued). Not the resignation's (ResignationAfter), whose allowance is kept for a time
    (Điều 55 k2 as first issued): the law differs, and so do the fields."""

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


@described(
    "Hồ sơ miễn nhiệm công chức lãnh đạo, quản lý (Luật 80/2025 Điều 5 k12; NĐ 170/2025 Điều "
    "53-55, sửa đổi bởi NĐ 300/2026 Điều 23-25)",
    "A dismissal of a leading civil servant (Law 80/2025 Art. 5 cl. 12; Decree 170/2025 Art. "
    "53-55, as amended by Decree 300/2026 Art. 23-25)",
)
class DismissalCase(RemovalFamily):
    """Hồ sơ miễn nhiệm công chức lãnh đạo, quản lý (NĐ 170/2025 Điều 53-55; Luật 80/2025
    Điều 5 k12) / A dismissal case. The term, the confidence vote, the talk, the extension
    reason, the dossier and the Party steps are the removal family's."""

    model_config = ConfigDict(title="Hồ sơ miễn nhiệm / Dismissal case")

    procedure: Literal[Procedure.DISMISSAL] = Field(
        description=d("Thủ tục: miễn nhiệm", "Procedure: dismissal")
    )
    person: DismissedPerson = Field(
        description=d("Công chức bị miễn nhiệm", "The civil servant dismissed")
    )
    grounds: Grounds = Field(
        description=d(
            "Căn cứ miễn nhiệm: các điểm của Điều 53 khoản 1 được viện dẫn",
            "The grounds: the points of Article 53 clause 1 relied on",
        )
    )
    proposal: DismissalProposal | None = Field(
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
    after: After | None = Field(
        None, description=d("Sau khi miễn nhiệm", "After the dismissal")
    )

    def acts(self) -> list[tuple[dt.date, str]]:
        """The talk with the civil servant, the proposal and the meeting: the procedure
        begins with the earliest (NĐ 300 Điều 35 k2 keeps a dismissal begun by 31/07/2026
        under NĐ 170 as first issued)."""
        out = self.talk_and_proposal()
        if self.meeting is not None:
            out.append((self.meeting.date, "/meeting/date"))
        return out
