from django import forms
from django.utils.translation import gettext_lazy

from thidua.common.forms import StyledFormMixin
from thidua.organizations.forms.widgets import DateInput

__all__ = ["DecisionDraftForm", "DecisionMoveForm"]


class DecisionDraftForm(StyledFormMixin, forms.Form):
    """The office's draft: no signer here, it is the approver's (from his record)."""

    planned_on = forms.DateField(
        label=gettext_lazy("Ngày dự kiến ký"), widget=DateInput()
    )
    legal_basis = forms.CharField(
        label=gettext_lazy("Căn cứ ban hành"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )


class DecisionMoveForm(StyledFormMixin, forms.Form):
    """One step of the decision: the reason of a return, the clerk's issue date."""

    to = forms.CharField(widget=forms.HiddenInput())
    reason = forms.CharField(
        label=gettext_lazy("Lý do trả lại"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    issued_on = forms.DateField(
        label=gettext_lazy("Ngày ban hành"), widget=DateInput(), required=False
    )
