"""Page and style settings of an official document (NĐ 30/2020 Phụ lục I).

Every number the decree leaves to the issuer (margins inside their ranges, the size
profile, the first-line indent, spacing) lives in :class:`Layout`. A layout is plain
data: it round-trips through JSON, so an administrator can keep one per document kind
(as a database row or a file) and change it without touching code. Values outside the
decree's ranges are refused with a Vietnamese message naming every problem.
"""

import json
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

__all__ = [
    "STYLE_SIZES",
    "Layout",
    "LayoutError",
    "Margins",
]


class LayoutError(ValueError):
    """A layout breaks a rule of NĐ 30/2020; ``problems`` lists every broken rule."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("Bố cục văn bản không hợp lệ: " + "; ".join(problems))


# Style id → (smallest, largest, profile A, profile B) in points, from the consolidated
# style table (nd30-and-forms.md §2.12). Profile A is 13/14 (most official samples),
# profile B is 12/13; the decree wants one consistent profile per document.
STYLE_SIZES: dict[str, tuple[float, float, float, float]] = {
    "quoc_hieu": (12, 13, 13, 12),
    "tieu_ngu": (13, 14, 14, 13),
    "co_quan_chu_quan": (12, 13, 13, 12),
    "co_quan_ban_hanh": (12, 13, 13, 12),
    "so_ky_hieu": (13, 13, 13, 13),
    "dia_danh_ngay": (13, 14, 14, 13),
    "ten_loai": (13, 14, 14, 13),
    "trich_yeu": (13, 14, 14, 13),
    "trich_yeu_cong_van": (12, 13, 13, 12),
    "kinh_gui": (13, 14, 14, 13),
    "tham_quyen": (13, 14, 14, 13),
    "can_cu": (13, 14, 14, 13),
    "body": (13, 14, 14, 13),
    "heading": (13, 14, 14, 13),
    "quyen_han_chuc_vu": (13, 14, 14, 13),
    "ho_ten": (13, 14, 14, 13),
    "noi_nhan_label": (12, 12, 12, 12),
    "noi_nhan_item": (11, 11, 11, 11),
    "phu_luc_label": (14, 14, 14, 14),
    "phu_luc_title": (13, 14, 14, 13),
    "phu_luc_kem_theo": (13, 14, 14, 13),
    "page_number": (13, 14, 14, 13),
    # Not set by the decree: the Phụ lục I sample uses 10–11 pt footnotes and 12 pt
    # appendix tables (obs); kept inside those observed ranges.
    "footnote": (10, 12, 10, 10),
    "table": (11, 14, 13, 12),
}

_MARGIN_RANGES_MM = {
    "top_mm": (20, 25, "Lề trên"),
    "bottom_mm": (20, 25, "Lề dưới"),
    "left_mm": (30, 35, "Lề trái"),
    "right_mm": (15, 20, "Lề phải"),
}


@dataclass(frozen=True)
class Margins:
    """Page margins in millimetres (Phụ lục I, I.3: 20–25 / 20–25 / 30–35 / 15–20)."""

    top_mm: float = 20
    bottom_mm: float = 20
    left_mm: float = 30
    right_mm: float = 15


@dataclass(frozen=True)
class Layout:
    """Everything about the page that may be configured without code changes."""

    margins: Margins = field(default_factory=Margins)
    size_profile: str = "A"
    # Per-style overrides in points, each inside the style's range in STYLE_SIZES.
    sizes: dict[str, float] = field(default_factory=dict)
    font_name: str = "Times New Roman"
    quoc_hieu: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    tieu_ngu: str = "Độc lập - Tự do - Hạnh phúc"
    # Body paragraphs (Phụ lục I, II.6): first line 1 cm or 1.27 cm, ≥ 6 pt between
    # paragraphs, line spacing from single to 1.5 lines.
    first_line_indent_cm: float = 1.27
    paragraph_spacing_pt: float = 6
    line_spacing: float = 1.0
    # Header and signature tables (widths as observed in the Phụ lục III samples, where
    # the header table starts about 0.5 cm inside the left margin).
    header_columns_cm: tuple[float, float] = (6.8, 10.2)
    header_indent_cm: float = -0.5
    signature_columns_cm: tuple[float, float] = (7.0, 9.5)
    bien_ban_columns_cm: tuple[float, float, float] = (6.0, 0.75, 9.75)
    signature_space_pt: float = 72
    # Short rules: 1/3 to 1/2 of the text line (Phụ lục I, II.2 and II.5).
    rule_ratio: float = 0.4
    rule_weight_pt: float = 0.75
    title_space_before_pt: float = 18
    header_distance_mm: float = 10
    language: str = "vi-VN"

    def __post_init__(self) -> None:
        problems = self.problems()
        if problems:
            raise LayoutError(problems)

    # -- sizes ---------------------------------------------------------------------

    def size(self, style: str) -> float:
        """Font size in points of ``style`` under this layout's profile."""
        if style in self.sizes:
            return float(self.sizes[style])
        low, high, a, b = STYLE_SIZES[style]
        return float(a if self.size_profile == "A" else b)

    @property
    def text_width_cm(self) -> float:
        return 21.0 - (self.margins.left_mm + self.margins.right_mm) / 10

    # -- validation ----------------------------------------------------------------

    def problems(self) -> list[str]:
        out: list[str] = []
        for name, (low, high, label) in _MARGIN_RANGES_MM.items():
            value = getattr(self.margins, name)
            if not low <= value <= high:
                out.append(
                    f"{label} phải từ {low} đến {high} mm (đang là {value:g} mm)"
                )
        if self.size_profile not in ("A", "B"):
            out.append(
                f"Bộ cỡ chữ phải là A (13/14) hoặc B (12/13), không phải {self.size_profile!r}"
            )
        for style, value in self.sizes.items():
            if style not in STYLE_SIZES:
                out.append(f"Không có kiểu chữ {style!r}")
                continue
            low, high, _a, _b = STYLE_SIZES[style]
            if not low <= value <= high:
                out.append(
                    f"Cỡ chữ {style} phải từ {low:g} đến {high:g} (đang là {value:g})"
                )
        if self.first_line_indent_cm not in (1.0, 1.27):
            out.append("Thụt đầu dòng phải là 1 cm hoặc 1,27 cm")
        if self.paragraph_spacing_pt < 6:
            out.append("Khoảng cách giữa các đoạn văn tối thiểu là 6 pt")
        if not 1.0 <= self.line_spacing <= 1.5:
            out.append("Khoảng cách dòng phải từ dòng đơn (1,0) đến 1,5 dòng")
        if not 1 / 3 <= self.rule_ratio <= 1 / 2:
            out.append(
                "Đường kẻ dưới tên cơ quan, trích yếu dài từ 1/3 đến 1/2 dòng chữ"
            )
        if not self.font_name.strip():
            out.append("Thiếu phông chữ")
        if not self.quoc_hieu.strip() or not self.tieu_ngu.strip():
            out.append("Thiếu Quốc hiệu hoặc Tiêu ngữ")
        # The page number sits in the top margin: its line must end above the body.
        number_line_mm = self.size("page_number") * 1.2 * 25.4 / 72
        if not 0 < self.header_distance_mm <= self.margins.top_mm - number_line_mm:
            out.append("Số trang phải nằm trong lề trên: giảm khoảng cách đầu trang")
        widths = (
            self.header_columns_cm,
            self.signature_columns_cm,
            self.bien_ban_columns_cm,
        )
        if [len(cols) for cols in widths] != [2, 2, 3]:
            out.append(
                "Bảng đầu văn bản và bảng chữ ký có 2 cột; bảng chữ ký biên bản có 3 cột"
            )
        elif any(w <= 0 for cols in widths for w in cols):
            out.append("Độ rộng cột bảng phải dương")
        return out

    # -- JSON ----------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("header_columns_cm", "signature_columns_cm", "bien_ban_columns_cm"):
            data[key] = list(data[key])
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2, sort_keys=True)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Layout":
        """Builds a layout from a partial mapping; missing keys keep their defaults."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise LayoutError([f"Không có thiết lập {name!r}" for name in unknown])
        values = dict(data)
        try:
            for key in ("margins", "sizes"):
                if key in values and not isinstance(values[key], dict):
                    raise TypeError(f"{key} phải là một đối tượng")
            if "margins" in values:
                margin_data = values["margins"]
                margin_keys = {f.name for f in fields(Margins)}
                extra = sorted(set(margin_data) - margin_keys)
                if extra:
                    raise LayoutError(
                        [f"Không có thiết lập lề {name!r}" for name in extra]
                    )
                values["margins"] = Margins(**margin_data)
            for key in (
                "header_columns_cm",
                "signature_columns_cm",
                "bien_ban_columns_cm",
            ):
                if key in values:
                    values[key] = tuple(float(v) for v in values[key])
            if "sizes" in values:
                values["sizes"] = {str(k): float(v) for k, v in values["sizes"].items()}
            return cls(**values)
        except LayoutError:
            raise
        except (TypeError, AttributeError, ValueError) as exc:
            raise LayoutError([f"Dữ liệu bố cục sai kiểu: {exc}"]) from exc

    @classmethod
    def from_json(cls, text: str | bytes) -> "Layout":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise LayoutError([f"JSON không hợp lệ: {exc}"]) from exc
        if not isinstance(data, dict):
            raise LayoutError(["JSON bố cục phải là một đối tượng"])
        return cls.from_dict(data)

    def with_changes(self, **changes: Any) -> "Layout":
        return replace(self, **changes)
