"""Shared view helpers, the dashboard and the audit pages."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.views.generic import FormView

from .workdays import day_off_warning

__all__ = [
    "ServiceFormView",
    "apply_errors",
    "require_perm",
    "warn_day_off",
]


def require_perm(user, perm: str, obj=None) -> None:
    """Visible-but-not-allowed is 403; invisible objects were already a 404."""
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def warn_day_off(request, label: str, day) -> None:
    """A deadline typed on a day off is kept (no law forbids it) but the officer is told
    which day it is and the next working day (common/workdays.py)."""
    warning = day_off_warning(label, day)
    if warning:
        messages.warning(request, warning)


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
