# ruff: noqa: F811 (the nomination fixture of test_pages is a parameter here)
"""Issue #14, points 3 and 4: the council cannot be skipped (a closed ballot, or the
signed paper minutes entered and audited), and a conflicted member blocks the ballot
until recused or cleared with a reason."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from tests.councils.ballots import open_ballot
from thidua.common.models import ActivityLog
from thidua.councils.models import AgendaConflict, PaperCouncilResult
from thidua.councils.services.meeting import clear_conflict, declare_conflict, recuse
from thidua.councils.services.paper import record_paper_result

from ..council_paper import minutes
from .test_pages import nomination  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

MET_ON = datetime.date(2025, 12, 1)


def _form(**changes):
    return {
        "met_on": "01/12/2025",
        "roster_size": "3",
        "yes": "2",
        "no": "1",
        "minutes": minutes(),
        "note": "Họp ngày 01/12",
        **changes,
    }


def test_the_nomination_page_offers_no_button_past_the_council(
    client_for,
    nomination,
):
    officer = client_for("officer")
    url = reverse("nominations:nomination-detail", args=[nomination.pk])
    page = officer.get(url)
    assert "hoi_dong_da_xet" not in [m.target for m in page.context["moves"]]
    assert page.context["enters_paper_result"]
    assert reverse("councils:paper-result", args=[nomination.pk]) in (
        page.content.decode()
    )
    # Posting the move by hand is refused in words, and nothing changes.
    response = officer.post(
        reverse("nominations:nomination-move", args=[nomination.pk]),
        {"to": "hoi_dong_da_xet"},
        follow=True,
    )
    assert any("biên bản họp trên giấy" in str(m) for m in response.context["messages"])
    nomination.refresh_from_db()
    assert nomination.state == "trinh_hoi_dong"


def test_the_secretary_enters_the_paper_result(
    client_for,
    org,
    users,
    nomination,
):
    secretary = client_for("council_secretary")
    url = reverse("councils:paper-result", args=[nomination.pk])
    assert secretary.get(url).status_code == 200
    response = secretary.post(url, {**_form(), "council": org.council.pk})
    assert response.status_code == 302
    nomination.refresh_from_db()
    assert nomination.state == "hoi_dong_da_xet"
    paper = PaperCouncilResult.objects.get(nomination=nomination)
    assert (paper.yes, paper.no, paper.roster_size, paper.passed) == (2, 1, 3, True)
    assert paper.entered_by == users["council_secretary"]
    assert "quá nửa" in paper.rule_label or paper.rule_label
    entry = ActivityLog.objects.get(action="councils.paper_result")
    assert entry.data["source"] == "paper" and entry.data["yes"] == 2
    assert nomination.events.last().reason == "Kết quả nhập từ biên bản giấy"
    # Shown, marked, on the nomination page and on the paper page; no second entry.
    page = client_for("officer").get(
        reverse("nominations:nomination-detail", args=[nomination.pk])
    )
    assert "nhập từ biên bản giấy" in page.content.decode()
    assert not page.context["enters_paper_result"]
    again = secretary.get(url)
    assert "nhập từ biên bản giấy" in again.content.decode()
    assert not again.context["open_for_entry"]
    with pytest.raises(ValidationError, match="Trình Hội đồng"):
        record_paper_result(
            nomination,
            council=org.council,
            met_on=MET_ON,
            roster_size=3,
            yes=3,
            no=0,
            minutes=minutes(),
            actor=users["officer"],
        )


def test_the_office_lands_back_on_the_nomination(
    client_for,
    org,
    nomination,
):
    officer = client_for("officer")
    url = reverse("councils:paper-result", args=[nomination.pk])
    response = officer.post(url, {**_form(yes="1", no="2"), "council": org.council.pk})
    assert response.url == nomination.get_absolute_url()
    paper = PaperCouncilResult.objects.get()
    assert not paper.passed  # 1 of 3: not more than half


@pytest.mark.parametrize(
    ("changes", "field", "text"),
    [
        ({"yes": "3", "no": "1"}, "yes", "vượt quá số thành viên"),
        ({"roster_size": "0"}, "roster_size", "phải lớn hơn 0"),
        ({"yes": "-1"}, "yes", "Số phiếu đồng ý không được âm"),
        ({"no": "-2"}, "no", "Số phiếu không đồng ý không được âm"),
        ({"met_on": "01/01/2099"}, "met_on", "không được sau hôm nay"),
        (
            {"minutes": SimpleUploadedFile("x.exe", b"MZ\x90\x00")},
            "minutes",
            "Biên bản họp",
        ),
    ],
)
def test_the_paper_result_is_checked_field_by_field(
    client_for,
    org,
    nomination,
    changes,
    field,
    text,
):
    secretary = client_for("council_secretary")
    url = reverse("councils:paper-result", args=[nomination.pk])
    response = secretary.post(url, {**_form(**changes), "council": org.council.pk})
    assert response.status_code == 200
    assert any(text in e for e in response.context["form"].errors[field])
    nomination.refresh_from_db()
    assert nomination.state == "trinh_hoi_dong"
    assert not PaperCouncilResult.objects.exists()


def test_the_service_refuses_what_the_page_cannot_send(
    org,
    users,
    nomination,
):
    base = {"met_on": MET_ON, "roster_size": 3, "yes": 2, "no": 0}
    with pytest.raises(PermissionDenied):
        record_paper_result(
            nomination,
            council=org.council,
            minutes=minutes(),
            actor=users["staff"],
            **base,
        )
    with pytest.raises(ValidationError) as exc:
        record_paper_result(
            nomination,
            council=org.other_council,
            minutes=minutes(),
            actor=users["officer"],
            **base,
        )
    assert "council" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        record_paper_result(
            nomination,
            council=org.council,
            minutes=None,
            actor=users["officer"],
            **base,
        )
    assert exc.value.message_dict["minutes"] == [
        "Phải tải lên biên bản họp Hội đồng đã ký."
    ]


def test_the_database_refuses_a_tally_beyond_the_roster(
    org,
    users,
    nomination,
):
    paper = record_paper_result(
        nomination,
        council=org.council,
        met_on=MET_ON,
        roster_size=3,
        yes=2,
        no=1,
        minutes=minutes(),
        actor=users["officer"],
    )
    assert str(paper).startswith("Biên bản giấy")
    with pytest.raises(IntegrityError), transaction.atomic():
        PaperCouncilResult.objects.filter(pk=paper.pk).update(yes=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        PaperCouncilResult.objects.filter(pk=paper.pk).update(
            roster_size=0, yes=0, no=0
        )


def test_who_reaches_the_paper_page(client_for, nomination):
    url = reverse("councils:paper-result", args=[nomination.pk])
    assert client_for("head").get(url).status_code == 403  # reads the dossier
    assert client_for("deputy").get(url).status_code == 403
    assert client_for("other_officer").get(url).status_code == 404
    missing = reverse("councils:paper-result", args=[nomination.pk + 999])
    assert client_for("officer").get(missing).status_code == 404


def test_the_chair_enters_the_paper_result(client_for, org, users, nomination):
    """Phòng ĐKKD's head chairs the Sở's council: he signs the minutes, he enters
    them, audited in his name."""
    chair = client_for("unit_head")
    url = reverse("councils:paper-result", args=[nomination.pk])
    assert chair.get(url).status_code == 200
    response = chair.post(url, {**_form(), "council": org.council.pk})
    assert response.url == nomination.get_absolute_url()
    nomination.refresh_from_db()
    assert nomination.state == "hoi_dong_da_xet"
    assert PaperCouncilResult.objects.get().entered_by == users["unit_head"]
    entry = ActivityLog.objects.get(action="councils.paper_result")
    assert entry.actor == users["unit_head"]


def test_only_a_chair_seated_today_in_the_round_agencys_council(
    client, org, users, nomination
):
    from thidua.accounts.enums import Role
    from thidua.accounts.services import create_account
    from thidua.organizations.services.structure import (
        add_council_member,
        end_council_member,
    )

    from ..factories import PASSWORD, make_person

    def account(name, person):
        return create_account(
            username=name,
            password=PASSWORD,
            person=person,
            roles=[(Role.STAFF, None, None)],
        )

    url = reverse("councils:paper-result", args=[nomination.pk])
    today = timezone.localdate()
    seat = org.council.members.get(role="chu_tich")
    end_council_member(seat, end_date=today - datetime.timedelta(days=1))
    client.force_login(users["unit_head"])
    assert client.get(url).status_code == 403  # no longer chair; still his unit's
    # A new chair, seated today, who does not otherwise see the dossier.
    chair = make_person(org.vp, "Chu Văn Thành")
    add_council_member(org.council, person=chair, role="chu_tich", start_date=today)
    member = make_person(org.vp, "Đàm Thị Hoa", gender="nu")
    add_council_member(org.council, person=member, role="uy_vien", start_date=MET_ON)
    other_chair = make_person(org.other_unit, "Hứa Văn Lâm")
    add_council_member(
        org.other_council, person=other_chair, role="chu_tich", start_date=MET_ON
    )
    for name, person in (("uy-vien", member), ("chu-tich-stc", other_chair)):
        client.force_login(account(name, person))
        assert client.get(url).status_code == 404, name
    client.force_login(account("chu-tich", chair))
    assert client.get(url).status_code == 200
    response = client.post(url, {**_form(), "council": org.council.pk})
    # He does not read the dossier (on no agenda): back on the paper page.
    assert response.url == url
    nomination.refresh_from_db()
    assert nomination.state == "hoi_dong_da_xet"


# Conflicts of interest -------------------------------------------------------------


def test_a_conflicted_member_blocks_the_ballot_until_resolved(sitting, users):
    board = sitting
    item = board.items[0]
    member, other = board.seats[2], board.seats[3]
    with pytest.raises(ValidationError, match="Cần ghi rõ"):
        declare_conflict(item, member, reason=" ", actor=users["council_secretary"])
    conflict = declare_conflict(
        item,
        member,
        reason="Anh ruột người được đề nghị",
        actor=users["council_secretary"],
    )
    assert not conflict.is_cleared
    with pytest.raises(ValidationError, match="đã được ghi nhận"):
        declare_conflict(item, member, reason="Lần nữa")
    with pytest.raises(ValidationError) as exc:
        open_ballot(item, actor=board.secretary_user)
    assert member.person.full_name in exc.value.messages[0]
    with pytest.raises(ValidationError, match="Cần ghi lý do"):
        clear_conflict(item, member, reason="")
    with pytest.raises(ValidationError, match="không có xung đột"):
        clear_conflict(item, other, reason="Không liên quan")
    cleared = clear_conflict(
        item, member, reason="Quy chế cho phép", actor=users["council_secretary"]
    )
    assert cleared.is_cleared and cleared.cleared_by == users["council_secretary"]
    with pytest.raises(ValidationError, match="đã được xử lý"):
        clear_conflict(item, member, reason="Lại")
    actions = set(ActivityLog.objects.values_list("action", flat=True))
    assert {"councils.agenda.declare_conflict", "councils.agenda.clear_conflict"} <= (
        actions
    )
    ballot = open_ballot(item, actor=board.secretary_user)
    assert ballot.roster_size == len(board.seats)  # the cleared member votes
    with pytest.raises(ValidationError, match="không thể khai báo"):
        declare_conflict(item, other, reason="Muộn")
    with pytest.raises(ValidationError, match="không thể thay đổi"):
        clear_conflict(item, member, reason="Muộn")


def test_a_recused_conflict_is_resolved_and_cannot_be_cleared(sitting, users):
    board = sitting
    item = board.items[0]
    member = board.seats[4]
    declare_conflict(item, member, reason="Con dâu")
    recuse(item, member, reason="Con dâu")
    with pytest.raises(ValidationError, match="đã được xử lý"):
        clear_conflict(item, member, reason="Cho phép")
    ballot = open_ballot(item, actor=board.secretary_user)
    assert ballot.roster_size == len(board.seats) - 1


def test_a_cleared_conflict_has_its_reason_in_the_database(sitting):
    item = sitting.items[0]
    conflict = declare_conflict(item, sitting.seats[5], reason="Vợ")
    with pytest.raises(IntegrityError), transaction.atomic():
        AgendaConflict.objects.filter(pk=conflict.pk).update(
            cleared_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
        )


# Titles decided without the council -------------------------------------------------


@pytest.fixture
def appraised(org, users):
    from thidua.nominations.services.nomination import (
        add_attachment,
        create_nomination,
        open_round,
        transition_nomination,
    )

    round_ = open_round(
        agency=org.skhdt,
        name="Xét chuyên đề 2025",
        kind="hang_nam",
        year=2025,
        submission_deadline=datetime.date(2099, 1, 1),
    )
    nomination = create_nomination(
        round_, proposing_unit=org.dkkd, person=org.people["dkkd_staff"], code="LDTT"
    )
    for kind in ("bao_cao_thanh_tich", "bien_ban_binh_xet"):
        add_attachment(nomination, kind=kind, upload=minutes("a.pdf"))
    for to in ("da_gui", "da_tham_dinh"):
        transition_nomination(nomination, to, actor=users["admin"])
    return nomination


def test_no_title_skips_the_council_unless_the_agency_lists_it(
    client_for, settings, appraised
):
    officer = client_for("officer")
    detail = reverse("nominations:nomination-detail", args=[appraised.pk])
    move = reverse("nominations:nomination-move", args=[appraised.pk])
    assert not officer.get(detail).context["skips_council"]
    refused = officer.post(
        move, {"to": "hoi_dong_da_xet", "reason": "Điều 30 NĐ 98"}, follow=True
    )
    assert any("phải được Hội đồng" in str(m) for m in refused.context["messages"])
    appraised.refresh_from_db()
    assert appraised.state == "da_tham_dinh"

    settings.THIDUA_COUNCIL_NOT_REQUIRED_CODES = ["LDTT"]
    page = officer.get(detail)
    assert page.context["skips_council"]
    assert 'data-testid="skips-council"' in page.content.decode()
    officer.post(move, {"to": "hoi_dong_da_xet", "reason": "Quy chế cơ quan, Điều 5"})
    appraised.refresh_from_db()
    assert appraised.state == "hoi_dong_da_xet"
    assert appraised.events.last().reason == "Quy chế cơ quan, Điều 5"


def test_counting_an_item_without_a_dossier_moves_nothing(sitting):
    from tests.councils.ballots import close_ballot_and_record

    item = sitting.items[0]
    open_ballot(item, actor=sitting.secretary)
    result = close_ballot_and_record(item, actor=sitting.secretary)  # a seat acts
    assert result.roster_size == len(sitting.seats) and not result.passed


def test_no_paper_result_for_a_dossier_put_to_the_ballot(org, users, nomination):
    from django.utils import timezone

    from thidua.councils.services.meeting import (
        add_agenda_item,
        open_meeting,
        schedule_meeting,
    )

    secretary = users["council_secretary"]
    meeting = schedule_meeting(
        org.council, title="Họp", scheduled_at=timezone.now(), actor=secretary
    )
    open_meeting(meeting, actor=secretary)
    item = add_agenda_item(
        meeting, label="Một hồ sơ", title_code="LDTT", nomination=nomination
    )
    for conflict in item.conflicts.all():
        recuse(item, conflict.member, reason="Cùng đơn vị")
    open_ballot(item, actor=secretary)
    with pytest.raises(ValidationError, match="kết quả lấy từ phiếu bầu"):
        record_paper_result(
            nomination,
            council=org.council,
            met_on=MET_ON,
            roster_size=3,
            yes=3,
            no=0,
            minutes=minutes(),
            actor=users["officer"],
        )


def test_a_nominee_s_unit_defaults_to_the_person_s_own(board):
    """find_conflicts given only the person: the members of the person's current unit
    (and the person's own seat) are in conflict, as when the unit is given."""
    from django.utils import timezone

    from thidua.councils.services.meeting import find_conflicts

    seat = board.seats[3]
    today = timezone.localdate()
    by_person = find_conflicts(
        board.council, on=today, nominee_person_id=seat.person_id
    )
    assert seat in by_person
    assert by_person == find_conflicts(
        board.council,
        on=today,
        nominee_person_id=seat.person_id,
        nominee_unit_id=seat.person.unit_id,
    )
