from django import forms

from thidua.common.forms import StyledFormMixin
from thidua.eligibility.catalog import COLLECTIVE_CODES, INDIVIDUAL_CODES, NAMES
from thidua.organizations.forms.widgets import DateInput

from .models import Award

__all__ = ["AwardForm"]


class AwardForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Award
        fields = [
            "code",
            "award_type",
            "year",
            "period_from",
            "decision_number",
            "decision_date",
            "decided_by",
            "cash_amount",
        ]
        widgets = {"decision_date": DateInput()}

    def __init__(self, *args, collective: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        codes = COLLECTIVE_CODES if collective else INDIVIDUAL_CODES
        self.fields["code"].choices = [(c, NAMES[c]) for c in codes]

    def _post_clean(self):
        pass  # the service checks the award as a whole
