"""The structured achievement report (báo cáo thành tích) of a nomination."""

import datetime
import io
import zipfile

import pypdf
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from thidua.awards.models import Award
from thidua.awards.services.register import record_award
from thidua.common.models import ActivityLog
from thidua.nominations.models import AchievementReport
from thidua.nominations.report_catalog import (
    REPORT_LOOKBACK_YEARS,
    TEMPLATES,
    template_for,
)
from thidua.nominations.selectors import checklist, report_awards, report_for
from thidua.nominations.services.nomination import (
    add_attachment,
    create_nomination,
    open_round,
    transition_nomination,
)
from thidua.nominations.services.report import (
    generate_report_file,
    report_docx_bytes,
    save_report,
)

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n%%EOF"
PERSON_DATA = {
    "hometown": "Xã Hoàng Đồng, thành phố Lạng Sơn, tỉnh Lạng Sơn",
    "residence": "Phường Vĩnh Trại, thành phố Lạng Sơn",
    "qualification": "Cử nhân Kinh tế",
    "party_positions": "Đảng viên; Phó Bí thư Chi đoàn",
    "duties": "Tiếp nhận, thẩm định hồ sơ đăng ký doanh nghiệp.",
    "achievements": "Giải quyết **1.250** hồ sơ đúng hạn.\n\nĐề xuất sáng kiến *một cửa*.",
}


def make_round(org, year):
    org.skhdt.place_name = "Lạng Sơn"
    org.skhdt.save()
    return open_round(
        agency=org.skhdt,
        name=f"Xét {year}",
        kind="hang_nam",
        year=year,
        submission_deadline=datetime.date(2099, 1, 1),
    )


def propose(org, year=2025, code="CSTD_BO_TINH", person="dkkd_staff", agency=None):
    subject = {"agency": agency} if agency else {"person": org.people[person]}
    return create_nomination(
        make_round(org, year), proposing_unit=org.dkkd, code=code, **subject
    )


def award(org, code, year, *, person="dkkd_staff", number=None, **extra):
    return record_award(
        person=org.people[person],
        code=code,
        year=year,
        decision_number=number or f"{year % 100:02d}/QĐ-UBND",
        decision_date=datetime.date(year, 12, 20),
        decided_by="Chủ tịch UBND tỉnh",
        **extra,
    )


def test_template_follows_the_regime_of_the_review_year_and_the_subject():
    assert template_for(2023, collective=False) == "nd91_mau02"
    assert template_for(2023, collective=True) == "nd91_mau01"
    assert template_for(2024, collective=False) == "nd98_mau03"
    assert template_for(2024, collective=True) == "nd98_mau02"
    assert template_for(2025, collective=False) == "nd152_cong_trang_ca_nhan"
    assert template_for(2025, collective=True) == "nd152_cong_trang_tap_the"
    assert template_for(2025, collective=False, code="CSTDTQ") == "nd152_cstd_toan_quoc"
    assert template_for(2024, collective=False, code="CSTDTQ") == "nd98_mau03"
    # The 2026 amendment keeps NĐ 152/2025's forms (its regime is carried over).
    assert template_for(2026, collective=False) == "nd152_cong_trang_ca_nhan"
    assert template_for(2027, collective=True, code="CO_CP") == "nd152_co_thi_dua_cp"
    assert "Mẫu 03, Nghị định 98/2023/NĐ-CP" in str(TEMPLATES["nd98_mau03"].label)
    assert "Mẫu 05 theo QĐ 638/QĐ-BNV" in str(
        TEMPLATES["nd152_cong_trang_ca_nhan"].label
    )
    assert (REPORT_LOOKBACK_YEARS["HCLD_3"], REPORT_LOOKBACK_YEARS["CSTDTQ"]) == (5, 6)


def test_saved_report_keeps_its_template_and_version(org, users):
    nomination = propose(org, year=2024)
    assert report_for(nomination).version == 0
    report = save_report(
        nomination, PERSON_DATA, actor=users["unit_head"], expected_version=0
    )
    assert (report.template, report.version) == ("nd98_mau03", 1)
    assert report.achievements.startswith("Giải quyết **1.250**")
    assert "\n\nĐề xuất" in report.achievements  # paragraphs kept
    # An old report stays on its template even if the catalogue maps the year anew.
    AchievementReport.objects.filter(pk=report.pk).update(template="nd91_mau02")
    nomination.refresh_from_db()
    report = save_report(
        nomination, PERSON_DATA, actor=users["unit_head"], expected_version=1
    )
    assert (report.template, report.version) == ("nd91_mau02", 2)
    with pytest.raises(ValidationError) as exc:
        save_report(nomination, PERSON_DATA, actor=users["officer"], expected_version=1)
    assert exc.value.messages == ["Hồ sơ đã được người khác cập nhật."]
    entry = ActivityLog.objects.filter(action="nominations.report_save").last()
    assert entry.agency_id == org.dkkd.pk


def test_validation_names_each_field(org, users):
    nomination = propose(org)
    with pytest.raises(ValidationError) as exc:
        save_report(nomination, {"hometown": "x" * 300}, actor=users["unit_head"])
    errors = exc.value.message_dict
    assert errors["hometown"] == ["Quê quán: tối đa 255 ký tự."]
    assert errors["residence"] == ["Chưa ghi trú quán."]
    assert errors["achievements"] == ["Chưa ghi thành tích đạt được."]
    assert "address" not in errors  # a collective's field, not asked of a person
    collective = propose(org, code="TTLDXS", agency=org.dkkd)
    with pytest.raises(ValidationError) as exc:
        save_report(
            collective,
            {"phone": "gọi tôi", "achievements": "Tốt"},
            actor=users["unit_head"],
        )
    errors = exc.value.message_dict
    assert errors["phone"] == ["Số điện thoại không hợp lệ."]
    assert errors["address"] == ["Chưa ghi địa chỉ trụ sở."]
    assert set(errors) == {"phone", "address", "functions"}


def test_save_only_while_editable_and_by_who_may_propose(org, users):
    nomination = propose(org)
    with pytest.raises(PermissionDenied):
        save_report(nomination, PERSON_DATA, actor=users["staff"])
    for kind in ("bao_cao_thanh_tich", "bien_ban_binh_xet", "chung_nhan_sang_kien"):
        add_attachment(nomination, kind=kind, upload=SimpleUploadedFile("a.pdf", PDF))
    transition_nomination(nomination, "da_gui", actor=users["unit_head"])
    with pytest.raises(ValidationError) as exc:
        save_report(nomination, PERSON_DATA, actor=users["unit_head"])
    assert "không sửa báo cáo thành tích" in exc.value.messages[0]
    with pytest.raises(ValidationError):
        generate_report_file(nomination, actor=users["unit_head"])
    transition_nomination(
        nomination, "tra_lai", actor=users["officer"], reason="Bổ sung"
    )
    assert save_report(nomination, PERSON_DATA, actor=users["unit_head"]).version == 1


def test_section_three_reads_the_register_over_the_lookback(org):
    nomination = propose(org, code="CSTD_BO_TINH", year=2025)  # 3 years: 2023–2025
    award(org, "CSTDCS", 2022)  # before the period
    award(org, "CSTDCS", 2023, number="15/QĐ-SKHĐT")
    award(org, "LDTT", 2024)
    award(org, "BK_BO_TINH", 2024, number="99/QĐ-UBND")
    revoked = award(org, "GIAY_KHEN", 2024)
    Award.objects.filter(pk=revoked.pk).update(revoked=True)
    award(org, "LDTT", 2024, person="vp_staff")  # someone else
    titles, forms = report_awards(nomination)
    assert [(a.year, a.code) for a in titles] == [(2023, "CSTDCS"), (2024, "LDTT")]
    assert [(a.year, a.code) for a in forms] == [(2024, "BK_BO_TINH")]


def test_docx_draft_has_the_structure_and_the_register(client_for, org, users):
    nomination = propose(org, code="CSTD_BO_TINH")
    award(org, "CSTDCS", 2024, number="15/QĐ-SKHĐT")
    save_report(nomination, PERSON_DATA, actor=users["unit_head"])
    head = client_for("unit_head")
    response = head.get(
        reverse("nominations:nomination-report-docx", args=[nomination.pk])
    )
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].endswith(".docx")
    xml = (
        zipfile.ZipFile(io.BytesIO(response.content)).read("word/document.xml").decode()
    )
    for text in (
        "BÁO CÁO THÀNH TÍCH",
        "ĐỀ NGHỊ TẶNG DANH HIỆU CHIẾN SĨ THI ĐUA BỘ",
        "I. SƠ LƯỢC LÝ LỊCH",
        "Nguyễn Văn Ánh",
        "17/05/1985",
        "Lạng Sơn, ngày",
        "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG",
        "15/QĐ-SKHĐT",
        "NGƯỜI BÁO CÁO THÀNH TÍCH",
        "Times New Roman",
        "1.250",
    ):
        assert text in xml, text
    assert "Số:" not in xml and "**" not in xml  # no number; markup rendered
    # A collective: its own sections and signatures.
    collective = propose(org, code="TTLDXS", agency=org.dkkd)
    xml = (
        zipfile.ZipFile(io.BytesIO(report_docx_bytes(collective)))
        .read("word/document.xml")
        .decode()
    )
    assert "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH" in xml and "Phòng Đăng ký kinh doanh" in xml
    assert "THỦ TRƯỞNG ĐƠN VỊ" in xml


def test_generate_files_the_pdf_and_replaces_only_the_generated_one(
    client_for, org, users
):
    nomination = propose(org, code="CSTD_BO_TINH")
    award(org, "CSTDCS", 2024, number="15/QĐ-SKHĐT")
    head = client_for("unit_head")
    url = reverse("nominations:nomination-report", args=[nomination.pk])
    assert head.get(url).context["report_editable"] is True
    bad = head.post(url, {**PERSON_DATA, "residence": "", "version": 0})
    assert bad.context["form"].errors["residence"] == ["Chưa ghi trú quán."]
    response = head.post(url, {**PERSON_DATA, "version": 0})
    assert response.url == nomination.get_absolute_url()
    generate = reverse("nominations:nomination-report-generate", args=[nomination.pk])
    head.post(generate)
    generated = nomination.attachments.get(kind="bao_cao_thanh_tich")
    assert dict(checklist(nomination))["Báo cáo thành tích"] is True
    with generated.file.open("rb") as handle:
        text = "".join(p.extract_text() for p in pypdf.PdfReader(handle).pages)
    text = " ".join(text.split())
    for part in (
        "BÁO CÁO THÀNH TÍCH",
        "Nguyễn Văn Ánh",
        "I. SƠ LƯỢC LÝ LỊCH",
        "II. THÀNH TÍCH ĐẠT ĐƯỢC",
        "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG",
        "15/QĐ-SKHĐT",
    ):
        assert part in text, part
    add_attachment(
        nomination,
        kind="bao_cao_thanh_tich",
        upload=SimpleUploadedFile("tu-soan.pdf", PDF),
    )
    head.post(generate)
    names = list(
        nomination.attachments.filter(kind="bao_cao_thanh_tich").values_list(
            "name", flat=True
        )
    )
    assert len(names) == 2 and "tu-soan.pdf" in names
    assert not nomination.attachments.filter(pk=generated.pk).exists()
    page = head.get(nomination.get_absolute_url())
    assert page.context["report_generated"].name.endswith(".pdf")
    assert page.context["report_outdated"] is False
    head.post(url, {**PERSON_DATA, "honours": "Thạc sĩ", "version": 1})
    page = head.get(nomination.get_absolute_url())
    assert page.context["report_outdated"] is True
    assert "hãy tạo lại tệp" in page.content.decode()
    assert "Tạo tệp báo cáo (PDF)" in page.content.decode()
    assert ActivityLog.objects.filter(action="nominations.report_generate").count() == 2


def test_pages_are_scoped_and_read_only_for_the_office(client_for, org, users):
    nomination = propose(org)
    save_report(nomination, PERSON_DATA, actor=users["unit_head"])
    other = client_for("other_officer")
    for name in ("nominations:nomination-report", "nominations:nomination-report-docx"):
        assert other.get(reverse(name, args=[nomination.pk])).status_code == 404
    generate = reverse("nominations:nomination-report-generate", args=[nomination.pk])
    assert other.post(generate).status_code == 404
    for kind in ("bien_ban_binh_xet", "chung_nhan_sang_kien", "bao_cao_thanh_tich"):
        add_attachment(nomination, kind=kind, upload=SimpleUploadedFile("a.pdf", PDF))
    transition_nomination(nomination, "da_gui", actor=users["unit_head"])
    officer = client_for("officer")
    page = officer.get(reverse("nominations:nomination-report", args=[nomination.pk]))
    assert page.context["report_editable"] is False
    html = page.content.decode()
    assert 'data-testid="report-readonly"' in html and "<strong>1.250</strong>" in html
    assert '<form method="post" novalidate>' not in html
    refused = officer.post(
        reverse("nominations:nomination-report", args=[nomination.pk]),
        {**PERSON_DATA, "version": 1},
    )
    assert "không sửa báo cáo thành tích" in refused.content.decode()
    detail = officer.get(nomination.get_absolute_url()).content.decode()
    assert "Mẫu 05 theo QĐ 638/QĐ-BNV" in detail
    assert "Tạo tệp báo cáo (PDF)" not in detail
