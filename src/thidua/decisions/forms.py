from django import forms
from django.utils.translation import gettext_lazy

from thidua.common.forms import StyledFormMixin
from thidua.organizations.forms.widgets import DateInput

__all__ = ["DecisionForm"]


class DecisionForm(StyledFormMixin, forms.Form):
    issued_on = forms.DateField(label=gettext_lazy("Ngày ký"), widget=DateInput())
    signer_authority = forms.ChoiceField(
        label=gettext_lazy("Quyền hạn ký"),
        choices=[("", "—"), ("KT.", "KT."), ("Q.", "Q."), ("TUQ.", "TUQ.")],
        required=False,
    )
    signer_principal = forms.CharField(
        label=gettext_lazy("Ký thay cho (chức vụ)"), max_length=160, required=False
    )
    signer_title = forms.CharField(
        label=gettext_lazy("Chức vụ người ký"), max_length=160
    )
    signer_name = forms.CharField(label=gettext_lazy("Họ tên người ký"), max_length=120)
