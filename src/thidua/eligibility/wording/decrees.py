"""Passages of the decrees (NĐ 98/2023, NĐ 152/2025, NĐ 129/2025) as read
(docs/legal/texts-read.md §2)."""

from .model import Passage
from .names import ND98, ND129, ND152

__all__ = ["DECREE_PASSAGES"]

_ND152_CASH = "bản đăng lại nguyên văn trên báo điện tử"
_VERBATIM = "nguyên văn"

DECREE_PASSAGES = (
    Passage(
        ND98,
        30,
        7,
        None,
        "7. Khi họp xét danh hiệu “Anh hùng Lực lượng vũ trang nhân dân”, “Anh hùng Lao "
        "động”, “Chiến sĩ thi đua toàn quốc”, Chiến sĩ thi đua Bộ, ban, ngành, tỉnh, "
        "“Chiến sĩ thi đua cơ sở”, Cờ thi đua bộ, ban, ngành, tỉnh, “Cờ thi đua Chính "
        "phủ”, Hội đồng Thi đua - Khen thưởng cấp trình khen thưởng phải tiến hành bỏ "
        "phiếu. Đối với tập thể, cá nhân được đề nghị khen thưởng danh hiệu “Anh hùng Lực "
        "lượng vũ trang nhân dân”, “Anh hùng Lao động”, “Chiến sĩ thi đua toàn quốc”, "
        "Chiến sĩ thi đua bộ, ban, ngành, tỉnh, phải có tỷ lệ phiếu đồng ý của Hội đồng "
        "Thi đua - Khen thưởng bộ, ban, ngành, tỉnh từ 90% trở lên tính trên tổng số "
        "thành viên của Hội đồng (nếu thành viên Hội đồng vắng mặt thì lấy ý kiến bằng "
        "văn bản). Đối với danh hiệu “Chiến sĩ thi đua cơ sở”, Cờ thi đua bộ, ban, ngành, "
        "tỉnh, “Cờ thi đua Chính phủ” phải có tỷ lệ phiếu đồng ý của Hội đồng Thi đua - "
        "Khen thưởng cấp trình khen thưởng từ 80% trở lên tính trên tổng số thành viên "
        "của Hội đồng (nếu thành viên Hội đồng vắng mặt thì lấy ý kiến bằng văn bản và "
        "được thể hiện trong Biên bản họp bình xét danh hiệu thi đua, Biên bản xét khen "
        "thưởng).",
        _VERBATIM,
        "bản đăng lại nguyên văn của Nghị định",
    ),
    Passage(
        ND152,
        49,
        1,
        None,
        "1. Tiền thưởng cho cá nhân, tập thể, hộ gia đình được khen thưởng được tính trên "
        "cơ sở mức lương cơ sở do Chính phủ quy định đang có hiệu lực vào thời điểm ban "
        "hành quyết định công nhận danh hiệu thi đua, quyết định hình thức khen thưởng.",
        _VERBATIM,
        _ND152_CASH,
    ),
    Passage(
        ND152,
        49,
        2,
        None,
        "2. Tiền thưởng sau khi nhân với hệ số mức lương cơ sở được làm tròn số lên hàng "
        "chục nghìn đồng tiền Việt Nam.",
        _VERBATIM,
        _ND152_CASH,
    ),
    Passage(
        ND152,
        49,
        5,
        None,
        "5. Trong cùng một thời điểm, một đối tượng đạt nhiều danh hiệu thi đua, có thời "
        "gian được tính để đạt các danh hiệu thi đua đó khác nhau thì được nhận tiền "
        "thưởng của các danh hiệu thi đua tương ứng. Trong cùng một thời điểm, một đối "
        "tượng đạt nhiều danh hiệu thi đua, có cùng thời gian được tính để đạt các danh "
        "hiệu thi đua đó thì được nhận tiền thưởng danh hiệu thi đua cao nhất.",
        _VERBATIM,
        _ND152_CASH,
    ),
    *(
        Passage(ND152, 50, 1, point, text, _VERBATIM, _ND152_CASH)
        for point, text in (
            (
                "a",
                "a) Danh hiệu “Chiến sĩ thi đua toàn quốc” được tặng Bằng chứng nhận, "
                "khung, Huy hiệu, hộp đựng Huy hiệu và được thưởng 4,5 lần mức lương cơ "
                "sở;",
            ),
            (
                "b",
                "b) Danh hiệu chiến sĩ thi đua bộ, ban, ngành, tỉnh được tặng Bằng chứng "
                "nhận, khung, Huy hiệu, hộp đựng Huy hiệu và được thưởng 3,0 lần mức "
                "lương cơ sở;",
            ),
            (
                "c",
                "c) Danh hiệu “Chiến sĩ thi đua cơ sở” được tặng Bằng chứng nhận, khung "
                "và được thưởng 1,0 lần mức lương cơ sở;",
            ),
            (
                "d",
                "d) Danh hiệu “Lao động tiên tiến”, “Chiến sĩ tiên tiến” được thưởng 0,3 "
                "lần mức lương cơ sở.",
            ),
        )
    ),
    *(
        Passage(ND152, 50, 2, point, text, _VERBATIM, _ND152_CASH)
        for point, text in (
            (
                "a",
                "a) Danh hiệu “Tập thể lao động xuất sắc”, “Đơn vị quyết thắng” được tặng "
                "Bằng chứng nhận, khung và được thưởng 1,5 lần mức lương cơ sở;",
            ),
            (
                "b",
                "b) Danh hiệu “Tập thể Lao động tiên tiến”, “Đơn vị tiên tiến” được "
                "thưởng 0,8 lần mức lương cơ sở;",
            ),
            (
                "đ",
                "đ) Danh hiệu “Cờ thi đua của Chính phủ” được tặng cờ và được thưởng 12,0 "
                "lần mức lương cơ sở;",
            ),
            (
                "e",
                "e) Danh hiệu cờ thi đua của bộ, ban, ngành, tỉnh được tặng cờ và được "
                "thưởng 8,0 lần mức lương cơ sở;",
            ),
        )
    ),
    *(
        Passage(ND152, 51, 1, point, text, _VERBATIM, _ND152_CASH)
        for point, text in (
            (
                "c",
                "c) “Huân chương Độc lập” hạng Nhất, “Huân chương Quân công” hạng nhất: "
                "15,0 lần mức lương cơ sở;",
            ),
            (
                "d",
                "d) “Huân chương Độc lập” hạng Nhì, “Huân chương Quân công” hạng nhì: "
                "12,5 lần mức lương cơ sở;",
            ),
            (
                "đ",
                "đ) “Huân chương Độc lập” hạng Ba, “Huân chương Quân công” hạng ba: 10,5 "
                "lần mức lương cơ sở;",
            ),
            (
                "e",
                "e) “Huân chương Lao động” hạng Nhất, “Huân chương Chiến công” hạng Nhất, "
                "“Huân chương Bảo vệ Tổ quốc hạng Nhất”: 9,0 lần mức lương cơ sở;",
            ),
            (
                "g",
                "g) “Huân chương Lao động” hạng Nhì, “Huân chương Chiến công” hạng Nhì, "
                "“Huân chương Bảo vệ Tổ quốc” hạng Nhì, “Huân chương Đại đoàn kết dân "
                "tộc”: 7,5 lần mức lương cơ sở;",
            ),
            (
                "h",
                "h) “Huân chương Lao động” hạng Ba, “Huân chương Chiến công” hạng Ba, "
                "“Huân chương Bảo vệ Tổ quốc” hạng Ba và “Huân chương Dũng cảm”: 4,5 lần "
                "mức lương cơ sở.",
            ),
        )
    ),
    Passage(
        ND152,
        54,
        1,
        None,
        "Cá nhân được tặng hoặc truy tặng “Bằng khen của Thủ tướng Chính phủ” được tặng "
        "bằng, khung và được thưởng 3,5 lần mức lương cơ sở; cá nhân được tặng hoặc truy "
        "tặng bằng khen của bộ, ban, ngành, tỉnh được tặng bằng, khung và được thưởng 1,5 "
        "lần mức lương cơ sở; … cá nhân được tặng Kỷ niệm chương của bộ, ban, ngành, "
        "tỉnh, … các đoàn thể trung ương … kèm theo mức tiền thưởng không quá 0,6 lần mức "
        "lương cơ sở; giấy khen … thưởng 0,3 lần mức lương cơ sở.",
        "theo bản đăng lại trên báo điện tử (liệt kê thành gạch đầu dòng)",
        "giadinh.suckhoedoisong.vn; ngoisao.vn",
    ),
    Passage(
        ND152,
        59,
        1,
        None,
        "1. Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025.",
        _VERBATIM,
        "bản đăng lại nguyên văn của Nghị định",
    ),
    Passage(
        ND129,
        59,
        None,
        None,
        "Thẩm quyền quyết định danh hiệu thi đua và hình thức khen thưởng quy định tại "
        "khoản 2, khoản 3 Điều 80 Luật Thi đua, khen thưởng thực hiện như sau: Chủ tịch "
        "Ủy ban nhân dân cấp xã quyết định tặng danh hiệu thôn, tổ dân phố văn hóa, “Gia "
        "đình văn hóa”, “Tập thể lao động tiên tiến”; “Chiến sĩ thi đua cơ sở”, “Lao động "
        "tiên tiến” và giấy khen theo quy định.",
        _VERBATIM,
        "bản đăng lại nguyên văn của Nghị định",
    ),
)
