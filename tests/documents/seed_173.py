"""The launch document 173/PD-SKHĐT (Sở Kế hoạch và Đầu tư Lạng Sơn, 31/01/2023) as a
rendering spec, transcribed from ``seed_173.txt`` (a verbatim copy of the shared seed).

The wording is the seed's, typos included ("Chi thị", "bút phá"): the golden test
compares the rendered PDF with the seed element by element. The movement model can
later build the same spec and be compared with this one.
"""

import datetime

from thidua.documents.rendering import (
    Document,
    Issuer,
    Item,
    Paragraph,
    Section,
    Signer,
)

BASIS = "Thực hiện Chi thị số 02/CT-UBND ngày 13/01/2023 của UBND tỉnh về phát động thi đua thực hiện thắng lợi mục tiêu, nhiệm vụ phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh năm 2023; Nhằm động viên công chức, viên chức, lao động phát huy truyền thống thi đua yêu nước, tiếp tục nỗ lực, vượt qua khó khăn, tranh thủ thời cơ, bám sát thực tiễn, hành động quyết liệt, đoàn kết, đổi mới, sáng tạo, phấn đấu thực hiện thắng lợi nhiệm vụ chính trị năm 2023. Sở Kế hoạch và Đầu tư phát động phong trào thi đua năm 2023, với nội dung sau:"

PURPOSES = (
    "Động viên, khuyến khích toàn thể Công chức, viên chức, người lao động nâng cao tinh thần, trách nhiệm, đoàn kết, đổi mới phương pháp làm việc; nâng cao chất lượng và hiệu quả công tác, ý thức chấp hành kỷ luật kỷ cương hành chính, lập thành tích thiết thực chào mừng các sự kiện chính trị, các ngày lễ lớn của đất nước, của tỉnh, của ngành, thi đua phấn đấu hoàn thành xuất sắc nhiệm vụ chính trị năm 2023.",
    "Nâng cao vai trò, trách nhiệm của Cấp uỷ đảng, thủ trưởng cơ quan, tổ chức Công đoàn, Đoàn thanh niên, Lãnh đạo các phòng, đơn vị trực thuộc trong tổ chức triển khai thực hiện các phong trào thi đua. Nâng cao sức chiến đấu và tính tiên phong, gương mẫu của đảng viên và người đứng đầu trong các phong trào thi đua yêu nước. Nâng cao vai trò, vị trí của ngành Kế hoạch và Đầu tư. Xây dựng hình ảnh, công chức, viên chức, người lao động Sở Kế hoạch và Đầu tư: Có năng lực, có trách nhiệm, năng động, sáng tạo, gương mẫu, tận tâm với công việc, hoàn thành tốt nhiệm vụ được giao.",
    "Gắn phong trào thi đua yêu nước với việc thực hiện nhiệm vụ của từng cá nhân, từng đơn vị và cơ quan. Tổ chức các phong trào thi đua đảm bảo thiết thực, hiệu quả, tạo bước đột phá trong các phong trào thi đua.",
)
THEME = "Nhằm phát huy tinh thần đoàn kết, trí tuệ, kỷ cương, sáng tạo, tích cực thi đua phấn đấu hoàn thành và hoàn thành vượt mức các mục tiêu, nhiệm vụ năm 2023 đã được thông qua; Giám đốc Sở phát động thi đua với chủ đề: **“Siết chặt kỷ cương, tăng cường trách nhiệm, quyết liệt hành động, sáng tạo bút phá”**, tập trung vào thực hiện các mục tiêu, chỉ tiêu, nội dung thi đua cụ thể."

CONTENT = (
    "Tiếp tục đẩy mạnh tuyên truyền, quán triệt thực hiện nghiêm túc Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị (khóa XI); Chỉ thị số 30-CT/TU ngày 18/11/2014 của Ban Thường vụ Tỉnh ủy Lạng Sơn về “Tiếp tục đổi mới công tác thi đua, khen thưởng”; Chỉ thị số 19/CT-TTg ngày 16/7/2021 của Thủ tướng Chính phủ về “Phát động thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội hàng năm và Kế hoạch 5 năm (2021-2025) theo Nghị quyết Đại hội lần thứ XIII của Đảng”; phổ biến, quán triệt tư tưởng về thi đua ái quốc của Chủ tịch Hồ Chí Minh và các chủ trương, chính sách của Đảng, Nhà nước về công tác thi đua, khen thưởng; chú trọng đổi mới cả nội dung, hình thức và phương pháp tổ chức các phong trào thi đua, hướng công tác thi đua vào thực hiện các nhiệm vụ trọng tâm, tập trung giải quyết những nhiệm vụ khó của Ngành gắn với thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW “Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”.",
    "Tập trung lãnh đạo, chỉ đạo nâng cao chất lượng công tác tham mưu, tổng hợp, thực hiện tốt chức năng quản lý nhà nước thuộc lĩnh vực quản lý.",
    "Đẩy mạnh các phong trào thi đua, thực hiện tốt nhiệm vụ chính trị, chuyên môn: Chủ động xây dựng kế hoạch và tổ chức triển khai thực hiện có hiệu quả các nhiệm vụ được giao trong năm 2023, nhất là các nhiệm vụ trọng tâm được UBND tỉnh giao và các nhiệm vụ phát sinh do UBND tỉnh, Chủ tịch UBND tỉnh giao trong đó bám sát các nội dung của Tỉnh ủy, UBND tỉnh, Bộ Kế hoạch và Đầu tư trong công tác tham mưu về lĩnh vực Kế hoạch và Đầu tư.",
    "Thi đua cùng chung tay tạo bước đột phá về chuyển đổi số[^Theo Nghị quyết số 49-NQ/TU, ngày 28/9/2021 của Ban Thường vụ Tỉnh ủy về chuyển đổi số tỉnh Lạng Sơn đến năm 2025, định hướng đến năm 2030 và Kế hoạch số 51/KH-SKHĐT ngày 25/02/2022 về thực hiện Nghị quyết số 49-NQ/TU ngày 28/9/2021 của Ban Thường vụ Tỉnh ủy về chuyển đổi số tỉnh Lạng Sơn đến năm 2025, định hướng đến năm 2030.], cải cách hành chính với mục tiêu lấy người dân và doanh nghiệp làm trung tâm. Nâng cao hiệu quả ứng dụng công nghệ thông tin phục vụ công tác chuyên môn. Thực hiện đồng bộ các giải pháp xây dựng chính quyền số, cải thiện và nâng cao chỉ số năng lực cạnh tranh cấp tỉnh (PCI), chỉ số quản trị và hành chính công (PAPI), chỉ số hài lòng của người dân, tổ chức với sự phục vụ của cơ quan hành chính nhà nước (SIPAS), chỉ số cải cách hành chính (PAR INDEX). Cải thiện môi trường đầu tư kinh doanh thông thoáng, minh bạch để thu hút mạnh mẽ các nguồn vốn đầu tư trong và ngoài nước.",
    "Phối hợp các cơ quan tham mưu huy động mọi nguồn lực cho phát triển kết cấu hạ tầng kinh tế - xã hội. Theo dõi đôn đốc đẩy mạnh xã hội hóa đầu tư, tiếp tục triển khai có hiệu quả các dự án quan trọng theo hình thức đối tác công tư (PPP); tăng cường xúc tiến vận động các nguồn vốn hỗ trợ phát triển chính thức (ODA) và nguồn vốn đầu tư trực tiếp nước ngoài (FDI). Phối hợp đẩy nhanh tiến độ thực hiện và giải ngân các nguồn vốn đầu tư công, đặc biệt là các dự án trọng điểm, thường xuyên đôn đốc, kiểm tra các dự án đầu tư, đảm bảo hoàn thành đúng tiến độ. Tiếp tục đẩy nhanh tiến độ các dự án trọng điểm, có tính chất liên kết vùng gắn với phong trào thi đua “*Đẩy nhanh tiến độ thực hiện giải phóng mặt bằng các dự án trọng điểm của tỉnh giai đoạn 2022 - 2025*”; phong trào thi đua “*Giải ngân vốn đầu tư công trên địa bàn tỉnh Lạng Sơn*” giai đoạn 2022 - 2025”; Phong trào thi đua “*Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại; thực hành tiết kiệm, chống lãng phí*” trên địa bàn tỉnh Lạng Sơn.",
    "Triển khai và thực hiện có hiệu quả các phong trào thi đua do Thủ tướng Chính phủ, Bộ trưởng Bộ Kế hoạch và Đầu tư và Chủ tịch UBND tỉnh phát động: Phong trào “*Triển khai thực hiện Chỉ thị số 19/CT-TTg của Thủ tướng Chính phủ về phát động thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội hàng năm và Kế hoạch 5 năm (2021 - 2025) theo Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng; “Lạng Sơn cùng cả nước chung sức xây dựng nông thôn mới”, “Lạng Sơn cùng cả nước chung tay vì người nghèo, không để ai bị bỏ lại phía sau”, “Doanh nghiệp Lạng Sơn hội nhập và phát triển”, “Cán bộ, công chức, viên chức tỉnh Lạng Sơn thi đua thực hiện văn hóa công sở”*... Đồng thời thực hiện đổi mới nội dung, phương thức tổ chức các phong trào thi đua với hình thức phong phú, đa dạng, nội dung cụ thể, thiết thực, bám sát nhiệm vụ trọng tâm của cơ quan, đơn vị, tạo chuyển biến mạnh mẽ và thực chất, bảo đảm phát hiện nhân tố tích cực, tiêu biểu khen thưởng chính xác, kịp thời, công khai, minh bạch, có tác dụng giáo dục, nêu gương và nhân rộng. Phát hiện, tôn vinh, nhân rộng khen thưởng kịp thời tập thể, cá nhân có thành tích xuất sắc; tập thể, cá nhân được khen thưởng phải có tác dụng nêu gương, giáo dục và có sức lan tỏa trong cơ quan. Thường xuyên nghiên cứu đổi mới nội dung, hình thức, phương pháp chỉ đạo, tổ chức thực hiện phong trào thi đua và công tác khen thưởng; kết hợp chặt chẽ giữa thi đua, khen thưởng thường xuyên và thi đua, khen thưởng theo đợt, theo chuyên đề, khen thưởng đột xuất. Quan tâm biểu dương, khen thưởng kịp thời thành tích thực hiện các nhiệm vụ chính trị trọng tâm, trong đó chú trọng khen thưởng đối với tập thể nhỏ và người lao động trực tiếp.",
)

IMPLEMENTATION = (
    "Các phòng chuyên môn, nghiệp vụ và Trung tâm thuộc Sở có trách nhiệm quán triệt, triển khai sâu rộng đến toàn thể cán bộ, công chức, viên chức và người lao động; tổ chức thực hiện tốt phong trào thi đua chất lượng, hiệu quả đề xuất khen thưởng đối với tập thể và cá nhân có thành tích.",
    "Văn phòng Sở có trách nhiệm tham mưu cho Lãnh đạo Sở chỉ đạo và tổ chức thực hiện phong trào thi đua; kiểm tra, sơ kết, tổng kết, đánh giá phong trào thi đua; tham mưu tổng hợp, đề xuất biểu dương, khen thưởng các tập thể, cá nhân có thành tích xuất sắc.",
    "Hội đồng thi đua - khen thưởng Sở có trách nhiệm tham mưu cho Giám đốc Sở lựa chọn các tập thể, cá nhân đạt thành tích tiêu biểu xuất sắc trong phong trào thi đua để xét khen thưởng theo thẩm quyền; xét, trình cấp có thẩm quyền khen thưởng theo quy định.",
)
CLOSING = "Trên tinh thần tích cực, chủ động, sáng tạo ý chí quyết tâm, phát huy tinh thần tập thể cán bộ, công chức, viên chức và người lao động trong cơ quan. Giám đốc Sở Kế hoạch và Đầu tư kêu gọi mỗi công chức, viên chức và người lao động nêu cao trách nhiệm, tích cực hưởng ứng phong trào thi đua đoàn kết, phấn đấu hoàn thành xuất sắc nhiệm vụ chính trị của cơ quan, góp phần tích cực vào việc thực hiện thắng lợi các mục tiêu phát triển kinh tế - xã hội bảo đảm quốc phòng, an ninh năm 2023./."

RECIPIENTS = (
    "Hội đồng TĐKT tỉnh",
    "Ban TĐKT - Sở Nội vụ",
    "Các đơn vị thành viên Cụm TĐTMTH",
    "Lãnh đạo Sở",
    "Hội đồng TĐKT Sở",
    "Các phòng, đơn vị trực thuộc Sở",
    "Trang thông tin điện tử của Sở",
)


def seed_173_spec() -> Document:
    """The spec of 173/PD-SKHĐT. The seed's last Nơi nhận line reads "Lưu VT, VP.";
    the spec files to VT and VP, which renders as NĐ 30's "- Lưu: VT, VP."."""
    return Document(
        issuer=Issuer(
            name="Sở Kế hoạch và Đầu tư",
            abbreviation="SKHĐT",
            parent_name="UBND tỉnh Lạng Sơn",
        ),
        number=173,
        type_code="PD",
        type_title="Phát động",
        trich_yeu="Phong trào thi đua thực hiện thắng lợi nhiệm vụ chính trị năm 2023",
        place="Lạng Sơn",
        issue_date=datetime.date(2023, 1, 31),
        opening=(BASIS,),
        body=(
            Section("Mục đích", tuple(Item(text) for text in PURPOSES)),
            Section("Chủ đề thi đua", (Paragraph(THEME),)),
            Section("Nội dung thi đua", tuple(Item(text) for text in CONTENT)),
            Section("Tổ chức thực hiện", tuple(Item(text) for text in IMPLEMENTATION)),
        ),
        closing=CLOSING,
        recipients=RECIPIENTS,
        filing=("VT", "VP"),
        signer=Signer(title="Giám đốc", name="Vũ Hoàng Quý"),
    )
