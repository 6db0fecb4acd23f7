"""System checks of the statistical reports' settings."""

from django.conf import settings
from django.core.checks import Error, register

__all__ = ["check_report_settings"]


@register()
def check_report_settings(app_configs, **kwargs):
    value = settings.THIDUA_REPORT_MOVEMENTS
    if value not in ("phat_dong", "dien_ra"):
        return [
            Error(
                f"THIDUA_REPORT_MOVEMENTS={value!r}: chỉ nhận 'phat_dong' hoặc 'dien_ra'.",
                id="thidua.reports.E001",
            )
        ]
    return []
