from django import forms
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from thidua.common.awards import AwardType, grouped_choices
from thidua.common.forms import StyledFormMixin
from thidua.common.pickers import PersonChoiceField
from thidua.eligibility.catalog import CODES
from thidua.organizations.forms.widgets import DateInput
from thidua.organizations.models import Agency, Person

from .enums import UNIT_KINDS, AttachmentKind, RoundKind
from .models import AchievementReport

__all__ = [
    "AttachmentForm",
    "CommentForm",
    "NominationForm",
    "NoticeForm",
    "ReplaceAttachmentForm",
    "ReportForm",
    "RoundForm",
]


class RoundForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Tên đợt xét"), max_length=255)
    kind = forms.ChoiceField(label=_("Loại"), choices=RoundKind.choices)
    year = forms.IntegerField(label=_("Năm thành tích"), min_value=1945, max_value=2100)
    submission_deadline = forms.DateField(label=_("Hạn gửi hồ sơ"), widget=DateInput())


class NominationForm(StyledFormMixin, forms.Form):
    """A person of the unit, or the unit (or one of its sub-units), for one code."""

    proposing_unit = forms.ModelChoiceField(
        label=_("Đơn vị đề nghị"), queryset=Agency.objects.none()
    )
    person = PersonChoiceField(
        label=_("Cá nhân"), queryset=Person.objects.none(), required=False
    )
    agency = forms.ModelChoiceField(
        label=_("hoặc tập thể"), queryset=Agency.objects.none(), required=False
    )
    code = forms.ChoiceField(
        label=_("Danh hiệu, hình thức đề nghị"), choices=grouped_choices(CODES)
    )
    award_type = forms.ChoiceField(label=_("Loại hình"), choices=AwardType.choices)
    summary = forms.CharField(
        label=_("Tóm tắt thành tích"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, units, people, collectives, authority_url="", **kwargs):
        super().__init__(*args, **kwargs)
        if authority_url:
            # Who decides the chosen code, said as soon as it changes.
            self.fields["code"].widget.attrs.update(
                {
                    "hx-get": authority_url,
                    "hx-trigger": "change",
                    "hx-target": "#authority-answer",
                }
            )
        self.fields["proposing_unit"].queryset = units
        self.fields["person"].queryset = people
        self.fields["agency"].queryset = collectives

    def clean(self):
        data = super().clean()
        if bool(data.get("person")) == bool(data.get("agency")):
            raise forms.ValidationError(_("Chọn một cá nhân hoặc một tập thể."))
        return data


class AttachmentForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Loại tài liệu"), choices=AttachmentKind.choices)
    file = forms.FileField(label=_("Tệp (PDF, DOCX, XLSX, PNG, JPEG)"))


class ReplaceAttachmentForm(StyledFormMixin, forms.Form):
    file = forms.FileField(label=_("Tệp thay thế (PDF, DOCX, XLSX, PNG, JPEG)"))


class ReportForm(StyledFormMixin, forms.Form):
    """The fields of the achievement report for one kind of subject (labels from the
    model); the service checks them and names each problem."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, field_names, **kwargs):

        super().__init__(*args, **kwargs)
        markup = _(
            "Mỗi dòng là một đoạn; có thể dùng **đậm**, *nghiêng*, [^chú thích]."
        )
        for name in field_names:
            model_field = AchievementReport._meta.get_field(name)
            long = model_field.get_internal_type() == "TextField"
            self.fields[name] = forms.CharField(
                label=model_field.verbose_name,
                required=False,
                widget=forms.Textarea(
                    attrs={"rows": 8 if name == "achievements" else 4}
                )
                if long
                else forms.TextInput,
                help_text=markup if long else "",
            )


class NoticeForm(StyledFormMixin, forms.Form):
    title = forms.CharField(
        label=gettext_lazy("Tiêu đề"), max_length=255, required=False
    )
    starts_on = forms.DateField(label=gettext_lazy("Ngày bắt đầu"), widget=DateInput())
    working_days = forms.IntegerField(
        label=gettext_lazy("Số ngày làm việc"), initial=10, min_value=1, max_value=60
    )


class CommentForm(StyledFormMixin, forms.Form):
    nomination = forms.TypedChoiceField(label=gettext_lazy("Góp ý về"), coerce=int)
    name = forms.CharField(label=gettext_lazy("Họ và tên"), max_length=120)
    contact = forms.CharField(
        label=gettext_lazy("Địa chỉ, điện thoại hoặc thư điện tử"), max_length=200
    )
    content = forms.CharField(
        label=gettext_lazy("Nội dung góp ý"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, nominations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nomination"].choices = [
            (n.pk, f"{n.subject} – {n.get_code_display()}") for n in nominations
        ]


class ProposalFileForm(StyledFormMixin, forms.Form):
    """The filled proposal template (views/bulk.py ImportView)."""

    file = forms.FileField(label=_("Tệp danh sách đề nghị (.xlsx)"))


class UnitFileForm(StyledFormMixin, forms.Form):
    """A file the unit gives once for all its dossiers of a round (views/unit_files)."""

    kind = forms.ChoiceField(
        label=_("Loại tài liệu"),
        choices=[(str(k), k.label) for k in UNIT_KINDS],
    )
    file = forms.FileField(label=_("Tệp (PDF, DOCX, XLSX, PNG, JPEG)"))
