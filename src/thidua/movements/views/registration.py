"""Đăng ký thi đua pages: a unit fills its registration; the office reviews and exports."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from thidua.common.downloads import set_download_name
from thidua.common.views import apply_errors, require_perm
from thidua.organizations.models import Agency

from ..enums import RegistrationState
from ..exports import registrations_workbook
from ..forms.registration import FILL_ACTIONS, RegistrationForm, filled
from ..models import Registration
from ..selectors import access_movement, registration_rows
from ..services.registration import (
    can_register,
    save_registration,
    transition_registration,
)
from ..workflows import REGISTRATION

__all__ = [
    "RegistrationDecideView",
    "RegistrationEditView",
    "RegistrationExportView",
    "RegistrationListView",
]


class RegistrationEditView(TemplateView):
    template_name = "movements/registration/edit.html"

    def dispatch(self, request, *args, **kwargs):
        self.movement = access_movement(request.user, kwargs["pk"])
        self.agency = Agency.objects.filter(pk=kwargs["agency"]).first()
        if self.agency is None or not can_register(request.user, self.agency):
            raise Http404
        if not self.movement.deliveries.filter(agency=self.agency).exists():
            raise Http404
        self.registration = Registration.objects.filter(
            movement=self.movement, agency=self.agency
        ).first()
        return super().dispatch(request, *args, **kwargs)

    def _editable(self) -> bool:
        return self.registration is None or self.registration.state in (
            RegistrationState.DRAFT,
            RegistrationState.RETURNED,
        )

    def _form(self, data=None):
        initial = {}
        if self.registration:
            initial = {
                "collective_title": self.registration.collective_title,
                "pledges": self.registration.pledges,
            }
            for entry in self.registration.entries.all():
                initial[f"title_{entry.person_id}"] = entry.title
                initial[f"pledge_{entry.person_id}"] = entry.pledge
        people = self.agency.people.order_by("sort_key")
        return RegistrationForm(data, initial=initial, people=people)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", self._form())
        editable = self._editable()
        return super().get_context_data(
            **{
                **kwargs,
                "movement": self.movement,
                "agency": self.agency,
                "registration": self.registration,
                "editable": editable,
            }
        )

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action in FILL_ACTIONS:
            return self._fill(request, action)
        form = self._form(request.POST)
        if form.is_valid():
            try:
                registration = save_registration(
                    self.movement,
                    self.agency,
                    collective_title=form.cleaned_data["collective_title"],
                    pledges=form.cleaned_data["pledges"],
                    entries=form.entries(),
                    actor=request.user,
                )
                if request.POST.get("action") == "submit":
                    transition_registration(
                        registration, RegistrationState.SUBMITTED, actor=request.user
                    )
                    messages.success(request, _("Đã gửi bản đăng ký thi đua."))
                else:
                    messages.success(request, _("Đã lưu bản nháp đăng ký."))
                return redirect(request.path)
            except ValidationError as exc:
                apply_errors(form, exc)
        return self.render_to_response(self.get_context_data(form=form))

    def _fill(self, request, action):
        """ "Chọn cho tất cả": the form shown again with the title on the rows asked
        for; nothing saved until "Lưu nháp" or "Gửi đăng ký"."""
        if not self._editable():
            messages.error(request, _("Bản đăng ký đã gửi, không sửa được nữa."))
            return redirect(request.path)
        people = list(self.agency.people.order_by("sort_key"))
        data, changed = filled(request.POST, people, action)
        form = self._form(data)
        form.is_valid()
        if request.POST.get("fill_title") not in dict(form.fill_choices):
            messages.error(request, _("Hãy chọn danh hiệu để điền cho nhiều người."))
        else:
            messages.info(
                request,
                _(
                    "Đã điền danh hiệu cho %(n)s người. Bấm “Lưu nháp” hoặc “Gửi đăng "
                    "ký” để lưu."
                )
                % {"n": changed},
            )
        return self.render_to_response(self.get_context_data(form=form))


class RegistrationListView(TemplateView):
    template_name = "movements/registration/list.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        movement = access_movement(user, kwargs["pk"])
        require_perm(user, "movements.change_movement", movement)
        rows = registration_rows(movement)
        for row in rows:  # approve or return: what the user may do with each now
            registration = row["registration"]
            row["moves"] = (
                REGISTRATION.available(user, registration) if registration else []
            )
        return super().get_context_data(movement=movement, rows=rows, **kwargs)


class RegistrationDecideView(View):
    def post(self, request, pk, registration):
        movement = access_movement(request.user, pk)
        target = movement.registrations.filter(pk=registration).first()
        if target is None:
            raise Http404
        to = request.POST.get("to", "")
        try:
            transition_registration(
                target, to, actor=request.user, reason=request.POST.get("reason", "")
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("Đã cập nhật bản đăng ký của %(u)s.") % {"u": target.agency.name},
            )
        return redirect("movements:registration-list", pk=movement.pk)


class RegistrationExportView(View):
    def get(self, request, pk):
        movement = access_movement(request.user, pk)
        require_perm(request.user, "movements.change_movement", movement)
        response = HttpResponse(
            registrations_workbook(movement),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        set_download_name(response, "dang-ky-thi-dua.xlsx")
        return response
