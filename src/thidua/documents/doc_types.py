"""Document types and their symbol codes (NĐ 30/2020 Phụ lục III).

Codes outside the table (such as "PD" for "Phát động", used by the seed 173/PD-SKHĐT)
are accepted when an agency configures them, with a visible warning.
"""

from dataclasses import dataclass

from thidua.common.text import fold

__all__ = ["OFFICIAL_TYPES", "DocType", "code_for_title", "doc_type"]


@dataclass(frozen=True)
class DocType:
    code: str
    name: str
    official: bool


# Phụ lục III, NĐ 30/2020 [V-P] (legal-spec §6.4, nd30-and-forms §1.1).
OFFICIAL_TYPES = {
    code: DocType(code, name, True)
    for code, name in [
        ("NQ", "Nghị quyết"),
        ("QĐ", "Quyết định"),
        ("CT", "Chỉ thị"),
        ("QC", "Quy chế"),
        ("QyĐ", "Quy định"),
        ("TC", "Thông cáo"),
        ("TB", "Thông báo"),
        ("HD", "Hướng dẫn"),
        ("CTr", "Chương trình"),
        ("KH", "Kế hoạch"),
        ("PA", "Phương án"),
        ("ĐA", "Đề án"),
        ("DA", "Dự án"),
        ("BC", "Báo cáo"),
        ("BB", "Biên bản"),
        ("TTr", "Tờ trình"),
        ("HĐ", "Hợp đồng"),
        ("CĐ", "Công điện"),
        ("BGN", "Bản ghi nhớ"),
        ("BTT", "Bản thỏa thuận"),
        ("GUQ", "Giấy ủy quyền"),
        ("GM", "Giấy mời"),
        ("GGT", "Giấy giới thiệu"),
        ("GNP", "Giấy nghỉ phép"),
        ("PG", "Phiếu gửi"),
        ("PC", "Phiếu chuyển"),
        ("PB", "Phiếu báo"),
    ]
}


def doc_type(code: str, local_types: dict[str, str] | None = None) -> DocType | None:
    """The type for ``code``: from Phụ lục III, else from the locally configured codes."""
    if code in OFFICIAL_TYPES:
        return OFFICIAL_TYPES[code]
    if local_types and code in local_types:
        return DocType(code, local_types[code], False)
    return None


def code_for_title(title: str) -> str:
    """The Phụ lục III code of a typed tên loại: "QUY CHẾ" → "QC", "KẾ HOẠCH LIÊN
    TỊCH" → "KH"; "" when the title names no type of the table."""
    folded = fold(" ".join(title.split()))
    matches = [
        t
        for t in OFFICIAL_TYPES.values()
        if (folded + " ").startswith(fold(t.name) + " ")
    ]
    return max(matches, key=lambda t: len(t.name)).code if matches else ""
