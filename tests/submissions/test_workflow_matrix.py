"""Transition × role for the items of a tờ trình, generated from the workflow table:
the receiving office (the province's officer here, and the admin) records the outcome
from its inbox; forwarding and what comes down from above happen only through their
services; every other role is offered nothing and is refused by the kernel."""

import pytest
from django.core.exceptions import ValidationError

from thidua.submissions.workflows import FORWARDING, FROM_ABOVE, ITEM

from ..workflow_matrix import ROLES, check_move, each_transition
from .test_submissions import AWARD

pytestmark = pytest.mark.django_db

HOLDERS = {"submissions.process_item": {"admin", "higher_officer"}}


def test_every_permission_in_the_table_is_in_the_matrix():
    assert {t.permission for t in ITEM.transitions} == set(HOLDERS)


def _perform(move):
    def perform(item, to, user):
        fields = AWARD if to == "khen_thuong" else {}
        return ITEM.transition(
            item,
            to,
            actor=user,
            reason="Chưa đủ tiêu chuẩn",
            through=move.only_through,
            effect=lambda locked, _m: (
                [
                    setattr(locked, k, v)
                    for k, v in {**fields, "reason": "Lý do"}.items()
                ]
                and [*fields, "reason"]
            ),
        )

    return perform


@each_transition(ITEM)
@pytest.mark.parametrize("role", ROLES)
def test_item_moves_by_role(sent, users, move, role):
    item = sent[0].items.get()
    if move.source != item.outcome:  # forwarded: only through a tờ trình above
        ITEM.transition(item, move.source, through=FORWARDING)
        item.refresh_from_db()
    check_move(
        ITEM, item, users[role], move, role in HOLDERS[move.permission], _perform(move)
    )


def test_what_comes_from_above_is_not_a_button(sent, users):
    item = sent[0].items.get()
    with pytest.raises(ValidationError, match="chỉ được thực hiện qua"):
        ITEM.transition(item, "trinh_tiep", actor=users["admin"])
    assert all(
        t.only_through == FROM_ABOVE
        for t in ITEM.transitions
        if t.source == "trinh_tiep"
    )
