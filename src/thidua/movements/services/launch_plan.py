"""The launch plan of a movement written in the document editor (issue #15): a draft
of the launcher, linked to the movement, started from the movement's data."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from thidua.documents.services.drafts import create_draft

from ..drafting import launch_content

__all__ = ["write_launch_plan"]


def write_launch_plan(movement, *, actor=None):
    """A new draft of ``movement``'s launch plan, its sections filled from the
    movement's data (``drafting.launch_content``); refused once the movement's own
    launch document is issued (a correction is a new document, written from the
    documents page). Audited by the draft's creation."""
    if movement.issued_document_id is not None:
        raise ValidationError(
            _(
                "Văn bản phát động của phong trào đã ban hành; văn bản mới (đính chính, "
                "bổ sung) được soạn ở trang Soạn văn bản."
            )
        )
    return create_draft(
        agency=movement.launcher,
        content=launch_content(movement),
        movement=movement,
        actor=actor,
    )
