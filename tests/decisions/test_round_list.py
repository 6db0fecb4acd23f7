"""The round page lists its decisions for whoever sees the round: those the user may
open with a link (drafts too, for the office and the head), the issued ones to a unit
head by number and summary only — never a draft, never a link to a 404."""

import datetime

import pytest

from thidua.decisions.selectors import decisions_of_round
from thidua.decisions.services.decision import (
    approve_decision,
    issue_decision,
    submit_decision,
)

from .factories import give_person
from .test_approval import _draft
from .test_decisions import round_ as round_  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 1, 15)


@pytest.fixture
def two(round_, org, users):
    give_person(users["head"], org.skhdt, "Vũ Hoàng Quý", "Giám đốc Sở")
    issued = _draft(round_, org, users)
    submit_decision(issued, actor=users["officer"])
    approve_decision(issued, actor=users["head"])
    issue_decision(issued, issued_on=DAY, actor=users["clerk"])
    draft = _draft(round_, org, users, person="head")
    return issued, draft


def test_the_office_and_the_head_see_every_decision_with_a_link(
    client_for, users, round_, two
):
    issued, draft = two
    for role in ("officer", "head"):
        assert decisions_of_round(users[role], round_) == [
            (draft, True),
            (issued, True),
        ]
        html = client_for(role).get(round_.get_absolute_url()).content.decode()
        assert f'href="{issued.get_absolute_url()}"' in html
        assert f'href="{draft.get_absolute_url()}"' in html
        assert "Dự thảo" in html and "15/01/2026" in html


def test_a_unit_head_sees_the_issued_decision_by_number_without_a_link(
    client_for, users, round_, two
):
    issued, draft = two
    issued.refresh_from_db()
    assert decisions_of_round(users["unit_head"], round_) == [(issued, False)]
    client = client_for("unit_head")
    html = client.get(round_.get_absolute_url()).content.decode()
    assert issued.issued_document.symbol in html
    assert issued.get_absolute_url() not in html
    assert draft.get_absolute_url() not in html
    assert client.get(issued.get_absolute_url()).status_code == 404
