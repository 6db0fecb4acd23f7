"""The administrator's entries of the official calendar: a weekday off (nghỉ bù) or a
weekend day worked (làm bù), each year as the government announces them."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ..models import DaySwap, DaySwapKind
from ..text import nfc
from ..workdays import forget_year, weekday_name, year_calendar
from .audit import log_action

__all__ = ["add_day_swap", "remove_day_swap"]


def _day_text(day: datetime.date) -> str:
    return f"{weekday_name(day)}, {day:%d/%m/%Y}"


def _check(day, kind: str, note: str) -> None:
    errors = {}
    if not isinstance(day, datetime.date):
        errors["day"] = [_("Nhập ngày (dd/mm/yyyy).")]
    if kind not in DaySwapKind.values:
        errors["kind"] = [_("Chọn ngày nghỉ bù hay ngày làm bù.")]
    if not note:
        errors["note"] = [
            _("Ghi căn cứ (số, ngày của thông báo hoặc công văn cho nghỉ, làm bù).")
        ]
    if errors:
        raise ValidationError(errors)
    existing = DaySwap.objects.filter(day=day).first()
    if existing is not None:
        raise ValidationError(
            {
                "day": [
                    _("Ngày %(day)s đã được nhập (%(what)s): xóa dòng đó trước.")
                    % {"day": _day_text(day), "what": existing.get_kind_display()}
                ]
            }
        )
    calendar = year_calendar(day.year)
    working = calendar.is_library_working_day(day)
    if kind == DaySwapKind.WORK and working:
        raise ValidationError(
            {
                "day": [
                    _(
                        "%(day)s đã là ngày làm việc: làm bù chỉ nhập cho thứ Bảy, "
                        "Chủ nhật hoặc một ngày lễ mà năm nay không nghỉ."
                    )
                    % {"day": _day_text(day)}
                ]
            }
        )
    if kind == DaySwapKind.OFF and not working:
        raise ValidationError(
            {
                "day": [
                    _("%(day)s đã là ngày nghỉ (%(why)s).")
                    % {"day": _day_text(day), "why": calendar.reason(day)}
                ]
            }
        )


def add_day_swap(*, day, kind: str, note: str, actor=None) -> DaySwap:
    """Enter one day of the year's official calendar; refused, with the reason, when it
    would change nothing (a "làm bù" on an ordinary weekday, a "nghỉ bù" on a day off)
    or when the day is already entered."""
    note = nfc(note)
    _check(day, kind, note)
    try:
        with transaction.atomic():
            swap = DaySwap.objects.create(
                day=day, kind=kind, note=note, created_by=actor
            )
            log_action(
                swap,
                "workdays.add",
                actor=actor,
                data={"day": day.isoformat(), "kind": kind, "note": note},
            )
    except IntegrityError:  # entered by someone else a moment ago
        raise ValidationError(
            {"day": [_("Ngày %(day)s đã được nhập.") % {"day": _day_text(day)}]}
        ) from None
    _forget(day.year)
    return swap


def remove_day_swap(swap: DaySwap, *, actor=None) -> None:
    with transaction.atomic():
        log_action(
            swap,
            "workdays.remove",
            actor=actor,
            data={"day": swap.day.isoformat(), "kind": swap.kind, "note": swap.note},
        )
        swap.delete()
    _forget(swap.day.year)


def _forget(year: int) -> None:
    """Now, and again when the caller's transaction commits (a count read in between
    would have cached the old entries)."""
    forget_year(year)
    transaction.on_commit(lambda: forget_year(year))
