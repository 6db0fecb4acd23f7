"""The council meeting's state machine, as data (thidua.common.workflow):
đã lên lịch → đang họp (khai mạc) → đã kết thúc (bế mạc). The ballot keeps its own
functions (services/ballot.py, services/count.py): secrecy shapes them."""

from django.utils.translation import gettext_lazy as _

from thidua.common.workflow import Transition, Workflow

from .enums import MeetingState as M
from .models import Meeting

__all__ = ["MEETING"]

RUN = "councils.run_meeting"

MEETING = Workflow(
    model=Meeting,
    action="councils.meeting.open",
    noun=_("phiên họp"),
    agency_of=lambda meeting: meeting.council.agency_id,
    transitions=[
        Transition(
            M.SCHEDULED,
            M.OPEN,
            RUN,
            _("Khai mạc"),
            confirm=_(
                "Khai mạc phiên họp «%(object)s»: sau khi khai mạc mới mở phiếu được."
            ),
        ),
        Transition(
            M.OPEN,
            M.CLOSED,
            RUN,
            _("Bế mạc"),
            action="councils.meeting.close",
            confirm=_(
                "Bế mạc phiên họp «%(object)s»: không mở thêm phiếu được nữa, "
                "không thể hoàn tác."
            ),
        ),
    ],
)
