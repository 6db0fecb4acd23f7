"""Targets (chỉ tiêu) and their progress: the office sets indicators, owner units
report dated values with evidence, a status says who is on track and who is at risk."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.common.services.audit import log_action
from thidua.common.text import nfc
from thidua.common.uploads import check_attachment

from ..enums import IndicatorState
from ..models import Indicator, Movement, ProgressReport

__all__ = [
    "IndicatorStatus",
    "indicator_status",
    "is_percent",
    "report_progress",
    "save_indicator",
]

# Units that make an indicator a share: its values lie in 0–100.
PERCENT_UNITS = frozenset({"%", "phần trăm"})


def is_percent(indicator: Indicator) -> bool:
    return nfc(indicator.unit_of_measure or "").strip().lower() in PERCENT_UNITS


def _range_errors(indicator: Indicator, values: dict) -> dict:
    """``{field: [message]}`` for each value out of the indicator's range (a share in
    % from 0 to 100), each message naming the indicator."""
    if not is_percent(indicator):
        return {}
    return {
        field: [
            _("Chỉ tiêu “%(name)s” tính bằng %%: %(what)s phải từ 0 đến 100.")
            % {"name": indicator.name, "what": what}
        ]
        for field, (what, value) in values.items()
        if not Decimal(0) <= value <= Decimal(100)
    }


# Behind the straight line from start to due date by more than this share: at risk.
AT_RISK_GAP = Decimal("0.15")


def save_indicator(
    movement: Movement, *, actor=None, indicator=None, **fields
) -> Indicator:
    """Create or change an indicator (the tracking data, not the frozen launch text)."""
    if indicator is None:
        indicator = Indicator(movement=movement)
    for name, value in fields.items():
        setattr(indicator, name, nfc(value) if isinstance(value, str) else value)
    errors = _range_errors(
        indicator,
        {
            "baseline": (_("giá trị ban đầu"), indicator.baseline),
            "target": (_("chỉ tiêu phấn đấu"), indicator.target),
        },
    )
    if errors:
        raise ValidationError(errors)
    up = indicator.direction == Indicator.Direction.UP
    if (
        (indicator.target <= indicator.baseline)
        if up
        else (indicator.target >= indicator.baseline)
    ):
        raise ValidationError(
            {
                "target": [
                    _("Chỉ tiêu phải cao hơn giá trị ban đầu.")
                    if up
                    else _("Chỉ tiêu phải thấp hơn giá trị ban đầu.")
                ]
            }
        )
    if indicator.content_item_id and indicator.content_item.movement_id != movement.pk:
        raise ValidationError(
            {"content_item": [_("Nội dung thi đua không thuộc phong trào.")]}
        )
    indicator.full_clean()
    with transaction.atomic():
        created = indicator.pk is None
        indicator.save()
        log_action(
            movement,
            "indicators.create" if created else "indicators.update",
            actor=actor,
            agency_id=movement.launcher_id,
            data={
                "indicator": indicator.name,
                "target": str(indicator.target),
                "owner": indicator.owner.name,
            },
        )
    return indicator


def report_progress(
    indicator: Indicator,
    *,
    reported_on: datetime.date,
    value: Decimal,
    note: str = "",
    evidence=None,
    actor=None,
) -> ProgressReport:
    """A dated value from the owner unit; evidence files are checked by content."""
    if reported_on > timezone.localdate():
        raise ValidationError(
            {"reported_on": [_("Ngày số liệu không được ở tương lai.")]}
        )
    errors = _range_errors(indicator, {"value": (_("giá trị đạt được"), value)})
    if errors:
        raise ValidationError(errors)
    report = ProgressReport(
        indicator=indicator,
        reported_on=reported_on,
        value=value,
        note=nfc(note),
        reported_by=actor if actor is not None and actor.is_authenticated else None,
    )
    if evidence is not None:
        checked = check_attachment(evidence, field="evidence", label=_("Minh chứng"))
        report.evidence = checked.content
        report.evidence_name = checked.original_name
        report.evidence_sha256 = checked.sha256
    with transaction.atomic():
        report.save()
        log_action(
            indicator.movement,
            "indicators.report",
            actor=actor,
            agency_id=indicator.owner_id,
            data={
                "indicator": indicator.name,
                "value": str(value),
                "reported_on": reported_on.isoformat(),
                "evidence": report.evidence_sha256,
            },
        )
    return report


@dataclass
class IndicatorStatus:
    indicator: Indicator
    latest: ProgressReport | None
    progress: Decimal  # 0..1 of the way from baseline to target
    expected: Decimal  # where a straight line would be today
    state: IndicatorState

    @property
    def percent(self) -> int:
        return int(max(Decimal(0), min(self.progress, Decimal(1))) * 100)

    @property
    def label(self) -> str:
        return str(self.state.label)

    @property
    def is_behind(self) -> bool:
        return self.state.is_behind


def indicator_status(
    indicator: Indicator,
    reports: list[ProgressReport],
    *,
    today: datetime.date | None = None,
) -> IndicatorStatus:
    """Progress of the latest value, and whether it lags the straight line to the target."""
    today = today or timezone.localdate()
    latest = max(reports, key=lambda r: (r.reported_on, r.pk)) if reports else None
    span = indicator.target - indicator.baseline
    progress = (latest.value - indicator.baseline) / span if latest else Decimal(0)
    start = indicator.movement.starts_on or (
        indicator.movement.issued_document.issued_on
        if indicator.movement.issued_document
        else indicator.due_on
    )
    total_days = max((indicator.due_on - start).days, 1)
    elapsed = min(max((today - start).days, 0), total_days)
    expected = Decimal(elapsed) / Decimal(total_days)
    if latest is None:
        state = (
            IndicatorState.MISSED
            if today > indicator.due_on
            else IndicatorState.NOT_REPORTED
        )
    elif progress >= 1:
        state = IndicatorState.MET
    elif today > indicator.due_on:
        state = IndicatorState.MISSED
    elif expected - progress > AT_RISK_GAP:
        state = IndicatorState.AT_RISK
    else:
        state = IndicatorState.ON_TRACK
    return IndicatorStatus(indicator, latest, progress, expected, state)
