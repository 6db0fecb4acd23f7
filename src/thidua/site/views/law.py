"""The system administrators' page on the law (issue #16, point 7): the eligibility
engine's regimes, the settings that decide its rules, the agencies' own choices, the
base salary table, and the re-evaluation of the open dossiers. Anyone else: the page
does not exist (404)."""

from django.conf import settings
from django.http import Http404
from django.utils import timezone
from django.views.generic import TemplateView

from thidua.eligibility.catalog import NAMES
from thidua.nominations.selectors.reevaluation import (
    active_run,
    latest_finished_run,
    recent_runs,
)
from thidua.nominations.services.reevaluation import REEVALUATE

from ..selectors.law import agency_choices, base_salaries, law_changes, regime_rows

__all__ = ["LawView"]

VIEW_LAW = "nominations.view_law_settings"


class LawView(TemplateView):
    template_name = "common/law.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_LAW):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        return super().get_context_data(
            today=today,
            regimes=regime_rows(today),
            law_changes=law_changes(),
            agencies=agency_choices(today),
            salaries=base_salaries(today),
            without_council=[
                NAMES.get(code, code)
                for code in settings.THIDUA_COUNCIL_NOT_REQUIRED_CODES
            ],
            active=active_run(),
            latest=latest_finished_run(),
            runs=recent_runs(),
            can_reevaluate=self.request.user.has_perm(REEVALUATE),
            **kwargs,
        )
