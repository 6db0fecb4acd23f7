from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.common.constraints import state_is_known
from thidua.common.models import DurableJob, SearchTextMixin

from .signer import SignerFields

__all__ = ["IssuedDocument", "LocalDocumentType", "NumberSeries"]


class LocalDocumentType(models.Model):
    """A type code an agency uses outside Phụ lục III (e.g. PD = Phát động)."""

    agency = models.ForeignKey(
        "organizations.Agency",
        verbose_name=_("cơ quan"),
        on_delete=models.CASCADE,
        related_name="local_document_types",
    )
    code = models.CharField(_("mã viết tắt"), max_length=10)
    name = models.CharField(_("tên loại văn bản"), max_length=80)

    class Meta:
        verbose_name = _("loại văn bản riêng")
        verbose_name_plural = _("loại văn bản riêng")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "code"], name="local_doc_type_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"


class NumberSeries(models.Model):
    """The counter of one issuer for one calendar year (NĐ 30/2020 Art 15).

    An agency and each advisory body (Hội đồng TĐKT) keep their own series. The row is
    locked while a number is taken, so numbers are unique and gapless.
    """

    agency = models.ForeignKey(
        "organizations.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    council = models.ForeignKey(
        "organizations.Council",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("sổ đăng ký văn bản đi")
        verbose_name_plural = _("sổ đăng ký văn bản đi")
        constraints = [
            models.CheckConstraint(
                condition=Q(agency__isnull=False, council__isnull=True)
                | Q(agency__isnull=True, council__isnull=False),
                name="series_one_issuer",
            ),
            models.UniqueConstraint(
                fields=["agency", "year"],
                condition=Q(agency__isnull=False),
                name="series_agency_year",
            ),
            models.UniqueConstraint(
                fields=["council", "year"],
                condition=Q(council__isnull=False),
                name="series_council_year",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency or self.council} {self.year}: {self.last_number}"


class DocumentStatus(models.TextChoices):
    RENDERING = "rendering", _("Đang tạo tệp")
    READY = "ready", _("Đã có tệp")
    FAILED = "failed", _("Tạo tệp lỗi")


class IssuedDocument(SignerFields, SearchTextMixin, DurableJob):
    """An outgoing document with its number. Never edited once its files are stored
    (a database trigger refuses it); a correction is a new document."""

    Status = DocumentStatus

    series = models.ForeignKey(
        NumberSeries, on_delete=models.PROTECT, related_name="documents"
    )
    number = models.PositiveIntegerField(_("số"))
    year = models.PositiveSmallIntegerField(_("năm"))
    type_code = models.CharField(_("loại văn bản"), max_length=10)
    type_name = models.CharField(_("tên loại"), max_length=80)
    official_type = models.BooleanField(_("thuộc Phụ lục III"), default=True)
    symbol = models.CharField(_("số, ký hiệu"), max_length=80)
    issued_on = models.DateField(_("ngày ban hành"))
    summary = models.CharField(_("trích yếu"), max_length=500)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    source_kind = models.CharField(max_length=40, blank=True)
    source_id = models.PositiveBigIntegerField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.RENDERING
    )
    docx = models.FileField(upload_to="documents/%Y/", blank=True)
    pdf = models.FileField(upload_to="documents/%Y/", blank=True)
    docx_sha256 = models.CharField(max_length=64, blank=True)
    pdf_sha256 = models.CharField(max_length=64, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # search_text (SearchTextMixin): folded words of the symbol, then of the trích
    # yếu, "173 pd skhdt ve viec ..." (docs/search.md). Written once, on insert: the
    # row is frozen afterwards.
    SEARCH_SOURCES = frozenset({"symbol", "summary"})

    class Meta:
        verbose_name = _("văn bản đi")
        verbose_name_plural = _("văn bản đi")
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["series", "number"], name="issued_number_once"
            ),
            state_is_known("status", DocumentStatus, "issued_document_status_known"),
            # A failed rendering says why, for the officer who renders it again.
            models.CheckConstraint(
                condition=~Q(status=DocumentStatus.FAILED) | ~Q(error=""),
                name="issued_document_failure_explained",
            ),
        ]

    def __str__(self) -> str:
        return self.symbol

    # For templates, which never compare raw status strings.
    @property
    def is_ready(self) -> bool:
        return self.status == self.Status.READY

    @property
    def is_failed(self) -> bool:
        return self.status == self.Status.FAILED

    @property
    def is_rendering(self) -> bool:
        return self.status == self.Status.RENDERING

    def search_parts(self):
        return self.symbol, self.summary
