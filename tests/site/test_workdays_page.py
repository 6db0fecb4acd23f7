"""The administrator's page "Ngày nghỉ, làm bù" (issue #17, point 12): the year's public
holidays in Vietnamese and his swaps, entered and removed with reasons for a refusal;
the services' checks; deadlines typed on a day off are kept with a warning."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from thidua.common.models import ActivityLog, DaySwap, DaySwapKind
from thidua.common.selectors import calendar_rows
from thidua.common.services import day_swaps
from thidua.common.services.day_swaps import add_day_swap, remove_day_swap
from thidua.movements.models import Movement
from thidua.nominations.models import NominationRound

from ..common.marks import developer_marks

pytestmark = pytest.mark.django_db

D = datetime.date
URL = "/quan-tri/ngay-nghi/"
NOTE = "Thông báo số 6150/TB-BLĐTBXH"


def messages_of(exc) -> str:
    return " ".join(exc.value.messages)


def test_services_refuse_what_changes_nothing():
    with pytest.raises(ValidationError) as exc:
        add_day_swap(day="x", kind="?", note="  ")
    assert set(exc.value.message_dict) == {"day", "kind", "note"}
    with pytest.raises(ValidationError) as exc:
        add_day_swap(day=D(2026, 12, 9), kind=DaySwapKind.WORK, note=NOTE)
    assert "thứ Tư, 09/12/2026 đã là ngày làm việc" in messages_of(exc)
    with pytest.raises(ValidationError) as exc:
        add_day_swap(day=D(2026, 12, 12), kind=DaySwapKind.OFF, note=NOTE)
    assert "thứ Bảy, 12/12/2026 đã là ngày nghỉ (thứ Bảy)" in messages_of(exc)
    with pytest.raises(ValidationError) as exc:
        add_day_swap(day=D(2026, 2, 17), kind=DaySwapKind.OFF, note=NOTE)
    assert "(Tết Nguyên Đán)" in messages_of(exc)
    add_day_swap(day=D(2026, 12, 12), kind=DaySwapKind.WORK, note=NOTE)
    with pytest.raises(ValidationError) as exc:
        add_day_swap(day=D(2026, 12, 12), kind=DaySwapKind.WORK, note=NOTE)
    assert "đã được nhập (Ngày làm việc (làm bù))" in messages_of(exc)
    assert DaySwap.objects.count() == 1


def test_a_date_entered_meanwhile_is_refused_not_a_server_error(monkeypatch):
    add_day_swap(day=D(2026, 12, 11), kind=DaySwapKind.OFF, note=NOTE)
    # Both checked before either wrote: the unique date decides.
    monkeypatch.setattr(day_swaps, "_check", lambda *args: None)
    with pytest.raises(ValidationError) as exc:
        add_day_swap(day=D(2026, 12, 11), kind=DaySwapKind.OFF, note=NOTE)
    assert "thứ Sáu, 11/12/2026 đã được nhập" in messages_of(exc)


def test_remove_is_audited(users):
    entry = add_day_swap(
        day=D(2026, 12, 11), kind=DaySwapKind.OFF, note=NOTE, actor=users["admin"]
    )
    remove_day_swap(entry, actor=users["admin"])
    assert not DaySwap.objects.exists()
    log = ActivityLog.objects.get(action="workdays.remove")
    assert log.data == {"day": "2026-12-11", "kind": "nghi", "note": NOTE}


def test_calendar_of_a_year():
    add_day_swap(day=D(2026, 12, 11), kind=DaySwapKind.OFF, note=NOTE)
    add_day_swap(day=D(2026, 2, 20), kind=DaySwapKind.WORK, note=NOTE)
    rows = {r.day: r for r in calendar_rows(2026)}
    assert rows[D(2026, 2, 17)].library == "Tết Nguyên Đán"
    assert rows[D(2026, 2, 17)].working is False and rows[D(2026, 2, 17)].swap is None
    assert rows[D(2026, 2, 20)].working is True  # the notice gives no mùng 4
    assert rows[D(2026, 2, 20)].library == "Mùng bốn Tết Nguyên Đán"
    assert rows[D(2026, 8, 22)].library == "làm bù" and rows[D(2026, 8, 22)].working
    assert rows[D(2026, 12, 11)].library == "" and not rows[D(2026, 12, 11)].working
    assert rows[D(2026, 12, 11)].weekday == "thứ Sáu"
    assert list(rows) == sorted(rows)


def test_the_page_adds_and_removes_swaps(client_for):
    admin = client_for("admin")
    page = admin.get(URL + "?nam=2026")
    body = page.content.decode()
    assert "Ngày nghỉ, làm bù năm 2026" in body
    assert "Ngày Giỗ Tổ Hùng Vương" in body and "Tết Nguyên Đán" in body
    assert 'data-testid="menu-workdays"' in body
    assert not developer_marks(body)
    response = admin.post(
        URL + "?nam=2026", {"day": "12/12/2026", "kind": "lam", "note": NOTE}
    )
    assert response.status_code == 302 and response["Location"] == URL + "?nam=2026"
    entry = DaySwap.objects.get()
    assert entry.kind == DaySwapKind.WORK and entry.note == NOTE
    assert "Thông báo số 6150" in admin.get(URL + "?nam=2026").content.decode()
    refused = admin.post(URL, {"day": "09/12/2026", "kind": "lam", "note": NOTE})
    assert refused.status_code == 200
    assert "đã là ngày làm việc" in refused.content.decode()
    response = admin.post(reverse("workdays-remove"), {"swap": entry.pk})
    assert response.status_code == 302 and not DaySwap.objects.exists()
    again = admin.post(reverse("workdays-remove") + "?nam=2026", {"swap": entry.pk})
    assert again["Location"] == URL + "?nam=2026"
    assert "đã được xóa" in admin.get(again["Location"]).content.decode()


@pytest.mark.parametrize("year", ["abc", "1999", "2101", "٢٠٢٦", ""])
def test_a_year_out_of_range_shows_this_year(client_for, year):
    response = client_for("admin").get(URL, {"nam": year})
    assert response.status_code == 200
    assert response.context["year"] == timezone.localdate().year


def test_a_deadline_on_a_day_off_is_kept_with_a_warning(client_for, org):
    response = client_for("officer").post(
        reverse("nominations:round-create", args=[org.skhdt.pk]),
        {
            "name": "Xét khen thưởng năm 2025",
            "kind": "hang_nam",
            "year": 2025,
            "submission_deadline": "26/04/2026",
        },
        follow=True,
    )
    assert NominationRound.objects.get().submission_deadline == D(2026, 4, 26)
    body = response.content.decode()
    assert (
        "Hạn gửi hồ sơ Chủ nhật, 26/04/2026 là ngày nghỉ (Ngày Giỗ Tổ Hùng Vương);"
        " ngày làm việc kế tiếp là thứ Ba, 28/04/2026." in body
    )
    assert "hạn cuối: Chủ nhật, 26/04/2026" in body


def test_a_registration_deadline_on_a_day_off_is_kept_with_a_warning(client_for, org):
    client = client_for("officer")
    data = {
        "name": "Phong trào thi đua chuyển đổi số năm 2026",
        "kind": "chuyen_de",
        "year": 2026,
        "scope_agency": org.skhdt.pk,
        "type_code": "KH",
        "document_title": "Kế hoạch",
        "signer_title": "Giám đốc",
        "signer_name": "Vũ Hoàng Quý",
        "archive_units": "VT",
        "registration_deadline": "02/09/2026",
    }
    created = client.post(reverse("movements:movement-create"), data, follow=True)
    movement = Movement.objects.get()
    assert movement.registration_deadline == D(2026, 9, 2)
    assert (
        "Hạn đăng ký thi đua thứ Tư, 02/09/2026 là ngày nghỉ (Quốc khánh);"
        " ngày làm việc kế tiếp là thứ Năm, 03/09/2026." in created.content.decode()
    )
    edited = client.post(
        reverse("movements:movement-edit", args=[movement.pk]),
        {**data, "registration_deadline": "03/09/2026", "version": movement.version},
        follow=True,
    )
    assert "là ngày nghỉ" not in edited.content.decode()
    movement.refresh_from_db()
    assert movement.registration_deadline == D(2026, 9, 3)
