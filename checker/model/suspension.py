"""The case shape of a suspension (tạm đình chỉ công tác) of a civil servant: Luật Cán bộ,
công chức 80/2025/QH15 Điều 5 k13 and Điều 39; Nghị định 170/2025/NĐ-CP Điều 56, as first
issued and as amended by Nghị định 300/2026/NĐ-CP Điều 26.

The grounds are recorded by what happened (`ground.kind`), not by the point of the
article: the points were renumbered by NĐ 300 (harassment is point b as first issued, c
as amended; a request letter is point e as first issued, clause 2 b as amended), and the
rule packs say which point each kind falls under in their regime.

Only what the law sets and a case can show is recorded: who decided and in what capacity,
the ground and its document, the personnel unit's proposal and its receipt, the period in
working days, extensions with the report made before them, the revocation, and where the
decisions were announced and sent.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, ClassVar, Literal

from pydantic import ConfigDict, Field, model_validator

from checker.model.common import (
    CaseBase,
    Discipline,
    Document,
    Model,
    Name,
    NumberedDocument,
    Person,
    Post,
    Procedure,
    d,
    described,
)

WorkingDays = Annotated[int, Field(ge=1, le=3650)]


@described(
    "Căn cứ tạm đình chỉ công tác, theo sự việc (điểm của khoản tương ứng do quy định "
    "áp dụng xác định)",
    "The ground for the suspension, by what happened (the rule pack of the regime in "
    "force says which point of the article it falls under)",
    values={
        "ethics": ("vi phạm phẩm chất đạo đức, lối sống gây ảnh hưởng tiêu cực, bức xúc "
                   "trong dư luận", "a breach of ethics or conduct that caused public outrage"),
        "harassment": ("nhũng nhiễu, tiêu cực, gây phiền hà cho người dân, doanh nghiệp "
                       "trong thực thi công vụ", "harassing or obstructing citizens or "
                       "businesses in office"),
        "evasion": ("cố tình trì hoãn, đùn đẩy, né tránh trách nhiệm",
                    "deliberately delaying, shifting or evading responsibility"),
        "obstruction": ("đang bị xem xét kỷ luật mà cản trở việc xem xét, xử lý",
                        "obstructing the disciplinary review of one's own conduct"),
        "party_discipline": ("đã bị kỷ luật đảng, đang chờ xem xét xử lý chức vụ chính "
                             "quyền", "disciplined by the Party and awaiting the state "
                             "decision on the post"),
        "prosecution": ("bị khởi tố bị can", "charged as an accused in a criminal case"),
        "request": ("có văn bản đề nghị của cơ quan thanh tra, kiểm tra, kiểm toán, tố "
                    "tụng hoặc cơ quan có thẩm quyền khác", "a written request of an "
                    "inspection, audit, judicial or other competent body"),
        "other": ("trường hợp khác theo quy định của pháp luật hoặc theo đề nghị của cơ "
                  "quan có thẩm quyền", "another case set by law or requested by a "
                  "competent body"),
    },
)
class SuspensionGround(StrEnum):
    """Căn cứ tạm đình chỉ công tác (NĐ 170/2025 Điều 56 k1; k1, k2 sau khi sửa đổi bởi NĐ
    300/2026)."""

    ETHICS = "ethics"
    HARASSMENT = "harassment"
    EVASION = "evasion"
    OBSTRUCTION = "obstruction"
    PARTY_DISCIPLINE = "party_discipline"
    PROSECUTION = "prosecution"
    REQUEST = "request"
    OTHER = "other"


@described(
    "Cơ quan có văn bản đề nghị tạm đình chỉ công tác",
    "The body that requested the suspension in writing",
    values={
        "inspection": ("cơ quan thanh tra", "a state inspectorate"),
        "party_inspection": ("cơ quan kiểm tra của Đảng", "a Party inspection commission"),
        "audit": ("cơ quan kiểm toán", "an audit body"),
        "investigation": ("cơ quan điều tra", "an investigating body"),
        "procuracy": ("viện kiểm sát (truy tố)", "the procuracy (prosecution)"),
        "court": ("tòa án (xét xử)", "a court (trial)"),
        "enforcement": ("cơ quan thi hành án", "a judgment enforcement body"),
        "other": ("cơ quan có thẩm quyền khác", "another competent body"),
    },
)
class RequestIssuer(StrEnum):
    """Cơ quan có văn bản đề nghị tạm đình chỉ công tác."""

    INSPECTION = "inspection"
    PARTY_INSPECTION = "party_inspection"
    AUDIT = "audit"
    INVESTIGATION = "investigation"
    PROCURACY = "procuracy"
    COURT = "court"
    ENFORCEMENT = "enforcement"
    OTHER = "other"


@described(
    "Tư cách của người ký quyết định",
    "The capacity in which the decision was signed",
    values={
        "head": ("người đứng đầu", "the head"),
        "on_behalf_of_head": ("cấp phó ký thay người đứng đầu", "a deputy signing for the head"),
        "acting_head": ("người được giao quyền người đứng đầu", "the acting head"),
        "deputy": ("cấp phó ký với tư cách của mình", "a deputy in their own name"),
        "collective": ("tập thể lãnh đạo", "the leadership collective"),
        "other": ("tư cách khác", "another capacity"),
    },
)
class SignedAs(StrEnum):
    """Tư cách của người ký quyết định."""

    HEAD = "head"
    ON_BEHALF_OF_HEAD = "on_behalf_of_head"
    ACTING_HEAD = "acting_head"
    DEPUTY = "deputy"
    COLLECTIVE = "collective"
    OTHER = "other"


@described(
    "Công chức bị tạm đình chỉ công tác",
    "The civil servant suspended",
)
class SuspendedPerson(Person):
    """Công chức bị tạm đình chỉ công tác."""

    employer: Name = Field(
        description=d(
            "Cơ quan, tổ chức, đơn vị sử dụng công chức (người đứng đầu cơ quan này quyết định "
            "tạm đình chỉ công tác đối với công chức không giữ chức vụ lãnh đạo, quản lý)",
            "The body that employs the civil servant (its head suspends a civil servant "
            "who holds no leadership post)",
        )
    )


@described(
    "Văn bản đề nghị tạm đình chỉ công tác của cơ quan có thẩm quyền",
    "A competent body's written request to suspend",
)
class SuspensionRequest(Model):
    """Văn bản đề nghị tạm đình chỉ công tác của cơ quan có thẩm quyền."""

    document: Document = Field(description=d("Văn bản đề nghị", "The request letter"))
    issuer_kind: RequestIssuer = Field(
        description=d(
            "Cơ quan đề nghị: inspection (thanh tra), party_inspection (kiểm tra của Đảng), "
            "audit (kiểm toán), investigation (điều tra), procuracy (truy tố, viện kiểm sát), "
            "court (xét xử, tòa án), enforcement (thi hành án), other (cơ quan khác có thẩm "
            "quyền)",
            "The requesting body: inspection, party_inspection (the Party's inspection "
            "commissions), audit, investigation, procuracy, court, enforcement (judgment "
            "enforcement), other (another competent body)",
        )
    )
    received_on: dt.date | None = Field(
        None,
        description=d(
            "Ngày cơ quan sử dụng công chức nhận được văn bản đề nghị",
            "Date the employing body received the request",
        ),
    )
    working_days: WorkingDays | None = Field(
        None,
        description=d(
            "Thời hạn tạm đình chỉ mà văn bản đề nghị nêu (ngày làm việc); bỏ trống nếu văn "
            "bản không nêu",
            "The suspension period the request asks for, in working days; absent if it "
            "names none",
        ),
    )
    serious_violation: bool = Field(
        False,
        description=d(
            "Văn bản đề nghị nêu có cơ sở xác định phải xử lý kỷ luật từ cảnh cáo trở lên hoặc "
            "xử lý hình sự (có dấu hiệu vi phạm nghiêm trọng: NĐ 170/2025 Điều 56 k2 b sửa "
            "đổi bởi NĐ 300/2026)",
            "The request states grounds for discipline of a warning or more, or for criminal "
            "proceedings (a sign of a serious violation: Decree 170/2025 Art. 56 cl. 2 b as "
            "amended by Decree 300/2026)",
        ),
    )


@described(
    "Căn cứ tạm đình chỉ công tác và sự việc chứng minh căn cứ đó",
    "The ground for the suspension and the facts that prove it",
)
class SuspensionFacts(Model):
    """Căn cứ tạm đình chỉ công tác và sự việc chứng minh căn cứ đó."""

    kind: SuspensionGround = Field(
        description=d(
            "Căn cứ: ethics (vi phạm phẩm chất đạo đức, lối sống), harassment (nhũng nhiễu, "
            "tiêu cực, gây phiền hà), evasion (cố tình trì hoãn, đùn đẩy, né tránh trách "
            "nhiệm), obstruction (cản trở việc xem xét, xử lý kỷ luật), party_discipline (đã "
            "bị kỷ luật đảng, đang chờ xử lý chức vụ chính quyền), prosecution (bị khởi tố bị "
            "can), request (có văn bản đề nghị của cơ quan có thẩm quyền), other (trường hợp "
            "khác theo quy định của pháp luật)",
            "Ground: ethics (a breach of ethics or conduct), harassment (harassing or "
            "troubling the public), evasion (deliberately delaying or evading duties), "
            "obstruction (obstructing one's own disciplinary review), party_discipline "
            "(disciplined by the Party, awaiting the state's decision on the post), "
            "prosecution (charged as an accused), request (a competent body's written "
            "request), other (another case provided by law)",
        )
    )
    established_on: dt.date | None = Field(
        None,
        description=d(
            "Ngày xác định có căn cứ tạm đình chỉ (nếu bỏ trống: ngày nhận văn bản đề nghị, "
            "hoặc ngày của văn bản xác định căn cứ)",
            "The day the ground was established (if absent: the day the request was "
            "received, or the date of the document establishing the ground)",
        ),
    )
    document: Document | None = Field(
        None,
        description=d(
            "Văn bản xác định căn cứ (biên bản, báo cáo, kết luận)",
            "The document establishing the ground (minutes, report, conclusion)",
        ),
    )
    party_discipline: Discipline | None = Field(
        None, description=d("Quyết định kỷ luật đảng", "The Party disciplinary decision")
    )
    awaiting_state_handling: bool = Field(
        False,
        description=d(
            "Đang trong thời gian chờ xem xét, xử lý chức vụ chính quyền",
            "Awaiting the state's decision on the post after the Party discipline",
        ),
    )
    indictment: Document | None = Field(
        None,
        description=d(
            "Quyết định khởi tố bị can", "The decision charging the civil servant as an accused"
        ),
    )
    request: SuspensionRequest | None = Field(
        None, description=d("Văn bản đề nghị tạm đình chỉ", "The written request to suspend")
    )


@described(
    "Báo cáo, đề xuất của cơ quan, bộ phận tham mưu về tổ chức cán bộ",
    "The personnel unit's report and proposal",
)
class SuspensionProposal(Model):
    """Báo cáo, đề xuất của cơ quan, bộ phận tham mưu về tổ chức cán bộ."""

    document: Document = Field(description=d("Văn bản đề xuất", "The proposal"))
    personnel_unit: bool = Field(
        description=d(
            "Do cơ quan, bộ phận tham mưu về tổ chức cán bộ đề xuất",
            "Made by the body or unit that advises on organisation and personnel",
        )
    )
    received_on: dt.date | None = Field(
        None,
        description=d(
            "Ngày người đứng đầu nhận được đề xuất", "Date the head received the proposal"
        ),
    )


@described(
    "Thời hạn tạm đình chỉ: số ngày làm việc, hoặc từ ngày đến ngày (cả hai ngày đều tính)",
    "A suspension period: a number of working days, or from one day to another (both included)",
)
class Period(Model):
    """Thời hạn tạm đình chỉ: số ngày làm việc, hoặc từ ngày đến ngày (cả hai ngày đều
    tính)."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": d(
                "Thời hạn tạm đình chỉ: số ngày làm việc, hoặc từ ngày đến hết ngày",
                "The suspension period: working days, or from a day to a last day",
            ),
            "anyOf": [{"required": ["working_days"]}, {"required": ["start", "end"]}],
        }
    )
    start: dt.date | None = Field(None, description=d("Từ ngày", "First day"))
    end: dt.date | None = Field(None, description=d("Đến hết ngày", "Last day"))
    working_days: WorkingDays | None = Field(
        None, description=d("Số ngày làm việc", "Number of working days")
    )

    @model_validator(mode="after")
    def _stated(self) -> Period:
        if self.working_days is None and (self.start is None or self.end is None):
            raise ValueError("a period needs working_days, or start and end")
        return self


@described(
    "Công bố và gửi quyết định",
    "Where the decision was announced and to whom it was sent",
)
class Publication(Model):
    announced_on: dt.date | None = Field(
        None,
        description=d(
            "Ngày công bố trong cơ quan, tổ chức, đơn vị sử dụng công chức",
            "Date announced in the employing body",
        ),
    )
    sent_to: list[Name] = Field(
        default_factory=list,
        description=d(
            "Các cơ quan, tổ chức, đơn vị, cá nhân có liên quan đã được gửi quyết định",
            "The bodies and persons concerned it was sent to",
        ),
    )
    sent_to_person_on: dt.date | None = Field(
        None,
        description=d(
            "Ngày gửi quyết định đến công chức bị tạm đình chỉ",
            "Date the decision was sent to the suspended civil servant",
        ),
    )


@described(
    "Quyết định tạm đình chỉ công tác",
    "The suspension decision",
)
class SuspensionDecision(Model):
    body: Name = Field(description=d("Cơ quan ra quyết định", "The deciding body"))
    signatory: Name = Field(description=d("Người ký", "Signatory"))
    signed_as: SignedAs = Field(
        description=d(
            "Tư cách người ký: head (người đứng đầu), on_behalf_of_head (cấp phó ký thay người "
            "đứng đầu), acting_head (người được giao quyền người đứng đầu), deputy (cấp phó "
            "ký với tư cách của mình), collective (tập thể lãnh đạo), other",
            "Capacity of the signatory: head, on_behalf_of_head (a deputy signing for the "
            "head), acting_head, deputy (a deputy in their own name), collective (the "
            "leadership collective), other",
        )
    )
    document: NumberedDocument = Field(
        description=d("Số, ngày của quyết định", "The decision's number and date"))
    period: Period | None = Field(
        None,
        description=d(
            "Thời hạn tạm đình chỉ ghi trong quyết định", "The period stated by the decision"
        ),
    )
    publication: Publication | None = Field(
        None, description=d("Công bố và gửi quyết định", "Announcement and sending")
    )


@described(
    "Một lần gia hạn tạm đình chỉ công tác",
    "One extension of the suspension",
)
class Extension(Model):
    document: NumberedDocument = Field(
        description=d("Quyết định gia hạn", "The extension decision")
    )
    period: Period = Field(description=d("Thời gian gia hạn", "The extension period"))
    complex_case: bool = Field(
        description=d(
            "Trường hợp phức tạp, có nhiều tình tiết cần tiếp tục xác minh, làm rõ",
            "A complex case whose facts need further verification",
        ),
    )
    report: Document | None = Field(
        None,
        description=d(
            "Báo cáo cấp có thẩm quyền quản lý trước khi gia hạn",
            "The report to the managing body before the extension",
        ),
    )


@described(
    "Hủy bỏ quyết định tạm đình chỉ công tác",
    "The revocation of the suspension decision",
)
class Revocation(Model):
    basis: Document = Field(
        description=d(
            "Văn bản làm cơ sở hủy bỏ (kết luận không vi phạm, hoặc xác định tạm đình chỉ "
            "không đúng quy định); ngày của văn bản là ngày có đủ cơ sở",
            "The document that gives the basis for revoking (a conclusion of no breach, or "
            "a finding that the suspension was wrong); its date is the day the basis "
            "existed",
        )
    )
    document: NumberedDocument = Field(
        description=d("Quyết định hủy bỏ", "The revoking decision")
    )
    report: Document | None = Field(
        None,
        description=d(
            "Báo cáo cấp có thẩm quyền quản lý công chức", "The report to the managing body"
        ),
    )
    publication: Publication | None = Field(
        None, description=d("Công bố và gửi quyết định hủy bỏ", "Announcement and sending")
    )


@described(
    "Hồ sơ tạm đình chỉ công tác đối với công chức (Luật 80/2025 Điều 39; NĐ "
    "170/2025 Điều 56, sửa đổi bởi NĐ 300/2026 Điều 26)",
    "A suspension of a civil servant (Law 80/2025 Art. 39; Decree 170/2025 Art. 56, "
    "as amended by Decree 300/2026 Art. 26)",
)
class SuspensionCase(CaseBase):
    """Hồ sơ tạm đình chỉ công tác đối với công chức (Luật 80/2025 Điều 39; NĐ 170/2025
    Điều 56, sửa đổi bởi NĐ 300/2026 Điều 26) / A suspension of a civil servant."""

    model_config = ConfigDict(title="Hồ sơ tạm đình chỉ công tác / Suspension case")

    subject_field: ClassVar[str] = "person"

    procedure: Literal[Procedure.SUSPENSION] = Field(
        description=d("Thủ tục: tạm đình chỉ công tác", "Procedure: suspension")
    )
    # Only a leading civil servant holds a post; the others are suspended by the head of
    # the body that employs them (person.employer).
    post: Post | None = Field(  # type: ignore[assignment]
        None,
        description=d(
            "Chức vụ lãnh đạo, quản lý đang giữ (chỉ với công chức lãnh đạo, quản lý); "
            "managing_body là cơ quan có thẩm quyền bổ nhiệm",
            "The leadership post held (a leading civil servant only); managing_body is the "
            "body with authority to appoint to it",
        ),
    )
    person: SuspendedPerson = Field(
        description=d("Công chức bị tạm đình chỉ công tác", "The civil servant suspended"))
    ground: SuspensionFacts = Field(
        description=d("Căn cứ tạm đình chỉ công tác", "The ground for the suspension"))
    proposal: SuspensionProposal | None = Field(
        None, description=d("Đề xuất của cơ quan, bộ phận tham mưu về tổ chức cán bộ",
                            "The personnel unit's proposal"))
    decision: SuspensionDecision | None = Field(  # type: ignore[assignment]
        None,
        description=d("Quyết định tạm đình chỉ công tác (khi đã ban hành)",
                      "The suspension decision (once issued)"))
    extensions: list[Extension] = Field(
        default_factory=list,
        description=d("Các quyết định gia hạn", "Extension decisions"),
    )
    revocation: Revocation | None = Field(
        None,
        description=d(
            "Quyết định hủy bỏ quyết định tạm đình chỉ", "Decision revoking the suspension"
        ),
    )

    def acts(self) -> list[tuple[dt.date, str]]:
        """The dates of the procedure before the decision: the ground established, the
        request received, the proposal written and received (the earliest is the day the
        procedure began)."""
        out: list[tuple[dt.date, str]] = []
        g = self.ground
        if g.established_on is not None:
            out.append((g.established_on, "/ground/established_on"))
        if g.request is not None and g.request.received_on is not None:
            out.append((g.request.received_on, "/ground/request/received_on"))
        if self.proposal is not None:
            if self.proposal.document.date is not None:
                out.append((self.proposal.document.date, "/proposal/document/date"))
            if self.proposal.received_on is not None:
                out.append((self.proposal.received_on, "/proposal/received_on"))
        return out
