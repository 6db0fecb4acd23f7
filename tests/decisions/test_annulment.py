import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from thidua.awards.services.annulment import annul_award
from thidua.common.models import ActivityLog

from .test_awards import award

pytestmark = pytest.mark.django_db

ANNUL = {
    "reason": "Kê khai không trung thực thành tích",
    "annulment_decision": "45/QĐ-SKHĐT",
    "annulled_on": "10/03/2025",
    "recovery_note": "Thu hồi giấy khen và 1.000.000 đồng",
}


def test_verify_page_shows_a_valid_award_without_login(client, org):
    entry = award({"person": org.people["dkkd_staff"]}, "CSTDCS", 2023)
    body = client.get(reverse("awards:verify", args=[entry.verification_code]))
    text = body.content.decode()
    assert body.status_code == 200
    assert 'data-testid="verify-ok"' in text
    assert "2023/QĐ-SKHĐT" in text and "15/01/2024" in text
    person = org.people["dkkd_staff"]
    assert person.full_name in text
    # Nothing personal beyond the name: no CCCD, no date of birth.
    assert person.cccd not in text
    assert person.birth_date.strftime("%d/%m/%Y") not in text


def test_verify_page_for_an_unknown_code_says_so(client, db):
    body = client.get(reverse("awards:verify", args=["khong-co-ma-nay"]))
    assert body.status_code == 200
    assert 'data-testid="verify-missing"' in body.content.decode()


def test_codes_are_unique_and_unguessable(org):
    a = award({"person": org.people["dkkd_staff"]}, "LDTT", 2022)
    b = award({"person": org.people["dkkd_staff"]}, "LDTT", 2023)
    assert a.verification_code != b.verification_code
    assert len(a.verification_code) >= 16


def test_annulment_marks_the_award_and_flags_later_awards(org, users):
    subject = {"person": org.people["dkkd_staff"]}
    first = award(subject, "LDTT", 2022)
    later = award(subject, "CSTDCS", 2023)
    annul_award(
        first,
        reason="Gian dối",
        annulment_decision="45/QĐ-SKHĐT",
        annulled_on=datetime.date(2025, 3, 10),
        actor=users["officer"],
    )
    first.refresh_from_db()
    later.refresh_from_db()
    assert first.revoked and first.revoked_reason == "Gian dối"
    assert later.needs_review and "45/QĐ-SKHĐT" in later.review_note
    log = ActivityLog.objects.get(action="awards.annul")
    assert log.data["flagged"] == [later.pk]
    with pytest.raises(ValidationError):
        annul_award(
            first,
            reason="lần hai",
            annulment_decision="46/QĐ-SKHĐT",
            annulled_on=datetime.date(2025, 3, 11),
        )


def test_annulment_needs_a_reason_and_a_decision(org):
    entry = award({"person": org.people["dkkd_staff"]}, "LDTT", 2022)
    with pytest.raises(ValidationError) as exc:
        annul_award(
            entry,
            reason=" ",
            annulment_decision="",
            annulled_on=datetime.date(2025, 1, 1),
        )
    assert set(exc.value.message_dict) == {"reason", "annulment_decision"}
    entry.refresh_from_db()
    assert not entry.revoked


def test_officer_annuls_from_the_page_and_verification_then_says_annulled(
    client_for, client, org
):
    person = org.people["dkkd_staff"]
    entry = award({"person": person}, "LDTT", 2022)
    officer = client_for("officer")
    awards_tab = officer.get(person.get_absolute_url(), {"tab": "awards"})
    url = reverse("awards:annul", args=[entry.pk])
    assert url in awards_tab.content.decode()
    assert officer.get(url).status_code == 200
    response = officer.post(url, {**ANNUL, "reason": ""})
    assert response.status_code == 200 and response.context["form"].errors["reason"]
    entry.refresh_from_db()
    assert not entry.revoked
    response = officer.post(url, ANNUL)
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.revoked and entry.annulled_on == datetime.date(2025, 3, 10)
    assert entry.recovery_note.startswith("Thu hồi")
    body = client.get(reverse("awards:verify", args=[entry.verification_code]))
    text = body.content.decode()
    assert 'data-testid="verify-annulled"' in text and "45/QĐ-SKHĐT" in text


@pytest.mark.parametrize("role", ["staff", "other_officer", "council_member"])
def test_others_cannot_annul(client_for, org, role):
    entry = award({"person": org.people["dkkd_staff"]}, "LDTT", 2022)
    url = reverse("awards:annul", args=[entry.pk])
    assert client_for(role).post(url, ANNUL).status_code in (403, 404)
    entry.refresh_from_db()
    assert not entry.revoked
    assert (
        client_for("officer").get(reverse("awards:annul", args=[999999])).status_code
        == 404
    )
