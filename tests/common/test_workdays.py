"""Working days that know Vietnam (issue #17, point 12): the public holidays from the
holidays package (lunar Tết, Giỗ Tổ, nghỉ bù), the swaps it knows, and the
administrator's entries on top, cached per year and dropped when one changes."""

import datetime

import pytest
from django.core.cache import cache

from thidua.common.models import ActivityLog, DaySwap, DaySwapKind
from thidua.common.services.day_swaps import add_day_swap
from thidua.common.workdays import (
    add_working_days,
    day_off_reason,
    day_off_warning,
    deadline_text,
    is_working_day,
    next_working_day,
    working_days_between,
    year_calendar,
)

pytestmark = pytest.mark.django_db

D = datetime.date


def swap(day, kind=DaySwapKind.OFF, note="Thông báo số 1/TB-BNV"):
    return add_day_swap(day=day, kind=kind, note=note)


@pytest.mark.parametrize(
    "day",
    [
        *[D(2026, 2, d) for d in range(16, 21)],  # Tết Bính Ngọ: 29 tháng Chạp–mùng 4
        *[D(2027, 2, d) for d in (4, 5, 8, 9, 10)],  # Tết Đinh Mùi: the weekdays of it
        D(2025, 4, 7),  # Giỗ Tổ Hùng Vương (10/3 âm lịch)
        D(2026, 4, 27),  # Giỗ Tổ 2026 is a Sunday: nghỉ bù on Monday
        D(2026, 1, 1),
        D(2026, 4, 30),
        D(2026, 5, 1),
        D(2026, 9, 1),  # the day next to 2/9
        D(2026, 9, 2),
        D(2026, 8, 31),  # off in exchange for Saturday 22/08 (the package knows it)
        D(2027, 5, 3),  # 1/5/2027 is a Saturday: nghỉ bù
    ],
)
def test_public_holidays_are_days_off(day):
    assert not is_working_day(day)
    assert day_off_reason(day)


@pytest.mark.parametrize(
    "day",
    [
        D(2026, 2, 13),  # Friday before Tết
        D(2026, 2, 23),  # Monday after Tết
        D(2027, 2, 11),
        D(2026, 8, 22),  # Saturday worked for 31/08 (làm bù)
        D(2025, 4, 26),  # Saturday worked for 02/05/2025
    ],
)
def test_working_days_around_the_holidays(day):
    assert is_working_day(day)


def test_reasons_are_vietnamese():
    assert day_off_reason(D(2026, 2, 17)) == "Tết Nguyên Đán"
    assert day_off_reason(D(2026, 4, 26)) == "Ngày Giỗ Tổ Hùng Vương"
    assert day_off_reason(D(2026, 12, 12)) == "thứ Bảy"
    assert day_off_reason(D(2026, 12, 13)) == "Chủ nhật"
    assert day_off_reason(D(2026, 12, 11)) == ""
    assert year_calendar(2026).reason(D(2026, 8, 22)) == "làm bù"
    assert year_calendar(2026).reason(D(2026, 12, 11)) == ""


def test_counting_working_days():
    monday = D(2026, 4, 20)
    assert add_working_days(monday, 5) == D(2026, 4, 24)  # the start counts
    # 27/04 nghỉ bù Giỗ Tổ, 30/04 and 01/05 holidays, 02–03/05 weekend.
    assert add_working_days(monday, 6) == D(2026, 4, 28)
    assert add_working_days(monday, 8) == D(2026, 5, 4)
    assert add_working_days(D(2026, 4, 25), 1) == D(2026, 4, 28)  # Saturday start
    # Over the new year: 01/01/2027 is a holiday, 02–03/01 a weekend.
    assert add_working_days(D(2026, 12, 31), 2) == D(2027, 1, 4)
    assert next_working_day(D(2026, 2, 14)) == D(2026, 2, 23)
    assert next_working_day(D(2026, 2, 23)) == D(2026, 2, 23)
    assert working_days_between(D(2026, 2, 13), D(2026, 2, 23)) == 2
    assert working_days_between(D(2026, 2, 23), D(2026, 2, 13)) == 0


def test_admin_swaps_win_over_the_calendar():
    saturday, friday = D(2030, 3, 16), D(2030, 3, 22)
    assert add_working_days(D(2030, 3, 15), 2) == D(2030, 3, 18)
    swap(saturday, DaySwapKind.WORK)
    swap(friday)
    assert is_working_day(saturday) and not is_working_day(friday)
    # The làm bù Saturday counts, the nghỉ bù Friday is skipped.
    assert add_working_days(D(2030, 3, 15), 2) == saturday
    assert add_working_days(D(2030, 3, 21), 2) == D(2030, 3, 25)
    assert day_off_reason(friday) == "nghỉ bù – Thông báo số 1/TB-BNV"
    assert year_calendar(2030).reason(saturday) == "làm bù – Thông báo số 1/TB-BNV"
    # A holiday the package guessed that this year's notice does not give.
    swap(D(2027, 2, 10), DaySwapKind.WORK)
    assert is_working_day(D(2027, 2, 10))


def test_a_year_is_read_once_and_dropped_when_it_changes(
    settings, django_assert_num_queries, django_capture_on_commit_callbacks
):
    settings.THIDUA_WORKDAYS_CACHE_SECONDS = 300
    cache.clear()
    try:
        with django_assert_num_queries(1):
            assert add_working_days(D(2031, 1, 2), 200) == D(2031, 10, 22)
        with django_assert_num_queries(0):
            assert is_working_day(D(2031, 3, 7))
        with django_capture_on_commit_callbacks(execute=True):
            swap(D(2031, 3, 7))
        assert not is_working_day(D(2031, 3, 7))
        DaySwap.objects.all().delete()  # behind the services' back: still cached
        assert not is_working_day(D(2031, 3, 7))
    finally:
        cache.clear()


def test_deadline_text(monkeypatch):
    friday = D(2026, 12, 11)
    assert deadline_text(friday, D(2026, 12, 7)) == (
        "hạn cuối: thứ Sáu, 11/12/2026 (còn 5 ngày làm việc)"
    )
    assert deadline_text(friday, friday) == (
        "hạn cuối: thứ Sáu, 11/12/2026 (hôm nay là ngày cuối)"
    )
    assert deadline_text(friday, D(2026, 12, 14)) == (
        "hạn cuối: thứ Sáu, 11/12/2026 (đã quá hạn)"
    )
    assert deadline_text(D(2026, 2, 17), D(2026, 2, 10)) == (
        "hạn cuối: thứ Ba, 17/02/2026 – ngày nghỉ (Tết Nguyên Đán)"
        " (còn 4 ngày làm việc)"
    )
    assert deadline_text(D(2099, 12, 31), friday) == "hạn cuối: thứ Năm, 31/12/2099"


def test_warning_for_a_deadline_typed_on_a_day_off():
    assert day_off_warning("Hạn gửi hồ sơ", None) == ""
    assert day_off_warning("Hạn gửi hồ sơ", D(2026, 12, 11)) == ""
    assert day_off_warning("Hạn gửi hồ sơ", D(2026, 4, 26)) == (
        "Hạn gửi hồ sơ Chủ nhật, 26/04/2026 là ngày nghỉ (Ngày Giỗ Tổ Hùng Vương);"
        " ngày làm việc kế tiếp là thứ Ba, 28/04/2026."
    )


def test_the_entries_are_audited():
    entry = swap(D(2030, 3, 22))
    log = ActivityLog.objects.get(action="workdays.add")
    assert log.object_id == str(entry.pk)
    assert log.data["day"] == "2030-03-22"
