"""Permission predicates for the registry: officers keep their agencies' registers."""

import rules

from thidua.organizations.access import is_admin, scopes_for


@rules.predicate
def is_officer(user) -> bool:
    return bool(scopes_for(user).officer_agencies)


rules.add_perm("documents.view_register", is_admin | is_officer)
# Render once more a document whose rendering failed (the view also checks its scope).
rules.add_perm("documents.rerender", is_admin | is_officer)
rules.add_perm("documents.change_layout", is_admin)
# The page itself is scoped to the agencies the admin role reaches.
rules.add_perm("documents.manage_signing", is_admin)
