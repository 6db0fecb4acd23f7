from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    name = "thidua.decisions"
    label = "decisions"
    verbose_name = _("Quyết định và sổ khen thưởng")
