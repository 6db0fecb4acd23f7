"""The menu shows the head his queue of decisions to approve and the clerk hers of
decisions to number, with how many wait; nobody else gets a queue link."""

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
    approvals = reverse("decisions:decision-approvals")
    issue = reverse("decisions:decision-issue-queue")

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
