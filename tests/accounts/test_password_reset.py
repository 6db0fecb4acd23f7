""" "Quên mật khẩu" by e-mail (same answer for any address, throttled, audited, the
policy applies) and the forced change of a password an administrator set."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from thidua.accounts.models import User
from thidua.accounts.services import change_password, create_account
from thidua.common.models import ActivityLog

from ..factories import PASSWORD

pytestmark = pytest.mark.django_db

NEW = "Mật-khẩu-mới-2026!"


@pytest.fixture(autouse=True)
def _fresh_throttle():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def head(users):
    user = users["unit_head"]
    user.email = "truongphong@skhdt.langson.gov.vn"
    user.save()
    return user


def test_the_login_page_links_to_it(client):
    page = client.get(reverse("accounts:login")).content.decode()
    assert reverse("accounts:password-reset") in page and "Quên mật khẩu?" in page


def test_reset_by_mail(client, head, settings):
    settings.PUBLIC_BASE_URL = "https://thidua.example.gov.vn"
    url = reverse("accounts:password-reset")
    response = client.post(url, {"email": "TruongPhong@skhdt.langson.gov.vn"})
    assert response.url == reverse("accounts:password-reset-done")
    (message,) = mail.outbox
    assert message.to == [head.email] and "đặt lại mật khẩu" in message.subject
    assert "Tên đăng nhập: unit_head" in message.body
    link = re.search(r"https://thidua\.example\.gov\.vn(/\S+)", message.body)[1]
    assert ActivityLog.objects.filter(
        action="accounts.password_reset_requested", object_id=head.pk
    ).exists()
    form_page = client.get(link, follow=True)
    set_url = form_page.redirect_chain[-1][0]
    weak = client.post(set_url, {"new_password1": "123", "new_password2": "123"})
    assert weak.status_code == 200 and weak.context["form"].errors["new_password2"]
    mismatch = client.post(set_url, {"new_password1": NEW, "new_password2": NEW + "x"})
    assert mismatch.context["form"].errors["new_password2"] == [
        "Hai mật khẩu không khớp nhau."
    ]
    done = client.post(set_url, {"new_password1": NEW, "new_password2": NEW})
    assert done.url == reverse("accounts:password-reset-complete")
    head.refresh_from_db()
    assert head.check_password(NEW)
    assert ActivityLog.objects.filter(action="accounts.password_reset").exists()
    # The link works once.
    again = client.get(link, follow=True).content.decode()
    assert 'data-testid="reset-invalid"' in again
    page = client.get(reverse("accounts:password-reset-complete")).content.decode()
    assert "Đã đặt lại mật khẩu" in page


def test_an_unknown_address_gets_the_same_answer(client, head):
    response = client.post(
        reverse("accounts:password-reset"), {"email": "khongco@example.com"}
    )
    assert response.url == reverse("accounts:password-reset-done")
    assert mail.outbox == []
    done = client.get(response.url).content.decode()
    assert "Nếu địa chỉ bạn nhập thuộc một tài khoản" in done


def test_bad_address(client):
    response = client.post(reverse("accounts:password-reset"), {"email": "abc"})
    assert response.context["form"].errors["email"] == [
        "Nhập một địa chỉ thư điện tử hợp lệ."
    ]


def test_reset_requests_are_throttled(client, head, settings):
    settings.THIDUA_PASSWORD_RESET_LIMIT = 2
    url = reverse("accounts:password-reset")
    for _ in range(2):
        assert client.post(url, {"email": head.email}).status_code == 302
    refused = client.post(url, {"email": head.email})
    assert refused.status_code == 200
    assert "quá nhiều lần" in refused.content.decode()
    assert len(mail.outbox) == 2


def test_a_mail_server_down_tells_nothing(client, head, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # discard: refused
    response = client.post(reverse("accounts:password-reset"), {"email": head.email})
    assert response.url == reverse("accounts:password-reset-done")


def test_an_admin_set_password_must_be_changed(client, users, org):
    admin = users["admin"]
    account = create_account(
        username="moi", password=PASSWORD, email="moi@example.com", actor=admin
    )
    assert account.must_change_password
    client.force_login(account)
    home = client.get(reverse("dashboard"))
    assert home.url == reverse("accounts:password-change")
    page = client.get(home.url).content.decode()
    assert "Mật khẩu của bạn do quản trị hệ thống đặt" in page
    # Static files, the API and signing out are not held back.
    assert client.get("/healthz").status_code == 200
    assert client.get("/api/v1/people").status_code != 302
    response = client.post(
        reverse("accounts:password-change"),
        {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW},
    )
    assert response.url == reverse("dashboard")
    account.refresh_from_db()
    assert not account.must_change_password
    assert client.get(reverse("dashboard")).status_code == 200
    entry = ActivityLog.objects.filter(
        action="accounts.set_password", object_id=account.pk
    ).latest("seq")
    assert entry.data == {"by_self": True, "was_forced": True}


def test_who_sets_the_password_decides(users):
    staff = users["staff"]
    change_password(staff, NEW, actor=users["admin"])
    assert User.objects.get(pk=staff.pk).must_change_password
    change_password(staff, NEW + "2", actor=staff)
    assert not User.objects.get(pk=staff.pk).must_change_password
    change_password(staff, NEW + "3")  # the command line: its owner at the console
    assert not User.objects.get(pk=staff.pk).must_change_password


def test_logout_stays_open(client, users):
    change_password(users["staff"], NEW, actor=users["admin"])
    client.force_login(users["staff"])
    response = client.post(reverse("accounts:logout"))
    assert response.url == reverse("accounts:login")
