"""Sơ kết and tổng kết reports: a draft pre-filled from dissemination, registrations and
progress; edited by the office; issued as a Báo cáo through the registry."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.common.jobs import enqueue_on_commit
from thidua.common.money import decimal_figures
from thidua.common.services.audit import log_action
from thidua.common.text import nfc, nfc_text
from thidua.documents.services.numbering import issue_document
from thidua.documents.tasks import task_render_document

from ..enums import MovementState, RegistrationState
from ..models import Movement, MovementReport, ProgressReport
from .movement import transition_movement
from .progress import indicator_status

__all__ = ["draft_review", "draftable_review_kinds", "issue_review", "update_review"]


def _dissemination(movement: Movement) -> str:
    deliveries = movement.deliveries.all()
    total = deliveries.count()
    confirmed = deliveries.filter(confirmed_on__isnull=False)
    reached = confirmed.aggregate(n=Sum("staff_reached"))["n"] or 0
    late = [d.agency.name for d in deliveries.filter(confirmed_on__isnull=True)]
    text = (
        f"{confirmed.count()}/{total} đơn vị đã tổ chức quán triệt văn bản phát động "
        f"đến {decimal_figures(reached)} cán bộ, công chức, viên chức và người lao động."
    )
    if late:
        text += " Chưa xác nhận quán triệt: " + ", ".join(late) + "."
    return text


def _registration(movement: Movement) -> str:
    approved = movement.registrations.filter(state=RegistrationState.APPROVED)
    counts = approved.aggregate(
        units=Count("id", distinct=True), people=Count("entries")
    )
    titles = (
        approved.values("entries__title")
        .annotate(n=Count("entries"))
        .exclude(entries__title=None)
        .order_by("entries__title")
    )
    parts = ", ".join(f"{row['n']} {row['entries__title']}" for row in titles)
    return (
        f"{counts['units']} đơn vị và {counts['people']} cá nhân đăng ký thi đua"
        + (f" ({parts})" if parts else "")
        + "."
    )


def _indicators(movement: Movement) -> list[str]:
    reports: dict[int, list] = {}
    for report in ProgressReport.objects.filter(indicator__movement=movement):
        reports.setdefault(report.indicator_id, []).append(report)
    lines = []
    for indicator in movement.indicators.select_related("movement__issued_document"):
        status = indicator_status(indicator, reports.get(indicator.pk, []))
        value = (
            f"{decimal_figures(status.latest.value)} {indicator.unit_of_measure}"
            if status.latest
            else "chưa có số liệu"
        )
        lines.append(
            f"{indicator.name}: đạt {value}/chỉ tiêu {decimal_figures(indicator.target)} "
            f"{indicator.unit_of_measure} ({status.label.lower()})."
        )
    return lines


# The reports the movement's page offers to draft in each state: a sơ kết or a tổng
# kết while the movement runs, a tổng kết once its sơ kết is issued.
DRAFTABLE = {
    MovementState.RUNNING: (MovementReport.Kind.INTERIM, MovementReport.Kind.FINAL),
    MovementState.INTERIM: (MovementReport.Kind.FINAL,),
}


def draftable_review_kinds(movement: Movement) -> tuple[MovementReport.Kind, ...]:
    """The kinds of report the movement's page offers to draft now (none: no button)."""
    return DRAFTABLE.get(movement.state, ())


def draft_review(movement: Movement, kind: str, *, actor=None) -> MovementReport:
    """A new draft, pre-filled with what thidua knows about the movement."""
    if not draftable_review_kinds(movement):
        raise ValidationError(_("Chỉ sơ kết, tổng kết phong trào đang thực hiện."))
    label = dict(MovementReport.Kind.choices)[kind]
    sections = [
        {"title": "Công tác quán triệt, triển khai", "text": _dissemination(movement)},
        {"title": "Kết quả đăng ký thi đua", "text": _registration(movement)},
        {
            "title": "Kết quả thực hiện các chỉ tiêu",
            "text": "\n".join(_indicators(movement)) or "Phong trào chưa đặt chỉ tiêu.",
        },
        {"title": "Tồn tại, hạn chế và nguyên nhân", "text": ""},
        {"title": "Phương hướng, nhiệm vụ thời gian tới", "text": ""},
    ]
    with transaction.atomic():
        review = MovementReport.objects.create(
            movement=movement,
            kind=kind,
            title=f"{label} {movement.name[0].lower()}{movement.name[1:]}",
            sections=sections,
            signer_title=movement.signer_title,
            signer_name=movement.signer_name,
        )
        log_action(
            movement,
            "reviews.draft",
            actor=actor,
            agency_id=movement.launcher_id,
            data={"kind": kind},
        )
    return review


def update_review(
    review: MovementReport,
    *,
    title: str,
    sections: list[dict],
    signer_title: str,
    signer_name: str,
    actor=None,
) -> MovementReport:
    """Edit a draft; an issued report is frozen."""
    with transaction.atomic():
        locked = MovementReport.objects.select_for_update().get(pk=review.pk)
        if not locked.is_editable:
            raise ValidationError(_("Báo cáo đã ban hành không được sửa."))
        locked.title = nfc(title)
        locked.sections = [
            {"title": nfc(s["title"]), "text": nfc_text(s["text"])}
            for s in sections
            if s["title"]
        ]
        locked.signer_title = nfc(signer_title)
        locked.signer_name = nfc(signer_name)
        locked.version += 1
        locked.save()
        log_action(
            locked.movement,
            "reviews.update",
            actor=actor,
            agency_id=locked.movement.launcher_id,
            data={"review": locked.pk},
        )
    return locked


def issue_review(
    review: MovementReport, *, actor=None, issued_on=None
) -> MovementReport:
    """Number the report (Báo cáo, BC) and move the movement to đã sơ kết / đã tổng kết."""
    with transaction.atomic():
        locked = (
            MovementReport.objects.select_for_update()
            .select_related("movement__launcher")
            .get(pk=review.pk)
        )
        if not locked.is_editable:
            raise ValidationError(_("Báo cáo đã ban hành."))
        empty = [s["title"] for s in locked.sections if not s["text"].strip()]
        if empty or not locked.signer_name:
            raise ValidationError(
                [_("Chưa đủ nội dung để ban hành:")]
                + [f"– {title}" for title in empty]
                + ([f"– {_('Họ tên người ký')}"] if not locked.signer_name else [])
            )
        movement = locked.movement
        document = issue_document(
            type_code="BC",
            agency=movement.launcher,
            issued_on=issued_on or timezone.localdate(),
            summary=locked.title,
            signer_title=locked.signer_title,
            signer_name=locked.signer_name,
            source_kind="review",
            source_id=locked.pk,
            actor=actor,
        )
        locked.issued_document = document
        locked.save(update_fields=["issued_document"])
        target = (
            MovementState.INTERIM
            if locked.kind == MovementReport.Kind.INTERIM
            else MovementState.FINAL
        )
        if movement.state != target:
            transition_movement(movement, target, actor=actor, check_permission=False)

        enqueue_on_commit(task_render_document, document.pk)
    return locked
