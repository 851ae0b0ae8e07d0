"""Giao quyền cấp trưởng: the acting-head arrangement (NĐ 170/2025 Điều 34 k3, as
amended by NĐ 300/2026)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import Field

from checker.model.common import (
    Document,
    Model,
    d,
    described,
)


@described(
    "Lý do giao quyền cấp trưởng",
    "Why an acting head is named",
    values={
        "no_head": ("đơn vị chưa kiện toàn người đứng đầu", "the unit has no head yet"),
        "head_absent": ("người đứng đầu vắng mặt trong một thời gian dài",
                        "the head is away for a long time"),
    },
)
class ActingReason(StrEnum):
    """Lý do giao quyền: đơn vị chưa kiện toàn người đứng đầu; người đứng đầu vắng mặt
    trong một thời gian dài."""

    NO_HEAD = "no_head"
    HEAD_ABSENT = "head_absent"


@described(
    "Giao quyền cấp trưởng: lý do, kết thúc, gia hạn, bố trí nhân sự (NĐ 170/2025 Điều 34 k3, "
    "sửa đổi bởi NĐ 300/2026)",
    "The acting-head arrangement: reason, end, extensions, settlement (Decree 170/2025 Art. 34 "
    "cl. 3 as amended by Decree 300/2026)",
)
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
