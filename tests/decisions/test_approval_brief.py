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

from tests.councils.ballots import cast_vote, close_ballot_and_record, open_ballot
from thidua.councils.models import BallotResult
from thidua.councils.services.meeting import add_agenda_item, recuse
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


def _docx_text(data: bytes) -> str:
    from docx.oxml.ns import qn

    from ..documents.helpers import open_docx, paragraph_text

    body = open_docx(data).element.body
    return "\n".join(paragraph_text(p) for p in body.iter(qn("w:p")))


def test_the_tờ_trình_says_which_result_came_from_the_paper_minutes(
    client_for, round_, org, users
):
    voted = _voted(round_, org, users)
    on_paper = decided(round_, org, "head", "LDTT", users)
    decision = _awaiting(round_, [voted, on_paper], users)
    url = reverse("decisions:decision-proposal", args=[decision.pk])
    # The draft's page links to it; whoever sees the decision downloads it.
    page = client_for("head").get(decision.get_absolute_url())
    assert url in page.content.decode()
    response = client_for("officer").get(url)
    assert response.status_code == 200
    assert "to-trinh-quyet-dinh" in response["Content-Disposition"]
    text = _docx_text(response.content)
    assert "Tờ trình".upper() in text.upper()
    assert (
        f"Hồ sơ của {on_paper.subject} (Lao động tiên tiến): kết quả xét của Hội đồng "
        "được nhập từ biên bản họp trên giấy đã ký, họp ngày 01/12/2025: "
        "đồng ý 3/3 thành viên, không đồng ý 0."
    ) in text
    assert "nhập từ biên bản họp giấy đã ký ngày 01/12/2025" in text
    assert f"Hồ sơ của {voted.subject}" not in text  # put to the ballot
    assert "bỏ phiếu kín ngày" in text
    assert org.people["head"].full_name in text  # the council's chair signs
    assert client_for("other_officer").get(url).status_code == 404


def test_the_tờ_trình_without_a_chair_or_a_council_result(round_, org, users):
    from thidua.decisions.rendering import _tally, proposal_spec
    from thidua.decisions.selectors import CouncilResult, council_chair
    from thidua.organizations.services.structure import end_council_member

    assert council_chair(org.skhdt) == org.people["head"]
    decision = _awaiting(
        round_, [decided(round_, org, "dkkd_staff", "LDTT", users)], users
    )
    seat = org.council.members.get(role="chu_tich")
    end_council_member(seat, end_date=datetime.date(2025, 1, 1))
    assert council_chair(org.skhdt) is None
    assert proposal_spec(decision).signer.name == "………………"
    assert _tally(None) == "Không qua Hội đồng"
    lost = CouncilResult(
        yes=1, no=2, roster_size=3, passed=False, on=DAY, council="", paper=True
    )
    assert _tally(lost).startswith("Đồng ý 1/3, không đồng ý 2; không thông qua")
