"""The tờ trình goes through the head before it leaves the agency: drafted by the TĐKT
office, put before the head, approved (or returned with the reason), numbered and sent
by the clerk — through the pages, with each refusal a sentence and each step audited."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from thidua.accounts.enums import Role
from thidua.accounts.services import create_account
from thidua.common.models import ActivityLog
from thidua.submissions.models import Submission
from thidua.submissions.services import submission as service

from ..decisions.factories import PASSWORD, give_person
from ..decisions.test_decisions import decided
from .factories import awaiting_submission
from .test_submissions import DAY

pytestmark = pytest.mark.django_db


def _move(client, submission, to, **data):
    return client.post(
        reverse("submissions:move", args=[submission.pk]), {"to": to, **data}
    )


def _moves(client, submission) -> list[str]:
    page = client.get(submission.get_absolute_url())
    return [m.target for m in page.context["moves"]]


def _stranger(client, org):
    """The head of another Sở, signed in on ``client``."""
    client.force_login(
        create_account(
            username="giamdocstc",
            password=PASSWORD,
            roles=[(Role.HEAD, org.other, None)],
        )
    )
    return client


def test_the_whole_path_through_the_pages(client_for, round_, org, users):
    give_person(users["head"], org.skhdt, "Vũ Hoàng Quý", "Giám đốc Sở")
    nomination = decided(round_, org, "dkkd_staff", "CSTD_BO_TINH", users)
    officer = client_for("officer")
    officer.post(
        reverse("submissions:create", args=[round_.pk]),
        {"nomination": [nomination.pk], "planned_on": "20/01/2026"},
    )
    draft = Submission.objects.get()
    assert _moves(officer, draft) == ["cho_duyet"]
    # The office may neither approve nor number its own draft.
    for to in ("da_duyet", "da_ban_hanh"):
        assert _move(officer, draft, to).status_code == 403
    assert _move(officer, draft, "cho_duyet").status_code == 302
    draft.refresh_from_db()
    assert draft.state == "cho_duyet" and _moves(officer, draft) == []
    # Not the clerk's to approve; another Sở's head does not even see it; the province
    # does not see a tờ trình before it is sent.
    assert _move(client_for("clerk"), draft, "da_duyet").status_code == 403
    stranger = _stranger(client_for("admin"), org)
    assert stranger.get(draft.get_absolute_url()).status_code == 404
    assert _move(stranger, draft, "da_duyet").status_code == 404
    higher = client_for("higher_officer")
    assert higher.get(draft.get_absolute_url()).status_code == 404

    head = client_for("head")
    queue = head.get(reverse("approvals"))
    assert queue.context["submissions"] == [draft]
    assert _moves(head, draft) == ["da_duyet", "tra_lai"]
    # Returned: only with the reason, which the office reads on the page.
    page = head.post(
        reverse("submissions:move", args=[draft.pk]),
        {"to": "tra_lai", "reason": " "},
        follow=True,
    ).content.decode()
    assert "Phải ghi lý do trả lại." in page
    _move(head, draft, "tra_lai", reason="Bổ sung báo cáo thành tích.")
    draft.refresh_from_db()
    assert draft.state == "tra_lai"
    page = client_for("officer").get(draft.get_absolute_url()).content.decode()
    assert "Bổ sung báo cáo thành tích." in page
    assert _moves(client_for("officer"), draft) == ["cho_duyet"]
    _move(client_for("officer"), draft, "cho_duyet")

    assert _move(client_for("head"), draft, "da_duyet").status_code == 302
    draft.refresh_from_db()
    assert draft.state == "da_duyet" and draft.approved_by == users["head"]
    assert draft.return_reason == "" and draft.document_id is None
    assert (draft.signer_authority, draft.signer_title, draft.signer_name) == (
        "",
        "Giám đốc Sở",
        "Vũ Hoàng Quý",
    )
    assert _move(client_for("officer"), draft, "da_ban_hanh").status_code == 403

    clerk = client_for("clerk")
    assert clerk.get(reverse("issue-queue")).context["submissions"] == [draft]
    _move(clerk, draft, "da_ban_hanh", issued_on="31/02/2026")  # no such day
    draft.refresh_from_db()
    assert draft.state == "da_duyet"
    assert _move(clerk, draft, "da_ban_hanh", issued_on="20/01/2026").status_code == 302
    draft.refresh_from_db()
    assert draft.state == "da_ban_hanh" and draft.symbol.endswith("/TTr-SKHĐT")
    told = [str(m) for m in clerk.get(draft.get_absolute_url()).context["messages"]]
    assert told[-1:] == [f"Đã lấy số {draft.symbol} ngày 20/01/2026 và trình cấp trên."]
    assert draft.document.issued_on == DAY
    assert draft.document.signer_name == "Vũ Hoàng Quý"
    nomination.refresh_from_db()
    assert nomination.state == "trinh_cap_tren"
    assert higher.get(draft.get_absolute_url()).status_code == 200
    # Every step in the tờ trình's history, under its own action.
    assert list(
        ActivityLog.objects.filter(
            action__startswith="submissions.", object_id=str(draft.pk)
        )
        .order_by("seq")
        .values_list("action", flat=True)
    ) == [
        "submissions.draft",
        "submissions.ask_approval",
        "submissions.send_back",
        "submissions.ask_approval",
        "submissions.approve",
        "submissions.issue",
    ]


def test_nothing_leaves_without_the_head(round_, org, users):
    give_person(users["head"], org.skhdt, "Vũ Hoàng Quý", "Giám đốc Sở")
    awaiting = awaiting_submission(org, users, round_)
    # Not approved: the clerk — or a trusted caller — gets a sentence, no number.
    for actor in (users["clerk"], None):
        with pytest.raises(ValidationError, match="chưa được thủ trưởng duyệt"):
            service.issue_submission(awaiting, issued_on=DAY, actor=actor)
    # Not the head's office, the clerk, an administrator, nor another Sở's head.
    stranger = create_account(
        username="giamdocstc", password=PASSWORD, roles=[(Role.HEAD, org.other, None)]
    )
    for actor in (users["officer"], users["clerk"], users["admin"], stranger, None):
        with pytest.raises(PermissionDenied):
            service.approve_submission(awaiting, actor=actor)
    with pytest.raises(PermissionDenied):
        service.return_submission(awaiting, actor=users["officer"], reason="x")
    with pytest.raises(ValidationError) as exc:
        service.return_submission(awaiting, actor=users["head"], reason="  ")
    assert exc.value.message_dict == {"reason": ["Phải ghi lý do trả lại."]}
    # The nominee is in this draft: not in a second one.
    with pytest.raises(ValidationError, match="đã có trong một dự thảo tờ trình khác"):
        service.submit_nominations(
            round_,
            [awaiting.items.get().nomination],
            planned_on=DAY,
            actor=users["officer"],
        )
    approved = service.approve_submission(awaiting, actor=users["head"])
    with pytest.raises(ValidationError, match="Chỉ tờ trình đang chờ thủ trưởng"):
        service.approve_submission(approved, actor=users["head"])
    with pytest.raises(ValidationError, match="Chỉ tờ trình đang chờ thủ trưởng"):
        service.return_submission(approved, actor=users["head"], reason="Muộn.")
    awaiting.refresh_from_db()
    assert awaiting.state == "da_duyet" and awaiting.document_id is None


def test_what_changed_since_the_approval_stops_the_clerk(round_, org, users):
    """The nominee is checked again on the issue date: one settled since (not to be
    commended after all) stops the tờ trình, nothing numbered."""
    from thidua.nominations.enums import NominationState
    from thidua.nominations.services.nomination import transition_nomination

    give_person(users["head"], org.skhdt, "Vũ Hoàng Quý", "Giám đốc Sở")
    approved = service.approve_submission(
        awaiting_submission(org, users, round_), actor=users["head"]
    )
    nomination = approved.items.get().nomination
    transition_nomination(
        nomination, NominationState.NOT_AWARDED, reason="Không đủ tiêu chuẩn."
    )
    with pytest.raises(ValidationError, match="Không thể trình cấp trên"):
        service.issue_submission(approved, issued_on=DAY, actor=users["clerk"])
    approved.refresh_from_db()
    assert approved.state == "da_duyet" and approved.document_id is None


def test_a_draft_has_no_files_and_no_package(client_for, round_, org, users):
    awaiting = awaiting_submission(org, users, round_)
    officer = client_for("officer")
    page = officer.get(awaiting.get_absolute_url()).content.decode()
    assert 'data-testid="package"' not in page and "Dự thảo tờ trình" in page
    for url in (
        reverse("submissions:document", args=[awaiting.pk, "pdf"]),
        reverse("submissions:package", args=[awaiting.pk]),
    ):
        assert officer.get(url).status_code == 404
    # Nor is it in the province's inbox before it is sent.
    listing = client_for("higher_officer").get(reverse("submissions:list"))
    assert awaiting not in list(listing.context["inbox"])
    officer = client_for("officer")
    outbox = officer.get(reverse("submissions:list"))
    assert awaiting in list(outbox.context["outbox"])
    assert "Chờ thủ trưởng duyệt" in outbox.content.decode()


def test_an_item_goes_up_in_one_draft_at_a_time(org, users):
    """The Sở forwards a unit's nominee in a draft of its own; a second draft with the
    same nominee is refused while the first waits for the Sở's head."""
    import datetime

    from thidua.nominations.services.nomination import open_round

    from .factories import submit_nominations
    from .test_submissions import SIGN

    round_ = open_round(
        agency=org.dkkd,
        name="Xét phòng 2025",
        kind="hang_nam",
        year=2025,
        submission_deadline=datetime.date(2099, 1, 1),
    )
    nomination = decided(round_, org, "dkkd_staff", "CSTD_BO_TINH", users)
    item = submit_nominations(
        round_, [nomination], actor=users["admin"], **SIGN
    ).items.get()
    draft = service.forward_items(
        [item], agency=org.skhdt, planned_on=DAY, actor=users["officer"]
    )
    assert draft.state == "du_thao" and draft.to_agency == org.province
    with pytest.raises(ValidationError, match="đã có trong một tờ trình trình tiếp"):
        service.forward_items(
            [item], agency=org.skhdt, planned_on=DAY, actor=users["officer"]
        )
