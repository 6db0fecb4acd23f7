"""The review's dissemination paragraph names the units that have not confirmed, and
only when there are some."""

import datetime

import pytest
import time_machine

from thidua.movements.services.dissemination import confirm_delivery
from thidua.movements.services.review import draft_review

from .test_reviews import running as running  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def _dissemination(review) -> str:
    return next(
        s["text"]
        for s in review.sections
        if s["title"].startswith("Công tác quán triệt")
    )


def test_every_unit_confirmed_leaves_no_late_list(running, org):
    first = _dissemination(draft_review(running, "so_ket"))
    assert first.endswith("Chưa xác nhận quán triệt: Văn phòng Sở.")
    with time_machine.travel(datetime.date(2026, 2, 11)):
        confirm_delivery(
            running.deliveries.get(agency=org.vp),
            confirmed_on=datetime.date(2026, 2, 10),
            staff_reached=3,
        )
    text = _dissemination(draft_review(running, "tong_ket"))
    assert text == (
        "2/2 đơn vị đã tổ chức quán triệt văn bản phát động đến 5 cán bộ, công chức, "
        "viên chức và người lao động."
    )
