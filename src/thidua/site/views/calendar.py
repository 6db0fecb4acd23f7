"""The administrator's page "Ngày nghỉ, làm bù" (issue #17, point 12): one year's public
holidays as the holidays package computes them, and the official swaps he enters on top
(common/workdays.py). Anyone else: the page does not exist (404)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView

from thidua.common.models import DaySwap
from thidua.common.selectors import calendar_rows
from thidua.common.services.day_swaps import add_day_swap, remove_day_swap
from thidua.common.views import apply_errors

from ..forms import DaySwapForm

__all__ = ["WorkdaysRemoveView", "WorkdaysView"]

MANAGE_CALENDAR = "common.manage_calendar"
FIRST_YEAR, LAST_YEAR = 2000, 2100


def _year(request) -> int:
    """``?nam=`` when it is a year the page can show, else this year."""
    raw = request.GET.get("nam", "")
    if raw.isascii() and raw.isdigit() and FIRST_YEAR <= int(raw) <= LAST_YEAR:
        return int(raw)
    return timezone.localdate().year


class _AdminOnly(View):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(MANAGE_CALENDAR):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


def _page(year: int) -> str:
    return f"{reverse('workdays')}?nam={year}"


class WorkdaysView(_AdminOnly, FormView):
    template_name = "common/workdays.html"
    form_class = DaySwapForm

    def get_context_data(self, **kwargs):
        year = _year(self.request)
        return super().get_context_data(
            year=year,
            rows=calendar_rows(year),
            years=range(year - 2, year + 3),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            swap = add_day_swap(actor=self.request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Đã nhập %(swap)s.") % {"swap": swap},
        )
        return redirect(_page(swap.day.year))


class WorkdaysRemoveView(_AdminOnly):
    def post(self, request):
        raw = request.POST.get("swap", "")
        swap = (
            DaySwap.objects.filter(pk=int(raw)).first()
            if raw.isascii() and raw.isdigit() and len(raw) < 19
            else None
        )
        if swap is None:
            messages.error(request, _("Ngày này đã được xóa hoặc không có."))
            return redirect(_page(_year(request)))
        remove_day_swap(swap, actor=request.user)
        messages.success(request, _("Đã xóa %(swap)s.") % {"swap": swap})
        return redirect(_page(swap.day.year))
