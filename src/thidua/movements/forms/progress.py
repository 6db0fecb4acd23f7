"""Forms of a movement's targets (indicators) and their progress."""

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.common.forms import StyledFormMixin, VietDecimalField
from thidua.organizations.forms.widgets import DateInput
from thidua.organizations.models import Agency

from ..models import Indicator

__all__ = ["IndicatorForm", "ProgressForm"]


class IndicatorForm(StyledFormMixin, forms.ModelForm):
    # Typed the Vietnamese way ("93,5"); the service checks them against the unit.
    baseline = VietDecimalField(
        label=_("Giá trị ban đầu"), max_digits=16, decimal_places=2
    )
    target = VietDecimalField(
        label=_("Chỉ tiêu phấn đấu"), max_digits=16, decimal_places=2
    )

    class Meta:
        model = Indicator
        fields = [
            "name",
            "content_item",
            "unit_of_measure",
            "baseline",
            "target",
            "direction",
            "owner",
            "due_on",
        ]
        widgets = {"due_on": DateInput()}

    def __init__(self, *args, movement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["content_item"].queryset = movement.contents.all()
        owners = Agency.objects.descendants(movement.launcher, include_self=True)
        self.fields["owner"].queryset = owners.order_by("name")

    def _post_clean(self):
        pass  # the service checks the indicator as a whole


class ProgressForm(StyledFormMixin, forms.Form):
    reported_on = forms.DateField(label=_("Ngày số liệu"), widget=DateInput())
    value = VietDecimalField(
        label=_("Giá trị đạt được"), max_digits=16, decimal_places=2
    )
    note = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    evidence = forms.FileField(
        label=_("Minh chứng (PDF, DOCX, XLSX, PNG, JPEG)"), required=False
    )
