"""Biên bản họp Hội đồng: numbered in the council's own series (BB), rendered through the
NĐ 30 pipeline, signed by the chair (chủ tọa) and the secretary (thư ký); issued together
with the biên bản kiểm phiếu (:mod:`.tally`)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.common.jobs import enqueue_on_commit
from thidua.common.services.audit import log_action
from thidua.documents.models import IssuedDocument
from thidua.documents.rendering import Document, Issuer, Paragraph, Signer, Table
from thidua.documents.services.numbering import issue_document
from thidua.documents.tasks import task_render_document

from .enums import MeetingState
from .models import Meeting
from .selectors import seated_members
from .tally import KIND as TALLY_KIND

__all__ = ["issue_minutes", "minutes_document", "minutes_spec", "spec_for_meeting_id"]

KIND = "council_minutes"


def minutes_document(meeting: Meeting) -> IssuedDocument | None:
    return IssuedDocument.objects.filter(source_kind=KIND, source_id=meeting.pk).first()


def _officers(meeting: Meeting):
    day = timezone.localtime(meeting.scheduled_at).date()
    seated = list(seated_members(meeting.council, on=day).select_related("person"))
    chair = next((m for m in seated if m.role == "chu_tich"), None)
    secretary = next((m for m in seated if m.role == "thu_ky"), None)
    return seated, chair, secretary


def issue_minutes(meeting: Meeting, *, actor=None) -> IssuedDocument:
    """Once the meeting is closed: take the council's next BB number and queue the files."""
    if meeting.state != MeetingState.CLOSED:
        raise ValidationError(_("Chỉ lập biên bản sau khi bế mạc phiên họp."))
    _seated, chair, _secretary = _officers(meeting)
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if minutes_document(locked):
            raise ValidationError(_("Phiên họp đã có biên bản."))
        document = issue_document(
            type_code="BB",
            council=locked.council,
            issued_on=timezone.localtime(locked.closed_at).date(),
            summary=_("Họp Hội đồng: %(t)s") % {"t": locked.title},
            signer_title=_("Chủ tọa"),
            signer_name=chair.person.full_name if chair else "",
            source_kind=KIND,
            source_id=locked.pk,
            actor=actor,
        )
        # The count of the ballots gets its own biên bản, next number of the series.
        tally = issue_document(
            type_code="BB",
            council=locked.council,
            issued_on=timezone.localtime(locked.closed_at).date(),
            summary=_("Kiểm phiếu: %(t)s") % {"t": locked.title},
            signer_title=_("Chủ tọa"),
            signer_name=chair.person.full_name if chair else "",
            source_kind=TALLY_KIND,
            source_id=locked.pk,
            actor=actor,
        )
        log_action(
            locked,
            "councils.minutes",
            actor=actor,
            agency_id=locked.council.agency_id,
            data={"symbol": document.symbol, "tally": tally.symbol},
        )

        enqueue_on_commit(task_render_document, document.pk)
        enqueue_on_commit(task_render_document, tally.pk)
    return document


def minutes_spec(meeting: Meeting) -> Document:
    document = minutes_document(meeting)
    seated, chair, secretary = _officers(meeting)
    attendance = {a.member_id: a for a in meeting.attendances.all()}
    present = [m for m in seated if attendance.get(m.pk) and attendance[m.pk].present]
    written = [
        m
        for m in seated
        if attendance.get(m.pk)
        and not attendance[m.pk].present
        and attendance[m.pk].written_vote_allowed
    ]
    absent = [m for m in seated if m not in present and m not in written]
    start = timezone.localtime(meeting.opened_at or meeting.scheduled_at)
    end = timezone.localtime(meeting.closed_at) if meeting.closed_at else start

    def names(members):
        return ", ".join(m.person.full_name for m in members) or "không"

    rows = []
    for item in meeting.agenda_items.select_related("ballot__result").order_by(
        "position"
    ):
        result = getattr(getattr(item, "ballot", None), "result", None)
        if result is None:
            rows.append(
                (str(item.position), item.label, "–", "–", "–", "Chưa bỏ phiếu")
            )
            continue
        share = f"{result.yes}/{result.roster_size}"
        rows.append(
            (
                str(item.position),
                item.label,
                str(result.roster_size),
                share,
                str(result.no),
                ("Thông qua" if result.passed else "Không thông qua")
                + f" ({result.rule})",
            )
        )
    recusals = [
        f"{r.member.person.full_name} không bỏ phiếu nội dung {r.agenda_item.position} "
        f"({r.reason})"
        for item in meeting.agenda_items.all()
        for r in item.recusals.select_related("member__person", "agenda_item")
    ]
    opening = (
        f"Thời gian: bắt đầu lúc {start:%H} giờ {start:%M} phút, ngày {start:%d/%m/%Y}."
        + (f" Địa điểm: {meeting.location}." if meeting.location else ""),
        f"Thành phần: {len(seated)} thành viên Hội đồng; có mặt {len(present)} "
        f"({names(present)}); vắng có phiếu bằng văn bản {len(written)} ({names(written)}); "
        f"vắng {len(absent)} ({names(absent)}).",
        f"Chủ tọa: {chair.person.full_name if chair else '…'}; thư ký: "
        f"{secretary.person.full_name if secretary else '…'}.",
        "Hội đồng xem xét các hồ sơ đề nghị khen thưởng và biểu quyết bằng phiếu kín. "
        "Kết quả kiểm phiếu như sau:",
    )
    body = [
        Table(
            (
                "STT",
                "Nội dung xét",
                "Số thành viên được bỏ phiếu",
                "Đồng ý",
                "Không đồng ý",
                "Kết quả",
            ),
            tuple(rows),
            widths_cm=(1.2, 5.3, 2.3, 1.8, 1.8, 4.6),
        )
    ]
    if recusals:
        body.append(
            Paragraph(
                "Thành viên không tham gia biểu quyết: " + "; ".join(recusals) + "."
            )
        )
    body.append(
        Paragraph(f"Cuộc họp kết thúc lúc {end:%H} giờ {end:%M} phút cùng ngày./.")
    )
    return Document(
        **record_frame(meeting, document, end),
        trich_yeu=f"Họp Hội đồng: {meeting.title}",
        opening=opening,
        body=tuple(body),
        signer=Signer("Chủ tọa", chair.person.full_name if chair else "…"),
        co_signer=Signer("Thư ký", secretary.person.full_name if secretary else "…"),
    )


def record_frame(meeting: Meeting, document, end) -> dict:
    """What the council's two biên bản of a meeting share (NĐ 30 Mẫu 1.9): the issuer
    block in the council's name, the BB number, place, no date line in the header,
    recipients and filing."""
    council = meeting.council
    agency = council.agency
    return {
        "issuer": Issuer(
            name=council.name,
            abbreviation=council.abbreviation or "HĐTĐKT",
            parent_name=agency.short_name or agency.name,
        ),
        "number": document.number if document else None,
        "type_code": "BB",
        "type_title": "Biên bản",
        "place": agency.place_name or "…",
        "issue_date": end.date(),
        "show_date_in_header": False,
        "recipients": ("Thành viên Hội đồng", "Hồ sơ khen thưởng"),
        "filing": ("VT", council.abbreviation or "HĐTĐKT"),
    }


def spec_for_meeting_id(meeting_id: int) -> Document:
    try:
        meeting = Meeting.objects.select_related("council__agency").get(pk=meeting_id)
    except Meeting.DoesNotExist as exc:
        raise LookupError(meeting_id) from exc
    return minutes_spec(meeting)
