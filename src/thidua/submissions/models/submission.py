from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from thidua.awards.models import AwardSubject, one_subject
from thidua.common.constraints import reason_required, state_is_known
from thidua.documents.models import DelegatedSignerFields

from ..enums import UNAPPROVED, UNNUMBERED, ItemOutcome, SubmissionState

__all__ = ["Submission", "SubmissionItem"]


class Submission(DelegatedSignerFields):
    """A tờ trình carrying nominations beyond the sender's authority to a higher agency.

    Sent inside the installation (``from_agency`` set: drafted by its TĐKT office,
    approved by its head or whoever signs for him — the signer block written from his
    staff record — then numbered in its register and sent by its clerk) or imported
    from another installation's package (``from_name`` and ``external_symbol`` only,
    the package kept as received, ``state`` issued). Those sent before the approval
    step existed are ``legacy``: issued without an approver on record.
    """

    from_agency = models.ForeignKey(
        "organizations.Agency",
        verbose_name=_("cơ quan trình"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="submissions_sent",
    )
    from_name = models.CharField(_("cơ quan trình"), max_length=255)
    to_agency = models.ForeignKey(
        "organizations.Agency",
        verbose_name=_("cơ quan nhận"),
        on_delete=models.PROTECT,
        related_name="submissions_received",
    )
    document = models.OneToOneField(
        "documents.IssuedDocument",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="submission",
    )
    external_symbol = models.CharField(_("số tờ trình"), max_length=60, blank=True)
    external_date = models.DateField(_("ngày tờ trình"), null=True, blank=True)
    summary = models.CharField(_("trích yếu"), max_length=500)
    package = models.FileField(upload_to="packages/%Y/", blank=True)
    package_sha256 = models.CharField(max_length=64, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)
    state = models.CharField(
        _("trạng thái"),
        max_length=12,
        choices=SubmissionState.choices,
        default=SubmissionState.DRAFT,
    )
    # The date the office proposes; the clerk's issue date is the tờ trình's.
    planned_on = models.DateField(_("ngày dự kiến ký"), null=True, blank=True)
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người duyệt"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="approved_submissions",
    )
    approved_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)
    legacy = models.BooleanField(
        _("trình trước khi có bước duyệt"), default=False, editable=False
    )

    class Meta:
        verbose_name = _("tờ trình cấp trên")
        verbose_name_plural = _("tờ trình cấp trên")
        ordering = ["-submitted_at", "-id"]
        constraints = [
            state_is_known("state", SubmissionState, "submission_state_known"),
            reason_required(
                "state",
                [SubmissionState.RETURNED],
                "return_reason",
                "submission_return_has_reason",
            ),
            # Numbered exactly from the clerk's step on (an imported one carries the
            # sender's number as text).
            models.CheckConstraint(
                condition=Q(state__in=UNNUMBERED, document__isnull=True)
                | (
                    ~Q(state__in=UNNUMBERED)
                    & (Q(document__isnull=False) | Q(from_agency__isnull=True))
                ),
                name="submission_numbered_once_issued",
            ),
            # Approved (and so sent) only with the approver on record, save those sent
            # before the step existed and those received from another installation.
            models.CheckConstraint(
                condition=Q(state__in=UNAPPROVED)
                | Q(approved_by__isnull=False, approved_at__isnull=False)
                | (
                    (Q(legacy=True) | Q(from_agency__isnull=True))
                    & ~Q(state__in=UNNUMBERED)
                ),
                name="submission_approved_on_record",
            ),
            # The same package imported twice into the same inbox is one submission.
            models.UniqueConstraint(
                fields=["to_agency", "package_sha256"],
                condition=~Q(package_sha256=""),
                name="submission_package_once",
            ),
        ]

    def __str__(self) -> str:
        if self.state in UNNUMBERED:
            return _("Dự thảo tờ trình: %(s)s") % {"s": self.summary}
        return self.symbol

    def get_absolute_url(self) -> str:
        return reverse("submissions:detail", args=[self.pk])

    @property
    def is_sent(self) -> bool:
        """Issued and sent (or received from a package): the receiving office's."""
        return self.state == SubmissionState.ISSUED

    @property
    def symbol(self) -> str:
        return self.document.symbol if self.document_id else self.external_symbol

    @property
    def dated(self):
        return self.document.issued_on if self.document_id else self.external_date


class SubmissionItem(AwardSubject):
    """One nominee of a tờ trình and what the receiving agency made of it.

    ``nomination`` links back to the proposing agency's dossier (empty for imported
    packages); ``source`` is the item of the lower tờ trình this one forwards, so a
    decision recorded at the top flows back down the chain.

    The subject (:class:`~thidua.awards.models.AwardSubject`) is the nomination's
    person or agency. An item that came in a package from another installation has no
    local subject and no nomination: it names its subject only as printed on the tờ
    trình, in ``subject_name``, ``subject_detail`` and ``is_collective``, which every
    item stores (they replace the base's computed ``subject_name`` and
    ``is_collective``)."""

    submission = models.ForeignKey(
        Submission, on_delete=models.PROTECT, related_name="items"
    )
    position = models.PositiveSmallIntegerField()
    nomination = models.ForeignKey(
        "nominations.Nomination",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="submission_items",
    )
    source = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="forwarded_as",
    )
    subject_name = models.CharField(_("đối tượng"), max_length=255)
    subject_detail = models.CharField(_("chức vụ, đơn vị"), max_length=500, blank=True)
    is_collective = models.BooleanField(_("tập thể"), default=False)
    achievement = models.TextField(_("tóm tắt thành tích"), blank=True)
    files = models.JSONField(_("tài liệu kèm theo"), default=list, blank=True)
    outcome = models.CharField(
        _("kết quả"),
        max_length=20,
        choices=ItemOutcome.choices,
        default=ItemOutcome.PENDING,
    )
    appraisal = models.TextField(_("ý kiến thẩm định"), blank=True)
    reason = models.TextField(_("lý do"), blank=True)
    decision_number = models.CharField(_("số quyết định"), max_length=60, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    decision_signer = models.CharField(
        _("người ký quyết định"), max_length=255, blank=True
    )
    decided_by = models.CharField(_("cấp quyết định"), max_length=255, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("đối tượng trình khen")
        verbose_name_plural = _("đối tượng trình khen")
        ordering = ["submission", "position"]
        constraints = [
            state_is_known("outcome", ItemOutcome, "submission_item_outcome_known"),
            # A local item names the nomination's person or agency; only an item of
            # an imported package (no nomination) names no local subject.
            one_subject(
                "submission_item_one_subject",
                unless=Q(
                    nomination__isnull=True, person__isnull=True, agency__isnull=True
                ),
            ),
            # The printed flag agrees with the linked subject.
            models.CheckConstraint(
                condition=Q(person__isnull=True, agency__isnull=True)
                | Q(person__isnull=False, is_collective=False)
                | Q(agency__isnull=False, is_collective=True),
                name="submission_item_collective_agrees",
            ),
            reason_required(
                "outcome",
                [ItemOutcome.RETURNED, ItemOutcome.NOT_AWARDED],
                "reason",
                "submission_item_reason_given",
            ),
            # An award recorded from above names the decision that made it.
            models.CheckConstraint(
                condition=~Q(outcome=ItemOutcome.AWARDED)
                | (~Q(decision_number="") & Q(decision_date__isnull=False)),
                name="submission_item_award_has_decision",
            ),
            models.UniqueConstraint(
                fields=["submission", "position"], name="submission_item_position"
            ),
            models.UniqueConstraint(
                fields=["submission", "nomination"],
                condition=Q(nomination__isnull=False),
                name="submission_item_nomination_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject_name} – {self.get_code_display()} {self.year}"

    @property
    def is_pending(self) -> bool:
        """Waiting for the receiving office (appraise, return, decide, forward)."""
        return self.outcome == ItemOutcome.PENDING
