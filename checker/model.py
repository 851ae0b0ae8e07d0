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

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue

from checker.lookalike import NAME_FOREIGN_PATTERN

SCHEMA_ID = "urn:checker:schema:case"

# Vietnamese document numbers (số, ký hiệu văn bản). Two official forms:
#
#   state   number[/year]/symbol   123/QĐ-BTC, 12/TTr-TCCB, 170/2025/NĐ-CP, 05/2024/TT-BNV,
#                                  80/2025/QH15, 18/2020/QĐ-TTg, 3866/BVHTTDL-TCCB, 215/NSNN
#   Party   number-type/symbol     97-QĐ/TW, 45-HD/BTCTW, 92-BC/TU, 512-CV/ĐU, 21-KL/TW
#
# NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II, khoản 3 (số, ký hiệu của văn bản): the
# number is in Arabic digits (below 10 with a leading 0); "/" separates number and symbol,
# "-" the groups of the symbol; the symbol is the type abbreviation and the issuer's, and
# for a công văn, which has no type, the issuer's and the drafting unit's or field's
# ("Số: .../viết tắt tên cơ quan-viết tắt tên đơn vị soạn thảo", so 3866/BVHTTDL-TCCB; the
# unit only "nếu có", so also a single group, 215/NSNN). Legal normative documents add the
# year (170/2025/NĐ-CP), and the National Assembly's laws and resolutions have no type code
# (80/2025/QH15); joint documents list every issuer (15/NQLT-CP-TANDTC-VKSNDTC).
# The text says "chữ in hoa", but its own table of type abbreviations (Phụ lục III) has
# TTr, CTr, QyĐ, TrS, and real issuers write TTg, TTr: a group starts with a capital and
# may go on in either case; no official abbreviation is all lowercase, so 123/qd-btc is
# refused. The one-letter suffix of an inserted number (12a/QĐ-BTC) is in no official
# form, but some registers use it and earlier versions accepted it, so it stays.
#   https://congchungbaonguyet.com.vn/news/view/4874  (quotes Phụ lục I, khoản 3)
#   https://kynangandlifeskills.com/chu-viet-tat-ten-loai-mau-trinh-bay-van-ban-hanh-chinh-va-ban-sao-van-ban/
#   https://123docz.net/trich-doan/2329026-bang-chu-viet-tat-ten-loai-van-ban-va-ban-sao.htm
#   http://ccvtlt.sonoivu.hochiminhcity.gov.vn/public/detailqa/chi-cuc-van-thu-luu-tru-cho-hoi-quy-dinh-ve-ky-hieu-van-ban-cua-ban-chi-dao-cua-co-quan-xin-cam-on-72.html
# Party documents (Hướng dẫn 36-HD/VPTW, 03/4/2018, mục II, 1.3) put "-" between number
# and type and "/" before the issuer; a Party công văn does have a type, CV (512-CV/ĐU).
#   https://thuvienphapluat.vn/hoi-dap-phap-luat/iframe/40E5A-hd-cach-trinh-bay-so-va-ky-hieu-van-ban-trong-van-ban-cua-dang.html
# ECMA-262 syntax only: it is published in the JSON Schema and run by jsonschema-rs.
_SEQ = r"[0-9]{1,6}[a-z]?"
_YEAR = r"[0-9]{4}"
_ABBR = r"[A-ZĐƯƠÂĂÊÔ][A-Za-zĐđƯƠÂĂÊÔ0-9]{0,11}"
_SYMBOL = rf"{_ABBR}(?:-{_ABBR})*"
_STATE = rf"{_SEQ}(?:/{_YEAR})?/{_SYMBOL}"
_PARTY = rf"{_SEQ}-{_ABBR}/{_SYMBOL}"
DOC_NUMBER_PATTERN = rf"^(?:{_STATE}|{_PARTY})$"


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
# A name of a person or body: not blank, and no letter of another script (a Cyrillic "А"
# that looks Latin makes two people of one in a tally; checker.lookalike).
Name = Annotated[str, Field(min_length=1, max_length=300, pattern=r"\S",
                            json_schema_extra={"not": {"type": "string",
                                                       "pattern": NAME_FOREIGN_PATTERN}})]
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
    """Thủ tục: bổ nhiệm; bổ nhiệm lại; kéo dài thời gian giữ chức vụ đến tuổi nghỉ hưu;
    giao quyền cấp trưởng."""

    APPOINTMENT = "appointment"
    REAPPOINTMENT = "reappointment"
    EXTENSION = "extension"
    ACTING = "acting"
    # issue 14, D: miễn nhiệm (checker/model_dismissal.py until the model package lands)
    DISMISSAL = "dismissal"


class Rating(StrEnum):
    """Xếp loại chất lượng hằng năm: hoàn thành xuất sắc, hoàn thành tốt, hoàn thành,
    không hoàn thành nhiệm vụ."""

    EXCELLENT = "excellent"
    GOOD = "good"
    COMPLETED = "completed"
    NOT_COMPLETED = "not_completed"


class Proceeding(StrEnum):
    """Các trường hợp không được bổ nhiệm (NĐ 170/2025 Điều 29 k9 a, d, đ, sửa đổi bởi
    NĐ 300/2026): bị cấm đảm nhiệm chức vụ; đang giải quyết tố cáo (đã có quyết định
    thành lập đoàn), giải quyết khiếu nại kỷ luật, kiểm tra khi có dấu hiệu vi phạm, bị
    kiến nghị xử lý theo kết luận thanh tra, kiểm toán, tạm đình chỉ công tác; tạm giữ,
    tạm giam."""

    DENUNCIATION = "denunciation"
    DISCIPLINE_COMPLAINT = "discipline_complaint"
    INSPECTION = "inspection"
    AUDIT_RECOMMENDATION = "audit_recommendation"
    SUSPENDED = "suspended"
    DETAINED = "detained"
    BANNED = "banned_from_office"


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


class UnitKind(StrEnum):
    """Loại đơn vị: đơn vị thuộc bộ, cơ quan trung ương; cơ quan ngành dọc của trung ương
    đặt tại tỉnh; khác."""

    MINISTRY_UNIT = "ministry_unit"
    PROVINCIAL_BRANCH = "provincial_branch"
    OTHER = "other"


class PlanningRank(StrEnum):
    """Chức danh quy hoạch so với chức danh đang đảm nhiệm khi được quy hoạch."""

    HIGHER = "higher"
    CURRENT = "current"
    EQUIVALENT = "equivalent"
    LOWER = "lower"


class DisciplineForm(StrEnum):
    """Hình thức kỷ luật: khiển trách, cảnh cáo, cách chức, giáng chức, buộc thôi việc,
    khai trừ."""

    REPRIMAND = "reprimand"
    WARNING = "warning"
    DEMOTION = "demotion"
    REMOVAL = "removal"
    DISMISSAL = "dismissal"
    EXPULSION = "expulsion"


class DisciplineSystem(StrEnum):
    PARTY = "party"
    STATE = "state"


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


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"


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
    kind: UnitKind = Field(
        UnitKind.OTHER,
        description=d(
            "Loại đơn vị: ministry_unit (vụ, cục, đơn vị thuộc bộ, cơ quan trung ương), "
            "provincial_branch (cơ quan của trung ương đặt tại tỉnh), other",
            "Kind of unit: ministry_unit (a department of a ministry or central agency), "
            "provincial_branch (a central agency's branch in a province), other",
        ),
    )
    vertical_line: bool = Field(
        False,
        description=d(
            "Tổ chức theo ngành dọc (hiệp y với ban thường vụ cấp ủy địa phương)",
            "Organised as a vertical line (consultation with the local party standing "
            "committee applies)",
        ),
    )
    province: Name | None = Field(
        None, description=d("Tỉnh, thành phố nơi đơn vị đóng", "Province where the unit is")
    )
    head_vacant: bool = Field(
        False,
        description=d(
            "Đơn vị đang khuyết người đứng đầu",
            "The unit has no head at present (the head's post is vacant)",
        ),
    )
    party_committee_leads_comprehensively: bool | None = Field(
        None,
        description=d(
            "Đảng ủy lãnh đạo toàn diện đơn vị (theo NĐ 170/2025 Điều 33 k2 đ sửa đổi bởi NĐ "
            "300/2026, bước 4 chỉ nghe ý kiến của cấp ủy ở những nơi đảng ủy không lãnh đạo "
            "toàn diện)",
            "The party committee leads the unit comprehensively (under Decree 170/2025 Art. "
            "33 cl. 2 đ as amended by Decree 300/2026, step 4 hears the party committee's "
            "evaluation only where it does not)",
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
    higher_than_current: bool = Field(
        True,
        description=d(
            "Bổ nhiệm lần đầu giữ chức vụ lãnh đạo hoặc giữ chức vụ cao hơn chức vụ hiện tại "
            "(false: chức vụ tương đương hoặc thấp hơn)",
            "A first leadership post or a post higher than the current one (false: an "
            "equivalent or lower post)",
        ),
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


class Discipline(Model):
    form: DisciplineForm = Field(description=d("Hình thức kỷ luật", "Form of discipline"))
    system: DisciplineSystem = Field(
        description=d("Kỷ luật đảng (party) hay hành chính (state)", "Party or state discipline")
    )
    effective_date: dt.date = Field(
        description=d("Ngày quyết định kỷ luật có hiệu lực", "Date the discipline took effect")
    )
    decision: Document | None = Field(
        None, description=d("Quyết định kỷ luật", "The disciplinary decision")
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


class Candidate(Model):
    full_name: Name = Field(description=d("Họ và tên", "Full name"))
    birth_date: dt.date = Field(description=d("Ngày sinh", "Date of birth"))
    sex: Sex = Field(description=d("Giới tính", "Sex"))
    current_post: Name | None = Field(None, description=d("Chức vụ hiện tại", "Current post"))
    current_post_since: dt.date | None = Field(
        None,
        description=d(
            "Giữ chức vụ hiện tại, hoặc liên tục giữ chức vụ tương đương, từ ngày",
            "Holding the current post, or an equivalent one without a break, since",
        ),
    )
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
    retirement_date: dt.date | None = Field(
        None,
        description=d(
            "Ngày đủ tuổi nghỉ hưu theo lộ trình của Nghị định 135/2020/NĐ-CP (hoặc 60 tuổi "
            "với cán bộ nữ thuộc diện nghỉ hưu ở tuổi cao hơn)",
            "Date the person reaches retirement age under Decree 135/2020 (or 60 for women "
            "under the higher-age regime)",
        ),
    )
    age_reference_date: dt.date | None = Field(
        None,
        description=d(
            "Thời điểm tính tuổi bổ nhiệm theo quy định của cấp có thẩm quyền",
            "Reference date for the appointment age set by the competent body",
        ),
    )
    discipline: list[Discipline] = Field(
        default_factory=list,
        description=d("Các quyết định kỷ luật", "Disciplinary decisions"),
    )
    discipline_pending: bool = Field(
        False,
        description=d(
            "Đang bị xem xét, xử lý kỷ luật, chưa có quyết định (\"đang trong thời hạn xử lý "
            "kỷ luật\")",
            "Disciplinary proceedings are under way, with no decision yet (\"within the time "
            "for dealing with a disciplinary matter\")",
        ),
    )
    in_discipline_period: bool = Field(
        False,
        description=d(
            "Đang trong thời gian thi hành quyết định kỷ luật hoặc thực hiện các quy định liên "
            "quan đến kỷ luật",
            "Serving a disciplinary decision or its consequences",
        ),
    )
    under_prosecution: bool = Field(
        False,
        description=d(
            "Đang bị khởi tố, điều tra, truy tố, xét xử",
            "Under criminal charge, investigation, prosecution or trial",
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
    ratings: list[AnnualRating] = Field(
        default_factory=list,
        description=d(
            "Xếp loại chất lượng hằng năm của cấp có thẩm quyền",
            "Annual quality ratings by the competent body",
        ),
    )
    proceedings: list[Proceeding] = Field(
        default_factory=list,
        description=d(
            "Đang bị giải quyết tố cáo, khiếu nại kỷ luật, kiểm tra, kiến nghị xử lý, tạm "
            "đình chỉ công tác, tạm giữ, tạm giam (NĐ 170/2025 Điều 29 k9 d, đ sửa đổi bởi "
            "NĐ 300/2026)",
            "Pending denunciation, disciplinary complaint, inspection, audit recommendation, "
            "suspension or detention (Decree 170/2025 Art. 29 cl. 9 d, đ as amended by "
            "Decree 300/2026)",
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


class AnnualRating(Model):
    year: Annotated[int, Field(ge=1990, le=2100)] = Field(description=d("Năm", "Year"))
    rating: Rating = Field(
        description=d(
            "Xếp loại: excellent (hoàn thành xuất sắc nhiệm vụ), good (hoàn thành tốt nhiệm "
            "vụ), completed (hoàn thành nhiệm vụ), not_completed (không hoàn thành nhiệm vụ)",
            "Rating: excellent, good, completed, not_completed",
        )
    )
    document: Document | None = Field(
        None, description=d("Văn bản đánh giá, xếp loại", "The rating document")
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


class ConsultationKind(StrEnum):
    CAP_UY_EVALUATION = "cap_uy_evaluation"
    HIEP_Y = "hiep_y"
    AGENCY_PARTY_COMMITTEE = "agency_party_committee"
    COMPETENT_BODY = "competent_body"
    OTHER = "other"


class Consultation(Model):
    kind: ConsultationKind = Field(
        description=d(
            "Loại: cap_uy_evaluation là đánh giá, nhận xét bằng văn bản của cấp ủy cùng cấp",
            "Kind: cap_uy_evaluation is the written evaluation by the party committee "
            "at the same level; hiep_y the written exchange with the local party standing "
            "committee; agency_party_committee the written exchange between a ministry's "
            "ban cán sự đảng and the agency party committee; competent_body the written "
            "opinion of the competent level (extension)",
        )
    )
    body: Name = Field(description=d("Cơ quan được hỏi ý kiến", "Body consulted"))
    request: Document | None = Field(None, description=d("Văn bản đề nghị", "Request sent"))
    answer: Document | None = Field(None, description=d("Văn bản trả lời", "Written answer"))
    answer_summary: str | None = Field(
        None, max_length=4000, description=d("Tóm tắt ý kiến", "Summary of the answer")
    )
    answer_agrees: bool | None = Field(
        None,
        description=d(
            "Ý kiến trả lời đồng ý (false: có ý kiến khác)",
            "The answer agrees (false: it differs)",
        ),
    )
    divergence_analysis: Document | None = Field(
        None,
        description=d(
            "Văn bản phân tích, thảo luận về ý kiến khác nhau",
            "The analysis and discussion of the differing opinions",
        ),
    )
    precondition: bool = Field(
        False,
        description=d(
            "Đơn vị coi việc hỏi ý kiến này là điều kiện bắt buộc trước khi quyết định",
            "The body made this consultation a precondition of its decision",
        ),
    )


class PoliticalResult(StrEnum):
    MEETS = "meets"
    DOES_NOT_MEET = "does_not_meet"


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


class Decision(Model):
    body: Name = Field(description=d("Cấp quyết định bổ nhiệm", "The deciding body"))
    signatory: Name = Field(description=d("Người ký", "Signatory"))
    document: NumberedDocument
    effective_date: dt.date | None = Field(
        None, description=d("Ngày có hiệu lực", "Effective date")
    )
    term_end: dt.date | None = Field(
        None, description=d("Ngày hết thời hạn giữ chức vụ", "Last day of the new term")
    )
    backdated_term_stated: bool = Field(
        False,
        description=d(
            "Quyết định ghi rõ thời hạn tính từ ngày hết thời hạn của quyết định cũ",
            "The decision states that the term runs from the old term's expiry",
        ),
    )
    late_reason: Document | None = Field(
        None,
        description=d(
            "Văn bản nêu lý do khách quan của việc ký quyết định bổ nhiệm lại, kéo dài sau "
            "ngày hết thời hạn bổ nhiệm (NĐ 170/2025 Điều 36 k3; k4 sau khi sửa đổi bởi NĐ "
            "300/2026)",
            "The document giving the objective reason why the reappointment or extension "
            "decision was signed after the term expired (Decree 170/2025 Art. 36 cl. 3; cl. 4 "
            "as amended by Decree 300/2026)",
        ),
    )


class Term(Model):
    decision: Document | None = Field(
        None, description=d("Quyết định bổ nhiệm trước", "The previous appointment decision")
    )
    effective_date: dt.date | None = Field(
        None, description=d("Ngày có hiệu lực", "Date it took effect")
    )
    expires: dt.date = Field(
        description=d("Ngày hết thời hạn bổ nhiệm", "Date the term expires")
    )
    years: Annotated[int, Field(ge=1, le=5)] | None = Field(
        None,
        description=d(
            "Thời hạn giữ chức vụ theo quyết định (năm), thường là 5; 3 nếu pháp luật chuyên "
            "ngành quy định",
            "Length of the term in years, usually 5; 3 where specialised law says so",
        ),
    )
    consecutive_terms: Annotated[int, Field(ge=1, le=20)] | None = Field(
        None,
        description=d(
            "Số nhiệm kỳ liên tiếp đã giữ chức vụ này, kể cả nhiệm kỳ đang kết thúc",
            "Consecutive terms held in this post, the ending one included",
        ),
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


class Waiver(Model):
    """An exception granted for this case: findings of `rule` (at or below `pointer`)
    are reported as waived and do not fail the check. The checker verifies that the
    waiver is well formed, issued no later than the decision and before it expires,
    current on the case's date, not approved by the body the waived finding disputes,
    and actually used (checker/waivers.py); whether the authority could otherwise grant
    it is for the reader of the report."""

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


def _procedure_is(*names: str) -> dict[str, Any]:
    return {"properties": {"procedure": {"enum": list(names)}}, "required": ["procedure"]}


class Case(Model):
    """Một hồ sơ công tác cán bộ / One personnel case."""

    model_config = ConfigDict(
        title="Hồ sơ công tác cán bộ / Personnel case",
        json_schema_extra={"allOf": [
            {"if": _procedure_is("appointment", "reappointment", "extension"),
             "then": {"required": ["leadership"]}},
            {"if": _procedure_is("appointment"),
             "then": {"properties": {"candidate": {"required": ["planning", "source"]}}}},
            {"if": _procedure_is("acting"), "then": {"required": ["acting"]}},
        ]},
    )

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
    leadership: Leadership | None = Field(
        None,
        description=d(
            "Tập thể lãnh đạo (bắt buộc với bổ nhiệm, bổ nhiệm lại, kéo dài)",
            "The leadership collective (required for appointment, reappointment, extension)",
        ),
    )
    acting: Acting | None = Field(
        None,
        description=d(
            "Giao quyền cấp trưởng (bắt buộc với thủ tục acting)",
            "Acting head arrangement (required for the acting procedure)",
        ),
    )
    chair: Chair | None = None
    policy: Policy | None = None
    steps: list[Step] = Field(default_factory=list)
    consultations: list[Consultation] = Field(default_factory=list)
    political_standard_conclusion: PoliticalConclusion | None = None
    dossier: Dossier | None = None
    decision: Decision | None = None
    previous_term: Term | None = Field(
        None,
        description=d(
            "Thời hạn bổ nhiệm đang kết thúc (bổ nhiệm lại, kéo dài)",
            "The ending term (reappointment, extension)",
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
    bcs: Bcs | None = Field(
        None,
        description=d(
            "Ban cán sự đảng của bộ đã lãnh đạo công tác cán bộ này",
            "The ministry's ban cán sự đảng that directed this personnel matter",
        ),
    )
    waivers: list[Waiver] = Field(
        default_factory=list,
        description=d(
            "Các miễn trừ được cấp có thẩm quyền cho phép đối với hồ sơ này",
            "Waivers granted for this case by a competent authority",
        ),
    )

    @model_validator(mode="after")
    def _required_by_procedure(self) -> Case:
        """What each procedure needs (the schema's allOf says the same)."""
        p = self.procedure
        if p != Procedure.ACTING and self.leadership is None:
            raise ValueError("leadership is required")
        if p == Procedure.APPOINTMENT and (
                self.candidate.planning is None or self.candidate.source is None):
            raise ValueError("candidate.planning and candidate.source are required")
        if p == Procedure.ACTING and self.acting is None:
            raise ValueError("acting is required")
        return self


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


