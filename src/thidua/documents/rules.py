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


# --- Documents written in thidua (models/drafts.py, workflows.DRAFT) -----------------
# The TĐKT office of the owning agency (officer roles reach their subtree) writes,
# submits and attaches; the agency's head, or whoever signs for him, approves or
# returns; its clerk numbers and issues. They see the agency's drafts; no one else
# knows they exist (selectors.drafts_for_user, hidden = 404).


def _draft_agency(draft) -> int | None:
    return getattr(draft, "agency_id", None)


@rules.predicate
def writes_drafts(user, draft_or_agency) -> bool:
    """An officer over the agency that owns the draft (or the agency itself)."""
    if draft_or_agency is None:
        return False
    agency_id = _draft_agency(draft_or_agency) or draft_or_agency.pk
    return agency_id in scopes_for(user).officer_agencies


@rules.predicate
def approves_draft(user, draft) -> bool:
    """The owning agency's head, or whoever signs for him (KT., Q., TUQ., TL.)."""
    return draft is not None and draft.agency_id in scopes_for(user).approver_agencies


@rules.predicate
def issues_draft(user, draft) -> bool:
    """The owning agency's clerk numbers and issues the approved text."""
    return draft is not None and draft.agency_id in scopes_for(user).clerk_agencies


rules.add_perm("documents.add_draft", is_admin | writes_drafts)
rules.add_perm("documents.change_draft", is_admin | writes_drafts)
rules.add_perm(
    "documents.view_draft", is_admin | writes_drafts | approves_draft | issues_draft
)
# The head decides: no administrator approves in his name.
rules.add_perm("documents.approve_draft", approves_draft)
rules.add_perm("documents.issue_draft", is_admin | issues_draft)


@rules.predicate
def has_draft_role(user) -> bool:
    """Writes, approves or issues the documents of some agency."""
    scopes = scopes_for(user)
    return bool(
        scopes.officer_agencies or scopes.approver_agencies or scopes.clerk_agencies
    )


# The list of documents written in thidua (each one still checked by view_draft).
rules.add_perm("documents.view_drafts", is_admin | has_draft_role)
