"""Reads of the award register, scoped like the people and units it concerns: whoever
may see the person (or the collective) may see its awards."""

from django.db.models import Q, QuerySet
from django.http import Http404

from thidua.organizations.access import scopes_for
from thidua.organizations.selectors import person_condition

from .models import Award

__all__ = ["access_award", "awards_for_user", "award_by_verification_code"]


def awards_for_user(user) -> QuerySet[Award]:
    """The award register as the caller may read it in bulk: awards of the people
    they see, and collective awards of the agencies they manage (as the agency page
    lists them: its TĐKT office only)."""
    scopes = scopes_for(user)
    if scopes.is_admin:
        return Award.objects.all()
    # A join on the person's columns, not "person IN (subquery)": the database can then
    # walk the register in list order and stop at the page (bench/api_awards.py).
    condition = person_condition(user, prefix="person__")
    if scopes.officer_agencies:
        condition |= Q(agency_id__in=scopes.officer_agencies)
    return Award.objects.filter(condition)


def access_award(user, pk) -> Award:
    try:
        return awards_for_user(user).select_related("person__unit", "agency").get(pk=pk)
    except (Award.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def award_by_verification_code(code: str) -> Award | None:
    """The award a certificate's QR code names, for the public verification page (no
    login: the code itself is the unguessable key)."""
    return (
        Award.objects.select_related("person", "agency")
        .filter(verification_code=code)
        .first()
    )
