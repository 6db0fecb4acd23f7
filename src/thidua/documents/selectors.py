"""Reads of the outgoing-document registry, scoped to the officer's agencies."""

from django.db.models import Q, QuerySet
from django.http import Http404

from thidua.accounts.scopes import scopes_for

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
