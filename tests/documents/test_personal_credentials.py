"""Issue #14 (2), the refusals around a person's own certificate: one stopped and not
replaced, one registered to another owner; the test certificate a demo install makes;
the approver told, at his step, whether his own certificate will sign."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from thidua.common.models import ActivityLog
from thidua.decisions.services.decision import draft_decision, submit_decision
from thidua.documents.models import DocumentSignature, SigningCredential
from thidua.documents.selectors import latest_personal_credential
from thidua.documents.services.credentials import generate_test_personal_credential
from thidua.documents.services.signing import (
    deactivate_credential,
    personal_signing_status,
    upload_credential,
    upload_personal_credential,
    verify_pdf,
)

from ..decisions.factories import head_of
from ..decisions.test_decisions import decided
from .certs import PASSPHRASE, make_cert, make_p12
from .test_personal_signing import HEAD_CN, personal, render

pytestmark = pytest.mark.django_db

WRONG_OWNER = "Tệp chứng thư số: chứng thư này đã được đăng ký cho"


@pytest.fixture(autouse=True)
def _empty_cache():
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def head(org):
    return head_of(org.skhdt)


def test_a_stopped_personal_certificate_does_not_sign_and_says_so(
    credential, head, round_, org, users, fast_pdf
):
    own = personal(head.person, head)
    deactivate_credential(own, actor=users["admin"])
    assert latest_personal_credential(head.person.pk) == own
    document, data = render(round_, org, users, head)
    assert verify_pdf(data).fingerprints == [credential.fingerprint]
    missing = DocumentSignature.objects.get(document=document, kind="personal")
    assert missing.credential is None
    assert missing.missing_reason.startswith(
        "Chứng thư số cá nhân “Chứng thư cá nhân” của Vũ Hoàng Quý đã bị ngừng dùng "
        "ngày "
    )
    assert missing.missing_reason.endswith(
        "và chưa có chứng thư thay thế: không dùng để ký."
    )
    # A newer one signs again: the active one wins over the stopped.
    newer = personal(head.person, head, slot=3)
    assert latest_personal_credential(head.person.pk) == newer
    assert personal_signing_status(head.person) == (newer, "")


def test_a_certificate_belongs_to_one_owner(head, org, users):
    deputy = head_of(org.skhdt, "Trần Văn Phó", "Phó Giám đốc")
    head_p12 = make_p12(*make_cert(HEAD_CN, slot=2))
    own = upload_personal_credential(
        head.person, head_p12, PASSPHRASE, "Của tôi", True, head
    )
    with pytest.raises(ValidationError) as exc:  # the head's, for his deputy
        upload_personal_credential(
            deputy.person, head_p12, PASSPHRASE, "Phó", True, users["admin"]
        )
    assert exc.value.message_dict["p12"][0] == (
        f"{WRONG_OWNER} Vũ Hoàng Quý; mỗi chứng thư chỉ thuộc một người hoặc một "
        "cơ quan."
    )
    with pytest.raises(ValidationError) as exc:  # the head's, as the agency's seal
        upload_credential(org.skhdt, head_p12, PASSPHRASE, "Dấu", True, users["admin"])
    assert exc.value.message_dict["p12"][0].startswith(f"{WRONG_OWNER} Vũ Hoàng Quý;")
    seal_p12 = make_p12(*make_cert("Sở Kế hoạch và Đầu tư (thử nghiệm)"))
    upload_credential(org.skhdt, seal_p12, PASSPHRASE, "Dấu", True, users["admin"])
    with pytest.raises(ValidationError) as exc:  # the seal, as a person's own
        upload_personal_credential(
            head.person, seal_p12, PASSPHRASE, "Của tôi", True, head
        )
    assert exc.value.message_dict["p12"][0].startswith(
        f"{WRONG_OWNER} Sở Kế hoạch và Đầu tư;"
    )
    # Loading one's own again is a replacement, not a refusal.
    again = upload_personal_credential(
        head.person, head_p12, PASSPHRASE, "Của tôi", True, head
    )
    own.refresh_from_db()
    assert again.active and not own.active
    assert not SigningCredential.objects.filter(person=deputy.person).exists()
    assert (
        ActivityLog.objects.filter(
            action="documents.personal_credential_upload"
        ).count()
        == 2
    )  # a refusal writes nothing


def test_the_refusal_is_shown_on_the_form(client_for, head, org):
    head_p12 = make_p12(*make_cert(HEAD_CN, slot=2))
    upload_personal_credential(head.person, head_p12, PASSPHRASE, "Của tôi", True, head)
    deputy = head_of(org.skhdt, "Trần Văn Phó", "Phó Giám đốc")
    client = client_for("admin")
    response = client.post(
        reverse("documents:personal-credentials"),
        {
            "person": deputy.person.pk,
            "label": "Phó Giám đốc",
            "p12": SimpleUploadedFile("x.p12", head_p12),
            "passphrase": PASSPHRASE,
        },
    )
    assert response.status_code == 200
    assert WRONG_OWNER in response.content.decode()


# --- test certificates of a demo install ---------------------------------------------


def test_no_test_certificate_outside_a_demo_install(client, head):
    with pytest.raises(ValidationError) as exc:
        generate_test_personal_credential(head.person, head)
    assert exc.value.message_dict["p12"][0].startswith(
        "Chỉ bản dùng thử mới tạo được chứng thư thử nghiệm"
    )
    client.force_login(head)
    url = reverse("documents:my-credentials")
    assert (
        'data-testid="generate-test-certificate"'
        not in client.get(url).content.decode()
    )
    assert client.post(url, {"action": "generate"}).status_code == 404
    assert not SigningCredential.objects.exists()


@override_settings(THIDUA_TEST_CERTIFICATES=True)
def test_a_person_makes_himself_a_test_certificate_that_signs(
    client, credential, head, round_, org, users, fast_pdf
):
    client.force_login(head)
    url = reverse("documents:my-credentials")
    page = client.get(url).content.decode()
    assert 'data-testid="generate-test-certificate"' in page
    assert "Vũ Hoàng Quý chưa có chứng thư số cá nhân đang dùng." in page
    response = client.post(url, {"action": "generate"})
    assert response.status_code == 302 and response["Location"] == url
    made = SigningCredential.objects.get(person=head.person)
    assert made.subject_cn == "Vũ Hoàng Quý (chứng thư thử nghiệm)"
    assert made.label == "Chứng thư thử nghiệm (không dùng cho văn bản thật)"
    entry = ActivityLog.objects.get(action="documents.personal_credential_generate")
    assert entry.actor_id == head.pk and entry.data["fingerprint"] == made.fingerprint
    assert (
        "Khi văn thư ban hành, quyết định được ký số"
        in client.get(url).content.decode()
    )
    document, data = render(round_, org, users, head)
    assert verify_pdf(data).fingerprints == [made.fingerprint, credential.fingerprint]


@override_settings(THIDUA_TEST_CERTIFICATES=True)
def test_the_admin_makes_one_for_a_signer_of_his_agency_only(client_for, head, users):
    client = client_for("admin")
    url = reverse("documents:personal-credentials")
    assert 'name="person"' in client.get(url).content.decode()
    stranger = users["staff"].person  # no head's or deputy's role
    assert client.post(
        url, {"action": "generate", "person": stranger.pk}
    ).status_code == (404)
    assert client.post(url, {"action": "generate"}).status_code == 404
    response = client.post(url, {"action": "generate", "person": head.person.pk})
    assert response.status_code == 302
    made = SigningCredential.objects.get()
    assert made.person == head.person and made.uploaded_by == users["admin"]


# --- the approver's step --------------------------------------------------------------


def awaiting(round_, org, users):
    nomination = decided(round_, org, "dkkd_staff", "LDTT", users)
    decision = draft_decision(
        round_, [nomination], planned_on=datetime.date(2026, 1, 15)
    )
    submit_decision(decision)
    return decision


def test_the_approver_sees_whether_his_own_certificate_will_sign(
    client, head, round_, org, users
):
    decision = awaiting(round_, org, users)
    client.force_login(head)
    page = client.get(decision.get_absolute_url()).content.decode()
    assert 'data-testid="personal-signing-status"' in page
    assert "Vũ Hoàng Quý chưa có chứng thư số cá nhân đang dùng." in page
    assert reverse("documents:my-credentials") in page
    personal(head.person, head)
    page = client.get(decision.get_absolute_url()).content.decode()
    assert "được ký số bằng chứng thư cá nhân “Chứng thư cá nhân” của bạn" in page
    # Whoever cannot approve it is not told about it.
    page = client_for_officer(client, users).get(decision.get_absolute_url())
    assert 'data-testid="personal-signing-status"' not in page.content.decode()


def client_for_officer(client, users):
    client.force_login(users["officer"])
    return client


def test_an_account_without_a_staff_record_has_no_personal_signature():
    credential, reason = personal_signing_status(None)
    assert credential is None and reason.startswith("Không có hồ sơ cá nhân")
