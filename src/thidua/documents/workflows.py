"""An issued document's files, as a state machine (thidua.common.workflow): being made →
ready (frozen from then on, a database trigger holds it) or failed with the reason;
failed → being made again when an officer asks ("Tạo lại tệp"). Making the files is
the render job's step, never a button: only the rerun is offered."""

from django.utils.translation import gettext_lazy as _

from thidua.common.workflow import Transition, Workflow

from .models import DraftDocument, IssuedDocument
from .models.drafts import DraftState as D
from .models.registry import DocumentStatus as S

__all__ = ["DOCUMENT", "DRAFT", "RENDER_JOB"]

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
        Transition(
            S.RENDERING, S.READY, JOB, _("Hoàn tất tạo tệp"), only_through=RENDER_JOB
        ),
        Transition(
            S.RENDERING,
            S.FAILED,
            JOB,
            _("Ghi nhận lỗi tạo tệp"),
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


def _ready_for_head(draft) -> list[str]:
    """What the text still lacks before the head sees it (services.draft_issue)."""
    from .services.draft_issue import problems_before_head  # noqa: PLC0415 (services import this)

    found = problems_before_head(draft)
    return (
        [_("Chưa đủ thành phần để trình duyệt:"), *[f"– {p}" for p in found]]
        if found
        else []
    )


CHANGE_DRAFT = "documents.change_draft"
APPROVE_DRAFT = "documents.approve_draft"

# A document written in thidua, as a movement's launch document (movements/
# workflows.py): the office puts it before the head (every element present but the
# number, the date and the signer), the head — or whoever signs for him — approves
# it (his signer block recorded) or returns it with the reason, the clerk numbers and
# issues it; it is frozen from then on.
DRAFT = Workflow(
    model=DraftDocument,
    action="documents.draft_transition",
    noun=_("văn bản"),
    agency_of=lambda draft: draft.agency_id,
    stale_message=_("Văn bản đã được người khác cập nhật. Hãy tải lại trang."),
    refused_message={
        D.APPROVED: _("Chỉ văn bản đang chờ thủ trưởng duyệt mới được duyệt."),
        D.RETURNED: _("Chỉ văn bản đang chờ thủ trưởng duyệt mới được trả lại."),
        D.ISSUED: _(
            "Văn bản chưa được thủ trưởng duyệt (hoặc đã ban hành): chỉ văn bản đã "
            "duyệt, chưa lấy số mới được lấy số và ban hành."
        ),
    },
    transitions=[
        Transition(
            D.DRAFT,
            D.AWAITING,
            CHANGE_DRAFT,
            _("Trình thủ trưởng duyệt"),
            guards=(_ready_for_head,),
            action="documents.draft_submit",
        ),
        Transition(
            D.RETURNED,
            D.AWAITING,
            CHANGE_DRAFT,
            _("Trình lại"),
            guards=(_ready_for_head,),
            action="documents.draft_submit",
        ),
        Transition(
            D.AWAITING,
            D.APPROVED,
            APPROVE_DRAFT,
            _("Duyệt"),
            action="documents.draft_approve",
        ),
        Transition(
            D.AWAITING,
            D.RETURNED,
            APPROVE_DRAFT,
            _("Trả lại"),
            needs_reason=True,
            action="documents.draft_return",
        ),
        Transition(
            D.APPROVED,
            D.ISSUED,
            "documents.issue_draft",
            _("Lấy số và ban hành"),
            asks_for="issued_on",
            action="documents.draft_issue",
            confirm=_(
                "Ban hành văn bản «%(object)s»: lấy số tiếp theo của sổ văn bản, "
                "không thể hoàn tác."
            ),
            done=_("Đã ban hành số %(symbol)s ngày %(date)s."),
        ),
    ],
)
