"""The movements as a source of the statistical forms (0601; common/report_sources.py):
the issued movements of the period, counted for the agency that launched them.

Movements number in the tens or hundreds per agency, so they are read in one narrow
``values_list`` and classified here.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.common.report_sources import ReportSource, register_report_source
from thidua.organizations.enums import AgencyLevel

from .models import Movement

__all__ = [
    "MOVEMENT_PERIODS",
    "MovementGroup",
    "agency_tier",
    "counted_movements",
    "duration_band",
    "movement_groups",
]

# THIDUA_REPORT_MOVEMENTS: which movements belong to a period, and how the form says so
# (checked at start: reports/checks.py).
LAUNCHED = "phat_dong"  # the launch document was issued inside it
RUNNING = "dien_ra"  # the movement ran during some of it
MOVEMENT_PERIODS = {
    LAUNCHED: "theo ngày ban hành văn bản phát động",
    RUNNING: "phong trào diễn ra trong kỳ",
}


@dataclass(frozen=True)
class MovementGroup:
    """Movements sharing the launcher's tier, scope, duration band and method."""

    unit_id: int | None
    tier: str  # trung_uong | bo_tinh | co_quan: the level that launched it
    scope: str  # toan_quoc | bo_nganh | cum_khoi | co_quan
    duration: str | None  # None: the movement's dates are not recorded
    method: str  # chuyen_de | thuong_xuyen
    n: int


def _months_and_days(start: datetime.date, end: datetime.date) -> tuple[int, int]:
    """Whole months from ``start`` to ``end`` and the days left over."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    anchor_year, anchor_month = divmod(start.month - 1 + months, 12)
    anchor_year += start.year
    day = min(start.day, _month_length(anchor_year, anchor_month + 1))
    anchor = datetime.date(anchor_year, anchor_month + 1, day)
    return months, (end - anchor).days


def _month_length(year: int, month: int) -> int:
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return (following - datetime.timedelta(days=1)).day


def duration_band(
    kind: str, year: int, starts_on: datetime.date | None, ends_on: datetime.date | None
) -> str | None:
    """The 0601 duration row of a movement (rows 06–10).

    A regular movement held within its own year is the annual movement ("thi đua thường
    xuyên hằng năm"): one year, even when launched after January. Otherwise the span
    from the first to the last day, both included: 01/01–31/12 is exactly one year.
    """
    within_year = all(d is None or d.year == year for d in (starts_on, ends_on))
    if kind == "thuong_xuyen" and within_year:
        return "1_nam"
    if starts_on is None or ends_on is None:
        return None
    months, days = _months_and_days(starts_on, ends_on + datetime.timedelta(days=1))
    if months < 12:
        return "duoi_1"
    if months == 12 and days == 0:
        return "1_nam"
    if months < 36:
        return "1_3"
    return "3_5" if months < 60 else "tu_5"


def agency_tier(code: str, level: str) -> str:
    """The 0601 column of a launcher: the national council (only the agencies named in
    THIDUA_REPORT_NATIONAL_AGENCIES: the tree does not tell it from a ministry), a
    ministry or province, or any other agency."""
    if code in settings.THIDUA_REPORT_NATIONAL_AGENCIES:
        return "trung_uong"
    if level in (AgencyLevel.CENTRAL, AgencyLevel.PROVINCE):
        return "bo_tinh"
    return "co_quan"


_SCOPE_OF_TIER = {
    "trung_uong": "toan_quoc",
    "bo_tinh": "bo_nganh",
    "co_quan": "co_quan",
}


def _in_period(start: datetime.date, end: datetime.date) -> Q:
    launched = Q(issued_document__issued_on__range=(start, end))
    if settings.THIDUA_REPORT_MOVEMENTS != RUNNING:
        return launched
    dated = Q(starts_on__isnull=False, ends_on__isnull=False)
    return (dated & Q(starts_on__lte=end, ends_on__gte=start)) | (~dated & launched)


def counted_movements(unit_ids, start: datetime.date, end: datetime.date):
    """The issued movements form 0601 counts for these launchers in the period."""
    return Movement.objects.filter(
        launcher_id__in=unit_ids, issued_document__isnull=False
    ).filter(_in_period(start, end))


def movement_groups(unit_ids, start: datetime.date, end: datetime.date):
    """Issued movements of the period, counted for the agency that launched them."""
    rows = (
        counted_movements(unit_ids, start, end)
        .values_list(
            "launcher_id",
            "launcher__code",
            "launcher__level",
            "scope_cluster_id",
            "scope_agency__code",
            "scope_agency__level",
            "kind",
            "year",
            "starts_on",
            "ends_on",
        )
        .order_by()
    )
    counts: Counter = Counter()
    for (
        unit,
        code,
        level,
        cluster,
        scope_code,
        scope_level,
        kind,
        year,
        starts,
        ends,
    ) in rows:
        tier = agency_tier(code, level)
        if cluster is not None:
            scope = "cum_khoi"
        elif scope_code is not None:
            scope = _SCOPE_OF_TIER[agency_tier(scope_code, scope_level)]
        else:
            scope = _SCOPE_OF_TIER[tier]
        counts[(unit, tier, scope, duration_band(kind, year, starts, ends), kind)] += 1
    return [MovementGroup(*key, n) for key, n in counts.items()]


def _counted_list(unit_ids, start: datetime.date, end: datetime.date):
    return (
        counted_movements(unit_ids, start, end)
        .select_related("launcher", "issued_document")
        .order_by("issued_document__issued_on", "pk")
    )


def _basis() -> str:
    return MOVEMENT_PERIODS[settings.THIDUA_REPORT_MOVEMENTS]


register_report_source(
    ReportSource(
        "movements",
        _("Phong trào thi đua"),
        groups=movement_groups,
        basis=_basis,
        counted=_counted_list,
        counted_template="movements/reports/_counted.html",
    )
)
