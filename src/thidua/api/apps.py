from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The REST API (django-ninja, docs/api.md): one router per domain under /api/v1/."""

    name = "thidua.api"
    label = "api"
    verbose_name = _("API")
