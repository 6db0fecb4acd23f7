"""The menu shows the head his queue of texts to approve and the clerk hers of texts to
number — decisions, tờ trình, launch documents — with how many wait; nobody else gets
a queue link."""

import pytest
from django.urls import reverse

from ..decisions.factories import give_person
from ..decisions.test_approval import _draft
from ..decisions.test_decisions import round_ as round_  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def _menu(client) -> str:
    return client.get(reverse("dashboard")).content.decode()


def test_the_head_and_the_clerk_find_their_queues_in_the_menu(
    client_for, round_, org, users
):
    from thidua.decisions.services.decision import approve_decision, submit_decision

    give_person(users["head"], org.skhdt, "Vũ Hoàng Quý", "Giám đốc Sở")
    approvals = reverse("approvals")
    issue = reverse("issue-queue")

    menu = _menu(client_for("head"))
    assert 'data-testid="queue-approvals"' in menu and approvals in menu
    assert issue not in menu
    decision = _draft(round_, org, users)
    submit_decision(decision, actor=users["officer"])
    menu = _menu(client_for("head"))
    assert 'text-bg-warning">1<' in menu

    menu = _menu(client_for("clerk"))
    assert 'data-testid="queue-issue"' in menu and approvals not in menu
    assert "text-bg-warning" not in menu  # nothing approved yet
    approve_decision(decision, actor=users["head"])
    assert 'text-bg-warning">1<' in _menu(client_for("clerk"))

    for role in ("officer", "staff", "unit_head", "admin"):
        menu = _menu(client_for(role))
        assert approvals not in menu and issue not in menu, role


def test_the_queues_hold_every_kind_of_text(client_for, org, users):
    """A launch document and a tờ trình wait with the decisions: counted in the menu,
    listed on the page, each a link to the page where the head acts."""
    from thidua.movements.services.movement import transition_movement

    from ..movements.factories import make_movement
    from ..submissions.factories import awaiting_submission

    give_person(users["head"], org.skhdt, "Vũ Hoàng Quý", "Giám đốc Sở")
    movement = transition_movement(make_movement(org), "cho_duyet")
    submission = awaiting_submission(org, users)
    head = client_for("head")
    assert 'text-bg-warning">2<' in _menu(head)
    page = head.get(reverse("approvals")).content.decode()
    assert movement.get_absolute_url() in page
    assert submission.get_absolute_url() in page
    assert 'data-testid="queued-movement"' in page
    assert 'data-testid="queued-submission"' in page
    # The decisions' own queue lists decisions alone.
    own = head.get(reverse("decisions:decision-approvals")).content.decode()
    assert movement.get_absolute_url() not in own
    # Approved: off the head's queue, on the clerk's, with who signs.
    transition_movement(movement, "da_duyet", actor=users["head"])
    assert 'text-bg-warning">1<' in _menu(client_for("head"))
    page = client_for("clerk").get(reverse("issue-queue")).content.decode()
    assert movement.get_absolute_url() in page and "Giám đốc Sở Vũ Hoàng Quý" in page
    assert submission.get_absolute_url() not in page
    # Another Sở's head sees none of it.
    other = client_for("other_officer").get(reverse("approvals")).content.decode()
    assert 'data-testid="queue-empty"' in other
