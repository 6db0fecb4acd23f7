"""What a closed ballot box does to the dossiers it was about."""

from django.db import transaction

from thidua.nominations.enums import NominationState
from thidua.nominations.models import Nomination
from thidua.nominations.services.nomination import transition_nomination
from thidua.nominations.workflows import THROUGH_COUNCIL

from ..models import BallotBox, BallotResult
from ._common import audit_actor
from .count import close_box

__all__ = ["close_box_and_record"]


def close_box_and_record(box: BallotBox, code: str, *, actor) -> list[BallotResult]:
    """Close the box and, in the same transaction, move each nomination it was about
    from "trình Hội đồng" to "Hội đồng đã xét" — so no dossier says the council has
    decided while its tally is missing, nor the other way round."""
    with transaction.atomic():
        results = close_box(box, code, actor=actor)
        # The dossiers as they are now, not as the caller last saw them.
        nominations = Nomination.objects.filter(
            agenda_items__ballot__box=box, state=NominationState.TO_COUNCIL
        ).distinct()
        for nomination in nominations:
            transition_nomination(
                nomination,
                NominationState.COUNCIL_DONE,
                actor=audit_actor(actor),
                through=THROUGH_COUNCIL,
            )
    return results
