"""What every case shares, whatever its procedure: the base model, documents and their
numbers, names, the unit and the post, the person, the decision, a term of office,
consultations, waivers, discipline and rating records, and `CaseBase`, the fields every
case has. A procedure's own shape (checker/model/<family>.py) adds what it needs.

Every description is bilingual: Vietnamese first, then English after " / ".
Field names are English snake_case so that other systems can read the files; enum values
are stable codes, described in both languages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any, ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue, WithJsonSchema

from checker.lookalike import NAME_FOREIGN_PATTERN

# Defined where `checker check` reads them without pydantic; the models' fields use them.
from checker.patterns import DOC_NUMBER_PATTERN as DOC_NUMBER_PATTERN
from checker.patterns import JSON_POINTER_PATTERN as JSON_POINTER_PATTERN
from checker.patterns import RULE_ID_PATTERN as RULE_ID_PATTERN
from checker.patterns import SCHEMA_BASE as SCHEMA_BASE
from checker.patterns import SCHEMA_ID as SCHEMA_ID


def d(vi: str, en: str) -> str:
    return f"{vi} / {en}"


# What the published schema says of each model and enum, by its name in `$defs`: a
# bilingual description, for an enum one per value (VS Code's `enumDescriptions`), and
# for a section an example. Written next to each class with @described; a test walks
# the schema and requires them of every entry.
@dataclass(frozen=True)
class SchemaText:
    description: str
    values: dict[str, str] | None = None
    example: Any = None


SCHEMA_TEXT: dict[str, SchemaText] = {}
# Which class holds each name of SCHEMA_TEXT (module and qualified name, so that a module
# loaded again still counts as the same class).
_DESCRIBED: dict[str, str] = {}
_T = TypeVar("_T", bound=type)


def described(vi: str, en: str, *, values: dict[str, tuple[str, str]] | None = None,
              example: Any = None) -> Callable[[_T], _T]:
    """Class decorator: the schema's description of a model or enum (Vietnamese, then
    English), and for an enum the meaning of each value, in both languages.

    The texts are keyed by the class's name, as `$defs` is: two classes of one name (in
    two modules) would share one text, and pydantic would name their definitions by module
    path; a name already described by another class is refused."""

    def mark(cls: _T) -> _T:
        where = f"{cls.__module__}.{cls.__qualname__}"
        held = _DESCRIBED.setdefault(cls.__name__, where)
        if held != where:
            raise ValueError(
                f"@described: the name {cls.__name__} is already that of {held}; give "
                f"{where} a name of its own")
        SCHEMA_TEXT[cls.__name__] = SchemaText(
            d(vi, en), None if values is None else {k: d(*v) for k, v in values.items()},
            example)
        return cls

    return mark


# A note for whoever fills in the file: `$comment` may be written in any object of a case
# (JSON has no comments; the templates of `checker init` carry their guidance this way).
# The checker reads it as text and ignores it.
_Text = Annotated[str, Field(max_length=4000)]
Comment = Annotated[
    _Text | Annotated[list[_Text], Field(max_length=50)],
    WithJsonSchema({"type": ["string", "array"], "maxLength": 4000, "maxItems": 50,
                    "items": {"type": "string", "maxLength": 4000}}),
]
_COMMENT = d(
    "Ghi chú, hướng dẫn cho người điền hồ sơ; trình kiểm tra bỏ qua trường này",
    "A note or guidance for whoever fills in the case; the checker ignores it",
)


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=True)

    comment: Comment | None = Field(None, alias="$comment", description=_COMMENT)


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
Count = Annotated[int, Field(ge=0, le=100_000)]



@described(
    "Văn bản: số, ngày, trích yếu, cơ quan ban hành; có ít nhất số hoặc trích yếu",
    "A document: number, date, title, issuer; at least a number or a title",
)
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



@described(
    "Văn bản có số và ngày (quyết định, văn bản cho phép)",
    "A document with a number and a date (a decision, an authorisation)",
)
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
    giao quyền cấp trưởng; tạm đình chỉ công tác; miễn nhiệm; từ chức; cho thôi giữ chức
    vụ."""

    APPOINTMENT = "appointment"
    REAPPOINTMENT = "reappointment"
    EXTENSION = "extension"
    ACTING = "acting"
    SUSPENSION = "suspension"  # part S: tạm đình chỉ công tác (checker/model/suspension.py)
    # issue 14, D: miễn nhiệm (checker/model/dismissal.py)
    DISMISSAL = "dismissal"
    # Part R of issue 14: the resignation family (checker/model/resignation.py).
    RESIGNATION = "resignation"
    RELIEF = "relief"
    # issue 14, LC: luân chuyển (checker/model/rotation.py)
    ROTATION = "rotation"
    # issue 14, transfer: điều động (checker/model/transfer.py)
    TRANSFER = "transfer"



@described(
    "Giới tính",
    "Sex",
    values={
        "male": ("nam giới", "male"),
        "female": ("nữ giới", "female"),
    },
)
class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"



@described(
    "Xếp loại chất lượng hằng năm",
    "Annual quality rating",
    values={
        "excellent": ("hoàn thành xuất sắc nhiệm vụ", "tasks completed excellently"),
        "good": ("hoàn thành tốt nhiệm vụ", "tasks completed well"),
        "completed": ("hoàn thành nhiệm vụ", "tasks completed"),
        "not_completed": ("không hoàn thành nhiệm vụ", "tasks not completed"),
    },
)
class Rating(StrEnum):
    """Xếp loại chất lượng hằng năm: hoàn thành xuất sắc, hoàn thành tốt, hoàn thành,
    không hoàn thành nhiệm vụ."""

    EXCELLENT = "excellent"
    GOOD = "good"
    COMPLETED = "completed"
    NOT_COMPLETED = "not_completed"



@described(
    "Vụ việc đang giải quyết khiến người đó chưa được bổ nhiệm (NĐ 170/2025 Điều 29 k9 a, d, đ, "
    "sửa đổi bởi NĐ 300/2026)",
    "A pending matter that bars an appointment (Decree 170/2025 Art. 29 cl. 9 a, d, đ as amended "
    "by Decree 300/2026)",
    values={
        "denunciation": ("đang bị giải quyết tố cáo (đã có quyết định thành lập đoàn)",
                         "a denunciation being dealt with (a team has been set up)"),
        "discipline_complaint": ("đang giải quyết khiếu nại về kỷ luật",
                                 "a complaint against a disciplinary measure being dealt with"),
        "inspection": ("đang bị kiểm tra khi có dấu hiệu vi phạm",
                       "under inspection on signs of a breach"),
        "audit_recommendation": ("bị kiến nghị xử lý theo kết luận thanh tra, kiểm toán",
                                 "action recommended by an inspection or audit conclusion"),
        "suspended": ("đang bị tạm đình chỉ công tác", "suspended from duty"),
        "detained": ("đang bị tạm giữ, tạm giam", "held in custody or detention"),
        "banned_from_office": ("đang bị cấm đảm nhiệm chức vụ", "banned from holding office"),
    },
)
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



@described(
    "Loại đơn vị",
    "Kind of unit",
    values={
        "ministry_unit": ("vụ, cục hoặc đơn vị thuộc bộ, cơ quan trung ương",
                          "a department or unit of a ministry or central agency"),
        "provincial_branch": ("cơ quan ngành dọc của trung ương đặt tại tỉnh",
                              "a central agency's vertical-line branch in a province"),
        "other": ("loại khác", "another kind"),
    },
)
class UnitKind(StrEnum):
    """Loại đơn vị: đơn vị thuộc bộ, cơ quan trung ương; cơ quan ngành dọc của trung ương
    đặt tại tỉnh; khác."""

    MINISTRY_UNIT = "ministry_unit"
    PROVINCIAL_BRANCH = "provincial_branch"
    OTHER = "other"



@described(
    "Hình thức kỷ luật",
    "Form of discipline",
    values={
        "reprimand": ("khiển trách", "reprimand"),
        "warning": ("cảnh cáo", "warning"),
        "demotion": ("giáng chức", "demotion"),
        "removal": ("cách chức", "removal from office"),
        "dismissal": ("buộc thôi việc", "dismissal"),
        "expulsion": ("khai trừ", "expulsion from the Party"),
    },
)
class DisciplineForm(StrEnum):
    """Hình thức kỷ luật: khiển trách, cảnh cáo, cách chức, giáng chức, buộc thôi việc,
    khai trừ."""

    REPRIMAND = "reprimand"
    WARNING = "warning"
    DEMOTION = "demotion"
    REMOVAL = "removal"
    DISMISSAL = "dismissal"
    EXPULSION = "expulsion"



@described(
    "Kỷ luật đảng hay kỷ luật theo pháp luật",
    "Party or state discipline",
    values={
        "party": ("kỷ luật đảng", "Party discipline"),
        "state": ("kỷ luật theo pháp luật (hành chính)", "state (administrative) discipline"),
    },
)
class DisciplineSystem(StrEnum):
    PARTY = "party"
    STATE = "state"



@described(
    "Loại ý kiến được hỏi bằng văn bản",
    "Kind of written consultation",
    values={
        "cap_uy_evaluation": ("đánh giá, nhận xét bằng văn bản của cấp ủy cùng cấp",
                              "the written evaluation by the party committee at the same level"),
        "hiep_y": ("hiệp y bằng văn bản với ban thường vụ cấp ủy địa phương",
                   "the written exchange (hiệp y) with the local party standing committee"),
        "agency_party_committee": (
            "trao đổi bằng văn bản giữa ban cán sự đảng của bộ và đảng ủy cơ quan",
            "the written exchange between a ministry's ban cán sự đảng and the agency party "
            "committee",
        ),
        "competent_body": (
            "ý kiến bằng văn bản của cấp có thẩm quyền (kéo dài thời gian giữ chức vụ)",
            "the written opinion of the competent level (extension)",
        ),
        "other": ("ý kiến khác", "another consultation"),
    },
)
class ConsultationKind(StrEnum):
    CAP_UY_EVALUATION = "cap_uy_evaluation"
    HIEP_Y = "hiep_y"
    AGENCY_PARTY_COMMITTEE = "agency_party_committee"
    COMPETENT_BODY = "competent_body"
    OTHER = "other"



@described(
    "Cơ quan, đơn vị có chức vụ",
    "The body or unit the post belongs to",
)
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



@described(
    "Chức vụ lãnh đạo, quản lý mà thủ tục nói đến",
    "The leadership post the procedure is about",
)
class Post(Model):
    title: Name = Field(
        description=d(
            "Tên chức vụ mà thủ tục nói đến: chức vụ dự kiến bổ nhiệm, hoặc chức vụ đang giữ",
            "The title of the post the procedure is about: the post to be filled, or the "
            "post held",
        )
    )
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



@described(
    "Một quyết định kỷ luật",
    "A disciplinary decision",
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



@described(
    "Xếp loại chất lượng của một năm",
    "The quality rating of one year",
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



@described(
    "Quyết định của cấp có thẩm quyền kết thúc thủ tục",
    "The competent body's decision that concludes the procedure",
)
class Decision(Model):
    body: Name = Field(
        description=d("Cấp quyết định (cấp có thẩm quyền)", "The deciding (competent) body")
    )
    signatory: Name = Field(description=d("Người ký", "Signatory"))
    document: NumberedDocument = Field(
        description=d("Văn bản quyết định: số và ngày", "The decision document: number and date")
    )
    effective_date: dt.date | None = Field(
        None, description=d("Ngày có hiệu lực", "Effective date")
    )
    term_end: dt.date | None = Field(
        None,
        description=d(
            "Ngày cuối cùng của thời hạn mà quyết định đặt ra (giữ chức vụ, giao quyền...)",
            "Last day of the period the decision sets (the term of office, the acting...)",
        ),
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



@described(
    "Một thời hạn giữ chức vụ",
    "A term of office",
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



@described(
    "Một lần hỏi ý kiến bằng văn bản",
    "A written consultation",
)
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



@described(
    "Miễn trừ: cho phép một ngoại lệ với một quy tắc trong hồ sơ này; phát hiện được miễn trừ "
    "vẫn được báo cáo nhưng không làm hồ sơ bị đánh giá là lỗi",
    "Waiver: an exception to one rule in this case; a waived finding is still reported but does "
    "not fail the check",
    example={
        "rule": "APPT-DOSSIER-FRESH",
        "pointer": "/dossier/items/9",
        "authority": {"number": "12/QĐ-BY", "date": "2026-09-10",
                      "title": "Quyết định cho phép bổ sung giấy chứng nhận sức khỏe sau"},
        "approved_by": "Bộ trưởng Bộ Y",
        "reason": "Người được đề nghị bổ nhiệm đang công tác dài hạn ở nước ngoài; giấy chứng "
                  "nhận sức khỏe mới sẽ được bổ sung trước ngày 30/9/2026.",
        "expires": "2026-09-30",
    },
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



@described(
    "Người mà thủ tục nói đến: họ tên, ngày sinh, giới tính, chức vụ hiện tại, ngày nghỉ hưu, kỷ "
    "luật, xếp loại, vụ việc đang giải quyết",
    "The person the procedure is about: name, birth date, sex, current post, retirement date, "
    "discipline, ratings, pending matters",
)
class Person(Model):
    """Người mà thủ tục nói đến: điều mọi thủ tục cần biết về người ấy (họ tên, ngày sinh,
    giới tính, chức vụ hiện tại, ngày nghỉ hưu, kỷ luật, xếp loại, vụ việc đang giải quyết).
    A family's shape names the field (`candidate` for the appointment family) and may add
    to it."""

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
    retirement_date: dt.date | None = Field(
        None,
        description=d(
            "Ngày đủ tuổi nghỉ hưu theo lộ trình của Nghị định 135/2020/NĐ-CP (hoặc 60 tuổi "
            "với cán bộ nữ thuộc diện nghỉ hưu ở tuổi cao hơn)",
            "Date the person reaches retirement age under Decree 135/2020 (or 60 for women "
            "under the higher-age regime)",
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
    ratings: list[AnnualRating] = Field(
        default_factory=list,
        description=d(
            "Xếp loại chất lượng hằng năm của cấp có thẩm quyền",
            "Annual quality ratings by the competent body",
        ),
    )


class CaseBase(Model):
    """Hồ sơ công tác cán bộ: những gì mọi hồ sơ đều có, dù theo thủ tục nào. Each
    procedure's shape subclasses it (through its family's base), narrows `procedure` to
    its own value and adds the fields it needs; `subject_field` names the field that holds
    the person the procedure is about."""

    subject_field: ClassVar[str]
    # Pointer prefixes of the acts that come before the procedure proper (e.g. the
    # policy request, which NĐ 170 Điều 33 k1 puts before k2's "thực hiện quy trình").
    # A transitional provision keeping a procedure "already carried out" under the
    # earlier law may or may not reach a case with only these before its change.
    preliminaries: ClassVar[tuple[str, ...]] = ()

    schema_ref: str | None = Field(
        None,
        alias="$schema",
        description=d("Đường dẫn tới JSON Schema này", "Where this JSON Schema is"),
    )
    case_id: Name = Field(description=d("Mã hồ sơ", "Case identifier"))
    procedure: Procedure = Field(description=d("Thủ tục", "Procedure"))
    unit: Unit = Field(description=d("Cơ quan, đơn vị có chức vụ", "The unit of the post"))
    post: Post = Field(description=d("Chức vụ", "The post"))
    consultations: list[Consultation] = Field(
        default_factory=list,
        description=d("Các ý kiến được hỏi bằng văn bản", "The written consultations"),
    )
    decision: Decision | None = Field(
        None,
        description=d(
            "Quyết định của cấp có thẩm quyền (bỏ trống khi chưa quyết định)",
            "The competent body's decision (absent while undecided)",
        ),
    )
    waivers: list[Waiver] = Field(
        default_factory=list,
        description=d(
            "Các miễn trừ được cấp có thẩm quyền cho phép đối với hồ sơ này",
            "Waivers granted for this case by a competent authority",
        ),
    )

    def acts(self) -> list[tuple[dt.date, str]]:
        """The dates on which the procedure acted before its decision, with their
        pointers: the engine takes the earliest as the day the procedure began and, while
        undecided, the latest as the day it was last acted on. A shape with such dates
        says which they are."""
        return []

    def proper_acts(self) -> list[tuple[dt.date, str]]:
        """The acts of the procedure proper: `acts()` without the preliminaries."""
        return [(day, ptr) for day, ptr in self.acts()
                if not ptr.startswith(self.preliminaries)]

    @property
    def subject(self) -> Person:
        """The person the procedure is about (the appointment family's `candidate`)."""
        person = getattr(self, self.subject_field)
        assert isinstance(person, Person)
        return person


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
