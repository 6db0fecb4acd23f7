"""Forms of the outgoing-document register (numbers used, local types) and of signing
(credentials, verifying a signed PDF)."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.common.forms import StyledFormMixin
from thidua.common.pickers import PersonChoiceField
from thidua.common.uploads import sniff
from thidua.common.zips import ZipRefused
from thidua.organizations.forms.widgets import DateInput
from thidua.organizations.models import Agency

__all__ = [
    "ApprovalMoveForm",
    "CredentialForm",
    "DeclareForm",
    "LocalTypeForm",
    "PersonalCredentialForm",
    "VerifyForm",
]


class ApprovalMoveForm(StyledFormMixin, forms.Form):
    """One step of a text the head approves (documents.views.approval): the reason
    of a return, the clerk's issue date."""

    to = forms.CharField(widget=forms.HiddenInput())
    reason = forms.CharField(
        label=gettext_lazy("Lý do trả lại"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    issued_on = forms.DateField(
        label=gettext_lazy("Ngày ban hành"), widget=DateInput(), required=False
    )


class DeclareForm(StyledFormMixin, forms.Form):
    agency = forms.ModelChoiceField(
        label=gettext_lazy("Cơ quan"), queryset=Agency.objects.none()
    )
    year = forms.IntegerField(label=gettext_lazy("Năm"), min_value=2000, max_value=2100)
    last_number = forms.IntegerField(
        label=gettext_lazy("Số cuối cùng đã dùng"), min_value=0
    )


class LocalTypeForm(StyledFormMixin, forms.Form):
    agency = forms.ModelChoiceField(
        label=gettext_lazy("Cơ quan"), queryset=Agency.objects.none()
    )
    code = forms.RegexField(
        label=gettext_lazy("Mã viết tắt"), regex=r"^[A-Za-zĐđ]{1,10}$"
    )
    name = forms.CharField(label=gettext_lazy("Tên loại văn bản"), max_length=80)


def _check_size(upload, label: str) -> None:
    limit = settings.THIDUA_MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("%(field)s quá lớn (%(size)s), tối đa %(max)s.")
            % {
                "field": label,
                "size": filesizeformat(upload.size),
                "max": filesizeformat(limit),
            }
        )


class CredentialForm(StyledFormMixin, forms.Form):
    agency = forms.ModelChoiceField(
        label=gettext_lazy("Cơ quan"), queryset=Agency.objects.none()
    )
    label = forms.CharField(label=gettext_lazy("Tên gợi nhớ"), max_length=120)
    p12 = forms.FileField(
        label=gettext_lazy("Tệp chứng thư số (.p12, .pfx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".p12,.pfx"}),
    )
    passphrase = forms.CharField(
        label=gettext_lazy("Mật khẩu của tệp"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(render_value=False),
    )
    visible_stamp = forms.BooleanField(
        label=gettext_lazy("Hiện thông tin chữ ký ở góc trên bên phải trang đầu"),
        required=False,
        initial=True,
    )

    def clean_p12(self):
        upload = self.cleaned_data["p12"]
        _check_size(upload, _("Tệp chứng thư số"))
        return upload


class PersonalCredentialForm(CredentialForm):
    """A person's own certificate: the administrator picks the person (the heads and
    deputies of his agencies); on one's own page there is no choice (``person=None``)."""

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["agency"]
        self.fields["visible_stamp"].label = gettext_lazy(
            "Hiện thông tin chữ ký (họ tên, chức vụ) ở cuối trang cuối"
        )
        if people is not None:
            self.fields = {
                "person": PersonChoiceField(
                    label=gettext_lazy("Người ký"), queryset=people
                ),
                **self.fields,
            }
            self.fields["person"].widget.attrs["class"] = "form-select"


class VerifyForm(StyledFormMixin, forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Tệp PDF"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,application/pdf"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        _check_size(upload, _("Tệp PDF"))
        data = b"".join(upload.chunks())
        try:
            kind = sniff(data)
        except ZipRefused:
            kind = None
        if kind != "pdf":
            raise ValidationError(
                _(
                    "Tệp PDF: “%(name)s” không phải là tệp PDF (kiểm tra theo nội dung "
                    "tệp, không theo tên)."
                )
                % {"name": upload.name}
            )
        return data
