"""The error pages: Vietnamese, in the site's layout, with a way back (issue #17).

A 404 says the page does not exist *or is not for this user* — objects outside a
user's scope are answered 404 (hidden = missing), so the two read the same. Under
/api/ a 403 and a 500 are JSON, as the API's own errors. The 500 page is rendered
without the request's context (the failure may be in it): no menu, no database."""

from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _

from .params import BadParameter

__all__ = [
    "bad_request",
    "csrf_failure",
    "not_found",
    "permission_denied",
    "server_error",
]


def _api(request) -> bool:
    return request.path_info.startswith("/api/")


def bad_request(request, exception=None):
    """``handler400``: a parameter thidua cannot read (:class:`BadParameter`) is named;
    anything else Django refuses (a suspicious request) is only called invalid. JSON
    under /api/, as the API's own errors."""
    if isinstance(exception, BadParameter):
        detail, field = str(exception), exception.field
    else:
        detail, field = _("Yêu cầu không hợp lệ."), ""
    if _api(request):
        body = {"detail": detail, **({"field": field} if field else {})}
        return JsonResponse(body, status=400)
    return render(request, "400.html", {"detail": detail}, status=400)


def not_found(request, exception=None):
    """``handler404``: the same bytes for every path, /api/ included (the API's
    own objects answer JSON 404s from the API), so nothing tells a hidden page
    from a missing one."""
    return render(request, "404.html", status=404)


def permission_denied(request, exception=None):
    """``handler403``."""
    if _api(request):
        return JsonResponse(
            {"detail": _("Không có quyền thực hiện thao tác này.")}, status=403
        )
    return render(request, "403.html", status=403)


def csrf_failure(request, reason=""):
    """``CSRF_FAILURE_VIEW``: a form kept open too long, or sent again after the
    session changed; the reason Django gives is for developers, not shown."""
    return render(request, "403.html", {"csrf": True}, status=403)


def server_error(request):
    """``handler500``."""
    if _api(request):
        return JsonResponse(
            {"detail": _("Lỗi máy chủ; sự cố đã được ghi lại.")}, status=500
        )
    return HttpResponseServerError(loader.get_template("500.html").render())
