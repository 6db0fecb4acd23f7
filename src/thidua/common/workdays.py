"""Working days: Monday–Friday, minus public holidays (settings, so each year's Tết and
the government's swaps can be entered without a release)."""

import datetime

from django.conf import settings

__all__ = ["add_working_days", "is_working_day"]


def is_working_day(day: datetime.date) -> bool:
    if day.weekday() >= 5:
        return False
    if (day.day, day.month) in settings.THIDUA_RECURRING_HOLIDAYS:
        return False
    return day not in settings.THIDUA_HOLIDAYS


def add_working_days(start: datetime.date, count: int) -> datetime.date:
    """The last day of a period of ``count`` working days that begins on ``start`` (or on
    the first working day after it)."""
    day = start
    while not is_working_day(day):
        day += datetime.timedelta(days=1)
    remaining = count - 1
    while remaining > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day
