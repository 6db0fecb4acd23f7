"""Issue #14: who reads a dossier without writing it — the head and the authorised
deputy of the round's agency (or of one above it), who decide on it, and the members
seated in the council of the round's agency that puts it on a meeting's agenda; its
files too. Everyone else: hidden, as if missing (404)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from thidua.accounts.enums import Role
from thidua.accounts.services import create_account
from thidua.councils.services.meeting import add_agenda_item, schedule_meeting
from thidua.nominations.selectors import nominations_for_user
from thidua.organizations.enums import CouncilRole
from thidua.organizations.services.structure import (
    add_council_member,
    end_council_member,
)

from ..factories import PASSWORD, make_person
from .test_nominations import complete, propose
from .test_nominations import round_ as round_  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
SEATED = datetime.date(2022, 1, 1)


@pytest.fixture
def dossier(round_, org):
    nomination = propose(round_, org)
    complete(nomination)
    return nomination


def _account(name, roles=(), person=None):
    return create_account(
        username=name, password=PASSWORD, person=person, roles=list(roles)
    )


def _urls(nomination) -> list[str]:
    attachment = nomination.attachments.first().pk
    file = reverse("nominations:nomination-file", args=[nomination.pk, attachment])
    return [
        reverse("nominations:nomination-detail", args=[nomination.pk]),
        reverse("nominations:nomination-report", args=[nomination.pk]),
        file,
        file + "?tai-ve=1",
    ]


def _writes(nomination) -> list[tuple[str, dict]]:
    attachment = nomination.attachments.first().pk
    return [
        (
            reverse("nominations:nomination-move", args=[nomination.pk]),
            {"to": "da_gui"},
        ),
        (reverse("nominations:nomination-attach", args=[nomination.pk]), {}),
        (reverse("nominations:nomination-report", args=[nomination.pk]), {}),
        (reverse("nominations:nomination-report-generate", args=[nomination.pk]), {}),
        (
            reverse(
                "nominations:nomination-file-withdraw",
                args=[nomination.pk, attachment],
            ),
            {},
        ),
    ]


def _reads_only(client, user, nomination, *, reads_round=False) -> None:
    """``user`` opens the dossier and its files, is offered no move, and every write
    is refused (403) with nothing changed. The breadcrumb links the round only for
    whoever may open the round's page (``reads_round``): never a link to a 404."""
    client.force_login(user)
    for url in _urls(nomination):
        response = client.get(url)
        assert response.status_code == 200, url
        if response.streaming:
            # Reading a file response through closes its file; the test client's
            # wrapper keeps the database connection open (response.close() would
            # fire request_finished and close PostgreSQL's connection mid-test).
            b"".join(response.streaming_content)
    page = client.get(_urls(nomination)[0])
    assert list(page.context["moves"]) == []
    assert not page.context["may_edit_files"]
    assert page.context["attachment_form"] is None
    assert not page.context["report_editable"]
    assert not page.context["enters_paper_result"]
    round_url = nomination.round.get_absolute_url()
    assert (f'href="{round_url}"' in page.content.decode()) is reads_round
    assert nomination.round.name in page.content.decode()
    assert client.get(round_url).status_code == (200 if reads_round else 404)
    version = nomination.version
    for url, data in _writes(nomination):
        assert client.post(url, data).status_code == 403, url
    nomination.refresh_from_db()
    assert nomination.version == version
    assert nomination.state == "nhap"
    assert nomination.attachments.filter(withdrawn_at__isnull=True).count() == 3


def _hidden(client, user, nomination) -> None:
    client.force_login(user)
    for url in _urls(nomination):
        assert client.get(url).status_code == 404, url
    for url, data in _writes(nomination):
        assert client.post(url, data).status_code == 404, url
    assert not nominations_for_user(user).filter(pk=nomination.pk).exists()


@pytest.mark.parametrize("role", ["head", "deputy"])
def test_the_head_and_deputy_read_the_dossiers_of_their_agencys_rounds(
    client, users, dossier, role
):
    assert list(nominations_for_user(users[role])) == [dossier]
    _reads_only(client, users[role], dossier, reads_round=True)
    # The round's page reads, with no action offered to the head.
    page = client.get(dossier.round.get_absolute_url())
    assert list(page.context["nominations"]) == [dossier]
    assert not page.context["can_propose"] and not page.context["can_decide"]


@pytest.mark.parametrize("role", [Role.HEAD, Role.DEPUTY])
def test_a_head_above_reads_them_one_beside_does_not(client, org, dossier, role):
    above = _account("chu-tich-tinh", [(role, org.province, None)])
    _reads_only(client, above, dossier, reads_round=True)
    beside = _account("giam-doc-stc", [(role, org.other, None)])
    _hidden(client, beside, dossier)
    below = _account("truong-phong", [(role, org.dkkd, None)])
    _hidden(client, below, dossier)


def test_the_clerk_does_not_read_them(client, users, dossier):
    _hidden(client, users["clerk"], dossier)


def _meeting(council, secretary):
    return schedule_meeting(
        council,
        title="Phiên họp xét khen thưởng",
        scheduled_at=timezone.now() + datetime.timedelta(days=1),
        actor=secretary,
    )


def test_a_seated_member_reads_the_dossiers_on_his_councils_agenda(
    client, org, users, dossier
):
    person = make_person(org.vp, "Đinh Công Mạnh")
    add_council_member(
        org.council, person=person, role=CouncilRole.MEMBER, start_date=SEATED
    )
    member = _account("uy-vien", [(Role.STAFF, None, None)], person=person)
    # Seated, but the dossier is on no agenda yet.
    _hidden(client, member, dossier)
    meeting = _meeting(org.council, users["council_secretary"])
    add_agenda_item(meeting, label="Hồ sơ", nomination=dossier)
    add_agenda_item(meeting, label="Hồ sơ, lần hai", nomination=dossier)
    assert list(nominations_for_user(member)) == [dossier]
    _reads_only(client, member, dossier)
    # The secretary's login, seated as well, reads it too.
    _reads_only(client, users["council_secretary"], dossier)
    # A member of another council, and a login with no staff record: hidden.
    stranger = make_person(org.other_unit, "Lò Văn Khánh")
    add_council_member(
        org.other_council, person=stranger, role=CouncilRole.MEMBER, start_date=SEATED
    )
    _hidden(client, _account("uy-vien-stc", person=stranger), dossier)
    _hidden(client, users["council_member"], dossier)


def test_a_seat_not_held_today_reads_nothing(client, org, users, dossier):
    meeting = _meeting(org.council, users["council_secretary"])
    add_agenda_item(meeting, label="Hồ sơ", nomination=dossier)
    today = timezone.localdate()
    gone = make_person(org.vp, "Hà Thị Nhung", gender="nu")
    seat = add_council_member(
        org.council, person=gone, role=CouncilRole.MEMBER, start_date=SEATED
    )
    end_council_member(seat, end_date=today - datetime.timedelta(days=1))
    _hidden(client, _account("da-thoi", person=gone), dossier)
    coming = make_person(org.vp, "Vy Văn Tâm")
    add_council_member(
        org.council,
        person=coming,
        role=CouncilRole.MEMBER,
        start_date=today + datetime.timedelta(days=1),
    )
    _hidden(client, _account("sap-vao", person=coming), dossier)
    # Seated until today inclusive: still a member.
    last_day = make_person(org.vp, "Mông Thị Vân", gender="nu")
    seat = add_council_member(
        org.council, person=last_day, role=CouncilRole.MEMBER, start_date=SEATED
    )
    end_council_member(seat, end_date=today)
    _reads_only(client, _account("ngay-cuoi", person=last_day), dossier)
