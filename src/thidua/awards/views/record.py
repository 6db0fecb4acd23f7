"""Entering an award into the register by hand (earlier paper decisions included), from
a person's or an agency's page."""

from django.utils.translation import gettext_lazy as _

from thidua.common.views import ServiceFormView, require_perm
from thidua.organizations.selectors import access_agency
from thidua.organizations.views.people import PersonRecordView

from ..forms import AwardForm
from ..services.register import record_award

__all__ = ["AgencyAwardCreateView", "PersonAwardCreateView"]


class PersonAwardCreateView(PersonRecordView):
    """Enter an award from a decision (earlier paper decisions included)."""

    form_class = AwardForm
    title = _("Ghi sổ khen thưởng")
    tab = "awards"
    success_message = _("Đã ghi sổ khen thưởng.")

    def perform(self, form):
        return record_award(
            person=self.person, actor=self.request.user, **form.cleaned_data
        )


class AgencyAwardCreateView(ServiceFormView):
    template_name = "organizations/agency/record_form.html"
    form_class = AwardForm
    success_message = _("Đã ghi sổ khen thưởng.")

    def dispatch(self, request, *args, **kwargs):
        self.agency = access_agency(request.user, kwargs["pk"])
        require_perm(request.user, "organizations.change_agency", self.agency)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "collective": True}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            agency=self.agency, title=_("Ghi sổ khen thưởng tập thể"), **kwargs
        )

    def perform(self, form):
        return record_award(
            agency=self.agency, actor=self.request.user, **form.cleaned_data
        )

    def get_success_url(self):
        return self.agency.get_absolute_url()
