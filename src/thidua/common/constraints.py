"""CHECK constraints shared by every state machine (shared/design/redesign.md P2): the
database, not only the workflow kernel, refuses a state the machine does not know and a
refusal without its reason."""

from django.db import models
from django.db.models import Q

__all__ = ["empty_or_positive", "reason_required", "state_is_known"]


def state_is_known(field: str, choices: type[models.TextChoices], name: str):
    """``field`` holds one of ``choices``' values."""
    return models.CheckConstraint(
        condition=Q(**{f"{field}__in": list(choices.values)}), name=name
    )


def reason_required(field: str, states, reason: str, name: str):
    """In any of ``states`` the ``reason`` field is not empty (a return, a refusal, a
    cancellation is always explained to the people it concerns)."""
    return models.CheckConstraint(
        condition=~Q(**{f"{field}__in": list(states)}) | ~Q(**{reason: ""}),
        name=name,
    )


def empty_or_positive(field: str, name: str, message):
    """``field`` is NULL or at least 1: a count or an amount not known is left empty,
    never written as 0 (a document would print "00 tập thể", "0 đồng")."""
    return models.CheckConstraint(
        condition=Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 1}),
        name=name,
        violation_error_message=message,
    )
