"""The unit's form for a dossier's evidence (models/evidence.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.common.forms import StyledFormMixin
from thidua.organizations.enums import InitiativeScope, Rating
from thidua.organizations.forms.widgets import DateInput

from .enums import EvidenceKind

__all__ = ["EvidenceForm"]


class EvidenceForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Loại minh chứng"), choices=EvidenceKind.choices)
    year = forms.IntegerField(label=_("Năm"), min_value=1945, max_value=2100)
    title = forms.CharField(
        label=_("Tên sáng kiến, đề tài"), max_length=500, required=False
    )
    scope = forms.ChoiceField(
        label=_("Phạm vi ảnh hưởng"),
        choices=[("", "—"), *InitiativeScope.choices],
        required=False,
    )
    rating = forms.ChoiceField(
        label=_("Xếp loại"), choices=[("", "—"), *Rating.choices], required=False
    )
    decision_number = forms.CharField(
        label=_("Số quyết định, văn bản công nhận"), max_length=60, required=False
    )
    decision_date = forms.DateField(
        label=_("Ngày công nhận"), required=False, widget=DateInput()
    )
    decided_by = forms.CharField(
        label=_("Cơ quan công nhận"), max_length=255, required=False
    )
    attachment = forms.TypedChoiceField(
        label=_("Tài liệu chứng minh đã tải lên"),
        coerce=int,
        required=False,
        empty_value=None,
    )

    def __init__(self, *args, attachments=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachment"].choices = [
            ("", "—"),
            *[(a.pk, f"{a.get_kind_display()}: {a.name}") for a in attachments],
        ]
