"""Working days in Vietnam, for every deadline counted in days.

A day is off when it is a Saturday or a Sunday, or a public holiday of the Labour Code
2019 Art 112 as the ``holidays`` package knows it (lunar Tết and Giỗ Tổ Hùng Vương
computed from the lunar calendar, the day next to 2/9, a holiday falling on a weekend
moved to the next working day, and the government's past swaps: a Saturday worked for a
bridge day off). On top of that the administrator enters each year's official swaps
(``DaySwap``, the page "Ngày nghỉ, làm bù"), which always win: the package guesses the
days of Tết that the Prime Minister has not announced yet, and cannot know next year's
swaps.

The package's calendar is computed once per year and process; the administrator's
entries of a year are kept in Django's cache for ``THIDUA_WORKDAYS_CACHE_SECONDS`` and
dropped when one changes (``forget_year``). A count over many days reads each year once.
"""

import datetime
from dataclasses import dataclass
from functools import lru_cache

import holidays
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _

from .models import DaySwap, DaySwapKind

__all__ = [
    "WEEKDAYS",
    "YearCalendar",
    "add_working_days",
    "day_off_reason",
    "day_off_warning",
    "day_with_weekday",
    "deadline_text",
    "forget_year",
    "is_working_day",
    "next_working_day",
    "weekday_name",
    "working_days_between",
    "year_calendar",
]

ONE_DAY = datetime.timedelta(days=1)
# A deadline further away than this shows no count of the working days left: nobody
# needs it, and a year typed as 9999 would be counted day by day.
COUNT_LEFT_WITHIN_DAYS = 366
# Monday first, as ``date.weekday()`` counts; lower case, as written inside a sentence.
WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")


def weekday_name(day: datetime.date) -> str:
    return WEEKDAYS[day.weekday()]


@lru_cache(maxsize=64)
def _library_year(year: int) -> tuple[dict, frozenset]:
    """The package's holidays of ``year`` with their Vietnamese names, and the weekend
    days it knows were worked in exchange (làm bù)."""
    calendar = holidays.country_holidays("VN", years=year, language="vi")
    worked = frozenset(d for d in calendar.weekend_workdays if d.year == year)
    return dict(calendar.items()), worked


def _swap_key(year: int) -> str:
    return f"thidua:workdays:swaps:{year}"


def _swaps_of(year: int) -> dict:
    """``{date: (kind, note)}`` of the administrator's entries of ``year``."""
    seconds = settings.THIDUA_WORKDAYS_CACHE_SECONDS
    if seconds:
        cached = cache.get(_swap_key(year))
        if cached is not None:
            return cached
    swaps = {
        swap.day: (swap.kind, swap.note)
        for swap in DaySwap.objects.filter(day__year=year).only("day", "kind", "note")
    }
    if seconds:
        cache.set(_swap_key(year), swaps, seconds)
    return swaps


def forget_year(year: int) -> None:
    """Drop the cached entries of ``year`` (after an entry of it changed)."""
    cache.delete(_swap_key(year))


@dataclass(frozen=True)
class YearCalendar:
    year: int
    # The package's holidays: date → Vietnamese name.
    holidays: dict
    # Saturdays and Sundays the package knows were worked in exchange.
    library_workdays: frozenset
    # The administrator's entries: date → (DaySwapKind value, note).
    swaps: dict

    def is_working_day(self, day: datetime.date) -> bool:
        if day in self.swaps:
            return self.swaps[day][0] == DaySwapKind.WORK
        return self.is_library_working_day(day)

    def is_library_working_day(self, day: datetime.date) -> bool:
        """Without the administrator's entries (what the page's checks compare to)."""
        if day in self.library_workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def reason(self, day: datetime.date) -> str:
        """Why ``day`` is off ("Tết Nguyên Đán", "thứ Bảy", "nghỉ bù – …"), or why a
        weekend day is worked; empty for an ordinary working day."""
        if day in self.swaps:
            kind, note = self.swaps[day]
            label = _("nghỉ bù") if kind == DaySwapKind.OFF else _("làm bù")
            return f"{label} – {note}"
        if day in self.library_workdays:
            return _("làm bù")
        if day in self.holidays:
            return self.holidays[day]
        if day.weekday() >= 5:
            return weekday_name(day)
        return ""


def year_calendar(year: int) -> YearCalendar:
    library, worked = _library_year(year)
    return YearCalendar(year, library, worked, _swaps_of(year))


class _Calendars(dict):
    """The calendars one computation reads, each year loaded once."""

    def __missing__(self, year: int) -> YearCalendar:
        self[year] = year_calendar(year)
        return self[year]

    def working(self, day: datetime.date) -> bool:
        return self[day.year].is_working_day(day)


def is_working_day(day: datetime.date) -> bool:
    return year_calendar(day.year).is_working_day(day)


def day_off_reason(day: datetime.date) -> str:
    """Empty on a working day; otherwise what the day is (see ``YearCalendar.reason``)."""
    calendar = year_calendar(day.year)
    return "" if calendar.is_working_day(day) else calendar.reason(day)


def next_working_day(day: datetime.date) -> datetime.date:
    """``day`` itself when it is a working day, else the first working day after it."""
    calendars = _Calendars()
    while not calendars.working(day):
        day += ONE_DAY
    return day


def add_working_days(start: datetime.date, count: int) -> datetime.date:
    """The last day of a period of ``count`` working days that begins on ``start`` (or on
    the first working day after it)."""
    calendars = _Calendars()
    day = start
    while not calendars.working(day):
        day += ONE_DAY
    remaining = count - 1
    while remaining > 0:
        day += ONE_DAY
        if calendars.working(day):
            remaining -= 1
    return day


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Working days from ``start`` to ``end``, both included (0 when ``end`` is before
    ``start``): what is left before a deadline, today counted."""
    calendars = _Calendars()
    count = 0
    day = start
    while day <= end:
        count += calendars.working(day)
        day += ONE_DAY
    return count


def day_with_weekday(day: datetime.date) -> str:
    """ "thứ Sáu, 12/12/2026"."""
    return f"{weekday_name(day)}, {day:%d/%m/%Y}"


def deadline_text(day: datetime.date, today: datetime.date) -> str:
    """ "hạn cuối: thứ Sáu, 12/12/2026 (còn 5 ngày làm việc)" — and when the last day
    is itself a day off, what it is, so the reader sees the deadline falls on it."""
    text = _("hạn cuối: %(day)s") % {"day": day_with_weekday(day)}
    off = day_off_reason(day)
    if off:
        text += _(" – ngày nghỉ (%(why)s)") % {"why": off}
    if day < today:
        return text + _(" (đã quá hạn)")
    if day == today:
        return text + _(" (hôm nay là ngày cuối)")
    if (day - today).days > COUNT_LEFT_WITHIN_DAYS:
        return text
    left = working_days_between(today, day)
    return text + _(" (còn %(n)s ngày làm việc)") % {"n": left}


def day_off_warning(label: str, day: datetime.date | None) -> str:
    """For a date typed as a deadline that falls on a day off: what the day is and the
    next working day to propose ("" when it is a working day, or no date)."""
    if day is None:
        return ""
    off = day_off_reason(day)
    if not off:
        return ""
    return _(
        "%(label)s %(day)s là ngày nghỉ (%(why)s); ngày làm việc kế tiếp là %(next)s."
    ) % {
        "label": label,
        "day": day_with_weekday(day),
        "why": off,
        "next": day_with_weekday(next_working_day(day)),
    }
