"""Writes on documents written in thidua (models/drafts.py, docs/document-model.md):
create (from a built-in or the agency's template, or empty), import from DOCX, save
the content, keep it as the agency's template, attach files, and move it through
workflows.DRAFT — before the head, approved or returned, numbered and issued by the
clerk through the registry (services/numbering.py) and rendered by the render job as
the document kind ``"draft"`` (apps.py).

Every write is audited in its own transaction; a change to the content checks the
``version`` the user saw (optimistic locking). The content is normalised
(``drafting.content.normalise_content``) and refused with the problems
``validate_content`` names, in Vietnamese, element by element."""

import copy
import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.common.actions import audit_code
from thidua.common.jobs import enqueue_on_commit
from thidua.common.services.audit import log_action
from thidua.common.text import nfc
from thidua.common.uploads import check_attachment
from thidua.eligibility.legal_basis import basis_lines

from ..drafting.content import (
    KINDS,
    ContentError,
    issue_problems,
    normalise_content,
    validate_content,
)
from ..kinds import PersonalSigner
from ..models import DocumentTemplate, DraftAttachment, DraftDocument
from ..models.drafts import EDITABLE, DraftState
from ..tasks import task_render_document
from ..workflows import DRAFT
from .approval import approve, send_back
from .numbering import issue_document

__all__ = [
    "attach_file",
    "create_draft",
    "import_draft",
    "personal_signer",
    "problems_before_head",
    "remove_attachment",
    "save_as_template",
    "save_content",
    "spec_for_draft_id",
    "transition_draft",
]

# Kinds that cite their legal bases (căn cứ) by default.
BASIS_KINDS = ("quyet_dinh", "to_trinh")
# Signed by the meeting's chair and secretary as typed, not by the approving head.
SIGNED_AS_TYPED = ("bien_ban",)
CONG_VAN = "cong_van"


def _refuse(problems) -> ValidationError:
    return ValidationError(list(problems) or [_("Nội dung văn bản không hợp lệ.")])


def _normalised(content) -> dict:
    """The content normalised, or the problems of a shape it cannot read."""
    try:
        return normalise_content(content)
    except ContentError as exc:
        raise _refuse(exc.problems) from None


def _checked(content) -> dict:
    """Normalised and fit to save (incomplete is fine, a broken shape is not)."""
    content = _normalised(content)
    problems = validate_content(content)
    if problems:
        raise _refuse(problems)
    return content


def _issuer(agency) -> dict:
    parent = agency.parent
    return {
        "parent": parent.name if parent is not None else "",
        "name": agency.name,
        "abbreviation": agency.abbreviation,
    }


def _default_symbol(kind: str, agency) -> str:
    """ "KH-SKHĐT" (the kind's Phụ lục III code and the agency's abbreviation); a
    công văn starts with the agency's ("SKHĐT", the unit's is added: "SKHĐT-VP");
    "khác" with nothing."""
    code = KINDS[kind].type_code
    if code:
        return f"{code}-{agency.abbreviation}" if agency.abbreviation else code
    return agency.abbreviation if kind == CONG_VAN else ""


def _from_agency(content: dict, agency, *, day: datetime.date, force: bool) -> dict:
    """The issuing body, place, symbol and bases a new document of ``agency`` starts
    with. ``force``: the first issuer is the agency's even when the content names
    another (a template); otherwise only what is missing is filled (an import)."""
    content = copy.deepcopy(content)
    issuers = list(content.get("issuers") or [])
    if force or not issuers or not (issuers[0] or {}).get("name"):
        content["issuers"] = [_issuer(agency), *issuers[1:]]
    if agency.place_name and (force or not content.get("place")):
        content["place"] = agency.place_name
    kind = content.get("kind", "")
    if not content.get("symbol") and kind in KINDS:
        content["symbol"] = _default_symbol(kind, agency)
    if kind in BASIS_KINDS and not content.get("bases"):
        content["bases"] = list(basis_lines(day))
    return content


def _title(content: dict) -> str:
    return (content.get("trich_yeu") or "")[:500]


def _log(draft, action: str, actor, **kwargs) -> None:
    log_action(draft, action, actor=actor, agency_id=draft.agency_id, **kwargs)


def _user(actor):
    return actor if actor is not None and actor.is_authenticated else None


def _check_movement(movement, agency) -> None:
    if movement is not None and movement.launcher_id != agency.pk:
        raise ValidationError(
            {"movement": [_("Phong trào không do cơ quan này phát động.")]}
        )


# --- Create -----------------------------------------------------------------------


def _builtin(code: str):
    from ..drafting.templates import builtin_template  # noqa: PLC0415 (reads the JSON files)

    try:
        return builtin_template(code)
    except LookupError:
        raise ValidationError(
            {"template": [_("Không có mẫu văn bản “%(code)s”.") % {"code": code}]}
        ) from None


def create_draft(
    *,
    agency,
    kind: str = "",
    template_code: str = "",
    template: DocumentTemplate | None = None,
    content: dict | None = None,
    movement=None,
    actor=None,
    day: datetime.date | None = None,
) -> DraftDocument:
    """A new draft of ``agency``: from a built-in template (``template_code``), one
    of the agency's own (``template``), or empty for ``kind``. The issuer, the place,
    the symbol and — for a decision or a tờ trình — the legal bases in force on
    ``day`` (today) come from the agency. ``content`` starts it from a text an app
    built (a movement's launch plan from the movement's data, movements/drafting.py).
    Audited as ``documents.draft_create``."""
    if bool(template_code) + (template is not None) + (content is not None) > 1:
        raise ValidationError(_("Chọn một mẫu văn bản, không chọn hai."))
    if template is not None and template.agency_id != agency.pk:
        raise ValidationError({"template": [_("Mẫu văn bản không thuộc cơ quan này.")]})
    if template_code:
        start = _builtin(template_code)
        kind, base = start.kind, start.content
    elif template is not None:
        kind, base = template.kind, template.content
    elif content is not None:
        kind, base = _normalised(content)["kind"], content
    else:
        if kind not in KINDS:
            raise ValidationError(
                {"kind": [_("Loại văn bản “%(kind)s” không có.") % {"kind": kind}]}
            )
        base = {}
    _check_movement(movement, agency)
    content = _from_agency(
        {**copy.deepcopy(base), "version": 1, "kind": kind},
        agency,
        day=day or timezone.localdate(),
        force=True,
    )
    content = _checked(content)
    draft = DraftDocument(
        agency=agency,
        kind=content["kind"],
        title=_title(content),
        content=content,
        template_code=template_code,
        template=template,
        movement=movement,
        created_by=_user(actor),
        updated_by=_user(actor),
    )
    with transaction.atomic():
        draft.save()
        _log(
            draft,
            audit_code("documents.draft_create"),
            actor,
            data={
                "kind": draft.kind,
                "template": template_code or (template.name if template else ""),
                "movement": movement.pk if movement is not None else None,
            },
        )
    return draft


def import_draft(
    data: bytes, *, agency, actor=None, file_name: str = ""
) -> tuple[DraftDocument, list[str]]:
    """A new draft of ``agency`` read from a DOCX file, and the lines the import could
    not place. A file that is not a readable DOCX is refused with the reason
    (ValidationError, nothing created). Audited as ``documents.draft_import``."""
    from ..drafting.docx_import import DocxImportError, import_docx  # noqa: PLC0415 (python-docx is heavy)

    limit = settings.THIDUA_MAX_UPLOAD_BYTES
    if len(data) > limit:
        raise ValidationError(
            _("Tệp DOCX quá lớn (%(size)s), tối đa %(max)s.")
            % {"size": filesizeformat(len(data)), "max": filesizeformat(limit)}
        )
    try:
        result = import_docx(data)
    except DocxImportError as exc:
        raise ValidationError(exc.message) from None
    content = _normalised(result.content)
    content = _from_agency(
        # A text whose kind the import could not tell is a "văn bản khác".
        {**content, "kind": content["kind"] or "khac"},
        agency,
        day=timezone.localdate(),
        force=False,
    )
    content = _checked(content)
    unplaced = [nfc(line) for line in result.unplaced]
    draft = DraftDocument(
        agency=agency,
        kind=content["kind"],
        title=_title(content),
        content=content,
        created_by=_user(actor),
        updated_by=_user(actor),
    )
    with transaction.atomic():
        draft.save()
        _log(
            draft,
            audit_code("documents.draft_import"),
            actor,
            data={
                "kind": draft.kind,
                "file_name": nfc(file_name),
                "unplaced": len(unplaced),
            },
        )
    return draft, unplaced


# --- Edit -------------------------------------------------------------------------


def _lock_editable(draft: DraftDocument, expected_version: int | None):
    locked = DraftDocument.objects.select_for_update().get(pk=draft.pk)
    if locked.state == DraftState.ISSUED:
        raise ValidationError(
            _("Văn bản đã ban hành không được sửa; hãy soạn văn bản đính chính mới.")
        )
    if locked.state not in EDITABLE:
        # Before the head, or approved: the text he signs is the one he read.
        raise ValidationError(
            _(
                "Văn bản đang trình thủ trưởng hoặc đã được duyệt: không sửa được; "
                "cần sửa thì đề nghị thủ trưởng trả lại."
            )
        )
    if expected_version is not None and locked.version != expected_version:
        raise ValidationError(
            _("Văn bản đã được người khác cập nhật. Hãy tải lại trang."),
            code="stale",
        )
    return locked


def _with_attachments(content: dict, attachments) -> dict:
    """``content["attachments"]`` lists exactly the draft's files: the content's
    order first, then the files it does not name."""
    files = {a.original_name: a.pk for a in attachments}
    order = [
        entry["name"]
        for entry in content.get("attachments") or []
        if isinstance(entry, dict) and entry.get("name") in files
    ]
    order += [name for name in files if name not in order]
    return {
        **content,
        "attachments": [{"name": name, "id": files[name]} for name in order],
    }


def _store(locked: DraftDocument, content: dict, actor) -> None:
    locked.content = content
    locked.title = _title(content)
    locked.kind = content["kind"]
    locked.updated_by = _user(actor)
    locked.version += 1
    locked.save(
        update_fields=[
            "content",
            "title",
            "kind",
            "updated_by",
            "updated_at",
            "version",
        ]
    )


def save_content(
    draft: DraftDocument,
    content: dict,
    *,
    actor=None,
    expected_version: int | None = None,
) -> DraftDocument:
    """Replace the draft's content while it is the office's (a draft, or returned).
    Refused, with every problem named, when its shape is broken; incomplete content
    is kept (issuing checks completeness). Audited as ``documents.draft_save`` with
    the top-level elements that changed."""
    with transaction.atomic():
        locked = _lock_editable(draft, expected_version)
        new = _with_attachments(_checked(content), locked.attachments.all())
        before = locked.content
        changed = sorted(
            key for key in {*before, *new} if before.get(key) != new.get(key)
        )
        if not changed:
            return locked
        title_before = locked.title
        _store(locked, new, actor)
        _log(
            locked,
            audit_code("documents.draft_save"),
            actor,
            changes=(
                {"title": [title_before, locked.title]}
                if title_before != locked.title
                else {}
            ),
            data={"elements": changed, "version": locked.version},
        )
    return locked


def save_as_template(draft: DraftDocument, name: str, *, actor=None):
    """Keep the draft's content as one of its agency's templates, without what
    belongs to one document only (number, date, files). Audited as
    ``documents.draft_template_save``."""
    name = nfc(name.strip())
    if not name:
        raise ValidationError({"name": [_("Phải đặt tên mẫu văn bản.")]})
    content = {
        **copy.deepcopy(draft.content),
        "number": "",
        "date": None,
        "attachments": [],
    }
    template = DocumentTemplate(
        agency_id=draft.agency_id,
        kind=draft.kind,
        name=name,
        content=_checked(content),
        created_by=_user(actor),
    )
    try:
        with transaction.atomic():
            template.save()
            log_action(
                template,
                "documents.draft_template_save",
                actor=actor,
                agency_id=draft.agency_id,
                data={"name": name, "kind": draft.kind, "draft": draft.pk},
            )
    except IntegrityError:
        raise ValidationError(
            {"name": [_("Cơ quan đã có mẫu văn bản tên “%(n)s”.") % {"n": name}]}
        ) from None
    return template


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


# --- Before the head, approved, issued ---------------------------------------------


def _symbol(content: dict) -> str:
    """What follows the number: the content's symbol, else the kind's code and the
    issuer's abbreviation ("KH-SKHĐT"), as the renderer prints it (to_spec)."""
    if content["symbol"]:
        return content["symbol"]
    code = KINDS[content["kind"]].type_code if content["kind"] in KINDS else ""
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
