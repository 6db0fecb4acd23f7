from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "thidua.documents"
    label = "documents"
    verbose_name = _("Văn bản")

    def ready(self):
        from thidua.common.jobs import Durable, register_durable  # noqa: PLC0415 (apps load before their modules)

        from . import search  # noqa: F401, PLC0415 (registers its search index)

        register_durable(
            Durable(
                name="documents.render",
                model="documents.IssuedDocument",
                active=("rendering",),
                task="thidua.documents.tasks:task_render_document",
                give_up="thidua.documents.services.render:give_up_render",
            )
        )
