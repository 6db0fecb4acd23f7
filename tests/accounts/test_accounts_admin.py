import pytest
from django.urls import reverse

from thidua.accounts.models import User
from thidua.common.models import ActivityLog

from ..factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_admin_creates_an_account_grants_and_revokes_a_role(client_for, org):
    client = client_for("admin")
    person = org.people["dkkd_staff"]
    response = client.post(
        reverse("accounts:account-create"),
        {
            "username": "anh.nv",
            "person": person.pk,
            "password": "mot-mat-khau-dai-2026",
        },
    )
    account = User.objects.get(username="anh.nv")
    assert response.url == reverse("accounts:account-detail", args=[account.pk])
    assert account.get_full_name() == "Nguyễn Văn Ánh"
    client.post(
        reverse("accounts:account-detail", args=[account.pk]),
        {"role": "unit_head", "agency": org.dkkd.pk},
    )
    assignment = account.roles.get()
    assert (assignment.role, assignment.agency) == ("unit_head", org.dkkd)
    client.post(reverse("accounts:role-revoke", args=[account.pk, assignment.pk]))
    assert not account.roles.exists()
    actions = list(
        ActivityLog.objects.filter(
            object_id=str(account.pk), content_type__model="user"
        )
        .order_by("seq")
        .values_list("action", flat=True)
    )
    assert actions == ["accounts.create", "accounts.grant_role", "accounts.revoke_role"]


def test_role_without_its_scope_is_refused_with_a_message(client_for, users):
    client = client_for("admin")
    response = client.post(
        reverse("accounts:account-detail", args=[users["staff"].pk]),
        {"role": "officer"},
    )
    assert response.status_code == 200
    assert response.context["role_form"].errors
    assert not users["staff"].roles.filter(role="officer").exists()


def test_admin_grants_who_signs_for_the_head(client_for, users, org):
    """The acting head names the title he acts in; a delegate signs TUQ. or TL. for
    the agency's head — each missing piece refused with a sentence on its field."""
    client = client_for("admin")
    url = reverse("accounts:account-detail", args=[users["staff"].pk])
    response = client.post(url, {"role": "acting", "agency": org.skhdt.pk})
    errors = response.context["role_form"].errors
    assert "chức danh được giao quyền" in errors["acting_title"][0]
    response = client.post(url, {"role": "delegate", "agency": org.skhdt.pk})
    errors = response.context["role_form"].errors
    assert errors["signs_as"] == ["Chọn hình thức ký: TUQ. hoặc TL."]
    assert errors["principal"] == ["Chọn thủ trưởng ủy quyền, giao thừa lệnh."]
    response = client.post(
        url, {"role": "clerk", "agency": org.skhdt.pk, "signs_as": "TL."}
    )
    assert "TUQ., TL." in response.context["role_form"].errors["signs_as"][0]
    response = client.post(
        url, {"role": "clerk", "agency": org.skhdt.pk, "acting_title": "Giám đốc"}
    )
    assert response.context["role_form"].errors["acting_title"]
    assert not users["staff"].roles.filter(role__in=["acting", "delegate"]).exists()
    client.post(
        url,
        {
            "role": "delegate",
            "agency": org.skhdt.pk,
            "signs_as": "TUQ.",
            "principal": users["head"].pk,
        },
    )
    client.post(
        url, {"role": "acting", "agency": org.dkkd.pk, "acting_title": "Trưởng phòng"}
    )
    page = client.get(url).content.decode()
    assert "TUQ. " + str(users["head"]) in page and "Q. Trưởng phòng" in page


def test_weak_password_and_bad_username_are_refused(client_for):
    response = client_for("admin").post(
        reverse("accounts:account-create"),
        {
            "username": "Ánh Nguyễn",
            "last_name": "Nguyễn",
            "first_name": "Ánh",
            "password": "123",
        },
    )
    errors = response.context["form"].errors
    assert "username" in errors
    assert not User.objects.filter(last_name="Nguyễn", first_name="Ánh").exists()


def test_locked_account_loses_its_session_at_once(client, client_for, users):
    from django.test import Client

    victim = Client()
    victim.post(reverse("accounts:login"), {"username": "staff", "password": PASSWORD})
    assert victim.get(reverse("dashboard")).status_code == 200
    client_for("admin").post(
        reverse("accounts:account-lock", args=[users["staff"].pk]), {"active": "0"}
    )
    assert victim.get(reverse("dashboard")).status_code == 302
    response = victim.post(
        reverse("accounts:login"), {"username": "staff", "password": PASSWORD}
    )
    assert response.status_code == 200  # refused


def test_admin_cannot_lock_themselves(client_for, users):
    client_for("admin").post(
        reverse("accounts:account-lock", args=[users["admin"].pk]), {"active": "0"}
    )
    users["admin"].refresh_from_db()
    assert users["admin"].is_active


def test_password_reset_by_admin_and_by_the_user(client, client_for, users):
    client_for("admin").post(
        reverse("accounts:account-password", args=[users["staff"].pk]),
        {"password": "mat-khau-moi-rat-dai-1"},
    )
    other = client.__class__()
    ok = other.post(
        reverse("accounts:login"),
        {"username": "staff", "password": "mat-khau-moi-rat-dai-1"},
    )
    assert ok.status_code == 302
    response = other.post(
        reverse("accounts:password-change"),
        {
            "old_password": "mat-khau-moi-rat-dai-1",
            "new_password1": "mat-khau-thu-ba-2026",
            "new_password2": "mat-khau-thu-ba-2026",
        },
    )
    assert response.status_code == 302
    users["staff"].refresh_from_db()
    assert users["staff"].check_password("mat-khau-thu-ba-2026")


@pytest.mark.parametrize("role", ["officer", "unit_head", "staff", "council_secretary"])
def test_only_admins_manage_accounts(client_for, users, role):
    client = client_for(role)
    assert client.get(reverse("accounts:account-list")).status_code == 403
    assert (
        client.get(
            reverse("accounts:account-detail", args=[users["staff"].pk])
        ).status_code
        == 403
    )
    response = client.post(
        reverse("accounts:account-lock", args=[users["staff"].pk]), {"active": "0"}
    )
    assert response.status_code == 403
    users["staff"].refresh_from_db()
    assert users["staff"].is_active
