from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

__all__ = ["DocumentSignature", "SigningCredential"]


class SigningCredential(models.Model):
    """An agency's certificate and private key (PKCS#12), uploaded by an administrator.

    The PKCS#12 file and its passphrase are kept encrypted (see ``documents.crypto``);
    the certificate chain is public and serves as a trust anchor when verifying.
    """

    agency = models.ForeignKey(
        "organizations.Agency",
        verbose_name=_("cơ quan"),
        on_delete=models.PROTECT,
        related_name="signing_credentials",
    )
    label = models.CharField(_("tên gợi nhớ"), max_length=120)
    p12_encrypted = models.BinaryField(editable=False)
    passphrase_encrypted = models.BinaryField(editable=False)
    subject_cn = models.CharField(_("chủ thể"), max_length=255)
    issuer_cn = models.CharField(_("đơn vị cấp"), max_length=255)
    serial = models.CharField(_("số hiệu"), max_length=80)
    not_before = models.DateTimeField(_("hiệu lực từ"))
    not_after = models.DateTimeField(_("hiệu lực đến"))
    fingerprint = models.CharField(_("dấu vân tay SHA-256"), max_length=64)
    chain_pem = models.TextField(_("chuỗi chứng thư"))
    visible_stamp = models.BooleanField(_("hiện ô chữ ký trên trang đầu"), default=True)
    active = models.BooleanField(_("đang dùng"), default=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    deactivated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("chứng thư số")
        verbose_name_plural = _("chứng thư số")
        ordering = ["-uploaded_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency"],
                condition=Q(active=True),
                name="one_active_signing_credential",
            )
        ]

    def __str__(self) -> str:
        return f"{self.label} ({self.subject_cn})"


class DocumentSignature(models.Model):
    """The agency's digital signature on an issued document's PDF (kept beside the
    frozen document row, which cannot change)."""

    document = models.OneToOneField(
        "documents.IssuedDocument", on_delete=models.PROTECT, related_name="signature"
    )
    credential = models.ForeignKey(
        SigningCredential, on_delete=models.PROTECT, related_name="signatures"
    )
    signer_subject = models.CharField(_("người ký"), max_length=255)
    fingerprint = models.CharField(max_length=64)
    signed_at = models.DateTimeField(_("thời gian ký"))
    field_name = models.CharField(max_length=60)

    class Meta:
        verbose_name = _("chữ ký số văn bản")
        verbose_name_plural = _("chữ ký số văn bản")

    def __str__(self) -> str:
        return f"{self.document_id}: {self.signer_subject}"
