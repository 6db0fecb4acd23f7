"""Reads of movements, scoped like the registry."""

import datetime

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.accounts.models import RoleAssignment
from thidua.common.todo import TodoItem
from thidua.common.workdays import add_working_days
from thidua.organizations.access import scopes_for
from thidua.organizations.account_selectors import UNIT_ACTORS, unit_recipients
from thidua.organizations.models import Agency

from .enums import UNISSUED, MovementState, RecipientKind, RegistrationState
from .models import Delivery, Movement, Registration

__all__ = [
    "movements_awaiting_approval",
    "movements_to_issue",
    "access_delivery",
    "access_movement",
    "deliveries_for_user",
    "delivery_board",
    "delivery_deadline",
    "movements_for_user",
    "public_movements",
    "recipient_units",
    "registration_rows",
    "registrations_for_user",
    "todo_for",
]


def _agencies_of(user) -> set[int]:
    """The user's own agencies: their unit and every agency above it."""
    scopes = scopes_for(user)
    own = set(scopes.unit_head_agencies)
    if scopes.person_id:
        unit_id = user.person.unit_id if user.person else None
        if unit_id:
            own.add(unit_id)
    ids: set[int] = set()
    for agency_id in own:
        ids.update(
            Agency.objects.ancestors(agency_id, include_self=True).values_list(
                "id", flat=True
            )
        )
    return ids


def movements_for_user(user) -> QuerySet[Movement]:
    """Admins: all. Officers: movements their agencies launch, drafts included. Everyone
    else: issued movements whose scope covers their unit (or their cluster)."""
    scopes = scopes_for(user)
    base = Movement.objects.select_related("launcher", "issued_document")
    if scopes.is_admin:
        return base
    condition = Q(
        launcher_id__in=scopes.officer_agencies
        | scopes.approver_agencies
        | scopes.clerk_agencies
    )
    covered = _agencies_of(user) | set(scopes.officer_agencies)
    if covered:
        condition |= ~Q(state__in=UNISSUED) & (
            Q(scope_agency_id__in=covered)
            | Q(scope_cluster__memberships__agency_id__in=covered)
        )
    return base.filter(condition).distinct()


def access_movement(user, pk) -> Movement:
    try:
        return movements_for_user(user).get(pk=pk)
    except (Movement.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def registrations_for_user(user) -> QuerySet[Registration]:
    """Registrations of the movements the user sees, as the pages show them: all of a
    movement to its launching office (the review list), a unit's own to its heads and
    the TĐKT officers over it (the registration form)."""
    scopes = scopes_for(user)
    base = Registration.objects.select_related("movement", "agency")
    if scopes.is_admin:
        return base
    return base.filter(
        Q(movement__launcher_id__in=scopes.officer_agencies)
        | Q(agency_id__in=scopes.unit_head_agencies | scopes.officer_agencies),
        movement__in=movements_for_user(user).values("pk"),
    )


def public_movements() -> QuerySet[Movement]:
    """Issued movements whose PDF exists: the public page (no login)."""
    return (
        Movement.objects.exclude(state__in=UNISSUED)
        .filter(issued_document__status="ready")
        .select_related("launcher", "issued_document")
        .order_by("-issued_document__issued_on", "-pk")
    )


def deliveries_for_user(user) -> QuerySet[Delivery]:
    """The inbox: deliveries to units the user heads or whose TĐKT office they staff."""
    scopes = scopes_for(user)
    base = Delivery.objects.select_related(
        "movement", "movement__issued_document", "agency"
    )
    if scopes.is_admin:
        return base
    return base.filter(
        agency_id__in=scopes.unit_head_agencies | scopes.officer_agencies
    ).exclude(movement__state__in=UNISSUED)


def access_delivery(user, pk) -> Delivery:
    try:
        return deliveries_for_user(user).get(pk=pk)
    except (Delivery.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def delivery_board(movement: Movement) -> list[dict]:
    """The launching office's tracking board: one row per unit, overdue ones flagged,
    and those where no account can confirm (``nobody``: a reminder reaches no one)."""
    today = timezone.localdate()
    deliveries = list(
        movement.deliveries.select_related("agency", "movement__issued_document")
    )
    people = unit_recipients([d.agency_id for d in deliveries])
    rows = []
    for delivery in deliveries:
        deadline = delivery_deadline(delivery)
        rows.append(
            {
                "delivery": delivery,
                "deadline": deadline,
                "overdue": not delivery.is_confirmed and today > deadline,
                "nobody": not delivery.is_confirmed and not people[delivery.agency_id],
            }
        )
    return rows


def registration_rows(movement: Movement) -> list[dict]:
    """Every recipient unit with its registration (or none yet), for the office."""
    registrations = {
        r.agency_id: r
        for r in movement.registrations.annotate(entry_count=Count("entries"))
    }
    return [
        {"agency": d.agency, "registration": registrations.get(d.agency_id)}
        for d in movement.deliveries.select_related("agency")
    ]


def recipient_units(movement: Movement) -> list[Agency]:
    """The units that must disseminate the movement, from its Nơi nhận: named agencies,
    the launcher's own units, and the members of a named cluster (not the launcher)."""
    units: dict[int, Agency] = {}
    for recipient in movement.recipients.select_related("agency", "cluster"):
        if recipient.kind == RecipientKind.AGENCY and recipient.agency:
            units[recipient.agency.pk] = recipient.agency
        elif recipient.kind == RecipientKind.SUBUNITS and recipient.agency:
            for child in recipient.agency.children.all():
                units[child.pk] = child
        elif recipient.kind == RecipientKind.CLUSTER and recipient.cluster:
            for membership in recipient.cluster.memberships.filter(
                to_year__isnull=True
            ):
                units[membership.agency_id] = membership.agency
    units.pop(movement.launcher_id, None)
    return sorted(units.values(), key=lambda a: a.name)


def delivery_deadline(delivery: Delivery) -> datetime.date:
    issued = delivery.movement.issued_document
    start = issued.issued_on if issued else timezone.localdate(delivery.delivered_at)
    # Counted in working days from the day after the plan is issued (a period begins
    # the day after its event, Bộ luật Dân sự 2015 Art 147).
    return add_working_days(
        start + datetime.timedelta(days=1), delivery.movement.confirm_within_days
    )


def movements_awaiting_approval(user) -> QuerySet[Movement]:
    """The head's (or whoever signs for him) queue: launch documents before him."""
    return (
        Movement.objects.select_related("launcher")
        .filter(
            state=MovementState.AWAITING,
            launcher_id__in=scopes_for(user).approver_agencies,
        )
        .order_by("created_at", "pk")
    )


def movements_to_issue(user) -> QuerySet[Movement]:
    """The clerk's queue: approved launch documents waiting for their number."""
    return (
        Movement.objects.select_related("launcher", "approved_by")
        .filter(
            state=MovementState.APPROVED,
            launcher_id__in=scopes_for(user).clerk_agencies,
        )
        .order_by("approved_at", "pk")
    )


# A unit's to-do lines stop at this many of each kind (the home page is not a list).
TODO_LIMIT = 30


def todo_for(user, today: datetime.date) -> list[TodoItem]:
    """What waits for the unit(s) the user heads or is the TĐKT officer of (the
    accounts a reminder reaches): movements to confirm, registrations due. Two queries,
    none for an account without such a role."""
    scopes = scopes_for(user)
    if not (scopes.unit_head_agencies or scopes.officer_agencies):
        return []
    units = RoleAssignment.objects.filter(user=user, role__in=UNIT_ACTORS).values(
        "agency_id"
    )
    items = []
    unconfirmed = (
        Delivery.objects.filter(agency_id__in=units, confirmed_on__isnull=True)
        .exclude(movement__state__in=[*UNISSUED, MovementState.CLOSED])
        .select_related("movement__issued_document", "agency")
        .order_by("delivered_at", "pk")[:TODO_LIMIT]
    )
    for delivery in unconfirmed:
        items.append(
            TodoItem(
                _("Xác nhận quán triệt"),
                delivery.movement.name,
                reverse("movements:delivery-confirm", args=[delivery.pk]),
                delivery_deadline(delivery),
                delivery.agency.display_name,
            )
        )
    registered = Registration.objects.filter(
        movement=OuterRef("movement"),
        agency=OuterRef("agency"),
        state__in=[RegistrationState.SUBMITTED, RegistrationState.APPROVED],
    )
    unregistered = (
        Delivery.objects.filter(
            agency_id__in=units,
            movement__state__in=[MovementState.ISSUED, MovementState.RUNNING],
            movement__registration_deadline__gte=today,
        )
        .exclude(Exists(registered))
        .select_related("movement", "agency")
        .order_by("movement__registration_deadline", "pk")[:TODO_LIMIT]
    )
    for delivery in unregistered:
        items.append(
            TodoItem(
                _("Đăng ký thi đua"),
                delivery.movement.name,
                reverse(
                    "movements:registration-edit",
                    args=[delivery.movement_id, delivery.agency_id],
                ),
                delivery.movement.registration_deadline,
                delivery.agency.display_name,
            )
        )
    return items
