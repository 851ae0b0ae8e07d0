"""The case shape of a rotation (luân chuyển) of a leading civil servant: Luật 80/2025
Điều 5 k9 (a leader, to a leadership post elsewhere, for a fixed period), Điều 30 k2 (on
approved planning), Điều 38 k2 (not while a disciplinary matter or a prosecution is
pending); NĐ 170/2025 Điều 42-51 (who may be rotated, conditions, authority, the plan,
the five steps, the dossier of Điều 35, at least 36 months, evaluations). NĐ 300/2026
amends none of Điều 42-51; it rewrites Điều 35, the dossier Điều 47 points to.

`unit` and `post` (common to every case) are the receiving unit (nơi đến) and the post
held there during the rotation; `sending_unit` is where the person comes from (nơi đi).
The shared parts (person, decision, documents, waivers) are those of
checker.model.common; the planning record and the dossier are the appointment family's
(checker.model.appointment), since Điều 47 makes the appointment dossier the rotation's.
Field names are English snake_case, descriptions "Vietnamese / English".
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import ClassVar, Literal

from pydantic import ConfigDict, Field

from checker.model.appointment import Dossier, Planning, PoliticalConclusion
from checker.model.common import (
    CaseBase,
    Document,
    Model,
    Person,
    Procedure,
    Unit,
    d,
    described,
)


@described(
    "Đối tượng luân chuyển theo khoản 1 Điều 42 Nghị định 170/2025/NĐ-CP",
    "Who may be rotated, under Decree 170/2025 Art. 42 cl. 1",
    values={
        "planning": ("điểm a: công chức lãnh đạo, quản lý trong quy hoạch của cơ quan, tổ chức",
                     "point a: a leading civil servant in the body's approved planning"),
        "two_term_limit": ("điểm b: giữ chức vụ cấp trưởng mà theo quy định không được giữ "
                           "quá hai nhiệm kỳ liên tiếp ở một địa phương, cơ quan",
                           "point b: a head who may not hold the post for more than two "
                           "consecutive terms in one locality or body"),
        "non_local": ("điểm c: công chức lãnh đạo, quản lý mà theo quy định không được bố trí "
                      "người địa phương",
                      "point c: a leader whose post may not be held by a local person"),
    },
)
class RotationBasis(StrEnum):
    """Đối tượng luân chuyển (NĐ 170/2025 Điều 42 k1): điểm a, trong quy hoạch; điểm b,
    cấp trưởng không được giữ quá hai nhiệm kỳ liên tiếp; điểm c, không bố trí người địa
    phương."""

    PLANNING = "planning"
    TWO_TERM_LIMIT = "two_term_limit"
    NON_LOCAL = "non_local"


@described(
    "Công chức lãnh đạo, quản lý được luân chuyển; các tình trạng kỷ luật, điều tra ghi theo "
    "ngày quyết định luân chuyển (Luật 80/2025 Điều 38 k2)",
    "The leading civil servant rotated; the disciplinary and criminal flags are as on the "
    "day of the rotation decision (Law 80/2025 Art. 38 cl. 2)",
)
class RotatedPerson(Person):
    """Công chức được luân chuyển: phải đang giữ chức vụ lãnh đạo, quản lý (Luật 80 Điều
    5 k9)."""

    holds_leadership_post: bool = Field(
        description=d(
            "Đang giữ chức vụ lãnh đạo, quản lý (current_post) khi được luân chuyển: luân "
            "chuyển chỉ dành cho công chức lãnh đạo, quản lý",
            "Holds a leadership post (current_post) when rotated: only leaders are rotated",
        )
    )


@described(
    "Nội dung của kế hoạch luân chuyển theo khoản 1 Điều 45 (điểm a đến g): ghi tóm tắt điều "
    "kế hoạch nói ở mỗi điểm; bỏ trống là kế hoạch không có nội dung đó",
    "What the rotation plan says under Art. 45 cl. 1 (points a to g): a summary of each; "
    "absent means the plan does not say it",
)
class RotationPlanContents(Model):
    positions: str | None = Field(
        None, max_length=4000,
        description=d("Điểm a: số lượng, nhu cầu, vị trí, chức danh luân chuyển",
                      "Point a: number, need, positions and titles"),
    )
    form: str | None = Field(
        None, max_length=4000,
        description=d("Điểm b: hình thức luân chuyển", "Point b: the form of rotation"),
    )
    area: str | None = Field(
        None, max_length=4000,
        description=d("Điểm c: địa bàn luân chuyển", "Point c: where to"),
    )
    duration: str | None = Field(
        None, max_length=4000,
        description=d("Điểm d: thời hạn luân chuyển", "Point d: how long"),
    )
    allowances: str | None = Field(
        None, max_length=4000,
        description=d("Điểm đ: chế độ, chính sách cần thiết bảo đảm thực hiện",
                      "Point đ: the allowances and policies needed"),
    )
    placement_after: str | None = Field(
        None, max_length=4000,
        description=d("Điểm e: dự kiến phương án bố trí công chức sau luân chuyển",
                      "Point e: the planned placement after the rotation"),
    )
    start: str | None = Field(
        None, max_length=4000,
        description=d("Điểm g: thời gian bắt đầu thực hiện kế hoạch luân chuyển",
                      "Point g: when the plan starts"),
    )


@described(
    "Kế hoạch luân chuyển được cấp có thẩm quyền quyết định luân chuyển phê duyệt (NĐ "
    "170/2025 Điều 45)",
    "The rotation plan approved by the level competent to decide the rotation (Decree "
    "170/2025 Art. 45)",
)
class RotationPlan(Model):
    approval: Document | None = Field(
        None,
        description=d("Văn bản phê duyệt kế hoạch luân chuyển (số, ngày)",
                      "The document approving the plan (number, date)"),
    )
    contents: RotationPlanContents = Field(
        default_factory=RotationPlanContents,
        description=d("Nội dung kế hoạch (điểm a đến g khoản 1 Điều 45)",
                      "What the plan says (points a to g of Art. 45 cl. 1)"),
    )


@described(
    "Một việc của quy trình luân chuyển: ngày thực hiện và văn bản",
    "One act of the rotation procedure: its date and its document",
)
class RotationAct(Model):
    date: dt.date = Field(description=d("Ngày thực hiện", "Date"))
    document: Document | None = Field(None, description=d("Văn bản", "Document"))


@described(
    "Các bước của quy trình luân chuyển (NĐ 170/2025 Điều 46): mỗi việc một ngày; Nghị định "
    "không đặt thời hạn cho bước nào và không có biểu quyết",
    "The steps of the rotation procedure (Decree 170/2025 Art. 46): one date per act; the "
    "decree sets no deadline for any step and no vote",
)
class RotationSteps(Model):
    """Quy trình luân chuyển năm bước (NĐ 170 Điều 46)."""

    policy_proposal: RotationAct | None = Field(
        None,
        description=d(
            "Bước 1: cơ quan tham mưu về tổ chức, cán bộ rà soát, đánh giá đội ngũ, xây dựng kế "
            "hoạch luân chuyển trình cấp có thẩm quyền cho chủ trương",
            "Step 1: the personnel office reviews the leaders and submits the rotation plan "
            "to the competent level for its policy decision",
        ),
    )
    nomination_notice: RotationAct | None = Field(
        None,
        description=d(
            "Bước 2: thông báo để các địa phương, cơ quan, tổ chức có liên quan đề xuất nhân sự",
            "Step 2: the notice asking the localities and bodies concerned to propose people",
        ),
    )
    proposals_review: RotationAct | None = Field(
        None,
        description=d(
            "Bước 3 a: tổng hợp đề xuất, rà soát tiêu chuẩn, dự kiến địa bàn, chức danh, nhân sự",
            "Step 3 a: the proposals gathered, standards reviewed, places, posts and people "
            "foreseen",
        ),
    )
    evaluation_request: RotationAct | None = Field(
        None,
        description=d(
            "Bước 3 b: văn bản lấy ý kiến nhận xét, đánh giá của cấp ủy và cơ quan, đơn vị sử "
            "dụng công chức",
            "Step 3 b: the written request for the evaluation by the party committee and the "
            "employing body",
        ),
    )
    political_conclusion: PoliticalConclusion | None = Field(
        None,
        description=d(
            "Bước 3 b: kết luận về tiêu chuẩn chính trị theo quy định của Đảng (ngày ở "
            "document.date)",
            "Step 3 b: the conclusion on political standards under the Party's rules (its date "
            "at document.date)",
        ),
    )
    appraisal_request: RotationAct | None = Field(
        None,
        description=d(
            "Bước 4 a: văn bản lấy ý kiến thẩm định của các cơ quan liên quan, trao đổi với nơi "
            "đi, nơi đến",
            "Step 4 a: the written request for the appraisal of the bodies concerned, and the "
            "exchange with the sending and receiving units",
        ),
    )
    meeting_with_person: RotationAct | None = Field(
        None,
        description=d(
            "Bước 4 b: gặp gỡ công chức được luân chuyển để quán triệt mục đích, yêu cầu, nắm "
            "bắt tâm tư, nguyện vọng",
            "Step 4 b: the meeting with the civil servant on the purpose and requirements of "
            "the rotation and his or her wishes",
        ),
    )
    submitted_for_decision: RotationAct | None = Field(
        None,
        description=d(
            "Bước 5 a: cơ quan tham mưu về tổ chức, cán bộ trình cấp có thẩm quyền quyết định",
            "Step 5 a: the personnel office's submission to the competent level",
        ),
    )


@described(
    "Thời gian luân chuyển: tính như Bộ luật Dân sự (36 tháng kể từ ngày 01/10/2026 kết thúc "
    "ngày 01/10/2029)",
    "The rotation period, counted as the Civil Code counts it (36 months from 2026-10-01 end "
    "on 2029-10-01)",
)
class RotationPeriod(Model):
    start: dt.date | None = Field(
        None,
        description=d("Ngày bắt đầu công tác ở nơi đến",
                      "The day work began at the receiving unit"),
    )
    planned_end: dt.date | None = Field(
        None,
        description=d(
            "Ngày kết thúc thời hạn luân chuyển theo quyết định (thời hạn nhất định)",
            "The day the rotation period set by the decision ends (the fixed period)",
        ),
    )
    ended_on: dt.date | None = Field(
        None,
        description=d(
            "Ngày thực tế kết thúc luân chuyển (bố trí công tác khác, trở về, hoặc được bố trí "
            "ổn định ở nơi đến); bỏ trống khi còn đang luân chuyển",
            "The day the rotation actually ended (another posting, return, or kept at the "
            "receiving unit); absent while it runs",
        ),
    )
    special_case: Document | None = Field(
        None,
        description=d(
            "Quyết định của cấp có thẩm quyền về trường hợp đặc biệt luân chuyển dưới 36 tháng "
            "(Điều 48)",
            "The competent level's decision on a special case of less than 36 months (Art. "
            "48)",
        ),
    )


@described(
    "Khi hết thời gian luân chuyển hoặc đề xuất bố trí công tác khác: tự kiểm điểm và nhận "
    "xét, đánh giá (NĐ 170/2025 Điều 49 k2)",
    "At the end of the rotation or on a proposal to post the person elsewhere: the "
    "self-review and the evaluations (Decree 170/2025 Art. 49 cl. 2)",
    example={
        "self_assessment": {"title": "Bản tự kiểm điểm quá trình công tác trong thời gian "
                                     "luân chuyển", "date": "2029-08-20"},
        "receiving_unit": {"title": "Nhận xét, đánh giá của tập thể lãnh đạo và cấp ủy Thuế "
                                    "tỉnh Quảng Trị", "date": "2029-08-27"},
        "competent_level": {"title": "Nhận xét, đánh giá của lãnh đạo Bộ Tài chính",
                            "date": "2029-09-10"},
    },
)
class RotationEndReview(Model):
    self_assessment: Document | None = Field(
        None, description=d("Điểm a: bản tự kiểm điểm của công chức",
                            "Point a: the civil servant's self-review"),
    )
    receiving_unit: Document | None = Field(
        None, description=d("Điểm b: nhận xét, đánh giá của tập thể lãnh đạo và cấp ủy nơi đến",
                            "Point b: the evaluation by the receiving unit's leadership and "
                            "party committee"),
    )
    competent_level: Document | None = Field(
        None, description=d("Điểm c: nhận xét, đánh giá của cấp có thẩm quyền quyết định luân "
                            "chuyển", "Point c: the evaluation by the level that decided the "
                            "rotation"),
    )


@described(
    "Hồ sơ luân chuyển công chức lãnh đạo, quản lý (Luật 80/2025 Điều 5 k9, Điều 30 k2, Điều "
    "38 k2; NĐ 170/2025 Điều 42-51)",
    "A rotation of a leading civil servant (Law 80/2025 Art. 5 cl. 9, Art. 30 cl. 2, Art. 38 "
    "cl. 2; Decree 170/2025 Art. 42-51)",
)
class RotationCase(CaseBase):
    """Hồ sơ luân chuyển công chức lãnh đạo, quản lý (NĐ 170/2025 Điều 42-51) / A rotation
    case. `unit` and `post` are the receiving unit and the post held there."""

    model_config = ConfigDict(title="Hồ sơ luân chuyển / Rotation case")
    subject_field: ClassVar[str] = "person"

    procedure: Literal[Procedure.ROTATION] = Field(
        description=d("Thủ tục: luân chuyển", "Procedure: rotation")
    )
    person: RotatedPerson = Field(
        description=d("Công chức được luân chuyển", "The civil servant rotated")
    )
    sending_unit: Unit = Field(
        description=d("Cơ quan, đơn vị nơi đi (nơi công chức đang công tác)",
                      "The sending unit (where the civil servant works now)")
    )
    basis: RotationBasis = Field(
        description=d(
            "Đối tượng luân chuyển (Điều 42 k1): planning (điểm a, trong quy hoạch), "
            "two_term_limit (điểm b), non_local (điểm c)",
            "Who may be rotated (Art. 42 cl. 1): planning (point a), two_term_limit (point "
            "b), non_local (point c)",
        )
    )
    basis_rule: Document | None = Field(
        None,
        description=d(
            "Quy định không cho giữ chức vụ quá hai nhiệm kỳ liên tiếp hoặc không bố trí người "
            "địa phương (điểm b, c: \"theo quy định\")",
            "The rule barring a third consecutive term or a local person (points b, c: \"as "
            "provided\")",
        ),
    )
    planning: Planning | None = Field(
        None,
        description=d(
            "Quy hoạch cán bộ đã được phê duyệt mà công chức ở trong (văn bản phê duyệt có ngày)",
            "The approved cadre planning the civil servant is in (the approval, dated)",
        ),
    )
    plan: RotationPlan | None = Field(
        None, description=d("Kế hoạch luân chuyển (Điều 45)", "The rotation plan (Art. 45)")
    )
    steps: RotationSteps = Field(
        default_factory=RotationSteps,
        description=d("Các bước của quy trình luân chuyển (Điều 46)",
                      "The steps of the procedure (Art. 46)"),
    )
    period: RotationPeriod = Field(
        default_factory=RotationPeriod,
        description=d("Thời gian luân chuyển (Điều 48)", "The rotation period (Art. 48)"),
    )
    service_exception: Document | None = Field(
        None,
        description=d(
            "Quyết định của cấp có thẩm quyền về trường hợp đặc biệt không còn đủ thời gian công "
            "tác (Điều 43 k4)",
            "The competent level's decision on a special case without enough service left "
            "(Art. 43 cl. 4)",
        ),
    )
    dossier: Dossier | None = Field(
        None,
        description=d(
            "Hồ sơ luân chuyển: như hồ sơ bổ nhiệm của Điều 35 (Điều 47)",
            "The rotation dossier: as the appointment dossier of Art. 35 (Art. 47)",
        ),
    )
    yearly_evaluations: list[Document] = Field(
        default_factory=list,
        description=d(
            "Các bản nhận xét, đánh giá định kỳ hằng năm của nơi đến trong thời gian luân "
            "chuyển, mỗi bản có ngày (Điều 49 k1)",
            "The receiving unit's yearly evaluations during the rotation, each dated (Art. 49 "
            "cl. 1)",
        ),
    )
    end_review: RotationEndReview | None = Field(
        None,
        description=d("Kiểm điểm, đánh giá khi kết thúc luân chuyển (Điều 49 k2)",
                      "The review at the end of the rotation (Art. 49 cl. 2)"),
    )

    def acts(self) -> list[tuple[dt.date, str]]:
        """The dated steps of Điều 46: the procedure begins with the earliest (NĐ 300 Điều
        35 k2 keeps a procedure carried out before 01/08/2026 under the rules of its
        time: for a rotation, the dossier of Điều 35 as first issued)."""
        out: list[tuple[dt.date, str]] = []
        for name in RotationSteps.model_fields:
            act = getattr(self.steps, name)
            if isinstance(act, RotationAct):
                out.append((act.date, f"/steps/{name}/date"))
            elif isinstance(act, PoliticalConclusion) and act.document.date is not None:
                out.append((act.document.date, f"/steps/{name}/document/date"))
        return out
