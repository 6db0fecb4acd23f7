"""The records forms 0601, 0604 and 0605 count, as groups (one query each).

Movements, TĐKT organisations and TĐKT staff number in the tens or hundreds per agency,
so each is read in one narrow ``values_list`` and classified here; awards, which number
in the hundreds of thousands, are aggregated in the database (``selectors``).
"""

import datetime
from collections import Counter

from django.conf import settings
from django.db.models import Q

from thidua.movements.models import Movement
from thidua.organizations.enums import AgencyLevel
from thidua.organizations.models import Agency, Person

from .organisation_forms import (
    BodyGroup,
    MovementGroup,
    StaffGroup,
    age_band,
    duration_band,
    seniority_band,
    years_between,
)

__all__ = [
    "MOVEMENT_PERIODS",
    "agency_tier",
    "body_groups",
    "counted_records",
    "movement_groups",
    "staff_groups",
]

# THIDUA_REPORT_MOVEMENTS: which movements belong to a period, and how the form says so.
LAUNCHED = "phat_dong"  # the launch document was issued inside it
RUNNING = "dien_ra"  # the movement ran during some of it
MOVEMENT_PERIODS = {
    LAUNCHED: "theo ngày ban hành văn bản phát động",
    RUNNING: "phong trào diễn ra trong kỳ",
}


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


def counted_records(agency: Agency, start: datetime.date, end: datetime.date) -> dict:
    """What forms 0601, 0604 and 0605 counted, by form slug, for the report page: an
    officer checks the figures against the records before sending them upward."""
    units = Agency.objects.descendants(agency, include_self=True).values("pk")
    return {
        "0601n": counted_movements(units, start, end)
        .select_related("launcher", "issued_document")
        .order_by("issued_document__issued_on", "pk"),
        "0604n": counted_bodies(units).order_by("name", "pk"),
        "0605n": counted_staff(units, end)
        .select_related("unit")
        .order_by("sort_key", "pk"),
    }
