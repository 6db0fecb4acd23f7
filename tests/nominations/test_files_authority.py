"""Issue #14 points 8 and 9: who decides a proposed code (said at once, never
refusing), the dossier's files (opened inline, withdrawn or replaced by the unit until
it sends, a sent file kept), and the appraisal opinion kept with who and when."""

import datetime
import io
import zipfile

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.signals import request_finished
from django.db import close_old_connections
from django.http import Http404
from django.urls import reverse

from thidua.common.models import ActivityLog
from thidua.nominations.models import AchievementReport, NominationAttachment
from thidua.nominations.report_catalog import template_for
from thidua.nominations.selectors import (
    access_attachment,
    authority_of,
    authority_table,
    checklist,
)
from thidua.nominations.services.nomination import (
    add_attachment,
    replace_attachment,
    transition_nomination,
    withdraw_attachment,
)
from thidua.organizations.enums import AgencyLevel
from thidua.organizations.services.structure import create_agency

from .test_nominations import PDF, complete, propose
from .test_nominations import round_ as round_  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"
DAY = datetime.date(2026, 3, 1)


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


# --- Authority ------------------------------------------------------------------


def test_the_round_agency_decides_or_names_who_above_does(org):
    table = authority_table(
        org.skhdt, ["LDTT", "CSTD_BO_TINH", "BK_TTG", "HCLD_3", "CSTT"], on=DAY
    )
    assert table["LDTT"].decides
    assert str(table["LDTT"]) == "Cơ quan quyết định"
    assert table["LDTT"].citation == "Luật TĐKT 2022, Điều 80, khoản 1"
    upward = table["CSTD_BO_TINH"]
    assert not upward.decides
    assert upward.label == (
        "Phải trình lên Chủ tịch UBND tỉnh (Ủy ban nhân dân tỉnh Lạng Sơn)"
    )
    assert "Điều 79" in upward.citation
    assert table["BK_TTG"].label == "Phải trình lên Thủ tướng Chính phủ"
    assert table["HCLD_3"].label == "Phải trình lên Chủ tịch nước"
    assert table["HCLD_3"].citation == "Luật TĐKT 2022, Điều 77"
    assert table["BK_TTG"].citation == "Luật TĐKT 2022, Điều 78"
    # No row anywhere (Chiến sĩ tiên tiến: the armed forces' own channel).
    assert table["CSTT"].label == "Phải trình lên cấp có thẩm quyền"
    assert table["CSTT"].citation == ""
    assert authority_table(org.province, ["CSTD_BO_TINH"], on=DAY)[
        "CSTD_BO_TINH"
    ].decides


def test_the_commune_gains_the_district_powers_on_the_reform_day(org):
    commune = create_agency(
        parent=org.province,
        code="XA",
        name="UBND xã Hữu Lũng",
        level=AgencyLevel.COMMUNE,
    )
    before = authority_table(commune, ["CSTDCS"], on=datetime.date(2025, 6, 30))
    assert before["CSTDCS"].agency == "Ủy ban nhân dân tỉnh Lạng Sơn"
    after = authority_table(commune, ["CSTDCS"], on=datetime.date(2025, 7, 1))
    assert after["CSTDCS"].decides
    assert "NĐ 129/2025" in after["CSTDCS"].citation


def test_a_ministry_outside_any_province_sends_bo_tinh_forms_to_a_minister():
    ministry = create_agency(
        code="BO", name="Bộ Kế hoạch và Đầu tư", level=AgencyLevel.CENTRAL
    )
    found = authority_table(ministry, ["BK_BO_TINH"], on=DAY)["BK_BO_TINH"]
    assert found.label == "Phải trình lên Bộ trưởng, Chủ tịch UBND tỉnh"


def test_authority_is_said_on_the_form_the_result_the_dossier_and_the_list(
    round_, org, client_for
):
    head = client_for("unit_head")
    url = reverse("nominations:nomination-create", args=[round_.pk])
    form = head.get(url)
    rows = dict(form.context["authority"])
    assert rows["Lao động tiên tiến"].decides
    assert not rows["Bằng khen của Thủ tướng Chính phủ"].decides
    assert 'data-testid="authority-table"' in form.content.decode()
    assert "hx-get" in form.content.decode()
    answer = reverse("nominations:nomination-authority", args=[round_.pk])
    upward = head.get(answer, {"code": "BK_TTG"}).content.decode()
    assert "Phải trình lên Thủ tướng Chính phủ" in upward
    assert "Cơ quan quyết định" in head.get(answer, {"code": "LDTT"}).content.decode()
    assert head.get(answer, {"code": "X"}).content.decode().strip() == ""
    # Beyond the agency's authority: created all the same, and told at once.
    response = head.post(
        url,
        {
            "proposing_unit": org.dkkd.pk,
            "person": org.people["dkkd_staff"].pk,
            "code": "CSTD_BO_TINH",
            "award_type": "cong_trang",
        },
        follow=True,
    )
    said = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("Phải trình lên Chủ tịch UBND tỉnh" in m for m in said)
    page = response.content.decode()
    assert "Vượt thẩm quyền của cơ quan đợt xét" in page
    assert "Điều 79" in page
    nomination = response.context["nomination"]
    assert not authority_of(nomination).decides
    within = propose(round_, org, code="LDTT", person="head")
    assert (
        "quyết định khen thưởng" in head.get(within.get_absolute_url()).content.decode()
    )
    listing = head.get(round_.get_absolute_url())
    badges = {n.code: n.authority.decides for n in listing.context["nominations"]}
    assert badges == {"CSTD_BO_TINH": False, "LDTT": True}
    assert 'data-testid="authority"' in listing.content.decode()


# --- Files ----------------------------------------------------------------------


def _get(client, url):
    """A file response, read and closed (the stored file is not left open).

    Closed as the test client closes a response it streamed itself: with
    ``close_old_connections`` off ``request_finished`` — else closing it here closes
    the test's database connection (PostgreSQL) in the middle of the test."""
    response = client.get(url)
    response.body = b"".join(getattr(response, "streaming_content", [b""]))
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
    return response


def _file_url(nomination, attachment, name="nomination-file"):
    return reverse(f"nominations:{name}", args=[nomination.pk, attachment.pk])


def test_files_open_inline_or_download_for_who_sees_the_nomination(
    round_, org, client_for
):
    nomination = propose(round_, org)
    pdf = add_attachment(
        nomination, kind="bao_cao_thanh_tich", upload=SimpleUploadedFile("bc.pdf", PDF)
    )
    png = add_attachment(
        nomination, kind="khac", upload=SimpleUploadedFile("ảnh.png", PNG)
    )
    docx = add_attachment(
        nomination, kind="khac", upload=SimpleUploadedFile("bb.docx", _docx())
    )
    officer = client_for("officer")
    page = officer.get(nomination.get_absolute_url()).content.decode()
    assert _file_url(nomination, pdf) in page
    response = _get(officer, _file_url(nomination, pdf))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.body == PDF
    downloaded = _get(officer, _file_url(nomination, pdf) + "?tai-ve=1")
    assert downloaded["Content-Disposition"].startswith("attachment;")
    image = _get(officer, _file_url(nomination, png))
    assert (image["Content-Type"], image["Content-Disposition"][:7]) == (
        "image/png",
        "inline;",
    )
    word = _get(officer, _file_url(nomination, docx))
    assert word["Content-Disposition"].startswith("attachment;")
    assert "wordprocessingml" in word["Content-Type"]
    # Who does not see the nomination does not learn the file exists.
    assert (
        client_for("other_officer").get(_file_url(nomination, pdf)).status_code == 404
    )
    with pytest.raises(Http404):
        access_attachment(org_user(client_for, "officer"), nomination.pk, "x")


def org_user(client_for, role):
    return client_for(role).get("/").wsgi_request.user


def test_the_unit_withdraws_and_replaces_a_file_of_a_draft(round_, org, client_for):
    nomination = propose(round_, org)
    wrong = add_attachment(
        nomination, kind="bao_cao_thanh_tich", upload=SimpleUploadedFile("sai.pdf", PDF)
    )
    head = client_for("unit_head")
    response = head.post(
        _file_url(nomination, wrong, "nomination-file-replace"),
        {"file": SimpleUploadedFile("dung.pdf", PDF + b"\n")},
        follow=True,
    )
    assert "Đã thay tài liệu." in response.content.decode()
    # Never sent: the wrong file is gone, row and stored file.
    assert not NominationAttachment.objects.filter(pk=wrong.pk).exists()
    right = nomination.attachments.get()
    assert (right.name, right.kind) == ("dung.pdf", "bao_cao_thanh_tich")
    replaced = ActivityLog.objects.get(action="nominations.replace_attachment")
    assert replaced.data["old"] == {
        "name": "sai.pdf",
        "sha256": wrong.sha256,
        "kept": False,
    }
    head.post(_file_url(nomination, right, "nomination-file-withdraw"))
    assert not nomination.attachments.exists()
    withdrawn = ActivityLog.objects.get(action="nominations.withdraw_attachment")
    assert (withdrawn.data["name"], withdrawn.data["kept"]) == ("dung.pdf", False)


def test_a_bad_replacement_is_refused_in_words(round_, org, client_for):
    nomination = propose(round_, org)
    wrong = add_attachment(
        nomination, kind="khac", upload=SimpleUploadedFile("sai.pdf", PDF)
    )
    head = client_for("unit_head")
    url = _file_url(nomination, wrong, "nomination-file-replace")
    bad = head.post(url, {"file": SimpleUploadedFile("x.exe", b"MZ")}, follow=True)
    assert "Chỉ nhận tệp PDF" in bad.content.decode()
    missing = head.post(url, {}, follow=True)
    assert "This field is required." in missing.content.decode() or (
        "bắt buộc" in missing.content.decode()
    )
    assert nomination.attachments.get() == wrong


def test_after_sending_files_stay_and_a_sent_file_is_kept_when_withdrawn(
    round_, org, users, client_for
):
    nomination = propose(round_, org)
    complete(nomination)
    sent = nomination.attachments.get(kind="bien_ban_binh_xet")
    transition_nomination(nomination, "da_gui", actor=users["unit_head"])
    head = client_for("unit_head")
    refused = head.post(
        _file_url(nomination, sent, "nomination-file-withdraw"), follow=True
    )
    assert "Hồ sơ đã gửi, không rút hoặc thay tài liệu" in refused.content.decode()
    with pytest.raises(ValidationError):
        replace_attachment(
            nomination, sent.pk, upload=SimpleUploadedFile("b.pdf", PDF), actor=None
        )
    assert not ActivityLog.objects.filter(
        action__in=["nominations.withdraw_attachment", "nominations.replace_attachment"]
    ).exists()
    # Returned: the unit may correct it again, but what the office saw is kept.
    nomination.refresh_from_db()
    transition_nomination(
        nomination, "tra_lai", actor=users["officer"], reason="Biên bản sai."
    )
    nomination.refresh_from_db()
    # Say the sent file were the report's generated PDF: withdrawn, it is no longer.
    report = AchievementReport.objects.create(
        nomination=nomination,
        template=template_for(2025, collective=False, code="CSTDCS"),
        version=1,
        generated_file=sent,
    )
    head.post(_file_url(nomination, sent, "nomination-file-withdraw"))
    report.refresh_from_db()
    assert report.generated_file is None
    sent.refresh_from_db()
    assert sent.withdrawn_at is not None
    assert sent.withdrawn_by == users["unit_head"]
    assert ActivityLog.objects.get(action="nominations.withdraw_attachment").data[
        "kept"
    ]
    assert dict(checklist(nomination))["Biên bản bình xét"] is False
    page = head.get(nomination.get_absolute_url()).content.decode()
    assert "đã rút" in page
    # The withdrawn file still opens (it was part of a sent dossier) …
    assert _get(head, _file_url(nomination, sent)).body == PDF
    # … but cannot be withdrawn twice.
    with pytest.raises(ValidationError, match="không còn trong hồ sơ"):
        withdraw_attachment(nomination, sent.pk, actor=users["unit_head"])


def test_only_the_proposing_unit_edits_its_files(round_, org, users):
    nomination = propose(round_, org)
    wrong = add_attachment(
        nomination, kind="khac", upload=SimpleUploadedFile("sai.pdf", PDF)
    )
    with pytest.raises(ValidationError, match="Chỉ đơn vị đề nghị"):
        withdraw_attachment(nomination, wrong.pk, actor=users["other_officer"])


# --- Appraisal ------------------------------------------------------------------


def test_the_appraisal_is_kept_with_who_and_when_and_shown(
    round_, org, users, client_for
):
    nomination = propose(round_, org)
    complete(nomination)
    transition_nomination(nomination, "da_gui", actor=users["unit_head"])
    officer = client_for("officer")
    officer.post(
        reverse("nominations:nomination-move", args=[nomination.pk]),
        {
            "to": "da_tham_dinh",
            "appraisal": "Đủ điều kiện, hồ sơ đầy đủ.",
            "version": 2,
        },
    )
    nomination.refresh_from_db()
    assert nomination.state == "da_tham_dinh"
    assert nomination.appraisal == "Đủ điều kiện, hồ sơ đầy đủ."
    assert nomination.appraised_by == users["officer"]
    assert nomination.appraised_at is not None
    page = client_for("unit_head").get(nomination.get_absolute_url()).content.decode()
    assert 'data-testid="appraisal"' in page
    assert "Đủ điều kiện, hồ sơ đầy đủ." in page
