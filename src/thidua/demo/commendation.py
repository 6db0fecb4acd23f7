"""The 2025 round further along: Văn phòng Sở's three proposals went through appraisal,
the council voted on them by secret ballot at a closed meeting (minutes issued), and the
list is on public notice now, so the visitor sees each step and can comment."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from thidua.councils.minutes import issue_minutes
from thidua.councils.selectors import seated_members
from thidua.councils.services.ballot import cast_vote, close_ballot, open_ballot
from thidua.councils.services.meeting import (
    add_agenda_item,
    close_meeting,
    open_meeting,
    record_attendance,
    schedule_meeting,
)
from thidua.eligibility.regimes import select_regime
from thidua.nominations.enums import NominationState
from thidua.nominations.services.nomination import (
    add_attachment,
    create_nomination,
    transition_nomination,
)
from thidua.nominations.services.notice import open_notice

__all__ = ["load_council_and_notice"]

# A minimal valid PDF stands in for the scanned dossier files.
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def load_council_and_notice(round_, council, proposing_unit, people) -> None:
    nominations = []
    for person in people[:3]:
        nomination = create_nomination(round_, proposing_unit=proposing_unit, person=person,
                                       code="LDTT", summary="Hoàn thành tốt nhiệm vụ năm 2025.")  # fmt: skip
        for kind, name in (("bao_cao_thanh_tich", "bao-cao-thanh-tich.pdf"),
                           ("bien_ban_binh_xet", "bien-ban-binh-xet.pdf")):  # fmt: skip
            add_attachment(nomination, kind=kind, upload=SimpleUploadedFile(name, PDF))
        transition_nomination(nomination, NominationState.SUBMITTED)
        transition_nomination(nomination, NominationState.APPRAISED,
                              appraisal="Đủ điều kiện, hồ sơ đầy đủ.")  # fmt: skip
        transition_nomination(nomination, NominationState.TO_COUNCIL)
        nominations.append(nomination)

    when = timezone.now() - datetime.timedelta(days=3)
    meeting = schedule_meeting(council, title="Phiên họp xét khen thưởng năm 2025 (đợt 1)",
                               scheduled_at=when, location="Phòng họp tầng 2, Sở KH&ĐT")  # fmt: skip
    seats = list(seated_members(council, on=timezone.localdate()))
    secretary = next(s for s in seats if s.role == "thu_ky")  # runs the meeting
    open_meeting(meeting, actor=secretary)
    for seat in seats:
        record_attendance(meeting, seat, present=True)
    for nomination in nominations:
        item = add_agenda_item(
            meeting, label=f"{nomination.subject} – {nomination.get_code_display()}",
            title_code=nomination.code, regime=select_regime(nomination.year),
            subject_id=nomination.pk, nominee_person_id=nomination.person_id,
            nominee_unit_id=nomination.person.unit_id,
        )  # fmt: skip
        ballot = open_ballot(item, actor=secretary)
        for i, seat in enumerate(seats):
            cast_vote(ballot, seat, "khong_dong_y" if i == len(seats) - 1 else "dong_y")
        close_ballot(ballot, actor=secretary)
        transition_nomination(nomination, NominationState.COUNCIL_DONE)
    close_meeting(meeting, actor=secretary)
    issue_minutes(meeting)
    open_notice(round_, nominations, starts_on=timezone.localdate(), working_days=10)
