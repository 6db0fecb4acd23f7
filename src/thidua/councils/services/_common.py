"""Helpers shared by the council services."""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from thidua.organizations.models import Council, CouncilMember

from ..enums import OFFICER_ROLES
from ..selectors import seated_members

__all__ = ["audit_actor", "officer_seat", "require_member_of"]


def audit_actor(actor):
    """The login to record in the audit trail (a CouncilMember actor records none)."""
    return None if actor is None or isinstance(actor, CouncilMember) else actor


def officer_seat(council: Council, actor, *, on: datetime.date) -> CouncilMember:
    """The seat of the secretary or chair acting, else refuse.

    ``actor`` is a login (matched through its ``person``) or a ``CouncilMember``."""
    seated = seated_members(council, on=on).filter(role__in=OFFICER_ROLES)
    if isinstance(actor, CouncilMember):
        seat = seated.filter(pk=actor.pk).first()
    else:
        person_id = getattr(actor, "person_id", None)
        seat = seated.filter(person_id=person_id).first() if person_id else None
    if seat is None:
        raise ValidationError(
            _("Chỉ thư ký hoặc chủ tịch hội đồng được thực hiện thao tác này.")
        )
    return seat


def require_member_of(council: Council, member: CouncilMember) -> None:
    if member.council_id != council.pk:
        raise ValidationError(_("Người này không phải thành viên của hội đồng."))
