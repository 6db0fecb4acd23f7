import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from thidua.councils.models import AgendaItem, Meeting
from thidua.nominations.services.nomination import (
    add_attachment,
    create_nomination,
    open_round,
    transition_nomination,
)
from thidua.organizations.services.structure import add_council_member

pytestmark = pytest.mark.django_db


def open_box(client, action, items) -> tuple:
    """Open one paper for ``items`` from the meeting page; the box and its tally code
    as the page showed them, once."""
    response = client.post(
        action, {"action": "open_box", "item": [item.pk for item in items]}
    )
    assert response.status_code == 200, response
    assert response.context["code"] in response.content.decode()
    return response.context["box"], response.context["code"]


def vote(client, box, choices: dict, *, confirm=True):
    """Fill the paper, review it, and (``confirm``) cast it."""
    url = reverse("councils:vote")
    fields = {"box": box.pk, **{f"choice-{k}": v for k, v in choices.items()}}
    review = client.post(url, {**fields, "step": "review"})
    if not confirm or review.status_code != 200:
        return review
    return client.post(url, {**fields, "step": "cast"})


@pytest.fixture
def nomination(org, users):
    round_ = open_round(
        agency=org.skhdt,
        name="Xét 2025",
        kind="hang_nam",
        year=2025,
        submission_deadline=datetime.date(2099, 1, 1),
    )
    nomination = create_nomination(
        round_, proposing_unit=org.dkkd, person=org.people["dkkd_staff"], code="LDTT"
    )
    for kind in ("bao_cao_thanh_tich", "bien_ban_binh_xet"):
        add_attachment(
            nomination, kind=kind, upload=SimpleUploadedFile("a.pdf", b"%PDF-1.7 %%EOF")
        )
    for to in ("da_gui", "da_tham_dinh", "trinh_hoi_dong"):
        transition_nomination(nomination, to, actor=users["admin"])
    add_council_member(
        org.council,
        person=org.people["vp_staff"],
        role="uy_vien",
        start_date=datetime.date(2022, 1, 1),
    )
    return nomination


def test_secretary_runs_a_meeting_and_members_vote_in_secret(
    client_for, org, nomination
):
    secretary = client_for("council_secretary")
    secretary.post(
        reverse("councils:meeting-create", args=[org.council.pk]),
        {
            "title": "Phiên họp xét khen thưởng 2025",
            "scheduled_at": timezone.localtime().strftime("%d/%m/%Y %H:%M"),
        },
    )
    meeting = Meeting.objects.get()
    action = reverse("councils:meeting-action", args=[meeting.pk])
    page = secretary.get(reverse("councils:meeting-detail", args=[meeting.pk]))
    members = [m for m, _att in page.context["members"]]
    assert len(members) == 3 and [n.pk for n in page.context["candidates"]] == [
        nomination.pk
    ]
    for member in members:
        secretary.post(
            action, {"action": "attendance", "member": member.pk, "present": "1"}
        )
    secretary.post(action, {"action": "add", "nomination": [nomination.pk]})
    item = meeting.agenda_items.get()
    assert item.nomination == nomination
    chair = org.council.members.get(person=org.people["head"])
    assert list(item.conflicted_members.all()) == [chair]  # same unit as the nominee
    assert (item.nominee_person, item.nominee_unit) == (nomination.person, org.dkkd)
    with pytest.raises(IntegrityError), transaction.atomic():  # a nomination names whom
        AgendaItem.objects.filter(pk=item.pk).update(
            nominee_person=None, nominee_unit=None
        )
    detail = reverse("councils:meeting-detail", args=[meeting.pk])
    page = secretary.get(detail).content.decode()
    assert "Lê Minh Đức" in page and "Ghi nhận không tham gia biểu quyết" in page
    secretary.post(
        action,
        {
            "action": "recuse",
            "item": item.pk,
            "member": chair.pk,
            "reason": "Cùng đơn vị với người được đề nghị",
        },
    )
    page = secretary.get(detail).content.decode()
    assert "không tham gia biểu quyết" in page
    assert "Ghi nhận không tham gia biểu quyết" not in page
    secretary.post(action, {"action": "open"})
    box, code = open_box(secretary, action, [item])
    item.refresh_from_db()
    assert item.ballot.roster_size == 2
    progress = reverse("councils:box-progress", args=[box.pk])
    assert "Đã nhận 0/2 phiếu" in secretary.get(progress).content.decode()

    voter = client_for("council_secretary")
    papers = voter.get(reverse("councils:vote")).context["papers"]
    assert [(p.box, [r.item for r in p.rows]) for p in papers] == [(box, [item])]
    assert papers[0].rows[0].verdict is not None  # the engine's, on the nominee
    page = voter.get(reverse("councils:vote")).content.decode()
    assert 'data-testid="row-verdict"' in page and "Xem hồ sơ, điều kiện" in page
    home = voter.get(reverse("dashboard")).content.decode()
    assert (
        'data-testid="home-ballots"' in home and 'data-testid="queue-ballots"' in home
    )
    unanswered = vote(voter, box, {})
    assert unanswered.status_code == 409
    assert "Chưa chọn" in unanswered.content.decode()
    review = vote(voter, box, {item.ballot.pk: "dong_y"}, confirm=False)
    assert (
        "Gửi phiếu" in review.content.decode()
        and not box.ballots.filter(participations__isnull=False).exists()
    )
    response = vote(voter, box, {item.ballot.pk: "dong_y"})
    receipt = response.context["receipt"]
    assert (
        receipt in response.content.decode() and "Chép mã" in response.content.decode()
    )
    again = vote(voter, box, {item.ballot.pk: "khong_dong_y"})
    assert again.status_code == 409
    assert "Thành viên đã bỏ phiếu trong lượt này." in again.content.decode()
    assert "Đã nhận 1/2 phiếu" in secretary.get(progress).content.decode()
    staff = client_for("staff")
    vote(staff, box, {item.ballot.pk: "dong_y"})

    secretary = client_for("council_secretary")
    wrong = secretary.post(
        action, {"action": "close_box", "box": box.pk, "code": "AAAA"}, follow=True
    )
    assert any("Mã kiểm phiếu không đúng" in str(m) for m in wrong.context["messages"])
    secretary.post(action, {"action": "close_box", "box": box.pk, "code": code})
    item.refresh_from_db()
    result = item.ballot.result
    assert (result.yes, result.no, result.roster_size, result.passed) == (2, 0, 2, True)
    nomination.refresh_from_db()
    assert nomination.state == "hoi_dong_da_xet"
    from django.test import Client

    public = Client().post(reverse("councils:receipt-check"), {"receipt": receipt})
    assert 'data-testid="receipt-found"' in public.content.decode()


def test_only_council_members_reach_the_meeting(client_for, org, nomination):
    from thidua.councils.services.meeting import schedule_meeting

    meeting = schedule_meeting(
        org.council,
        title="Họp",
        scheduled_at=datetime.datetime(2026, 1, 5, 8, 0, tzinfo=datetime.UTC),
    )
    url = reverse("councils:meeting-detail", args=[meeting.pk])
    assert client_for("other_officer").get(url).status_code == 404
    assert client_for("staff").get(url).status_code == 200  # now a seated member
    action = reverse("councils:meeting-action", args=[meeting.pk])
    assert client_for("staff").post(action, {"action": "open"}).status_code == 403


def test_secretary_enters_an_absent_members_written_vote(client_for, org, nomination):
    secretary = client_for("council_secretary")
    secretary.post(
        reverse("councils:meeting-create", args=[org.council.pk]),
        {
            "title": "Phiên họp 2025",
            "scheduled_at": timezone.localtime().strftime("%d/%m/%Y %H:%M"),
        },
    )
    meeting = Meeting.objects.get()
    action = reverse("councils:meeting-action", args=[meeting.pk])
    absent = org.council.members.get(person=org.people["vp_staff"])
    present = org.council.members.exclude(pk=absent.pk)
    for member in present:
        secretary.post(
            action, {"action": "attendance", "member": member.pk, "present": "1"}
        )
    secretary.post(
        action, {"action": "attendance", "member": absent.pk, "written": "1"}
    )
    secretary.post(action, {"action": "add", "nomination": [nomination.pk]})
    item = meeting.agenda_items.get()
    chair = org.council.members.get(person=org.people["head"])
    secretary.post(
        action,
        {
            "action": "recuse",
            "item": item.pk,
            "member": chair.pk,
            "reason": "Cùng đơn vị",
        },
    )
    secretary.post(action, {"action": "open"})
    box, code = open_box(secretary, action, [item])
    page = secretary.get(reverse("councils:meeting-detail", args=[meeting.pk]))
    assert page.context["written_voters"] == [absent]
    assert 'data-testid="written-vote"' in page.content.decode()
    ballot = box.ballots.get()
    paper = {
        "action": "written_vote",
        "box": box.pk,
        f"choice-{ballot.pk}": "khong_dong_y",
    }
    # The absent member sees why he does not vote on screen.
    absent_view = client_for("staff").get(reverse("councils:vote")).content.decode()
    assert "phiếu bằng văn bản" in absent_view and "review-paper" not in absent_view
    secretary = client_for("council_secretary")
    refused = secretary.post(action, {**paper, "member": present[0].pk}, follow=True)
    assert any(m.level_tag == "error" for m in refused.context["messages"])
    entered = secretary.post(action, {**paper, "member": absent.pk})
    assert entered.status_code == 200 and entered.context["written"]
    assert entered.context["receipt"] in entered.content.decode()
    twice = secretary.post(action, {**paper, "member": absent.pk}, follow=True)
    assert any(m.level_tag == "error" for m in twice.context["messages"])
    after = client_for("staff").get(reverse("councils:vote")).content.decode()
    assert 'data-testid="paper-cast"' in after
    secretary = client_for("council_secretary")
    secretary.post(action, {"action": "close_box", "box": box.pk, "code": code})
    item.refresh_from_db()
    result = item.ballot.result
    assert (result.yes, result.no) == (0, 1)  # only the written ballot was cast


def test_minutes_are_numbered_in_the_councils_series_and_rendered(
    client_for, org, nomination
):
    import io

    from docx import Document as Docx

    from thidua.documents.services.render import render_issued_document

    org.council.abbreviation = "HĐTĐKT"
    org.council.save()
    secretary = client_for("council_secretary")
    secretary.post(
        reverse("councils:meeting-create", args=[org.council.pk]),
        {"title": "Phiên họp 2025", "scheduled_at": "20/11/2026 08:00"},
    )
    meeting = Meeting.objects.get()
    action = reverse("councils:meeting-action", args=[meeting.pk])
    members = list(org.council.members.all())
    for member in members:
        secretary.post(
            action, {"action": "attendance", "member": member.pk, "present": "1"}
        )
    secretary.post(action, {"action": "add", "nomination": [nomination.pk]})
    item = meeting.agenda_items.get()
    secretary.post(action, {"action": "open"})
    early = secretary.post(action, {"action": "minutes"}, follow=True)  # not closed yet
    assert any("sau khi bế mạc" in str(m) for m in early.context["messages"])
    # The chair is of the nominee's unit: no ballot until the conflict is resolved.
    blocked = secretary.post(
        action, {"action": "open_box", "item": [item.pk]}, follow=True
    )
    assert any(
        "xung đột lợi ích" in str(m) and org.people["head"].full_name in str(m)
        for m in blocked.context["messages"]
    )
    assert not hasattr(AgendaItem.objects.get(pk=item.pk), "ballot")
    chair = org.council.members.get(person=org.people["head"])
    staff_seat = org.council.members.get(person=org.people["vp_staff"])
    page = secretary.get(reverse("councils:meeting-detail", args=[meeting.pk]))
    assert 'data-testid="clear-conflict"' in page.content.decode()
    assert 'data-testid="declare-conflict"' in page.content.decode()
    secretary.post(
        action,
        {
            "action": "declare_conflict",
            "item": item.pk,
            "member": staff_seat.pk,
            "reason": "Vợ của người được đề nghị",
        },
    )
    secretary.post(
        action,
        {"action": "clear_conflict", "item": item.pk, "member": chair.pk, "reason": ""},
    )
    still = secretary.post(
        action, {"action": "open_box", "item": [item.pk]}, follow=True
    )
    message = " ".join(str(m) for m in still.context["messages"])
    assert org.people["head"].full_name in message
    assert org.people["vp_staff"].full_name in message
    secretary.post(
        action,
        {
            "action": "clear_conflict",
            "item": item.pk,
            "member": chair.pk,
            "reason": "Quy chế Hội đồng: chủ tịch vẫn biểu quyết",
        },
    )
    secretary.post(
        action,
        {"action": "recuse", "item": item.pk, "member": staff_seat.pk, "reason": "Vợ"},
    )
    page = secretary.get(reverse("councils:meeting-detail", args=[meeting.pk]))
    assert "Quy chế Hội đồng: chủ tịch vẫn biểu quyết" in page.content.decode()
    assert "Vợ của người được đề nghị" in page.content.decode()
    box, code = open_box(secretary, action, [item])
    vote(secretary, box, {box.ballots.get().pk: "dong_y"})
    secretary.post(action, {"action": "close_box", "box": box.pk, "code": code})
    secretary.post(action, {"action": "close"})
    issued = secretary.post(action, {"action": "minutes"}, follow=True)
    meeting.refresh_from_db()
    document = meeting.minutes_document
    # The numbers taken, told at once.
    assert [str(m) for m in issued.context["messages"]][-1] == (
        f"Đã lập biên bản họp số {document.symbol} và biên bản kiểm phiếu số "
        f"{meeting.tally_document.symbol} ngày {document.issued_on:%d/%m/%Y}."
    )
    assert document.symbol.startswith("01/BB-")
    assert (
        document.source_kind == "council_minutes" and document.source_id == meeting.pk
    )
    with pytest.raises(IntegrityError), transaction.atomic():  # the two come together
        Meeting.objects.filter(pk=meeting.pk).update(tally_document=None)
    again = secretary.post(action, {"action": "minutes"}, follow=True)
    assert any("đã có biên bản" in str(m) for m in again.context["messages"])
    render_issued_document(document.pk)
    page = secretary.get(reverse("councils:meeting-detail", args=[meeting.pk]))
    url = reverse("councils:minutes-file", args=[meeting.pk, "docx"])
    assert url in page.content.decode()
    data = b"".join(secretary.get(url).streaming_content)
    doc = Docx(io.BytesIO(data))
    text = "\n".join(p.text for p in doc.paragraphs)
    text += "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert "BIÊN BẢN" in text and "Phiên họp 2025" in text
    assert "được Hội đồng cho phép biểu quyết" in text
    assert "Quy chế Hội đồng: chủ tịch vẫn biểu quyết" in text
    assert "không tham gia biểu quyết" in text
    assert "Số: 01/BB-HĐTĐKT" in text and "CHỦ TỌA" in text and "THƯ KÝ" in text
    assert "Không thông qua" in text  # 1 of 2: not more than half
    assert f"có mặt {len(members)}" in text
    assert client_for("other_officer").get(url).status_code == 404
    # The count has its own biên bản, the next number of the council's series.
    tally = meeting.tally_document
    assert tally.symbol == "02/BB-HĐTĐKT"
    render_issued_document(tally.pk)
    secretary = client_for("council_secretary")
    tally_url = reverse("councils:tally-file", args=[meeting.pk, "docx"])
    assert (
        tally_url
        in secretary.get(
            reverse("councils:meeting-detail", args=[meeting.pk])
        ).content.decode()
    )
    doc = Docx(io.BytesIO(b"".join(secretary.get(tally_url).streaming_content)))
    rows = [[c.text for c in r.cells] for t in doc.tables for r in t.rows]
    counted = next(r for r in rows if r[0] == "1")
    # roster 2 (one recused), 1 ballot given and counted (none in writing), 1 yes
    assert counted[2:8] == ["2", "1", "0", "1", "1", "0"]
    assert "không thông qua" in counted[8]
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Kiểm phiếu: Phiên họp 2025" in text and "Người kiểm phiếu" in text
    # A tờ trình carrying the nomination packs both biên bản, found through the links.
    from types import SimpleNamespace

    from thidua.submissions.services.package import _minutes_documents

    submission = SimpleNamespace(
        items=SimpleNamespace(
            all=lambda: [SimpleNamespace(nomination_id=nomination.pk)]
        )
    )
    assert list(_minutes_documents(submission)) == [document, tally]


def test_closing_a_box_that_is_not_the_meetings_is_missing(
    client_for, org, users, nomination
):
    """``close_box`` naming no box of this meeting: 404, no 500, the nomination stays
    before the council."""
    from django.contrib.messages import get_messages

    from thidua.councils.services.meeting import (
        add_agenda_item,
        open_meeting,
        schedule_meeting,
    )

    secretary = client_for("council_secretary")
    meeting = schedule_meeting(
        org.council,
        title="Họp",
        scheduled_at=timezone.now(),
        actor=users["council_secretary"],
    )
    open_meeting(meeting, actor=users["council_secretary"])
    item = add_agenda_item(
        meeting, label="Một hồ sơ", title_code="LDTT", nomination=nomination
    )
    url = reverse("councils:meeting-action", args=[meeting.pk])
    for box in ("", "x", "999999"):
        response = secretary.post(url, {"action": "close_box", "box": box, "code": "A"})
        assert response.status_code == 404
    empty = secretary.post(url, {"action": "open_box"})
    texts = [str(m) for m in get_messages(empty.wsgi_request)]
    assert "Chọn ít nhất một nội dung để mở phiếu." in texts
    assert item.pk
    nomination.refresh_from_db()
    assert nomination.state == "trinh_hoi_dong"


def test_closing_the_ballot_of_a_matter_without_a_dossier_records_only_the_tally(
    users, sitting
):
    """An agenda item that is not a nomination (another matter): the result is kept,
    no dossier moves."""
    from tests.councils.ballots import close_ballot_and_record, open_ballot
    from thidua.councils.rules import prepares_meeting

    item = sitting.items[0]
    assert item.nomination is None
    open_ballot(item, actor=sitting.secretary_user)
    result = close_ballot_and_record(item, actor=sitting.secretary_user)
    assert result.roster_size == len(sitting.seats)
    assert not prepares_meeting(users["council_secretary"], None)
    assert prepares_meeting(users["council_secretary"], sitting.meeting)
