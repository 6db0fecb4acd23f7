"""Biên bản kiểm phiếu: the count of each secret ballot of a meeting, issued with the
meeting's minutes in the council's own BB series — ballots given out (who took part,
online or in writing), ballots counted, agreeing, disagreeing, the share and the result
by the pass rule frozen at opening. Never who voted how: only counts."""

from django.db.models import Count
from django.utils import timezone

from thidua.documents.models import IssuedDocument
from thidua.documents.rendering import Document, Paragraph, Signer, Table

from .enums import VoteChannel
from .models import BallotParticipation, Meeting

__all__ = ["KIND", "spec_for_tally_meeting_id", "tally_document", "tally_spec"]

KIND = "council_tally"


def tally_document(meeting: Meeting) -> IssuedDocument | None:
    return IssuedDocument.objects.filter(source_kind=KIND, source_id=meeting.pk).first()


def tally_spec(meeting: Meeting) -> Document:
    from .minutes import _officers, record_frame  # noqa: PLC0415 (minutes imports us)

    document = tally_document(meeting)
    _seated, chair, secretary = _officers(meeting)
    taken: dict[int, dict[str, int]] = {}
    for row in (
        BallotParticipation.objects.filter(ballot__agenda_item__meeting=meeting)
        .values("ballot_id", "channel")
        .annotate(n=Count("id"))
    ):
        taken.setdefault(row["ballot_id"], {})[row["channel"]] = row["n"]
    rows = []
    for item in meeting.agenda_items.select_related("ballot__result").order_by(
        "position"
    ):
        ballot = getattr(item, "ballot", None)
        result = getattr(ballot, "result", None)
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
            f"{100 * result.yes / result.roster_size:.1f} %"
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
    end = timezone.localtime(meeting.closed_at or meeting.scheduled_at)
    counter = secretary.person.full_name if secretary else "…"
    return Document(
        **record_frame(meeting, document, end),
        trich_yeu=f"Kiểm phiếu: {meeting.title}",
        opening=(
            f"Phiên họp: {meeting.title}, ngày {end:%d/%m/%Y}.",
            f"Người kiểm phiếu: {counter} (Thư ký Hội đồng), dưới sự giám sát của Chủ tọa "
            f"{chair.person.full_name if chair else '…'}.",
            "Hội đồng biểu quyết bằng phiếu kín, mỗi nội dung một lượt bỏ phiếu. Danh sách "
            "thành viên được bỏ phiếu chốt khi mở phiếu (không gồm thành viên không tham gia "
            "biểu quyết do xung đột lợi ích); thành viên vắng mặt được gửi phiếu bằng văn bản "
            "trước khi đóng phiếu. Phiếu được lưu tách khỏi danh sách người đã bỏ phiếu.",
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
            Paragraph(
                "Số phiếu thu vào bằng số lượt tham gia bỏ phiếu; mỗi thành viên kiểm tra "
                "được phiếu của mình đã được kiểm bằng mã biên nhận trên hệ thống./."
            ),
        ),
        signer=Signer("Chủ tọa", chair.person.full_name if chair else "…"),
        co_signer=Signer("Người kiểm phiếu", counter),
    )


def spec_for_tally_meeting_id(meeting_id: int) -> Document:
    try:
        meeting = Meeting.objects.select_related("council__agency").get(pk=meeting_id)
    except Meeting.DoesNotExist as exc:
        raise LookupError(meeting_id) from exc
    return tally_spec(meeting)
