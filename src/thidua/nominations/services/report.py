"""The structured achievement report (báo cáo thành tích) of a nomination: saving the
form, rendering it (DOCX, PDF) and filing the PDF as the dossier's report."""

import hashlib
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from thidua.common.services.audit import diff, log_action
from thidua.common.text import nfc

from ..enums import AttachmentKind, NominationState
from ..models import AchievementReport, Nomination, NominationAttachment
from ..selectors import report_for
from .nomination import STALE, can_propose, take_out_attachment

__all__ = [
    "EDITABLE_STATES",
    "generate_report_file",
    "report_docx_bytes",
    "report_file_name",
    "save_report",
]

EDITABLE_STATES = (NominationState.DRAFT, NominationState.RETURNED)
_REQUIRED = {
    False: ("hometown", "residence", "duties", "achievements"),
    True: ("address", "functions", "achievements"),
}
_LONG_TEXT_LIMIT = 30000
_PHONE = re.compile(r"^[0-9+().\- ]{6,40}$")


def _clean_long(value: str) -> str:
    """NFC line by line; paragraphs (blank lines) kept, runs of blank lines folded."""
    lines = [nfc(line) for line in str(value or "").splitlines()]
    text = "\n".join(lines).strip()
    return re.sub(r"\n{3,}", "\n\n", text)


def _clean(report: AchievementReport, data: dict) -> dict:
    """The form's values for the subject's kind, normalised; every problem named by
    its field."""
    cleaned, errors = {}, {}
    for name in report.fields:
        field = AchievementReport._meta.get_field(name)
        raw = data.get(name, "")
        value = (
            _clean_long(raw) if field.get_internal_type() == "TextField" else nfc(raw)
        )
        label = str(field.verbose_name)
        if field.max_length and len(value) > field.max_length:
            errors[name] = [
                _("%(field)s: tối đa %(n)s ký tự.")
                % {"field": label.capitalize(), "n": field.max_length}
            ]
        elif len(value) > _LONG_TEXT_LIMIT:
            errors[name] = [
                _("%(field)s: tối đa %(n)s ký tự.")
                % {
                    "field": label.capitalize(),
                    "n": f"{_LONG_TEXT_LIMIT:,}".replace(",", "."),
                }
            ]
        elif not value and name in _REQUIRED[report.is_collective]:
            errors[name] = [_("Chưa ghi %(field)s.") % {"field": label}]
        elif name == "phone" and value and not _PHONE.match(value):
            errors[name] = [_("Số điện thoại không hợp lệ.")]
        cleaned[name] = value
    if errors:
        raise ValidationError(errors)
    return cleaned


def _check_may_edit(nomination: Nomination, actor) -> Nomination:
    """Locks the nomination; the unit edits its report only in nhap/tra_lai."""
    if actor is not None and not can_propose(actor, nomination.proposing_unit):
        raise PermissionDenied
    locked = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if locked.state not in EDITABLE_STATES:
        raise ValidationError(_("Hồ sơ đã gửi, không sửa báo cáo thành tích được nữa."))
    return locked


def save_report(
    nomination: Nomination, data: dict, *, actor=None, expected_version=None
) -> AchievementReport:
    """Creates or updates the report from the form's ``data`` (only the fields of the
    subject's kind), while the unit may edit, by who may propose; audited.

    ``expected_version`` is the version the form was loaded with (0 for a report not
    yet saved); a different current version means someone else saved meanwhile."""
    with transaction.atomic():
        locked = _check_may_edit(nomination, actor)
        report = (
            AchievementReport.objects.select_for_update()
            .filter(nomination=locked)
            .first()
        )
        current = report.version if report else 0
        if expected_version is not None and int(expected_version) != current:
            raise ValidationError(STALE, code="stale")
        if report is None:
            report = report_for(locked)
        cleaned = _clean(report, data)
        before = {name: getattr(report, name) for name in cleaned}
        for name, value in cleaned.items():
            setattr(report, name, value)
        report.version = current + 1
        report.updated_by = (
            actor if actor is not None and actor.is_authenticated else None
        )
        report.save()
        log_action(
            locked,
            "nominations.report_save",
            actor=actor,
            agency_id=locked.proposing_unit_id,
            changes=diff(before, cleaned),
            data={"template": report.template, "version": report.version},
        )
    return report


def report_file_name(nomination: Nomination, ext: str) -> str:

    subject = slugify(str(nomination.subject).replace("đ", "d").replace("Đ", "D"))
    return f"bao-cao-thanh-tich-{subject or nomination.pk}.{ext}"


def report_docx_bytes(nomination: Nomination) -> bytes:
    """The DOCX of the report as it stands (the draft the unit may edit in Word)."""
    from ..report_docx import build_report_docx  # noqa: PLC0415 (python-docx on demand)

    return build_report_docx(nomination, report_for(nomination))


def generate_report_file(nomination: Nomination, *, actor=None) -> NominationAttachment:
    """Renders the saved report to PDF (LibreOffice) and files it as the nomination's
    báo cáo thành tích, replacing the previous generated file; uploaded reports stay.

    The PDF is rendered before the transaction (1–2 s) and the state is checked again
    under lock before it is filed."""
    from thidua.documents.rendering import docx_to_pdf  # noqa: PLC0415 (heavy: python-docx and LibreOffice glue)

    if actor is not None and not can_propose(actor, nomination.proposing_unit):
        raise PermissionDenied
    try:
        nomination.report  # noqa: B018 (a saved report is required)
    except AchievementReport.DoesNotExist:
        raise ValidationError(
            _("Chưa soạn báo cáo thành tích: hãy soạn và lưu báo cáo trước.")
        ) from None
    pdf = docx_to_pdf(report_docx_bytes(nomination))
    digest = hashlib.sha256(pdf).hexdigest()
    name = report_file_name(nomination, "pdf")
    with transaction.atomic():
        locked = _check_may_edit(nomination, actor)
        report = AchievementReport.objects.select_for_update().get(nomination=locked)
        previous = report.generated_file
        attachment = NominationAttachment(
            nomination=locked, kind=AttachmentKind.REPORT, name=name, sha256=digest
        )
        attachment.file.save(name, ContentFile(pdf), save=False)
        attachment.save()
        report.generated_file = attachment
        report.save(update_fields=["generated_file"])
        replaced = None
        if previous is not None:
            replaced = previous.sha256
            # Deleted (its stored file once the new one is filed for good), or kept
            # and marked withdrawn when it was part of a sent dossier.
            take_out_attachment(previous, actor)
        log_action(
            locked,
            "nominations.report_generate",
            actor=actor,
            agency_id=locked.proposing_unit_id,
            data={
                "name": name,
                "sha256": digest,
                "template": report.template,
                "version": report.version,
                "replaced": replaced,
            },
        )
    return attachment
