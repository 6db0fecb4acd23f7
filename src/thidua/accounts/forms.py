import logging

from django import forms
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)
from django.contrib.auth.password_validation import password_validators_help_text_html
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from thidua.common.forms import DateInput, StyledFormMixin
from thidua.common.pickers import PersonChoiceField
from thidua.common.services.audit import log_action

__all__ = [
    "AccountCreateForm",
    "ApiTokenForm",
    "LoginForm",
    "MailPreferenceForm",
    "OwnPasswordChangeForm",
    "PasswordSetForm",
    "ResetPasswordForm",
    "ResetRequestForm",
    "RoleForm",
]


class LoginForm(StyledFormMixin, AuthenticationForm):
    username = forms.CharField(label=_("Tên đăng nhập"), max_length=150)
    password = forms.CharField(
        label=_("Mật khẩu"), strip=False, widget=forms.PasswordInput
    )

    error_messages = {
        "invalid_login": _("Tên đăng nhập hoặc mật khẩu không đúng."),
        "inactive": _("Tài khoản này đã bị khóa."),
    }


class AccountCreateForm(StyledFormMixin, forms.Form):
    username = forms.RegexField(
        label=_("Tên đăng nhập"),
        regex=r"^[a-z0-9._-]{3,40}$",
        error_messages={
            "invalid": _("Chỉ dùng chữ thường không dấu, số, dấu chấm, gạch.")
        },
    )
    person = PersonChoiceField(
        label=_("Cá nhân (nếu là cán bộ trong hệ thống)"), queryset=None, required=False
    )
    last_name = forms.CharField(label=_("Họ và đệm"), required=False, max_length=150)
    first_name = forms.CharField(label=_("Tên"), required=False, max_length=150)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    password = forms.CharField(
        label=_("Mật khẩu ban đầu"), strip=False, widget=forms.PasswordInput
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["password"].help_text = password_validators_help_text_html()


class RoleForm(StyledFormMixin, forms.Form):
    role = forms.ChoiceField(label=_("Vai trò"))
    agency = forms.ModelChoiceField(
        label=_("Phạm vi: cơ quan, đơn vị"), queryset=None, required=False
    )
    council = forms.ModelChoiceField(
        label=_("Phạm vi: hội đồng"), queryset=None, required=False
    )
    # Who else signs for the head (NĐ 30/2020 Art 13): the acting head's title (Q.),
    # a delegate's form and the head he signs for (TUQ., TL.).
    acting_title = forms.CharField(
        label=_("Quyền thủ trưởng: chức danh được giao quyền"),
        max_length=160,
        required=False,
    )
    signs_as = forms.ChoiceField(
        label=_("Được ủy quyền, thừa lệnh: hình thức ký"), required=False
    )
    principal = forms.ModelChoiceField(
        label=_("Được ủy quyền, thừa lệnh: thủ trưởng ủy quyền"),
        queryset=None,
        required=False,
    )

    def __init__(self, *args, agencies, councils, **kwargs):
        from .enums import DelegatedForm, Role  # noqa: PLC0415 (keeps forms light)
        from .models import User  # noqa: PLC0415 (keeps forms light)

        super().__init__(*args, **kwargs)
        self.fields["role"].choices = Role.choices
        self.fields["agency"].queryset = agencies
        self.fields["council"].queryset = councils
        self.fields["signs_as"].choices = [("", "---------"), *DelegatedForm.choices]
        self.fields["principal"].queryset = User.objects.filter(
            roles__role=Role.HEAD
        ).distinct()


class PasswordSetForm(StyledFormMixin, forms.Form):
    password = forms.CharField(
        label=_("Mật khẩu mới"), strip=False, widget=forms.PasswordInput
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = password_validators_help_text_html()


class OwnPasswordChangeForm(StyledFormMixin, PasswordChangeForm):
    pass


class ApiTokenForm(StyledFormMixin, forms.Form):
    name = forms.CharField(
        label=_("Tên khóa"),
        max_length=100,
        help_text=_("Phần mềm hay việc dùng khóa này, ví dụ: Phần mềm nhân sự."),
    )
    scopes = forms.MultipleChoiceField(
        label=_("Phạm vi"), required=False, widget=forms.CheckboxSelectMultiple
    )
    expires_on = forms.DateField(label=_("Hết hạn từ ngày"), widget=DateInput())

    def __init__(self, *args, **kwargs):
        from .enums import ApiScope  # noqa: PLC0415 (keeps forms import-light)

        super().__init__(*args, **kwargs)
        self.fields["scopes"].choices = ApiScope.choices
        self.fields["scopes"].widget.attrs = {}


class MailPreferenceForm(StyledFormMixin, forms.Form):
    mail_preference = forms.ChoiceField(
        label=_("Nhận thông báo qua thư điện tử"), widget=forms.RadioSelect
    )

    def __init__(self, *args, **kwargs):
        from .enums import MailPreference  # noqa: PLC0415 (keeps forms import-light)

        super().__init__(*args, **kwargs)
        self.fields["mail_preference"].choices = MailPreference.choices


logger = logging.getLogger(__name__)


class ResetRequestForm(StyledFormMixin, PasswordResetForm):
    email = forms.EmailField(
        label=_("Thư điện tử của tài khoản"),
        max_length=254,
        error_messages={"invalid": _("Nhập một địa chỉ thư điện tử hợp lệ.")},
    )

    def get_users(self, email):
        """The active accounts of that address (Django's rule); each mailed a link is
        recorded in the audit trail."""
        for user in super().get_users(email):
            with transaction.atomic():
                log_action(user, "accounts.password_reset_requested", data={})
            yield user

    def send_mail(self, *args, **kwargs):
        # A mail server down must not tell the visitor whether the address exists.
        try:
            super().send_mail(*args, **kwargs)
        except OSError:  # smtplib.SMTPException is one
            logger.warning("password reset mail not sent", exc_info=True)


class ResetPasswordForm(StyledFormMixin, SetPasswordForm):
    error_messages = {"password_mismatch": _("Hai mật khẩu không khớp nhau.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("Mật khẩu mới")
        self.fields["new_password2"].label = _("Nhập lại mật khẩu mới")
