from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NominationsConfig(AppConfig):
    name = "thidua.nominations"
    label = "nominations"
    verbose_name = _("Hồ sơ đề nghị khen thưởng")

    def ready(self):
        from . import search  # noqa: F401, PLC0415 (registers its search index)
