from django import forms
from django.utils.translation import gettext_lazy

from thidua.common.forms import StyledFormMixin
from thidua.documents.forms import ApprovalMoveForm
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


class DecisionMoveForm(ApprovalMoveForm):
    """One step of the decision: the reason of a return, the clerk's issue date."""
