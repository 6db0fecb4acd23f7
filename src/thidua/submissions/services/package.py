"""The dossier package of a tờ trình: a ZIP with ``manifest.json`` (format in
docs/submissions.md), exported for a higher agency on another installation and imported
there — checked whole before anything is written."""

import datetime
import hashlib
import io
import json
import posixpath
import zipfile

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from thidua.common.awards import AWARD_CODES, AwardType
from thidua.common.excel import row
from thidua.common.services.audit import log_action
from thidua.common.text import nfc, nfc_data, nfc_text, nul_path
from thidua.common.zips import GuardedZip, ZipRefused
from thidua.councils.models import Meeting, PaperCouncilResult
from thidua.documents.models import IssuedDocument
from thidua.nominations.selectors.unit_files import dossier_file

from ..enums import SubmissionState
from ..models import Submission, SubmissionItem
from ..rules import is_receiving_office

__all__ = ["FORMAT", "VERSION", "build_package", "import_package", "package_file"]

FORMAT = "thidua.to-trinh"
VERSION = 1
CODES = {code for code, _label in AWARD_CODES}


def _minutes_documents(submission: Submission):
    """The biên bản (minutes and tally) of every council meeting that put one of the
    tờ trình's nominations to the vote."""
    nomination_ids = [
        i.nomination_id for i in submission.items.all() if i.nomination_id
    ]
    linked = Meeting.objects.filter(
        agenda_items__nomination__in=nomination_ids
    ).values_list("minutes_document_id", "tally_document_id")
    return IssuedDocument.objects.filter(
        pk__in={pk for pair in linked for pk in pair if pk},
        status=IssuedDocument.Status.READY,
    ).order_by("issued_on", "number")


def _list_workbook(submission: Submission) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    sheet.append(
        row(
            [
                _("STT"),
                _("Họ và tên / Tên tập thể"),
                _("Chức vụ, đơn vị"),
                _("Danh hiệu, hình thức đề nghị"),
                _("Năm thành tích"),
            ]
        )
    )
    for item in submission.items.all():
        sheet.append(
            row(
                [
                    item.position,
                    item.subject_name,
                    item.subject_detail,
                    item.get_code_display(),
                    item.year,
                ]
            )
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _entry(zf: zipfile.ZipFile, path: str, data: bytes, role: str, **extra) -> dict:
    zf.writestr(path, data)
    return {
        "path": path,
        "role": role,
        "sha256": hashlib.sha256(data).hexdigest(),
        "size": len(data),
        **extra,
    }


def build_package(submission: Submission) -> bytes:
    """The ZIP for the higher agency: tờ trình, council minutes, the list (XLSX), and
    each nominee's dossier files. An imported package is handed on as received."""
    if submission.document_id is None:
        with submission.package.open("rb") as stored:
            return stored.read()
    document = submission.document
    if not document.pdf:
        raise ValidationError(_("Tờ trình đang được tạo tệp, vui lòng thử lại sau."))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        with document.pdf.open("rb") as f:
            files = [_entry(zf, "to-trinh.pdf", f.read(), "to_trinh")]
        for minutes in _minutes_documents(submission):
            with minutes.pdf.open("rb") as f:
                name = f"bien-ban/{minutes.symbol.replace('/', '_')}.pdf"
                files.append(_entry(zf, name, f.read(), "bien_ban"))
        # A council that met on paper: its signed biên bản, marked as such.
        for paper in PaperCouncilResult.objects.filter(
            nomination__in=[i.nomination_id for i in submission.items.all()]
        ).order_by("nomination_id"):
            with paper.minutes_file.open("rb") as f:
                ext = posixpath.splitext(paper.minutes_name)[1].lower()[:6]
                name = f"bien-ban/giay-{paper.nomination_id}{ext}"
                files.append(
                    _entry(zf, name, f.read(), "bien_ban", source="bien_ban_giay")
                )
        files.append(
            _entry(zf, "danh-sach.xlsx", _list_workbook(submission), "danh_sach")
        )
        items = []
        for item in submission.items.select_related("nomination"):
            item_files = []
            for n, entry in enumerate(item.files):
                found = package_file(item, n)
                if found is None:
                    raise ValidationError(
                        _("%(i)s: thiếu tệp “%(f)s” của hồ sơ.")
                        % {"i": item, "f": entry.get("name")}
                    )
                name, data = found
                ext = posixpath.splitext(name)[1].lower()[:6]
                item_files.append(
                    _entry(
                        zf,
                        f"ho-so/{item.position:03d}/{n + 1:02d}-{entry.get('kind')}{ext}",
                        data,
                        "ho_so",
                        kind=entry.get("kind", ""),
                        name=name,
                    )
                )
            items.append(
                {
                    "position": item.position,
                    "subject_name": item.subject_name,
                    "subject_detail": item.subject_detail,
                    "is_collective": item.is_collective,
                    "code": item.code,
                    "award_type": item.award_type,
                    "year": item.year,
                    "achievement": item.achievement,
                    "appraisal": item.appraisal,
                    "files": item_files,
                }
            )
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": timezone.localtime().isoformat(timespec="seconds"),
            "from": {"code": submission.from_agency.code, "name": submission.from_name},
            "to": {
                "code": submission.to_agency.code,
                "name": submission.to_agency.name,
            },
            "document": {
                "symbol": document.symbol,
                "issued_on": document.issued_on.isoformat(),
                "summary": submission.summary,
                # The signer block as printed: "KT." / "TUQ." / "TL." / "Q." and
                # the head's title it signs for (empty when the head signs).
                "signer_authority": submission.signer_authority,
                "signer_principal": submission.signer_principal,
                "signer_title": submission.signer_title,
                "signer_name": submission.signer_name,
            },
            "files": files,
            "items": items,
        }
        zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
    return out.getvalue()


# -- import ---------------------------------------------------------------------------


def _open_zip(data: bytes) -> GuardedZip:
    """The package, its table of contents checked (names, and the limits of
    common/zips.py); every read from it is counted against THIDUA_MAX_UNZIPPED_BYTES."""
    if not data.startswith(b"PK"):
        raise ValidationError({"package": [_("Tệp không phải gói hồ sơ ZIP.")]})
    try:
        zf = GuardedZip(io.BytesIO(data), archive_size=len(data))
    except ZipRefused as exc:
        raise _refused(exc) from None
    for info in zf.infolist():
        name = info.filename
        if (
            name.startswith("/")
            or "\\" in name
            or ".." in name.split("/")
            or info.flag_bits & 0x1
        ):
            raise ValidationError(
                {"package": [_("Tên tệp trong gói không hợp lệ: %(n)s") % {"n": name}]}
            )
    return zf


def _refused(exc: ZipRefused) -> ValidationError:
    return ValidationError({"package": [exc.message(_("Gói hồ sơ"))]})


def _text(
    value, where: str, problems: list, *, required=True, limit=500, paragraphs=False
) -> str:
    if value is None or value == "":
        if required:
            problems.append(_("%(w)s: thiếu dữ liệu.") % {"w": where})
        return ""
    if not isinstance(value, str) or len(value) > limit:
        problems.append(
            _("%(w)s: phải là chuỗi không quá %(n)s ký tự.") % {"w": where, "n": limit}
        )
        return ""
    return nfc_text(value) if paragraphs else nfc(value)


def _check_file(zf, names, entry, where, problems) -> dict | None:
    if not isinstance(entry, dict) or entry.get("path") not in names:
        problems.append(_("%(w)s: tệp không có trong gói.") % {"w": where})
        return None
    data = zf.read(entry["path"])
    if hashlib.sha256(data).hexdigest() != entry.get("sha256"):
        problems.append(
            _("%(w)s (%(p)s): mã SHA-256 không khớp, tệp đã bị thay đổi.")
            % {"w": where, "p": entry["path"]}
        )
        return None
    return {
        "path": nfc_data(entry["path"]),
        "sha256": entry["sha256"],
        "kind": nfc(str(entry.get("kind", ""))),
        "name": nfc(str(entry.get("name", "")))[:200],
    }


def _parse(zf: GuardedZip) -> tuple[dict, list[dict], list[str]]:
    names = set(zf.namelist())
    if "manifest.json" not in names:
        raise ValidationError({"package": [_("Gói thiếu tệp manifest.json.")]})
    try:
        manifest = json.loads(zf.read("manifest.json").decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ValidationError(
            {"package": [_("manifest.json không phải JSON hợp lệ.")]}
        ) from None
    if (where := nul_path(manifest)) is not None:
        raise ValidationError(
            {"package": [f"manifest.json {where}: " + _("không được chứa ký tự NUL")]}
        )
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ValidationError(
            {"package": [_("Gói không phải hồ sơ tờ trình của thidua.")]}
        )
    if manifest.get("version") != VERSION:
        raise ValidationError(
            {
                "package": [
                    _("Phiên bản gói %(v)s chưa được hỗ trợ.")
                    % {"v": manifest.get("version")}
                ]
            }
        )
    problems: list[str] = []
    sender = manifest.get("from") if isinstance(manifest.get("from"), dict) else {}
    doc = manifest.get("document") if isinstance(manifest.get("document"), dict) else {}
    head = {
        "from_name": _text(sender.get("name"), "from.name", problems, limit=255),
        "external_symbol": _text(
            doc.get("symbol"), "document.symbol", problems, limit=60
        ),
        "summary": _text(doc.get("summary"), "document.summary", problems),
        "signer_title": _text(
            doc.get("signer_title"), "document.signer_title", problems, limit=160
        ),
        "signer_name": _text(
            doc.get("signer_name"), "document.signer_name", problems, limit=120
        ),
        # Absent from packages made before the head's approval step: the head signed.
        "signer_authority": _text(
            doc.get("signer_authority"),
            "document.signer_authority",
            problems,
            required=False,
            limit=8,
        ),
        "signer_principal": _text(
            doc.get("signer_principal"),
            "document.signer_principal",
            problems,
            required=False,
            limit=160,
        ),
    }
    try:
        head["external_date"] = datetime.date.fromisoformat(str(doc.get("issued_on")))
    except ValueError:
        problems.append(_("document.issued_on: ngày không hợp lệ (YYYY-MM-DD)."))
    for n, entry in enumerate(manifest.get("files") or [], start=1):
        _check_file(zf, names, entry, f"files[{n}]", problems)
    raw_items = manifest.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        problems.append(_("items: gói không có đối tượng đề nghị nào."))
        raw_items = []
    items = []
    for n, raw in enumerate(raw_items, start=1):
        where = _("Đối tượng %(n)s") % {"n": n}
        if not isinstance(raw, dict):
            problems.append(_("%(w)s: dữ liệu không hợp lệ.") % {"w": where})
            continue
        code, year = raw.get("code"), raw.get("year")
        if code not in CODES:
            problems.append(
                _("%(w)s: mã danh hiệu “%(c)s” không hợp lệ.") % {"w": where, "c": code}
            )
        if not isinstance(year, int) or not 1945 <= year <= 2100:
            problems.append(_("%(w)s: năm thành tích không hợp lệ.") % {"w": where})
        award_type = raw.get("award_type") or AwardType.CONG_TRANG
        if award_type not in AwardType.values:
            problems.append(
                _("%(w)s: loại hình khen thưởng không hợp lệ.") % {"w": where}
            )
        files = [
            _check_file(zf, names, f, f"{where}, tệp {k}", problems)
            for k, f in enumerate(raw.get("files") or [], start=1)
        ]
        items.append(
            {
                "position": n,
                "subject_name": _text(
                    raw.get("subject_name"), where, problems, limit=255
                ),
                "subject_detail": _text(
                    raw.get("subject_detail"), where, problems, required=False
                ),
                "is_collective": bool(raw.get("is_collective")),
                "code": code,
                "year": year,
                "award_type": award_type,
                "achievement": _text(
                    raw.get("achievement"),
                    where,
                    problems,
                    required=False,
                    limit=20_000,
                    paragraphs=True,
                ),
                "appraisal": _text(
                    raw.get("appraisal"),
                    where,
                    problems,
                    required=False,
                    limit=20_000,
                    paragraphs=True,
                ),
                "files": [f for f in files if f],
            }
        )
    return head, items, problems


def import_package(upload, *, to_agency, actor=None) -> Submission:
    """Check the whole package (structure, manifest, every file's SHA-256), then write
    the submission into ``to_agency``'s inbox in one transaction. Importing the same
    package again gives back the submission already made."""
    scopes_ok = actor is None or is_receiving_office(
        actor, Submission(to_agency=to_agency)
    )
    if not scopes_ok:
        raise PermissionDenied
    limit = settings.THIDUA_MAX_PACKAGE_BYTES
    if upload.size > limit:
        raise ValidationError(
            {
                "package": [
                    _("Gói quá lớn (%(s)s), tối đa %(m)s.")
                    % {"s": filesizeformat(upload.size), "m": filesizeformat(limit)}
                ]
            }
        )
    data = b"".join(upload.chunks())
    digest = hashlib.sha256(data).hexdigest()
    existing = Submission.objects.filter(
        to_agency=to_agency, package_sha256=digest
    ).first()
    if existing is not None:
        return existing
    with _open_zip(data) as zf:
        try:
            head, items, problems = _parse(zf)
        except ZipRefused as exc:
            raise _refused(exc) from None
    if problems:
        raise ValidationError([_("Gói hồ sơ không hợp lệ, chưa nhập gì:"), *problems])
    with transaction.atomic():
        submission = Submission(
            to_agency=to_agency,
            package_sha256=digest,
            submitted_by=actor if actor and actor.is_authenticated else None,
            # Received as sent: approved and numbered at the sender's.
            state=SubmissionState.ISSUED,
            **head,
        )
        submission.package.save(f"{digest[:16]}.zip", ContentFile(data), save=False)
        try:
            with transaction.atomic():
                submission.save()
        except IntegrityError:  # the same package imported at the same moment
            return Submission.objects.get(to_agency=to_agency, package_sha256=digest)
        SubmissionItem.objects.bulk_create(
            SubmissionItem(submission=submission, **item) for item in items
        )
        log_action(
            submission,
            "submissions.import",
            actor=actor,
            agency_id=to_agency.pk,
            data={
                "symbol": submission.external_symbol,
                "from": submission.from_name,
                "items": len(items),
                "sha256": digest,
            },
        )
    return submission


def package_file(item: SubmissionItem, index: int) -> tuple[str, bytes] | None:
    """(name, bytes) of one dossier file of an item: from the local nomination, or from
    the stored package of the imported tờ trình the item came from."""
    try:
        entry = item.files[index]
    except (IndexError, TypeError):
        return None
    if item.nomination_id:
        attachment = dossier_file(item.nomination, entry.get("sha256"))
        if attachment is None:
            return None
        with attachment.file.open("rb") as f:
            return attachment.name, f.read()
    origin = item
    while origin.source_id is not None:
        origin = origin.source
    package = origin.submission.package
    if not package or "path" not in entry:
        return None
    with package.open("rb") as stored, GuardedZip(stored) as zf:
        # The path is stored in NFC; the archive may spell it otherwise.
        wanted = nfc_data(entry["path"])
        path = next((n for n in zf.namelist() if nfc_data(n) == wanted), None)
        if path is None:
            return None
        return entry.get("name") or posixpath.basename(path), zf.read(path)
