from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NominationsConfig(AppConfig):
    name = "thidua.nominations"
    label = "nominations"
    verbose_name = _("Hồ sơ đề nghị khen thưởng")

    def ready(self):
        from thidua.common.jobs import Durable, register_durable  # noqa: PLC0415 (apps load before their modules)

        from . import search  # noqa: F401, PLC0415 (registers its search index)

        register_durable(
            Durable(
                name="nominations.reevaluation",
                model="nominations.ReevaluationRun",
                active=("queued", "running"),
                task="thidua.nominations.tasks:task_reevaluate",
                give_up="thidua.nominations.services.reevaluation:give_up_reevaluation",
            )
        )
