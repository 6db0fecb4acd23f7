"""The decision the head decides (issue #14, point 2): the TĐKT office drafts it, the
head — or a deputy signing for him (KT.) — approves or returns it with a reason, and
only then does the clerk take the number and issue it. The signer block is the
approver's staff record, never free text; each step is audited with who and when."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from thidua.accounts.enums import Role
from thidua.accounts.services import create_account
from thidua.common.models import ActivityLog
from thidua.decisions.models import Decision
from thidua.decisions.services.decision import (
    approve_decision,
    draft_decision,
    issue_decision,
    return_decision,
    submit_decision,
)
from thidua.nominations.models import Nomination

from ..factories import PASSWORD
from .factories import give_person
from .test_decisions import decided
from .test_decisions import round_ as round_  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 1, 15)


def _draft(round_, org, users, person="dkkd_staff"):
    return draft_decision(
        round_,
        [decided(round_, org, person, "LDTT", users)],
        planned_on=DAY,
        legal_basis="Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022;",
        actor=users["officer"],
    )


@pytest.fixture
def head(org, users):
    return give_person(users["head"], org.skhdt, "Vũ Hoàng Quý", "Giám đốc Sở")


def _move(client, decision, to, **extra):
    return client.post(
        reverse("decisions:decision-move", args=[decision.pk]), {"to": to, **extra}
    )


def test_the_whole_path_through_the_pages(
    client_for, round_, org, users, head, django_assert_max_num_queries
):
    decision = _draft(round_, org, users)
    officer = client_for("officer")
    page = officer.get(decision.get_absolute_url())
    assert [m.target for m in page.context["moves"]] == ["cho_duyet"]
    # The officer may neither approve nor issue.
    assert _move(officer, decision, "da_duyet").status_code == 403
    assert _move(officer, decision, "cho_duyet").status_code == 302
    decision.refresh_from_db()
    assert decision.state == "cho_duyet"
    assert _move(officer, decision, "da_duyet").status_code == 403

    # The head's queue, the council's result and the dossier a click away; its
    # queries do not grow with the decisions in it (the council's results and the
    # awardees' records for the verdicts: a few more, fixed; test_approval_brief.py;
    # the menu counts the tờ trình and launch documents waiting too; the days the
    # dossiers were received, for the law they are judged under; the evidence the
    # office confirmed, which the verdicts count; the unread notifications' badge and
    # the to-do's figure).
    second = _draft(round_, org, users, person="head")
    boss = client_for("head")
    queue = reverse("decisions:decision-approvals")
    with django_assert_max_num_queries(26) as one:
        page = boss.get(queue)
    assert page.context["decisions"] == [decision]
    submit_decision(second, actor=users["officer"])
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = boss.get(queue)
    assert page.context["decisions"] == [decision, second]
    html = page.content.decode()
    item = decision.items.get()
    assert item.nomination.get_absolute_url() in html
    assert "Hội đồng đã xét" in html or item.nomination.get_state_display() in html
    assert client_for("officer").get(queue).context["decisions"] == []

    # The clerk may not approve; the head of another agency does not see it.
    assert _move(client_for("clerk"), decision, "da_duyet").status_code == 403
    stranger = client_for("admin")
    stranger.force_login(
        create_account(
            username="giamdocstc",
            password=PASSWORD,
            roles=[(Role.HEAD, org.other, None)],
        )
    )
    assert stranger.get(decision.get_absolute_url()).status_code == 404
    assert _move(stranger, decision, "da_duyet").status_code == 404

    boss = client_for("head")
    assert [
        m.target for m in boss.get(decision.get_absolute_url()).context["moves"]
    ] == ["da_duyet", "tra_lai"]
    assert _move(boss, decision, "da_duyet").status_code == 302
    decision.refresh_from_db()
    assert decision.state == "da_duyet"
    assert decision.approved_by == users["head"] and decision.approved_at
    assert (decision.signer_authority, decision.signer_title, decision.signer_name) == (
        "",
        "Giám đốc Sở",
        "Vũ Hoàng Quý",
    )
    assert _move(client_for("officer"), decision, "da_ban_hanh").status_code == 403

    clerk = client_for("clerk")
    page = clerk.get(reverse("decisions:decision-issue-queue"))
    assert page.context["decisions"] == [decision]
    # The issuing button asks first, naming what it does to which decision.
    detail = clerk.get(decision.get_absolute_url()).content.decode()
    assert 'data-confirm="Ban hành «Dự thảo quyết định:' in detail
    assert "lấy số tiếp theo của sổ quyết định, không thể hoàn tác" in detail
    _move(clerk, decision, "da_ban_hanh", issued_on="31/02/2026")  # no such day
    decision.refresh_from_db()
    assert decision.state == "da_duyet"
    response = _move(clerk, decision, "da_ban_hanh", issued_on="15/01/2026")
    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.state == "da_ban_hanh"
    document = decision.issued_document
    assert document.symbol.endswith("/QĐ-SKHĐT") and document.issued_on == DAY
    # The number and the date taken, told once it is done.
    told = [str(m) for m in clerk.get(decision.get_absolute_url()).context["messages"]]
    assert told[-1:] == [f"Đã ban hành số {document.symbol} ngày 15/01/2026."]
    assert (document.signer_title, document.signer_name) == (
        "Giám đốc Sở",
        "Vũ Hoàng Quý",
    )
    assert item.nomination.__class__.objects.get(pk=item.nomination_id).state == (
        "da_quyet_dinh"
    )
    steps = {
        entry.action: entry
        for entry in ActivityLog.objects.filter(object_id=str(decision.pk)).filter(
            action__startswith="decisions."
        )
    }
    assert {a: steps[a].actor_id for a in steps} == {
        "decisions.draft": users["officer"].pk,
        "decisions.submit": users["officer"].pk,
        "decisions.approve": users["head"].pk,
        "decisions.issue": users["clerk"].pk,
    }
    assert steps["decisions.approve"].data["signer"] == "Giám đốc Sở Vũ Hoàng Quý"
    assert steps["decisions.issue"].data["symbol"] == document.symbol
    assert all(entry.timestamp for entry in steps.values())


def test_the_deputy_signs_for_the_head(round_, org, users, head):
    deputy = give_person(users["deputy"], org.skhdt, "Lý Văn Sơn", "Phó Giám đốc Sở")
    decision = _draft(round_, org, users)
    submit_decision(decision, actor=users["officer"])
    approve_decision(decision, actor=deputy)
    decision.refresh_from_db()
    assert decision.approved_by == deputy
    assert (
        decision.signer_authority,
        decision.signer_principal,
        decision.signer_title,
        decision.signer_name,
    ) == ("KT.", "Giám đốc Sở", "Phó Giám đốc Sở", "Lý Văn Sơn")


def test_the_signer_must_be_on_record(round_, org, users):
    decision = _draft(round_, org, users)
    submit_decision(decision, actor=users["officer"])
    with pytest.raises(ValidationError, match="chưa gắn hồ sơ cá nhân"):
        approve_decision(decision, actor=users["head"])  # no staff record
    deputy = give_person(users["deputy"], org.skhdt, "Lý Văn Sơn", "Phó Giám đốc Sở")
    with pytest.raises(ValidationError, match="chưa có thủ trưởng"):
        approve_decision(decision, actor=deputy)  # no head to sign for
    decision.refresh_from_db()
    assert decision.state == "cho_duyet" and decision.approved_by is None
    with pytest.raises(PermissionDenied):  # an administrator does not approve
        approve_decision(decision, actor=users["admin"])


def test_returned_with_a_reason_then_submitted_again(
    client_for, round_, org, users, head
):
    decision = _draft(round_, org, users)
    with pytest.raises(ValidationError):  # not before the head yet
        return_decision(decision, actor=head, reason="x")
    submit_decision(decision, actor=users["officer"])
    with pytest.raises(ValidationError):
        return_decision(decision, actor=head, reason="  ")
    return_decision(decision, actor=head, reason="Bổ sung căn cứ Nghị định 152")
    decision.refresh_from_db()
    assert decision.state == "tra_lai"
    assert decision.return_reason == "Bổ sung căn cứ Nghị định 152"
    assert (
        "Nghị định 152"
        in client_for("officer").get(decision.get_absolute_url()).content.decode()
    )
    entry = ActivityLog.objects.get(action="decisions.return")
    assert entry.actor_id == head.pk
    assert entry.data["reason"] == "Bổ sung căn cứ Nghị định 152"
    with pytest.raises(PermissionDenied):
        submit_decision(decision, actor=users["clerk"])
    submit_decision(decision, actor=users["officer"])
    approve_decision(decision, actor=head)
    decision.refresh_from_db()
    assert decision.state == "da_duyet" and decision.return_reason == ""
    with pytest.raises(PermissionDenied):  # the head does not take the number
        issue_decision(decision, issued_on=DAY, actor=head)


def test_issue_waits_for_the_approval(round_, org, users):
    decision = _draft(round_, org, users)
    with pytest.raises(ValidationError):
        issue_decision(decision, issued_on=DAY, actor=users["clerk"])
    decision.refresh_from_db()
    assert decision.issued_document is None


def test_issue_checks_the_list_again(round_, org, users, head):
    decision = _draft(round_, org, users)
    submit_decision(decision)
    approve_decision(decision, actor=head)
    Nomination.objects.filter(pk=decision.items.get().nomination_id).update(
        state="da_gui"
    )
    with pytest.raises(ValidationError, match="chưa được Hội đồng xét"):
        issue_decision(decision, issued_on=DAY, actor=users["clerk"])
    decision.refresh_from_db()
    assert decision.state == "da_duyet" and decision.issued_document is None


def test_draft_refusals(round_, org, users):
    with pytest.raises(ValidationError, match="ít nhất một"):
        draft_decision(round_, [], planned_on=DAY)
    nomination = decided(round_, org, "dkkd_staff", "LDTT", users)
    with pytest.raises(PermissionDenied):
        draft_decision(
            round_, [nomination], planned_on=DAY, actor=users["other_officer"]
        )
    draft_decision(round_, [nomination], planned_on=DAY, actor=users["officer"])
    with pytest.raises(ValidationError, match="đã có trong một dự thảo"):
        draft_decision(round_, [nomination], planned_on=DAY)


def test_the_database_holds_the_steps(round_, org, users, head):
    decision = _draft(round_, org, users)
    rows = Decision.objects.filter(pk=decision.pk)
    with pytest.raises(IntegrityError), transaction.atomic():
        rows.update(state="tra_lai")  # returned without its reason
    with pytest.raises(IntegrityError), transaction.atomic():
        rows.update(state="da_duyet")  # approved with no approver on record
    with pytest.raises(IntegrityError), transaction.atomic():
        rows.update(state="da_ban_hanh", legacy=True)  # issued without a number
    submit_decision(decision)
    approve_decision(decision, actor=head)
    decision = issue_decision(decision, issued_on=DAY, actor=users["clerk"])
    rows = Decision.objects.filter(pk=decision.pk)
    with pytest.raises(IntegrityError), transaction.atomic():
        rows.update(approved_by=None)  # issued, not legacy: the approver stays
    rows.update(approved_by=None, approved_at=None, legacy=True)  # issued before #14
    with pytest.raises(IntegrityError), transaction.atomic():
        rows.update(state="da_duyet")  # but a number is an issue's, not a draft's


def _decided_entry(nomination):
    """The audit entry of the nomination's move to "đã quyết định"."""
    [entry] = [
        e
        for e in ActivityLog.objects.filter(
            action="nominations.transition", object_id=str(nomination.pk)
        )
        if e.data.get("changes", {}).get("state", [None, None])[1] == "da_quyet_dinh"
    ]
    return entry


@pytest.mark.parametrize("who", ["clerk", None])
def test_the_nominations_are_decided_in_the_issuers_name(round_, org, users, head, who):
    """Issuing moves the dossiers to "đã quyết định" in the clerk's name — in the
    approving head's when the caller names nobody — never as the system."""
    decision = _draft(round_, org, users)
    submit_decision(decision)
    approve_decision(decision, actor=head)
    issue_decision(decision, issued_on=DAY, actor=users[who] if who else None)
    nomination = decision.items.get().nomination
    nomination.refresh_from_db()
    assert nomination.state == "da_quyet_dinh"
    expected = users[who] if who else head
    assert _decided_entry(nomination).actor == expected
    event = nomination.events.get(to_state="da_quyet_dinh")
    assert event.actor_display == (expected.get_full_name() or expected.username)
    assert event.actor_display != "hệ thống"
