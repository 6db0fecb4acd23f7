"""Nominations: rounds, proposals with their dossier, and the one transition service."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.accounts.notifications import notify
from thidua.awards.models import Award
from thidua.common.services.audit import log_action
from thidua.common.text import nfc
from thidua.common.uploads import check_attachment
from thidua.eligibility.catalog import COLLECTIVE_CODES, INDIVIDUAL_CODES
from thidua.organizations.account_selectors import unit_recipients
from thidua.organizations.models import Agency

from ..enums import AttachmentKind, NominationState
from ..models import (
    AchievementReport,
    Nomination,
    NominationAttachment,
    NominationEvent,
    NominationRound,
)
from ..rules import proposes_for
from ..selectors import active_attachments, checklist, notice_blockers
from ..workflows import NOMINATION, TO_TRINH

__all__ = [
    "DUPLICATE_MESSAGE",
    "STALE",
    "add_attachment",
    "can_propose",
    "check_proposing_unit",
    "check_round",
    "create_nomination",
    "open_round",
    "replace_attachment",
    "subject_errors",
    "take_out_attachment",
    "transition_nomination",
    "withdraw_attachment",
]

DUPLICATE_MESSAGE = _(
    "Đối tượng đã có hồ sơ đề nghị hoặc đã được khen thưởng danh hiệu, hình thức này cho "
    "năm %(year)s."
)
# A dossier changed since the page showed it (every service that moves a nomination).
STALE = gettext_lazy("Hồ sơ đã được người khác cập nhật.")


def _in_subtree(agency_id: int, root: Agency) -> bool:
    return (
        Agency.objects.descendants(root, include_self=True)
        .filter(pk=agency_id)
        .exists()
    )


def can_propose(user, unit: Agency) -> bool:
    """The unit's heads and the TĐKT officers over it propose (nominations/rules.py)."""
    return proposes_for(user, unit)


def open_round(*, agency: Agency, actor=None, **fields) -> NominationRound:
    """Open an đợt xét of ``agency`` with its submission deadline; audited."""
    round_ = NominationRound(agency=agency, **fields)
    round_.name = nfc(round_.name)
    round_.full_clean()
    with transaction.atomic():
        round_.save()
        log_action(
            round_,
            "nominations.open_round",
            actor=actor,
            agency_id=agency.pk,
            data={"name": round_.name, "year": round_.year},
        )
    return round_


def check_round(round_: NominationRound) -> None:
    if not round_.is_open:
        raise ValidationError(_("Đợt xét đã đóng."))
    if timezone.localdate() > round_.submission_deadline:
        raise ValidationError(
            _("Đã hết hạn gửi hồ sơ (hạn: %(d)s).")
            % {"d": round_.submission_deadline.strftime("%d/%m/%Y")}
        )


def check_proposing_unit(round_: NominationRound, proposing_unit: Agency) -> None:
    if not _in_subtree(proposing_unit.pk, round_.agency):
        raise ValidationError(_("Đơn vị đề nghị không thuộc cơ quan của đợt xét."))


def subject_errors(proposing_unit: Agency, code: str, *, person, agency) -> dict:
    """What the single form and the bulk pages refuse alike before any write: a
    subject outside the proposing unit, a code for the other kind of subject."""
    errors = {}
    subject_unit = person.unit_id if person is not None else agency.pk
    if subject_unit is None or not _in_subtree(subject_unit, proposing_unit):
        errors["person" if person is not None else "agency"] = [
            _("Đối tượng không thuộc đơn vị đề nghị.")
        ]
    allowed = INDIVIDUAL_CODES if person is not None else COLLECTIVE_CODES
    if code not in allowed:
        errors["code"] = [_("Danh hiệu, hình thức không dành cho đối tượng này.")]
    return errors


def create_nomination(
    round_: NominationRound,
    *,
    proposing_unit: Agency,
    code: str,
    person=None,
    agency=None,
    award_type: str = "cong_trang",
    summary: str = "",
    actor=None,
) -> Nomination:
    """A unit proposes a member (or itself, or a sub-unit) for a title or award.

    Refuses a subject outside the unit, a code for the other kind of subject, and a
    duplicate (pending or awarded, anywhere in the installation — the database has the
    last word, so two simultaneous proposals cannot both pass).
    """
    check_round(round_)
    check_proposing_unit(round_, proposing_unit)
    errors = subject_errors(proposing_unit, code, person=person, agency=agency)
    if errors:
        raise ValidationError(errors)
    awarded = Award.objects.filter(code=code, year=round_.year, revoked=False)
    awarded = (
        awarded.filter(person=person)
        if person is not None
        else awarded.filter(agency=agency)
    )
    if awarded.exists():
        raise ValidationError({"code": [DUPLICATE_MESSAGE % {"year": round_.year}]})
    nomination = Nomination(
        round=round_,
        proposing_unit=proposing_unit,
        person=person,
        agency=agency,
        code=code,
        award_type=award_type,
        year=round_.year,
        summary=nfc(summary),
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    with transaction.atomic():
        try:
            with transaction.atomic():
                nomination.save()
        except IntegrityError as exc:
            raise ValidationError(
                {"code": [DUPLICATE_MESSAGE % {"year": round_.year}]}
            ) from exc
        log_action(
            nomination,
            "nominations.create",
            actor=actor,
            agency_id=proposing_unit.pk,
            data={
                "subject": str(nomination.subject),
                "code": code,
                "year": round_.year,
            },
        )
    return nomination


def add_attachment(nomination: Nomination, *, kind: str, upload, actor=None):
    """Add a dossier file (checked by content) while the unit may still edit."""
    if kind not in AttachmentKind.values:
        raise ValidationError({"kind": [_("Loại tài liệu không hợp lệ.")]})
    checked = check_attachment(upload, field="file", label=AttachmentKind(kind).label)
    with transaction.atomic():
        state = Nomination.objects.select_for_update().get(pk=nomination.pk).state
        if state not in (NominationState.DRAFT, NominationState.RETURNED):
            raise ValidationError(_("Hồ sơ đã gửi, không bổ sung tài liệu được nữa."))
        attachment = NominationAttachment.objects.create(
            nomination=nomination,
            kind=kind,
            file=checked.content,
            name=checked.original_name,
            sha256=checked.sha256,
        )
        log_action(
            nomination,
            "nominations.attach",
            actor=actor,
            agency_id=nomination.proposing_unit_id,
            data={
                "kind": kind,
                "name": checked.original_name,
                "sha256": checked.sha256,
            },
        )
    return attachment


EDITABLE = (NominationState.DRAFT, NominationState.RETURNED)


def _lock_editable(nomination: Nomination, attachment_pk: int, actor):
    """The nomination locked, still the unit's to edit, and its active file."""
    if actor is not None and not can_propose(actor, nomination.proposing_unit):
        raise ValidationError(_("Chỉ đơn vị đề nghị được sửa tài liệu hồ sơ."))
    locked = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if locked.state not in EDITABLE:
        raise ValidationError(
            _(
                "Hồ sơ đã gửi, không rút hoặc thay tài liệu được nữa (chỉ khi hồ sơ "
                "còn nháp hoặc bị trả lại)."
            )
        )
    attachment = active_attachments(locked).filter(pk=attachment_pk).first()
    if attachment is None:
        raise ValidationError(_("Tài liệu không còn trong hồ sơ."))
    return locked, attachment


def _was_sent(attachment: NominationAttachment) -> bool:
    """Part of a dossier the unit sent: uploaded before some sending of it."""
    return attachment.nomination.events.filter(
        to_state=NominationState.SUBMITTED, at__gte=attachment.uploaded_at
    ).exists()


def take_out_attachment(attachment: NominationAttachment, actor) -> bool:
    """Withdraw a file: kept and marked when it was sent (the office saw it), deleted
    with its stored file otherwise. Answers whether it was kept."""
    if _was_sent(attachment):
        attachment.withdrawn_at = timezone.now()
        attachment.withdrawn_by = (
            actor if actor is not None and actor.is_authenticated else None
        )
        attachment.save(update_fields=["withdrawn_at", "withdrawn_by"])
        # A withdrawn PDF is no longer the report's generated file.
        AchievementReport.objects.filter(generated_file=attachment).update(
            generated_file=None
        )
        return True
    storage, stored_name = attachment.file.storage, attachment.file.name
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(stored_name))
    return False


def withdraw_attachment(nomination: Nomination, attachment_pk: int, *, actor=None):
    """The unit takes a wrong file out of its dossier while draft or returned; audited.
    A file that was part of a sent dossier is never deleted (kept, marked withdrawn)."""
    with transaction.atomic():
        locked, attachment = _lock_editable(nomination, attachment_pk, actor)
        data = {
            "kind": attachment.kind,
            "name": attachment.name,
            "sha256": attachment.sha256,
        }
        data["kept"] = take_out_attachment(attachment, actor)
        log_action(
            locked,
            "nominations.withdraw_attachment",
            actor=actor,
            agency_id=locked.proposing_unit_id,
            data=data,
        )


def replace_attachment(
    nomination: Nomination, attachment_pk: int, *, upload, actor=None
) -> NominationAttachment:
    """The unit replaces a wrong file by another of the same kind (checked by content)
    while draft or returned; the old one goes as in ``withdraw_attachment``; audited."""
    with transaction.atomic():
        locked, old = _lock_editable(nomination, attachment_pk, actor)
        checked = check_attachment(
            upload, field="file", label=AttachmentKind(old.kind).label
        )
        old_data = {"name": old.name, "sha256": old.sha256}
        kept = take_out_attachment(old, actor)
        attachment = NominationAttachment.objects.create(
            nomination=locked,
            kind=old.kind,
            file=checked.content,
            name=checked.original_name,
            sha256=checked.sha256,
        )
        log_action(
            locked,
            "nominations.replace_attachment",
            actor=actor,
            agency_id=locked.proposing_unit_id,
            data={
                "kind": old.kind,
                "old": {**old_data, "kept": kept},
                "name": checked.original_name,
                "sha256": checked.sha256,
            },
        )
    return attachment


# Outcomes the proposing unit is told about by e-mail as well as on its timeline.
NOTIFIED = {
    NominationState.RETURNED: _("Hồ sơ đề nghị khen thưởng bị trả lại"),
    NominationState.NOT_AWARDED: _("Hồ sơ đề nghị không được khen thưởng"),
    NominationState.AWARDED: _("Hồ sơ đề nghị đã được khen thưởng"),
}


def _notify_unit(nomination: Nomination, to: str) -> None:
    """Tell the proposing unit's heads and officers, in the app and by mail."""
    people = unit_recipients([nomination.proposing_unit_id])[
        nomination.proposing_unit_id
    ]
    notify(
        people,
        f"nominations.{to}",
        f"{NOTIFIED[to]}: {nomination}",
        link=nomination.get_absolute_url(),
        body=_("Lý do: %(r)s") % {"r": nomination.reason}
        if to != NominationState.AWARDED and nomination.reason
        else "",
        subject=nomination,
    )


def transition_nomination(
    nomination: Nomination,
    to: str,
    *,
    actor=None,
    reason: str = "",
    appraisal: str = "",
    expected_version: int | None = None,
    upward: bool = False,
    through: str = "",
    checked: bool = False,
) -> Nomination:
    """The one way a nomination changes state (``workflows.NOMINATION``): permission,
    reason where required, dossier completeness on submission, notice blockers, the
    timeline and the unit's e-mail, the audit log — all in one transaction.

    ``upward`` is set only by the tờ trình service (submissions/services/submission.py), which has
    checked that the actor is the sending or the receiving office; ``through`` (the
    workflow's ``THROUGH_COUNCIL``) only by the council's services, which checked the
    seat or the permission themselves; ``checked`` only by a service that checked the
    actor's right to the act that moves the dossier (issuing the decision: the
    clerk's), so that the move is recorded in his name, not the system's."""

    def effect(locked: Nomination, move) -> list[str]:
        blockers = notice_blockers(locked, to)
        if blockers:
            raise ValidationError(blockers)
        if to == NominationState.SUBMITTED:
            check_round(locked.round)
            missing = [label for label, done in checklist(locked) if not done]
            if missing:
                raise ValidationError(
                    [_("Hồ sơ còn thiếu:")] + [f"– {m}" for m in missing]
                )
        if reason.strip():
            locked.reason = nfc(reason)
        changed = ["reason", "appraisal", "version"]
        if appraisal.strip():
            locked.appraisal = nfc(appraisal)
        if to == NominationState.APPRAISED:
            locked.appraised_at = timezone.now()
            locked.appraised_by = (
                actor if actor is not None and actor.is_authenticated else None
            )
            changed += ["appraised_at", "appraised_by"]
        locked.version += 1
        display = (actor.get_full_name() or actor.username) if actor else "hệ thống"
        NominationEvent.objects.create(
            nomination=locked,
            from_state=locked.state,
            to_state=to,
            actor_display=display,
            reason=nfc(reason),
        )
        if to in NOTIFIED:
            _notify_unit(locked, to)
        return changed

    return NOMINATION.transition(
        nomination,
        to,
        actor=actor,
        reason=reason,
        effect=effect,
        expected_version=expected_version,
        check_permission=not (upward or through or checked),
        through=TO_TRINH if upward else through,
        lock=lambda query: query.select_related("round__agency", "proposing_unit"),
    )
