"""Login and logout. django-axes counts failures and locks out after the limit."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _

from thidua.common.services.audit import log_action

from .forms import LoginForm, OwnPasswordChangeForm

__all__ = ["LoginView", "LogoutView", "PasswordChangeView"]


@method_decorator(login_not_required, name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


class PasswordChangeView(auth_views.PasswordChangeView):
    """Change one's own password (Django keeps this session, ends the others)."""

    template_name = "accounts/password_change.html"
    form_class = OwnPasswordChangeForm
    success_url = reverse_lazy("dashboard")

    def form_valid(self, form):
        from django.contrib import messages  # noqa: PLC0415 (rare path)

        with transaction.atomic():
            response = super().form_valid(form)
            log_action(
                self.request.user,
                "accounts.set_password",
                actor=self.request.user,
                data={"by_self": True},
            )
        messages.success(self.request, _("Đã đổi mật khẩu."))
        return response
