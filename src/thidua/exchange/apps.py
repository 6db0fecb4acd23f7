from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    """The versioned data-exchange format (docs/exchange.md): export, import, schema."""

    name = "thidua.exchange"
    label = "exchange"
    verbose_name = _("Trao đổi dữ liệu")
