"""Biên bản họp Hội đồng and biên bản kiểm phiếu: numbered in the council's own series
(BB) once the meeting is closed, rendered through the NĐ 30 pipeline (specs in
:mod:`thidua.councils.rendering`)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.common.jobs import enqueue_on_commit
from thidua.common.services.audit import log_action
from thidua.documents.models import IssuedDocument
from thidua.documents.services.numbering import issue_document
from thidua.documents.tasks import task_render_document

from ..enums import MeetingState
from ..models import Meeting
from ..selectors import officers

__all__ = [
    "MINUTES_KIND",
    "TALLY_KIND",
    "issue_minutes",
    "minutes_document",
    "tally_document",
]

MINUTES_KIND = "council_minutes"
TALLY_KIND = "council_tally"


def minutes_document(meeting: Meeting) -> IssuedDocument | None:
    return IssuedDocument.objects.filter(
        source_kind=MINUTES_KIND, source_id=meeting.pk
    ).first()


def tally_document(meeting: Meeting) -> IssuedDocument | None:
    return IssuedDocument.objects.filter(
        source_kind=TALLY_KIND, source_id=meeting.pk
    ).first()


def issue_minutes(meeting: Meeting, *, actor=None) -> IssuedDocument:
    """Once the meeting is closed: take the council's next BB number and queue the files."""
    if meeting.state != MeetingState.CLOSED:
        raise ValidationError(_("Chỉ lập biên bản sau khi bế mạc phiên họp."))
    _seated, chair, _secretary = officers(meeting)
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if minutes_document(locked):
            raise ValidationError(_("Phiên họp đã có biên bản."))
        document = issue_document(
            type_code="BB",
            council=locked.council,
            issued_on=timezone.localtime(locked.closed_at).date(),
            summary=_("Họp Hội đồng: %(t)s") % {"t": locked.title},
            signer_title=_("Chủ tọa"),
            signer_name=chair.person.full_name if chair else "",
            source_kind=MINUTES_KIND,
            source_id=locked.pk,
            actor=actor,
        )
        # The count of the ballots gets its own biên bản, next number of the series.
        tally = issue_document(
            type_code="BB",
            council=locked.council,
            issued_on=timezone.localtime(locked.closed_at).date(),
            summary=_("Kiểm phiếu: %(t)s") % {"t": locked.title},
            signer_title=_("Chủ tọa"),
            signer_name=chair.person.full_name if chair else "",
            source_kind=TALLY_KIND,
            source_id=locked.pk,
            actor=actor,
        )
        log_action(
            locked,
            "councils.minutes",
            actor=actor,
            agency_id=locked.council.agency_id,
            data={"symbol": document.symbol, "tally": tally.symbol},
        )

        enqueue_on_commit(task_render_document, document.pk)
        enqueue_on_commit(task_render_document, tally.pk)
    return document
