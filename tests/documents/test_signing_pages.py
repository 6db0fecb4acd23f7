import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from thidua.accounts.enums import Role
from thidua.accounts.services import create_account
from thidua.common.models import ActivityLog
from thidua.documents.models import DocumentSignature, IssuedDocument, SigningCredential
from thidua.documents.services.render import render_issued_document
from thidua.documents.services.signing import verify_pdf

from ..factories import PASSWORD
from .certs import PASSPHRASE, blank_pdf, make_cert, make_p12
from .signing_fixtures import CN, issue

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    from django.core.cache import cache

    cache.clear()


def stored(document) -> bytes:
    with document.pdf.open("rb") as handle:
        return handle.read()


def pdf_url(decision):
    return reverse("decisions:decision-file", args=[decision.pk, "pdf"])


def test_rendering_signs_the_pdf_in_the_ready_transaction(signed_decision, credential):
    document = signed_decision.issued_document
    assert document.status == "ready" and signed_decision.awards_written
    signature = DocumentSignature.objects.get(document=document, kind="seal")
    assert signature.credential == credential and signature.signer_subject == CN
    assert signature.field_name == "ChuKySoCoQuan"
    data = stored(document)
    assert hashlib.sha256(data).hexdigest() == document.pdf_sha256
    assert verify_pdf(data).unaltered
    entry = ActivityLog.objects.get(action="documents.sign")
    assert entry.data["pdf_sha256"] == document.pdf_sha256


def test_agency_without_a_credential_gets_the_pdf_unchanged(
    round_, org, users, fast_pdf
):
    decision = issue(round_, org, users)
    render_issued_document(decision.issued_document.pk)
    document = IssuedDocument.objects.get(pk=decision.issued_document.pk)
    assert stored(document) == blank_pdf()
    # Only the approver's missing signature is on record, with why.
    (missing,) = DocumentSignature.objects.all()
    assert missing.kind == "personal" and not missing.made
    assert (
        missing.missing_reason == "Vũ Hoàng Quý chưa có chứng thư số cá nhân đang dùng."
    )


def test_signing_failure_marks_the_document_failed(
    credential, round_, org, users, fast_pdf, settings
):
    settings.THIDUA_SIGNING_KEY = "khoa-khac"  # the stored credential cannot be read
    decision = issue(round_, org, users)
    with pytest.raises(Exception, match="giải mã"):
        render_issued_document(decision.issued_document.pk)
    document = IssuedDocument.objects.get(pk=decision.issued_document.pk)
    assert document.status == "failed" and "Không ký số được" in document.error


def test_intact_download_carries_the_signature_header(signed_decision, client_for):
    response = client_for("officer").get(pdf_url(signed_decision))
    assert response.status_code == 200
    assert response["X-Thidua-Signature"] == (
        "valid; signer=So Ke hoach va Dau tu (thu nghiem); trusted=yes"
    )


def test_tampered_file_is_not_served_and_is_audited(signed_decision, client_for):
    path = signed_decision.issued_document.pdf.path
    with open(path, "r+b") as handle:
        handle.seek(200)
        byte = handle.read(1)
        handle.seek(200)
        handle.write(bytes([byte[0] ^ 1]))
    response = client_for("officer").get(pdf_url(signed_decision))
    assert response.status_code == 409
    page = response.content.decode()
    assert 'data-testid="tampered"' in page and "SHA-256" in page
    assert "bị sửa đổi sau khi ký" in page
    entry = ActivityLog.objects.get(action="documents.tamper_detected")
    assert entry.object_id == str(signed_decision.issued_document.pk) or entry.object_id
    assert "Content-Disposition" not in response


def test_appended_bytes_on_disk_are_reported(signed_decision, client_for):
    with open(signed_decision.issued_document.pdf.path, "ab") as handle:
        handle.write(b"\n%noi dung them\n")
    response = client_for("officer").get(pdf_url(signed_decision))
    assert response.status_code == 409
    assert "có nội dung thêm sau khi ký" in response.content.decode()


def test_pages_say_who_signed(signed_decision, client_for):
    client = client_for("officer")
    for url in (
        signed_decision.get_absolute_url(),
        reverse("documents:register") + "?nam=2026",
    ):
        page = client.get(url).content.decode()
        assert 'data-testid="signed-by"' in page
        assert "Đóng dấu số: Sở Kế hoạch và Đầu tư lúc" in page
        assert "Thiếu chữ ký số cá nhân" in page


# --- credentials page -------------------------------------------------------------


def test_admin_uploads_and_deactivates_a_credential(client_for, org):
    client = client_for("admin")
    url = reverse("documents:credentials")
    assert "documents:credentials" and client.get(url).status_code == 200
    upload = SimpleUploadedFile("so.p12", make_p12(*make_cert(CN)))
    response = client.post(
        url,
        {
            "agency": org.skhdt.pk,
            "label": "Chứng thư Sở",
            "p12": upload,
            "passphrase": PASSPHRASE,
            "visible_stamp": "on",
        },
    )
    assert response.status_code == 302
    credential = SigningCredential.objects.get(agency=org.skhdt)
    assert credential.active and credential.visible_stamp
    page = client.get(url).content.decode()
    assert CN in page and PASSPHRASE not in page and credential.fingerprint[:16] in page
    bad = client.post(
        url,
        {
            "agency": org.skhdt.pk,
            "label": "x",
            "passphrase": "sai",
            "p12": SimpleUploadedFile("so.p12", make_p12(*make_cert())),
        },
    )
    assert bad.status_code == 200 and "Mật khẩu: không mở được" in bad.content.decode()
    assert 'value="sai"' not in bad.content.decode()
    deactivate = reverse("documents:credential-deactivate", args=[credential.pk])
    assert client.post(deactivate).status_code == 302
    credential.refresh_from_db()
    assert not credential.active


def test_register_links_the_credentials_page_for_admins(client_for):
    page = client_for("admin").get(reverse("documents:register")).content.decode()
    assert reverse("documents:credentials") in page
    page = client_for("officer").get(reverse("documents:register")).content.decode()
    assert reverse("documents:credentials") not in page


def test_credentials_are_hidden_from_officers_and_other_agencies_admins(
    client, client_for, credential, org
):
    url = reverse("documents:credentials")
    deactivate = reverse("documents:credential-deactivate", args=[credential.pk])
    for role in ("officer", "other_officer", "higher_officer", "staff"):
        other = client_for(role)
        assert other.get(url).status_code == 404
        assert other.post(deactivate).status_code == 404
    admin = create_account(
        username="qt-stc",
        password=PASSWORD,
        person=None,
        roles=[(Role.ADMIN, org.other, None)],
    )
    client.force_login(admin)
    page = client.get(url)
    assert page.status_code == 200 and CN not in page.content.decode()
    assert org.skhdt not in page.context["form"].fields["agency"].queryset
    assert client.post(deactivate).status_code == 404
    upload = SimpleUploadedFile("so.p12", make_p12(*make_cert("Kẻ mạo danh", slot=6)))
    response = client.post(
        url,
        {"agency": org.skhdt.pk, "label": "x", "p12": upload, "passphrase": PASSPHRASE},
    )
    assert response.status_code == 200
    credential.refresh_from_db()
    assert credential.active
    assert SigningCredential.objects.count() == 1


# --- public checker ----------------------------------------------------------------


def check(client, data, name="vb.pdf"):
    return client.post(
        reverse("documents:verify-pdf"), {"file": SimpleUploadedFile(name, data)}
    )


def test_public_checker_reports_signed_tampered_and_unsigned(signed_decision):
    client = Client()
    assert client.get(reverse("documents:verify-pdf")).status_code == 200
    data = stored(signed_decision.issued_document)
    page = check(client, data).content.decode()
    assert "Chữ ký số hợp lệ, tệp còn nguyên vẹn" in page
    assert "Tệp trùng khớp với văn bản đã ban hành" in page
    assert "01/QĐ-SKHĐT" in page and "Sở Kế hoạch và Đầu tư" in page
    assert "Chứng thư Sở" in page  # the registered credential
    tampered = bytearray(data)
    tampered[200] ^= 1
    page = check(client, bytes(tampered)).content.decode()
    assert "bị sửa đổi sau khi ký" in page and "Tệp trùng khớp" not in page
    page = check(client, blank_pdf()).content.decode()
    assert "Tệp không có chữ ký số." in page
    assert "không phải là tệp PDF" in check(client, b"<html>").content.decode()


def test_public_checker_needs_the_csrf_token_and_limits_each_address(settings, db):
    client = Client(enforce_csrf_checks=True)
    assert check(client, blank_pdf()).status_code == 403
    settings.THIDUA_PUBLIC_VERIFY_PER_HOUR = 2
    client = Client()
    assert [check(client, blank_pdf()).status_code for _ in range(3)] == [200, 200, 429]
    other = Client(REMOTE_ADDR="10.1.2.3")
    assert check(other, blank_pdf()).status_code == 200
