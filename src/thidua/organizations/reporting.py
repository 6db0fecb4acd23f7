"""The TĐKT organisations and TĐKT staff as sources of the statistical forms (0604,
0605; common/report_sources.py), as recorded today: no history of either is kept.

They number in the tens or hundreds per agency, so each is read in one narrow
``values_list`` and classified here.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from thidua.common.report_sources import ReportSource, register_report_source

from .models import Agency, Person

__all__ = [
    "BodyGroup",
    "StaffGroup",
    "age_band",
    "body_groups",
    "counted_bodies",
    "counted_staff",
    "seniority_band",
    "staff_groups",
    "years_between",
]


@dataclass(frozen=True)
class BodyGroup:
    unit_id: int | None
    kind: str  # organizations.enums.TdktBody
    n: int


@dataclass(frozen=True)
class StaffGroup:
    unit_id: int | None
    female: bool
    age: str
    education: str | None  # None: not recorded
    seniority: str
    n: int


def years_between(start: datetime.date, end: datetime.date) -> int:
    """Whole years from ``start`` to ``end`` (an age on ``end``)."""
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def age_band(age: int) -> str:
    for limit, band in (
        (30, "den_30"),
        (40, "31_40"),
        (50, "41_50"),
        (55, "51_55"),
        (60, "56_60"),
    ):
        if age <= limit:
            return band
    return "tren_60"


def seniority_band(years: int) -> str:
    if years < 5:
        return "duoi_5"
    return "5_10" if years < 10 else "tu_10"


def counted_bodies(unit_ids):
    """The active TĐKT organisations form 0604 counts, as recorded today."""
    return Agency.objects.filter(pk__in=unit_ids, is_active=True).exclude(tdkt_body="")


def body_groups(unit_ids, start: datetime.date, end: datetime.date):
    rows = counted_bodies(unit_ids).values_list("pk", "tdkt_body").order_by()
    return [BodyGroup(pk, kind, 1) for pk, kind in rows]


def counted_staff(unit_ids, end: datetime.date):
    """People doing TĐKT work on the last day of the period, in their current unit."""
    return Person.objects.filter(
        unit_id__in=unit_ids, tdkt_since__isnull=False, tdkt_since__lte=end
    )


def staff_groups(unit_ids, start: datetime.date, end: datetime.date):
    rows = (
        counted_staff(unit_ids, end)
        .values_list("unit_id", "gender", "birth_date", "education_level", "tdkt_since")
        .order_by()
    )
    counts: Counter = Counter()
    for unit, gender, birth, education, since in rows:
        counts[
            (
                unit,
                gender == "nu",
                age_band(years_between(birth, end)),
                education or None,
                seniority_band(years_between(since, end)),
            )
        ] += 1
    return [StaffGroup(*key, n) for key, n in counts.items()]


register_report_source(
    ReportSource(
        "bodies",
        _("Tổ chức làm công tác thi đua, khen thưởng"),
        groups=body_groups,
        at_end=True,
        counted=lambda units, start, end: counted_bodies(units).order_by("name", "pk"),
        counted_template="organizations/reports/_counted_bodies.html",
    )
)
register_report_source(
    ReportSource(
        "staff",
        _("Công chức làm công tác thi đua, khen thưởng"),
        groups=staff_groups,
        at_end=True,
        counted=lambda units, start, end: (
            counted_staff(units, end).select_related("unit").order_by("sort_key", "pk")
        ),
        counted_template="organizations/reports/_counted_staff.html",
    )
)
