from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["ActivityLog", "AuditCheckpoint", "ChainHead"]


class ActivityLog(models.Model):
    """One audited write. Entries form a SHA-256 hash chain ordered by ``seq``.

    Written only by :func:`thidua.common.services.audit.log_action`, inside the
    business transaction. Database triggers refuse UPDATE and DELETE.
    """

    seq = models.PositiveBigIntegerField(unique=True, editable=False)
    timestamp = models.DateTimeField(_("thời điểm"), editable=False)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        # The trail outlives accounts and is never updated: no cascade, no SET NULL.
        on_delete=models.DO_NOTHING,
        null=True,
        blank=True,
        related_name="+",
        db_constraint=False,
    )
    actor_display = models.CharField(_("người thực hiện"), max_length=160)
    action = models.CharField(_("thao tác"), max_length=64)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(_("đối tượng"), max_length=255, blank=True)
    agency_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    data = models.JSONField(default=dict)
    request_id = models.CharField(max_length=36, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("nhật ký thao tác")
        verbose_name_plural = _("nhật ký thao tác")
        ordering = ["-seq"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "seq"]),
            models.Index(fields=["agency_id", "action", "seq"]),
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.object_repr}"


class ChainHead(models.Model):
    """The single row locked while appending, so the chain never forks."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, default="0" * 64)

    class Meta:
        verbose_name = _("đầu chuỗi nhật ký")
        verbose_name_plural = _("đầu chuỗi nhật ký")

    def __str__(self) -> str:
        return f"{self.seq}:{self.hash[:12]}"


class AuditCheckpoint(models.Model):
    """A signed (HMAC) copy of the chain head, so truncation and rewrites show."""

    seq = models.PositiveBigIntegerField()
    head_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField()
    signature = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("mốc kiểm chứng nhật ký")
        verbose_name_plural = _("mốc kiểm chứng nhật ký")
        ordering = ["-seq"]

    def __str__(self) -> str:
        return f"{self.seq}:{self.head_hash[:12]}"
