"""Earlier removals from a leadership post, as a later appointment records them
(`candidate.removals`): what the waiting periods after removal read (NĐ 170/2025 Điều 55
k3 as first issued; Điều 55 k1 as amended by NĐ 300/2026 Điều 25; Luật 80/2025/QH15
Điều 38 k3). Part W of issue 14."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import Field

from checker.model.common import Model, Name, NumberedDocument, d, described


@described(
    "Hình thức thôi đảm nhiệm chức vụ lãnh đạo, quản lý trước đây",
    "How an earlier leadership post was lost",
    values={
        "relief": ("cho thôi giữ chức vụ", "relieved of the post (cho thôi giữ chức vụ)"),
        "resignation": ("từ chức", "resigned (từ chức)"),
        "dismissal": ("miễn nhiệm", "dismissed (miễn nhiệm)"),
        "not_reappointed": ("không được bổ nhiệm lại", "not reappointed"),
        "discipline_removal": ("bị kỷ luật cách chức", "removed from the post as a discipline "
                               "(cách chức)"),
    },
)
class RemovalKind(StrEnum):
    """Hình thức thôi đảm nhiệm chức vụ: cho thôi giữ chức vụ, từ chức, miễn nhiệm, không
    được bổ nhiệm lại, cách chức."""

    RELIEF = "relief"
    RESIGNATION = "resignation"
    DISMISSAL = "dismissal"
    NOT_REAPPOINTED = "not_reappointed"
    DISCIPLINE_REMOVAL = "discipline_removal"


@described(
    "Chức vụ dự kiến bổ nhiệm so với chức vụ đã thôi đảm nhiệm",
    "The post to be filled against the post lost",
    values={
        "equivalent": ("tương đương (hoặc chính chức vụ đó)", "equivalent (or the same post)"),
        "higher": ("cao hơn", "higher"),
        "lower": ("thấp hơn", "lower"),
    },
)
class RankAgainstLost(StrEnum):
    """Chức vụ dự kiến bổ nhiệm so với chức vụ đã thôi đảm nhiệm: tương đương, cao hơn,
    thấp hơn (do người lập hồ sơ xác định, ghi rõ căn cứ: bảng chức danh tương đương của cấp
    có thẩm quyền không có trong các văn bản trình kiểm tra đọc)."""

    EQUIVALENT = "equivalent"
    HIGHER = "higher"
    LOWER = "lower"


@described(
    "Vị trí, chức vụ được bố trí sau khi thôi đảm nhiệm chức vụ",
    "The position given after the post was lost",
)
class NewPosition(Model):
    """Vị trí, chức vụ mới được bố trí sau khi thôi đảm nhiệm chức vụ: thời gian chờ tính từ
    ngày bắt đầu công tác ở vị trí này (NĐ 170/2025 Điều 55 k1 sửa đổi bởi NĐ 300/2026)."""

    title: Name | None = Field(None, description=d("Vị trí, chức vụ", "Position or post"))
    since: dt.date | None = Field(
        None,
        description=d(
            "Ngày bắt đầu công tác ở vị trí, chức vụ mới",
            "The day work at the new position began",
        ),
    )
    leadership: bool = Field(
        False,
        description=d(
            "Là chức vụ lãnh đạo, quản lý (false: làm công tác chuyên môn)",
            "A leadership post (false: professional work)",
        ),
    )


@described(
    "Một lần thôi đảm nhiệm chức vụ lãnh đạo, quản lý trước đây (NĐ 170/2025 Điều 55; Luật "
    "80/2025/QH15 Điều 38 k3)",
    "An earlier loss of a leadership post (Decree 170/2025 Art. 55; Law 80/2025/QH15 Art. 38 "
    "cl. 3)",
)
class Removal(Model):
    """Một lần thôi đảm nhiệm chức vụ lãnh đạo, quản lý trước đây: hình thức, quyết định,
    chức vụ đã thôi, vị trí mới được bố trí và chức vụ dự kiến bổ nhiệm so với chức vụ đã
    thôi."""

    kind: RemovalKind = Field(
        description=d(
            "Hình thức: relief (cho thôi giữ chức vụ), resignation (từ chức), dismissal "
            "(miễn nhiệm), not_reappointed (không được bổ nhiệm lại), discipline_removal "
            "(cách chức)",
            "How the post was lost: relief, resignation, dismissal, not_reappointed, "
            "discipline_removal",
        )
    )
    decision: NumberedDocument = Field(
        description=d("Quyết định (số, ngày)", "The decision (number, date)")
    )
    post: Name = Field(description=d("Chức vụ đã thôi đảm nhiệm", "The post lost"))
    on_dismissal_grounds: bool = Field(
        False,
        description=d(
            "Tự nguyện xin từ chức khi thuộc trường hợp miễn nhiệm tại điểm a, b, c, d khoản 1 "
            "Điều 53 (NĐ 170/2025 sửa đổi bởi NĐ 300/2026)",
            "Resigned voluntarily when dismissal grounds a, b, c or d of Art. 53 cl. 1 applied "
            "(Decree 170/2025 as amended by Decree 300/2026)",
        ),
    )
    corruption: bool = Field(
        False,
        description=d(
            "Bị kỷ luật cách chức do tham nhũng (Luật 80/2025/QH15 Điều 38 k3)",
            "Removed as a discipline for corruption (Law 80/2025/QH15 Art. 38 cl. 3)",
        ),
    )
    placement: NewPosition | None = Field(
        None,
        description=d(
            "Vị trí, chức vụ được bố trí sau đó; không ghi nếu lần bổ nhiệm này là lần bố trí "
            "đầu tiên",
            "The position given afterwards; left out when this appointment is the first "
            "placement",
        ),
    )
    rank: RankAgainstLost | None = Field(
        None,
        description=d(
            "Chức vụ dự kiến bổ nhiệm so với chức vụ đã thôi: equivalent (tương đương), higher "
            "(cao hơn), lower (thấp hơn)",
            "The post to be filled against the post lost: equivalent, higher, lower",
        ),
    )
    rank_basis: Name | None = Field(
        None,
        description=d(
            "Căn cứ xác định chức vụ tương đương, cao hơn, thấp hơn (văn bản của cấp có thẩm "
            "quyền)",
            "The basis for equivalent, higher or lower (the competent body's document)",
        ),
    )
