import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from thidua.decisions.services.decision import (
    approve_decision,
    draft_decision,
    issue_decision,
    submit_decision,
)
from thidua.nominations.models import NoticeComment
from thidua.nominations.services.nomination import transition_nomination
from thidua.nominations.services.notice import (
    acknowledge_comment,
    add_comment,
    open_notice,
)

from ..decisions.factories import head_of
from ..decisions.test_decisions import decided
from ..decisions.test_decisions import round_ as round_  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
# Giỗ Tổ Hùng Vương 2026 (10/3 âm lịch) is a Sunday: this Monday is its nghỉ bù, so a
# notice published on it runs from the 28th (tests/common/test_workdays.py).
MONDAY = datetime.date(2026, 4, 27)


def test_notice_blocks_the_decision_until_it_ends_and_comments_are_answered(
    round_, org, users
):
    nomination = decided(round_, org, "dkkd_staff", "LDTT", users)
    notice = open_notice(
        round_, [nomination], starts_on=MONDAY, working_days=10, actor=users["officer"]
    )
    assert notice.ends_on == datetime.date(2026, 5, 13)
    nomination.refresh_from_db()
    assert nomination.state == "cong_khai"
    # Drafted and approved while the notice runs; the clerk's issue waits for it.
    decision = draft_decision(round_, [nomination], planned_on=MONDAY)
    submit_decision(decision)
    approve_decision(decision, actor=head_of(org.skhdt))
    with time_machine.travel(datetime.date(2026, 5, 5)):
        comment = add_comment(
            notice,
            nomination.pk,
            name="Nguyễn Văn A",
            contact="0912 345 678",
            content="Đề nghị xem lại ngày công",
        )
        with pytest.raises(ValidationError) as exc:
            issue_decision(decision, issued_on=datetime.date(2026, 5, 5))
        assert "đang công khai đến hết ngày 13/05/2026" in " ".join(exc.value.messages)
    with time_machine.travel(datetime.date(2026, 5, 14)):
        with pytest.raises(ValidationError) as exc:  # the notice closed for comments
            add_comment(notice, nomination.pk, name="B", contact="b", content="c")
        with pytest.raises(ValidationError) as exc:
            issue_decision(decision, issued_on=datetime.date(2026, 5, 14))
        assert "còn góp ý chưa được xem xét" in " ".join(exc.value.messages)
        with pytest.raises(ValidationError):
            acknowledge_comment(comment, response=" ", actor=users["officer"])
        acknowledge_comment(
            comment, response="Đã xác minh, đúng quy định", actor=users["officer"]
        )
        decision = issue_decision(decision, issued_on=datetime.date(2026, 5, 14))
    assert decision.items.count() == 1


def test_required_notice_for_cstdtq(round_, org, users, settings):
    settings.THIDUA_NOTICE_REQUIRED_CODES = frozenset({"LDTT"})
    nomination = decided(round_, org, "dkkd_staff", "LDTT", users)
    with pytest.raises(ValidationError) as exc:
        transition_nomination(nomination, "da_quyet_dinh")
    assert "phải công khai" in " ".join(exc.value.messages)


def test_only_council_decided_nominations_are_published(round_, org, users):
    nomination = decided(round_, org, "dkkd_staff", "LDTT", users)
    transition_nomination(nomination, "cong_khai")
    with pytest.raises(ValidationError):
        open_notice(round_, [nomination], starts_on=MONDAY)
    with pytest.raises(ValidationError):
        open_notice(round_, [], starts_on=MONDAY)


def test_pages_publish_comment_and_acknowledge(client_for, client, round_, org, users):
    nomination = decided(round_, org, "dkkd_staff", "LDTT", users)
    officer = client_for("officer")
    assert (
        reverse("nominations:notice-create", args=[round_.pk])
        in officer.get(round_.get_absolute_url()).content.decode()
    )
    today = timezone.localdate()
    response = officer.post(
        reverse("nominations:notice-create", args=[round_.pk]),
        {
            "nomination": [nomination.pk],
            "starts_on": today.strftime("%d/%m/%Y"),
            "working_days": 10,
            "title": "",
        },
    )
    assert response.status_code == 302
    notice = nomination.notices.get()
    assert staff_cannot_see(client_for, notice)
    client.logout()
    public_list = client.get(reverse("nominations:public-notice-list")).content.decode()
    assert notice.get_public_url() in public_list
    page = client.get(notice.get_public_url())
    text = page.content.decode()
    person = org.people["dkkd_staff"]
    assert person.full_name in text and person.cccd not in text
    bad = client.post(
        notice.get_public_url(),
        {"nomination": nomination.pk, "name": "", "contact": "x", "content": "y"},
    )
    assert bad.status_code == 200 and bad.context["form"].errors["name"]
    ok = client.post(
        notice.get_public_url(),
        {
            "nomination": nomination.pk,
            "name": "Trần Thị B",
            "contact": "tranb@example.vn",
            "content": "Ý kiến về thành tích",
        },
    )
    assert ok.status_code == 302
    comment = NoticeComment.objects.get()
    officer = client_for("officer")
    detail = officer.get(notice.get_absolute_url()).content.decode()
    assert "Ý kiến về thành tích" in detail and "tranb@example.vn" in detail
    officer.post(
        notice.get_absolute_url(), {"comment": comment.pk, "response": "Đã trả lời"}
    )
    comment.refresh_from_db()
    assert comment.acknowledged_at and comment.response == "Đã trả lời"


def staff_cannot_see(client_for, notice):
    staff = client_for("staff")
    return staff.get(notice.get_absolute_url()).status_code == 404 and staff.get(
        reverse("nominations:notice-create", args=[notice.round_id])
    ).status_code in (403, 404)


def test_decision_page_shows_notice_blockers_and_does_not_offer_them(
    client_for, round_, org, users, django_assert_max_num_queries
):
    published = [decided(round_, org, p, "LDTT", users) for p in ("dkkd_staff", "head")]
    open_notice(round_, published, starts_on=timezone.localdate(), working_days=10)
    client = client_for("officer")
    with django_assert_max_num_queries(30):
        page = client.get(reverse("decisions:decision-create", args=[round_.pk]))
    text = page.content.decode()
    assert text.count('data-testid="notice-blocker"') == 2
    assert 'name="nomination"' not in text  # nothing offered while the notice runs


def test_anonymous_comments_are_rate_limited_per_address(
    client, round_, org, users, settings
):
    from django.core.cache import cache

    cache.clear()
    settings.THIDUA_PUBLIC_COMMENTS_PER_HOUR = 2
    nomination = decided(round_, org, "dkkd_staff", "LDTT", users)
    notice = open_notice(
        round_, [nomination], starts_on=timezone.localdate(), working_days=10
    )
    form = {
        "nomination": nomination.pk,
        "name": "Nguyễn Văn C",
        "contact": "0912 000 111",
        "content": "Góp ý",
    }
    assert [
        client.post(notice.get_public_url(), form).status_code for _ in range(3)
    ] == [302, 302, 429]
    assert NoticeComment.objects.count() == 2
    other = client.post(notice.get_public_url(), form, REMOTE_ADDR="203.0.113.7")
    assert other.status_code == 302  # another address is not held back
    refused = client.post(notice.get_public_url(), form)
    assert "quá nhiều góp ý" in refused.content.decode()
