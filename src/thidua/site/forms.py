"""Forms of the site-wide pages: the audit log's filters, as an officer names them (the
person, the days dd/mm/yyyy, the kind of object and part of its name, the action by its
label), and a day of the official calendar."""

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.common.actions import action_groups
from thidua.common.forms import StyledFormMixin
from thidua.common.models import DaySwapKind
from thidua.organizations.forms.widgets import DateInput

from .selectors.activity import ActivityFilter, audited_types

__all__ = ["AuditLogFilterForm", "DaySwapForm"]


class DaySwapForm(StyledFormMixin, forms.Form):
    """One day of the year's official calendar (Quản trị → Ngày nghỉ, làm bù)."""

    day = forms.DateField(label=_("Ngày"), widget=DateInput())
    kind = forms.ChoiceField(label=_("Loại"), choices=DaySwapKind.choices)
    note = forms.CharField(
        label=_("Căn cứ"),
        max_length=255,
        help_text=_("Ví dụ: Thông báo số 6150/TB-BLĐTBXH ngày 12/11/2024"),
    )


DAY_FORMATS = ["%d/%m/%Y"]


class AuditLogFilterForm(StyledFormMixin, forms.Form):
    actor = forms.CharField(label=_("Người thực hiện"), required=False, max_length=160)
    date_from = forms.DateField(
        label=_("Từ ngày"),
        required=False,
        input_formats=DAY_FORMATS,
        widget=DateInput(),
    )
    date_to = forms.DateField(
        label=_("Đến ngày"),
        required=False,
        input_formats=DAY_FORMATS,
        widget=DateInput(),
    )
    object_type = forms.TypedChoiceField(
        label=_("Loại đối tượng"), required=False, coerce=int, empty_value=None
    )
    object_text = forms.CharField(
        label=_("Tên đối tượng"), required=False, max_length=200
    )
    action = forms.ChoiceField(label=_("Thao tác"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.types = {t.pk: t for t in audited_types()}
        self.fields["object_type"].choices = [("", _("Mọi loại"))] + [
            (pk, str(t.model_class()._meta.verbose_name).capitalize())
            for pk, t in self.types.items()
        ]
        self.fields["action"].choices = [("", _("Mọi thao tác")), *action_groups()]
        self.fields["actor"].widget.attrs["list"] = "audit-actors"

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("“Đến ngày” phải sau “Từ ngày”."))
        return data

    def criteria(self) -> ActivityFilter:
        """The filters as the selector takes them (only the valid ones)."""
        data = self.cleaned_data if self.is_bound else {}
        return ActivityFilter(
            actor=(data.get("actor") or "").strip(),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            object_type=self.types.get(data.get("object_type")),
            object_text=(data.get("object_text") or "").strip(),
            action=data.get("action") or "",
        )
