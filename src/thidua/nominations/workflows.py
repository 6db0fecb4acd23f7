"""The nomination's state machine, as data (thidua.common.workflow).

The unit proposes (sends, sends again, withdraws a draft); the TĐKT office of the
round's agency appraises, returns with a reason, sends to the council, publishes,
decides within the head's authority or refuses; the council's secretary records the
council's result only through the council (councils/services: a closed ballot of a
held meeting, or the signed paper minutes entered by ``record_paper_result``) — never
a button. A nomination beyond the head's authority goes up only through a tờ
trình (submissions/services/submission.py), whose service moves it — never a button."""

from django.conf import settings
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from thidua.common.workflow import Transition, Workflow

from .enums import EvidenceStatus as E
from .enums import NominationState as N
from .enums import ReevaluationStatus as R
from .models import DossierEvidence, Nomination, ReevaluationRun

__all__ = [
    "CONFIRM",
    "EVIDENCE",
    "NOMINATION",
    "REEVALUATION",
    "REEVALUATION_JOB",
    "THROUGH_COUNCIL",
    "TO_TRINH",
]

PROPOSE = "nominations.propose_nomination"
PROCESS = "nominations.process_nomination"
COUNCIL = "nominations.record_council_result"
TO_TRINH = "tờ trình"
# Only the council's services move a dossier past the council.
THROUGH_COUNCIL = "Hội đồng"


def council_not_required(nomination) -> list[str]:
    """A title the head decides without the council: only the codes an agency lists in
    ``THIDUA_COUNCIL_NOT_REQUIRED_CODES`` (none by default; docs/ballots.md)."""
    if nomination.code in settings.THIDUA_COUNCIL_NOT_REQUIRED_CODES:
        return []
    return [
        gettext_now(
            "Danh hiệu, hình thức này phải được Hội đồng Thi đua – Khen thưởng xét."
        )
    ]


NOMINATION = Workflow(
    model=Nomination,
    action="nominations.transition",
    noun=_("hồ sơ"),
    agency_of=lambda nomination: nomination.proposing_unit_id,
    reason_message=_("Phải ghi rõ lý do."),
    stale_message=_("Hồ sơ đã được người khác cập nhật."),
    through_message={
        TO_TRINH: _("Hồ sơ trình cấp trên chỉ được xử lý qua tờ trình."),
        THROUGH_COUNCIL: _(
            "Kết quả Hội đồng chỉ được ghi nhận qua phiếu bầu của phiên họp hoặc "
            "biên bản họp trên giấy."
        ),
    },
    transitions=[
        Transition(N.DRAFT, N.SUBMITTED, PROPOSE, _("Gửi hồ sơ")),
        Transition(N.RETURNED, N.SUBMITTED, PROPOSE, _("Gửi lại hồ sơ")),
        Transition(N.SUBMITTED, N.RETURNED, PROCESS, _("Trả lại"), needs_reason=True),
        Transition(
            N.SUBMITTED,
            N.APPRAISED,
            PROCESS,
            _("Ghi nhận thẩm định"),
            asks_for="appraisal",
        ),
        Transition(N.APPRAISED, N.RETURNED, PROCESS, _("Trả lại"), needs_reason=True),
        Transition(
            N.APPRAISED,
            N.TO_COUNCIL,
            PROCESS,
            _("Trình Hội đồng"),
            confirm=_(
                "Trình Hội đồng hồ sơ «%(object)s»: hồ sơ chờ Hội đồng xét, "
                "không sửa được nữa."
            ),
        ),
        # Only for the codes the agency has listed as decided without the council; the
        # reason states the legal basis. Offered on the nomination page for those only.
        Transition(
            N.APPRAISED,
            N.COUNCIL_DONE,
            PROCESS,
            _("Thủ trưởng xét, không qua Hội đồng"),
            needs_reason=True,
            guards=(council_not_required,),
            offered=False,
        ),
        Transition(
            N.TO_COUNCIL,
            N.COUNCIL_DONE,
            COUNCIL,
            _("Ghi nhận kết quả Hội đồng"),
            only_through=THROUGH_COUNCIL,
        ),
        Transition(N.COUNCIL_DONE, N.PUBLIC_NOTICE, PROCESS, _("Niêm yết công khai")),
        Transition(
            N.COUNCIL_DONE, N.DECIDED, PROCESS, _("Ghi nhận quyết định khen thưởng")
        ),
        Transition(
            N.COUNCIL_DONE,
            N.SENT_UP,
            PROCESS,
            _("Trình cấp trên"),
            only_through=TO_TRINH,
        ),
        Transition(
            N.COUNCIL_DONE,
            N.NOT_AWARDED,
            PROCESS,
            _("Kết luận không khen thưởng"),
            needs_reason=True,
            confirm=_(
                "Kết luận không khen thưởng hồ sơ «%(object)s»: hồ sơ kết thúc, "
                "không thể hoàn tác."
            ),
        ),
        Transition(
            N.PUBLIC_NOTICE, N.DECIDED, PROCESS, _("Ghi nhận quyết định khen thưởng")
        ),
        Transition(
            N.PUBLIC_NOTICE,
            N.SENT_UP,
            PROCESS,
            _("Trình cấp trên"),
            only_through=TO_TRINH,
        ),
        Transition(
            N.PUBLIC_NOTICE,
            N.NOT_AWARDED,
            PROCESS,
            _("Kết luận không khen thưởng"),
            needs_reason=True,
            confirm=_(
                "Kết luận không khen thưởng hồ sơ «%(object)s»: hồ sơ kết thúc, "
                "không thể hoàn tác."
            ),
        ),
        Transition(
            N.DECIDED,
            N.AWARDED,
            PROCESS,
            _("Ghi nhận khen thưởng"),
            confirm=_(
                "Ghi nhận khen thưởng hồ sơ «%(object)s»: khen thưởng vào sổ, "
                "chỉ hủy bỏ được khi có lý do."
            ),
        ),
        Transition(
            N.SENT_UP,
            N.AWARDED,
            PROCESS,
            _("Ghi nhận cấp trên khen thưởng"),
            only_through=TO_TRINH,
        ),
        Transition(
            N.SENT_UP,
            N.NOT_AWARDED,
            PROCESS,
            _("Ghi nhận cấp trên không khen thưởng"),
            needs_reason=True,
            only_through=TO_TRINH,
        ),
        Transition(
            N.SENT_UP,
            N.COUNCIL_DONE,
            PROCESS,
            _("Ghi nhận cấp trên trả lại"),
            needs_reason=True,
            only_through=TO_TRINH,
        ),
        *[
            Transition(
                source,
                N.CANCELLED,
                PROPOSE,
                _("Hủy hồ sơ"),
                needs_reason=True,
                confirm=_("Hủy hồ sơ «%(object)s»: không thể hoàn tác."),
            )
            for source in (N.DRAFT, N.RETURNED)
        ],
        Transition(
            N.AWARDED,
            N.CANCELLED,
            PROCESS,
            _("Hủy bỏ khen thưởng"),
            needs_reason=True,
            confirm=_("Hủy bỏ khen thưởng của hồ sơ «%(object)s»: không thể hoàn tác."),
        ),
    ],
)


# A re-evaluation of the open dossiers (nominations/services/reevaluation.py): queued →
# running → done, or failed with the reason the admin reads. Every move is the job's
# step, never a button.
REEVALUATION_JOB = "đánh giá lại hồ sơ"
# No user holds it: the moves are made only through the job.
_JOB = "nominations.reevaluation_job"

REEVALUATION = Workflow(
    model=ReevaluationRun,
    action="nominations.reevaluation",
    state_field="status",
    noun=_("lượt đánh giá lại"),
    transitions=[
        Transition(
            R.QUEUED,
            R.RUNNING,
            _JOB,
            _("Bắt đầu đánh giá lại"),
            action="nominations.reevaluation_start",
            only_through=REEVALUATION_JOB,
        ),
        Transition(
            R.RUNNING,
            R.DONE,
            _JOB,
            _("Hoàn tất đánh giá lại"),
            only_through=REEVALUATION_JOB,
        ),
        # A system error, or a worker that died on it too often: the message says.
        Transition(
            R.RUNNING,
            R.FAILED,
            _JOB,
            _("Ghi nhận lỗi"),
            action="nominations.reevaluation_failed",
            only_through=REEVALUATION_JOB,
        ),
        Transition(
            R.QUEUED,
            R.FAILED,
            _JOB,
            _("Ghi nhận lỗi"),
            action="nominations.reevaluation_failed",
            only_through=REEVALUATION_JOB,
        ),
    ],
)


# Evidence a unit supplied with its dossier (models/evidence.py): the round's office
# confirms it, or rejects it with its reason (also after confirming, when it finds the
# claim wrong), while the dossier is still before the council.
CONFIRM = "nominations.confirm_evidence"
CHECKED_STATES = (N.DRAFT, N.SUBMITTED, N.RETURNED, N.APPRAISED)


def dossier_before_council(evidence) -> list[str]:
    if evidence.nomination.state in CHECKED_STATES:
        return []
    return [
        gettext_now(
            "Hồ sơ đã trình Hội đồng hoặc đã xử lý xong, không xác nhận minh chứng "
            "được nữa."
        )
    ]


EVIDENCE = Workflow(
    model=DossierEvidence,
    action="nominations.evidence",
    state_field="status",
    noun=_("minh chứng"),
    agency_of=lambda evidence: evidence.nomination.proposing_unit_id,
    audit_object=lambda evidence: evidence.nomination,
    reason_message=_("Phải ghi rõ lý do không xác nhận."),
    transitions=[
        Transition(
            E.PENDING,
            E.CONFIRMED,
            CONFIRM,
            _("Xác nhận"),
            guards=(dossier_before_council,),
        ),
        Transition(
            E.PENDING,
            E.REJECTED,
            CONFIRM,
            _("Không xác nhận"),
            needs_reason=True,
            guards=(dossier_before_council,),
        ),
        Transition(
            E.CONFIRMED,
            E.REJECTED,
            CONFIRM,
            _("Không xác nhận"),
            needs_reason=True,
            guards=(dossier_before_council,),
        ),
    ],
)
