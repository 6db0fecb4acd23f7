"""The files a unit uploads once per round for all its dossiers (the biên bản bình
xét), and a dossier's files with them: what the tờ trình lists and its package
carries."""

from django.db.models import QuerySet
from django.http import Http404

from ..models import Nomination, UnitAttachment
from ..rules import proposes_for
from . import access_round, active_attachments, nominations_for_user

__all__ = ["access_unit_file", "dossier_file", "dossier_files", "unit_files"]


def unit_files(round_id: int, agency_id: int) -> QuerySet[UnitAttachment]:
    return UnitAttachment.objects.filter(round_id=round_id, agency_id=agency_id)


def dossier_files(nomination: Nomination) -> list:
    """The dossier's own files as it stands, then its unit's files for the round."""
    return [
        *active_attachments(nomination),
        *unit_files(nomination.round_id, nomination.proposing_unit_id),
    ]


def dossier_file(nomination: Nomination, sha256: str):
    """The file of the dossier (its own, withdrawn ones too, or its unit's) with that
    digest, or None."""
    return (
        nomination.attachments.filter(sha256=sha256).first()
        or unit_files(nomination.round_id, nomination.proposing_unit_id)
        .filter(sha256=sha256)
        .first()
    )


def access_unit_file(user, round_pk, pk) -> UnitAttachment:
    """A unit's file for those who propose for the unit and those who see one of its
    dossiers in the round; to anyone else, as to a missing one: 404."""
    round_ = access_round(user, round_pk)
    try:
        found = round_.unit_files.select_related("agency").get(pk=pk)
    except (UnitAttachment.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if proposes_for(user, found.agency):
        return found
    sees = nominations_for_user(user).filter(round=round_, proposing_unit=found.agency)
    if not sees.exists():
        raise Http404
    return found
