"""Issue #14: the head's approval queue shows, for each awardee, what the council
decided (its ballot's tally, or the paper minutes' one, marked as such) and the
eligibility engine's verdict, with the dossier a click away — in a number of queries
that does not grow with the decisions or the people in them."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from thidua.councils.models import BallotResult
from thidua.councils.services.ballot import cast_vote, open_ballot
from thidua.councils.services.meeting import add_agenda_item, recuse
from thidua.councils.services.outcome import close_ballot_and_record
from thidua.decisions.selectors import brief_items, decisions_awaiting_approval
from thidua.decisions.services.decision import draft_decision, submit_decision
from thidua.nominations.services.nomination import add_attachment, create_nomination
from thidua.organizations.enums import VerdictStatus

from ..council_paper import PDF, advance
from ..councils.ballot_worker import open_session, seat_members
from ..factories import make_person
from .test_decisions import decided
from .test_decisions import round_ as round_  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 1, 15)


def _to_council(round_, org, users, **subject):
    nomination = create_nomination(round_, proposing_unit=org.dkkd, **subject)
    for kind in ("bao_cao_thanh_tich", "bien_ban_binh_xet", "chung_nhan_sang_kien"):
        add_attachment(nomination, kind=kind, upload=SimpleUploadedFile("a.pdf", PDF))
    for to in ("da_gui", "da_tham_dinh", "trinh_hoi_dong"):
        advance(nomination, to, actor=users["admin"])
    return nomination


def _voted(round_, org, users):
    """A dossier put to the council's secret ballot: three for, one against."""
    nomination = _to_council(
        round_, org, users, person=org.people["dkkd_staff"], code="LDTT"
    )
    seats = seat_members(org.council, org.vp, 5)
    secretary = users["council_secretary"]
    meeting, _ballots = open_session(org.council, seats, items=0, officer=secretary)
    item = add_agenda_item(meeting, label="Đề nghị", nomination=nomination)
    # The chair heads the nominee's unit: he stands aside.
    recuse(item, seats[0], reason="Cùng đơn vị", actor=secretary)
    ballot = open_ballot(item, actor=secretary)
    for seat, choice in zip(
        seats[1:], ["dong_y", "dong_y", "dong_y", "khong_dong_y"], strict=True
    ):
        cast_vote(ballot, seat, choice)
    close_ballot_and_record(item, actor=secretary)
    nomination.refresh_from_db()
    assert nomination.state == "hoi_dong_da_xet"
    return nomination


def _awaiting(round_, nominations, users):
    decision = draft_decision(
        round_, nominations, planned_on=DAY, actor=users["officer"]
    )
    submit_decision(decision, actor=users["officer"])
    return decision


def test_the_queue_shows_the_councils_result_and_the_verdicts(
    client_for, round_, org, users
):
    voted = _voted(round_, org, users)
    on_paper = decided(round_, org, "head", "LDTT", users)
    decision = _awaiting(round_, [voted, on_paper], users)
    page = client_for("head").get(reverse("decisions:decision-approvals"))
    assert page.context["decisions"] == [decision]
    by_nomination = {
        i.nomination_id: i for i in page.context["decisions"][0].items.all()
    }
    tally = BallotResult.objects.get(ballot__agenda_item__nomination=voted)
    ballot = by_nomination[voted.pk].council_result
    assert (ballot.yes, ballot.no, ballot.roster_size) == (3, 1, tally.roster_size)
    assert ballot.passed == tally.passed
    assert not ballot.paper
    assert ballot.council == org.council.name
    paper = by_nomination[on_paper.pk].council_result
    assert (paper.yes, paper.no, paper.roster_size, paper.passed) == (3, 0, 3, True)
    assert paper.paper
    assert paper.on == datetime.date(2025, 12, 1)
    for item in by_nomination.values():
        assert item.verdict.status in set(VerdictStatus)
    html = page.content.decode()
    assert html.count("nhập từ biên bản giấy") == 1
    assert f"Đồng ý {ballot.yes}/{ballot.roster_size}" in html
    assert "Đồng ý 3/3" in html
    assert html.count('data-testid="verdict"') == 2
    for nomination in (voted, on_paper):
        assert nomination.get_absolute_url() in html
        # … and the head opens it.
        assert client_for("head").get(nomination.get_absolute_url()).status_code == 200
    # The clerk's queue does not brief.
    assert 'data-testid="verdict"' not in (
        client_for("clerk")
        .get(reverse("decisions:decision-issue-queue"))
        .content.decode()
    )


def test_the_verdict_reads_the_awardees_records(round_, org, users):
    """A person who missed the rating is not eligible; a unit's case is built too."""
    unit = _to_council(round_, org, users, agency=org.dkkd, code="TTLDTT")
    advance(unit, "hoi_dong_da_xet", actor=users["admin"])
    person = decided(round_, org, "dkkd_staff", "LDTT", users)
    decision = _awaiting(round_, [person, unit], users)
    [briefed] = brief_items(list(decisions_awaiting_approval(users["head"])))
    assert briefed == decision
    verdicts = {i.nomination_id: i.verdict for i in briefed.items.all()}
    # No rating on record for 2025: the engine says what is missing.
    assert verdicts[person.pk].status != VerdictStatus.ELIGIBLE
    assert verdicts[person.pk].missing
    assert verdicts[unit.pk].status in set(VerdictStatus)


def test_the_queue_costs_the_same_for_more_decisions_and_people(
    client_for, round_, org, users
):
    _awaiting(round_, [decided(round_, org, "dkkd_staff", "LDTT", users)], users)
    client = client_for("head")
    queue = reverse("decisions:decision-approvals")
    client.get(queue)  # warm the caches (scopes, sessions)
    with CaptureQueriesContext(connection) as one:
        assert len(client.get(queue).context["decisions"]) == 1
    for n in range(3):
        people = [
            make_person(
                org.dkkd, f"Người số {n}-{k}", birth=datetime.date(1980, 1, k + 1)
            )
            for k in range(2)
        ]
        nominations = []
        for person in people:
            org.people[person.full_name] = person
            nominations.append(decided(round_, org, person.full_name, "LDTT", users))
        _awaiting(round_, nominations, users)
    with CaptureQueriesContext(connection) as many:
        page = client.get(queue)
    assert len(page.context["decisions"]) == 4
    assert sum(d.items.count() for d in page.context["decisions"]) == 7
    assert len(many.captured_queries) == len(one.captured_queries)
