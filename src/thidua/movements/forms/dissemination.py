"""The form by which a unit confirms it received a movement."""

from django import forms
from django.utils.translation import gettext_lazy

from thidua.common.forms import CountField, StyledFormMixin
from thidua.organizations.forms.widgets import DateInput

__all__ = ["ConfirmForm"]


class ConfirmForm(StyledFormMixin, forms.Form):
    confirmed_on = forms.DateField(
        label=gettext_lazy("Ngày quán triệt"), widget=DateInput()
    )
    staff_reached = CountField(
        label=gettext_lazy("Số người được quán triệt"), min_value=0
    )
    note = forms.CharField(
        label=gettext_lazy("Hình thức, ghi chú"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
