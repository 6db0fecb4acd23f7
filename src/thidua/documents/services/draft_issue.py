"""A document written in thidua on its way to the register (workflows.DRAFT): before
the head, approved or returned, numbered and issued by the clerk through the registry
(services/numbering.py) and rendered by the render job as the document kind
``"draft"`` (apps.py)."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.common.jobs import enqueue_on_commit

from ..doc_types import code_for_title
from ..draft_hooks import run_draft_issued
from ..drafting.content import KINDS, ContentError, normalise_content
from ..drafting.validation import issue_problems
from ..kinds import PersonalSigner
from ..models import DraftDocument
from ..models.drafts import DraftState
from ..tasks import task_render_document
from ..workflows import DRAFT
from .approval import approve, send_back
from .drafts import CONG_VAN, SIGNED_AS_TYPED, _normalised, _title, _user
from .numbering import issue_document

__all__ = [
    "personal_signer",
    "problems_before_head",
    "spec_for_draft_id",
    "transition_draft",
]


# --- Before the head, approved, issued ---------------------------------------------


def _symbol(content: dict) -> str:
    """What follows the number: the content's symbol, else the kind's code and the
    issuer's abbreviation ("KH-SKHĐT"), as the renderer prints it (to_spec)."""
    if content["symbol"]:
        return content["symbol"]
    code = KINDS[content["kind"]].type_code if content["kind"] in KINDS else ""
    code = code or code_for_title(content["type_title"])
    issuers = content["issuers"]
    abbreviation = issuers[0]["abbreviation"] if issuers else ""
    return f"{code}-{abbreviation}" if code and abbreviation else ""


def _type_of(content: dict, symbol: str) -> tuple[str, str]:
    """(type code, type name) for the register: a công văn has none (its name
    only); the others take the code their symbol starts with ("KH" of "KH-UBND")."""
    if content["kind"] == CONG_VAN:
        return "", KINDS[CONG_VAN].label
    return symbol.partition("-")[0], ""


def _complete(content: dict) -> list[str]:
    """Every element issuing lacks (the number and date are the register's)."""
    problems = issue_problems(content)
    if not _symbol(content):
        problems.append(_("Số, ký hiệu: thiếu ký hiệu (phần sau dấu “/”)."))
    return problems


def problems_before_head(draft: DraftDocument) -> list[str]:
    """What the text lacks before the head sees it: everything issuing needs but the
    number and the date (the clerk's) and — except a biên bản — the signer (the
    approver's, written at approval)."""
    try:
        content = normalise_content(draft.content)
    except ContentError as exc:
        return list(exc.problems)
    if content.get("kind") not in SIGNED_AS_TYPED:
        signers = list(content.get("signers") or [])
        first = signers[0] if signers else {}
        content["signers"] = [
            {**first, "title": first.get("title") or "…", "name": "…"},
            *signers[1:],
        ]
    return _complete(content)


def _signed(content: dict, draft: DraftDocument) -> dict:
    """The first signer is the approver, as recorded at approval (approval.py):
    under a collective (TM.) his KT./Q./TUQ./TL. becomes the second authority."""
    if content.get("kind") in SIGNED_AS_TYPED:
        return content
    signers = list(content.get("signers") or [])
    first = dict(signers[0]) if signers else {}
    block = {
        "title": draft.signer_title,
        "name": draft.signer_name,
        # Approved drafts have their approver on record (a database CHECK).
        "person_id": draft.approved_by.person_id,
    }
    if first.get("authority") == "TM.":
        block |= {
            "second_authority": draft.signer_authority,
            "second_principal": draft.signer_principal,
        }
    else:
        block |= {
            "authority": draft.signer_authority,
            "principal": draft.signer_principal,
            "second_authority": "",
            "second_principal": "",
        }
    return {**content, "signers": [first | block, *signers[1:]]}


def transition_draft(
    draft: DraftDocument,
    to: str,
    *,
    actor=None,
    issued_on: datetime.date | None = None,
    reason: str = "",
    expected_version: int | None = None,
    check_permission: bool = True,
) -> DraftDocument:
    """The one way a draft changes state (``workflows.DRAFT``).

    Submitting checks the text is complete (:func:`problems_before_head`);
    approving writes the approver and his signer block (services/approval.py);
    returning keeps the reason. Issuing (the clerk) writes the signer block into the
    content, refuses with every missing element (``issue_problems``), takes the
    number from the registry in the same transaction, freezes the content with its
    number and date and queues the DOCX/PDF rendering after commit."""
    lock = lambda query: query.select_related("agency", "approved_by")  # noqa: E731
    if to == DraftState.APPROVED:
        return approve(
            DRAFT, draft, to, actor=actor, agency_of=lambda d: d.agency, lock=lock
        )
    if to == DraftState.RETURNED:
        return send_back(DRAFT, draft, to, actor=actor, reason=reason, lock=lock)
    day = issued_on or timezone.localdate()

    def effect(locked: DraftDocument, move) -> list[str]:
        if move.target != DraftState.ISSUED:
            return []
        content = _signed(_normalised(locked.content), locked)
        problems = _complete(content)
        if problems:
            raise ValidationError(
                [_("Chưa ban hành được, văn bản còn thiếu:"), *problems]
            )
        symbol = _symbol(content)
        type_code, type_name = _type_of(content, symbol)
        signer = content["signers"][0]
        document = issue_document(
            type_code=type_code,
            type_name=type_name,
            symbol=symbol,
            agency=locked.agency,
            issued_on=day,
            summary=_title(content),
            signer_title=signer.get("title", ""),
            signer_name=signer.get("name", ""),
            source_kind="draft",
            source_id=locked.pk,
            actor=actor,
        )
        locked.content = {
            **content,
            "symbol": symbol,
            "number": str(document.number),
            "date": day.isoformat(),
        }
        locked.issued_document = document
        locked.updated_by = _user(actor)
        locked.version += 1
        run_draft_issued(locked, document, actor)
        enqueue_on_commit(task_render_document, document.pk)
        return ["content", "issued_document", "updated_by", "updated_at", "version"]

    def symbol(locked: DraftDocument) -> dict:
        document = locked.issued_document
        return {"symbol": document.symbol} if document else {}

    return DRAFT.transition(
        draft,
        to,
        actor=actor,
        check_permission=check_permission,
        effect=effect,
        data=symbol,
        lock=lock,
        expected_version=expected_version,
    )


# --- The document kind "draft" (apps.py) ---------------------------------------------


def spec_for_draft_id(draft_id: int):
    """The rendering specification of a draft, issued (its number and date) or not
    (blanks for the clerk)."""
    from ..drafting.to_spec import content_spec  # noqa: PLC0415 (the renderer is heavy)

    draft = DraftDocument.objects.select_related("issued_document", "approved_by").get(
        pk=draft_id
    )
    document = draft.issued_document
    if document is None and draft.approved_by_id is not None:
        # Approved, waiting for the number: signed as it will be issued.
        return content_spec(_signed(_normalised(draft.content), draft))
    if document is None:
        return content_spec(draft.content)
    return content_spec(
        draft.content, number=document.number, issue_date=document.issued_on
    )


def personal_signer(draft_id: int) -> PersonalSigner | None:
    """The approver signs the PDF with his own certificate before the agency's seal,
    as he does a decision (the signer block written at approval); a biên bản, signed
    by the meeting's chair and secretary, is sealed only."""
    draft = DraftDocument.objects.select_related("approved_by__person").get(pk=draft_id)
    if draft.kind in SIGNED_AS_TYPED:
        return None
    approver = draft.approved_by
    return PersonalSigner(
        person=approver.person if approver else None,
        name=draft.signer_name,
        title=draft.signer_title,
        user=approver,
    )
