"""Permission predicates for movements: officers of the launching agency run them."""

import rules

from thidua.organizations.access import is_admin, scopes_for

__all__ = ["can_manage_movement", "fills_registration"]


@rules.predicate
def can_manage_movement(user, movement) -> bool:
    if movement is None:
        return False
    return movement.launcher_id in scopes_for(user).officer_agencies


@rules.predicate
def can_launch(user, agency) -> bool:
    if agency is None:
        return False
    return agency.pk in scopes_for(user).officer_agencies


@rules.predicate
def fills_registration(user, registration_or_agency) -> bool:
    """The unit's heads and the TĐKT officers over it fill in its registration."""
    if registration_or_agency is None:
        return False
    agency_id = (
        getattr(registration_or_agency, "agency_id", None) or registration_or_agency.pk
    )
    scopes = scopes_for(user)
    return (
        agency_id in scopes.unit_head_agencies or agency_id in scopes.officer_agencies
    )


@rules.predicate
def decides_registration(user, registration) -> bool:
    """The officers of the launching agency approve or return a registration."""
    return registration is not None and can_manage_movement(user, registration.movement)


rules.add_perm("movements.change_movement", is_admin | can_manage_movement)
rules.add_perm("movements.submit_registration", is_admin | fills_registration)
rules.add_perm("movements.decide_registration", is_admin | decides_registration)


@rules.predicate
def approves_movement(user, movement) -> bool:
    """The launching agency's head, or whoever signs for him (KT., Q., TUQ., TL.)."""
    return (
        movement is not None
        and movement.launcher_id in scopes_for(user).approver_agencies
    )


@rules.predicate
def issues_movement(user, movement) -> bool:
    """The launching agency's clerk numbers and issues the approved document."""
    return (
        movement is not None and movement.launcher_id in scopes_for(user).clerk_agencies
    )


# The head decides: no administrator approves in his name.
rules.add_perm("movements.approve_movement", approves_movement)
rules.add_perm("movements.issue_movement", is_admin | issues_movement)
rules.add_perm("movements.add_movement", is_admin | can_launch)
