"""A unit's files for the whole round (the biên bản bình xét of its meeting): uploaded
once, counted in each of its dossiers there (selectors.checklist) and carried with
them (selectors.unit_files.dossier_files)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.common.services.audit import log_action
from thidua.common.uploads import check_attachment
from thidua.organizations.models import Agency

from ..enums import UNIT_KINDS, AttachmentKind, NominationState
from ..models import Nomination, NominationRound, UnitAttachment
from ..rules import proposes_for
from .nomination import check_proposing_unit

__all__ = ["upload_unit_file"]


def upload_unit_file(
    round_: NominationRound, unit: Agency, *, kind: str, upload, actor=None
) -> UnitAttachment:
    """Add (or, while every dossier of the unit in the round is still a draft,
    replace) the unit's file of ``kind`` for the round; checked by content, audited.
    Once a dossier went to the office with it, the file stays as the office saw it."""
    if kind not in UNIT_KINDS:
        raise ValidationError({"kind": [_("Loại tài liệu không hợp lệ.")]})
    if actor is not None and not proposes_for(actor, unit):
        raise ValidationError(_("Chỉ đơn vị đề nghị được tải tài liệu của đơn vị."))
    check_proposing_unit(round_, unit)
    checked = check_attachment(upload, field="file", label=AttachmentKind(kind).label)
    with transaction.atomic():
        # One upload at a time per round: the first file of a kind is created once.
        NominationRound.objects.select_for_update().get(pk=round_.pk)
        old = UnitAttachment.objects.filter(
            round=round_, agency=unit, kind=kind
        ).first()
        replaced = None
        if old is not None:
            sent = (
                Nomination.objects.filter(round=round_, proposing_unit=unit)
                .exclude(state=NominationState.DRAFT)
                .exists()
            )
            if sent:
                raise ValidationError(
                    _("%(kind)s đã đi kèm hồ sơ đơn vị gửi; không thay được nữa.")
                    % {"kind": AttachmentKind(kind).label}
                )
            replaced = {"name": old.name, "sha256": old.sha256}
            storage, stored_name = old.file.storage, old.file.name
            old.delete()
            transaction.on_commit(lambda: storage.delete(stored_name))
        attachment = UnitAttachment.objects.create(
            round=round_,
            agency=unit,
            kind=kind,
            file=checked.content,
            name=checked.original_name,
            sha256=checked.sha256,
            uploaded_by=actor if actor is not None and actor.is_authenticated else None,
        )
        log_action(
            round_,
            "nominations.unit_file",
            actor=actor,
            agency_id=unit.pk,
            data={
                "unit": unit.name,
                "kind": kind,
                "name": checked.original_name,
                "sha256": checked.sha256,
                "replaced": replaced,
            },
        )
    return attachment
