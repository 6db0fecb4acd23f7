"""The decision's state machine, as data (thidua.common.workflow).

Issued (numbered, files being made) → registered, when its files exist: the awards are
written in the transaction that marks the document ready (documents/kinds.py), so the
move is made only through that step, never by a button. Registered → annulled, only
through the annulment of the whole decision, which revokes every award it wrote."""

from django.utils.translation import gettext_lazy as _

from thidua.common.workflow import Transition, Workflow

from .enums import DecisionState as D
from .models import Decision

__all__ = ["DECISION", "THROUGH_ANNULMENT", "THROUGH_FILES"]

ISSUE = "decisions.issue_decision"
ANNUL = "decisions.annul_decision"
THROUGH_FILES = "tạo tệp quyết định"
THROUGH_ANNULMENT = "hủy bỏ quyết định"

DECISION = Workflow(
    model=Decision,
    action="decisions.transition",
    noun=_("quyết định"),
    agency_of=lambda decision: decision.round.agency_id,
    reason_message=_("Phải ghi lý do hủy bỏ."),
    transitions=[
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
