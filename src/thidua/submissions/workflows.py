"""Where one nominee of a tờ trình stands at the receiving agency, as data
(thidua.common.workflow).

The receiving office returns it (with a reason), records the higher level's decision on
it (awarded, or not with a reason), or forwards it further up with its own tờ trình.
What happens above flows down the chain: a forwarded item takes the outcome of the item
that forwarded it, or is pending again when the level above returns it. Those moves
happen only through the services that walk the chain, never as a button."""

from django.utils.translation import gettext_lazy as _

from thidua.common.workflow import Transition, Workflow
from thidua.documents.services.approval import tell_approvers, tell_clerks

from .enums import ItemOutcome as O
from .enums import SubmissionState as T
from .models import Submission, SubmissionItem

__all__ = ["FROM_ABOVE", "FORWARDING", "ITEM", "SUBMISSION"]

DRAFT = "submissions.draft_submission"
APPROVE = "submissions.approve_submission"
ISSUE = "submissions.issue_submission"

# The tờ trình itself, as the decision (decisions/workflows.py): drafted by the TĐKT
# office → before the head (or whoever signs for him) → approved, or returned with the
# reason → numbered and sent by the clerk (services.submission.issue_submission, which
# sends the nominations up or forwards the items).
SUBMISSION = Workflow(
    model=Submission,
    action="submissions.transition",
    noun=_("tờ trình"),
    agency_of=lambda submission: submission.from_agency_id,
    on_enter={T.AWAITING: tell_approvers, T.APPROVED: tell_clerks},
    refused_message={
        T.APPROVED: _("Chỉ tờ trình đang chờ thủ trưởng duyệt mới được duyệt."),
        T.RETURNED: _("Chỉ tờ trình đang chờ thủ trưởng duyệt mới được trả lại."),
        T.ISSUED: _(
            "Tờ trình chưa được thủ trưởng duyệt (hoặc đã trình cấp trên): chỉ tờ trình "
            "đã duyệt, chưa lấy số mới được lấy số và trình cấp trên."
        ),
    },
    transitions=[
        Transition(
            T.DRAFT,
            T.AWAITING,
            DRAFT,
            _("Trình thủ trưởng duyệt"),
            action="submissions.ask_approval",
        ),
        Transition(
            T.RETURNED,
            T.AWAITING,
            DRAFT,
            _("Trình lại"),
            action="submissions.ask_approval",
        ),
        Transition(
            T.AWAITING, T.APPROVED, APPROVE, _("Duyệt"), action="submissions.approve"
        ),
        Transition(
            T.AWAITING,
            T.RETURNED,
            APPROVE,
            _("Trả lại"),
            needs_reason=True,
            action="submissions.send_back",
        ),
        Transition(
            T.APPROVED,
            T.ISSUED,
            ISSUE,
            _("Lấy số và trình cấp trên"),
            asks_for="issued_on",
            confirm=_(
                "Lấy số và trình cấp trên tờ trình «%(object)s»: lấy số tiếp theo "
                "của sổ văn bản, gửi lên cấp trên, không thể hoàn tác."
            ),
            done=_("Đã lấy số %(symbol)s ngày %(date)s và trình cấp trên."),
            action="submissions.issue",
        ),
    ],
)

PROCESS = "submissions.process_item"
FORWARDING = "tờ trình trình tiếp"
FROM_ABOVE = "kết quả của cấp trên"

ITEM = Workflow(
    model=SubmissionItem,
    action="submissions.outcome",
    state_field="outcome",
    noun=_("hồ sơ trình"),
    agency_of=lambda item: item.submission.to_agency_id,
    audit_object=lambda item: item.submission,
    reason_message=_("Phải ghi rõ lý do."),
    stale_message=_("Hồ sơ đã được người khác cập nhật."),
    refused_message=_("Hồ sơ không còn chờ xử lý."),
    transitions=[
        Transition(
            O.PENDING,
            O.RETURNED,
            PROCESS,
            _("Trả lại"),
            needs_reason=True,
            action="submissions.return",
        ),
        Transition(
            O.PENDING,
            O.AWARDED,
            PROCESS,
            _("Ghi quyết định khen thưởng"),
            confirm=_(
                "Ghi quyết định khen thưởng cho hồ sơ «%(object)s»: không thể hoàn tác."
            ),
        ),
        Transition(
            O.PENDING,
            O.NOT_AWARDED,
            PROCESS,
            _("Ghi kết quả không khen thưởng"),
            needs_reason=True,
            confirm=_(
                "Ghi kết quả không khen thưởng cho hồ sơ «%(object)s»: "
                "không thể hoàn tác."
            ),
        ),
        Transition(
            O.PENDING,
            O.FORWARDED,
            PROCESS,
            _("Trình tiếp cấp trên"),
            action="submissions.forward_item",
            only_through=FORWARDING,
        ),
        Transition(
            O.FORWARDED,
            O.AWARDED,
            PROCESS,
            _("Ghi nhận cấp trên khen thưởng"),
            only_through=FROM_ABOVE,
        ),
        Transition(
            O.FORWARDED,
            O.NOT_AWARDED,
            PROCESS,
            _("Ghi nhận cấp trên không khen thưởng"),
            needs_reason=True,
            only_through=FROM_ABOVE,
        ),
        Transition(
            O.FORWARDED,
            O.PENDING,
            PROCESS,
            _("Ghi nhận cấp trên trả lại"),
            needs_reason=True,
            action="submissions.returned_from_above",
            only_through=FROM_ABOVE,
        ),
    ],
)
