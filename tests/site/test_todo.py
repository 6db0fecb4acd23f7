""" "Việc cần làm": each role's lines on the home page and the menu's figure; they
appear with the work and go when it is done; a constant number of queries."""

import datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from thidua.movements.enums import MovementState
from thidua.movements.models import Registration
from thidua.movements.services.dissemination import confirm_delivery
from thidua.movements.services.movement import transition_movement, update_movement
from thidua.nominations.enums import NominationState
from thidua.nominations.models import PublicNotice
from thidua.nominations.services.nomination import (
    add_attachment,
    create_nomination,
    open_round,
    transition_nomination,
)
from thidua.site.selectors import todo_count, todo_lines

from ..decisions.factories import head_of
from ..movements.factories import ISSUED_ON, issue_movement, make_movement

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 2, 10)
PDF = b"%PDF-1.7\n%%EOF"


def fresh(user):
    """The same account as a new request sees it (the to-do is kept per request)."""
    return type(user).objects.get(pk=user.pk)


def lines(user):
    return [
        (line.item.action, line.item.deadline, line.days_left)
        for line in todo_lines(fresh(user))
    ]


@pytest.fixture
def movement(org, users):
    draft = make_movement(org)
    update_movement(draft, {"registration_deadline": datetime.date(2026, 2, 28)})
    return issue_movement(draft, issued_on=ISSUED_ON)


@time_machine.travel(TODAY)
def test_the_unit_head_confirms_and_registers(client_for, movement, org, users):
    head = users["unit_head"]
    assert lines(head) == [
        # Ten working days after the plan's issue: Tết (16–20/02) does not count.
        ("Xác nhận quán triệt", datetime.date(2026, 2, 26), 16),
        ("Đăng ký thi đua", datetime.date(2026, 2, 28), 18),
    ]
    page = client_for("unit_head").get(reverse("dashboard")).content.decode()
    assert 'data-testid="menu-todo-count">2' in page
    assert "Hạn thứ Năm, 26/02/2026 · còn 16 ngày" in page and movement.name in page
    delivery = movement.deliveries.get(agency=org.dkkd)
    confirm_delivery(delivery, confirmed_on=TODAY, staff_reached=2, actor=head)
    assert [action for action, *_ in lines(head)] == ["Đăng ký thi đua"]
    Registration.objects.create(movement=movement, agency=org.dkkd, state="da_gui")
    assert lines(head) == []
    page = client_for("unit_head").get(reverse("dashboard")).content.decode()
    assert "Không có việc nào đang chờ bạn." in page
    assert 'data-testid="menu-todo-count"' not in page


def test_overdue_lines_are_red(client_for, movement, users):
    with time_machine.travel(datetime.date(2026, 3, 3)):
        assert lines(users["unit_head"])[0][2] == -5
        page = client_for("unit_head").get(reverse("dashboard")).content.decode()
    assert "quá hạn 5 ngày" in page and "list-group-item-danger" in page
    with time_machine.travel(datetime.date(2026, 2, 26)):
        page = client_for("unit_head").get(reverse("dashboard")).content.decode()
    assert "Hạn thứ Năm, 26/02/2026 · hôm nay" in page


def test_the_office_does_not_get_the_units_work(movement, users):
    assert lines(users["officer"]) == []
    assert lines(users["staff"]) == []


def _round(org, deadline=datetime.date(2099, 12, 31)):
    return open_round(
        agency=org.skhdt,
        name="Xét khen thưởng năm 2025",
        kind="hang_nam",
        year=2025,
        submission_deadline=deadline,
    )


def test_a_round_the_returned_dossier_and_the_appraisal(org, users):
    round_ = _round(org)
    _round(org, deadline=datetime.date(2000, 1, 1))  # past: not a to-do
    head, officer = users["unit_head"], users["officer"]
    assert lines(head) == [
        (
            "Gửi hồ sơ đề nghị khen thưởng",
            datetime.date(2099, 12, 31),
            lines(head)[0][2],
        )
    ]
    nomination = create_nomination(
        round_, proposing_unit=org.dkkd, person=org.people["dkkd_staff"], code="CSTDCS"
    )
    for kind in ("bao_cao_thanh_tich", "bien_ban_binh_xet", "chung_nhan_sang_kien"):
        add_attachment(
            nomination, kind=kind, upload=SimpleUploadedFile(f"{kind}.pdf", PDF)
        )
    nomination = transition_nomination(
        nomination, NominationState.SUBMITTED, actor=head
    )
    assert lines(head) == []
    (appraise,) = todo_lines(fresh(officer))
    assert (appraise.item.action, appraise.item.detail, appraise.item.count) == (
        "Thẩm định hồ sơ",
        "1 hồ sơ chờ thẩm định",
        1,
    )
    assert todo_count(fresh(officer)) == 1
    assert todo_count(fresh(users["head"])) == 0  # the queues have their own badges
    transition_nomination(
        nomination, NominationState.RETURNED, actor=officer, reason="Thiếu biên bản"
    )
    assert [(a, d) for a, d, _ in lines(head)] == [
        ("Gửi hồ sơ đề nghị khen thưởng", datetime.date(2099, 12, 31)),
        ("Hồ sơ bị trả lại — bổ sung, gửi lại", datetime.date(2099, 12, 31)),
    ]
    assert lines(officer) == []


def test_the_public_notice_ending(org, users):
    round_ = _round(org)
    today = timezone.localdate()
    PublicNotice.objects.create(
        round=round_,
        title="Công khai danh sách đề nghị",
        starts_on=today,
        ends_on=today + datetime.timedelta(days=14),
    )
    PublicNotice.objects.create(  # over: not a to-do
        round=round_,
        title="Đợt trước",
        starts_on=today - datetime.timedelta(days=30),
        ends_on=today - datetime.timedelta(days=16),
    )
    assert lines(users["officer"]) == [
        ("Kết thúc công khai, tổng hợp ý kiến", today + datetime.timedelta(days=14), 14)
    ]


def test_the_head_approves_and_the_clerk_numbers(org, users):
    movement = transition_movement(make_movement(org), MovementState.AWAITING)
    (line,) = todo_lines(fresh(users["head"]))
    assert (line.item.action, line.item.detail, line.item.url) == (
        "Duyệt, ký văn bản",
        "1 văn bản",
        reverse("approvals"),
    )
    assert todo_lines(fresh(users["clerk"])) == []
    transition_movement(
        movement, MovementState.APPROVED, actor=head_of(movement.launcher)
    )
    assert lines(users["head"]) == []
    (line,) = todo_lines(fresh(users["clerk"]))
    assert (line.item.action, line.item.url) == (
        "Lấy số, ban hành văn bản",
        reverse("issue-queue"),
    )


def test_empty_for_anonymous_and_kept_per_request(users):
    from django.contrib.auth.models import AnonymousUser  # noqa: PLC0415

    assert todo_lines(AnonymousUser()) == [] and todo_count(AnonymousUser()) == 0
    unit_head = fresh(users["unit_head"])
    todo_count(unit_head)
    first = unit_head._thidua_todo
    todo_lines(unit_head)
    assert unit_head._thidua_todo is first  # the home page reuses the menu's


@time_machine.travel(TODAY)
def test_the_menu_spends_few_queries(
    movement, org, users, django_assert_max_num_queries
):
    _round(org)
    # Roles, subtrees, then each provider's own (movements 2, nominations 4, ballots
    # 1; the queues have their own badges; the year's day swaps for the working-day
    # deadlines, cached between requests outside tests): the same however much work
    # waits.
    for role, most in (("unit_head", 10), ("officer", 11), ("head", 2), ("staff", 2)):
        user = fresh(users[role])
        with django_assert_max_num_queries(most, info=role):
            todo_count(user)
