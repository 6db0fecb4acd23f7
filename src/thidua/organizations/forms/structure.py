from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.common.forms import StyledFormMixin
from thidua.common.pickers import PersonChoiceField

from ..enums import CouncilRole, Rating
from ..models import Agency, Cluster, Council, Person
from .widgets import DateInput

__all__ = [
    "AgencyForm",
    "CollectiveAssessmentForm",
    "CouncilMemberForm",
    "StaffImportForm",
]


class AgencyForm(StyledFormMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Agency
        fields = [
            "code",
            "name",
            "short_name",
            "abbreviation",
            "level",
            "place_name",
            "is_small_collective",
            "tdkt_body",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        else:
            del self.fields["version"]

    def _post_clean(self):
        pass


class CollectiveAssessmentForm(StyledFormMixin, forms.Form):
    year = forms.IntegerField(label=_("năm"), min_value=1945)
    rating = forms.ChoiceField(label=_("xếp loại"), choices=Rating.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].max_value = timezone.localdate().year
        self.fields["year"].initial = timezone.localdate().year


class CouncilMemberForm(StyledFormMixin, forms.Form):
    person = PersonChoiceField(label=_("cá nhân"), queryset=Person.objects.none())
    role = forms.ChoiceField(label=_("vai trò"), choices=CouncilRole.choices)
    title = forms.CharField(
        label=_("chức vụ trong cơ quan"), required=False, max_length=160
    )
    start_date = forms.DateField(label=_("từ ngày"), widget=DateInput())

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class StaffImportForm(StyledFormMixin, forms.Form):
    file = forms.FileField(label=_("tệp danh sách (.xlsx)"))
    dry_run = forms.BooleanField(label=_("chỉ kiểm tra, không ghi"), required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.THIDUA_MAX_UPLOAD_BYTES:
            raise ValidationError(
                _("Tệp quá lớn (%(size)s), tối đa %(max)s.")
                % {
                    "size": filesizeformat(upload.size),
                    "max": filesizeformat(settings.THIDUA_MAX_UPLOAD_BYTES),
                }
            )
        if not (upload.name or "").lower().endswith(".xlsx"):
            raise ValidationError(_("Chỉ nhận tệp Excel .xlsx."))
        upload.seek(0)
        head = upload.read(4)
        upload.seek(0)
        if head != b"PK\x03\x04":  # an .xlsx is a ZIP; the rest is checked on import
            raise ValidationError(
                _(
                    "Tệp danh sách “%(name)s” không phải bảng tính Excel .xlsx (kiểm tra "
                    "theo nội dung tệp, không theo tên)."
                )
                % {"name": upload.name}
            )
        return upload


class CouncilForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Council
        fields = ["name", "abbreviation", "established_by", "term_start", "term_end"]
        widgets = {"term_start": DateInput(), "term_end": DateInput()}


class CouncilMemberEndForm(StyledFormMixin, forms.Form):
    end_date = forms.DateField(label=_("thôi tham gia từ ngày"), widget=DateInput())


class ClusterForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Cluster
        fields = ["name", "short_name", "kind", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class ClusterMemberForm(StyledFormMixin, forms.Form):
    agency = forms.ModelChoiceField(label=_("cơ quan"), queryset=Agency.objects.none())
    from_year = forms.IntegerField(label=_("từ năm"), min_value=1945, max_value=2100)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["from_year"].initial = timezone.localdate().year


class ClusterLeadershipForm(StyledFormMixin, forms.Form):
    year = forms.IntegerField(label=_("năm"), min_value=1945, max_value=2100)
    leader = forms.ModelChoiceField(
        label=_("cụm trưởng"), queryset=Agency.objects.none()
    )
    deputy = forms.ModelChoiceField(
        label=_("cụm phó"), queryset=Agency.objects.none(), required=False
    )

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leader"].queryset = agencies
        self.fields["deputy"].queryset = agencies
        self.fields["year"].initial = timezone.localdate().year
