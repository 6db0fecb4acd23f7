from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path

from thidua.common.errors import bad_request


@login_not_required
def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


@login_not_required
def favicon(request):
    """Browsers ask for /favicon.ico where a page has no <link rel="icon"> (PDFs, JSON)."""
    return HttpResponsePermanentRedirect(static("thidua/favicon.svg"))


handler400 = bad_request
handler403 = "thidua.common.errors.permission_denied"
handler404 = "thidua.common.errors.not_found"
handler500 = "thidua.common.errors.server_error"

urlpatterns = [
    path("", include("thidua.site.urls")),
    path("", include("thidua.organizations.urls")),
    path("", include("thidua.exchange.urls")),
    path("", include("thidua.movements.urls")),
    path("", include("thidua.documents.urls")),
    path("", include("thidua.nominations.urls")),
    path("", include("thidua.councils.urls")),
    path("", include("thidua.awards.urls")),
    path("", include("thidua.decisions.urls")),
    path("", include("thidua.submissions.urls")),
    path("", include("thidua.reports.urls")),
    path("healthz", healthz, name="healthz"),
    path("favicon.ico", favicon, name="favicon"),
    path("api/", include("thidua.api.urls")),
]
