"""The person service's remaining checks: a category, birth year or recruitment date
that cannot be; an edit that changes nothing; a transfer into a period already held."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from thidua.common.models import ActivityLog
from thidua.organizations.models import Membership
from thidua.organizations.services.person import (
    person_field_errors,
    transfer_person,
    update_person,
)

from ..factories import cccd_for

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 3, 1)
VALID = {
    "full_name": "Nguyễn Văn An",
    "gender": "nam",
    "category": "cong_chuc",
    "ethnicity": "Kinh",
    "birth_date": datetime.date(1985, 5, 17),
    "cccd": cccd_for("nam", datetime.date(1985, 5, 17)),
}


def test_values_that_cannot_be():
    assert person_field_errors(VALID, today=TODAY) == {}
    errors = person_field_errors(
        VALID
        | {
            "category": "khach",
            "birth_date": datetime.date(1899, 12, 31),
            "recruited_on": datetime.date(2027, 1, 1),
        },
        today=TODAY,
    )
    assert errors == {
        "category": ["Đối tượng không hợp lệ."],
        "birth_date": ["Ngày sinh không hợp lệ."],
        "cccd": ["Số CCCD không khớp năm sinh 1899."],
        "recruited_on": ["Ngày tuyển dụng không được ở tương lai."],
    }


def test_an_edit_that_changes_nothing_writes_nothing(org):
    person = org.people["vp_staff"]
    entries = ActivityLog.objects.count()
    same = update_person(
        person, {"position": person.position}, expected_version=person.version
    )
    assert same.version == person.version
    assert ActivityLog.objects.count() == entries


def test_a_transfer_into_a_period_already_held_is_refused(org):
    person = org.people["vp_staff"]
    # The current membership was closed, but later than the transfer date.
    Membership.objects.filter(person=person).update(end_date=datetime.date(2030, 1, 1))
    with pytest.raises(ValidationError) as exc:
        transfer_person(person, unit=org.dkkd, on=datetime.date(2026, 1, 1))
    assert exc.value.message_dict == {
        "start_date": ["Thời gian công tác bị chồng lấn với quá trình đã có."]
    }
    # Closed before the transfer date: the new period starts after a gap.
    Membership.objects.filter(person=person).update(end_date=datetime.date(2025, 6, 30))
    moved = transfer_person(person, unit=org.dkkd, on=datetime.date(2026, 1, 1))
    assert (moved.unit, moved.start_date) == (org.dkkd, datetime.date(2026, 1, 1))
