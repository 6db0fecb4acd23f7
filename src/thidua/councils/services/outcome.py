"""What a closed ballot does to the dossier it was about."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.nominations.enums import NominationState
from thidua.nominations.models import Nomination
from thidua.nominations.services.nomination import transition_nomination
from thidua.nominations.workflows import THROUGH_COUNCIL

from ..models import AgendaItem, Ballot, BallotResult
from ._common import audit_actor
from .ballot import MSG_NOT_OPENED, close_ballot

__all__ = ["close_ballot_and_record"]


def close_ballot_and_record(item: AgendaItem, *, actor) -> BallotResult:
    """Close the item's ballot and, in the same transaction, move the nomination it was
    about from "trình Hội đồng" to "Hội đồng đã xét" — so the dossier never says the
    council has decided while the tally is missing, nor the other way round."""
    ballot = Ballot.objects.filter(agenda_item=item).first()
    if ballot is None:
        raise ValidationError(_(MSG_NOT_OPENED))
    with transaction.atomic():
        result = close_ballot(ballot, actor=actor)
        # The dossier as it is now, not as the caller's item last saw it.
        nomination = Nomination.objects.filter(
            pk=item.nomination_id, state=NominationState.TO_COUNCIL
        ).first()
        if nomination is not None:
            transition_nomination(
                nomination,
                NominationState.COUNCIL_DONE,
                actor=audit_actor(actor),
                through=THROUGH_COUNCIL,
            )
    return result
