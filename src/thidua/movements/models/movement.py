from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from thidua.common.constraints import reason_required, state_is_known
from thidua.common.models import SearchTextMixin
from thidua.documents.models import DelegatedSignerFields

from ..enums import (
    EDITABLE,
    UNAPPROVED,
    UNISSUED,
    DutyActor,
    MovementKind,
    MovementState,
    RecipientKind,
)

__all__ = [
    "ContentItem",
    "Duty",
    "ImplementedDocument",
    "Movement",
    "ParentMovement",
    "Purpose",
    "Recipient",
]


class Movement(DelegatedSignerFields, SearchTextMixin):
    """A phong trào thi đua and its launch document (Luật TĐKT 2022 Art 16–18).

    The launch document is generated from these fields; once issued the movement's
    text is frozen (a correction is a new document).
    """

    name = models.CharField(_("tên phong trào"), max_length=500)
    kind = models.CharField(_("hình thức"), max_length=16, choices=MovementKind.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    starts_on = models.DateField(_("từ ngày"), null=True, blank=True)
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True)
    ends_with = models.CharField(
        _("kết thúc khi (sự kiện)"),
        max_length=255,
        blank=True,
        help_text=_("Khi phong trào kết thúc gắn với một sự kiện thay vì một ngày."),
    )
    audience = models.TextField(
        _("đối tượng thi đua"),
        blank=True,
        help_text=_("Ví dụ: Cán bộ, giáo viên, nhân viên và học sinh toàn trường."),
    )
    launcher = models.ForeignKey(
        "organizations.Agency",
        verbose_name=_("cơ quan phát động"),
        on_delete=models.PROTECT,
        related_name="launched_movements",
    )
    scope_agency = models.ForeignKey(
        "organizations.Agency",
        verbose_name=_("phạm vi: cơ quan, đơn vị"),
        on_delete=models.PROTECT,
        related_name="scoped_movements",
        null=True,
        blank=True,
    )
    scope_cluster = models.ForeignKey(
        "organizations.Cluster",
        verbose_name=_("phạm vi: cụm, khối thi đua"),
        on_delete=models.PROTECT,
        related_name="movements",
        null=True,
        blank=True,
    )
    type_code = models.CharField(
        _("loại văn bản phát động"), max_length=10, default="KH"
    )
    document_title = models.CharField(
        _("tên loại văn bản"), max_length=60, default="KẾ HOẠCH"
    )
    theme = models.TextField(_("chủ đề thi đua"), blank=True)
    theme_intro = models.TextField(_("lời dẫn chủ đề"), blank=True)
    opening = models.TextField(_("phần mở đầu"), blank=True)
    closing = models.TextField(_("phần kết"), blank=True)
    # The signer block (DelegatedSignerFields): written at the head's approval from
    # the approver's staff record and role (documents.services.approval).
    signer_title = models.CharField(_("chức vụ người ký"), max_length=160, blank=True)
    signer_name = models.CharField(_("họ tên người ký"), max_length=120, blank=True)
    registration_deadline = models.DateField(
        _("hạn đăng ký thi đua"), null=True, blank=True
    )
    confirm_within_days = models.PositiveSmallIntegerField(
        _("hạn xác nhận quán triệt (ngày làm việc)"), default=10
    )
    archive_units = models.CharField(
        _("lưu"), max_length=60, default="VT", help_text=_("Ví dụ: VT, VP.")
    )
    state = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=MovementState.choices,
        default=MovementState.DRAFT,
    )
    issued_document = models.OneToOneField(
        "documents.IssuedDocument",
        verbose_name=_("văn bản phát động"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="movement",
    )
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người duyệt"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="approved_movements",
    )
    approved_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)
    legacy = models.BooleanField(
        _("ban hành trước khi có bước duyệt"), default=False, editable=False
    )
    # search_text (SearchTextMixin): folded words of the launch document's symbol
    # and of the name (docs/search.md).
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    SEARCH_SOURCES = frozenset({"name", "issued_document"})

    class Meta:
        verbose_name = _("phong trào thi đua")
        verbose_name_plural = _("phong trào thi đua")
        ordering = ["-year", "-created_at"]
        constraints = [
            state_is_known("state", MovementState, "movement_state_known"),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="movement_dates_ordered",
            ),
            reason_required(
                "state",
                [MovementState.RETURNED],
                "return_reason",
                "movement_return_has_reason",
            ),
            # Numbered exactly from the clerk's step on.
            models.CheckConstraint(
                condition=Q(state__in=UNISSUED, issued_document__isnull=True)
                | (~Q(state__in=UNISSUED) & Q(issued_document__isnull=False)),
                name="movement_numbered_once_issued",
            ),
            # Approved (and so issued) only with the approver on record, save the
            # launch documents issued before the step existed.
            models.CheckConstraint(
                condition=Q(state__in=UNAPPROVED)
                | Q(approved_by__isnull=False, approved_at__isnull=False)
                | (Q(legacy=True) & ~Q(state__in=UNISSUED)),
                name="movement_approved_on_record",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def search_parts(self):
        symbol = self.issued_document.symbol if self.issued_document_id else ""
        return symbol, self.name

    def get_absolute_url(self) -> str:
        return reverse("movements:movement-detail", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.state in EDITABLE


class OrderedItem(models.Model):
    """An item of one of the movement's ordered lists (purposes, rounds, awards…)."""

    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "id"]


class ParentMovement(OrderedItem):
    """A movement launched higher up (Prime Minister, Minister, provincial chairman)
    that this one carries. ``internal`` links it when it lives in this installation."""

    movement = models.ForeignKey(
        Movement, on_delete=models.CASCADE, related_name="parents"
    )
    internal = models.ForeignKey(
        Movement,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    name = models.CharField(_("tên phong trào"), max_length=500)
    launched_by = models.CharField(_("cấp phát động"), max_length=160, blank=True)

    class Meta(OrderedItem.Meta):
        verbose_name = _("phong trào cấp trên")
        verbose_name_plural = _("phong trào cấp trên")

    def __str__(self) -> str:
        return self.name


class ImplementedDocument(OrderedItem):
    """A document the movement implements ("Thực hiện Chỉ thị số 02/CT-UBND ...")."""

    movement = models.ForeignKey(
        Movement, on_delete=models.CASCADE, related_name="implemented_documents"
    )
    doc_type = models.CharField(_("loại văn bản"), max_length=40)
    number_symbol = models.CharField(_("số, ký hiệu"), max_length=60)
    issued_on = models.DateField(_("ngày ban hành"))
    issuer = models.CharField(_("cơ quan ban hành"), max_length=160)
    summary = models.TextField(_("trích yếu"))

    class Meta(OrderedItem.Meta):
        verbose_name = _("văn bản thực hiện")
        verbose_name_plural = _("văn bản thực hiện")

    def __str__(self) -> str:
        return f"{self.doc_type} số {self.number_symbol}"


class Purpose(OrderedItem):
    movement = models.ForeignKey(
        Movement, on_delete=models.CASCADE, related_name="purposes"
    )
    text = models.TextField(_("nội dung"))

    class Meta(OrderedItem.Meta):
        verbose_name = _("mục đích")
        verbose_name_plural = _("mục đích")

    def __str__(self) -> str:
        return self.text[:80]


class ContentItem(OrderedItem):
    """A content item (nội dung thi đua). ``text`` is light markup: *nghiêng*,
    **đậm**, and [^chú thích] for a footnote at that place."""

    movement = models.ForeignKey(
        Movement, on_delete=models.CASCADE, related_name="contents"
    )
    text = models.TextField(_("nội dung"))

    class Meta(OrderedItem.Meta):
        verbose_name = _("nội dung thi đua")
        verbose_name_plural = _("nội dung thi đua")

    def __str__(self) -> str:
        return self.text[:80]


class Duty(OrderedItem):
    """Who does what (tổ chức thực hiện)."""

    movement = models.ForeignKey(
        Movement, on_delete=models.CASCADE, related_name="duties"
    )
    actor = models.CharField(_("đối tượng"), max_length=12, choices=DutyActor.choices)
    agency = models.ForeignKey(
        "organizations.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    text = models.TextField(_("nhiệm vụ"))

    class Meta(OrderedItem.Meta):
        verbose_name = _("nhiệm vụ tổ chức thực hiện")
        verbose_name_plural = _("nhiệm vụ tổ chức thực hiện")

    def __str__(self) -> str:
        return self.text[:80]


class Recipient(OrderedItem):
    """A line of "Nơi nhận". ``label`` is what the document prints."""

    movement = models.ForeignKey(
        Movement, on_delete=models.CASCADE, related_name="recipients"
    )
    kind = models.CharField(_("loại"), max_length=20, choices=RecipientKind.choices)
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
    cluster = models.ForeignKey(
        "organizations.Cluster",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    label = models.CharField(_("ghi trên văn bản"), max_length=255)

    class Meta(OrderedItem.Meta):
        verbose_name = _("nơi nhận")
        verbose_name_plural = _("nơi nhận")

    def __str__(self) -> str:
        return self.label
