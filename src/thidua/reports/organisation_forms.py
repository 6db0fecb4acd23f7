"""Forms 0601, 0604 and 0605 of TT 02/2023/TT-BNV: movements, TĐKT organisations and
TĐKT staff (shared/domain/nd30-and-forms.md §5.3). The groups they count come from
their sources: ``movements/reporting.py`` (``MovementGroup``) and
``organizations/reporting.py`` (``BodyGroup``, ``StaffGroup``).

0601 is rendered by the vendor S-f ([V-S code]); the rows of 0604 and 0605 come from the
same section of the spec (the vendor's TT 02/2023 folder holds renderings of 0601–0603
only), so they are tagged as the spec tags them, and row 15 of 0605 is [U].
"""

from .layout import TT02, Column, Form, Line, where

__all__ = ["F0601", "F0604", "F0605"]


F0601 = Form(
    code="0601.N/BNV-TĐKT",
    title="Số phong trào thi đua",
    circular=TT02,
    unit="Phong trào",
    scope=where(),
    source="movements",
    rows=(
        Line("01", "Tổng số", where()),
        Line("", "1. Chia theo phạm vi tổ chức thi đua", None, heading=True),
        Line("02", "Toàn quốc", where(scope="toan_quoc"), indent=1),
        Line(
            "03",
            "Bộ, ban, ngành, đoàn thể, địa phương",
            where(scope="bo_nganh"),
            indent=1,
        ),
        Line(
            "04",
            "Cụm, khối thi đua do Hội đồng Thi đua – Khen thưởng các cấp tổ chức",
            where(scope="cum_khoi"),
            indent=1,
        ),
        Line("05", "Cơ quan, tổ chức, đơn vị", where(scope="co_quan"), indent=1),
        Line("", "2. Chia theo thời hạn thi đua", None, heading=True),
        Line("06", "Dưới 1 năm", where(duration="duoi_1"), indent=1),
        Line("07", "1 năm", where(duration="1_nam"), indent=1),
        Line("08", "Từ 1 năm đến dưới 3 năm", where(duration="1_3"), indent=1),
        Line("09", "Từ 3 năm đến dưới 5 năm", where(duration="3_5"), indent=1),
        Line("10", "Từ 5 năm trở lên", where(duration="tu_5"), indent=1),
        Line(
            "",
            "3. Chia theo phương thức tổ chức phong trào thi đua",
            None,
            heading=True,
        ),
        Line("11", "Thi đua theo chuyên đề", where(method="chuyen_de"), indent=1),
        Line(
            "12",
            "Thi đua thường xuyên hằng năm",
            where(method="thuong_xuyen"),
            indent=1,
        ),
    ),
    columns=(
        Column("total", "Tổng số", where()),
        Column(
            "trung_uong",
            "Cấp Trung ương (Hội đồng Thi đua – Khen thưởng Trung ương)",
            where(tier="trung_uong"),
            tag="U",
            note="cơ quan có mã trong THIDUA_REPORT_NATIONAL_AGENCIES",
        ),
        Column(
            "bo_tinh",
            "Cấp bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc "
            "Trung ương",
            where(tier="bo_tinh"),
        ),
        Column(
            "co_quan",
            "Cơ quan, tổ chức, đơn vị",
            where(tier="co_quan"),
            tag="U",
            note="sở, ban, ngành, huyện, xã và các đơn vị thuộc",
        ),
    ),
    notes=(
        "Phong trào do cơ quan phát động, đếm theo cơ quan phát động; phong trào trong "
        "kỳ được chọn theo cấu hình của hệ thống do quản trị thiết lập.",
        "Thời hạn: phong trào thường xuyên trong năm của nó là 1 năm; phong trào chưa "
        "ghi ngày bắt đầu, kết thúc không vào được dòng 06–10.",
    ),
)

F0604 = Form(
    code="0604.N/BNV-TĐKT",
    title="Số lượng tổ chức làm công tác thi đua, khen thưởng",
    circular=TT02,
    unit="Tổ chức",
    scope=where(),
    source="bodies",
    receipt_tag="U",
    rows=(
        Line("01", "Tổng số", where()),
        Line("", "Chia theo cơ cấu tổ chức", None, heading=True),
        Line("02", "Vụ (hoặc tương đương) thuộc bộ, ngành", where(kind="vu"), indent=1),
        Line(
            "03",
            "Phòng, ban (hoặc tương đương) thuộc vụ",
            where(kind="phong_thuoc_vu"),
            indent=1,
        ),
        Line("04", "Ban thuộc Sở Nội vụ", where(kind="ban_thuoc_snv"), indent=1),
        Line("05", "Phòng thuộc Sở Nội vụ", where(kind="phong_thuoc_snv"), indent=1),
    ),
    columns=(Column("total", "Tổng số", where()),),
    notes=(
        "Đơn vị đang hoạt động có ghi “Tổ chức làm công tác TĐKT” trên trang đơn vị; số "
        "liệu theo hiện trạng khi lập báo cáo (không lưu lịch sử tổ chức).",
    ),
)

F0605 = Form(
    code="0605.N/BNV-TĐKT",
    title="Số lượng công chức làm công tác thi đua, khen thưởng",
    circular=TT02,
    unit="Người",
    scope=where(),
    source="staff",
    receipt_tag="U",
    rows=(
        Line("01", "Tổng số", where()),
        Line("", "1. Chia theo độ tuổi", None, heading=True),
        Line("02", "Từ 30 tuổi trở xuống", where(age="den_30"), indent=1),
        Line("03", "Từ 31 đến 40 tuổi", where(age="31_40"), indent=1),
        Line("04", "Từ 41 đến 50 tuổi", where(age="41_50"), indent=1),
        Line("05", "Từ 51 đến 55 tuổi", where(age="51_55"), indent=1),
        Line("06", "Từ 56 đến 60 tuổi", where(age="56_60"), indent=1),
        Line("07", "Trên 60 tuổi", where(age="tren_60"), indent=1),
        Line("", "2. Chia theo trình độ đào tạo", None, heading=True),
        Line("08", "Sơ cấp", where(education="so_cap"), indent=1),
        Line("09", "Trung cấp", where(education="trung_cap"), indent=1),
        Line("10", "Cao đẳng", where(education="cao_dang"), indent=1),
        Line("11", "Đại học", where(education="dai_hoc"), indent=1),
        Line("12", "Trên đại học", where(education="tren_dai_hoc"), indent=1),
        Line(
            "",
            "3. Chia theo thâm niên làm công tác thi đua, khen thưởng",
            None,
            heading=True,
        ),
        Line("13", "Dưới 5 năm", where(seniority="duoi_5"), indent=1),
        Line("14", "Từ 5 năm đến dưới 10 năm", where(seniority="5_10"), indent=1),
        Line(
            "15",
            "Từ 10 năm trở lên",
            where(seniority="tu_10"),
            tag="U",
            indent=1,
            note="bản mẫu đã thấy in mã số 14 lần thứ hai",
        ),
    ),
    columns=(
        Column("total", "Tổng số", where()),
        Column("nu", "Trong đó: Nữ", where(female=True)),
    ),
    notes=(
        "Cá nhân có ghi “Làm công tác TĐKT từ ngày” (không sau ngày cuối kỳ), thuộc đơn "
        "vị trong cây; tuổi và thâm niên tính đến ngày cuối kỳ.",
    ),
)
