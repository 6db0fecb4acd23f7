"""Permission names of a tờ trình item's moves (submissions/workflows.py): the TĐKT
office of the receiving agency — or, for a higher officer, of an agency below — works
the items of its inbox."""

import rules

from thidua.organizations.access import is_admin, scopes_for

__all__ = ["is_receiving_office", "receives_item"]


def is_receiving_office(user, submission) -> bool:
    scopes = scopes_for(user)
    return scopes.is_admin or submission.to_agency_id in (
        scopes.officer_agencies | scopes.higher_officer_agencies
    )


@rules.predicate
def receives_item(user, item) -> bool:
    return item is not None and is_receiving_office(user, item.submission)


rules.add_perm("submissions.process_item", is_admin | receives_item)
