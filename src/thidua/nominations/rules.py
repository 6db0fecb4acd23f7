"""Permission names of a nomination's moves (nominations/workflows.py): the proposing
unit proposes, the TĐKT office of the round's agency processes, the council's
secretary or chair (or the office) records the council's result; the law's settings
and the re-evaluation of open dossiers are the system administrator's."""

import rules
from django.db.models import Q
from django.utils import timezone

from thidua.organizations.access import is_admin, scopes_for
from thidua.organizations.enums import CouncilRole
from thidua.organizations.models import CouncilMember

__all__ = [
    "is_proposing_unit",
    "is_round_chair",
    "is_round_office",
    "is_round_secretary",
    "proposes_for",
]


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


@rules.predicate
def is_round_chair(user, nomination) -> bool:
    """The account's staff record chairs, today, a council of the round's agency (the
    seat's dates as councils.selectors.seated_members reads them): he signs the
    minutes, he may enter them."""
    person_id = scopes_for(user).person_id
    if nomination is None or not person_id:
        return False
    today = timezone.localdate()
    return CouncilMember.objects.filter(
        Q(end_date__isnull=True) | Q(end_date__gte=today),
        council__agency_id=nomination.round.agency_id,
        person_id=person_id,
        role=CouncilRole.CHAIR,
        start_date__lte=today,
    ).exists()


rules.add_perm("nominations.propose_nomination", is_admin | is_proposing_unit)
# The law as the engine applies it (regimes, settings, the agencies' own choices) and the
# re-evaluation of every open dossier: system administrators only. What a run changed is
# read by whoever sees the nomination (nominations.selectors.reevaluation).
rules.add_perm("nominations.view_law_settings", is_admin)
rules.add_perm("nominations.reevaluate_nominations", is_admin)
rules.add_perm("nominations.process_nomination", is_admin | is_round_office)
rules.add_perm(
    "nominations.record_council_result",
    is_admin | is_round_office | is_round_secretary | is_round_chair,
)


@rules.predicate
def is_evidence_office(user, evidence) -> bool:
    """The round's office confirms what a unit supplied with its dossier."""
    return evidence is not None and is_round_office(user, evidence.nomination)


rules.add_perm("nominations.confirm_evidence", is_admin | is_evidence_office)
