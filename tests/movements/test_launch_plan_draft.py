"""A movement's launch plan written in the document editor (issue #15): the draft
starts from the movement's data and stays linked to it."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from thidua.documents.drafting.validation import validate_content
from thidua.movements.drafting import launch_content
from thidua.movements.services.launch_plan import write_launch_plan

from .factories import make_movement

pytestmark = pytest.mark.django_db


def test_the_movement_s_data_fill_the_plan(org, users):
    movement = make_movement(org)
    movement.starts_on = datetime.date(2027, 3, 1)
    movement.ends_on = datetime.date(2027, 11, 30)
    movement.registration_deadline = datetime.date(2027, 3, 15)
    movement.save()
    content = launch_content(movement)
    assert validate_content(content) == []
    titles = [s["title"] for s in content["body"]]
    assert "Thời gian thực hiện" in titles
    window = content["body"][titles.index("Thời gian thực hiện")]["children"]
    assert [p["text"] for p in window] == [
        "Thời gian thực hiện: từ ngày 01/03/2027 đến ngày 30/11/2027.",
        "Các đơn vị đăng ký thi đua trước ngày 15/03/2027.",
    ]
    assert content["trich_yeu"] == movement.name
    assert content["recipients"] == [r.label for r in movement.recipients.all()]
    for starts, ends, line in (
        (datetime.date(2027, 3, 1), None, "Thời gian thực hiện: từ ngày 01/03/2027."),
        (None, datetime.date(2027, 5, 2), "Thời gian thực hiện: đến ngày 02/05/2027."),
    ):
        movement.starts_on, movement.ends_on, movement.registration_deadline = (
            starts,
            ends,
            None,
        )
        body = launch_content(movement)["body"]
        window = next(s for s in body if s["title"] == "Thời gian thực hiện")
        assert [p["text"] for p in window["children"]] == [line]


def test_the_draft_is_linked_and_an_issued_movement_is_refused(org, users, client_for):
    movement = make_movement(org)
    draft = write_launch_plan(movement, actor=users["officer"])
    assert draft.movement == movement and draft.agency == movement.launcher
    assert draft.content["trich_yeu"] == movement.name
    client = client_for("officer")
    response = client.post(reverse("movements:movement-write", args=[movement.pk]))
    assert response.url.endswith("/soan/")
    page = client.get(movement.get_absolute_url()).content.decode()
    assert (
        'data-testid="movement-plans"' in page
        and 'data-testid="movement-write"' in page
    )
    movement.issued_document_id = draft.pk  # stands for an issued launch document
    with pytest.raises(ValidationError):
        write_launch_plan(movement)
