"""Notification mail over real SMTP: an event's notice reaches the test SMTP server."""

import pytest

from thidua.accounts.notifications import notify, send_due_mail

from ..movements.factories import ISSUED_ON, issue_movement, make_movement
from ..smtp_sink import running_sink

pytestmark = pytest.mark.django_db


@pytest.fixture
def sink(settings):
    for running in running_sink():
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", running.port
        settings.DEFAULT_FROM_EMAIL = "thidua@skhdt.langson.gov.vn"
        yield running


def test_a_movement_delivered_is_mailed_over_smtp(
    sink, org, users, django_capture_on_commit_callbacks
):
    head = users["unit_head"]
    head.email = "truongphong@skhdt.langson.gov.vn"
    head.save()
    with django_capture_on_commit_callbacks(execute=True):
        movement = issue_movement(make_movement(org), issued_on=ISSUED_ON)
    message = sink.wait_for(lambda m: m["To"] == head.email, timeout=10)
    # A long subject is folded: the header unfolds with a leading space.
    assert message["Subject"].strip() == f"Văn bản đến: {movement.name}"
    assert message["From"] == "thidua@skhdt.langson.gov.vn"
    assert "Phát động bởi Sở Kế hoạch và Đầu tư" in message.get_content()


def test_several_notices_over_one_connection(sink, users):
    people = []
    for role in ("unit_head", "officer"):
        users[role].email = f"{role}@example.gov.vn"
        users[role].save()
        people.append(users[role])
    notify(people, "x", "Hồ sơ bị trả lại")
    assert send_due_mail() == 2
    assert sorted(m["To"] for m in sink.messages) == [
        "officer@example.gov.vn",
        "unit_head@example.gov.vn",
    ]
