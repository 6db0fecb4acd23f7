from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..enums import UNIT_KINDS, AttachmentKind
from .nomination import NominationRound

__all__ = ["UnitAttachment"]


class UnitAttachment(models.Model):
    """A file a unit uploads once for the round — the biên bản bình xét of its meeting,
    which lists everyone it proposes — serving all its dossiers there: each dossier's
    checklist counts it, its tờ trình and package carry it (issue #17, point 2)."""

    round = models.ForeignKey(
        NominationRound, on_delete=models.PROTECT, related_name="unit_files"
    )
    agency = models.ForeignKey(
        "organizations.Agency",
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    kind = models.CharField(
        _("loại tài liệu"), max_length=24, choices=AttachmentKind.choices
    )
    file = models.FileField(upload_to="dossiers/%Y/")
    name = models.CharField(_("tên tệp"), max_length=200)
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("tài liệu chung của đơn vị")
        verbose_name_plural = _("tài liệu chung của đơn vị")
        ordering = ["kind", "uploaded_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "agency", "kind"], name="unit_file_once"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=[str(kind) for kind in UNIT_KINDS]),
                name="unit_file_kind",
            ),
        ]

    def __str__(self) -> str:
        return self.name
