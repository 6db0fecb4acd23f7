"""An account whose password an administrator set changes it before anything else:
every page answers with a redirect to "Đổi mật khẩu" until it is done. Signing out,
the static files and the API (its tokens were issued to the owner, not the password)
are left alone."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

__all__ = ["ForcedPasswordChangeMiddleware"]

OPEN_PREFIXES = ("/api/", "/static/", "/healthz", "/favicon.ico")


class ForcedPasswordChangeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and getattr(user, "must_change_password", False)
            and not request.path_info.startswith(OPEN_PREFIXES)
            and request.path_info
            not in (reverse("accounts:password-change"), reverse("accounts:logout"))
        ):
            messages.warning(
                request,
                _(
                    "Mật khẩu của bạn do quản trị hệ thống đặt. Hãy đổi mật khẩu "
                    "trước khi tiếp tục."
                ),
            )
            return redirect("accounts:password-change")
        return self.get_response(request)
