"""The 54 ethnic groups of Viet Nam (Danh mục các dân tộc Việt Nam, QĐ 121-TCTK/PPCĐ)."""

from thidua.common.text import fold

__all__ = ["ETHNICITIES", "canonical_ethnicity"]

ETHNICITIES = (
    "Kinh",
    "Tày",
    "Thái",
    "Hoa",
    "Khơ-me",
    "Mường",
    "Nùng",
    "HMông",
    "Dao",
    "Gia-rai",
    "Ngái",
    "Ê-đê",
    "Ba-na",
    "Xơ-Đăng",
    "Sán Chay",
    "Cơ-ho",
    "Chăm",
    "Sán Dìu",
    "Hrê",
    "Mnông",
    "Ra-glai",
    "Xtiêng",
    "Bru-Vân Kiều",
    "Thổ",
    "Giáy",
    "Cơ-tu",
    "Gié-Triêng",
    "Mạ",
    "Khơ-mú",
    "Co",
    "Tà-ôi",
    "Chơ-ro",
    "Kháng",
    "Xinh-mun",
    "Hà Nhì",
    "Chu-ru",
    "Lào",
    "La Chí",
    "La Ha",
    "Phù Lá",
    "La Hủ",
    "Lự",
    "Lô Lô",
    "Chứt",
    "Mảng",
    "Pà Thẻn",
    "Co Lao",
    "Cống",
    "Bố Y",
    "Si La",
    "Pu Péo",
    "Brâu",
    "Ơ-đu",
    "Rơ-măm",
)

# Spellings seen in staff files map onto the catalogue's by their folded form,
# without spaces and hyphens ("Khmer", "H'Mông", "Ê Đê" ...).
_ALIASES = {"khmer": "Khơ-me", "hmong": "HMông", "mong": "HMông", "ede": "Ê-đê"}


def _squash(value: str) -> str:
    return "".join(ch for ch in fold(value) if ch.isalnum())


_BY_KEY = {_squash(name): name for name in ETHNICITIES} | _ALIASES


def canonical_ethnicity(value: str) -> str | None:
    """The catalogue spelling of ``value``, or None if it is not one of the 54."""
    return _BY_KEY.get(_squash(value or ""))
