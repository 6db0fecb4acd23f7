"""A unit's and an office's to-do in nominations: rounds open to the unit that it has
sent nothing to, dossiers returned to it; for the round's office, dossiers to appraise
and công khai windows ending. A constant number of queries (none without the roles)."""

import datetime

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from thidua.accounts.enums import Role
from thidua.accounts.models import RoleAssignment
from thidua.common.todo import TodoItem
from thidua.organizations.access import scopes_for
from thidua.organizations.account_selectors import UNIT_ACTORS
from thidua.organizations.models import Agency

from ..enums import NominationState
from ..models import Nomination, NominationRound, PublicNotice

__all__ = ["todo_for"]

# A dossier in these states has not reached the round's office (or came back).
NOT_SENT = (NominationState.DRAFT, NominationState.RETURNED, NominationState.CANCELLED)
TODO_LIMIT = 30


def _unit_items(user, today: datetime.date) -> list[TodoItem]:
    own = RoleAssignment.objects.filter(user=user, role__in=UNIT_ACTORS).values(
        "agency_id"
    )
    units = list(Agency.objects.with_tree_fields().filter(pk__in=own))
    above = {
        ancestor: unit for unit in units for ancestor in unit.tree_path[:-1]
    }  # a round of an agency above the unit takes the unit's dossiers
    items = []
    rounds = list(
        NominationRound.objects.filter(
            is_open=True, submission_deadline__gte=today, agency_id__in=above
        ).order_by("submission_deadline", "pk")[:TODO_LIMIT]
    )
    sent = set(
        Nomination.objects.filter(round__in=rounds, proposing_unit__in=units)
        .exclude(state__in=NOT_SENT)
        .values_list("round_id", "proposing_unit_id")
    )
    for round_ in rounds:
        for unit in units:
            if round_.agency_id in unit.tree_path[:-1] and (
                (round_.pk, unit.pk) not in sent
            ):
                items.append(
                    TodoItem(
                        _("Gửi hồ sơ đề nghị khen thưởng"),
                        round_.name,
                        round_.get_absolute_url(),
                        round_.submission_deadline,
                        unit.display_name,
                    )
                )
    returned = (
        Nomination.objects.filter(
            state=NominationState.RETURNED, proposing_unit__in=units
        )
        .select_related("round", "person", "agency", "proposing_unit")
        .order_by("round__submission_deadline", "pk")[:TODO_LIMIT]
    )
    for nomination in returned:
        items.append(
            TodoItem(
                _("Hồ sơ bị trả lại — bổ sung, gửi lại"),
                str(nomination),
                nomination.get_absolute_url(),
                nomination.round.submission_deadline,
                nomination.reason,
            )
        )
    return items


def _office_items(user, today: datetime.date) -> list[TodoItem]:
    office = RoleAssignment.objects.filter(user=user, role=Role.OFFICER).values(
        "agency_id"
    )
    items = []
    to_appraise = (
        NominationRound.objects.filter(agency_id__in=office)
        .annotate(
            waiting=Count(
                "nominations", filter=Q(nominations__state=NominationState.SUBMITTED)
            )
        )
        .filter(waiting__gt=0)
        .order_by("submission_deadline", "pk")[:TODO_LIMIT]
    )
    for round_ in to_appraise:
        items.append(
            TodoItem(
                _("Thẩm định hồ sơ"),
                round_.name,
                round_.get_absolute_url(),
                None,
                ngettext(
                    "%(n)s hồ sơ chờ thẩm định",
                    "%(n)s hồ sơ chờ thẩm định",
                    round_.waiting,
                )
                % {"n": round_.waiting},
                count=round_.waiting,
            )
        )
    notices = PublicNotice.objects.filter(
        round__agency_id__in=office, starts_on__lte=today, ends_on__gte=today
    ).order_by("ends_on", "pk")[:TODO_LIMIT]
    for notice in notices:
        items.append(
            TodoItem(
                _("Kết thúc công khai, tổng hợp ý kiến"),
                notice.title,
                notice.get_absolute_url(),
                notice.ends_on,
            )
        )
    return items


def todo_for(user, today: datetime.date) -> list[TodoItem]:
    scopes = scopes_for(user)
    items = []
    if scopes.unit_head_agencies or scopes.officer_agencies:
        items += _unit_items(user, today)
    if scopes.officer_agencies:
        items += _office_items(user, today)
    return items
