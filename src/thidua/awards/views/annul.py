"""Annulment of one award in the register (Luật TĐKT 2022 Art 94)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from thidua.common.views import apply_errors, require_perm

from ..forms import AnnulForm
from ..selectors import access_award
from ..services.annulment import annul_award

__all__ = ["AwardAnnulView"]


class AwardAnnulView(TemplateView):
    """Annul one award; its later awards are flagged for re-examination."""

    template_name = "awards/annul.html"

    def _target(self):
        award = access_award(self.request.user, self.kwargs["pk"])
        subject = award.person or award.agency
        perm = "change_person" if award.person_id else "change_agency"
        require_perm(self.request.user, f"organizations.{perm}", subject)
        return award

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", AnnulForm())
        return super().get_context_data(award=self._target(), **kwargs)

    def post(self, request, *args, **kwargs):
        award = self._target()
        form = AnnulForm(request.POST)
        if form.is_valid():
            try:
                annul_award(award, actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("Đã hủy bỏ khen thưởng."))
                subject = award.person or award.agency
                return redirect(subject.get_absolute_url() + "?tab=awards")
        return self.render_to_response(self.get_context_data(form=form))
