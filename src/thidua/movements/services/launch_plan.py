"""The launch plan of a movement written in the document editor (issue #15): a draft
of the launcher, linked to the movement, started from the movement's data, written
again from it on request, and — approved by the head and issued by the clerk — the
document that launches the movement."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from thidua.common.text import fold
from thidua.documents.services.drafts import create_draft, save_content

from ..drafting import DATA_SECTIONS, launch_content
from ..enums import MovementState
from ..models import Movement
from ..workflows import BY_PLAN, MOVEMENT
from .dissemination import deliver_movement

__all__ = ["launch_with_plan", "refresh_launch_plan", "write_launch_plan"]


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


def _index(body: list, title: str) -> int | None:
    for index, block in enumerate(body):
        if block.get("type") == "section" and fold(block.get("title", "")) == fold(
            title
        ):
            return index
    return None


def refresh_launch_plan(draft, *, actor=None, expected_version: int | None = None):
    """Write the sections the movement's data makes (Đối tượng, Chỉ tiêu, Thời gian,
    Khen thưởng, Kinh phí) into ``draft`` again, after the officer changed rounds,
    awards or money on the movement: a section found by its title gets the new
    items under the officer's own title; a missing one is put after the data section
    before it (or before "Tổ chức thực hiện"). A section whose data is now empty is
    left as he wrote it. Everything else in the draft is kept. Audited by
    ``save_content`` with the elements that changed."""
    movement = draft.movement
    if movement is None:
        raise ValidationError(_("Văn bản này không gắn với phong trào nào."))
    fresh = {
        fold(block["title"]): block
        for block in launch_content(movement)["body"]
        if block.get("type") == "section"
    }
    content = dict(draft.content)
    body = [dict(block) for block in content.get("body") or []]
    last = None
    for title in DATA_SECTIONS:
        new = fresh.get(fold(title))
        at = _index(body, title)
        if at is not None:
            if new is not None:
                body[at]["children"] = new["children"]
            last = at
            continue
        if new is None:
            continue
        if last is not None:
            at = last + 1
        else:
            at = _index(body, "Tổ chức thực hiện")
            at = len(body) if at is None else at
        body.insert(at, new)
        last = at
    content["body"] = body
    return save_content(draft, content, actor=actor, expected_version=expected_version)


# What the movement takes from the plan the head approved.
_FROM_PLAN = (
    "approved_by",
    "approved_at",
    "signer_authority",
    "signer_principal",
    "signer_title",
    "signer_name",
)


def launch_with_plan(draft, document, actor) -> None:
    """Called in the transaction that issues ``draft`` (documents.draft_hooks): a
    plan of a movement not yet launched launches it — the movement takes the plan's
    number, its approver and signer block, becomes "đã ban hành" and is delivered to
    its units, as when its own launch document is issued. A movement already
    launched keeps its document (a later plan is a document of its own)."""
    if draft.movement_id is None:
        return
    movement = Movement.objects.get(pk=draft.movement_id)
    if movement.issued_document_id is not None:
        return

    def effect(locked: Movement, _move) -> list[str]:
        locked.issued_document = document
        locked.return_reason = ""
        for name in _FROM_PLAN:
            setattr(locked, name, getattr(draft, name))
        deliver_movement(locked, actor=actor)
        return ["issued_document", "return_reason", *_FROM_PLAN]

    # The draft's own workflow checked the clerk's step; this is its consequence.
    MOVEMENT.transition(
        movement,
        MovementState.ISSUED,
        actor=actor,
        check_permission=False,
        effect=effect,
        data={"symbol": document.symbol, "plan": draft.pk},
        lock=lambda query: query.select_related("launcher"),
        through="" if movement.state == MovementState.APPROVED else BY_PLAN,
    )
