import datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from thidua.movements.models import Delivery
from thidua.movements.services.dissemination import remind_overdue

from .factories import ISSUED_ON, issue_movement, make_movement

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued(org):
    return issue_movement(make_movement(org), issued_on=ISSUED_ON)


def test_issuing_delivers_to_every_recipient_unit(issued, org):
    units = set(issued.deliveries.values_list("agency__code", flat=True))
    assert units == {"SKHĐT-VP", "SKHĐT-ĐKKD"}


def test_unit_head_confirms_from_the_inbox(client_for, issued, org, users):
    client = client_for("unit_head")
    rows = client.get(reverse("movements:inbox")).context["rows"]
    assert [r["delivery"].agency for r in rows] == [org.dkkd]
    delivery = rows[0]["delivery"]
    url = reverse("movements:delivery-confirm", args=[delivery.pk])
    response = client.post(url, {"confirmed_on": "01/01/2099", "staff_reached": 99})
    errors = response.context["form"].errors
    assert errors["confirmed_on"] == ["Ngày quán triệt không được ở tương lai."]
    assert errors["staff_reached"] == [
        "Số người phải từ 0 đến 2 (số người của đơn vị)."
    ]
    today = datetime.date.today().strftime("%d/%m/%Y")  # noqa: DTZ011 (matches localdate in tests)
    client.post(url, {"confirmed_on": today, "staff_reached": 2, "note": "Họp phòng"})
    delivery.refresh_from_db()
    assert (delivery.staff_reached, delivery.confirmed_by) == (2, users["unit_head"])
    again = client.post(url, {"confirmed_on": today, "staff_reached": 2})
    assert "Đơn vị đã xác nhận quán triệt văn bản này." in again.content.decode()


def test_other_units_cannot_confirm(client_for, issued, org):
    delivery = issued.deliveries.get(agency=org.dkkd)
    url = reverse("movements:delivery-confirm", args=[delivery.pk])
    for role in ("staff", "other_officer", "council_member"):
        assert client_for(role).get(url).status_code == 404


def test_board_flags_overdue_units_and_reminds_them(client_for, issued, org, users):
    users["unit_head"].email = "truongphong@skhdt.langson.gov.vn"
    users["unit_head"].save()
    client = client_for("officer")
    with time_machine.travel(ISSUED_ON + datetime.timedelta(days=22)):
        board = client.get(issued.get_absolute_url()).context["board"]
        assert [(r["delivery"].agency.code, r["overdue"]) for r in board] == [
            ("SKHĐT-ĐKKD", True),
            ("SKHĐT-VP", True),
        ]
        body = client.get(issued.get_absolute_url()).content.decode()
        assert "Quá hạn" in body and "table-danger" in body
        response = client.post(reverse("movements:movement-remind", args=[issued.pk]))
    assert response.status_code == 302
    assert Delivery.objects.filter(reminders_sent=1).count() == 2


def test_reminder_mail_reaches_the_unit_head(
    issued, org, users, django_capture_on_commit_callbacks
):
    users["unit_head"].email = "truongphong@skhdt.langson.gov.vn"
    users["unit_head"].save()
    with (
        time_machine.travel(ISSUED_ON + datetime.timedelta(days=22)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert remind_overdue() == 2
        assert remind_overdue() == 0  # at most once a day
    assert [m.to for m in mail.outbox] == [["truongphong@skhdt.langson.gov.vn"]]
    assert "01/KH-SKHĐT" in mail.outbox[0].body
    # Issued on 05/02/2026: ten working days from the 6th, Tết (16–20/02) skipped.
    assert "Hạn xác nhận: 26/02/2026" in mail.outbox[0].body
