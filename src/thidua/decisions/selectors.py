"""Reads for decisions and the award register, scoped like the people and units they
concern: whoever may see the person (or the collective) may see its awards."""

from django.http import Http404

from thidua.organizations.selectors import access_agency, access_person

from .models import Award, Decision

__all__ = ["access_award", "access_decision"]


def access_award(user, pk) -> Award:
    award = Award.objects.select_related("person__unit", "agency").filter(pk=pk).first()
    if award is None:
        raise Http404
    if award.person_id:
        access_person(user, award.person_id)
    else:
        access_agency(user, award.agency_id)
    return award


def access_decision(user, pk) -> Decision:
    """Decisions are the issuing agency's business: its TĐKT office only."""
    decision = (
        Decision.objects.select_related("round__agency", "issued_document")
        .filter(pk=pk)
        .first()
    )
    if decision is None or not user.has_perm(
        "organizations.change_agency", decision.round.agency
    ):
        raise Http404
    return decision
