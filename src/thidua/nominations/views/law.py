"""The re-evaluation of open dossiers after the law or a setting changed (issue #16,
point 7): what a run found changed among the nominations the user sees (the latest
run, or one by its page), and the administrator's request for a run."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from ..selectors.reevaluation import (
    access_run,
    active_run,
    changes_for_user,
    latest_finished_run,
    recent_runs,
)
from ..services.reevaluation import REEVALUATE, request_reevaluation

__all__ = ["ReevaluateView", "ReevaluationDetailView", "ReevaluationView"]


def _context(user, run) -> dict:
    return {
        "run": run,
        "changes": list(changes_for_user(user, run)) if run is not None else [],
        "runs": recent_runs(),
        "active": active_run(),
        "can_reevaluate": user.has_perm(REEVALUATE),
    }


class ReevaluationView(TemplateView):
    """Kết quả đánh giá lại: the latest finished run's changes the user may see."""

    template_name = "nominations/reevaluation.html"

    def get_context_data(self, **kwargs):
        run = latest_finished_run()
        return super().get_context_data(
            **_context(self.request.user, run), latest=True, **kwargs
        )


class ReevaluationDetailView(TemplateView):
    template_name = "nominations/reevaluation.html"

    def get_context_data(self, **kwargs):
        run = access_run(kwargs["pk"])
        return super().get_context_data(**_context(self.request.user, run), **kwargs)


class ReevaluateView(View):
    """ "Đánh giá lại hồ sơ đang mở": a system administrator's request (anyone else:
    no such page). While a run waits or runs, asking again changes nothing."""

    def post(self, request):
        if not request.user.has_perm(REEVALUATE):
            raise Http404
        _run, created = request_reevaluation(actor=request.user)
        if created:
            messages.success(
                request,
                _(
                    "Đã yêu cầu đánh giá lại hồ sơ đang mở; kết quả có sau ít phút, "
                    "tại trang này và trang Kết quả đánh giá lại."
                ),
            )
        else:
            messages.info(
                request,
                _("Đang đánh giá lại hồ sơ đang mở theo một yêu cầu trước; hãy chờ."),
            )
        return redirect("law")
