"""The ballot box refuses UPDATE and DELETE at the database (SQLite and PostgreSQL)."""

import pytest
from django.db import DatabaseError, connection, transaction

from tests.councils.ballots import cast_vote, close_ballot, open_ballot
from thidua.councils.models import (
    Ballot,
    BallotBox,
    BallotParticipation,
    BallotReceipt,
    BallotResult,
    BallotRoster,
    BallotVote,
    SealedPaper,
)

pytestmark = pytest.mark.django_db


def refused(fn) -> None:
    with pytest.raises(DatabaseError), transaction.atomic():
        fn()


def raw(sql: str, *params) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _closed_ballot(sitting):
    ballot = open_ballot(sitting.items[0], actor=sitting.secretary_user)
    for seat in sitting.seats[:7]:
        cast_vote(ballot, seat, "dong_y")
    cast_vote(ballot, sitting.seats[7], "khong_dong_y")
    return ballot


def _digest(ballot) -> list:
    return [
        list(BallotVote.objects.filter(ballot=ballot).values_list()),
        list(BallotParticipation.objects.filter(ballot=ballot).values_list()),
        list(BallotRoster.objects.filter(ballot=ballot).values_list()),
        list(BallotResult.objects.filter(ballot=ballot).values_list()),
    ]


@pytest.mark.parametrize("closed", [False, True], ids=["open", "closed"])
def test_votes_and_participations_are_append_only(sitting, closed):
    ballot = _closed_ballot(sitting)
    if closed:
        close_ballot(ballot, actor=sitting.secretary_user)
    before = _digest(ballot)
    taken = BallotParticipation.objects.filter(ballot=ballot).first()
    seat = BallotRoster.objects.filter(ballot=ballot).first()
    rows = [(BallotParticipation, taken), (BallotRoster, seat)]
    if not closed:
        # While open, the papers are sealed: none may be altered in place.
        paper = SealedPaper.objects.filter(box=ballot.box_id).first()
        paper.sealed = b"x" * len(paper.sealed)
        refused(paper.save)
        refused(lambda: raw("UPDATE councils_sealedpaper SET sealed = sealed"))
        assert not BallotVote.objects.filter(ballot=ballot).exists()
        assert _digest(ballot) == before
        return
    vote = BallotVote.objects.filter(ballot=ballot).first()
    receipt = BallotReceipt.objects.filter(box=ballot.box_id).first()
    refused(receipt.delete)
    refused(lambda: raw("UPDATE councils_ballotreceipt SET receipt_hash = 'x'"))
    refused(lambda: raw("DELETE FROM councils_ballotreceipt"))
    refused(lambda: BallotBox.objects.filter(pk=ballot.box_id).update(state="open"))
    refused(lambda: raw("DELETE FROM councils_ballotbox"))
    for model, row in [(BallotVote, vote), *rows]:
        table = model._meta.db_table
        refused(lambda row=row: row.delete())
        refused(lambda model=model: model.objects.filter(ballot=ballot).delete())
        refused(lambda row=row: row.save())
        refused(
            lambda model=model: model.objects.filter(ballot=ballot).update(
                ballot=ballot
            )
        )
        refused(
            lambda table=table: raw(
                f"DELETE FROM {table} WHERE ballot_id = %s", ballot.pk
            )
        )
        refused(lambda table=table: raw(f"UPDATE {table} SET ballot_id = ballot_id"))
    refused(lambda: BallotVote.objects.filter(pk=vote.pk).update(choice="khong_dong_y"))
    refused(lambda: raw("UPDATE councils_ballotvote SET choice = 'dong_y'"))
    refused(lambda: raw("DELETE FROM councils_ballotvote"))
    assert _digest(ballot) == before


def test_result_is_immutable_and_the_closed_ballot_frozen(sitting):
    ballot = _closed_ballot(sitting)
    result = close_ballot(ballot, actor=sitting.secretary_user)
    assert (result.yes, result.no, result.abstained_or_absent) == (7, 1, 2)
    before = _digest(ballot)
    result.yes = 10
    refused(result.save)
    refused(result.delete)
    refused(lambda: BallotResult.objects.update(passed=False))
    refused(lambda: BallotResult.objects.all().delete())
    refused(lambda: raw("UPDATE councils_ballotresult SET yes = 10, no = 0"))
    refused(lambda: raw("DELETE FROM councils_ballotresult"))
    refused(lambda: Ballot.objects.filter(pk=ballot.pk).update(state="open"))
    refused(lambda: raw("UPDATE councils_ballot SET state = 'open'"))
    refused(lambda: raw("DELETE FROM councils_ballot"))
    assert _digest(ballot) == before
    assert Ballot.objects.get(pk=ballot.pk).state == "closed"


def test_nothing_enters_a_closed_box_even_bypassing_the_service(sitting):
    ballot = _closed_ballot(sitting)
    close_ballot(ballot, actor=sitting.secretary_user)
    refused(lambda: BallotVote.objects.create(ballot=ballot, choice="dong_y"))
    refused(lambda: SealedPaper.objects.create(box=ballot.box, sealed=b"x" * 80))
    refused(lambda: BallotReceipt.objects.filter(box=ballot.box_id).delete())
    refused(
        lambda: BallotParticipation.objects.create(
            ballot=ballot, member=sitting.seats[9]
        )
    )
    assert BallotVote.objects.filter(ballot=ballot).count() == 8


def test_no_result_for_an_open_ballot(sitting):
    from django.utils import timezone

    ballot = _closed_ballot(sitting)
    refused(
        lambda: BallotResult.objects.create(
            ballot=ballot,
            yes=10,
            no=0,
            abstained_or_absent=0,
            roster_size=10,
            passed=True,
            rule="giả mạo",
            computed_at=timezone.now(),
        )
    )
