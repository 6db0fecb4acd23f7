"""Passages of the Laws on emulation and commendation (2022; 2003 as amended in
2013) as read, and the old decree NĐ 91/2017 (docs/legal/texts-read.md §3)."""

from .model import Passage
from .names import LAW_2003, LAW_2022, ND91

__all__ = ["LAW_PASSAGES"]

_CHINHPHU_73 = (
    "chinhsachonline.chinhphu.vn/thanh-tich-dot-xuat-co-la-can-cu-xet-tang-bang-khen-"
    "cua-thu-tuong-71926.htm"
)
_CHINHPHU_74 = (
    "chinhsachonline.chinhphu.vn/tieu-chuan-de-nghi-xet-tang-bang-khen-cua-bo-nganh-"
    "77204.htm"
)
_CONG_BAO = "Công báo số 571 + 572 ngày 15/07/2022, trang 57"
_VERBATIM = "nguyên văn"

LAW_PASSAGES = (
    Passage(
        LAW_2022,
        23,
        1,
        None,
        "Danh hiệu “Chiến sĩ thi đua cơ sở” để tặng cho cá nhân đạt các tiêu chuẩn sau "
        "đây: 1. Đạt tiêu chuẩn danh hiệu “Lao động tiên tiến” hoặc “Chiến sĩ tiên "
        "tiến”;",
        _VERBATIM,
        "Bộ Nội vụ, trả lời công dân",
    ),
    Passage(
        LAW_2022,
        23,
        2,
        None,
        "2. Hoàn thành xuất sắc nhiệm vụ hoặc có sáng kiến được cơ sở công nhận hoặc có "
        "đề tài khoa học, đề án khoa học, công trình khoa học và công nghệ đã được "
        "nghiệm thu hoặc mưu trí, sáng tạo trong chiến đấu, phục vụ chiến đấu được đơn "
        "vị công nhận.",
        _VERBATIM,
        "Bộ Nội vụ, trả lời công dân",
    ),
    Passage(
        LAW_2022,
        27,
        1,
        None,
        "c) Có 100% cá nhân trong tập thể hoàn thành nhiệm vụ được giao, trong đó có ít "
        "nhất là 70% cá nhân đạt danh hiệu “Lao động tiên tiến”; d) Có cá nhân đạt danh "
        "hiệu “Chiến sĩ thi đua cơ sở”;",
        "theo thủ tục hành chính công bố kèm Nghị định 98/2023/NĐ-CP",
        "stp.thuathienhue.gov.vn (thủ tục hành chính)",
    ),
    Passage(
        LAW_2022,
        28,
        1,
        None,
        "Danh hiệu “Tập thể lao động tiên tiến” để tặng hằng năm cho tập thể đạt các tiêu "
        "chuẩn sau đây: Hoàn thành tốt nhiệm vụ được giao; Tham gia phong trào thi đua "
        "thường xuyên, thiết thực, hiệu quả; Có ít nhất là 70% cá nhân trong tập thể đạt "
        "danh hiệu “Lao động tiên tiến” và không có cá nhân bị kỷ luật từ hình thức cảnh "
        "cáo trở lên; Nội bộ đoàn kết, chấp hành tốt chủ trương của Đảng, chính sách, "
        "pháp luật của Nhà nước.",
        "theo quy định của UBND tỉnh Bắc Ninh (QĐ 86/2025/QĐ-UBND) nhắc lại Luật",
        "Quyết định 86/2025/QĐ-UBND tỉnh Bắc Ninh",
    ),
    Passage(
        LAW_2022,
        43,
        1,
        "đ",
        "Đã được tặng “Huân chương Lao động” hạng Ba và sau đó có liên tục từ 05 năm trở "
        "lên được công nhận hoàn thành tốt nhiệm vụ trở lên, trong thời gian đó có từ 02 "
        "năm trở lên được công nhận hoàn thành xuất sắc nhiệm vụ và có 01 lần được tặng "
        "danh hiệu chiến sĩ thi đua Bộ, ban, ngành, tỉnh;",
        "theo bản trích dẫn của thuvienphapluat.vn",
        "thuvienphapluat.vn/hoi-dap-phap-luat/83A0204",
    ),
    Passage(
        LAW_2022,
        73,
        1,
        "b",
        "Bằng khen của Thủ tướng Chính phủ để tặng hoặc truy tặng cho cá nhân chấp hành "
        "tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước và … b) Đã được "
        "tặng bằng khen của Bộ, ban, ngành, tỉnh và có liên tục từ 05 năm trở lên đến "
        "thời điểm đề nghị được công nhận hoàn thành tốt nhiệm vụ trở lên, trong thời "
        "gian đó có 03 lần được tặng danh hiệu Chiến sĩ thi đua cơ sở;",
        _VERBATIM,
        _CHINHPHU_73,
    ),
    Passage(
        LAW_2022,
        74,
        1,
        "d",
        "d) Có 02 lần liên tục được tặng danh hiệu “Chiến sĩ thi đua cơ sở” hoặc có liên "
        "tục từ 02 năm trở lên được công nhận hoàn thành xuất sắc nhiệm vụ, trong thời "
        "gian đó có 02 sáng kiến được công nhận và áp dụng có hiệu quả trong phạm vi cơ "
        "sở hoặc có 02 đề tài khoa học, đề án khoa học, công trình khoa học và công nghệ "
        "đã được nghiệm thu và áp dụng hiệu quả trong phạm vi cơ sở;",
        _VERBATIM,
        _CHINHPHU_74,
    ),
    Passage(
        LAW_2022,
        80,
        1,
        None,
        "1. Thủ trưởng cơ quan, tổ chức, đơn vị có tư cách pháp nhân thuộc Bộ, ban, "
        "ngành, Thủ trưởng cơ quan chuyên môn thuộc Ủy ban nhân dân cấp tỉnh và tương "
        "đương quyết định tặng danh hiệu “Tập thể lao động tiên tiến”, “Chiến sĩ thi đua "
        "cơ sở”, “Lao động tiên tiến” và giấy khen.",
        _VERBATIM,
        _CONG_BAO,
    ),
    Passage(
        LAW_2022,
        80,
        2,
        None,
        "2. Chủ tịch Ủy ban nhân dân cấp huyện quyết định tặng danh hiệu thôn, tổ dân phố "
        "văn hóa, “Tập thể lao động tiên tiến”, “Chiến sĩ thi đua cơ sở”, “Lao động tiên "
        "tiến” và giấy khen.",
        _VERBATIM,
        _CONG_BAO,
    ),
    Passage(
        LAW_2022,
        80,
        3,
        None,
        "3. Chủ tịch Ủy ban nhân dân cấp xã quyết định tặng danh hiệu “Lao động tiên "
        "tiến”, giấy khen và danh hiệu “Gia đình văn hóa”.",
        _VERBATIM,
        _CONG_BAO,
    ),
    Passage(
        ND91,
        24,
        1,
        None,
        "“Huân chương Lao động” hạng ba để tặng hoặc truy tặng cho cá nhân liên tục hoàn "
        "thành xuất sắc nhiệm vụ có nhiều sáng tạo trong lao động, xây dựng và bảo vệ Tổ "
        "quốc, gương mẫu chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của "
        "Nhà nước đạt một trong các tiêu chuẩn sau: Đã được tặng thưởng “Bằng khen của "
        "Thủ tướng Chính phủ” và 05 năm tiếp theo trở lên liên tục lập được thành tích "
        "xuất sắc, trong thời gian đó có 02 sáng kiến được ứng dụng mang lại hiệu quả, có "
        "phạm vi ảnh hưởng và nêu gương trong bộ, ban, ngành, tỉnh, đoàn thể trung ương "
        "được bộ, ban, ngành, tỉnh, đoàn thể trung ương công nhận; …",
        "theo bản trích dẫn của thuvienphapluat.vn",
        "thuvienphapluat.vn, hỏi đáp pháp luật",
    ),
    Passage(
        LAW_2003,
        28,
        1,
        None,
        "c) Có trên 50% cá nhân trong tập thể đạt danh hiệu “Lao động tiên tiến” và không "
        "có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên;",
        _VERBATIM,
        "thiduakhenthuong.langson.gov.vn",
    ),
)
