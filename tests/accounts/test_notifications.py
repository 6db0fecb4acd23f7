"""Notifications: written with the event, listed on the account's page, mailed at once,
in the daily digest or never; a mail server down leaves them due."""

import datetime
import socket
import zoneinfo

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from thidua.accounts.enums import MailPreference
from thidua.accounts.models import Notification
from thidua.accounts.notifications import (
    mark_all_read,
    mark_read,
    notify,
    send_digests,
    send_due_mail,
    set_mail_preference,
    unread_count,
)
from thidua.accounts.tasks import task_send_digests, task_sweep_due_mail
from thidua.common.models import ActivityLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def head(users):
    user = users["unit_head"]
    user.email = "truongphong@skhdt.langson.gov.vn"
    user.save()
    return user


def test_notify_writes_one_per_active_account_and_mails_after_commit(
    head, users, org, django_capture_on_commit_callbacks
):
    users["staff"].is_active = False
    users["staff"].save()
    with django_capture_on_commit_callbacks(execute=True):
        rows = notify(
            [head, head, users["staff"], users["officer"]],
            "movements.deliver",
            "Văn bản đến: Phong trào",
            link="/van-ban-den/",
            body="Chi tiết",
            subject=org.dkkd,
        )
    assert {r.recipient for r in rows} == {head, users["officer"]}
    # The officer has no address: nothing to mail, nothing left due.
    assert {r.recipient.username: r.mail for r in rows} == {
        "unit_head": MailPreference.IMMEDIATE,
        "officer": MailPreference.NONE,
    }
    assert [m.to for m in mail.outbox] == [["truongphong@skhdt.langson.gov.vn"]]
    message = mail.outbox[0]
    assert message.subject == "Văn bản đến: Phong trào"
    assert "Chi tiết" in message.body and "/van-ban-den/" in message.body
    assert rows[0].subject == org.dkkd
    assert Notification.objects.get(recipient=head).mailed_at is not None
    assert send_due_mail() == 0  # nothing left


def test_notify_nobody_writes_nothing():
    assert notify([], "x", "y") == []


def test_notification_without_link_or_body(head, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notify([head], "x", "Chỉ tiêu đề")
    assert mail.outbox[0].body == "Chỉ tiêu đề"


def test_digest_gathers_the_day(head, users, django_capture_on_commit_callbacks):
    set_mail_preference(head, MailPreference.DIGEST, actor=head)
    officer = users["officer"]
    officer.email = "canbo@skhdt.langson.gov.vn"
    officer.mail_preference = MailPreference.DIGEST
    officer.save()
    with django_capture_on_commit_callbacks(execute=True):
        notify([head, officer], "a", "Việc thứ nhất", link="/a/")
        notify([head], "b", "Việc thứ hai")
    assert mail.outbox == []  # nothing at once
    task_send_digests()
    assert sorted(m.to[0] for m in mail.outbox) == [
        "canbo@skhdt.langson.gov.vn",
        "truongphong@skhdt.langson.gov.vn",
    ]
    digest = next(m for m in mail.outbox if m.to == [head.email])
    assert digest.subject == "thidua: 2 thông báo mới"
    assert "Việc thứ nhất (/a/)" in digest.body and "Việc thứ hai" in digest.body
    assert send_digests() == 0


def test_no_mail_when_the_account_says_so(head, django_capture_on_commit_callbacks):
    set_mail_preference(head, MailPreference.NONE, actor=head)
    with django_capture_on_commit_callbacks(execute=True):
        notify([head], "x", "Không gửi thư")
    assert mail.outbox == [] and send_digests() == 0


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nobody listens there once closed


def test_a_mail_server_down_leaves_the_mail_due(head, settings):
    locmem = settings.EMAIL_BACKEND
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", _closed_port()
    notify([head], "x", "Thư chờ")
    assert send_due_mail() == 0
    assert Notification.objects.get().mailed_at is None
    set_mail_preference(head, MailPreference.DIGEST, actor=head)
    notify([head], "y", "Thư tổng hợp chờ")
    assert send_digests() == 0
    settings.EMAIL_BACKEND = locmem
    task_sweep_due_mail()  # the periodic sweep picks it up
    assert [m.subject for m in mail.outbox] == ["Thư chờ"]


def test_preference_is_audited_and_checked(head):
    set_mail_preference(head, MailPreference.DIGEST, actor=head)
    set_mail_preference(head, MailPreference.DIGEST, actor=head)  # no change
    entries = ActivityLog.objects.filter(action="accounts.set_mail_preference")
    assert entries.count() == 1
    with pytest.raises(ValidationError) as error:
        set_mail_preference(head, "thu_bay", actor=head)
    assert error.value.message_dict == {
        "mail_preference": ["Chọn một cách nhận thông báo qua thư."]
    }


def test_read_one_and_all(head, users):
    first, *_ = notify([head], "a", "Một")
    notify([head], "b", "Hai")
    notify([users["officer"]], "c", "Của người khác")
    assert unread_count(head) == 2
    assert mark_read(head, first.pk).read_at is not None
    assert mark_read(head, first.pk).read_at is not None  # again: unchanged
    assert unread_count(head) == 1
    with pytest.raises(Notification.DoesNotExist):
        mark_read(head, Notification.objects.get(title="Của người khác").pk)
    assert mark_all_read(head) == 1 and unread_count(head) == 0


def test_unread_count_of_anonymous():
    from django.contrib.auth.models import AnonymousUser  # noqa: PLC0415

    assert unread_count(AnonymousUser()) == 0


def test_the_pages(client_for, head, users):
    other = notify([users["officer"]], "c", "Của người khác", link="/")[0]
    mine = notify([head], "a", "Phong trào mới", link="/van-ban-den/", body="Xem")[0]
    outside = notify([head], "b", "Liên kết ngoài", link="https://example.com/")[0]
    client = client_for("unit_head")
    page = client.get(reverse("accounts:notifications")).content.decode()
    assert "Phong trào mới" in page and "Của người khác" not in page
    assert 'data-testid="unread-count">2' in page
    opened = client.get(reverse("accounts:notification-open", args=[mine.pk]))
    assert opened.url == "/van-ban-den/"
    # A link elsewhere is not followed: back to the list.
    opened = client.get(reverse("accounts:notification-open", args=[outside.pk]))
    assert opened.url == reverse("accounts:notifications")
    assert (
        client.get(reverse("accounts:notification-open", args=[other.pk])).status_code
        == 404
    )
    notify([head], "c", "Ba")
    response = client.post(reverse("accounts:notifications-read-all"), follow=True)
    assert "Đã đánh dấu 1 thông báo là đã đọc." in response.content.decode()
    assert unread_count(head) == 0


def test_settings_page(client_for, head):
    client = client_for("unit_head")
    url = reverse("accounts:notification-settings")
    assert client.get(url).context["form"].initial == {"mail_preference": "immediate"}
    bad = client.post(url, {"mail_preference": "thu_bay"})
    assert bad.status_code == 200 and bad.context["form"].errors
    response = client.post(url, {"mail_preference": "digest"}, follow=True)
    assert "Đã lưu cách nhận thông báo." in response.content.decode()
    head.refresh_from_db()
    assert head.mail_preference == MailPreference.DIGEST


def test_settings_page_without_address(client_for):
    page = client_for("staff").get(reverse("accounts:notification-settings"))
    assert "chưa có địa chỉ thư điện tử" in page.content.decode()


def test_command(head, capsys):
    notify([head], "x", "Thư")
    call_command("notifications", "send")
    set_mail_preference(head, MailPreference.DIGEST, actor=head)
    notify([head], "y", "Tổng hợp")
    call_command("notifications", "digest")
    out = capsys.readouterr().out
    assert "Đã gửi 1 thư thông báo." in out and "Đã gửi 1 thư tổng hợp." in out


def test_digest_lists_local_times(head):
    set_mail_preference(head, MailPreference.DIGEST, actor=head)
    with time_machine.travel(
        datetime.datetime(
            2026, 3, 2, 9, 15, tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE)
        ),
        tick=False,
    ):
        notify([head], "x", "Sáng thứ hai")
    send_digests()
    assert "- 02/03/2026 09:15 Sáng thứ hai" in mail.outbox[0].body
