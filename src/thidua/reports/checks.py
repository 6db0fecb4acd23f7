"""System checks of the statistical reports' settings."""

from django.conf import settings
from django.core.checks import Error, register

from .sources import MOVEMENT_PERIODS

__all__ = ["check_report_settings"]


@register()
def check_report_settings(app_configs, **kwargs):
    value = settings.THIDUA_REPORT_MOVEMENTS
    if value not in MOVEMENT_PERIODS:
        allowed = " hoặc ".join(repr(key) for key in MOVEMENT_PERIODS)
        return [
            Error(
                f"THIDUA_REPORT_MOVEMENTS={value!r}: chỉ nhận {allowed}.",
                id="thidua.reports.E001",
            )
        ]
    return []
