"""Permission names of a decision's moves (decisions/workflows.py): the TĐKT office of
the agency whose round it is issues it (for the head, who signs) and annuls it."""

import rules

from thidua.organizations.access import is_admin, scopes_for

__all__ = ["is_decision_office"]


@rules.predicate
def is_decision_office(user, decision) -> bool:
    return (
        decision is not None
        and decision.round.agency_id in scopes_for(user).officer_agencies
    )


rules.add_perm("decisions.issue_decision", is_admin | is_decision_office)
rules.add_perm("decisions.annul_decision", is_admin | is_decision_office)
