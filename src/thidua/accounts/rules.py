"""Permission predicates for accounts."""

import rules

from .scopes import scopes_for

__all__ = ["is_admin"]


@rules.predicate
def is_admin(user) -> bool:
    return scopes_for(user).is_admin


rules.add_perm("accounts.manage_accounts", is_admin)
