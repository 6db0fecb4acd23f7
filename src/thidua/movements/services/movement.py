"""Writes on movements: create, edit while a draft, replace a section, transitions."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.common.jobs import enqueue_on_commit
from thidua.common.services.audit import diff, log_action, snapshot
from thidua.common.text import nfc, nfc_text
from thidua.documents.services.approval import approve, send_back
from thidua.documents.services.numbering import issue_document
from thidua.documents.tasks import task_render_document

from ..enums import EDITABLE, UNISSUED, MovementState
from ..models import (
    ContentItem,
    Duty,
    ImplementedDocument,
    Movement,
    MovementAward,
    MovementFunding,
    MovementRound,
    ParentMovement,
    Purpose,
    Recipient,
)
from ..workflows import MOVEMENT
from .dissemination import deliver_movement
from .rounds import check_rounds

__all__ = [
    "MOVEMENT_FIELDS",
    "SECTIONS",
    "SECTION_RELATED",
    "create_movement",
    "replace_section",
    "transition_movement",
    "update_movement",
]

MOVEMENT_FIELDS = [
    "name",
    "kind",
    "year",
    "starts_on",
    "ends_on",
    "ends_with",
    "audience",
    "scope_agency",
    "scope_cluster",
    "type_code",
    "document_title",
    "theme",
    "theme_intro",
    "opening",
    "closing",
    "archive_units",
    "registration_deadline",
    "confirm_within_days",
]
TEXT_FIELDS = [
    "name",
    "ends_with",
    "audience",
    "type_code",
    "document_title",
    "theme",
    "theme_intro",
    "opening",
    "closing",
    "archive_units",
]
# section name -> (model, editable fields)
SECTIONS = {
    "parents": (ParentMovement, ["name", "launched_by", "internal"]),
    "implemented": (
        ImplementedDocument,
        ["doc_type", "number_symbol", "issued_on", "issuer", "summary"],
    ),
    "purposes": (Purpose, ["text"]),
    "contents": (ContentItem, ["text"]),
    "duties": (Duty, ["actor", "agency", "text"]),
    "recipients": (Recipient, ["kind", "agency", "council", "cluster", "label"]),
    "rounds": (
        MovementRound,
        ["name", "starts_on", "ends_on", "weeks_from", "weeks_to", "ends_with", "note"],
    ),
    "awards": (MovementAward, ["form", "tier", "unit", "quota", "cash", "gift"]),
    "funding": (MovementFunding, ["source", "amount", "note"]),
}
SECTION_RELATED = {
    "parents": "parents",
    "implemented": "implemented_documents",
    "purposes": "purposes",
    "contents": "contents",
    "duties": "duties",
    "recipients": "recipients",
    "rounds": "rounds",
    "awards": "awards",
    "funding": "funding_sources",
}


class StaleMovementError(ValidationError):
    def __init__(self):
        super().__init__(
            _("Phong trào đã được người khác cập nhật. Hãy tải lại trang."),
            code="stale",
        )


def _clean(data: dict) -> dict:
    cleaned = dict(data)
    for name in TEXT_FIELDS:
        if name in cleaned and cleaned[name] is not None:
            cleaned[name] = (
                nfc(cleaned[name]) if name != "theme_intro" else cleaned[name]
            )
    for name in ("theme_intro", "opening", "closing", "audience"):
        if cleaned.get(name):
            cleaned[name] = "\n".join(nfc(line) for line in cleaned[name].splitlines())
    if cleaned.get("type_code"):
        cleaned["type_code"] = cleaned["type_code"].strip()
    return cleaned


def create_movement(data: dict, *, launcher, actor=None) -> Movement:
    """A new draft movement of ``launcher``; audited as ``movements.create``."""
    movement = Movement(launcher=launcher, **_clean(data))
    movement.full_clean()
    with transaction.atomic():
        movement.save()
        log_action(
            movement,
            "movements.create",
            actor=actor,
            agency_id=launcher.pk,
            changes=diff({}, snapshot(movement, ["name", "kind", "year", "type_code"])),
        )
    return movement


def _lock_draft(movement: Movement, expected_version: int | None) -> Movement:
    locked = Movement.objects.select_for_update().get(pk=movement.pk)
    if locked.state in UNISSUED and locked.state not in EDITABLE:
        # Before the head, or approved: the text he signs is the one he read.
        raise ValidationError(
            _(
                "Văn bản đang trình thủ trưởng hoặc đã được duyệt: không sửa được; "
                "cần sửa thì đề nghị thủ trưởng trả lại."
            )
        )
    if locked.state not in EDITABLE:
        raise ValidationError(
            _(
                "Văn bản đã ban hành không được sửa; hãy ban hành văn bản đính chính mới."
            )
        )
    if expected_version is not None and locked.version != expected_version:
        raise StaleMovementError()
    return locked


def update_movement(
    movement: Movement, data: dict, *, actor=None, expected_version: int | None = None
) -> Movement:
    """Change the movement's own fields while it is a draft."""
    with transaction.atomic():
        locked = _lock_draft(movement, expected_version)
        before = snapshot(locked, MOVEMENT_FIELDS)
        for name, value in _clean(data).items():
            if name in MOVEMENT_FIELDS:
                setattr(locked, name, value)
        locked.full_clean()
        check_rounds(locked, locked.rounds.all())
        changes = diff(before, snapshot(locked, MOVEMENT_FIELDS))
        if changes:
            locked.version += 1
            locked.save()
            log_action(
                locked,
                "movements.update",
                actor=actor,
                agency_id=locked.launcher_id,
                changes=changes,
            )
    return locked


def replace_section(
    movement: Movement,
    section: str,
    items: list[dict],
    *,
    actor=None,
    expected_version: int | None = None,
) -> Movement:
    """Replace the ordered items of one section (purposes, contents, duties, ...)."""
    model, fields = SECTIONS[section]
    with transaction.atomic():
        locked = _lock_draft(movement, expected_version)
        related = getattr(locked, SECTION_RELATED[section])
        before = [snapshot(item, fields) for item in related.all()]
        new_items = []
        for position, raw in enumerate(items, start=1):
            values = {k: raw.get(k) for k in fields if k in raw}
            for key, value in values.items():
                if isinstance(value, str):
                    values[key] = nfc(value) if key != "text" else nfc_text(value)
            item = model(movement=locked, position=position, **values)
            try:
                item.full_clean(exclude=["movement"])
            except ValidationError as exc:
                raise ValidationError(
                    _("Mục %(n)s: %(problems)s")
                    % {"n": position, "problems": " ".join(exc.messages)}
                ) from exc
            new_items.append(item)
        if section == "rounds":
            check_rounds(locked, new_items)
        related.all().delete()
        model.objects.bulk_create(new_items)
        after = [snapshot(item, fields) for item in new_items]
        if before != after:
            locked.version += 1
            locked.save(update_fields=["version"])
            log_action(
                locked,
                "movements.update_section",
                actor=actor,
                agency_id=locked.launcher_id,
                data={"section": section, "before": before, "after": after},
            )
    return locked


def transition_movement(
    movement: Movement,
    to: str,
    *,
    actor=None,
    issued_on: datetime.date | None = None,
    reason: str = "",
    check_permission: bool = True,
) -> Movement:
    """The one way a movement changes state (``workflows.MOVEMENT``).

    Approving (chờ duyệt → đã duyệt) writes the approver and his signer block
    (documents.services.approval); returning keeps the reason. Issuing (đã duyệt →
    đã ban hành, the clerk) takes the number from the registry in the same
    transaction, delivers the document and queues the DOCX/PDF rendering after
    commit."""
    lock = lambda query: query.select_related("launcher", "issued_document")  # noqa: E731
    if to == MovementState.APPROVED:
        return approve(
            MOVEMENT,
            movement,
            to,
            actor=actor,
            agency_of=lambda locked: locked.launcher,
            lock=lock,
        )
    if to == MovementState.RETURNED:
        return send_back(MOVEMENT, movement, to, actor=actor, reason=reason, lock=lock)

    def effect(locked: Movement, move) -> list[str]:
        if move.target != MovementState.ISSUED:
            return []
        document = issue_document(
            type_code=locked.type_code,
            agency=locked.launcher,
            issued_on=issued_on or timezone.localdate(),
            summary=locked.name,
            signer_title=locked.signer_title,
            signer_name=locked.signer_name,
            source_kind="movement",
            source_id=locked.pk,
            actor=actor,
        )
        locked.issued_document = document
        deliver_movement(locked, actor=actor)

        enqueue_on_commit(task_render_document, document.pk)
        return ["issued_document"]

    def symbol(locked: Movement) -> dict:
        document = locked.issued_document
        return {"symbol": document.symbol if document else ""}

    return MOVEMENT.transition(
        movement,
        to,
        actor=actor,
        check_permission=check_permission,
        effect=effect,
        data=symbol,
        lock=lock,
    )
