from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from thidua.documents.kinds import register_document_kind


class SubmissionsConfig(AppConfig):
    name = "thidua.submissions"
    label = "submissions"
    verbose_name = _("Tờ trình cấp trên")

    def ready(self):
        register_document_kind(
            "submission",
            label=_("Tờ trình đề nghị khen thưởng"),
            spec="thidua.submissions.rendering:spec_for_submission_id",
        )
