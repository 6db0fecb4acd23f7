"""Checks across a movement's rounds (đợt) that no single row can make: each round
inside the movement's time, and one after another."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ..plan_text import day_text

__all__ = ["check_rounds"]


def check_rounds(movement, rounds) -> None:
    """Refuse, naming the round, a round that starts before the movement, ends after
    it, or starts before the previous round has ended."""
    problems = []
    previous = None
    for item in rounds:
        name = item.name.strip()
        if (
            movement.starts_on
            and item.starts_on
            and item.starts_on < movement.starts_on
        ):
            problems.append(
                _("%(name)s bắt đầu trước ngày bắt đầu của phong trào (%(day)s).")
                % {"name": name, "day": day_text(movement.starts_on)}
            )
        if movement.ends_on and item.ends_on and item.ends_on > movement.ends_on:
            problems.append(
                _("%(name)s kết thúc sau ngày kết thúc của phong trào (%(day)s).")
                % {"name": name, "day": day_text(movement.ends_on)}
            )
        if previous is not None:
            earlier_end = previous.ends_on or previous.starts_on
            if item.starts_on and earlier_end and item.starts_on <= earlier_end:
                problems.append(
                    _("%(name)s bắt đầu trước khi %(previous)s kết thúc (%(day)s).")
                    % {
                        "name": name,
                        "previous": previous.name.strip(),
                        "day": day_text(earlier_end),
                    }
                )
            if (
                item.weeks_from
                and previous.weeks_to
                and item.weeks_from <= previous.weeks_to
            ):
                problems.append(
                    _(
                        "%(name)s bắt đầu từ tuần %(week)s, trước khi %(previous)s kết thúc."
                    )
                    % {
                        "name": name,
                        "week": item.weeks_from,
                        "previous": previous.name.strip(),
                    }
                )
        previous = item
    if problems:
        raise ValidationError(problems)
