"""A movement launched by the plan written in the editor (issue #15): the plan goes
before the head and the clerk issues it through the register; in the same step the
movement takes its number, approver and signer, becomes "đã ban hành" and reaches
its units, as when its own launch document is issued."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from thidua.common.models import ActivityLog
from thidua.documents.models.drafts import DraftState as S
from thidua.documents.services.draft_files import attach_file
from thidua.documents.services.draft_issue import transition_draft
from thidua.documents.services.drafts import create_draft
from thidua.movements.drafting import launch_content
from thidua.movements.enums import MovementState
from thidua.movements.selectors import recipient_units
from thidua.movements.services.launch_plan import write_launch_plan
from thidua.movements.services.movement import transition_movement

from ..decisions.factories import give_person
from .factories import issue_movement, make_movement

pytestmark = pytest.mark.django_db

ISSUED_ON = datetime.date(2026, 3, 2)


@pytest.fixture
def heads(org, users):
    give_person(users["head"], org.skhdt, "Vũ Hoàng Quý", "Giám đốc Sở")
    give_person(users["deputy"], org.skhdt, "Lý Văn Sơn", "Phó Giám đốc Sở")
    return users


def _issue(draft, users, approver="head"):
    draft = transition_draft(draft, S.AWAITING, actor=users["officer"])
    draft = transition_draft(draft, S.APPROVED, actor=users[approver])
    return transition_draft(draft, S.ISSUED, actor=users["clerk"], issued_on=ISSUED_ON)


@pytest.mark.parametrize("before", ["draft", "returned", "awaiting", "approved"])
def test_the_issued_plan_launches_the_movement(org, heads, before):
    movement = make_movement(org)
    plan = write_launch_plan(movement, actor=heads["officer"])
    if before != "draft":
        movement = transition_movement(movement, MovementState.AWAITING)
    if before == "returned":
        movement = transition_movement(
            movement, MovementState.RETURNED, actor=heads["head"], reason="Sửa lại."
        )
    if before == "approved":
        movement = transition_movement(
            movement, MovementState.APPROVED, actor=heads["deputy"]
        )
    plan = _issue(plan, heads)
    movement.refresh_from_db()
    document = plan.issued_document
    assert movement.state == MovementState.ISSUED
    assert movement.issued_document == document
    assert document.symbol == "01/KH-SKHĐT" and document.source_kind == "draft"
    # The head approved the plan: he is the movement's approver and signer.
    assert movement.approved_by == heads["head"]
    assert (movement.signer_title, movement.signer_name) == (
        plan.signer_title,
        "Vũ Hoàng Quý",
    )
    assert movement.return_reason == ""
    delivered = set(movement.deliveries.values_list("agency", flat=True))
    assert delivered and delivered == {u.pk for u in recipient_units(movement)}
    entry = ActivityLog.objects.filter(
        action__in=("movements.issue_by_plan", "movements.issue")
    ).get()
    assert (entry.data["symbol"], entry.data["plan"]) == ("01/KH-SKHĐT", plan.pk)
    assert entry.action == (
        "movements.issue" if before == "approved" else "movements.issue_by_plan"
    )


def test_a_launched_movement_keeps_its_document(org, heads):
    movement = issue_movement(make_movement(org))
    first = movement.issued_document
    later = create_draft(
        agency=org.skhdt,
        actor=heads["officer"],
        movement=movement,
        content=launch_content(movement),
    )
    issued = _issue(later, heads)
    movement.refresh_from_db()
    assert movement.issued_document == first != issued.issued_document


def test_a_plan_with_no_movement_launches_nothing(org, heads):
    movement = make_movement(org)
    plan = create_draft(
        agency=org.skhdt, actor=heads["officer"], template_code="ke_hoach_tinh"
    )
    content = dict(plan.content)
    content["trich_yeu"] = "Kế hoạch riêng"
    content["signers"] = [{**content["signers"][0], "name": "Vũ Hoàng Quý"}]
    plan.content = content
    plan.save(update_fields=["content"])
    _issue(plan, heads)
    movement.refresh_from_db()
    assert movement.state == MovementState.DRAFT


def test_the_movement_cannot_be_issued_by_plan_from_its_own_page(org, heads):
    movement = make_movement(org)
    with pytest.raises(ValidationError, match="chưa được thủ trưởng duyệt"):
        transition_movement(movement, MovementState.ISSUED, actor=heads["clerk"])


def test_the_page_shows_the_plan_as_the_launch_document(org, heads, client_for):
    movement = make_movement(org)
    page = client_for("officer").get(movement.get_absolute_url()).content.decode()
    assert 'data-testid="launched-by-plan"' not in page
    plan = write_launch_plan(movement, actor=heads["officer"])
    attached = attach_file(
        plan,
        SimpleUploadedFile("Tiêu chí chấm điểm.pdf", b"%PDF-1.7\n%%EOF"),
        actor=heads["officer"],
    )
    plan = _issue(plan, heads)
    page = client_for("officer").get(movement.get_absolute_url()).content.decode()
    assert 'data-testid="launched-by-plan"' in page
    assert plan.get_absolute_url() in page
    assert "Số 01/KH-SKHĐT ngày 02/03/2026" in page
    # A unit head sees the movement and its files, not the office's draft.
    page = client_for("unit_head").get(movement.get_absolute_url()).content.decode()
    assert 'data-testid="launched-by-plan"' in page
    assert plan.get_absolute_url() not in page
    # The file attached to the plan reaches the units with the movement.
    url = reverse("movements:movement-attachment", args=[movement.pk, attached.pk])
    assert url in page and "Tiêu chí chấm điểm.pdf" in page
    response = client_for("unit_head").get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    other = issue_movement(make_movement(org, name="Phong trào khác"))
    wrong = reverse("movements:movement-attachment", args=[other.pk, attached.pk])
    assert client_for("unit_head").get(wrong).status_code == 404
