"""The form of the data-exchange page."""

from django import forms
from django.utils.translation import gettext_lazy

from thidua.common.forms import StyledFormMixin

__all__ = ["ExchangeForm"]


class ExchangeForm(StyledFormMixin, forms.Form):
    file = forms.FileField(label=gettext_lazy("Tệp dữ liệu trao đổi (.json)"))
