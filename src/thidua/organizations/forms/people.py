from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.common.forms import StyledFormMixin

from ..ethnicities import ETHNICITIES
from ..models import Agency, DisciplineRecord, Initiative, PendingMatter, Person
from ..services.person import PERSON_FIELDS
from .widgets import DateInput

__all__ = [
    "AssessmentForm",
    "DisciplineForm",
    "InitiativeForm",
    "PersonForm",
    "ReviewCloseForm",
    "PendingMatterForm",
    "TransferForm",
]


class PersonForm(StyledFormMixin, forms.ModelForm):
    """Person fields; on creation also the unit the person joins."""

    ethnicity = forms.ChoiceField(
        label=_("dân tộc"), choices=[(e, e) for e in ETHNICITIES], initial="Kinh"
    )
    unit = forms.ModelChoiceField(label=_("đơn vị"), queryset=Agency.objects.none())
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Person
        fields = PERSON_FIELDS
        widgets = {
            "birth_date": DateInput(),
            "recruited_on": DateInput(),
            "tdkt_since": DateInput(),
        }

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is None:
            del self.fields["unit"]
        else:
            self.fields["unit"].queryset = units
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        else:
            del self.fields["version"]

    def _post_clean(self):
        # Cross-field and uniqueness checks belong to the service; skip the model's.
        pass


class TransferForm(StyledFormMixin, forms.Form):
    unit = forms.ModelChoiceField(
        label=_("chuyển đến đơn vị"), queryset=Agency.objects.none()
    )
    start_date = forms.DateField(label=_("từ ngày"), widget=DateInput())
    position = forms.CharField(label=_("chức vụ mới"), required=False, max_length=120)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class AssessmentForm(StyledFormMixin, forms.Form):
    year = forms.IntegerField(label=_("năm"), min_value=1945)
    rating = forms.ChoiceField(label=_("xếp loại"))

    def __init__(self, *args, **kwargs):
        from ..enums import Rating  # noqa: PLC0415 (keeps the form module light)

        super().__init__(*args, **kwargs)
        self.fields["rating"].choices = Rating.choices
        self.fields["year"].max_value = timezone.localdate().year
        self.fields["year"].initial = timezone.localdate().year


class DisciplineForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = DisciplineRecord
        fields = ["form", "decision_number", "start_date", "end_date", "reason"]
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "reason": forms.Textarea(attrs={"rows": 2}),
        }


class PendingMatterForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = PendingMatter
        fields = ["kind", "start_date", "end_date", "note"]
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "note": forms.Textarea(attrs={"rows": 2}),
        }


class InitiativeForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Initiative
        fields = [
            "title",
            "kind",
            "year",
            "scope",
            "decision_number",
            "decision_date",
            "decided_by",
        ]
        widgets = {"decision_date": DateInput()}


class ReviewCloseForm(StyledFormMixin, forms.Form):
    end_date = forms.DateField(label=_("kết thúc ngày"), widget=DateInput())
