"""A decision taken the whole way (drafted, approved by the head, issued by the clerk)
for tests that need one issued: the head's account of the round's agency, with a staff
record whose title and name become the signer block."""

import datetime
import itertools

from thidua.accounts.enums import Role
from thidua.accounts.services import create_account
from thidua.decisions.services.decision import (
    approve_decision,
    draft_decision,
    issue_decision,
    submit_decision,
)

from ..factories import PASSWORD, make_person

__all__ = ["give_person", "head_of", "issued_decision"]

_serial = itertools.count(1)


def give_person(user, agency, name: str, title: str):
    """Link ``user`` to a new staff record of ``agency`` titled ``title``."""
    user.person = make_person(agency, name, position=title)
    user.save(update_fields=["person"])
    return user


def head_of(agency, name="Vũ Hoàng Quý", title="Giám đốc"):
    """An account holding the head's role of ``agency``, with his staff record."""
    return create_account(
        username=f"thutruong{next(_serial)}",
        password=PASSWORD,
        person=make_person(agency, name, position=title),
        roles=[(Role.HEAD, agency, None)],
    )


def issued_decision(
    round_,
    nominations,
    *,
    issued_on: datetime.date,
    signer_title="Giám đốc",
    signer_name="Vũ Hoàng Quý",
    approver=None,
    actor=None,
):
    decision = draft_decision(round_, nominations, planned_on=issued_on, actor=actor)
    submit_decision(decision)
    approve_decision(
        decision, actor=approver or head_of(round_.agency, signer_name, signer_title)
    )
    return issue_decision(decision, issued_on=issued_on)
