from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "thidua.documents"
    label = "documents"
    verbose_name = _("Văn bản")

    def ready(self):
        from thidua.common.jobs import Durable, register_durable  # noqa: PLC0415 (apps load before their modules)

        from . import search  # noqa: F401, PLC0415 (registers its search index)
        from .kinds import register_document_kind  # noqa: PLC0415 (apps load before their modules)

        register_durable(
            Durable(
                name="documents.render",
                model="documents.IssuedDocument",
                active=("rendering",),
                task="thidua.documents.tasks:task_render_document",
                give_up="thidua.documents.services.render:give_up_render",
            )
        )
        # Any document written in thidua (models/drafts.py): its spec is its content's.
        register_document_kind(
            "draft",
            label=_("Văn bản soạn thảo"),
            spec="thidua.documents.services.draft_issue:spec_for_draft_id",
            signer="thidua.documents.services.draft_issue:personal_signer",
        )
