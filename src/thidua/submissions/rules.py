"""Permission names of the tờ trình: the TĐKT office of the sending agency drafts one
and puts it before the head; the head, or whoever signs for him (KT., Q., TUQ., TL.),
approves or returns it; the sending agency's clerk numbers and sends it. The TĐKT
office of the receiving agency — or, for a higher officer, of an agency below — works
the items of its inbox."""

import rules

from thidua.organizations.access import is_admin, scopes_for

__all__ = [
    "approves_submission",
    "drafts_submission",
    "is_receiving_office",
    "issues_submission",
    "receives_item",
]


def is_receiving_office(user, submission) -> bool:
    scopes = scopes_for(user)
    return scopes.is_admin or submission.to_agency_id in (
        scopes.officer_agencies | scopes.higher_officer_agencies
    )


@rules.predicate
def receives_item(user, item) -> bool:
    return (
        item is not None
        and item.submission.is_sent
        and is_receiving_office(user, item.submission)
    )


def _sender_in(*attributes):
    def check(user, submission) -> bool:
        scopes = scopes_for(user)
        return submission is not None and any(
            submission.from_agency_id in getattr(scopes, name) for name in attributes
        )

    return check


drafts_submission = rules.predicate(
    _sender_in("officer_agencies", "higher_officer_agencies"), name="drafts_submission"
)
approves_submission = rules.predicate(
    _sender_in("approver_agencies"), name="approves_submission"
)
issues_submission = rules.predicate(
    _sender_in("clerk_agencies"), name="issues_submission"
)

rules.add_perm("submissions.process_item", is_admin | receives_item)
rules.add_perm("submissions.draft_submission", is_admin | drafts_submission)
# The head decides: no administrator approves in his name.
rules.add_perm("submissions.approve_submission", approves_submission)
rules.add_perm("submissions.issue_submission", is_admin | issues_submission)
