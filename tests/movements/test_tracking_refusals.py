"""The movement's tracking refusals: an indicator tied to another movement's content, a
progress value dated in the future, a dissemination dated before the document arrived;
an indicator edited in place; no reminder once a unit has confirmed."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from thidua.movements.models import Delivery
from thidua.movements.services.dissemination import confirm_delivery, remind_delivery
from thidua.movements.services.progress import report_progress, save_indicator

from .factories import make_movement
from .test_dissemination import issued as issued  # noqa: F401 (fixture)
from .test_progress import indicator as indicator  # noqa: F401 (fixture)
from .test_progress import movement as movement  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def test_an_indicator_belongs_to_its_movement_s_content(movement, indicator, org):
    other = make_movement(org, name="Phong trào thi đua chuyển đổi số năm 2026")
    with pytest.raises(ValidationError) as exc:
        save_indicator(
            movement, indicator=indicator, content_item=other.contents.first()
        )
    assert exc.value.message_dict == {
        "content_item": ["Nội dung thi đua không thuộc phong trào."]
    }
    indicator.refresh_from_db()  # the refused call set the field on this instance
    changed = save_indicator(movement, indicator=indicator, target=Decimal("95"))
    assert (changed.pk, changed.target) == (indicator.pk, Decimal("95"))


def test_a_value_dated_in_the_future_is_refused(indicator):
    with pytest.raises(ValidationError) as exc:
        report_progress(
            indicator,
            reported_on=timezone.localdate() + datetime.timedelta(days=1),
            value=Decimal("70"),
        )
    assert exc.value.message_dict == {
        "reported_on": ["Ngày số liệu không được ở tương lai."]
    }


def test_dissemination_after_arrival_and_no_reminder_once_confirmed(issued, org):
    delivery = Delivery.objects.get(movement=issued, agency=org.dkkd)
    arrived = timezone.localdate(delivery.delivered_at)
    with pytest.raises(ValidationError) as exc:
        confirm_delivery(
            delivery,
            confirmed_on=arrived - datetime.timedelta(days=1),
            staff_reached=1,
        )
    assert exc.value.message_dict == {
        "confirmed_on": ["Ngày quán triệt phải sau ngày nhận văn bản."]
    }
    confirm_delivery(delivery, confirmed_on=arrived, staff_reached=1)
    assert remind_delivery(delivery) == 0
    delivery.refresh_from_db()
    assert delivery.reminders_sent == 0
