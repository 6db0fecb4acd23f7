"""The council pages' forms."""

from django import forms
from django.utils.translation import gettext_lazy

from thidua.common.forms import StyledFormMixin

__all__ = ["MeetingForm"]


class MeetingForm(StyledFormMixin, forms.Form):
    title = forms.CharField(label=gettext_lazy("Tên phiên họp"), max_length=255)
    scheduled_at = forms.DateTimeField(
        label=gettext_lazy("Thời gian (dd/mm/yyyy hh:mm)"),
        widget=forms.DateTimeInput(format="%d/%m/%Y %H:%M"),
    )
    location = forms.CharField(
        label=gettext_lazy("Địa điểm"), max_length=255, required=False
    )
