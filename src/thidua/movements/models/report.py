from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.documents.models import SignerFields

__all__ = ["MovementReport"]


class MovementReport(SignerFields):
    """A sơ kết (interim) or tổng kết (final) report of a movement (Luật TĐKT 2022
    Art 17 cl.5), drafted from the movement's data, edited, then issued as a Báo cáo."""

    class Kind(models.TextChoices):
        INTERIM = "so_ket", _("Sơ kết")
        FINAL = "tong_ket", _("Tổng kết")

    movement = models.ForeignKey(
        "movements.Movement", on_delete=models.CASCADE, related_name="reviews"
    )
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("trích yếu"), max_length=500)
    sections = models.JSONField(
        _("nội dung"), default=list
    )  # [{"title": ..., "text": ...}]
    issued_document = models.OneToOneField(
        "documents.IssuedDocument",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="review",
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("báo cáo sơ kết, tổng kết")
        verbose_name_plural = _("báo cáo sơ kết, tổng kết")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_editable(self) -> bool:
        return self.issued_document_id is None
