from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from thidua.documents.kinds import register_document_kind


class CouncilsConfig(AppConfig):
    name = "thidua.councils"
    label = "councils"
    verbose_name = _("Họp hội đồng và bỏ phiếu kín")

    def ready(self):
        register_document_kind(
            "council_minutes",
            label=_("Biên bản họp Hội đồng"),
            spec="thidua.councils.rendering:spec_for_meeting_id",
        )
        register_document_kind(
            "council_tally",
            label=_("Biên bản kiểm phiếu"),
            spec="thidua.councils.rendering:spec_for_tally_meeting_id",
        )
