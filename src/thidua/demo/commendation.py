"""The 2025 round further along: Văn phòng Sở's proposals went through appraisal, the
council voted on them by secret ballot at a closed meeting (minutes issued); the three
LĐTT are on public notice now, so the visitor sees each step and can comment, and the
CSTĐ cấp tỉnh — beyond the Director's authority — went up to the province by tờ trình,
where the Ban TĐKT account finds it in its inbox."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from thidua.accounts.models import User
from thidua.councils.selectors import seated_members
from thidua.councils.services.ballot import cast_paper, open_ballots
from thidua.councils.services.meeting import (
    add_agenda_item,
    close_meeting,
    open_meeting,
    record_attendance,
    recuse,
    schedule_meeting,
)
from thidua.councils.services.minutes import issue_minutes
from thidua.councils.services.outcome import close_box_and_record
from thidua.eligibility.regimes import select_regime
from thidua.nominations.enums import NominationState
from thidua.nominations.services.nomination import (
    add_attachment,
    create_nomination,
    transition_nomination,
)
from thidua.nominations.services.notice import open_notice
from thidua.submissions.services.submission import (
    approve_submission,
    issue_submission,
    submit_nominations,
    submit_submission,
)

__all__ = ["load_council_and_notice"]

# A minimal valid PDF stands in for the scanned dossier files.
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


FILES = {
    "bao_cao_thanh_tich": "bao-cao-thanh-tich.pdf",
    "bien_ban_binh_xet": "bien-ban-binh-xet.pdf",
    "chung_nhan_sang_kien": "chung-nhan-sang-kien.pdf",
}
SUMMARIES = {
    "LDTT": "Hoàn thành tốt nhiệm vụ năm 2025.",
    "CSTD_BO_TINH": "Ba năm liền Chiến sĩ thi đua cơ sở; sáng kiến cải cách thủ tục đầu tư "
    "được áp dụng trong toàn tỉnh.",
}


def load_council_and_notice(round_, council, proposing_unit, people) -> None:
    nominations = []
    codes = ["LDTT", "LDTT", "LDTT", "CSTD_BO_TINH"][: len(people)]
    for person, code in zip(people, codes, strict=True):
        nomination = create_nomination(
            round_,
            proposing_unit=proposing_unit,
            person=person,
            code=code,
            summary=SUMMARIES[code],
        )
        kinds = list(FILES)[: 3 if code == "CSTD_BO_TINH" else 2]
        for kind in kinds:
            add_attachment(
                nomination, kind=kind, upload=SimpleUploadedFile(FILES[kind], PDF)
            )
        transition_nomination(nomination, NominationState.SUBMITTED)
        transition_nomination(
            nomination,
            NominationState.APPRAISED,
            appraisal="Đủ điều kiện, hồ sơ đầy đủ.",
        )
        transition_nomination(nomination, NominationState.TO_COUNCIL)
        nominations.append(nomination)

    when = timezone.now() - datetime.timedelta(days=3)
    meeting = schedule_meeting(
        council,
        title="Phiên họp xét khen thưởng năm 2025 (đợt 1)",
        scheduled_at=when,
        location="Phòng họp tầng 2, Sở KH&ĐT",
    )
    seats = list(seated_members(council, on=timezone.localdate()))
    secretary = next(s for s in seats if s.role == "thu_ky")  # runs the meeting
    open_meeting(meeting, actor=secretary)
    for seat in seats:
        record_attendance(meeting, seat, present=True)
    items, recused = [], set()
    for nomination in nominations:
        item = add_agenda_item(
            meeting,
            label=f"{nomination.subject} – {nomination.get_code_display()}",
            title_code=nomination.code,
            regime=select_regime(nomination.year),
            nomination=nomination,
        )
        # A member of the nominee's unit stands aside before the ballot opens.
        for conflict in item.conflicts.all():
            recuse(item, conflict.member, reason="Cùng đơn vị với người được đề nghị")
            recused.add((item.pk, conflict.member_id))
        items.append(item)
    # One paper for the whole list, as the council votes on paper.
    opened = open_ballots(meeting, items, actor=secretary)
    ballots = list(opened.box.ballots.select_related("agenda_item"))
    voters = {
        b.pk: [s for s in seats if (b.agenda_item_id, s.pk) not in recused]
        for b in ballots
    }
    # One member disagrees on the LĐTT items (more than half passes); the CSTĐ cấp
    # tỉnh needs 90 % of all members (NĐ 98/2023 Điều 30 khoản 7, carried over).
    codes = {b.pk: b.agenda_item.title_code for b in ballots}
    for seat in seats:
        paper = {
            b.pk: "khong_dong_y"
            if codes[b.pk] == "LDTT" and seat == voters[b.pk][-1]
            else "dong_y"
            for b in ballots
            if seat in voters[b.pk]
        }
        if paper:
            cast_paper(opened.box, seat, paper)
    # Counting moves the dossiers to "Hội đồng đã xét": the council's only way.
    close_box_and_record(opened.box, opened.code, actor=secretary)
    close_meeting(meeting, actor=secretary)
    issue_minutes(meeting)
    listed = [n for n in nominations if n.code == "LDTT"]
    open_notice(round_, listed, starts_on=timezone.localdate(), working_days=10)
    upward = [n for n in nominations if n.code != "LDTT"]
    if upward:
        # Drafted by the office, approved by the Giám đốc (chutich), numbered and sent
        # by the clerk (vanthu).
        officer, head, clerk = (
            User.objects.get(username=name)
            for name in ("canbotdkt", "chutich", "vanthu")
        )
        draft = submit_nominations(
            round_, upward, planned_on=timezone.localdate(), actor=officer
        )
        submit_submission(draft, actor=officer)
        approve_submission(draft, actor=head)
        issue_submission(draft, issued_on=timezone.localdate(), actor=clerk)
