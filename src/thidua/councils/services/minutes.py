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
]

MINUTES_KIND = "council_minutes"
TALLY_KIND = "council_tally"


def issue_minutes(meeting: Meeting, *, actor=None) -> IssuedDocument:
    """Once the meeting is closed: take the council's next two BB numbers (the minutes,
    then the tally), link both to the meeting and queue their files."""
    if meeting.state != MeetingState.CLOSED:
        raise ValidationError(_("Chỉ lập biên bản sau khi bế mạc phiên họp."))
    _seated, chair, _secretary = officers(meeting)
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if locked.minutes_document_id:
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
        locked.minutes_document = document
        locked.tally_document = tally
        locked.save(update_fields=["minutes_document", "tally_document"])
        log_action(
            locked,
            "councils.minutes",
            actor=actor,
            agency_id=locked.council.agency_id,
            data={
                "symbol": document.symbol,
                "tally": tally.symbol,
                "minutes_document": document.pk,
                "tally_document": tally.pk,
            },
        )

        enqueue_on_commit(task_render_document, document.pk)
        enqueue_on_commit(task_render_document, tally.pk)
    meeting.minutes_document, meeting.tally_document = document, tally
    return document
