"""Reads of the audit trail about one object (its history on its page), and of the
year's calendar of days off (the administrator's page "Ngày nghỉ, làm bù")."""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet
from django.utils.translation import gettext as _

from .models import ActivityLog, DaySwap, DaySwapKind
from .workdays import weekday_name, year_calendar

__all__ = ["CalendarRow", "calendar_rows", "history_of"]


def history_of(obj: Model) -> QuerySet[ActivityLog]:
    """Entries about one object. Callers have already checked the object is visible."""
    return (
        ActivityLog.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        )
        .select_related("content_type")
        .order_by("-seq")
    )


@dataclass(frozen=True)
class CalendarRow:
    day: datetime.date
    weekday: str
    # What the holidays package says of the day ("" for a day it does not know).
    library: str
    # True: the day is worked; False: it is off.
    working: bool
    # The administrator's entry of the day, which wins over the package.
    swap: DaySwap | None


def calendar_rows(year: int) -> list[CalendarRow]:
    """Every day of ``year`` that is not an ordinary weekday or weekend day: the public
    holidays, the swaps the package knows and the administrator's entries, by date."""
    calendar = year_calendar(year)
    swaps = {s.day: s for s in DaySwap.objects.filter(day__year=year)}
    library = dict(calendar.holidays)
    library.update(dict.fromkeys(calendar.library_workdays, _("làm bù")))
    rows = []
    for day in sorted(set(library) | set(swaps)):
        swap = swaps.get(day)
        rows.append(
            CalendarRow(
                day=day,
                weekday=weekday_name(day),
                library=library.get(day, ""),
                working=(
                    swap.kind == DaySwapKind.WORK
                    if swap
                    else calendar.is_library_working_day(day)
                ),
                swap=swap,
            )
        )
    return rows
