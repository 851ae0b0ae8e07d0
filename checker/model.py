"""Pydantic models of a case file. schemas/case.schema.json is generated from these
(`make schemas`) and a test proves the committed schema equals the generated one.

Every description is bilingual: Vietnamese first, then English after " / ".
Field names are English snake_case so that other systems can read the files; enum values
are stable codes, described in both languages.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue

SCHEMA_ID = "urn:checker:schema:case"

# Vietnamese document numbers (số, ký hiệu văn bản):
#   state documents      123/QĐ-BTC, 12/TTr-TCCB, 170/2025/NĐ-CP, 80/2025/QH15
#   Party documents      97-QĐ/TW, 45-HD/BTCTW, 92-BC/TU, 05-BB/ĐU
_TYPE = r"[A-ZĐ][A-Za-zĐđ]{0,5}"
_ISSUER = r"[A-ZĐ0-9][A-ZĐ0-9]*(?:-[A-ZĐ0-9][A-ZĐ0-9]*)*"
DOC_NUMBER_PATTERN = (
    rf"^(?:[0-9]{{1,6}}[a-z]?(?:/[0-9]{{4}})?/{_TYPE}-{_ISSUER}"
    rf"|[0-9]{{1,6}}/[0-9]{{4}}/QH[0-9]{{1,2}}"
    rf"|[0-9]{{1,6}}-{_TYPE}/{_ISSUER})$"
)


def d(vi: str, en: str) -> str:
    return f"{vi} / {en}"


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=True)


DocNumber = Annotated[
    str,
    Field(
        pattern=DOC_NUMBER_PATTERN,
        description=d(
            "Số, ký hiệu văn bản, ví dụ 123/QĐ-BTC, 170/2025/NĐ-CP, 97-QĐ/TW",
            "Document number in Vietnamese form, e.g. 123/QĐ-BTC, 170/2025/NĐ-CP, 97-QĐ/TW",
        ),
    ),
]
Name = Annotated[str, Field(min_length=1, max_length=300, pattern=r"\S")]
# A rule id as in the rule packs (APPT-QUORUM), but also the tool's own one-word ids
# (COVERAGE), so that a waiver naming one is told why it cannot be waived rather than
# only that its id is malformed.
RULE_ID_PATTERN = r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$"
JSON_POINTER_PATTERN = r"^(?:/(?:[^~/]|~[01])*)*$"
Count = Annotated[int, Field(ge=0, le=100_000)]


class Document(Model):
    """A document (văn bản) referred to by the case."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": d("Văn bản: số, ngày, trích yếu", "A document: number, date, title"),
            "anyOf": [{"required": ["number"]}, {"required": ["title"]}],
        }
    )
    number: DocNumber | None = None
    date: dt.date | None = Field(None, description=d("Ngày ban hành", "Date issued"))
    title: Name | None = Field(None, description=d("Trích yếu hoặc tên", "Title or summary"))
    issuer: Name | None = Field(None, description=d("Cơ quan ban hành", "Issuing body"))


class NumberedDocument(Document):
    """A document that must carry a number and a date (decisions)."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": d("Văn bản có số và ngày", "A document with number and date"),
            "required": ["number", "date"],
        }
    )


class Procedure(StrEnum):
    APPOINTMENT = "appointment"


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


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"


class PlanningStatus(StrEnum):
    PLANNED_FOR_POST = "planned_for_post"
    PLANNED_EQUIVALENT_OR_HIGHER = "planned_equivalent_or_higher"
    NOT_PLANNED = "not_planned"


class StepKind(StrEnum):
    """Các bước của quy trình bổ nhiệm (NĐ 170/2025 Điều 33 k2 và k3)."""

    LEADERSHIP_1 = "leadership_1"
    LEADERSHIP_EXTENDED = "leadership_extended"
    LEADERSHIP_2 = "leadership_2"
    KEY_OFFICIALS = "key_officials"
    LEADERSHIP_3 = "leadership_3"
    RECEIVING_UNIT_CONSULTATION = "receiving_unit_consultation"
    SENDING_UNIT_CONSULTATION = "sending_unit_consultation"
    APPRAISAL_SUBMISSION = "appraisal_submission"


class DossierKind(StrEnum):
    """Thành phần hồ sơ bổ nhiệm (NĐ 170/2025 Điều 35 k1-k10)."""

    SUBMISSION = "submission"
    MINUTES_AND_TALLIES = "minutes_and_tallies"
    CURRICULUM_VITAE = "curriculum_vitae"
    SELF_REVIEW = "self_review"
    EVALUATIONS = "evaluations"
    RESIDENCE_EVALUATION = "residence_evaluation"
    POLITICAL_STANDARD_CONCLUSION = "political_standard_conclusion"
    ASSET_DECLARATION = "asset_declaration"
    DIPLOMAS = "diplomas"
    HEALTH_CERTIFICATE = "health_certificate"


class Unit(Model):
    name: Name = Field(description=d("Tên cơ quan, đơn vị", "Name of the unit"))
    parent: Name | None = Field(
        None, description=d("Cơ quan cấp trên trực tiếp", "Directly superior body")
    )
    newly_established: bool = Field(
        False, description=d("Đơn vị mới được thành lập", "The unit is newly established")
    )
    leader_count: Count | None = Field(
        None,
        description=d(
            "Số lãnh đạo hiện có của đơn vị khi thực hiện quy trình",
            "Number of leaders the unit has when the procedure is run",
        ),
    )
    internal_disunity: bool = Field(
        False,
        description=d(
            "Nội bộ lãnh đạo mất đoàn kết, nhiều người vi phạm kỷ luật (NĐ 170/2025 Điều 34 k2 c)",
            "The leadership is divided or many of its members breached discipline "
            "(Decree 170/2025 Art. 34 cl. 2 c)",
        ),
    )


class Post(Model):
    title: Name = Field(description=d("Chức vụ dự kiến bổ nhiệm", "The post to be filled"))
    is_head_of_unit: bool = Field(
        description=d("Là người đứng đầu đơn vị (cấp trưởng)", "The post is head of the unit")
    )
    is_deputy_head: bool = Field(
        False,
        description=d(
            "Là cấp phó của người đứng đầu đơn vị", "The post is deputy head of the unit"
        ),
    )
    centrally_managed: bool = Field(
        False,
        description=d(
            "Chức vụ thuộc diện Bộ Chính trị, Ban Bí thư quản lý (NĐ 170/2025 Điều 32)",
            "The post is managed by the Politburo or the Secretariat (Decree 170/2025 Art. 32)",
        ),
    )
    managing_body: Name = Field(
        description=d(
            "Cấp quản lý chức vụ theo phân cấp quản lý cán bộ",
            "The body that manages the post under the cadre-management delegation rules",
        )
    )
    managing_basis: Document | None = Field(
        None,
        description=d("Văn bản phân cấp quản lý cán bộ", "The delegation document relied on"),
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


class Candidate(Model):
    full_name: Name = Field(description=d("Họ và tên", "Full name"))
    birth_date: dt.date = Field(description=d("Ngày sinh", "Date of birth"))
    sex: Sex = Field(description=d("Giới tính", "Sex"))
    current_post: Name | None = Field(None, description=d("Chức vụ hiện tại", "Current post"))
    current_post_since: dt.date | None = Field(
        None, description=d("Giữ chức vụ hiện tại từ ngày", "Holding the current post since")
    )
    planning: Planning
    source: Source = Field(
        description=d(
            "Nguồn nhân sự: tại chỗ (in_house) hoặc từ nơi khác (external)",
            "Source: in-house (in_house) or from elsewhere (external)",
        )
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


class ConsultationKind(StrEnum):
    CAP_UY_EVALUATION = "cap_uy_evaluation"
    OTHER = "other"


class Consultation(Model):
    kind: ConsultationKind = Field(
        description=d(
            "Loại: cap_uy_evaluation là đánh giá, nhận xét bằng văn bản của cấp ủy cùng cấp",
            "Kind: cap_uy_evaluation is the written evaluation by the party committee "
            "at the same level",
        )
    )
    body: Name = Field(description=d("Cơ quan được hỏi ý kiến", "Body consulted"))
    request: Document | None = Field(None, description=d("Văn bản đề nghị", "Request sent"))
    answer: Document | None = Field(None, description=d("Văn bản trả lời", "Written answer"))
    answer_summary: str | None = Field(
        None, max_length=4000, description=d("Tóm tắt ý kiến", "Summary of the answer")
    )


class PoliticalResult(StrEnum):
    MEETS = "meets"
    DOES_NOT_MEET = "does_not_meet"


class PoliticalConclusion(Model):
    body: Name = Field(description=d("Cấp ủy kết luận", "Party committee that concluded"))
    document: Document
    result: PoliticalResult = Field(description=d("Kết luận", "Conclusion"))


class DossierItem(Model):
    kind: DossierKind = Field(description=d("Thành phần hồ sơ", "Dossier component"))
    document: Document


class Dossier(Model):
    submitted_on: dt.date | None = Field(
        None, description=d("Ngày nộp hồ sơ", "Date the dossier was filed")
    )
    items: list[DossierItem] = Field(default_factory=list)


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


class Decision(Model):
    body: Name = Field(description=d("Cấp quyết định bổ nhiệm", "The deciding body"))
    signatory: Name = Field(description=d("Người ký", "Signatory"))
    document: NumberedDocument
    effective_date: dt.date | None = Field(
        None, description=d("Ngày có hiệu lực", "Effective date")
    )


class Waiver(Model):
    """An exception granted for this case: findings of `rule` (at or below `pointer`)
    are reported as waived and do not fail the check. The checker only verifies that
    the waiver is well formed, current on the case's date and actually used; whether
    the authority could grant it is for the reader of the report."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": d(
                "Miễn trừ: cho phép một ngoại lệ với một quy tắc trong hồ sơ này; phát hiện "
                "được miễn trừ vẫn được báo cáo nhưng không làm hồ sơ bị đánh giá là lỗi",
                "Waiver: an exception to one rule in this case; a waived finding is still "
                "reported but does not fail the check",
            )
        }
    )
    rule: str = Field(
        pattern=RULE_ID_PATTERN,
        description=d(
            "Mã quy tắc được miễn trừ, ví dụ APPT-HEALTH-CERT-AGE (xem checker rules)",
            "Id of the rule waived, e.g. APPT-HEALTH-CERT-AGE (see checker rules)",
        ),
    )
    pointer: str | None = Field(
        None,
        pattern=JSON_POINTER_PATTERN,
        description=d(
            "Con trỏ JSON: chỉ miễn trừ các phát hiện tại vị trí này hoặc bên trong nó, ví dụ "
            "/steps/1; bỏ trống là miễn trừ mọi phát hiện của quy tắc trong hồ sơ",
            "JSON pointer: waive only findings at or below this place, e.g. /steps/1; "
            "absent means every finding of the rule in this case",
        ),
    )
    authority: NumberedDocument = Field(
        description=d(
            "Văn bản cho phép miễn trừ, có số và ngày",
            "The document authorising the waiver, with its number and date",
        )
    )
    approved_by: Name = Field(
        description=d("Người hoặc cấp phê duyệt miễn trừ", "Who approved the waiver")
    )
    reason: str = Field(
        min_length=1,
        max_length=4000,
        pattern=r"\S",
        description=d("Lý do miễn trừ", "Why the exception was granted"),
    )
    expires: dt.date | None = Field(
        None,
        description=d(
            "Ngày cuối cùng miễn trừ còn hiệu lực; bỏ trống là không thời hạn",
            "Last day the waiver is valid; absent means it does not expire",
        ),
    )


class Case(Model):
    """Một hồ sơ bổ nhiệm / One appointment case."""

    model_config = ConfigDict(title="Hồ sơ công tác cán bộ / Personnel case")

    schema_ref: str | None = Field(
        None,
        alias="$schema",
        description=d("Đường dẫn tới JSON Schema này", "Where this JSON Schema is"),
    )
    case_id: Name = Field(description=d("Mã hồ sơ", "Case identifier"))
    procedure: Procedure = Field(description=d("Thủ tục", "Procedure"))
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
    unit: Unit
    post: Post
    candidate: Candidate
    leadership: Leadership
    chair: Chair | None = None
    policy: Policy | None = None
    steps: list[Step] = Field(default_factory=list)
    consultations: list[Consultation] = Field(default_factory=list)
    political_standard_conclusion: PoliticalConclusion | None = None
    dossier: Dossier | None = None
    decision: Decision | None = None
    waivers: list[Waiver] = Field(
        default_factory=list,
        description=d(
            "Các miễn trừ được cấp có thẩm quyền cho phép đối với hồ sơ này",
            "Waivers granted for this case by a competent authority",
        ),
    )


class _Generator(GenerateJsonSchema):
    """Optional fields are simply not required: no `null` branch, so editors and the
    validator give one plain message instead of an anyOf."""

    def nullable_schema(self, schema: Any) -> JsonSchemaValue:
        return self.generate_inner(schema["schema"])

    def default_schema(self, schema: Any) -> JsonSchemaValue:
        out = super().default_schema(schema)
        if out.get("default") is None:
            out.pop("default", None)
        return out


def case_json_schema() -> dict[str, Any]:
    body = Case.model_json_schema(by_alias=True, schema_generator=_Generator)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **body}


