"""Upward submission: tờ trình to the higher agency, its inbox, return, forwarding, the
final decision flowing back into the register, and the ZIP package."""

import datetime
import io
import json
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from thidua.awards.models import Award
from thidua.documents.services.render import render_issued_document
from thidua.nominations.services.nomination import open_round, transition_nomination
from thidua.submissions.models import Submission
from thidua.submissions.selectors import submissions_for_user
from thidua.submissions.services.package import build_package, import_package
from thidua.submissions.services.submission import (
    appraise_item,
    record_outcome,
    return_item,
)

from ..decisions.test_decisions import decided
from .factories import forward_items, submit_nominations

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 1, 20)
SIGN = {"issued_on": DAY, "signer_title": "Giám đốc", "signer_name": "Vũ Hoàng Quý"}
AWARD = {
    "decision_number": "125/QĐ-UBND",
    "decision_date": datetime.date(2026, 2, 2),
    "decision_signer": "Hồ Tiến Thiệu",
    "decided_by": "Chủ tịch UBND tỉnh Lạng Sơn",
}


def test_submission_takes_a_number_and_moves_the_nomination(sent, org):
    submission, nomination = sent
    assert submission.symbol == "01/TTr-SKHĐT"
    assert submission.to_agency == org.province
    nomination.refresh_from_db()
    assert nomination.state == "trinh_cap_tren"
    item = submission.items.get()
    assert (item.subject_name, item.code, item.year) == (
        "Nguyễn Văn Ánh",
        "CSTD_BO_TINH",
        2025,
    )
    assert {f["kind"] for f in item.files} >= {
        "bao_cao_thanh_tich",
        "bien_ban_binh_xet",
    }


def test_what_the_head_may_decide_is_not_sent_up(round_, org, users):
    nomination = decided(round_, org, "dkkd_staff", "LDTT", users)
    with pytest.raises(ValidationError) as exc:
        submit_nominations(round_, [nomination], actor=users["officer"], **SIGN)
    assert "thuộc thẩm quyền của Sở Kế hoạch và Đầu tư" in " ".join(exc.value.messages)


def test_sending_up_is_only_through_a_submission(round_, org, users):
    nomination = decided(round_, org, "dkkd_staff", "CSTD_BO_TINH", users)
    with pytest.raises(ValidationError) as exc:
        transition_nomination(nomination, "trinh_cap_tren", actor=users["admin"])
    assert "chỉ được xử lý qua tờ trình" in exc.value.messages[0]


def test_another_agency_cannot_send_the_rounds_nominations(round_, org, users):
    nomination = decided(round_, org, "dkkd_staff", "CSTD_BO_TINH", users)
    with pytest.raises(PermissionDenied):
        submit_nominations(round_, [nomination], actor=users["other_officer"], **SIGN)


def test_the_inbox_is_the_higher_office_s(sent, users):
    submission, _n = sent
    assert submission in submissions_for_user(users["higher_officer"])
    assert submission in submissions_for_user(users["officer"])  # the sender follows it
    assert submission not in submissions_for_user(users["other_officer"])
    item = submission.items.get()
    with pytest.raises(PermissionDenied):  # the sender may not decide its own case
        record_outcome(item, awarded=True, actor=users["officer"], **AWARD)


def test_the_final_decision_flows_back_into_the_register(sent, users, org):
    submission, nomination = sent
    item = submission.items.get()
    appraise_item(item, appraisal="Đủ tiêu chuẩn", actor=users["higher_officer"])
    record_outcome(item, awarded=True, actor=users["higher_officer"], **AWARD)
    nomination.refresh_from_db()
    assert nomination.state == "da_khen_thuong"
    award = Award.objects.get(person=org.people["dkkd_staff"])
    assert (award.code, award.year, award.decision_number, award.decision_date) == (
        "CSTD_BO_TINH",
        2025,
        "125/QĐ-UBND",
        datetime.date(2026, 2, 2),
    )
    assert "Hồ Tiến Thiệu" in award.decided_by
    assert award.cash_amount > 0  # from the engine at the decision date
    with pytest.raises(ValidationError):  # decided once
        record_outcome(item, awarded=False, reason="x", actor=users["higher_officer"])


def test_not_awarded_needs_a_reason_and_reaches_the_unit(sent, users):
    submission, nomination = sent
    item = submission.items.get()
    with pytest.raises(ValidationError) as exc:
        record_outcome(item, awarded=False, actor=users["higher_officer"])
    assert "reason" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        record_outcome(item, awarded=True, actor=users["higher_officer"])
    assert set(exc.value.message_dict) == {
        "decision_number",
        "decision_date",
        "decision_signer",
        "decided_by",
    }
    record_outcome(
        item, awarded=False, reason="Chưa đủ tỷ lệ phiếu", actor=users["higher_officer"]
    )
    nomination.refresh_from_db()
    assert nomination.state == "khong_khen_thuong"
    assert nomination.events.last().reason == "Chưa đủ tỷ lệ phiếu"


def test_a_returned_nomination_can_be_completed_and_sent_again(sent, round_, users):
    submission, nomination = sent
    item = submission.items.get()
    with pytest.raises(ValidationError):
        return_item(item, reason=" ", actor=users["higher_officer"])
    return_item(item, reason="Thiếu bản sao sáng kiến", actor=users["higher_officer"])
    nomination.refresh_from_db()
    assert nomination.state == "hoi_dong_da_xet"
    assert "Thiếu bản sao sáng kiến" in nomination.events.last().reason
    again = submit_nominations(round_, [nomination], actor=users["officer"], **SIGN)
    assert again.symbol == "02/TTr-SKHĐT"


def test_concurrent_edits_are_detected(sent, users):
    submission, _n = sent
    item = submission.items.get()
    seen = item.version
    appraise_item(
        item, appraisal="Đã xem", actor=users["higher_officer"], expected_version=seen
    )
    with pytest.raises(ValidationError) as exc:
        record_outcome(
            item,
            awarded=True,
            actor=users["higher_officer"],
            expected_version=seen,
            **AWARD,
        )
    assert exc.value.messages == ["Hồ sơ đã được người khác cập nhật."]


def test_forwarding_up_and_the_decision_walks_back_down(org, users):
    round_ = open_round(
        agency=org.dkkd,
        name="Xét phòng 2025",
        kind="hang_nam",
        year=2025,
        submission_deadline=datetime.date(2099, 1, 1),
    )
    nomination = decided(round_, org, "dkkd_staff", "CSTD_BO_TINH", users)
    first = submit_nominations(round_, [nomination], actor=users["admin"], **SIGN)
    assert first.to_agency == org.skhdt
    lower = first.items.get()
    with pytest.raises(PermissionDenied):  # only the receiving office forwards
        forward_items([lower], agency=org.skhdt, actor=users["other_officer"], **SIGN)
    # CSTĐ cấp tỉnh is beyond the Sở: forwarded to the province.
    upper_submission = forward_items(
        [lower], agency=org.skhdt, actor=users["officer"], **SIGN
    )
    lower.refresh_from_db()
    assert lower.outcome == "trinh_tiep"
    assert upper_submission.to_agency == org.province
    upper = upper_submission.items.get()
    record_outcome(upper, awarded=True, actor=users["higher_officer"], **AWARD)
    lower.refresh_from_db()
    nomination.refresh_from_db()
    assert lower.outcome == "khen_thuong" and lower.decision_number == "125/QĐ-UBND"
    assert nomination.state == "da_khen_thuong"
    assert Award.objects.filter(
        person=org.people["dkkd_staff"], code="CSTD_BO_TINH"
    ).exists()


def test_returning_a_forwarded_item_reopens_the_one_below(org, users):
    round_ = open_round(
        agency=org.dkkd,
        name="Xét phòng 2025",
        kind="hang_nam",
        year=2025,
        submission_deadline=datetime.date(2099, 1, 1),
    )
    nomination = decided(round_, org, "dkkd_staff", "CSTD_BO_TINH", users)
    lower = submit_nominations(
        round_, [nomination], actor=users["admin"], **SIGN
    ).items.get()
    upper = forward_items(
        [lower], agency=org.skhdt, actor=users["officer"], **SIGN
    ).items.get()
    return_item(upper, reason="Bổ sung xác nhận", actor=users["higher_officer"])
    lower.refresh_from_db()
    nomination.refresh_from_db()
    assert lower.outcome == "cho_xu_ly" and "Bổ sung xác nhận" in lower.reason
    assert nomination.state == "trinh_cap_tren"  # still with the Sở


# -- package --------------------------------------------------------------------------


@pytest.fixture
def package(sent):
    submission, _n = sent
    render_issued_document(submission.document_id)
    submission.refresh_from_db()
    return submission, build_package(submission)


def _upload(data: bytes, name="goi.zip"):
    return SimpleUploadedFile(name, data, content_type="application/zip")


def test_package_has_the_documents_the_list_and_the_dossier(package):
    submission, data = package
    zf = zipfile.ZipFile(io.BytesIO(data))
    manifest = json.loads(zf.read("manifest.json"))
    assert manifest["format"] == "thidua.to-trinh" and manifest["version"] == 1
    assert manifest["document"]["symbol"] == "01/TTr-SKHĐT"
    names = set(zf.namelist())
    assert {"to-trinh.pdf", "danh-sach.xlsx", "manifest.json"} <= names
    item = manifest["items"][0]
    assert item["code"] == "CSTD_BO_TINH" and len(item["files"]) >= 2
    assert all(f["path"] in names for f in item["files"])
    assert zf.read("to-trinh.pdf").startswith(b"%PDF")
    # The council met on paper (tests/council_paper.py): its signed biên bản is packed.
    paper = [f for f in manifest["files"] if f.get("source") == "bien_ban_giay"]
    assert [f["role"] for f in paper] == ["bien_ban"]
    assert zf.read(paper[0]["path"]).startswith(b"%PDF")


def test_import_is_checked_whole_and_idempotent(package, org, users):
    _s, data = package
    imported = import_package(_upload(data), to_agency=org.other, actor=users["admin"])
    assert imported.from_agency is None and imported.external_symbol == "01/TTr-SKHĐT"
    item = imported.items.get()
    assert item.nomination is None and item.code == "CSTD_BO_TINH"
    assert item.subject is None  # no local person or agency, only the printed name
    again = import_package(_upload(data), to_agency=org.other, actor=users["admin"])
    assert again.pk == imported.pk
    # Re-exporting an imported package hands it on as received.
    assert build_package(imported) == data


def _rewrite(data: bytes, change) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            name, content = change(info.filename, src.read(info.filename))
            if name:
                dst.writestr(name, content)
    return out.getvalue()


def test_a_tampered_package_is_refused_and_nothing_written(package, org, users):
    _s, data = package
    before = Submission.objects.count()
    tampered = _rewrite(
        data, lambda n, c: (n, c + b"x" if n.startswith("ho-so/") else c)
    )
    with pytest.raises(ValidationError) as exc:
        import_package(_upload(tampered), to_agency=org.other, actor=users["admin"])
    assert "SHA-256 không khớp" in " ".join(exc.value.messages)

    def bad_code(name, content):
        if name != "manifest.json":
            return name, content
        manifest = json.loads(content)
        manifest["items"][0]["code"] = "HUY_CHUONG_VANG"
        return name, json.dumps(manifest).encode()

    with pytest.raises(ValidationError) as exc:
        import_package(
            _upload(_rewrite(data, bad_code)), to_agency=org.other, actor=users["admin"]
        )
    assert (
        "Đối tượng 1: mã danh hiệu “HUY_CHUONG_VANG” không hợp lệ."
        in exc.value.messages
    )
    escape = _rewrite(
        data, lambda n, c: ("../../etc/x" if n == "danh-sach.xlsx" else n, c)
    )
    with pytest.raises(ValidationError):
        import_package(_upload(escape), to_agency=org.other, actor=users["admin"])
    with pytest.raises(ValidationError):
        import_package(_upload(b"not a zip"), to_agency=org.other, actor=users["admin"])
    assert Submission.objects.count() == before


def test_a_nul_byte_in_the_manifest_is_named_and_nothing_written(package, org, users):
    """PostgreSQL refuses NUL in text: the import was a 500 there (and stored it on
    SQLite)."""
    _s, data = package
    before = Submission.objects.count()

    def nul(name, content):
        if name != "manifest.json":
            return name, content
        manifest = json.loads(content)
        manifest["document"]["summary"] = "Về việc\u0000 đề nghị"
        return name, json.dumps(manifest).encode()

    with pytest.raises(ValidationError) as exc:
        import_package(
            _upload(_rewrite(data, nul)), to_agency=org.other, actor=users["admin"]
        )
    assert exc.value.messages == [
        "manifest.json document.summary: không được chứa ký tự NUL"
    ]
    assert Submission.objects.count() == before


def test_only_a_receiving_office_imports(package, org, users):
    _s, data = package
    with pytest.raises(PermissionDenied):
        import_package(_upload(data), to_agency=org.other, actor=users["officer"])


# -- pages ----------------------------------------------------------------------------


def test_inbox_pages_for_the_higher_office(sent, client_for, org):
    submission, nomination = sent
    client = client_for("higher_officer")
    page = client.get(reverse("submissions:list"))
    assert submission.symbol in page.content.decode()
    detail = client.get(submission.get_absolute_url())
    assert "Nguyễn Văn Ánh" in detail.content.decode()
    item = submission.items.get()
    response = client.post(
        reverse("submissions:item-action", args=[item.pk, "khen-thuong"]),
        {
            f"i{item.pk}-{k}": v.strftime("%d/%m/%Y")
            if isinstance(v, datetime.date)
            else v
            for k, v in AWARD.items()
        }
        | {"version": item.version},
    )
    assert response.status_code == 302
    nomination.refresh_from_db()
    assert nomination.state == "da_khen_thuong"
    file_url = reverse("submissions:file", args=[item.pk, 0])
    assert client.get(file_url).status_code == 200


def test_other_agencies_see_nothing(sent, client_for):
    submission, _n = sent
    item = submission.items.get()
    client = client_for("other_officer")
    assert client.get(submission.get_absolute_url()).status_code == 404
    assert client.get(reverse("submissions:file", args=[item.pk, 0])).status_code == 404
    client = client_for("officer")  # the sender sees it, may not act on it
    action = reverse("submissions:item-action", args=[item.pk, "tra-lai"])
    assert client.post(action, {f"i{item.pk}-reason": "x"}).status_code == 404


def test_send_up_page(round_, org, users, client_for):
    """The office drafts the tờ trình (nothing sent yet); the whole path through the
    pages is tests/submissions/test_approval.py."""
    nomination = decided(round_, org, "dkkd_staff", "CSTD_BO_TINH", users)
    client = client_for("officer")
    url = reverse("submissions:create", args=[round_.pk])
    assert "vượt thẩm quyền" in client.get(url).content.decode()
    response = client.post(
        url, {"nomination": [nomination.pk], "planned_on": "20/01/2026"}
    )
    draft = Submission.objects.get()
    assert response.status_code == 302
    assert response["Location"] == draft.get_absolute_url()
    assert draft.state == "du_thao" and draft.document_id is None
    nomination.refresh_from_db()
    assert nomination.state == "hoi_dong_da_xet"  # sent only once issued


def test_package_pages_export_and_import(package, client_for, org):
    submission, _data = package
    client = client_for("officer")
    pdf = client.get(reverse("submissions:document", args=[submission.pk, "pdf"]))
    assert pdf.status_code == 200
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")  # consumed: file closed
    exported = client.get(reverse("submissions:package", args=[submission.pk]))
    assert exported["Content-Type"] == "application/zip"
    data = (
        b"".join(exported.streaming_content) if exported.streaming else exported.content
    )
    assert "manifest.json" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    admin = client_for("admin")
    url = reverse("submissions:import")
    response = admin.post(url, {"to_agency": org.other.pk, "package": _upload(b"junk")})
    assert "Tệp không phải gói hồ sơ ZIP." in response.content.decode()
    response = admin.post(url, {"to_agency": org.other.pk, "package": _upload(data)})
    imported = Submission.objects.get(to_agency=org.other)
    assert (
        response.status_code == 302
        and response["Location"] == imported.get_absolute_url()
    )
    assert client_for("staff").get(url).status_code == 404


def test_forward_page(org, users, client_for):
    round_ = open_round(
        agency=org.dkkd,
        name="Xét phòng 2025",
        kind="hang_nam",
        year=2025,
        submission_deadline=datetime.date(2099, 1, 1),
    )
    nomination = decided(round_, org, "dkkd_staff", "CSTD_BO_TINH", users)
    lower_submission = submit_nominations(
        round_, [nomination], actor=users["admin"], **SIGN
    )
    lower = lower_submission.items.get()
    client = client_for("officer")
    page = client.get(lower_submission.get_absolute_url()).content.decode()
    assert 'data-testid="forward"' in page
    response = client.post(
        reverse("submissions:forward", args=[lower_submission.pk]),
        {"item": [lower.pk], "planned_on": "20/01/2026"},
    )
    upper = Submission.objects.get(from_agency=org.skhdt)
    assert response.status_code == 302 and upper.to_agency == org.province
    assert upper.state == "du_thao"  # a draft for the Sở's head to approve
    lower.refresh_from_db()
    assert lower.outcome == "cho_xu_ly"  # forwarded once the upper one is issued
    response = client.post(
        reverse("submissions:forward", args=[lower_submission.pk]),
        {"planned_on": "20/01/2026"},
    )
    assert response.status_code == 200  # nothing chosen: the form says so


def test_the_proposing_unit_follows_the_higher_levels(sent, client_for, users):
    submission, nomination = sent
    item = submission.items.get()
    record_outcome(item, awarded=True, actor=users["higher_officer"], **AWARD)
    page = client_for("unit_head").get(nomination.get_absolute_url()).content.decode()
    assert "01/TTr-SKHĐT" in page and "Được khen thưởng" in page
    assert "Quyết định 125/QĐ-UBND ngày 02/02/2026" in page


def test_the_unit_is_told_by_mail(
    sent, users, mailoutbox, django_capture_on_commit_callbacks
):
    submission, nomination = sent
    users["unit_head"].email = "truongphong@skhdt.langson.gov.vn"
    users["unit_head"].save()
    item = submission.items.get()
    with django_capture_on_commit_callbacks(execute=True):
        record_outcome(
            item,
            awarded=False,
            reason="Chưa đủ 3 năm CSTĐCS liên tục",
            actor=users["higher_officer"],
        )
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["truongphong@skhdt.langson.gov.vn"]
    assert "không được khen thưởng" in mail.subject
    assert "Chưa đủ 3 năm CSTĐCS liên tục" in mail.body
    assert nomination.get_absolute_url() in mail.body
