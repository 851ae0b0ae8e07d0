"""The resignation family: từ chức (resignation) and cho thôi giữ chức vụ (relief from a
post) of a leading civil servant. Luật 80/2025 Điều 5 k11 (từ chức: voluntary, before
the term ends), Điều 31 k3; NĐ 170/2025 Điều 52, 54, 55 as first issued (từ chức only: the
decree as first issued has no article on cho thôi giữ chức vụ) and as rewritten by NĐ
300/2026 Điều 22, 24, 25 (both); for posts the Politburo or Secretariat manages, HD
45-HD/BTCTW mục IV.2.

The parts every case shares are those of checker.model.common; those every removal
shares (the term held, the confidence vote, the talk, the proposal, the dossier, the Party
steps, the point record of the grounds) those of checker.model.removal, which the
dismissal (miễn nhiệm) reads too. This module adds what this family needs: its grounds
(Điều 52), the letter, the bars (critical task, scrutiny, dismissal grounds already
present) and what follows a resignation.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import Field

from checker.model.common import (
    Document,
    Model,
    Person,
    Procedure,
    d,
    described,
)
from checker.model.removal import (
    CitedPoint,
    Points,
    RemovalDossier,
    RemovalFamily,
    point,
)


@described(
    "Căn cứ từ chức: mỗi khóa là một điểm của Điều 52 (NĐ 170/2025 bản gốc: khoản 1, điểm "
    "a-đ; từ 01/08/2026, sửa đổi bởi NĐ 300/2026: khoản 2, điểm a-k). Nội dung mỗi điểm khác "
    "nhau giữa hai văn bản",
    "Grounds of the resignation: each key is a point of Article 52 (Decree 170/2025 as "
    "first issued: clause 1, points a-đ; from 2026-08-01, as amended by Decree 300/2026: "
    "clause 2, points a-k). What each point says differs between the two texts",
    example={"a": {"document": {"title": "Đơn từ chức", "date": "2026-10-05"}}},
)
class ResignationGrounds(Points):
    """Các điểm của Điều 52 được viện dẫn cho việc từ chức."""

    a: CitedPoint | None = point("a")
    b: CitedPoint | None = point("b")
    c: CitedPoint | None = point("c")
    d: CitedPoint | None = point("d")
    dd: CitedPoint | None = point("đ", alias="đ")
    e: CitedPoint | None = point("e")
    g: CitedPoint | None = point("g")
    h: CitedPoint | None = point("h")
    i: CitedPoint | None = point("i")
    k: CitedPoint | None = point("k")


@described(
    "Căn cứ của Điều 52 khoản 2 (sửa đổi bởi NĐ 300/2026) mà công chức không có đơn từ chức "
    "(khoản 3): điểm b thì cho thôi giữ chức vụ; điểm d, đ, e, g, h, i thì xem xét miễn nhiệm",
    "Grounds of Article 52 clause 2 (as amended by Decree 300/2026) where the civil servant "
    "has not resigned (clause 3): point b leads to relief from the post; points d, đ, e, g, "
    "h, i to a dismissal",
    example={'b': {'document': {'title': 'Biên bản kiểm phiếu lấy phiếu tín nhiệm',
                                'date': '2026-09-15'}}},
)
class WithoutLetter(Points):
    """Điều 52 k3 (sửa đổi bởi NĐ 300/2026): căn cứ của khoản 2 mà công chức không có đơn.
    Points of Điều 52 (the resignation's article), not of Điều 53: unlike
    DismissalGroundsFound, whose letters name the grounds of a dismissal, a clerk writing
    `b` here means a low-confidence vote over 50%, there a second reprimand."""

    what = "grounds.clause_2"

    b: CitedPoint | None = point("b")
    d: CitedPoint | None = point("d")
    dd: CitedPoint | None = point("đ", alias="đ")
    e: CitedPoint | None = point("e")
    g: CitedPoint | None = point("g")
    h: CitedPoint | None = point("h")
    i: CitedPoint | None = point("i")


@described(
    "Căn cứ cho thôi giữ chức vụ: điểm a-d của Điều 52 khoản 1 (sửa đổi bởi NĐ 300/2026), "
    "hoặc clause_2 (căn cứ của khoản 2 khi không có đơn từ chức)",
    "Grounds of the relief: points a-d of Article 52 clause 1 (as amended by Decree "
    "300/2026), or clause_2 (grounds of clause 2 without a resignation letter)",
    example={'clause_2': {'b': {'document': {'title': 'Biên bản kiểm phiếu lấy phiếu tín nhiệm',
                                             'date': '2026-09-15'}}}},
)
class ReliefGrounds(Points):
    """Điều 52 k1 a-d (sửa đổi bởi NĐ 300/2026), hoặc k2 qua k3."""

    a: CitedPoint | None = point("a")
    b: CitedPoint | None = point("b")
    c: CitedPoint | None = point("c")
    d: CitedPoint | None = point("d")
    clause_2: WithoutLetter | None = Field(
        None, description="Căn cứ của khoản 2 khi không có đơn từ chức (khoản 3) / Grounds "
                          "of clause 2 without a resignation letter (clause 3)")


@described(
    "Căn cứ miễn nhiệm (Điều 53 khoản 1, sửa đổi bởi NĐ 300/2026, điểm a-l) đã có đối với "
    "công chức khi xem xét từ chức, cho thôi giữ chức vụ (Điều 52 khoản 4 điểm c); bỏ trống "
    "nếu không có",
    "Grounds for dismissal (Article 53 clause 1 as amended by Decree 300/2026, points a-l) "
    "already present when the resignation or relief is considered (Article 52 clause 4 "
    "point c); leave out if there are none",
    example={'c': {'document': {'title': 'Biên bản kiểm phiếu lấy phiếu tín nhiệm',
                                'date': '2026-09-15'}}},
)
class DismissalGroundsFound(Model):
    """Căn cứ miễn nhiệm đã có (Điều 53 k1 sửa đổi bởi NĐ 300/2026), vì Điều 52 k4 c.
    The points of Điều 53 (the dismissal's article, as amended: a-l), not of Điều 52 as in
    WithoutLetter; and none need be named (a bar that is absent is left out). The
    dismissal's own Grounds read the same letters under both regimes and record more of
    each point (the assessment, the rule): a case file's keys may not change, so they stay
    apart."""

    a: CitedPoint | None = point("a")
    b: CitedPoint | None = point("b")
    c: CitedPoint | None = point("c")
    d: CitedPoint | None = point("d")
    dd: CitedPoint | None = point("đ", alias="đ")
    e: CitedPoint | None = point("e")
    g: CitedPoint | None = point("g")
    h: CitedPoint | None = point("h")
    i: CitedPoint | None = point("i")
    k: CitedPoint | None = point("k")
    l: CitedPoint | None = point("l")  # noqa: E741 (the decree's own letter)


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
    "Hồ sơ xem xét cho từ chức, cho thôi giữ chức vụ: hồ sơ chung của Điều 54 và đơn từ "
    "chức",
    "The dossier of the resignation or relief: the common dossier of Article 54 and the "
    "letter",
    example={'letter': {'title': 'Đơn từ chức', 'date': '2026-10-05'},
             'submission': {'number': '112/TTr-VP', 'date': '2026-10-14'}},
)
class ResignationDossier(RemovalDossier):
    """The removal dossier with the resignation letter (NĐ 170 Điều 52 k6 a as first
    issued; Điều 54 k1 as amended), which a dismissal's dossier does not have."""

    letter: Document | None = Field(None, description=d("Đơn từ chức", "The letter"))


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


class ResignationFamily(RemovalFamily):
    """What từ chức and cho thôi giữ chức vụ share beyond the removal family's parts; not
    a shape of its own."""

    person: Person = Field(
        description=d("Công chức từ chức hoặc được cho thôi giữ chức vụ",
                      "The civil servant who resigns or is relieved of the post"))
    resignation_letter: ResignationLetter | None = Field(
        None, description=d("Đơn từ chức (đơn tự nguyện xin thôi giữ chức vụ)",
                            "The resignation letter (the voluntary request to leave the post)")
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
    dossier: ResignationDossier | None = Field(
        None, description=d("Hồ sơ", "The dossier"))

    def acts(self) -> list[tuple[dt.date, str]]:
        """The letter, the talk, the proposal (written and received) and the Party
        steps."""
        dated: list[tuple[dt.date, str]] = []
        if self.resignation_letter is not None:
            dated.append((self.resignation_letter.date, "/resignation_letter/date"))
            dated.append((self.resignation_letter.received_on, "/resignation_letter/received_on"))
        dated += self.talk_and_proposal()
        if self.proposal is not None:
            dated.append((self.proposal.received_on, "/proposal/received_on"))
        return dated + self.party_step_dates()


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
