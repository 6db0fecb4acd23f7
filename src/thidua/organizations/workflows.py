"""A staff import (nhập danh sách từ Excel), as a state machine (thidua.common.workflow):
queued → running → done, or failed with the reason the user reads. Every move is the
import job's step, never a button."""

from django.utils.translation import gettext_lazy as _

from thidua.common.workflow import Transition, Workflow

from .models import StaffImport
from .models.staff_import import ImportStatus as S

__all__ = ["IMPORT", "IMPORT_JOB"]

IMPORT_JOB = "xử lý tệp nhập"
# No user holds it: the job's moves are made only through the job.
JOB = "organizations.import_job"

IMPORT = Workflow(
    model=StaffImport,
    action="people.import",
    state_field="status",
    noun=_("lượt nhập"),
    agency_of=lambda job: job.agency_id,
    transitions=[
        Transition(
            S.QUEUED,
            S.RUNNING,
            JOB,
            _("Bắt đầu kiểm tra"),
            action="people.import_start",
            only_through=IMPORT_JOB,
        ),
        Transition(S.RUNNING, S.DONE, JOB, _("Hoàn tất nhập"), only_through=IMPORT_JOB),
        # A file with errors (nothing written), a system error, or a worker that died
        # on it too often: the message says which.
        Transition(
            S.RUNNING, S.FAILED, JOB, _("Ghi nhận lỗi"), only_through=IMPORT_JOB
        ),
        Transition(
            S.QUEUED,
            S.FAILED,
            JOB,
            _("Ghi nhận lỗi"),
            action="people.import_given_up",
            only_through=IMPORT_JOB,
        ),
    ],
)
