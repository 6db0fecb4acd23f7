"""Dates the award register and the personnel records refuse: an achievement year after
the decision, a period starting after it ends, an unknown unit rating, a discipline
that ends before it starts."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from thidua.awards.models import Award
from thidua.awards.services.register import record_award
from thidua.organizations.services.records import (
    record_collective_assessment,
    record_discipline,
)

pytestmark = pytest.mark.django_db


def test_the_achievement_comes_before_the_decision(org):
    with pytest.raises(ValidationError) as exc:
        record_award(
            person=org.people["dkkd_staff"],
            code="LDTT",
            year=2026,
            period_from=2027,
            decision_number="01/QĐ-SKHĐT",
            decision_date=datetime.date(2025, 12, 30),
            decided_by="Giám đốc Sở",
        )
    assert exc.value.message_dict == {
        "year": ["Năm thành tích phải trước hoặc trùng năm quyết định."],
        "period_from": ["Năm bắt đầu phải trước năm kết thúc thành tích."],
    }
    assert not Award.objects.exists()


def test_a_unit_rating_must_be_known(org):
    with pytest.raises(ValidationError) as exc:
        record_collective_assessment(org.dkkd, year=2024, rating="GIOI")
    assert exc.value.message_dict == {"rating": ["Xếp loại “GIOI” không hợp lệ."]}


def test_a_discipline_ends_after_it_starts(org):
    with pytest.raises(ValidationError) as exc:
        record_discipline(
            org.people["dkkd_staff"],
            form="khien_trach",
            start_date=datetime.date(2022, 3, 1),
            end_date=datetime.date(2021, 2, 28),
        )
    assert exc.value.message_dict == {
        "end_date": ["Ngày kết thúc phải sau ngày bắt đầu."]
    }
