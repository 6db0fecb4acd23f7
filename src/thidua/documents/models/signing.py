from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

__all__ = ["DocumentSignature", "SigningCredential"]


class SigningCredential(models.Model):
    """A certificate and private key (PKCS#12): an agency's seal (uploaded by an
    administrator), or a person's own (the head, a deputy: uploaded by himself or by
    the administrator of his agency). Exactly one owner.

    The PKCS#12 file and its passphrase are kept encrypted (see ``documents.crypto``);
    the certificate chain is public and serves as a trust anchor when verifying.
    """

    agency = models.ForeignKey(
        "organizations.Agency",
        verbose_name=_("cơ quan"),
        on_delete=models.PROTECT,
        related_name="signing_credentials",
        null=True,
        blank=True,
    )
    person = models.ForeignKey(
        "organizations.Person",
        verbose_name=_("cá nhân"),
        on_delete=models.PROTECT,
        related_name="signing_credentials",
        null=True,
        blank=True,
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
            ),
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(active=True),
                name="one_active_personal_credential",
            ),
            models.CheckConstraint(
                condition=Q(agency__isnull=False, person__isnull=True)
                | Q(agency__isnull=True, person__isnull=False),
                name="signing_credential_one_owner",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label} ({self.subject_cn})"

    @property
    def is_personal(self) -> bool:
        return self.person_id is not None

    @property
    def owner_name(self) -> str:
        return self.person.full_name if self.is_personal else self.agency.name


class DocumentSignature(models.Model):
    """A digital signature on an issued document's PDF (kept beside the frozen document
    row, which cannot change): the approving person's own signature first, then the
    agency's seal, added last at the clerk's step. A personal signature that could not
    be made is recorded too, without a credential, with the reason."""

    class Kind(models.TextChoices):
        PERSONAL = "personal", _("chữ ký số của người ký")
        SEAL = "seal", _("con dấu số của cơ quan")

    document = models.ForeignKey(
        "documents.IssuedDocument", on_delete=models.PROTECT, related_name="signatures"
    )
    kind = models.CharField(
        _("loại chữ ký"), max_length=10, choices=Kind.choices, default=Kind.SEAL
    )
    credential = models.ForeignKey(
        SigningCredential,
        on_delete=models.PROTECT,
        related_name="signatures",
        null=True,
        blank=True,
    )
    # The person whose signature it is (personal), his name and title as the
    # signer block says; the user whose step it is (the approver, the clerk).
    person = models.ForeignKey(
        "organizations.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    signer_name = models.CharField(_("họ tên người ký"), max_length=120, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=160, blank=True)
    step_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    signer_subject = models.CharField(_("người ký"), max_length=255, blank=True)
    fingerprint = models.CharField(max_length=64, blank=True)
    signed_at = models.DateTimeField(_("thời gian ký"))
    field_name = models.CharField(max_length=60, blank=True)
    missing_reason = models.TextField(_("lý do không ký"), blank=True)

    class Meta:
        verbose_name = _("chữ ký số văn bản")
        verbose_name_plural = _("chữ ký số văn bản")
        ordering = ["document", "kind"]  # "personal" < "seal": personal first
        constraints = [
            models.UniqueConstraint(
                fields=["document", "kind"], name="one_signature_of_each_kind"
            ),
            models.CheckConstraint(
                condition=Q(credential__isnull=False, missing_reason="")
                | Q(credential__isnull=True, kind="personal") & ~Q(missing_reason=""),
                name="document_signature_made_or_missing",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document_id}: {self.signer_subject or self.missing_reason}"

    @property
    def made(self) -> bool:
        return self.credential_id is not None

    @property
    def caption(self) -> str:
        """ "Ký số bởi <name>, <title>" or "Đóng dấu số: <agency>"."""
        if self.kind == self.Kind.SEAL:
            agency = self.credential.agency if self.credential_id else None
            return _("Đóng dấu số: %(agency)s") % {
                "agency": agency.name if agency else self.signer_subject
            }
        return signed_by_caption(self.signer_name, self.signer_title)


def signed_by_caption(name: str, title: str) -> str:
    if title:
        return _("Ký số bởi %(name)s, %(title)s") % {"name": name, "title": title}
    return _("Ký số bởi %(name)s") % {"name": name}
