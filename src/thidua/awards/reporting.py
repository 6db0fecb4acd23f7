"""The award register as a source of the statistical forms (0602, 0603, TK01;
common/report_sources.py): awards number in the hundreds of thousands, so they are
aggregated in the database.

Rules (docs/reports.md): an award counts in the period when its **decision date** is
inside it; revoked (annulled) awards are not counted; a person's award counts for the
person's **current** unit, a collective award for the collective.
"""

import datetime
from dataclasses import dataclass

from django.db.models import (
    BooleanField,
    Case,
    Count,
    ExpressionWrapper,
    Q,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from thidua.common.report_sources import ReportSource, register_report_source

from .models import Award

__all__ = ["AwardGroup", "register_groups"]


@dataclass(frozen=True)
class AwardGroup:
    """One row of the register's aggregate: awards sharing every counted attribute."""

    unit_id: int | None
    code: str
    collective: bool
    award_type: str
    gender: str | None
    minority: bool | None
    direct: bool | None
    n: int


def register_groups(
    unit_ids, start: datetime.date, end: datetime.date
) -> list[AwardGroup]:
    """The register inside the period for these units, aggregated (one query)."""
    awards = (
        Award.objects.filter(revoked=False, decision_date__range=(start, end))
        .filter(Q(person__unit_id__in=unit_ids) | Q(agency_id__in=unit_ids))
        .annotate(
            unit=Coalesce("person__unit_id", "agency_id"),
            collective=ExpressionWrapper(
                Q(person_id__isnull=True), output_field=BooleanField()
            ),
            minority=Case(
                When(person_id__isnull=True, then=Value(None)),
                When(person__ethnicity="", then=Value(None)),
                When(person__ethnicity__iexact="kinh", then=Value(False)),
                default=Value(True),
                output_field=BooleanField(null=True),
            ),
        )
        .values_list(
            "unit",
            "code",
            "collective",
            "award_type",
            "person__gender",
            "minority",
            "person__is_direct_worker",
        )
        .annotate(n=Count("id"))
        .order_by()
    )
    return [
        AwardGroup(
            unit,
            code,
            bool(collective),
            award_type,
            gender or None,
            minority,
            direct if not collective else None,
            n,
        )
        for unit, code, collective, award_type, gender, minority, direct, n in awards
    ]


register_report_source(
    ReportSource(
        "awards",
        _("Sổ khen thưởng"),
        groups=register_groups,
        basis="theo ngày quyết định khen thưởng",
    )
)
