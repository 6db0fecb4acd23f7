"""Writes on documents written in thidua (models/drafts.py, docs/document-model.md):
create (from a built-in or the agency's template, or empty), import from DOCX, save
the content, keep it as the agency's template. Files attached: draft_files.py; the
way through workflows.DRAFT to the register: draft_issue.py.

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
from thidua.common.services.audit import log_action
from thidua.common.text import nfc
from thidua.eligibility.legal_basis import basis_lines

from ..drafting.content import KINDS, ContentError, normalise_content
from ..drafting.validation import validate_content
from ..models import DocumentTemplate, DraftDocument
from ..models.drafts import EDITABLE, DraftState

__all__ = [
    "create_draft",
    "import_draft",
    "save_as_template",
    "save_content",
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
