"""Permission predicates for movements: officers of the launching agency run them."""

import rules

from thidua.organizations.access import is_admin, scopes_for

__all__ = ["can_manage_movement"]


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


rules.add_perm("movements.change_movement", is_admin | can_manage_movement)
rules.add_perm("movements.issue_movement", is_admin | can_manage_movement)
rules.add_perm("movements.add_movement", is_admin | can_launch)
