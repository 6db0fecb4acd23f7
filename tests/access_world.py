"""The objects the access matrix (tests/access_matrix.py) opens every route on: the
organisation of tests.factories (Sở KH&ĐT with its units, Sở Tài chính beside it, the
province above, one account per role) and, through the services, one object of each
kind a route takes — of Sở KH&ĐT, and of Sở Tài chính where a route could leak it.

Built once per test module and worker, its files rendered (LibreOffice replaced by a
one-page PDF, as in tests/common/test_crawl.py) and rolled back at the end."""

import copy
import datetime
from decimal import Decimal
from types import SimpleNamespace

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.utils import timezone

from thidua.accounts.enums import ApiScope
from thidua.accounts.notifications import notify
from thidua.accounts.services import issue_token
from thidua.awards.models import Award
from thidua.awards.services.register import record_award
from thidua.councils.selectors import seated_members
from thidua.councils.services.ballot import open_ballots
from thidua.councils.services.count import close_box
from thidua.councils.services.meeting import (
    add_agenda_item,
    close_meeting,
    open_meeting,
    record_attendance,
    schedule_meeting,
)
from thidua.councils.services.minutes import issue_minutes
from thidua.decisions.services.decision import draft_decision, submit_decision
from thidua.documents.services.draft_files import attach_file
from thidua.documents.services.draft_issue import transition_draft
from thidua.documents.services.drafts import create_draft, save_content
from thidua.documents.services.signing import upload_credential
from thidua.movements.services.launch_plan import write_launch_plan
from thidua.movements.services.movement import (
    create_movement,
    replace_section,
    transition_movement,
)
from thidua.movements.services.progress import report_progress, save_indicator
from thidua.movements.services.registration import (
    save_registration,
    transition_registration,
)
from thidua.movements.services.review import draft_review, issue_review, update_review
from thidua.nominations.models import DossierEvidence
from thidua.nominations.services.nomination import open_round
from thidua.nominations.services.notice import open_notice
from thidua.nominations.services.reevaluation import request_reevaluation
from thidua.nominations.services.unit_files import upload_unit_file
from thidua.organizations.imports.template import staff_template_bytes
from thidua.organizations.services.records import (
    record_assessment,
    record_review_matter,
)
from thidua.organizations.services.staff_import import start_staff_import
from thidua.submissions.services import submission as submission_services

from .api.data import COUNCIL_DONE, propose
from .decisions.factories import head_of, issued_decision
from .documents.certs import PASSPHRASE, make_cert, make_p12
from .factories import make_org, make_users
from .movements.factories import ISSUED_ON, issue_movement
from .submissions.factories import submit_nominations

__all__ = ["PDF", "SIGNER", "build_world"]

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"
SIGNER = {"signer_title": "Giám đốc", "signer_name": "Vũ Hoàng Quý"}
# Every API scope, and the two narrow tokens the matrix calls "without the scope".
TOKEN_KINDS = {
    "all": list(ApiScope.values),
    "agencies": [ApiScope.AGENCIES_READ],
    "people": [ApiScope.PEOPLE_READ],
}


def _movement(org, launcher, **extra):
    """A complete launch document of ``launcher`` (tests/movements/factories.py, for
    any agency)."""
    launcher.place_name = "Lạng Sơn"
    launcher.save(update_fields=["place_name"])
    movement = create_movement(
        {
            "name": f"Phong trào thi đua năm 2026 của {launcher.name}",
            "kind": "thuong_xuyen",
            "year": 2026,
            "scope_agency": launcher,
            "type_code": "KH",
            "document_title": "Kế hoạch",
            "theme": "Kỷ cương, trách nhiệm, hành động, sáng tạo",
            "opening": "Thực hiện Chỉ thị số 02/CT-UBND của UBND tỉnh;",
            "closing": "Giám đốc Sở kêu gọi toàn thể công chức hưởng ứng./.",
            "archive_units": "VT, VP.",
            "starts_on": datetime.date(2026, 1, 1),
            **SIGNER,
        }
        | extra,
        launcher=launcher,
    )
    replace_section(movement, "purposes", [{"text": "Động viên công chức."}])
    replace_section(movement, "contents", [{"text": "Chuyển đổi số."}])
    replace_section(
        movement, "duties", [{"actor": "don_vi", "text": "Các phòng quán triệt."}]
    )
    replace_section(
        movement,
        "recipients",
        [{"kind": "don_vi_truc_thuoc", "agency": launcher, "label": "Các đơn vị"}],
    )
    movement.refresh_from_db()
    return movement


def _movements(w, admin):
    org = w.org
    w.draft_movement = _movement(org, org.skhdt, name="Bản nháp của Sở KH&ĐT")
    # Before the head (no staff record here: his approval is refused on its merits).
    w.awaiting_movement = transition_movement(
        _movement(org, org.skhdt, name="Kế hoạch chờ Giám đốc duyệt"), "cho_duyet"
    )
    movement = issue_movement(_movement(org, org.skhdt), issued_on=ISSUED_ON)
    w.registration = transition_registration(
        save_registration(
            movement,
            org.dkkd,
            collective_title="TTLDXS",
            pledges="Đúng hạn.",
            entries=[{"person": w.dkkd_staff, "title": "LDTT", "pledge": ""}],
        ),
        "da_gui",
    )
    w.delivery = movement.deliveries.get(agency=org.dkkd)
    w.indicator = save_indicator(
        movement,
        name="Tỷ lệ hồ sơ đăng ký doanh nghiệp qua mạng",
        unit_of_measure="%",
        baseline=Decimal("60"),
        target=Decimal("100"),
        direction="tang",
        owner=org.dkkd,
        due_on=datetime.date(2026, 12, 31),
        content_item=movement.contents.first(),
    )
    w.progress = report_progress(
        w.indicator,
        reported_on=min(datetime.date(2026, 6, 30), timezone.localdate()),
        value=Decimal("70"),
        evidence=SimpleUploadedFile("bao-cao.pdf", PDF),
    )
    movement = transition_movement(movement, "dang_thuc_hien")
    review = draft_review(movement, "so_ket")
    w.review = issue_review(
        update_review(
            review,
            title=review.title,
            sections=[
                {**s, "text": s["text"] or "Đã thực hiện."} for s in review.sections
            ],
            **SIGNER,
        ),
        issued_on=datetime.date(2026, 7, 1),
    )
    movement.refresh_from_db()
    w.movement = movement
    w.other_movement = issue_movement(
        _movement(org, org.other), issued_on=ISSUED_ON, actor=admin
    )
    w.other_delivery = w.other_movement.deliveries.get(agency=org.other_unit)


def _commendation(w, users):
    org = w.org
    admin = users["admin"]
    deadline = datetime.date(2099, 12, 31)
    w.round = open_round(
        agency=org.skhdt,
        name="Xét khen thưởng năm 2025",
        kind="hang_nam",
        year=2025,
        submission_deadline=deadline,
    )
    w.other_round = open_round(
        agency=org.other,
        name="Xét khen thưởng Sở Tài chính 2025",
        kind="hang_nam",
        year=2025,
        submission_deadline=deadline,
    )
    # Proposed by Phòng ĐKKD (its head sees them), by the Văn phòng (he does not), and
    # in Sở Tài chính's round.
    w.draft = propose(w.round, org.dkkd, w.dkkd_staff, "CSTDCS")
    # Each unit's biên bản bình xét for its dossiers of the round (issue #17).
    w.unit_file, w.other_unit_file = (
        upload_unit_file(
            round_,
            unit,
            kind="bien_ban_binh_xet",
            upload=SimpleUploadedFile("Biên bản bình xét.pdf", b"%PDF-1.7\n%%EOF"),
        )
        for round_, unit in ((w.round, org.dkkd), (w.other_round, org.other))
    )
    w.submitted = propose(
        w.round, org.dkkd, w.head, "LDTT", through=["da_gui"], actor=admin
    )
    w.to_council = propose(
        w.round,
        org.dkkd,
        w.head,
        "CSTDCS",
        through=["da_gui", "da_tham_dinh", "trinh_hoi_dong"],
        actor=admin,
    )
    w.decided = propose(
        w.round, org.vp, w.vp_staff, "LDTT", through=COUNCIL_DONE, actor=admin
    )
    w.theirs = propose(
        w.other_round,
        org.other_unit,
        w.other_staff,
        "LDTT",
        through=COUNCIL_DONE,
        actor=admin,
    )
    # What Phòng ĐKKD claims with its draft, and Sở Tài chính's unit with its own.
    w.evidence = DossierEvidence.objects.create(
        nomination=w.draft, kind="xep_loai", year=2025, rating="HTXS"
    )
    w.their_evidence = DossierEvidence.objects.create(
        nomination=w.theirs, kind="xep_loai", year=2025, rating="HTXS"
    )
    noticed = propose(
        w.round, org.vp, w.officer, "LDTT", through=COUNCIL_DONE, actor=admin
    )
    w.notice = open_notice(w.round, [noticed], starts_on=timezone.localdate())
    w.decision = issued_decision(
        w.round, [w.decided], issued_on=datetime.date(2026, 1, 15), **SIGNER
    )
    w.other_decision = issued_decision(
        w.other_round, [w.theirs], issued_on=datetime.date(2026, 1, 16), **SIGNER
    )
    # Drafted by the office and before the head (whose account has no staff record
    # in this world: his approval is refused on its merits, nothing changes).
    w.awaiting_decision = draft_decision(
        w.round,
        [
            propose(
                w.round,
                org.vp,
                w.secretary,
                "LDTT",
                through=COUNCIL_DONE,
                actor=admin,
            )
        ],
        planned_on=datetime.date(2026, 1, 15),
    )
    submit_decision(w.awaiting_decision)
    # Beyond the director's authority: sent up to the province in a tờ trình.
    sent = propose(
        w.round,
        org.dkkd,
        w.dkkd_staff,
        "CSTD_BO_TINH",
        through=COUNCIL_DONE,
        actor=admin,
    )
    w.submission = submit_nominations(
        w.round,
        [sent],
        issued_on=datetime.date(2026, 1, 20),
        actor=users["officer"],
        **SIGNER,
    )
    w.item = w.submission.items.get()
    # A tờ trình drafted by the office and before the head, not sent yet.
    w.awaiting_submission = submission_services.submit_nominations(
        w.round,
        [
            propose(
                w.round,
                org.vp,
                w.secretary,
                "CSTD_BO_TINH",
                through=COUNCIL_DONE,
                actor=admin,
            )
        ],
        planned_on=datetime.date(2026, 1, 20),
        actor=users["officer"],
    )
    submission_services.submit_submission(w.awaiting_submission)
    w.award = record_award(
        person=w.dkkd_staff,
        code="LDTT",
        year=2023,
        decision_number="01/QĐ-SKHĐT",
        decision_date=datetime.date(2024, 1, 15),
        decided_by="Giám đốc Sở",
    )
    w.collective_award = record_award(
        agency=org.dkkd,
        code="TTLDTT",
        year=2023,
        decision_number="02/QĐ-SKHĐT",
        decision_date=datetime.date(2024, 1, 15),
        decided_by="Giám đốc Sở",
    )
    w.assessment = record_assessment(w.dkkd_staff, year=2024, rating="HTT")
    w.other_assessment = record_assessment(w.other_staff, year=2024, rating="HTT")


def _councils(w, users):
    org = w.org
    secretary = users["council_secretary"]
    w.seat = org.council.members.get(person=w.secretary)
    org.council.abbreviation = "HĐTĐKT"
    org.council.save(update_fields=["abbreviation"])
    meeting = schedule_meeting(
        org.council,
        title="Phiên họp xét khen thưởng năm 2025",
        scheduled_at=timezone.now() - datetime.timedelta(hours=2),
        location="Phòng họp",
    )
    open_meeting(meeting, actor=secretary)
    for seat in seated_members(org.council, on=timezone.localdate()):
        record_attendance(meeting, seat, present=True)
    # Another matter of the meeting, voted on and counted (its box: "box").
    opened = open_ballots(
        meeting, [add_agenda_item(meeting, label="Quy chế thi đua")], actor=secretary
    )
    close_box(opened.box, opened.code, actor=secretary)
    w.box = opened.box
    close_meeting(meeting, actor=secretary)
    w.minutes = issue_minutes(meeting, actor=secretary)
    w.meeting = meeting
    w.other_meeting = schedule_meeting(
        org.other_council,
        title="Phiên họp của Sở Tài chính",
        scheduled_at=timezone.now() + datetime.timedelta(days=7),
    )


def _registry(w, users):
    org = w.org
    admin = users["admin"]
    w.matter, w.other_matter = (
        record_review_matter(
            person, kind="khieu_nai", start_date=datetime.date(2025, 1, 5)
        )
        for person in (w.vp_staff, w.other_staff)
    )
    jobs = {}
    for key, agency in (("import_job", org.skhdt), ("other_import_job", org.other)):
        upload = SimpleUploadedFile("mau.xlsx", staff_template_bytes(agency))
        jobs[key] = start_staff_import(upload, agency=agency, actor=admin, dry_run=True)
    w.import_job, w.other_import_job = jobs["import_job"], jobs["other_import_job"]
    expires = timezone.now() + datetime.timedelta(days=30)
    w.token, _plaintext = issue_token(
        users["officer"], "Tích hợp", ["people:read"], expires
    )
    w.account = users["staff"]
    w.role = w.account.roles.get()
    (w.notification,) = notify(
        [users["officer"]], "movements.deliver", "Văn bản đến", link="/"
    )
    w.api_tokens = {
        role: {
            kind: issue_token(user, f"Ma trận {kind}", scopes, expires)[1]
            for kind, scopes in TOKEN_KINDS.items()
        }
        for role, user in users.items()
    }


# A công văn the Sở's office writes and its clerk issues (tests/access_world.py).
WRITTEN_LETTER = {
    "symbol": "SKHĐT-VP",
    "trich_yeu": "V/v gửi danh sách đơn vị đăng ký thi đua",
    "kinh_gui": ["Ban Thi đua - Khen thưởng tỉnh"],
    "body": [{"type": "paragraph", "text": "Sở gửi kèm danh sách đơn vị."}],
    "recipients": ["Như trên"],
}


def _issued(draft, w, users):
    """``draft`` before the Sở's head (his staff record made), approved, issued."""
    for to, actor in (
        ("cho_duyet", users["officer"]),
        ("da_duyet", head_of(w.org.skhdt)),
        ("da_ban_hanh", users["clerk"]),
    ):
        draft = transition_draft(draft, to, actor=actor)
    return draft


def _drafts(w, users):
    """A launch plan written in thidua by Sở KH&ĐT (signer named, a file attached)
    and a report of Sở Tài chính."""
    w.written = create_draft(
        agency=w.org.skhdt, template_code="ke_hoach_tinh", actor=users["officer"]
    )
    content = copy.deepcopy(w.written.content)
    content["signers"][0]["name"] = "Vũ Hoàng Quý"
    w.written = save_content(w.written, content, actor=users["officer"])
    w.written_file = attach_file(
        w.written,
        SimpleUploadedFile("Danh sách.pdf", b"%PDF-1.7\n%%EOF"),
        actor=users["officer"],
    )
    w.written.refresh_from_db()
    w.other_written = create_draft(
        agency=w.org.other, kind="bao_cao", actor=users["other_officer"]
    )
    # The draft movement's plan written in the editor, linked to it.
    w.movement_plan = write_launch_plan(w.draft_movement, actor=users["officer"])
    # Issued (approved by a head with his staff record): the file goes with it.
    issued = create_draft(agency=w.org.skhdt, kind="cong_van", actor=users["officer"])
    content = issued.content | copy.deepcopy(WRITTEN_LETTER)
    issued = save_content(issued, content, actor=users["officer"])
    w.delivered_file = attach_file(
        issued, SimpleUploadedFile("Phụ lục.pdf", b"%PDF-1.7\n%%EOF")
    )
    w.issued_written = _issued(issued, w, users).issued_document
    # A movement launched by its plan, issued with a file attached.
    w.plan_movement = _movement(w.org, w.org.skhdt, name="Phát động bằng kế hoạch")
    plan = write_launch_plan(w.plan_movement, actor=users["officer"])
    w.plan_file = attach_file(
        plan, SimpleUploadedFile("Tiêu chí.pdf", b"%PDF-1.7\n%%EOF")
    )
    _issued(plan, w, users)


def build_world() -> SimpleNamespace:
    """Call inside a transaction the caller rolls back, with docx_to_pdf replaced."""
    org = make_org()
    users = make_users(org)
    w = SimpleNamespace(org=org, users=users)
    for key in (
        "province",
        "sknv",
        "btdkt",
        "skhdt",
        "vp",
        "dkkd",
        "other",
        "other_unit",
        "council",
        "other_council",
    ):
        setattr(w, key, getattr(org, key))
    for key, person in org.people.items():
        setattr(w, key, person)
    w.cluster = org.skhdt.cluster_memberships.get().cluster
    for agency, abbreviation in ((org.skhdt, "SKHĐT"), (org.other, "STC")):
        agency.place_name, agency.abbreviation = "Lạng Sơn", abbreviation
        agency.save(update_fields=["place_name", "abbreviation"])
    with TestCase.captureOnCommitCallbacks(execute=True):  # the files are rendered
        _movements(w, users["admin"])
        _commendation(w, users)
        _councils(w, users)
        _registry(w, users)
        _drafts(w, users)
        # The open dossiers judged again (the run's job runs when it commits).
        w.reevaluation, _created = request_reevaluation(actor=users["admin"])
    w.vp_award = Award.objects.get(person=w.vp_staff)
    w.other_award = Award.objects.get(person=w.other_staff)
    w.document = w.decision.issued_document
    w.other_document = w.other_decision.issued_document
    # After the renders, so that no test download has a signature to check.
    w.credential = upload_credential(
        org.other,
        make_p12(*make_cert("Sở Tài chính (thử nghiệm)", slot=1)),
        PASSPHRASE,
        "Chứng thư Sở Tài chính",
        True,
        users["admin"],
    )
    for obj in vars(w).values():
        if hasattr(obj, "refresh_from_db"):
            obj.refresh_from_db()
    return w
