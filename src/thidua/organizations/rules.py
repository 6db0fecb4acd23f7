"""Permission predicates for the registry (django-rules), scoped to the agency tree."""

import rules

from .access import is_admin, scopes_for

__all__ = [
    "can_manage_agency",
    "can_manage_council",
    "can_manage_person",
    "is_admin",
    "is_officer",
]


@rules.predicate
def is_officer(user) -> bool:
    return bool(scopes_for(user).officer_agencies)


@rules.predicate
def can_manage_agency(user, agency) -> bool:
    """Officers manage every unit of their agency's subtree."""
    if agency is None:
        return False
    return agency.pk in scopes_for(user).officer_agencies


@rules.predicate
def can_manage_person(user, person) -> bool:
    if person is None:
        return False
    return person.unit_id in scopes_for(user).officer_agencies


@rules.predicate
def can_manage_council(user, council) -> bool:
    if council is None:
        return False
    scopes = scopes_for(user)
    return council.agency_id in scopes.officer_agencies or council.pk in (
        scopes.secretary_council_ids
    )


@rules.predicate
def can_manage_cluster(user, cluster) -> bool:
    """Clusters are run by the council of the organising agency (Art 16 cl.2c)."""
    if cluster is None:
        return False
    return cluster.organizer_id in scopes_for(user).officer_agencies


@rules.predicate
def can_view_audit(user) -> bool:
    scopes = scopes_for(user)
    return bool(scopes.officer_agencies)


rules.add_perm("organizations.change_person", is_admin | can_manage_person)
rules.add_perm("organizations.add_person", is_admin | can_manage_agency)
rules.add_perm("organizations.change_agency", is_admin | can_manage_agency)
rules.add_perm("organizations.import_staff", is_admin | can_manage_agency)
rules.add_perm("organizations.change_council", is_admin | can_manage_council)
rules.add_perm("organizations.change_cluster", is_admin | can_manage_cluster)
rules.add_perm("common.view_activitylog", is_admin | can_view_audit)

# Accounts are managed by system administrators only (the accounts app reads no tree).
rules.add_perm("accounts.manage_accounts", is_admin)

# The official calendar (public holidays, each year's nghỉ bù and làm bù) holds for
# every agency of the installation: its system administrators keep it.
rules.add_perm("common.manage_calendar", is_admin)
