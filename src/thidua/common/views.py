"""Shared view helpers, the dashboard and the audit pages."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.generic import FormView

from .params import BadParameter

__all__ = [
    "ServiceFormView",
    "apply_errors",
    "bad_request",
    "require_perm",
]


def bad_request(request, exception=None):
    """``handler400``: a parameter thidua cannot read (:class:`BadParameter`) is named;
    anything else Django refuses (a suspicious request) is only called invalid. JSON
    under /api/, as the API's own errors."""
    if isinstance(exception, BadParameter):
        detail, field = str(exception), exception.field
    else:
        detail, field = _("Yêu cầu không hợp lệ."), ""
    if request.path_info.startswith("/api/"):
        body = {"detail": detail, **({"field": field} if field else {})}
        return JsonResponse(body, status=400)
    return render(request, "400.html", {"detail": detail}, status=400)


def require_perm(user, perm: str, obj=None) -> None:
    """Visible-but-not-allowed is 403; invisible objects were already a 404."""
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def apply_errors(form, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form, field by field."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            target = field if field in form.fields else None
            for message in errors:
                form.add_error(target, message)
    else:
        for message in exc.messages:
            form.add_error(None, message)


class ServiceFormView(FormView):
    """A form whose valid data goes to one service call; its errors come back to the form."""

    success_message = ""

    def perform(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            self.result = self.perform(form)
        except ValidationError as exc:
            apply_errors(form, exc)
            return self.form_invalid(form)
        if self.success_message:
            messages.success(self.request, self.success_message)
        return redirect(self.get_success_url())
