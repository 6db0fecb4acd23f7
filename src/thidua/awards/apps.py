from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    name = "thidua.awards"
    label = "awards"
    verbose_name = _("Sổ khen thưởng")

    def ready(self):
        from . import reporting  # noqa: F401, PLC0415 (registers its report source)
