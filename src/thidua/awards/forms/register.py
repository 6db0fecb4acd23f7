from django import forms
from django.utils.translation import gettext_lazy

from thidua.common.awards import grouped_choices
from thidua.common.forms import StyledFormMixin
from thidua.eligibility.catalog import COLLECTIVE_CODES, INDIVIDUAL_CODES
from thidua.organizations.forms.widgets import DateInput

from ..models import Award
from ..services.register import FIELDS as REGISTER_FIELDS

__all__ = ["AnnulForm", "AwardForm"]


class AwardForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Award
        fields = REGISTER_FIELDS  # what record_award takes and audits
        widgets = {"decision_date": DateInput()}

    def __init__(self, *args, collective: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        codes = COLLECTIVE_CODES if collective else INDIVIDUAL_CODES
        self.fields["code"].choices = grouped_choices(codes)

    def _post_clean(self):
        pass  # the service checks the award as a whole


class AnnulForm(StyledFormMixin, forms.Form):
    """Annulment of one award, or of every award of a decision (Luật TĐKT 2022 Art 94)."""

    reason = forms.CharField(
        label=gettext_lazy("Lý do hủy bỏ"), widget=forms.Textarea(attrs={"rows": 2})
    )
    annulment_decision = forms.CharField(
        label=gettext_lazy("Số, ký hiệu quyết định hủy bỏ"), max_length=120
    )
    annulled_on = forms.DateField(
        label=gettext_lazy("Ngày quyết định hủy bỏ"), widget=DateInput()
    )
    recovery_note = forms.CharField(
        label=gettext_lazy("Thu hồi hiện vật, tiền thưởng"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
