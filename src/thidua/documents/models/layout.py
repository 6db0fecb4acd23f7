from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["DocumentLayout"]


class DocumentLayout(models.Model):
    """The page layout of one document kind (margins, size profile, fonts, header
    texts), edited by an administrator as JSON and checked against NĐ 30/2020."""

    kind = models.CharField(_("loại văn bản"), max_length=40, unique=True)
    layout = models.JSONField(_("bố cục"))
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("bố cục văn bản")
        verbose_name_plural = _("bố cục văn bản")

    def __str__(self) -> str:
        return self.kind
