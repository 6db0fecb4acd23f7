"""Forms of the tờ trình pages: drafting, forwarding, an item's outcome, a package."""

from django import forms
from django.utils.translation import gettext_lazy

from thidua.common.forms import StyledFormMixin
from thidua.organizations.forms.widgets import DateInput
from thidua.organizations.models import Agency
from thidua.organizations.selectors import office_agencies

__all__ = ["ForwardForm", "ItemForm", "PackageForm", "SignForm"]


class SignForm(StyledFormMixin, forms.Form):
    """The office's draft: the date it proposes. The signer is whoever approves it."""

    planned_on = forms.DateField(
        label=gettext_lazy("Ngày dự kiến ký"), widget=DateInput()
    )


class ForwardForm(SignForm):
    pass


class ItemForm(StyledFormMixin, forms.Form):
    appraisal = forms.CharField(
        label=gettext_lazy("Ý kiến thẩm định"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    reason = forms.CharField(
        label=gettext_lazy("Lý do"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    decision_number = forms.CharField(
        label=gettext_lazy("Số quyết định"), max_length=60, required=False
    )
    decision_date = forms.DateField(
        label=gettext_lazy("Ngày quyết định"), required=False, widget=DateInput()
    )
    decision_signer = forms.CharField(
        label=gettext_lazy("Người ký"), max_length=255, required=False
    )
    decided_by = forms.CharField(
        label=gettext_lazy("Cấp quyết định"), max_length=255, required=False
    )


class PackageForm(StyledFormMixin, forms.Form):
    to_agency = forms.ModelChoiceField(
        label=gettext_lazy("Cơ quan nhận"), queryset=Agency.objects.none()
    )
    package = forms.FileField(label=gettext_lazy("Gói hồ sơ (.zip)"))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_agency"].queryset = office_agencies(user)
