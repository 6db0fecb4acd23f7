"""Reads of nominations, scoped: the proposing unit, the round's TĐKT office, admins."""

from django.db.models import Q, QuerySet
from django.http import Http404

from thidua.accounts.scopes import scopes_for

from .models import Nomination, ReviewRound

__all__ = [
    "access_nomination",
    "access_round",
    "nominations_for_user",
    "rounds_for_user",
]


def rounds_for_user(user) -> QuerySet[ReviewRound]:
    """Rounds of the user's agencies (as officer), and of the agencies above their unit."""
    scopes = scopes_for(user)
    if scopes.is_admin:
        return ReviewRound.objects.all()
    units = scopes.officer_agencies | scopes.unit_head_agencies
    if not units:
        return ReviewRound.objects.none()
    from thidua.organizations.models import Agency  # noqa: PLC0415 (selectors of another app)

    above = set()
    for unit_id in scopes.unit_head_agencies:
        above.update(
            Agency.objects.ancestors(unit_id, include_self=True).values_list(
                "id", flat=True
            )
        )
    return ReviewRound.objects.filter(
        Q(agency_id__in=scopes.officer_agencies) | Q(agency_id__in=above)
    )


def access_round(user, pk) -> ReviewRound:
    try:
        return rounds_for_user(user).select_related("agency").get(pk=pk)
    except (ReviewRound.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def nominations_for_user(user) -> QuerySet[Nomination]:
    scopes = scopes_for(user)
    base = Nomination.objects.select_related(
        "round", "round__agency", "proposing_unit", "person", "agency"
    )
    if scopes.is_admin:
        return base
    return base.filter(
        Q(round__agency_id__in=scopes.officer_agencies)
        | Q(proposing_unit_id__in=scopes.officer_agencies | scopes.unit_head_agencies)
    )


def access_nomination(user, pk) -> Nomination:
    try:
        return nominations_for_user(user).get(pk=pk)
    except (Nomination.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
