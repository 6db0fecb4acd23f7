"""The unit's files for the round (its biên bản bình xét, once for all its dossiers)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from thidua.common.downloads import uploaded_file_response
from thidua.common.views import apply_errors

from ..forms import UnitFileForm
from ..selectors.unit_files import access_unit_file, unit_files
from ..services.unit_files import upload_unit_file
from .bulk import _UnitOfRound

__all__ = ["UnitFileView", "UnitFilesView"]


class UnitFilesView(_UnitOfRound, TemplateView):
    template_name = "nominations/unit_files.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", UnitFileForm())
        return super().get_context_data(
            files=unit_files(self.round.pk, self.unit.pk), **self.common(), **kwargs
        )

    def post(self, request, *args, **kwargs):
        form = UnitFileForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                upload_unit_file(
                    self.round,
                    self.unit,
                    kind=form.cleaned_data["kind"],
                    upload=form.cleaned_data["file"],
                    actor=request.user,
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("Đã tải tài liệu; tài liệu dùng chung cho mọi hồ sơ của đơn vị."),
                )
                url = reverse("nominations:unit-files", args=[self.round.pk])
                return redirect(f"{url}?don_vi={self.unit.pk}")
        return self.render_to_response(self.get_context_data(form=form))


class UnitFileView(View):
    def get(self, request, pk, file):
        found = access_unit_file(request.user, pk, file)
        return uploaded_file_response(request, found.file, found.name)
