"""Vietnamese names for demo data, in họ – đệm – tên order (Faker's vi_VN is not usable)."""

import random

__all__ = ["vietnamese_name"]

HO = [
    ("Nguyễn", 31), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Hoàng", 5), ("Hoàng", 1),
    ("Vũ", 4), ("Phan", 3), ("Đặng", 2), ("Bùi", 2), ("Đỗ", 2), ("Hồ", 1), ("Ngô", 1),
    ("Dương", 1), ("Lý", 1), ("Nông", 2), ("Lương", 1), ("Hà", 1), ("Vi", 1), ("Lộc", 1),
    ("Triệu", 1), ("Chu", 1), ("Mạc", 1), ("Đinh", 1),
]  # fmt: skip
DEM = {
    "nam": [
        "Văn",
        "Đức",
        "Minh",
        "Quang",
        "Hữu",
        "Thanh",
        "Xuân",
        "Hoàng",
        "Công",
        "Tiến",
        "Mạnh",
    ],
    "nu": [
        "Thị",
        "Thu",
        "Thanh",
        "Ngọc",
        "Minh",
        "Thị Thu",
        "Hồng",
        "Phương",
        "Thùy",
        "Bích",
    ],
}
TEN = {
    "nam": ["Anh", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hải", "Hiếu", "Hùng", "Huy",
            "Khánh", "Long", "Minh", "Nam", "Phong", "Quân", "Sơn", "Thắng", "Thành", "Toàn",
            "Trung", "Tuấn", "Việt", "Vinh", "Ánh", "Ân", "Ước", "Ơn", "Ưng", "Khôi"],
    "nu": ["An", "Anh", "Ánh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa",
           "Huyền", "Lan", "Linh", "Loan", "Mai", "Ngân", "Nhung", "Oanh", "Phương", "Quyên",
           "Thảo", "Thủy", "Trang", "Tuyết", "Uyên", "Vân", "Yến", "Ân", "Ơn"],
}  # fmt: skip


def vietnamese_name(rng: random.Random, gender: str) -> str:
    ho = rng.choices([h for h, _w in HO], weights=[w for _h, w in HO])[0]
    return f"{ho} {rng.choice(DEM[gender])} {rng.choice(TEN[gender])}"
