"""Permission names of a nomination's moves (nominations/workflows.py): the proposing
unit proposes, the TĐKT office of the round's agency processes, the council's
secretary (or the office) records the council's result."""

import rules

from thidua.organizations.access import is_admin, scopes_for

__all__ = ["is_proposing_unit", "is_round_office", "is_round_secretary", "proposes_for"]


def proposes_for(user, unit) -> bool:
    """The unit's heads and the TĐKT officers over it propose its people and itself."""
    scopes = scopes_for(user)
    return scopes.is_admin or unit.pk in (
        scopes.unit_head_agencies | scopes.officer_agencies
    )


@rules.predicate
def is_proposing_unit(user, nomination) -> bool:
    return nomination is not None and proposes_for(user, nomination.proposing_unit)


@rules.predicate
def is_round_office(user, nomination) -> bool:
    return (
        nomination is not None
        and nomination.round.agency_id in scopes_for(user).officer_agencies
    )


@rules.predicate
def is_round_secretary(user, nomination) -> bool:
    if nomination is None:
        return False
    secretary_of = scopes_for(user).secretary_council_ids
    return (
        bool(secretary_of)
        and nomination.round.agency.councils.filter(pk__in=secretary_of).exists()
    )


rules.add_perm("nominations.propose_nomination", is_admin | is_proposing_unit)
rules.add_perm("nominations.process_nomination", is_admin | is_round_office)
rules.add_perm(
    "nominations.record_council_result",
    is_admin | is_round_office | is_round_secretary,
)
