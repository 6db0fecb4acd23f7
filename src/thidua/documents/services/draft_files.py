"""Files delivered with a document written in thidua (models.DraftAttachment): checked
by their content, listed in ``content["attachments"]``, taken off while the office
still edits. Every write audited in its own transaction."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.common.actions import audit_code
from thidua.common.uploads import check_attachment

from ..models import DraftAttachment, DraftDocument
from .drafts import _lock_editable, _log, _store, _user, _with_attachments

__all__ = ["attach_file", "remove_attachment"]


def attach_file(
    draft: DraftDocument,
    upload,
    *,
    actor=None,
    expected_version: int | None = None,
) -> DraftAttachment:
    """Attach a file (PDF, DOCX, XLSX, PNG, JPEG, checked by its content, within
    ``THIDUA_MAX_UPLOAD_BYTES``) to be delivered with the document; it is listed in
    ``content["attachments"]``. Audited as ``documents.draft_attach``."""
    checked = check_attachment(upload, field="file")
    with transaction.atomic():
        locked = _lock_editable(draft, expected_version)
        if locked.attachments.filter(original_name=checked.original_name).exists():
            raise ValidationError(
                {
                    "file": [
                        _("Văn bản đã có tệp kèm theo tên “%(n)s”.")
                        % {"n": checked.original_name}
                    ]
                }
            )
        attachment = DraftAttachment(
            draft=locked,
            original_name=checked.original_name,
            size=checked.size,
            sha256=checked.sha256,
            uploaded_by=_user(actor),
        )
        attachment.file.save(checked.content.name, checked.content, save=False)
        try:
            attachment.save()
            _store(
                locked,
                _with_attachments(locked.content, locked.attachments.all()),
                actor,
            )
            _log(
                locked,
                audit_code("documents.draft_attach"),
                actor,
                data={
                    "name": attachment.original_name,
                    "size": attachment.size,
                    "sha256": attachment.sha256,
                },
            )
        except Exception:
            # No file stays behind a write that did not happen.
            attachment.file.storage.delete(attachment.file.name)
            raise
    return attachment


def remove_attachment(
    attachment: DraftAttachment, *, actor=None, expected_version: int | None = None
) -> DraftDocument:
    """Take a file off a draft the office still edits (its stored file is deleted
    once the change is committed). Audited as ``documents.draft_detach``."""
    with transaction.atomic():
        locked = _lock_editable(attachment.draft, expected_version)
        row = locked.attachments.get(pk=attachment.pk)
        stored = row.file
        data = {"name": row.original_name, "sha256": row.sha256}
        row.delete()
        _store(
            locked, _with_attachments(locked.content, locked.attachments.all()), actor
        )
        _log(locked, audit_code("documents.draft_detach"), actor, data=data)
        transaction.on_commit(lambda: stored.storage.delete(stored.name))
    return locked
