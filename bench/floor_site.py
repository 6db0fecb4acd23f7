"""The floor of bench/server_start.py: a Django site of one view and nothing else, served
by the same gunicorn (``gunicorn floor_site:application``)."""

import django
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    SECRET_KEY="floor-site-only",  # noqa: S105 (a benchmark, loopback only)
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
)
django.setup()


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("healthz", healthz)]
application = get_wsgi_application()
