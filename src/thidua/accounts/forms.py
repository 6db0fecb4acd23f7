from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from thidua.common.forms import StyledFormMixin

__all__ = ["LoginForm"]


class LoginForm(StyledFormMixin, AuthenticationForm):
    username = forms.CharField(label=_("Tên đăng nhập"), max_length=150)
    password = forms.CharField(
        label=_("Mật khẩu"), strip=False, widget=forms.PasswordInput
    )

    error_messages = {
        "invalid_login": _("Tên đăng nhập hoặc mật khẩu không đúng."),
        "inactive": _("Tài khoản này đã bị khóa."),
    }
