"""Forms of the site-wide pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.common.forms import StyledFormMixin
from thidua.common.models import DaySwapKind
from thidua.organizations.forms.widgets import DateInput

__all__ = ["DaySwapForm"]


class DaySwapForm(StyledFormMixin, forms.Form):
    """One day of the year's official calendar (Quản trị → Ngày nghỉ, làm bù)."""

    day = forms.DateField(label=_("Ngày"), widget=DateInput())
    kind = forms.ChoiceField(label=_("Loại"), choices=DaySwapKind.choices)
    note = forms.CharField(
        label=_("Căn cứ"),
        max_length=255,
        help_text=_("Ví dụ: Thông báo số 6150/TB-BLĐTBXH ngày 12/11/2024"),
    )
