"""One-item ballots for tests written against a single agenda item.

The services open one paper for a list of items and hand the tally code to the officer
once; these helpers open a box per item, keep its code in the test process, and let a
test say ``cast_vote(ballot, seat, "dong_y")`` and ``close_ballot(ballot, ...)``."""

from thidua.councils.models import Ballot
from thidua.councils.services.ballot import (
    MSG_ALREADY_VOTED,
    cast_paper,
    hash_receipt,
    open_ballots,
)
from thidua.councils.services.count import (
    close_box,
    tally,
)
from thidua.councils.services.count import (
    published_receipts as box_receipts,
)
from thidua.councils.services.count import (
    receipt_is_published as box_has_receipt,
)
from thidua.councils.services.outcome import close_box_and_record

__all__ = [
    "CODES",
    "MSG_ALREADY_VOTED",
    "cast_vote",
    "close_ballot",
    "close_ballot_and_record",
    "hash_receipt",
    "open_ballot",
    "published_receipts",
    "receipt_is_published",
    "tally",
]

CODES: dict[int, str] = {}


def open_ballot(item, *, actor) -> Ballot:
    opened = open_ballots(item.meeting, [item], actor=actor)
    CODES[opened.box.pk] = opened.code
    return Ballot.objects.get(box=opened.box)


def cast_vote(ballot, member, choice, *, written=False, actor=None) -> str:
    opened = ballot is not None and ballot.pk is not None
    return cast_paper(
        ballot.box if opened else None,
        member,
        {ballot.pk if opened else 0: choice},
        written=written,
        actor=actor,
    )


def close_ballot(ballot, *, actor):
    (result,) = close_box(ballot.box, CODES.get(ballot.box_id, ""), actor=actor)
    ballot.refresh_from_db()
    return result


def close_ballot_and_record(item, *, actor):
    box = Ballot.objects.get(agenda_item=item).box
    (result,) = close_box_and_record(box, CODES.get(box.pk, ""), actor=actor)
    return result


def published_receipts(ballot) -> list[str]:
    return box_receipts(ballot.box if ballot is not None else None)


def receipt_is_published(ballot, receipt: str) -> bool:
    return box_has_receipt(ballot.box if ballot is not None else None, receipt)
