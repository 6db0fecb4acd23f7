"""The public notice's refusals: a length outside 1–60 working days, a comment on no
one in the list or with a blank field, a comment answered twice."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from thidua.nominations.services.notice import (
    acknowledge_comment,
    add_comment,
    open_notice,
)

from ..decisions.test_decisions import decided
from ..decisions.test_decisions import round_ as round_  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
MONDAY = datetime.date(2026, 4, 27)


def test_a_notice_runs_one_to_sixty_working_days(round_, org, users):
    nomination = decided(round_, org, "dkkd_staff", "LDTT", users)
    for days in (0, 61):
        with pytest.raises(ValidationError) as exc:
            open_notice(round_, [nomination], starts_on=MONDAY, working_days=days)
        assert exc.value.message_dict == {
            "working_days": ["Số ngày làm việc từ 1 đến 60."]
        }


@time_machine.travel(datetime.date(2026, 5, 5))
def test_comments_name_someone_listed_and_fill_every_field(round_, org, users):
    nomination = decided(round_, org, "dkkd_staff", "LDTT", users)
    notice = open_notice(round_, [nomination], starts_on=MONDAY, working_days=10)
    with pytest.raises(ValidationError) as exc:
        add_comment(notice, 0, name=" ", contact="", content="Ý kiến")
    assert exc.value.message_dict == {
        "nomination": ["Chọn cá nhân, tập thể được góp ý trong danh sách."],
        "name": ["Trường này là bắt buộc."],
        "contact": ["Trường này là bắt buộc."],
    }
    comment = add_comment(
        notice, nomination.pk, name="Nguyễn Văn A", contact="0912", content="Ý kiến"
    )
    acknowledge_comment(comment, response="Đã xác minh", actor=users["officer"])
    with pytest.raises(ValidationError, match="Góp ý này đã được xem xét"):
        acknowledge_comment(comment, response="Lần nữa", actor=users["officer"])
