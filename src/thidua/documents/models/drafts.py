"""Documents of any kind written in thidua (docs/document-model.md): a draft holds its
structured content, goes before the head, and is numbered and issued by the clerk
(workflows.DRAFT); an agency's own templates; the files attached to a draft."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from thidua.common.choices import StateChoices
from thidua.common.constraints import reason_required, state_is_known

from .signer import DelegatedSignerFields

__all__ = [
    "EDITABLE",
    "UNAPPROVED",
    "DocumentTemplate",
    "DraftAttachment",
    "DraftDocument",
    "DraftState",
    "kind_choices",
]


def kind_choices() -> list[tuple[str, str]]:
    """The document kinds of the content format (drafting.content.KINDS), read when
    first needed: the drafting package loads the renderer's vocabulary."""
    from ..drafting.content import KINDS  # noqa: PLC0415 (models load before it)

    return [(code, kind.label) for code, kind in KINDS.items()]


class DraftState(StateChoices):
    DRAFT = "nhap", pgettext_lazy("draft state", "Nháp")
    AWAITING = "cho_duyet", pgettext_lazy("draft state", "Chờ thủ trưởng duyệt")
    RETURNED = "tra_lai", pgettext_lazy("draft state", "Trả lại")
    APPROVED = "da_duyet", pgettext_lazy("draft state", "Đã duyệt, chờ lấy số")
    ISSUED = "da_ban_hanh", pgettext_lazy("draft state", "Đã ban hành")

    @classmethod
    def colors(cls) -> dict:
        return {
            cls.DRAFT: "secondary",
            cls.AWAITING: "warning",
            cls.RETURNED: "danger",
            cls.APPROVED: "info",
            cls.ISSUED: "success",
        }


# The office edits the text while it is its own: a draft, or returned to it.
EDITABLE = (DraftState.DRAFT, DraftState.RETURNED)
# Not approved yet: no approver on record.
UNAPPROVED = (DraftState.DRAFT, DraftState.AWAITING, DraftState.RETURNED)


class DocumentTemplate(models.Model):
    """An agency's own starting point for a kind of document (the built-in ones come
    from ``drafting.templates``)."""

    agency = models.ForeignKey(
        "organizations.Agency",
        verbose_name=_("cơ quan"),
        on_delete=models.CASCADE,
        related_name="document_templates",
    )
    kind = models.CharField(_("loại văn bản"), max_length=20, choices=kind_choices)
    name = models.CharField(_("tên mẫu"), max_length=200)
    content = models.JSONField(_("nội dung"), default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mẫu văn bản")
        verbose_name_plural = _("mẫu văn bản")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "name"], name="document_template_name_once"
            ),
            models.CheckConstraint(
                condition=~Q(name=""), name="document_template_named"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class DraftDocument(DelegatedSignerFields):
    """A document of any kind held as structured content (``content``, the format of
    docs/document-model.md) until the clerk numbers and issues it; then it is frozen
    (a database trigger) and ``issued_document`` is its entry in the register.

    The signer block (DelegatedSignerFields) is the approver's, written at approval
    (services/approval.py)."""

    State = DraftState

    agency = models.ForeignKey(
        "organizations.Agency",
        verbose_name=_("cơ quan"),
        on_delete=models.PROTECT,
        related_name="draft_documents",
    )
    kind = models.CharField(_("loại văn bản"), max_length=20, choices=kind_choices)
    title = models.CharField(_("trích yếu"), max_length=500, blank=True)
    content = models.JSONField(_("nội dung"), default=dict)
    # Where it started: a built-in template's code, or one of the agency's own.
    template_code = models.CharField(_("mẫu có sẵn"), max_length=80, blank=True)
    template = models.ForeignKey(
        DocumentTemplate,
        verbose_name=_("mẫu của cơ quan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="drafts",
    )
    # A movement's launch plan written as a free document.
    movement = models.ForeignKey(
        "movements.Movement",
        verbose_name=_("phong trào"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="draft_documents",
    )
    state = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=DraftState.choices,
        default=DraftState.DRAFT,
    )
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người duyệt"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)
    issued_document = models.OneToOneField(
        "documents.IssuedDocument",
        verbose_name=_("văn bản đã ban hành"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="draft",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("văn bản soạn thảo")
        verbose_name_plural = _("văn bản soạn thảo")
        ordering = ["-updated_at", "-id"]
        constraints = [
            state_is_known("state", DraftState, "draft_state_known"),
            reason_required(
                "state", [DraftState.RETURNED], "return_reason", "draft_return_reason"
            ),
            # Numbered exactly when issued.
            models.CheckConstraint(
                condition=Q(state=DraftState.ISSUED, issued_document__isnull=False)
                | (~Q(state=DraftState.ISSUED) & Q(issued_document__isnull=True)),
                name="draft_numbered_once_issued",
            ),
            # Approved (and issued) only with the approver on record.
            models.CheckConstraint(
                condition=Q(state__in=UNAPPROVED)
                | Q(approved_by__isnull=False, approved_at__isnull=False),
                name="draft_approved_on_record",
            ),
            # One starting point, not two.
            models.CheckConstraint(
                condition=Q(template__isnull=True) | Q(template_code=""),
                name="draft_one_template",
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="draft_version"),
        ]

    def __str__(self) -> str:
        return self.title or str(self.get_kind_display())

    def get_absolute_url(self) -> str:
        return reverse("documents:drafts-detail", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.state in EDITABLE

    @property
    def is_issued(self) -> bool:
        return self.state == DraftState.ISSUED


class DraftAttachment(models.Model):
    """A file delivered with the document (listed in ``content["attachments"]``);
    stored under a random name, checked by its content (common/uploads.py)."""

    draft = models.ForeignKey(
        DraftDocument, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(upload_to="drafts/%Y/")
    original_name = models.CharField(_("tên tệp"), max_length=200)
    size = models.PositiveBigIntegerField(_("dung lượng"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tệp kèm theo")
        verbose_name_plural = _("tệp kèm theo")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["draft", "original_name"], name="draft_attachment_name_once"
            ),
            models.CheckConstraint(
                condition=~Q(sha256="") & ~Q(original_name=""),
                name="draft_attachment_identified",
            ),
        ]

    def __str__(self) -> str:
        return self.original_name
