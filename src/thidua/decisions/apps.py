from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from thidua.documents.kinds import register_document_kind


class DecisionsConfig(AppConfig):
    name = "thidua.decisions"
    label = "decisions"
    verbose_name = _("Quyết định khen thưởng")

    def ready(self):
        from thidua.common.jobs import register_repair  # noqa: PLC0415 (apps load before their modules)

        from . import search  # noqa: F401, PLC0415 (registers its search index)

        register_repair(
            "decisions.awards",
            "thidua.decisions.services.decision:write_missing_awards",
        )
        register_document_kind(
            "decision",
            label=_("Quyết định khen thưởng"),
            spec="thidua.decisions.rendering:spec_for_decision_id",
            # The register gets the awards in the transaction that marks the files
            # ready: a decision is never ready with its awards missing.
            after_render="thidua.decisions.services.decision:write_awards",
            # The approver signs it with his own certificate, before the seal.
            signer="thidua.decisions.services.decision:personal_signer",
        )
