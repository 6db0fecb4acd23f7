"""Reminders reach every account of the unit that can confirm; the office is told how
many people that was, and which units have nobody to remind."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from thidua.accounts.enums import Role
from thidua.accounts.models import Notification
from thidua.accounts.services import create_account
from thidua.common.models import ActivityLog
from thidua.movements.services.dissemination import remind_delivery

from ..factories import PASSWORD
from .factories import ISSUED_ON, issue_movement, make_movement

pytestmark = pytest.mark.django_db
# A day after the confirmation deadline: ten working days from the issue, Tết skipped.
LATE = datetime.date(2026, 2, 27)


@pytest.fixture
def issued(org, users):
    return issue_movement(make_movement(org), issued_on=ISSUED_ON)


def test_delivery_tells_the_units_accounts(issued, users):
    (told,) = Notification.objects.filter(kind="movements.deliver")
    assert told.recipient == users["unit_head"]
    assert told.link == reverse("movements:inbox") and told.subject == issued


def test_every_account_of_the_unit_is_reminded(issued, org, users):
    second = create_account(
        username="canbo.dkkd",
        password=PASSWORD,
        email="canbo@dkkd.example.gov.vn",
        roles=[(Role.OFFICER, org.dkkd, None)],
    )
    delivery = issued.deliveries.get(agency=org.dkkd)
    assert remind_delivery(delivery) == 2
    reminded = Notification.objects.filter(kind="movements.remind")
    assert {n.recipient for n in reminded} == {users["unit_head"], second}
    entry = ActivityLog.objects.filter(action="movements.remind").latest("seq")
    assert entry.data["recipients"] == ["canbo.dkkd", "unit_head"]


def test_the_office_is_told_who_was_reached(
    client_for, issued, org, users, django_capture_on_commit_callbacks
):
    users["unit_head"].email = "truongphong@skhdt.langson.gov.vn"
    users["unit_head"].save()
    client = client_for("officer")
    with time_machine.travel(LATE), django_capture_on_commit_callbacks(execute=True):
        page = client.get(issued.get_absolute_url()).content.decode()
        assert 'data-testid="units-nobody"' in page and "chưa có tài khoản" in page
        response = client.post(
            reverse("movements:movement-remind", args=[issued.pk]), follow=True
        )
    text = response.content.decode()
    assert "Đã nhắc 1 người ở 1 đơn vị." in text
    assert "Văn phòng" in text and "chưa có tài khoản nào có thể xác nhận" in text
    assert [m.to for m in mail.outbox] == [["truongphong@skhdt.langson.gov.vn"]]
    assert "Hạn xác nhận: 26/02/2026" in mail.outbox[0].body


def test_nobody_to_remind_at_all(client_for, issued, org):
    client = client_for("officer")
    vp = issued.deliveries.get(agency=org.vp)
    response = client.post(
        reverse("movements:movement-remind", args=[issued.pk]),
        {"delivery": vp.pk},
        follow=True,
    )
    text = response.content.decode()
    assert "Đã nhắc" not in text and "chưa có tài khoản nào" in text


def test_nothing_to_remind(client_for, issued):
    with time_machine.travel(ISSUED_ON + datetime.timedelta(days=1)):
        response = client_for("officer").post(
            reverse("movements:movement-remind", args=[issued.pk]), follow=True
        )  # nothing overdue yet
    assert "Không có đơn vị nào cần nhắc." in response.content.decode()
