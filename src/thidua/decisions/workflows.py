"""The decision's state machine, as data (thidua.common.workflow).

Drafted by the TĐKT office → awaiting the head (or the deputy who signs for him, KT.)
→ approved, or returned to the office with the reason (and submitted again) → issued
by the clerk, who takes the number and the date. Each step is made by its service
(services/decision.py), which fills what the step records (the approver and the
signer block, the reason, the number).

Issued (numbered, files being made) → registered, when its files exist: the awards are
written in the transaction that marks the document ready (documents/kinds.py), so the
move is made only through that step, never by a button. Registered → annulled, only
through the annulment of the whole decision, which revokes every award it wrote."""

from django.utils.translation import gettext_lazy as _

from thidua.common.workflow import Transition, Workflow
from thidua.documents.services.approval import tell_approvers, tell_clerks

from .enums import DecisionState as D
from .models import Decision

__all__ = [
    "APPROVE",
    "DECISION",
    "DRAFT",
    "ISSUE",
    "THROUGH_ANNULMENT",
    "THROUGH_FILES",
]

DRAFT = "decisions.draft_decision"
APPROVE = "decisions.approve_decision"
ISSUE = "decisions.issue_decision"
ANNUL = "decisions.annul_decision"
THROUGH_FILES = "tạo tệp quyết định"
THROUGH_ANNULMENT = "hủy bỏ quyết định"

DECISION = Workflow(
    model=Decision,
    action="decisions.transition",
    noun=_("quyết định"),
    agency_of=lambda decision: decision.round.agency_id,
    on_enter={D.AWAITING: tell_approvers, D.APPROVED: tell_clerks},
    # As the tờ trình and the launch document (submissions, movements workflows.py).
    refused_message={
        D.ISSUED: _(
            "Quyết định chưa được thủ trưởng duyệt (hoặc đã ban hành): chỉ quyết định "
            "đã duyệt, chưa lấy số mới được lấy số và ban hành."
        ),
    },
    transitions=[
        Transition(
            D.DRAFT,
            D.AWAITING,
            DRAFT,
            _("Trình thủ trưởng duyệt"),
            action="decisions.submit",
        ),
        Transition(
            D.RETURNED,
            D.AWAITING,
            DRAFT,
            _("Trình lại"),
            action="decisions.submit",
        ),
        Transition(
            D.AWAITING, D.APPROVED, APPROVE, _("Duyệt"), action="decisions.approve"
        ),
        Transition(
            D.AWAITING,
            D.RETURNED,
            APPROVE,
            _("Trả lại"),
            needs_reason=True,
            action="decisions.return",
        ),
        Transition(
            D.APPROVED,
            D.ISSUED,
            ISSUE,
            _("Lấy số và ban hành"),
            asks_for="issued_on",
            action="decisions.issue",
            confirm=_(
                "Ban hành «%(object)s»: lấy số tiếp theo của sổ quyết định, "
                "không thể hoàn tác."
            ),
            done=_("Đã ban hành số %(symbol)s ngày %(date)s."),
        ),
        Transition(
            D.ISSUED,
            D.REGISTERED,
            ISSUE,
            _("Ghi sổ khen thưởng"),
            action="decisions.register",
            only_through=THROUGH_FILES,
        ),
        Transition(
            D.REGISTERED,
            D.ANNULLED,
            ANNUL,
            _("Hủy bỏ quyết định"),
            needs_reason=True,
            action="decisions.annul",
            only_through=THROUGH_ANNULMENT,
        ),
    ],
)
