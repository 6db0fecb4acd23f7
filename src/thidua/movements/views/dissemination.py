"""The units' inbox and confirmation, the launching office's reminders."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from thidua.common.views import ServiceFormView, require_perm

from ..forms.dissemination import ConfirmForm
from ..selectors import (
    access_delivery,
    access_movement,
    deliveries_for_user,
    delivery_board,
    delivery_deadline,
)
from ..services.dissemination import confirm_delivery, remind_delivery

__all__ = ["DeliveryConfirmView", "InboxView", "RemindView"]


class InboxView(TemplateView):
    template_name = "movements/inbox/list.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        rows = [
            {
                "delivery": d,
                "deadline": (deadline := delivery_deadline(d)),
                "overdue": not d.is_confirmed and today > deadline,
            }
            for d in deliveries_for_user(self.request.user).order_by("-delivered_at")[
                :300
            ]
        ]
        return super().get_context_data(rows=rows, **kwargs)


class DeliveryConfirmView(ServiceFormView):
    template_name = "movements/inbox/confirm.html"
    form_class = ConfirmForm
    success_message = gettext_lazy("Đã xác nhận quán triệt.")

    def dispatch(self, request, *args, **kwargs):
        self.delivery = access_delivery(request.user, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {
            "confirmed_on": timezone.localdate(),
            "staff_reached": self.delivery.agency.people.count(),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            delivery=self.delivery, deadline=delivery_deadline(self.delivery), **kwargs
        )

    def perform(self, form):
        return confirm_delivery(
            self.delivery, actor=self.request.user, **form.cleaned_data
        )

    def get_success_url(self):
        from django.urls import reverse  # noqa: PLC0415 (only here)

        return reverse("movements:inbox")


class RemindView(View):
    """Remind one unit, or every overdue unit when no unit is named."""

    def post(self, request, pk):
        movement = access_movement(request.user, pk)
        require_perm(request.user, "movements.change_movement", movement)
        wanted = request.POST.get("delivery")
        rows = [
            row
            for row in delivery_board(movement)
            if not row["delivery"].is_confirmed
            and (str(row["delivery"].pk) == wanted or (not wanted and row["overdue"]))
        ]
        reached, nobody = 0, []
        for row in rows:
            people = remind_delivery(row["delivery"], actor=request.user)
            reached += people
            if not people:
                nobody.append(row["delivery"].agency.display_name)
        if reached:
            messages.success(
                request,
                _("Đã nhắc %(people)s người ở %(units)s đơn vị.")
                % {"people": reached, "units": len(rows) - len(nobody)},
            )
        if nobody:
            messages.warning(
                request,
                _(
                    "Đơn vị %(units)s chưa có tài khoản nào có thể xác nhận — hãy "
                    "tạo tài khoản (lãnh đạo đơn vị hoặc cán bộ thi đua – khen thưởng)."
                )
                % {"units": ", ".join(nobody)},
            )
        if not rows:
            messages.info(request, _("Không có đơn vị nào cần nhắc."))
        return redirect(movement.get_absolute_url() + "#quan-triet")
