"""Document names as the engine's citations print them."""

__all__ = ["LAW_2003", "LAW_2022", "ND129", "ND152", "ND91", "ND98"]

LAW_2022 = "Luật TĐKT 2022"
LAW_2003 = "Luật TĐKT 2003 (sửa đổi 2013)"
ND98 = "NĐ 98/2023/NĐ-CP"
ND152 = "NĐ 152/2025/NĐ-CP"
ND91 = "NĐ 91/2017/NĐ-CP"
ND129 = "NĐ 129/2025/NĐ-CP"
