"""System checks of the statistical reports' settings."""

from django.conf import settings
from django.core.checks import Error, register

from thidua.common.report_sources import report_sources
from thidua.movements.reporting import MOVEMENT_PERIODS

from .definitions import REGIMES

__all__ = ["check_report_settings", "check_report_sources"]


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


@register()
def check_report_sources(app_configs, **kwargs):
    """Every form counts a registered source (common/report_sources.py)."""
    known = {source.key for source in report_sources()}
    return [
        Error(
            f"Biểu {form.code} ({regime.key}) đếm nguồn {form.source!r}, chưa có ứng "
            "dụng nào đăng ký (register_report_source).",
            id="thidua.reports.E002",
        )
        for regime in REGIMES.values()
        for form in regime.forms
        if form.source not in known
    ]
