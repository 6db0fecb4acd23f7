from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from thidua.documents.draft_hooks import on_draft_issued
from thidua.documents.kinds import register_document_kind


class MovementsConfig(AppConfig):
    name = "thidua.movements"
    label = "movements"
    verbose_name = _("Phong trào thi đua")

    def ready(self):
        from . import reporting, search  # noqa: F401, PLC0415 (register its search index and report sources)

        register_document_kind(
            "movement",
            label=_("Văn bản phát động phong trào"),
            spec="thidua.movements.rendering:spec_for_movement_id",
        )
        register_document_kind(
            "review",
            label=_("Báo cáo sơ kết, tổng kết"),
            spec="thidua.movements.rendering:spec_for_review_id",
        )
        # A launch plan written in the editor launches its movement when issued.
        on_draft_issued("thidua.movements.services.launch_plan:launch_with_plan")
