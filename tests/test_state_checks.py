"""Every state field is held by the database, not only by the workflow kernel: a CHECK
lists the states the machine knows (common/constraints.py), and a new state field
without one fails here."""

import datetime

import pytest
from django.apps import apps
from django.db import IntegrityError, models, transaction

from thidua.nominations.models import Nomination
from thidua.nominations.services.nomination import create_nomination, open_round

STATE_FIELDS = {"state", "status", "outcome", "from_state", "to_state"}


def _state_fields():
    for model in apps.get_models():
        if not model.__module__.startswith("thidua."):
            continue
        for field in model._meta.fields:
            if field.name in STATE_FIELDS and field.choices:
                yield model, field.name


def test_every_state_field_has_a_check_of_its_known_states():
    missing = []
    for model, name in _state_fields():
        checks = [
            c
            for c in model._meta.constraints
            if isinstance(c, models.CheckConstraint)
            and f"'{name}__in'" in repr(c.condition)
        ]
        if not checks:
            missing.append(f"{model._meta.label}.{name}")
    assert list(_state_fields()) and not missing, missing


@pytest.mark.django_db
def test_the_database_refuses_an_unknown_state_and_an_unexplained_refusal(org):
    round_ = open_round(
        agency=org.skhdt,
        name="Xét 2025",
        kind="hang_nam",
        year=2025,
        submission_deadline=datetime.date(2099, 1, 1),
    )
    nomination = create_nomination(
        round_, proposing_unit=org.dkkd, person=org.people["dkkd_staff"], code="LDTT"
    )
    rows = Nomination.objects.filter(pk=nomination.pk)
    for change in ({"state": "da_xoa"}, {"state": "tra_lai", "reason": ""}):
        with pytest.raises(IntegrityError), transaction.atomic():
            rows.update(**change)
    rows.update(state="tra_lai", reason="Thiếu biên bản bình xét")  # explained: fine
