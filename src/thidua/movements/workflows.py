"""The movement's state machine, as data (thidua.common.workflow).

nháp → chờ thủ trưởng duyệt (→ trả lại → chờ duyệt) → đã duyệt → đã ban hành (the
clerk's number) → đang thực hiện → (đã sơ kết →) đã tổng kết → kết thúc. Issuing
takes the number and delivers the document (services.movement.transition_movement's
effect); the sơ kết and tổng kết steps follow the report being issued, or are recorded
by hand for a report made outside thidua."""

from django.utils.translation import gettext_lazy as _

from thidua.common.workflow import Transition, Workflow
from thidua.documents.services.approval import tell_approvers, tell_clerks

from .enums import MovementState as S
from .enums import RegistrationState as R
from .models import Movement, Registration

__all__ = ["BY_PLAN", "MOVEMENT", "REGISTRATION"]

CHANGE = "movements.change_movement"
BY_PLAN = "launch_plan"
NOT_APPROVED = _(
    "Văn bản phát động chưa được thủ trưởng duyệt (hoặc đã ban hành): chỉ văn "
    "bản đã duyệt, chưa lấy số mới được lấy số và ban hành."
)


def missing(movement) -> list[str]:
    """What the launch document still lacks, before the head sees it."""
    from .services.checks import missing_elements  # noqa: PLC0415 (services import this)

    found = missing_elements(movement)
    return (
        [_("Chưa đủ thành phần để trình duyệt:"), *[f"– {m}" for m in found]]
        if found
        else []
    )


MOVEMENT = Workflow(
    model=Movement,
    action="movements.transition",
    noun=_("phong trào"),
    agency_of=lambda movement: movement.launcher_id,
    on_enter={S.AWAITING: tell_approvers, S.APPROVED: tell_clerks},
    # A launch document not approved is not numbered; only its issued plan
    # launches the movement from there.
    through_message=NOT_APPROVED,
    refused_message={
        S.APPROVED: _(
            "Chỉ văn bản phát động đang chờ thủ trưởng duyệt mới được duyệt."
        ),
        S.RETURNED: _(
            "Chỉ văn bản phát động đang chờ thủ trưởng duyệt mới được trả lại."
        ),
        S.ISSUED: NOT_APPROVED,
    },
    transitions=[
        # The launch document, as the decision (decisions/workflows.py): the office
        # puts it before the head (every required element present), the head — or
        # whoever signs for him — approves or returns it, the clerk numbers and
        # issues it.
        Transition(
            S.DRAFT,
            S.AWAITING,
            CHANGE,
            _("Trình thủ trưởng duyệt"),
            guards=(missing,),
            action="movements.submit",
        ),
        Transition(
            S.RETURNED,
            S.AWAITING,
            CHANGE,
            _("Trình lại"),
            guards=(missing,),
            action="movements.submit",
        ),
        Transition(
            S.AWAITING,
            S.APPROVED,
            "movements.approve_movement",
            _("Duyệt"),
            action="movements.approve",
        ),
        Transition(
            S.AWAITING,
            S.RETURNED,
            "movements.approve_movement",
            _("Trả lại"),
            needs_reason=True,
            action="movements.send_back",
        ),
        Transition(
            S.APPROVED,
            S.ISSUED,
            "movements.issue_movement",
            _("Lấy số và ban hành"),
            asks_for="issued_on",
            confirm=_(
                "Ban hành văn bản phát động «%(object)s»: lấy số tiếp theo của sổ "
                "văn bản, gửi đến các đơn vị, không thể hoàn tác."
            ),
            done=_("Đã ban hành số %(symbol)s ngày %(date)s."),
            action="movements.issue",
        ),
        # The launch plan written in the editor (documents' DRAFT), approved by the
        # head and issued by the clerk, launches the movement in the same step
        # (services.launch_plan.launch_with_plan): never a button of its own. From
        # "đã duyệt" it is the clerk's move above, made with the plan's number.
        *[
            Transition(
                source,
                S.ISSUED,
                "movements.issue_movement",
                _("Ban hành bằng kế hoạch đã soạn"),
                offered=False,
                action="movements.issue_by_plan",
                only_through=BY_PLAN,
            )
            for source in (S.DRAFT, S.RETURNED, S.AWAITING)
        ],
        Transition(S.ISSUED, S.RUNNING, CHANGE, _("Bắt đầu thực hiện")),
        Transition(S.RUNNING, S.INTERIM, CHANGE, _("Ghi nhận sơ kết")),
        Transition(S.RUNNING, S.FINAL, CHANGE, _("Ghi nhận tổng kết")),
        Transition(S.INTERIM, S.FINAL, CHANGE, _("Ghi nhận tổng kết")),
        Transition(
            S.FINAL,
            S.CLOSED,
            CHANGE,
            _("Kết thúc phong trào"),
            confirm=_("Kết thúc phong trào «%(object)s»: không thể hoàn tác."),
        ),
    ],
)

SUBMIT = "movements.submit_registration"
DECIDE = "movements.decide_registration"

# A unit's registration: drafted and sent by the unit, approved or returned (with the
# reason) by the launching office, sent again after a return. Sending checks the
# deadline and that something is registered (services.registration).
REGISTRATION = Workflow(
    model=Registration,
    action="registrations.transition",
    noun=_("bản đăng ký"),
    agency_of=lambda registration: registration.agency_id,
    transitions=[
        Transition(R.DRAFT, R.SUBMITTED, SUBMIT, _("Gửi đăng ký"), offered=False),
        Transition(R.RETURNED, R.SUBMITTED, SUBMIT, _("Gửi lại"), offered=False),
        Transition(R.SUBMITTED, R.APPROVED, DECIDE, _("Duyệt")),
        Transition(R.SUBMITTED, R.RETURNED, DECIDE, _("Trả lại"), needs_reason=True),
    ],
)
