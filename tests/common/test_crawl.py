"""Every page, every download and every API read, as every demo account and anonymously:
no answer is a server error (5xx), whatever the input.

The demo data set (what real users see; tests/test_cli.py checks its content) is loaded
once per module and worker, with what the demo lacks so that every route has a real
object and every form is offered (a decision, a sơ kết draft, a staff-import job, an API
token, a council meeting in session with an open ballot), and rolled back at the end.
Then, for each account (GET requests change nothing in thidua; each runs in a
savepoint anyway, so none that did could change the next):

1. the crawl follows every same-site link (``a[href]``, ``hx-get`` as htmx sends it,
   GET forms with their values) from the home page, breadth first, one URL per route
   and query shape (but every variant of a page it links to itself: each of the
   dashboard's Excel files, each tab), and the redirects; every download (Excel, PDF,
   DOCX, JSON, ZIP) is read to its end;
2. every route of the URLconf is requested with its parameters filled from real
   objects (``ROUTES``; a meta-test fails when a new route is neither there nor in
   ``NOT_CRAWLED``);
3. every route is requested with garbage in each path parameter, and every route that
   answered with garbage in its query string (``GARBAGE`` in every parameter the
   pages use at once, ``ONE_AT_A_TIME`` in each parameter its own links carry);
4. every POST form seen is submitted with garbage in every field at once, and in each
   field that is not free text, one at a time.

Steps 3 and 4 run for one account per role (the four other council members hold the
same role as ``uyvien``: their crawl is steps 1 and 2).

Each request runs in a savepoint rolled back afterwards, with the client's cookies put
back: what one request writes (a logout, a database error on PostgreSQL) cannot change
the next one. Production is imitated where tests usually differ: the caches are on (API
counts, scopes: the test settings turn them off, and a 500 hid there), and the audit
trail sees only the transactions the application opens (tests/transactions.py).
LibreOffice is replaced by a one-page PDF: the conversion has its own tests
(tests/documents), and here it would cost seconds per file.
"""

import copy
import datetime
import io
import re
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from types import SimpleNamespace
from unittest import mock
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import pytest
import time_machine
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client, TestCase, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import Resolver404
from django.utils import timezone

from thidua.demo.loader import demo_accounts

from ..transactions import app_transactions_only, harness_atomic
from .marks import document_marks, page_marks, style_attributes

pytestmark = pytest.mark.django_db

ANONYMOUS = "anonymous"
ACCOUNTS = [account.username for account in demo_accounts()] + [ANONYMOUS]
# The first account of each role gets the garbage (steps 3 and 4).
FULL = {
    next(a.username for a in demo_accounts() if a.role == role)
    for role in {a.role for a in demo_accounts()}
} | {ANONYMOUS}

# Pages followed from links per account (the routes' URLs come on top), and variants
# of one page followed from its own links (its Excel files, tabs, pages).
MAX_PAGES = 250
VARIANTS = 20

# Routes not requested, with the reason.
NOT_CRAWLED = {
    "accounts:logout": "ends the session the crawl runs in (tests/accounts covers it)",
}

HUGE = "99999999999999999999999"  # beyond any database integer
GARBAGE = ["abc", HUGE, "\x00"]
ONE_AT_A_TIME = ["abc", "", "-1", HUGE, "31/02/2025"]
PAGES = {"text/html", "application/json"}
# Query parameters the pages read; the crawl adds those it sees in links and forms.
QUERY_PARAMS = [
    "page",
    "q",
    "nam",
    "tu",
    "den",
    "year",
    "date",
    "co_quan",
    "don_vi",
    "phong_trao",
    "unit",
    "category",
    "direct",
    "size",
    "tab",
    "action",
    "excel",
    "bieu",
    "limit",
    "offset",
    "cursor",
    "agency",
    "round",
    "state",
    "code",
    "person",
    "movement",
]
# What a path parameter becomes: an int converter takes only digits.
BAD_INTS = [HUGE]
BAD_STRINGS = ["abc", HUGE, "%00"]
# What a POST form gets in every field at once, and in each non-text field alone.
POST_GARBAGE = ["abc", HUGE, ""]
POST_ALONE = ["abc", HUGE]
TEXT_KINDS = {"text", "textarea", "password", "email", "search", "url", "tel"}
FORMS_PER_ROUTE = 4


def _pdf(*_args, **_kwargs) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _extras() -> None:
    """What the demo lacks, so that every route has a real object."""
    from thidua.accounts.models import User
    from thidua.accounts.services import issue_token
    from thidua.movements.models import Movement
    from thidua.movements.services.launch_plan import write_launch_plan
    from thidua.movements.services.movement import replace_section, transition_movement
    from thidua.movements.services.review import draft_review
    from thidua.nominations.models import PublicNotice
    from thidua.nominations.services.notice import add_comment
    from thidua.organizations.imports.template import staff_template_bytes
    from thidua.organizations.models import Agency
    from thidua.organizations.services.staff_import import start_staff_import

    from ..decisions.factories import issued_decision
    from ..movements.factories import make_movement

    notice = PublicNotice.objects.get()
    listed = list(notice.nominations.order_by("id"))
    add_comment(
        notice,
        listed[1].pk,
        name="Nguyễn Văn A",
        contact="0912345678",
        content="Đồng ý với đề nghị.",
    )
    after = notice.ends_on + datetime.timedelta(days=1)
    with (
        time_machine.travel(after, tick=False),  # once the notice is over
        TestCase.captureOnCommitCallbacks(execute=True),  # rendered then too
    ):
        issued_decision(
            notice.round,
            listed[:1],
            issued_on=after,
            approver=User.objects.get(username="chutich"),
        )
    draft_review(Movement.objects.get(), "so_ket")
    skhdt = Agency.objects.get(code="SKHĐT")
    # A launch document before the Director: his queue and his approval forms.
    transition_movement(
        make_movement(SimpleNamespace(skhdt=skhdt), name="Kế hoạch chờ duyệt"),
        "cho_duyet",
        actor=User.objects.get(username="canbotdkt"),
    )
    # A movement of rounds, tiered awards and two funding sources, its plan written
    # in the editor.
    planned = make_movement(
        SimpleNamespace(skhdt=skhdt),
        name="Thi đua chào mừng Ngày Nhà giáo Việt Nam",
        starts_on=datetime.date(2027, 9, 5),
        ends_on=datetime.date(2027, 11, 20),
    )
    replace_section(
        planned,
        "rounds",
        [
            {"name": "Đợt 1", "weeks_from": 1, "weeks_to": 5},
            {"name": "Đợt 2", "weeks_from": 6, "ends_with": "Lễ kỷ niệm 20/11"},
        ],
    )
    replace_section(
        planned,
        "awards",
        [
            {"form": "Giấy khen", "tier": "Giải Nhất", "quota": 1, "cash": 500_000},
            {"form": "Giấy khen", "tier": "Giải Nhì", "quota": 2, "gift": "sách"},
        ],
    )
    replace_section(
        planned,
        "funding",
        [
            {"source": "Quỹ thi đua, khen thưởng", "amount": 1_000_000},
            {"source": "Xã hội hóa"},
        ],
    )
    write_launch_plan(planned, actor=User.objects.get(username="canbotdkt"))
    admin = User.objects.get(username="quantri")
    upload = SimpleUploadedFile("mau.xlsx", staff_template_bytes(skhdt))
    start_staff_import(upload, agency=skhdt, actor=admin, dry_run=True)
    expires = timezone.now() + datetime.timedelta(days=30)
    issue_token(admin, "Tích hợp", ["people:read"], expires)
    _meeting_in_session(skhdt)
    _reevaluated(skhdt, admin)
    _issued_plan(skhdt, planned)


def _issued_plan(skhdt, movement) -> None:
    """The demo's launch plan (still a draft there) written again for ``movement``,
    its list attached, and issued: the register delivers the file with the document,
    and the plan launches the movement, whose units get the file too."""
    from thidua.accounts.models import User
    from thidua.documents.models import DraftDocument
    from thidua.documents.services.draft_files import attach_file
    from thidua.documents.services.draft_issue import transition_draft
    from thidua.documents.services.drafts import create_draft, save_content

    officer = User.objects.get(username="canbotdkt")
    plan = DraftDocument.objects.filter(agency=skhdt, kind="ke_hoach").earliest("id")
    draft = create_draft(
        agency=skhdt, template_code="ke_hoach_tinh", actor=officer, movement=movement
    )
    draft = save_content(draft, plan.content | {"attachments": []}, actor=officer)
    upload = SimpleUploadedFile("Danh sách đơn vị đăng ký.pdf", _pdf())
    attach_file(draft, upload, actor=officer)
    for to, username in (
        ("cho_duyet", "canbotdkt"),
        ("da_duyet", "chutich"),
        ("da_ban_hanh", "vanthu"),
    ):
        draft = transition_draft(draft, to, actor=User.objects.get(username=username))


def _reevaluated(skhdt, admin) -> None:
    """The open dossiers judged twice, one verdict changed in between, and Sở KH&ĐT's
    own settings: the law page, the changes list and the dossier's notice have data."""
    from thidua.nominations.models import NominationVerdict
    from thidua.nominations.selectors.reevaluation import open_nominations
    from thidua.nominations.services.reevaluation import (
        request_reevaluation,
        run_reevaluation,
    )

    run, _created = request_reevaluation(actor=admin)
    run_reevaluation(run.pk)  # now: the next request must not find it under way
    changed = open_nominations().first()
    NominationVerdict.objects.filter(nomination=changed).update(status="blocked")
    skhdt.eligibility_policy = {
        "ttldtt_min_share_ldtt": "1/2",
        "quota_rounding": "ceil",
    }
    skhdt.save(update_fields=["eligibility_policy"])
    run, _created = request_reevaluation(actor=admin)
    run_reevaluation(run.pk)
    assert run.changes.exists()


def _meeting_in_session(skhdt) -> None:
    """Phòng ĐKKD's LĐTT before the council, in session, its ballot open: the
    secretary's and the members' forms are offered."""
    from tests.councils.ballots import open_ballot
    from thidua.councils.selectors import seated_members
    from thidua.councils.services.meeting import (
        add_agenda_item,
        open_meeting,
        record_attendance,
        recuse,
        schedule_meeting,
    )
    from thidua.demo.commendation import FILES, PDF
    from thidua.eligibility.regimes import select_regime
    from thidua.nominations.models import Nomination
    from thidua.nominations.services.nomination import (
        add_attachment,
        transition_nomination,
    )
    from thidua.nominations.services.unit_files import upload_unit_file
    from thidua.organizations.models import Agency, Council

    nomination = Nomination.objects.get(state="nhap", code="LDTT")
    for kind in list(FILES)[:2]:
        add_attachment(
            nomination, kind=kind, upload=SimpleUploadedFile(FILES[kind], PDF)
        )
    for to in ("da_gui", "da_tham_dinh", "trinh_hoi_dong"):
        nomination = transition_nomination(nomination, to, appraisal="Đủ điều kiện.")
    council = Council.objects.get(agency=skhdt)
    meeting = schedule_meeting(
        council,
        title="Phiên họp xét khen thưởng (đợt 2)",
        scheduled_at=timezone.now(),
        location="Phòng họp",
    )
    seats = list(seated_members(council, on=timezone.localdate()))
    secretary = next(s for s in seats if s.role == "thu_ky")
    open_meeting(meeting, actor=secretary)
    for seat in seats:
        record_attendance(meeting, seat, present=True)
    item = add_agenda_item(
        meeting,
        label=str(nomination),
        title_code=nomination.code,
        regime=select_regime(nomination.year),
        nomination=nomination,
    )
    for conflict in item.conflicts.all():  # a ballot opens once each is resolved
        recuse(item, conflict.member, reason="Cùng đơn vị")
    open_ballot(item, actor=secretary)
    # Phòng ĐKKD's biên bản bình xét for all its dossiers of the round (issue #17).
    upload_unit_file(
        nomination.round,
        Agency.objects.get(code="SKHĐT-ĐKKD"),
        kind="bien_ban_binh_xet",
        upload=SimpleUploadedFile("Biên bản bình xét.pdf", PDF),
    )


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    from thidua.demo.loader import load_demo

    patches = [
        mock.patch("thidua.documents.rendering.docx_to_pdf", _pdf),
        mock.patch("thidua.documents.rendering.pdf.docx_to_pdf", _pdf),
    ]
    production_caches = override_settings(
        THIDUA_API_COUNT_CACHE_SECONDS=30, THIDUA_SCOPES_CACHE_SECONDS=300
    )
    with django_db_blocker.unblock(), harness_atomic():
        for patch in patches:
            patch.start()
        production_caches.enable()
        cache.clear()
        try:
            with TestCase.captureOnCommitCallbacks(execute=True):
                load_demo()
                _extras()
            yield _objects()
        finally:
            transaction.set_rollback(True)
            cache.clear()
            production_caches.disable()
            for patch in patches:
                patch.stop()


def _objects() -> SimpleNamespace:
    """The objects the routes are filled from (each must exist: a route filled with a
    missing object would test only its 404)."""
    from thidua.accounts.models import ApiToken, Notification, User
    from thidua.awards.models import Award
    from thidua.councils.models import BallotBox, Meeting
    from thidua.decisions.models import Decision
    from thidua.documents.models import (
        DraftAttachment,
        DraftDocument,
        IssuedDocument,
        SigningCredential,
    )
    from thidua.movements.enums import UNISSUED
    from thidua.movements.models import (
        Delivery,
        Indicator,
        Movement,
        MovementReport,
        ProgressReport,
        Registration,
    )
    from thidua.nominations.models import (
        Nomination,
        NominationAttachment,
        NominationRound,
        PublicNotice,
        ReevaluationRun,
        UnitAttachment,
    )
    from thidua.organizations.models import (
        Agency,
        Assessment,
        Cluster,
        Council,
        PendingMatter,
        Person,
        StaffImport,
    )
    from thidua.submissions.models import Submission, SubmissionItem

    skhdt = Agency.objects.get(code="SKHĐT")
    staff = User.objects.get(username="chuyenvien")
    objects = SimpleNamespace(
        skhdt=skhdt,
        unit=Agency.objects.get(code="SKHĐT-ĐKKD"),
        user=staff,
        role=staff.roles.get(),
        token=ApiToken.objects.get(),
        # The demo's deliveries told their units (the crawl's accounts open theirs).
        notification=Notification.objects.order_by("id").first(),
        person=staff.person,
        disciplined=Person.objects.filter(discipline_records__isnull=False).get(),
        matter=PendingMatter.objects.get(),
        import_job=StaffImport.objects.get(),
        council=Council.objects.get(agency=skhdt),
        cluster=Cluster.objects.get(),
        movement=Movement.objects.exclude(state__in=UNISSUED).earliest("id"),
        registration=Registration.objects.order_by("id").first(),
        indicator=Indicator.objects.order_by("id").first(),
        progress=ProgressReport.objects.order_by("id").first(),
        review=MovementReport.objects.get(),
        delivery=Delivery.objects.filter(confirmed_on__isnull=True).first(),
        documents=list(IssuedDocument.objects.order_by("id")),
        credential=SigningCredential.objects.get(agency__isnull=False),
        # The Director's own (the demo's decisions carry his signature, then the seal).
        personal_credential=SigningCredential.objects.get(person__isnull=False),
        round=NominationRound.objects.get(),
        draft=Nomination.objects.get(state="nhap"),
        listed=Nomination.objects.filter(state="cong_khai").order_by("id").first(),
        decided=Nomination.objects.filter(decision_item__isnull=False).get(),
        attachment=NominationAttachment.objects.filter(nomination__state="cong_khai")
        .order_by("id")
        .first(),
        notice=PublicNotice.objects.get(),
        unit_file=UnitAttachment.objects.get(),
        submission=Submission.objects.get(),
        item=SubmissionItem.objects.get(),
        meeting=Meeting.objects.get(state="closed"),
        open_meeting=Meeting.objects.get(state="open"),
        meeting_item=Meeting.objects.get(state="open").agenda_items.get(),
        box=BallotBox.objects.get(state="open"),
        award=Award.objects.filter(person__isnull=False).order_by("id").first(),
        collective_award=Award.objects.filter(agency__isnull=False)
        .order_by("id")
        .first(),
        decision=Decision.objects.get(),
        assessment=Assessment.objects.order_by("id").first(),
        reevaluation=ReevaluationRun.objects.order_by("-id").first(),
        written=list(DraftDocument.objects.order_by("id")),
        plan=DraftDocument.objects.get(
            movement__isnull=False, issued_document__isnull=True
        ),
        plan_file=DraftAttachment.objects.get(
            draft__movement__isnull=False, draft__issued_document__isnull=False
        ),
        written_file=DraftAttachment.objects.order_by("id").first(),
        delivered_file=DraftAttachment.objects.filter(
            draft__issued_document__isnull=False
        ).first(),
    )
    missing = [name for name, value in vars(objects).items() if value in (None, [])]
    assert not missing, f"the demo has no {missing}"
    return objects


def _fmts(*fmts):
    return [{"fmt": fmt} for fmt in (*fmts, "xyz")]


def _each(key, values, extra=None):
    return [{key: value, **(extra or {})} for value in values]


# Route name -> its parameters, filled from the demo (one dict per URL to request).
ROUTES = {
    "accounts:token-revoke": lambda o: [{"pk": o.token.pk}],
    "accounts:notification-open": lambda o: [{"pk": o.notification.pk}],
    "accounts:password-reset-confirm": lambda o: [{"uidb64": "MQ", "token": "sai-ma"}],
    "accounts:account-detail": lambda o: [{"pk": o.user.pk}],
    "accounts:account-lock": lambda o: [{"pk": o.user.pk}],
    "accounts:account-password": lambda o: [{"pk": o.user.pk}],
    "accounts:role-revoke": lambda o: [{"pk": o.user.pk, "role_id": o.role.pk}],
    **{
        f"organizations:{name}": lambda o: _each("pk", [o.skhdt.pk, o.unit.pk])
        for name in (
            "agency-detail",
            "agency-edit",
            "agency-create",
            "agency-assessment",
            "import",
            "import-template",
            "council-create",
            "cluster-create",
        )
    },
    "organizations:import-job": lambda o: [
        {"pk": o.import_job.agency_id, "job": o.import_job.pk}
    ],
    **{
        f"organizations:{name}": lambda o: _each("pk", [o.person.pk, o.disciplined.pk])
        for name in (
            "person-detail",
            "person-edit",
            "person-transfer",
            "person-assessment",
            "person-discipline",
            "person-review",
            "person-initiative",
        )
    },
    "organizations:person-review-close": lambda o: [
        {"pk": o.matter.person_id, "matter": o.matter.pk}
    ],
    "organizations:council-detail": lambda o: [{"pk": o.council.pk}],
    "organizations:council-member-add": lambda o: [{"pk": o.council.pk}],
    "organizations:council-member-end": lambda o: [
        {"pk": o.council.pk, "member": o.council.members.order_by("id").first().pk}
    ],
    "organizations:cluster-member-add": lambda o: [{"pk": o.cluster.pk}],
    "organizations:cluster-leadership": lambda o: [{"pk": o.cluster.pk}],
    "organizations:cluster-detail": lambda o: [{"pk": o.cluster.pk}],
    **{
        f"movements:{name}": lambda o: [{"pk": o.movement.pk}]
        for name in (
            "movement-detail",
            "movement-edit",
            "movement-write",
            "movement-transition",
            "movement-files",
            "movement-remind",
            "registration-list",
            "registration-export",
            "indicator-board",
            "indicator-create",
            "review-create",
            "public-detail",
            "public-file",
        )
    },
    "movements:movement-section": lambda o: _each(
        "section",
        [
            "implemented",
            "parents",
            "purposes",
            "contents",
            "rounds",
            "awards",
            "funding",
            "duties",
            "recipients",
            "x",
        ],
        {"pk": o.movement.pk},
    ),
    # The file of the plan that launched a movement: through that movement, and
    # (404) through another.
    "movements:movement-attachment": lambda o: [
        {"pk": pk, "attachment": o.plan_file.pk}
        for pk in (o.plan_file.draft.movement_id, o.movement.pk)
    ],
    "movements:movement-refresh-plan": lambda o: [
        {"pk": o.plan.movement_id, "draft": o.plan.pk}
    ],
    "movements:movement-file": lambda o: [
        {"pk": o.movement.pk, **f} for f in _fmts("docx", "pdf")
    ],
    "movements:registration-edit": lambda o: [
        {"pk": o.movement.pk, "agency": o.registration.agency_id}
    ],
    "movements:registration-decide": lambda o: [
        {"pk": o.movement.pk, "registration": o.registration.pk}
    ],
    "movements:indicator-edit": lambda o: [
        {"pk": o.movement.pk, "indicator": o.indicator.pk}
    ],
    "movements:progress-report": lambda o: [
        {"pk": o.movement.pk, "indicator": o.indicator.pk}
    ],
    "movements:evidence": lambda o: [{"pk": o.movement.pk, "report": o.progress.pk}],
    **{
        f"movements:{name}": lambda o: [{"pk": o.movement.pk, "review": o.review.pk}]
        for name in ("review-edit", "review-draft", "review-issue")
    },
    "movements:review-file": lambda o: [
        {"pk": o.movement.pk, "review": o.review.pk, **f} for f in _fmts("docx", "pdf")
    ],
    "movements:delivery-confirm": lambda o: [{"pk": o.delivery.pk}],
    "documents:file": lambda o: (
        [{"pk": d.pk, "fmt": fmt} for d in o.documents for fmt in ("docx", "pdf")]
        + [{"pk": o.documents[0].pk, "fmt": "xyz"}]
    ),
    "documents:package": lambda o: [{"pk": d.pk} for d in o.documents],
    "documents:attachment": lambda o: [
        {
            "pk": o.delivered_file.draft.issued_document_id,
            "attachment": o.delivered_file.pk,
        }
    ],
    "documents:credential-deactivate": lambda o: [
        {"pk": o.credential.pk},
        {"pk": o.personal_credential.pk},
    ],
    # POST only ("Tạo lại tệp"): a GET is 405, a POST on a ready document says why not.
    "documents:rerender": lambda o: [{"pk": d.pk} for d in o.documents],
    # Documents written in thidua: the demo's launch plan (a file attached) and minutes.
    **{
        f"documents:{name}": lambda o: [{"pk": d.pk} for d in o.written]
        for name in (
            "drafts-detail",
            "drafts-edit",
            "drafts-save",
            "drafts-preview",
            "drafts-move",
            "drafts-attach",
            "drafts-template",
        )
    },
    "documents:drafts-file": lambda o: [
        {"pk": d.pk, "fmt": fmt} for d in o.written for fmt in ("docx", "pdf", "xyz")
    ],
    **{
        f"documents:{name}": lambda o: [
            {"pk": o.written_file.draft_id, "attachment": o.written_file.pk}
        ]
        for name in ("drafts-attachment", "drafts-detach")
    },
    **{
        f"nominations:{name}": lambda o: [{"pk": o.round.pk}]
        for name in (
            "notice-create",
            "round-detail",
            "nomination-create",
            "nomination-authority",
            "bulk-registration",
            "bulk-import",
            "bulk-template",
            "unit-files",
        )
    },
    "nominations:unit-file": lambda o: [
        {"pk": o.unit_file.round_id, "file": o.unit_file.pk}
    ],
    # A sent dossier's file: opened inline; withdrawing or replacing it is refused.
    **{
        f"nominations:{name}": lambda o: [
            {"pk": o.attachment.nomination_id, "attachment": o.attachment.pk}
        ]
        for name in (
            "nomination-file",
            "nomination-file-withdraw",
            "nomination-file-replace",
        )
    },
    "submissions:create": lambda o: [{"pk": o.round.pk}],
    # POST only (the round page's selection): a GET is 405.
    "nominations:round-bulk-move": lambda o: [{"pk": o.round.pk}],
    "nominations:evidence-add": lambda o: _each(
        "pk", [o.draft.pk, o.listed.pk, o.decided.pk]
    ),
    # POST only (the dossier page's evidence card); the demo supplies none: 405.
    **{
        f"nominations:{name}": lambda o: [{"pk": o.draft.pk, "evidence": 1}]
        for name in ("evidence-remove", "evidence-review")
    },
    "nominations:notice-detail": lambda o: [{"pk": o.notice.pk}],
    "nominations:reevaluation-detail": lambda o: [{"pk": o.reevaluation.pk}],
    "nominations:public-notice": lambda o: [{"pk": o.notice.pk}],
    "nominations:round-create": lambda o: [{"agency": o.skhdt.pk}],
    **{
        f"nominations:{name}": lambda o: _each(
            "pk", [o.draft.pk, o.listed.pk, o.decided.pk]
        )
        for name in (
            "nomination-detail",
            "nomination-move",
            "nomination-attach",
            "nomination-report",
            "nomination-report-generate",
            "nomination-report-docx",
        )
    },
    **{
        f"submissions:{name}": lambda o: [{"pk": o.submission.pk}]
        for name in ("detail", "forward", "package")
    },
    # POST only (a step of the tờ trình): a GET is 405; its form is on the page.
    "submissions:move": lambda o: [{"pk": o.submission.pk}],
    "submissions:document": lambda o: [
        {"pk": o.submission.pk, **f} for f in _fmts("docx", "pdf")
    ],
    "submissions:item-action": lambda o: _each(
        "action", ["tham-dinh", "tra-lai", "ket-qua", "x"], {"pk": o.item.pk}
    ),
    "submissions:file": lambda o: _each("index", [0, 1, 99], {"pk": o.item.pk}),
    "councils:meeting-create": lambda o: [{"pk": o.council.pk}],
    "councils:meeting-detail": lambda o: _each("pk", [o.meeting.pk, o.open_meeting.pk]),
    "councils:meeting-action": lambda o: [{"pk": o.open_meeting.pk}],
    "councils:box-progress": lambda o: _each("pk", [o.box.pk, 999999]),
    "councils:paper-result": lambda o: _each(
        "pk", [o.listed.pk, o.draft.pk, o.meeting_item.nomination_id]
    ),
    "councils:minutes-file": lambda o: [
        {"pk": o.meeting.pk, **f} for f in _fmts("docx", "pdf")
    ],
    "councils:tally-file": lambda o: [
        {"pk": o.meeting.pk, **f} for f in _fmts("docx", "pdf")
    ],
    "awards:verify": lambda o: _each("code", [o.award.verification_code, "x"]),
    "awards:annul": lambda o: [{"pk": o.award.pk}],
    "decisions:award-certificate": lambda o: [
        {"pk": award.pk, **f}
        for award in (o.award, o.collective_award)
        for f in _fmts("docx", "pdf")
    ],
    "decisions:decision-certificates": lambda o: [
        {"pk": o.decision.pk, **f} for f in _fmts("docx", "pdf")
    ],
    "decisions:decision-annul": lambda o: [{"pk": o.decision.pk}],
    "decisions:decision-create": lambda o: [{"pk": o.round.pk}],
    "decisions:decision-detail": lambda o: [{"pk": o.decision.pk}],
    "decisions:decision-proposal": lambda o: [{"pk": o.decision.pk}],
    # POST only (a step of the decision): a GET is 405; its form is on the page.
    "decisions:decision-move": lambda o: [{"pk": o.decision.pk}],
    "decisions:decision-file": lambda o: [
        {"pk": o.decision.pk, **f} for f in _fmts("docx", "pdf")
    ],
    **{
        f"exchange:{name}": lambda o: _each("pk", [o.skhdt.pk, o.unit.pk])
        for name in ("agency-exchange", "agency-exchange-export")
    },
    "awards:agency-record": lambda o: _each("pk", [o.skhdt.pk, o.unit.pk]),
    "awards:person-record": lambda o: _each("pk", [o.person.pk, o.disciplined.pk]),
    "awards:person-history": lambda o: [
        {"pk": o.person.pk, **f} for f in _fmts("xlsx", "docx", "pdf")
    ],
    "awards:agency-history": lambda o: [
        {"pk": o.unit.pk, **f} for f in _fmts("xlsx", "docx", "pdf")
    ],
    "reports:report": lambda o: [{"pk": o.skhdt.pk}],
    "reports:report-file": lambda o: [
        {"pk": o.skhdt.pk, **f} for f in _fmts("xlsx", "docx", "pdf")
    ],
    "api-v1:get_agency": lambda o: [{"agency_id": o.skhdt.pk}],
    "api-v1:get_person": lambda o: [{"person_id": o.person.pk}],
    "api-v1:get_award": lambda o: [{"award_id": o.award.pk}],
    "api-v1:explain_code": lambda o: _each("code", ["LDTT", "CSTDCS", "x"]),
    "api-v1:person_verdict": lambda o: [{"person_id": o.person.pk}],
    "api-v1:get_nomination": lambda o: [{"nomination_id": o.draft.pk}],
    "api-v1:transition": lambda o: [{"nomination_id": o.draft.pk}],
    "api-v1:get_decision": lambda o: [{"decision_id": o.decision.pk}],
    "api-v1:get_movement": lambda o: [{"movement_id": o.movement.pk}],
    "api-v1:get_registration": lambda o: [{"registration_id": o.registration.pk}],
    "api-v1:get_council": lambda o: [{"council_id": o.council.pk}],
    "api-v1:get_assessment": lambda o: [{"assessment_id": o.assessment.pk}],
}


def _routes(patterns=None, prefix="", namespace=""):
    """(name, route, converters) of every named route of the URLconf."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            space = (
                f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            )
            yield from _routes(
                pattern.url_patterns, prefix + str(pattern.pattern), space
            )
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield (
                namespace + pattern.name,
                prefix + str(pattern.pattern),
                pattern.pattern.converters,
            )


def _fill(route: str, kwargs: dict) -> str:
    """The route with its parameters replaced, unchecked (reverse() refuses garbage)."""
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(kwargs[m.group(1)]), route)


def _is_int(converter) -> bool:
    return type(converter).__name__ == "IntConverter"


def _route_urls(objects, *, garbage: bool) -> list[str]:
    urls = []
    for name, route, converters in _routes():
        if name in NOT_CRAWLED:
            continue
        if not converters:
            urls.append(reverse(name))
            continue
        filled = ROUTES[name](objects)
        urls.extend(reverse(name, kwargs=kwargs) for kwargs in filled)
        if not garbage:
            continue
        for key, converter in converters.items():  # garbage in each, the others real
            for bad in BAD_INTS if _is_int(converter) else BAD_STRINGS:
                urls.append(_fill(route, {**filled[0], key: bad}))
    return urls


class _Page(HTMLParser):
    """Links (``a[href]``, ``hx-get`` with its target) and forms of one HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.htmx: list[tuple[str, str]] = []
        self.forms: list[dict] = []
        self._form = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if a.get("hx-get"):
            self.htmx.append((a["hx-get"], (a.get("hx-target") or "").lstrip("#")))
        if tag == "form":
            self._form = {
                "method": (a.get("method") or "get").lower(),
                "action": a.get("action") or "",
                "fields": [],
            }
            self.forms.append(self._form)
        if tag == "option" and self._select is not None:
            if self._select[2] is None or "selected" in a:
                self._select[2] = a.get("value", "")
            return
        if self._form is None or not a.get("name"):
            return
        kind = (a.get("type") or tag).lower()
        if kind in ("submit", "button", "image", "reset"):
            return
        if kind in ("checkbox", "radio") and "checked" not in a:
            self._form["fields"].append((a["name"], kind, None))
        elif tag == "select":
            self._select = [a["name"], "select", None]
            self._form["fields"].append(self._select)
        elif tag in ("input", "textarea"):
            self._form["fields"].append((a["name"], kind, a.get("value", "")))

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        if tag == "select":
            self._select = None


@dataclass
class Crawl:
    account: str
    client: Client
    failures: list = field(default_factory=list)
    seen: set = field(default_factory=set)
    shapes: set = field(default_factory=set)
    variants: dict = field(default_factory=dict)  # path -> variants of it followed
    params: dict = field(default_factory=dict)  # route -> query names its links carry
    forms: dict = field(default_factory=dict)  # (route, fields) -> (action, form)
    reached: dict = field(default_factory=dict)  # route -> content type of its 2xx
    documents: set = field(default_factory=set)  # (url, type) of the downloads read
    doubts: dict = field(default_factory=dict)  # url -> developer marks in its text
    styles: dict = field(default_factory=dict)  # url -> tags with a style attribute
    requests: int = 0

    def request(self, url, *, method="get", data=None, headers=None):
        self.requests += 1
        cookies = copy.deepcopy(self.client.cookies)
        with harness_atomic():
            if method == "get":
                response = self.client.get(url, headers=headers)
            else:
                response = self.client.post(url, data or {})
            if response.streaming:
                body = b"".join(response.streaming_content)
            else:
                body = response.content
            transaction.set_rollback(True)
        self.client.cookies = cookies
        if response.status_code >= 500 or _technical_500(response):
            self.failures.append(_failure(method, url, data, response))
        elif response.status_code < 300 and (name := _route_name(url)):
            kind = response.get("Content-Type", "").split(";")[0]
            self.reached.setdefault(name, kind)
            # Each generated document once per route and shape (its text is the
            # same whatever the garbage next to the parameters it reads).
            if kind not in PAGES and (url, kind) not in self.documents:
                self.documents.add((url, kind))
                if marks := document_marks(kind, body):
                    self.doubts[url] = marks
        return response


def _technical_500(response) -> bool:
    """Django's debug page for an exception, whatever the status it went out with."""
    if response.streaming or not response.get("Content-Type", "").startswith("text/"):
        return False
    return b"Traceback (most recent call last)" in response.content


def _failure(method, url, data, response) -> str:
    where = f"{method.upper()} {url}" + (f" {data!r}" if data else "")
    exc = getattr(response, "exc_info", None)
    if not exc:
        return f"{where} → {response.status_code}"
    frames, tb = [], exc[2]
    while tb:
        frames.append((tb.tb_frame.f_code.co_filename, tb.tb_lineno))
        tb = tb.tb_next
    ours = [f for f in frames if "/src/thidua/" in f[0]] or frames
    path, line = ours[-1]
    return (
        f"{where} → {response.status_code}: {exc[0].__name__}: {exc[1]} "
        f"({path.split('/src/')[-1]}:{line})"
    )


def _route_name(url):
    try:
        return resolve(urlsplit(url).path).view_name
    except Resolver404:
        return None


def _same_site(base, href):
    if not href or href.startswith(("#", "mailto:", "tel:", "javascript:", "data:")):
        return None
    parts = urlsplit(urljoin(base, href))
    if parts.netloc not in ("", "testserver") or parts.path.startswith(
        ("/static/", "/media/")
    ):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _shape(url):
    parts = urlsplit(url)
    keys = tuple(
        sorted({k for k, _v in parse_qsl(parts.query, keep_blank_values=True)})
    )
    return _route_name(url) or parts.path, keys


def _follow(crawl: Crawl, routes: list[str]):
    """Breadth first from the home page, one URL per route and query shape — but each
    variant of a page that the page links to (``?excel=…``, ``?tab=…``, ``?page=2``),
    twenty at most; the routes' URLs are requested whatever the caps, and their links
    followed too."""
    queue = deque([("/", "", "")])
    forced = deque((url, "", "") for url in routes)
    while queue or forced:
        capped = bool(queue) and len(crawl.seen) < MAX_PAGES
        if not capped and not forced:
            break
        url, target, parent = queue.popleft() if capped else forced.popleft()
        key = (url, target)
        if key in crawl.seen or _route_name(url) in NOT_CRAWLED:
            continue
        shape = (_shape(url), target)
        path = urlsplit(url).path
        if capped and path == parent:  # a variant of the page that links to it
            if crawl.variants.get(path, 0) >= VARIANTS:
                continue
            crawl.variants[path] = crawl.variants.get(path, 0) + 1
        elif capped and shape in crawl.shapes:
            continue
        crawl.shapes.add(shape)
        crawl.seen.add(key)
        headers = {"HX-Request": "true", "HX-Target": target} if target else None
        response = crawl.request(url, headers=headers)
        if 300 <= response.status_code < 400 and response.get("Location"):
            if location := _same_site(url, response["Location"]):
                queue.append((location, "", ""))
        elif response.get("Content-Type", "").startswith("text/html"):
            html = response.content.decode()
            marks = page_marks(html)
            if marks:
                crawl.doubts[url] = marks
            if styles := style_attributes(html):
                crawl.styles[url] = styles
            links = _links(crawl, url, html)
            queue.extend((link, htmx, path) for link, htmx in links)


def _links(crawl: Crawl, url, html) -> list[tuple[str, str]]:
    page = _Page()
    page.feed(html)
    found = [(_same_site(url, href), "") for href in page.links]
    found += [(_same_site(url, href), target or "htmx") for href, target in page.htmx]
    for form in page.forms:
        action = _same_site(url, form["action"]) or urlsplit(url).path
        if form["method"] == "get":
            values = [(n, v) for n, _kind, v in form["fields"] if v is not None]
            found.append((f"{action}?{urlencode(values)}" if values else action, ""))
        else:
            _keep_form(crawl, action, form)
    for target, _htmx in found:
        name = target and _route_name(target)
        if name and (query := urlsplit(target).query):
            crawl.params.setdefault(name, set()).update(
                k for k, _v in parse_qsl(query, keep_blank_values=True)
            )
    return [(target, htmx) for target, htmx in found if target]


def _keep_form(crawl: Crawl, action, form):
    """One form per route and set of fields (and hidden ``action``/``to`` values: the
    council secretary's one endpoint takes many), a few per route."""
    name = _route_name(action) or action
    if name in NOT_CRAWLED:
        return
    fields = form["fields"]
    hidden = tuple(
        v for n, kind, v in fields if kind == "hidden" and n in ("action", "to")
    )
    key = (name, tuple(sorted({n for n, _k, _v in fields})), hidden)
    same_route = [k for k in crawl.forms if k[0] == name]
    if key not in crawl.forms and len(same_route) < FORMS_PER_ROUTE:
        crawl.forms[key] = (action, form)


def _garbage_queries(crawl: Crawl, urls: list[str]):
    """For each route that answered a page: each garbage value in every parameter at
    once; for each route, in each parameter its own links carry, one at a time."""
    by_route = {}
    for url in urls:
        name = _route_name(url)
        if name in crawl.reached:  # the others answered before reading the query
            by_route.setdefault(name, urlsplit(url).path)
    for name, path in by_route.items():
        if crawl.reached[name] in PAGES:  # a download reads only what its links carry
            for bad in GARBAGE:
                crawl.request(f"{path}?{urlencode(dict.fromkeys(QUERY_PARAMS, bad))}")
        for param in sorted(crawl.params.get(name, ())):
            for bad in ONE_AT_A_TIME:
                crawl.request(f"{path}?{urlencode({param: bad})}")


def _garbage_posts(crawl: Crawl):
    for action, form in crawl.forms.values():
        fields = [f for f in form["fields"] if f[0] != "csrfmiddlewaretoken"]
        defaults = {name: value for name, _kind, value in fields if value is not None}
        for bad in POST_GARBAGE:
            data = {name: _bad_value(kind, bad) for name, kind, _v in fields}
            crawl.request(action, method="post", data=data)
        alone = {}  # one field per name pattern: form-0-ORDER stands for form-N-ORDER
        for name, kind, _value in fields:
            if kind not in TEXT_KINDS and kind != "file":
                alone.setdefault(re.sub(r"\d+", "N", name), name)
        for name in alone.values():
            for bad in POST_ALONE:
                crawl.request(action, method="post", data=defaults | {name: bad})


def _bad_value(kind, bad):
    if kind == "file":
        return SimpleUploadedFile(f"{bad}.pdf", bad.encode() or b"%PDF")
    return bad


def _client(account) -> Client:
    from thidua.accounts.models import User

    client = Client(raise_request_exception=False)
    if account != ANONYMOUS:
        client.force_login(User.objects.get(username=account))
    return client


@pytest.mark.parametrize("account", ACCOUNTS)
def test_no_page_answers_a_server_error(demo, account):
    crawl = Crawl(account, _client(account))
    routes = _route_urls(demo, garbage=account in FULL)
    with app_transactions_only():
        _follow(crawl, routes)
        if account in FULL:
            _garbage_queries(crawl, [url for url, _t in sorted(crawl.seen)] + routes)
            _garbage_posts(crawl)
    still = crawl.client.get("/")  # the crawl ran logged in (or not) throughout
    assert still.status_code == (302 if account == ANONYMOUS else 200)
    assert not crawl.failures, "\n".join(
        [
            f"{len(crawl.failures)} server errors as {account} "
            f"({crawl.requests} requests):",
            *crawl.failures,
        ]
    )
    assert not crawl.doubts, f"developer marks shown to {account}: {crawl.doubts}"
    assert not crawl.styles, f"inline styles (the CSP blocks them): {crawl.styles}"


def test_the_demo_decision_is_signed_by_the_director_then_sealed(demo):
    """Issue #14: the decision the Director approved (``_extras``) carries his own
    signature first, then the Sở's seal."""
    from thidua.decisions.models import Decision

    decision = Decision.objects.get(issued_document__isnull=False)
    signatures = list(decision.issued_document.signatures.all())
    assert [(s.kind, s.made) for s in signatures] == [
        ("personal", True),
        ("seal", True),
    ]
    assert signatures[0].credential == demo.personal_credential
    assert signatures[0].person.user.username == "chutich"
    assert signatures[1].credential == demo.credential


def test_every_route_is_crawled_or_excused():
    routes = {name: converters for name, _route, converters in _routes()}
    with_params = {name for name, converters in routes.items() if converters}
    assert with_params - set(ROUTES) - set(NOT_CRAWLED) == set()
    assert set(ROUTES) - with_params == set()  # no stale entry
    assert set(NOT_CRAWLED) <= set(routes)
