"""The report parameters: agency (among those the user reports for), year or period."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.organizations.forms.widgets import DateInput

from .definitions import REGIMES, regime_for
from .selectors import reporting_period

__all__ = ["ReportForm"]


class ReportForm(forms.Form):
    nam = forms.IntegerField(
        label=_("Năm báo cáo"),
        min_value=2000,
        max_value=2100,
        required=False,
        help_text=_("Từ 01/12 năm trước đến 30/11 năm báo cáo."),
    )
    tu = forms.DateField(label=_("Hoặc từ ngày"), required=False, widget=DateInput())
    den = forms.DateField(label=_("đến ngày"), required=False, widget=DateInput())
    bieu = forms.ChoiceField(
        label=_("Bộ biểu mẫu"),
        required=False,
        choices=[("", _("Theo thông tư có hiệu lực cuối kỳ"))]
        + [(key, regime.circular) for key, regime in REGIMES.items()],
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("tu"), data.get("den")
        if bool(start) != bool(end):
            raise forms.ValidationError(_("Nhập cả ngày bắt đầu và ngày kết thúc."))
        if start and end:
            if start > end:
                raise forms.ValidationError(_("Ngày bắt đầu phải trước ngày kết thúc."))
        else:
            year = data.get("nam") or default_year()
            data["nam"] = year
            start, end = reporting_period(year)
        data["start"], data["end"] = start, end
        key = data.get("bieu")
        data["regime"] = REGIMES[key] if key else regime_for(end)
        return data


def default_year(today: datetime.date | None = None) -> int:
    """The reporting year that ends this 30/11 (in December: the one just closed,
    whose report is due on 15/12)."""
    today = today or timezone.localdate()
    return today.year
