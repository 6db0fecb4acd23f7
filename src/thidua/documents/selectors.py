"""Reads of the outgoing-document registry, scoped to the officer's agencies."""

from django.db.models import Q, QuerySet
from django.http import Http404

from thidua.accounts.enums import Role
from thidua.organizations.access import scopes_for
from thidua.organizations.models import Agency

from .models import IssuedDocument

__all__ = ["access_issued_document", "issued_documents_for_user"]


def issued_documents_for_user(user) -> QuerySet[IssuedDocument]:
    """Admins see every register; officers the registers of their agencies and of the
    councils of those agencies."""
    scopes = scopes_for(user)
    base = IssuedDocument.objects.select_related(
        "series", "series__agency", "series__council"
    )
    if scopes.is_admin:
        return base
    agencies = scopes.officer_agencies
    return base.filter(
        Q(series__agency_id__in=agencies) | Q(series__council__agency_id__in=agencies)
    )


def access_issued_document(user, pk) -> IssuedDocument:
    try:
        return issued_documents_for_user(user).get(pk=pk)
    except (IssuedDocument.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def signing_admin_agencies(user):
    """The agencies whose signing credentials the user manages: an admin role without
    an agency (or a superuser) reaches all, one with an agency its subtree."""

    if not (user and user.is_authenticated and user.is_active):
        return Agency.objects.none()
    roots = list(user.roles.filter(role=Role.ADMIN).values_list("agency_id", flat=True))
    agencies = Agency.objects.exclude(level="phong_don_vi").order_by("name")
    if user.is_superuser or None in roots:
        return agencies
    ids: set[int] = set()
    for root in roots:
        ids.update(
            Agency.objects.descendants(root, include_self=True).values_list(
                "id", flat=True
            )
        )
    return agencies.filter(pk__in=ids)
