"""The words that tell the parts of an NĐ 30/2020 document apart, as typed in Word.

Keywords are matched accent- and case-free (``fold``): typists write "CỘNG HOÀ" and
"CỘNG HÒA", "Uỷ ban" and "Ủy ban".
"""

import datetime
import re

from .docx_import_text import Para, clean, fold, is_upper

__all__ = [
    "AUTHORITY_PREFIXES",
    "appendix_label",
    "is_closing",
    "is_quoc_hieu",
    "is_tieu_ngu",
    "read_date",
    "read_number",
    "signer_line",
    "type_kind",
]

# Type titles (tên loại) and the kind they make; the other NĐ 30 types are "khac".
_KINDS = {
    "ke hoach": "ke_hoach",
    "quyet dinh": "quyet_dinh",
    "to trinh": "to_trinh",
    "bao cao": "bao_cao",
    "bien ban": "bien_ban",
    "thong bao": "thong_bao",
    "chuong trinh": "chuong_trinh",
    "huong dan": "huong_dan",
    "giay moi": "giay_moi",
    "cong van": "cong_van",
}
_OTHER_TYPES = (
    "nghi quyet",
    "chi thi",
    "quy che",
    "quy dinh",
    "thong cao",
    "phuong an",
    "de an",
    "du an",
    "giay gioi thieu",
    "giay uy quyen",
    "giay nghi phep",
    "phieu gui",
    "phieu chuyen",
    "phieu bao",
    "cong dien",
    "hop dong",
    "ban ghi nho",
    "ban thoa thuan",
    "thu cong",
    "danh sach",
)
AUTHORITY_PREFIXES = ("TM.", "KT.", "Q.", "TL.", "TUQ.")
# Words of a signer's title line (the signature block of a table or of paragraphs).
_SIGNER_WORDS = re.compile(
    r"\b(truong|chu tich|giam doc|thu ky|chu toa|chu tri|bi thu|thu tuong|"
    r"tong giam doc|nguoi lap|nguoi ghi|dai dien|chanh|ke toan|pho)\b"
)
# How closing paragraphs begin ("Trên đây là Kế hoạch…", "Cuộc họp kết thúc…").
_CLOSING = re.compile(
    r"^(tren day|trong qua trinh|(cuoc|buoi) hop (ket thuc|ket thuc)|"
    r"hoi nghi ket thuc|bien ban (duoc|nay|ket thuc|lap xong)|kinh trinh|"
    r"kinh de nghi|rat mong|tran trong|xin tran trong)"
)
_NUMBER = re.compile(
    r"^s[ốo]\s*:?\s*(?P<number>\d*)[\s.…_]*/\s*(?P<symbol>[^\s,;]*)", re.IGNORECASE
)
_DATE = re.compile(
    r"^(?:(?P<place>[^,]*?)\s*,\s*)?ngày\s*(?P<d>\S*?)\s*(?:tháng\s*(?P<m>\S*?)\s*"
    r"năm\s*(?P<y>\S*?)|/\s*(?P<m2>\d+)\s*/\s*(?P<y2>\d+))\s*\.?$",
    re.IGNORECASE,
)
_APPENDIX = re.compile(
    r"^(phụ lục|PHỤ LỤC)(?:\s+(số\s+)?(?P<n>[IVXLC]+|\d+|[A-Z])\b)?\s*[:.\-–]?\s*",
    re.IGNORECASE,
)


def type_kind(para: Para) -> str | None:
    """The kind of a type title line ("KẾ HOẠCH", "QUYẾT ĐỊNH"…), None for another
    line. Only a short upper-case line, bold or centred, is a type title."""
    text = para.plain
    if not is_upper(text) or len(text) > 60 or not (para.bold or para.centered):
        return None
    folded = fold(text)
    for prefix, kind in _KINDS.items():
        if folded == prefix or folded.startswith(prefix + " "):
            return kind
    if any(folded == t or folded.startswith(t + " ") for t in _OTHER_TYPES):
        return "khac"
    return None


def is_quoc_hieu(text: str) -> bool:
    return "cong hoa xa hoi chu nghia viet nam" in fold(text)


def is_tieu_ngu(text: str) -> bool:
    folded = fold(text)
    return folded.startswith("doc lap") and "hanh phuc" in folded


def read_number(text: str) -> tuple[str, str] | None:
    """("0125", "KH-THPTTX.PL") from "Số: 0125/KH-THPTTX.PL"; the number is "" when
    left blank for the văn thư ("Số:    /QĐ-UBND")."""
    match = _NUMBER.match(clean(text))
    if not match:
        return None
    return match["number"], match["symbol"].rstrip(".")


def read_date(text: str) -> tuple[str, str | None, bool] | None:
    """(place, ISO date or None, valid) from "Đắk Lắk, ngày 05 tháng 3 năm 2024"; the
    date is None when its numbers are left blank; valid is False for a date that
    does not exist (30 tháng 2)."""
    match = _DATE.match(clean(text))
    if not match:
        return None
    numbers = [
        re.sub(r"\D", "", match[name] or "")
        for name in (
            "d",
            "m" if match["m2"] is None else "m2",
            "y" if match["y2"] is None else "y2",
        )
    ]
    place = clean(match["place"] or "")
    if not all(numbers):
        return place, None, True
    day, month, year = (int(n) for n in numbers)
    try:
        return place, datetime.date(year, month, day).isoformat(), True
    except ValueError:
        return place, None, False


def appendix_label(para: Para) -> tuple[str, str] | None:
    """("I", rest) for a line "Phụ lục I" / "PHỤ LỤC I: DANH SÁCH…", None otherwise.
    A sentence that mentions an appendix is not one: the line is bold, centred or in
    capitals, and anything after the label is a title in capitals."""
    text = para.plain
    match = _APPENDIX.match(text)
    if not match or len(text) > 250:
        return None
    rest = text[match.end() :]
    if rest and not is_upper(rest):
        return None
    if not (para.bold or para.centered or is_upper(text[: match.end()])):
        return None
    return match["n"] or "", rest


def is_closing(text: str) -> bool:
    return bool(_CLOSING.match(fold(text)))


def signer_line(text: str) -> bool:
    """A line that begins a signature: "TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC",
    "HIỆU TRƯỞNG", "THƯ KÝ", "CHỦ TỌA"."""
    text = clean(text)
    if not is_upper(text) or len(text) > 80:
        return False
    if text.startswith(AUTHORITY_PREFIXES):
        return True
    return bool(_SIGNER_WORDS.search(fold(text)))
