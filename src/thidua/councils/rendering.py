"""The council's two biên bản of a meeting as NĐ 30 documents (registered in
``apps.py``): the minutes of the sitting (Biên bản họp Hội đồng), signed by the chair
(chủ tọa) and the secretary (thư ký), and the count of each secret ballot (Biên bản kiểm
phiếu) — ballots given out (who took part, online or in writing), ballots counted,
agreeing, disagreeing, the share and the result by the pass rule frozen at opening.
Never who voted how: only counts. Issued by :func:`.services.minutes.issue_minutes`."""

from decimal import Decimal

from django.db.models import Count
from django.utils import timezone

from thidua.common.money import percent_figures
from thidua.documents.rendering import Document, Issuer, Paragraph, Signer, Table

from .enums import BallotState, VoteChannel
from .models import BallotParticipation, Meeting
from .selectors import officers

__all__ = [
    "minutes_spec",
    "record_frame",
    "spec_for_meeting_id",
    "spec_for_tally_meeting_id",
    "tally_spec",
]


def minutes_spec(meeting: Meeting) -> Document:
    document = meeting.minutes_document
    seated, chair, secretary = officers(meeting)
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
    for item in meeting.agenda_items.select_related(
        "ballot__result", "ballot__box"
    ).order_by("position"):
        ballot = getattr(item, "ballot", None)
        if ballot is not None and ballot.is_void:
            rows.append(
                (
                    str(item.position),
                    item.label,
                    str(ballot.roster_size),
                    "–",
                    "–",
                    f"Lượt bỏ phiếu {ballot.box.number} bị hủy, không kiểm phiếu",
                )
            )
            continue
        result = getattr(ballot, "result", None)
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
    clearances = [
        f"{c.member.person.full_name} được biểu quyết nội dung {item.position} dù có "
        f"xung đột lợi ích ({c.cleared_reason})"
        for item in meeting.agenda_items.all()
        for c in item.conflicts.filter(cleared_at__isnull=False).select_related(
            "member__person"
        )
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
    voided = _voided_boxes(meeting)
    if voided:
        body.append(Paragraph(voided))
    if recusals:
        body.append(
            Paragraph(
                "Thành viên không tham gia biểu quyết: " + "; ".join(recusals) + "."
            )
        )
    if clearances:
        body.append(
            Paragraph(
                "Thành viên có xung đột lợi ích được Hội đồng cho phép biểu quyết: "
                + "; ".join(clearances)
                + "."
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


def _meeting(meeting_id: int) -> Meeting:
    """The meeting a biên bản is rendered for (``LookupError``: the render job says
    the source is gone)."""
    try:
        return Meeting.objects.select_related(
            "council__agency", "minutes_document", "tally_document"
        ).get(pk=meeting_id)
    except Meeting.DoesNotExist as exc:
        raise LookupError(meeting_id) from exc


def spec_for_meeting_id(meeting_id: int) -> Document:
    return minutes_spec(_meeting(meeting_id))


def tally_spec(meeting: Meeting) -> Document:
    document = meeting.tally_document
    _seated, chair, secretary = officers(meeting)
    taken: dict[int, dict[str, int]] = {}
    for row in (
        BallotParticipation.objects.filter(ballot__agenda_item__meeting=meeting)
        .values("ballot_id", "channel")
        .annotate(n=Count("id"))
    ):
        taken.setdefault(row["ballot_id"], {})[row["channel"]] = row["n"]
    rows = []
    rules = []
    for item in meeting.agenda_items.select_related(
        "ballot__result", "ballot__box"
    ).order_by("position"):
        ballot = getattr(item, "ballot", None)
        result = getattr(ballot, "result", None)
        if ballot is not None and ballot.is_void:
            counts = taken.get(ballot.pk, {})
            rows.append(
                (
                    str(item.position),
                    item.label,
                    str(ballot.roster_size),
                    str(sum(counts.values())),
                    str(counts.get(VoteChannel.WRITTEN, 0)),
                    "0",
                    "–",
                    "–",
                    f"lượt {ballot.box.number} bị hủy, không kiểm phiếu",
                )
            )
            continue
        if result is None:
            rows.append(
                (
                    str(item.position),
                    item.label,
                    "–",
                    "–",
                    "–",
                    "–",
                    "–",
                    "–",
                    "Chưa kiểm phiếu",
                )
            )
            continue
        counts = taken.get(ballot.pk, {})
        given = sum(counts.values())
        counted = result.yes + result.no
        share = (
            percent_figures(Decimal(100 * result.yes) / result.roster_size)
            if result.roster_size
            else "–"
        )
        rows.append(
            (
                str(item.position),
                item.label,
                str(result.roster_size),
                str(given),
                str(counts.get(VoteChannel.WRITTEN, 0)),
                str(counted),
                str(result.yes),
                str(result.no),
                f"{share}; " + ("thông qua" if result.passed else "không thông qua"),
            )
        )
        rules.append(f"nội dung {item.position}: {result.rule}")
    voided = _voided_boxes(meeting)
    end = timezone.localtime(meeting.closed_at or meeting.scheduled_at)
    counter = secretary.person.full_name if secretary else "…"
    return Document(
        **record_frame(meeting, document, end),
        trich_yeu=f"Kiểm phiếu: {meeting.title}",
        opening=(
            f"Phiên họp: {meeting.title}, ngày {end:%d/%m/%Y}.",
            f"Người kiểm phiếu: {counter} (Thư ký Hội đồng), dưới sự giám sát của Chủ tọa "
            f"{chair.person.full_name if chair else '…'}.",
            "Hội đồng biểu quyết bằng phiếu kín; mỗi lượt bỏ phiếu là một phiếu gồm các "
            "nội dung của lượt, mỗi nội dung ghi đồng ý hoặc không đồng ý. Danh sách "
            "thành viên được bỏ phiếu chốt khi mở phiếu (không gồm thành viên không tham gia "
            "biểu quyết do xung đột lợi ích); thành viên vắng mặt được gửi phiếu bằng văn bản "
            "trước khi đóng phiếu. Phiếu được niêm phong khi nộp, lưu tách khỏi danh sách "
            "người đã bỏ phiếu và chỉ mở khi kiểm phiếu.",
            "Kết quả kiểm phiếu:",
        ),
        body=(
            Table(
                (
                    "STT",
                    "Nội dung",
                    "Được bỏ phiếu",
                    "Phiếu phát ra",
                    "Trong đó bằng văn bản",
                    "Phiếu thu vào",
                    "Đồng ý",
                    "Không đồng ý",
                    "Tỷ lệ đồng ý/số được bỏ phiếu; kết quả",
                ),
                tuple(rows),
                widths_cm=(1.0, 4.2, 1.5, 1.5, 1.6, 1.5, 1.3, 1.5, 3.0),
            ),
            *(
                (
                    Paragraph(
                        "Tỷ lệ thông qua và căn cứ (chốt khi mở phiếu): "
                        + "; ".join(rules)
                        + "."
                    ),
                )
                if rules
                else ()
            ),
            *((Paragraph(voided),) if voided else ()),
            Paragraph(
                "Số phiếu thu vào bằng số lượt tham gia bỏ phiếu; mỗi thành viên kiểm tra "
                "được phiếu của mình đã được kiểm bằng mã biên nhận trên hệ thống./."
            ),
        ),
        signer=Signer("Chủ tọa", chair.person.full_name if chair else "…"),
        co_signer=Signer("Người kiểm phiếu", counter),
    )


def _voided_boxes(meeting: Meeting) -> str:
    """The boxes voided unopened, with their reasons (empty when none)."""
    boxes = [
        f"lượt {box.number} (lúc {timezone.localtime(box.closed_at):%H giờ %M}; lý do: "
        f"{box.void_reason})"
        for box in meeting.ballot_boxes.filter(state=BallotState.VOID).order_by(
            "number"
        )
    ]
    if not boxes:
        return ""
    return (
        "Lượt bỏ phiếu bị hủy, các phiếu đã nộp bị hủy khi chưa mở và không được kiểm; "
        "các nội dung của lượt được đưa lại vào chương trình và bỏ phiếu lại: "
        + "; ".join(boxes)
        + "."
    )


def spec_for_tally_meeting_id(meeting_id: int) -> Document:
    return tally_spec(_meeting(meeting_id))
