"""An issued document's files, as a state machine (thidua.common.workflow): being made →
ready (frozen from then on, a database trigger holds it) or failed with the reason;
failed → being made again when an officer asks ("Tạo lại tệp"). Making the files is
the render job's step, never a button: only the rerun is offered."""

from django.utils.translation import gettext_lazy as _

from thidua.common.workflow import Transition, Workflow

from .models import IssuedDocument
from .models.registry import DocumentStatus as S

__all__ = ["DOCUMENT", "RENDER_JOB"]

RENDER_JOB = "tạo tệp văn bản"
# No user holds it: the job's moves are made only through the job.
JOB = "documents.render_job"


def _agency(document) -> int:
    return document.series.agency_id or document.series.council.agency_id


DOCUMENT = Workflow(
    model=IssuedDocument,
    action="documents.render",
    state_field="status",
    noun=_("văn bản"),
    agency_of=_agency,
    # Only the rerun is ever asked for by a user (the job checks its own steps first).
    refused_message=_("Chỉ tạo lại tệp của văn bản đã tạo tệp lỗi."),
    transitions=[
        Transition(S.RENDERING, S.READY, JOB, _("Đã có tệp"), only_through=RENDER_JOB),
        Transition(
            S.RENDERING,
            S.FAILED,
            JOB,
            _("Tạo tệp lỗi"),
            needs_reason=True,
            action="documents.render_failed",
            only_through=RENDER_JOB,
        ),
        Transition(
            S.FAILED,
            S.RENDERING,
            "documents.rerender",
            _("Tạo lại tệp"),
            action="documents.rerender",
        ),
    ],
)
