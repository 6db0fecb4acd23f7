"""CHECK constraints shared by every state machine (shared/design/redesign.md P2): the
database, not only the workflow kernel, refuses a state the machine does not know and a
refusal without its reason."""

from django.db import models
from django.db.models import Q

__all__ = ["reason_required", "state_is_known"]


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
