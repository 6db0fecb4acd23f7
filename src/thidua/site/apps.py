from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The pages that read across every domain (home page, audit log, search) and the
    demo command: the top layer, which nothing else imports."""

    name = "thidua.site"
    label = "site"
    verbose_name = _("Trang chung")
