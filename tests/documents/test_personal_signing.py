"""Issue #14 (2): a decision's PDF is signed by the approving person with his own
certificate, then sealed by the agency (the clerk's step); each signature recorded and
audited; the verifier shows both."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from thidua.common.models import ActivityLog
from thidua.documents.kinds import PersonalSigner, document_kind
from thidua.documents.models import DocumentSignature, SigningCredential
from thidua.documents.selectors import (
    active_personal_credential,
    manageable_credentials,
)
from thidua.documents.services.render import render_issued_document
from thidua.documents.services.signing import (
    _personal_credential,
    check_stored_pdf,
    deactivate_credential,
    personal_stamp_lines,
    upload_personal_credential,
    verify_pdf,
)

from ..decisions.factories import head_of, issued_decision
from ..decisions.test_decisions import decided
from .certs import PASSPHRASE, make_cert, make_p12

pytestmark = pytest.mark.django_db

HEAD_CN = "Vũ Hoàng Quý (chứng thư cá nhân)"


@pytest.fixture(autouse=True)
def _empty_cache():
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def head(org):
    return head_of(org.skhdt)


def personal(person, actor, cn=HEAD_CN, slot=2, **cert):
    return upload_personal_credential(
        person,
        make_p12(*make_cert(cn, slot=slot, **cert)),
        PASSPHRASE,
        "Chứng thư cá nhân",
        True,
        actor,
    )


def render(round_, org, users, approver):
    nomination = decided(round_, org, "dkkd_staff", "LDTT", users)
    decision = issued_decision(
        round_,
        [nomination],
        issued_on=datetime.date(2026, 1, 15),
        approver=approver,
    )
    render_issued_document(decision.issued_document.pk)
    document = decision.issued_document
    document.refresh_from_db()
    with document.pdf.open("rb") as handle:
        return document, handle.read()


# --- uploading a personal certificate ------------------------------------------------


@pytest.mark.parametrize(
    ("data", "passphrase", "field", "message"),
    [
        (b"khong phai p12", PASSPHRASE, "p12", "Tệp chứng thư số: không phải tệp"),
        (None, "sai", "passphrase", "Mật khẩu: không mở được tệp PKCS#12"),
        ("expired", PASSPHRASE, "p12", "Tệp chứng thư số: chứng thư đã hết hạn ngày"),
    ],
)
def test_bad_personal_uploads_name_the_field(
    head, users, data, passphrase, field, message
):
    if data is None:
        data = make_p12(*make_cert(HEAD_CN, slot=2))
    elif data == "expired":
        data = make_p12(*make_cert(HEAD_CN, slot=2, starts_in_days=-400, days=30))
    with pytest.raises(ValidationError) as exc:
        upload_personal_credential(
            head.person, data, passphrase, "Chứng thư", True, users["admin"]
        )
    assert exc.value.message_dict[field][0].startswith(message)
    assert not SigningCredential.objects.exists()


def test_personal_upload_replaces_the_previous_one_and_is_audited(head, users):
    first = personal(head.person, head)
    second = personal(head.person, users["admin"], slot=3)
    first.refresh_from_db()
    assert not first.active and second.active and second.is_personal
    assert second.agency is None and second.owner_name == "Vũ Hoàng Quý"
    assert active_personal_credential(head.person.pk) == second
    assert active_personal_credential(None) is None
    entries = ActivityLog.objects.filter(
        action="documents.personal_credential_upload"
    ).order_by("id")
    assert [e.actor_id for e in entries] == [head.pk, users["admin"].pk]
    assert entries[1].data["replaced"] == [first.pk]
    assert entries[1].agency_id == head.person.unit_id
    deactivate_credential(second, actor=head)
    entry = (
        ActivityLog.objects.filter(action="documents.credential_deactivate")
        .order_by("id")
        .last()
    )
    assert entry.actor_id == head.pk and entry.data["person"] == head.person.pk


def test_a_credential_has_exactly_one_owner(head, org, users):
    credential = personal(head.person, head)
    with pytest.raises(IntegrityError), transaction.atomic():
        SigningCredential.objects.filter(pk=credential.pk).update(agency=org.skhdt)
    with pytest.raises(IntegrityError), transaction.atomic():
        SigningCredential.objects.filter(pk=credential.pk).update(person=None)


# --- signing an issued decision ------------------------------------------------------


def test_issued_with_a_personal_credential_has_two_signatures_seal_last(
    credential, head, round_, org, users, fast_pdf
):
    own = personal(head.person, head)
    document, data = render(round_, org, users, head)
    personal_row, seal_row = DocumentSignature.objects.filter(document=document)
    assert (personal_row.kind, seal_row.kind) == ("personal", "seal")
    assert personal_row.credential == own and personal_row.step_by == head
    assert personal_row.person == head.person
    assert personal_row.field_name == "ChuKySoCaNhan"
    assert seal_row.credential == credential
    assert seal_row.step_by_id == document.issued_by_id
    report = verify_pdf(data, document=document)
    assert report.unaltered and report.trusted
    assert report.fingerprints == [own.fingerprint, credential.fingerprint]
    assert [(line.kind, line.caption, line.valid) for line in report.lines] == [
        ("personal", "Ký số bởi Vũ Hoàng Quý, Giám đốc", True),
        ("seal", "Đóng dấu số: Sở Kế hoạch và Đầu tư", True),
    ]
    # Without the register's record: the person's title on his staff record.
    assert verify_pdf(data).lines[0].caption == "Ký số bởi Vũ Hoàng Quý, Giám đốc"
    assert check_stored_pdf(document, [personal_row, seal_row], data)[1] == []
    assert check_stored_pdf(document, seal_row, data)[1] == [
        "Tệp được ký bằng một chứng thư khác chứng thư đã ký văn bản."
    ]
    signed = ActivityLog.objects.get(action="documents.sign_personal")
    sealed = ActivityLog.objects.get(action="documents.sign")
    assert signed.actor_id == head.pk and signed.id < sealed.id
    assert signed.data["signer"] == "Ký số bởi Vũ Hoàng Quý, Giám đốc"
    assert sealed.data["kind"] == "seal"


def test_issued_without_a_personal_credential_is_sealed_only(
    credential, head, round_, org, users, fast_pdf
):
    document, data = render(round_, org, users, head)
    report = verify_pdf(data)
    assert report.unaltered and report.fingerprints == [credential.fingerprint]
    assert [line.caption for line in report.lines] == [
        "Đóng dấu số: Sở Kế hoạch và Đầu tư"
    ]
    missing = DocumentSignature.objects.get(document=document, kind="personal")
    assert not missing.made and missing.credential is None
    assert missing.missing_reason == (
        "Vũ Hoàng Quý chưa có chứng thư số cá nhân đang dùng."
    )
    entry = ActivityLog.objects.get(action="documents.sign_personal_missing")
    assert entry.actor_id == head.pk and entry.data["missing_reason"]


def test_the_credential_of_another_person_is_never_used(
    credential, head, round_, org, users, fast_pdf
):
    deputy = head_of(org.skhdt, "Trần Văn Phó", "Phó Giám đốc")
    other = personal(deputy.person, deputy, "Trần Văn Phó (cá nhân)")
    document, data = render(round_, org, users, head)
    assert other.fingerprint not in verify_pdf(data).fingerprints
    assert not DocumentSignature.objects.get(document=document, kind="personal").made


def test_an_expired_personal_credential_is_skipped_with_the_reason(
    credential, head, round_, org, users, fast_pdf
):
    own = personal(head.person, head)
    SigningCredential.objects.filter(pk=own.pk).update(
        not_after=timezone.now() - datetime.timedelta(days=1)
    )
    document, data = render(round_, org, users, head)
    assert verify_pdf(data).fingerprints == [credential.fingerprint]
    missing = DocumentSignature.objects.get(document=document, kind="personal")
    assert missing.missing_reason.startswith(
        "Chứng thư số cá nhân “Chứng thư cá nhân” của Vũ Hoàng Quý đã hết hạn ngày"
    )


def test_a_personal_credential_not_yet_valid_is_skipped(head, users):
    own = personal(head.person, head)
    SigningCredential.objects.filter(pk=own.pk).update(
        not_before=timezone.now() + datetime.timedelta(days=3)
    )
    signer = PersonalSigner(person=head.person, name="Vũ Hoàng Quý", title="")
    credential, reason = _personal_credential(signer, timezone.now())
    assert credential is None and "chỉ có hiệu lực từ ngày" in reason


def test_no_person_on_record_means_no_personal_signature():
    signer = PersonalSigner(person=None, name="Vũ Hoàng Quý", title="")
    credential, reason = _personal_credential(signer, timezone.now())
    assert credential is None and "Không có hồ sơ cá nhân" in reason
    moment = timezone.now()
    assert personal_stamp_lines(signer, moment)[0] == "Ký số bởi: Vũ Hoàng Quý"
    assert len(personal_stamp_lines(signer, moment)) == 2  # no title line


def test_personal_signature_alone_when_the_agency_has_no_seal(
    head, round_, org, users, fast_pdf
):
    own = personal(head.person, head)
    document, data = render(round_, org, users, head)
    report = verify_pdf(data, document=document)
    assert report.unaltered and report.fingerprints == [own.fingerprint]
    assert report.credential == own and report.agency is None
    assert [line.kind for line in report.lines] == ["personal"]


def test_a_kind_without_a_signer_has_no_personal_signer():
    from thidua.documents.kinds import DocumentKind

    assert DocumentKind("x", "x", "m:f").personal_signer(1) is None
    assert document_kind("decision").signer.endswith(":personal_signer")


# --- pages ---------------------------------------------------------------------------


def p12_upload(**cert):
    return SimpleUploadedFile(
        "ca-nhan.p12", make_p12(*make_cert(HEAD_CN, slot=2, **cert))
    )


def test_admin_loads_a_personal_certificate_for_the_head(client_for, head, users):
    client = client_for("admin")
    url = reverse("documents:personal-credentials")
    page = client.get(url).content.decode()
    assert "Vũ Hoàng Quý" in page  # among the people to choose
    response = client.post(
        url,
        {
            "person": head.person.pk,
            "label": "Chữ ký Giám đốc",
            "p12": p12_upload(),
            "passphrase": PASSPHRASE,
            "visible_stamp": "on",
        },
    )
    assert response.status_code == 302
    credential = SigningCredential.objects.get()
    assert credential.person == head.person and credential.uploaded_by == users["admin"]
    assert "Chữ ký Giám đốc" in client.get(url).content.decode()
    response = client.post(
        reverse("documents:credential-deactivate", args=[credential.pk])
    )
    assert response["Location"] == url
    credential.refresh_from_db()
    assert not credential.active


def test_a_person_loads_his_own_certificate_and_errors_name_the_field(
    client, head, users
):
    client.force_login(head)
    url = reverse("documents:my-credentials")
    response = client.post(
        url,
        {
            "label": "Của tôi",
            "p12": p12_upload(starts_in_days=-400, days=30),
            "passphrase": PASSPHRASE,
        },
    )
    assert response.status_code == 200
    assert "Tệp chứng thư số: chứng thư đã hết hạn ngày" in response.content.decode()
    response = client.post(
        url, {"label": "Của tôi", "p12": p12_upload(), "passphrase": PASSPHRASE}
    )
    assert response.status_code == 302
    credential = SigningCredential.objects.get(person=head.person)
    assert not credential.visible_stamp  # unchecked box
    assert 'data-testid="my-credentials"' in client.get(url).content.decode()
    response = client.post(
        reverse("documents:credential-deactivate", args=[credential.pk])
    )
    assert response["Location"] == url


def test_personal_credentials_are_hidden_from_others(client_for, head, users):
    credential = personal(head.person, head)
    assert client_for("clerk").get(reverse("documents:my-credentials")).status_code == (
        404
    )  # no staff record
    url = reverse("documents:credential-deactivate", args=[credential.pk])
    assert client_for("officer").post(url).status_code == 404
    assert client_for("head").post(url).status_code == 404  # another head's
    credential.refresh_from_db()
    assert credential.active
    assert not manageable_credentials(None).exists()


def test_verify_page_and_decision_page_show_both_signatures(
    credential, head, round_, org, users, fast_pdf, client_for
):
    personal(head.person, head)
    document, data = render(round_, org, users, head)
    response = client_for("staff").post(
        reverse("documents:verify-pdf"),
        {"file": SimpleUploadedFile("qd.pdf", data, "application/pdf")},
    )
    page = response.content.decode()
    assert "Ký số bởi Vũ Hoàng Quý, Giám đốc — " in page
    assert "Đóng dấu số: Sở Kế hoạch và Đầu tư — " in page
    assert page.count("hợp lệ</span>") == 2
    decision = document.decision
    page = client_for("officer").get(decision.get_absolute_url()).content.decode()
    assert "Ký số bởi Vũ Hoàng Quý, Giám đốc lúc" in page
    assert "Đóng dấu số: Sở Kế hoạch và Đầu tư lúc" in page
    pdf = client_for("officer").get(
        reverse("decisions:decision-file", args=[decision.pk, "pdf"])
    )
    assert pdf.status_code == 200 and "trusted=yes" in pdf["X-Thidua-Signature"]
