"""Login and logout, one's own password, and "Quên mật khẩu" by e-mail. django-axes
counts failed logins and locks out after the limit; reset requests are throttled per
address the same way public forms are (common/throttle.py)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _

from thidua.common.services.audit import log_action
from thidua.common.throttle import client_ip, hit

from .forms import (
    LoginForm,
    OwnPasswordChangeForm,
    ResetPasswordForm,
    ResetRequestForm,
)

__all__ = [
    "LoginView",
    "LogoutView",
    "PasswordChangeView",
    "PasswordResetCompleteView",
    "PasswordResetConfirmView",
    "PasswordResetDoneView",
    "PasswordResetView",
]


@method_decorator(login_not_required, name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


class PasswordChangeView(auth_views.PasswordChangeView):
    """Change one's own password (Django keeps this session, ends the others); also
    where an account whose password an administrator set is sent first."""

    template_name = "accounts/password_change.html"
    form_class = OwnPasswordChangeForm
    success_url = reverse_lazy("dashboard")

    def form_valid(self, form):
        user = self.request.user
        forced = user.must_change_password
        with transaction.atomic():
            user.must_change_password = False  # saved with the password
            response = super().form_valid(form)
            log_action(
                user,
                "accounts.set_password",
                actor=user,
                data={"by_self": True, "was_forced": forced},
            )
        messages.success(self.request, _("Đã đổi mật khẩu."))
        return response


@method_decorator(login_not_required, name="dispatch")
class PasswordResetView(auth_views.PasswordResetView):
    """Ask for a reset link. The answer is the same whether the address belongs to an
    account or not (no account enumeration); requests are counted per address."""

    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    form_class = ResetRequestForm
    success_url = reverse_lazy("accounts:password-reset-done")

    def form_valid(self, form):
        if not hit(
            "password_reset",
            client_ip(self.request),
            settings.THIDUA_PASSWORD_RESET_LIMIT,
            3600,
        ):
            form.add_error(
                None,
                _(
                    "Bạn đã yêu cầu đặt lại mật khẩu quá nhiều lần. Hãy thử lại sau 1 giờ."
                ),
            )
            return self.form_invalid(form)
        if settings.PUBLIC_BASE_URL:
            # Links in the mail point at the public address, not the Host header.
            self.extra_email_context = {"base_url": settings.PUBLIC_BASE_URL}
        return super().form_valid(form)


@method_decorator(login_not_required, name="dispatch")
class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


@method_decorator(login_not_required, name="dispatch")
class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = ResetPasswordForm
    success_url = reverse_lazy("accounts:password-reset-complete")

    def form_valid(self, form):
        with transaction.atomic():
            form.user.must_change_password = False  # chosen by its owner now
            response = super().form_valid(form)
            log_action(form.user, "accounts.password_reset", actor=None, data={})
        return response


@method_decorator(login_not_required, name="dispatch")
class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
