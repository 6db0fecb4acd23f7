from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "thidua.reports"
    label = "reports"
    verbose_name = _("Báo cáo thống kê")

    def ready(self) -> None:
        from . import checks  # noqa: F401, PLC0415 (registers the system check)
