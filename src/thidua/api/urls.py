"""``/api/``: version 1 (namespace ``api-v1``, django-ninja's own URLs)."""

from django.urls import path

from .v1 import api

urlpatterns = [
    path("v1/", api.urls),
]
