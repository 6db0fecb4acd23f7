"""Permission names of a decision's steps (decisions/workflows.py): the TĐKT office of
the agency whose round it is drafts it and submits it; the agency's head, or a deputy
he authorised (KT.), approves or returns it; the agency's clerk (văn thư) then takes
the number and issues it. The office annuls a registered one."""

import rules

from thidua.organizations.access import is_admin, scopes_for

__all__ = [
    "is_decision_clerk",
    "is_decision_deputy",
    "is_decision_head",
    "is_decision_office",
]


def _agency_in(attribute: str):
    def check(user, decision) -> bool:
        return decision is not None and decision.round.agency_id in getattr(
            scopes_for(user), attribute
        )

    return check


is_decision_office = rules.predicate(
    _agency_in("officer_agencies"), name="is_decision_office"
)
is_decision_head = rules.predicate(_agency_in("head_agencies"), name="is_decision_head")
is_decision_deputy = rules.predicate(
    _agency_in("deputy_agencies"), name="is_decision_deputy"
)
is_decision_clerk = rules.predicate(
    _agency_in("clerk_agencies"), name="is_decision_clerk"
)

rules.add_perm("decisions.draft_decision", is_admin | is_decision_office)
# The head decides: no administrator approves in his name.
rules.add_perm(
    "decisions.approve_decision", rules.predicate(_agency_in("approver_agencies"))
)
rules.add_perm("decisions.issue_decision", is_admin | is_decision_clerk)
rules.add_perm("decisions.annul_decision", is_admin | is_decision_office)
