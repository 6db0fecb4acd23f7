from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    name = "thidua.decisions"
    label = "decisions"
    verbose_name = _("Quyết định và sổ khen thưởng")

    def ready(self):
        from thidua.common.jobs import register_repair  # noqa: PLC0415 (apps load before their modules)

        register_repair(
            "decisions.awards",
            "thidua.decisions.services.decision:write_missing_awards",
        )
