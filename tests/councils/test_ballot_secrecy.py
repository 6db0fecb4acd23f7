"""What the ballot tables can hold, sealing, Belenios-style ground truth and receipts.

The attacks on a real database (row order, xmin, raw files, backups) are in
``test_ballot_linkage.py``."""

import json
import random
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import models

from thidua.common.models import ActivityLog
from thidua.councils import sealing
from thidua.councils.models import (
    BallotBox,
    BallotParticipation,
    BallotReceipt,
    BallotVote,
    SealedPaper,
)
from thidua.councils.services.ballot import cast_paper, hash_receipt, open_ballots
from thidua.councils.services.count import (
    close_box,
    find_counted_receipt,
    published_receipts,
    receipt_is_published,
    tally,
)
from thidua.councils.services.meeting import add_agenda_item, recuse

pytestmark = pytest.mark.django_db

CHOICES = ("dong_y", "khong_dong_y")


def _fields(model) -> set[str]:
    return {f.name for f in model._meta.concrete_fields}


def test_no_table_holds_a_member_next_to_a_choice_or_a_receipt():
    assert _fields(BallotVote) == {"id", "ballot", "choice"}
    assert _fields(SealedPaper) == {"id", "box", "sealed"}
    assert _fields(BallotReceipt) == {"id", "box", "receipt_hash"}
    for model in (BallotVote, SealedPaper):
        pk = model._meta.pk
        assert isinstance(pk, models.UUIDField)
        assert pk.default.__name__ == "uuid4" and not pk.editable
        assert list(model._meta.ordering) == ["id"]
    for model in (BallotVote, SealedPaper, BallotReceipt, BallotParticipation):
        assert not any(
            isinstance(f, models.DateField | models.TimeField)
            for f in model._meta.concrete_fields
        ), model
    assert not _fields(BallotParticipation) & {"choice", "receipt_hash", "sealed"}


def test_ballot_tables_are_not_in_the_admin():
    from django.apps import apps

    if apps.is_installed("django.contrib.admin"):
        from django.contrib import admin

        for model in (BallotVote, SealedPaper, BallotReceipt, BallotBox):
            assert model not in admin.site._registry


def test_sealed_papers_open_only_with_the_boxs_key_and_hide_their_choices():
    keys = sealing.new_box_keys()
    private = sealing.unwrap_private_key(
        keys.wrapped_private_key, keys.public_key, keys.code.lower()
    )
    paper = sealing.seal_paper(keys.public_key, b"Y" * 10)
    assert sealing.open_paper(private, paper) == b"Y" * 10
    # Same rows, other choices: same size, other bytes.
    assert len(sealing.seal_paper(keys.public_key, b"N" * 10)) == len(paper)
    assert b"YYYY" not in paper
    other = sealing.new_box_keys()
    with pytest.raises(sealing.BadTallyCode):
        sealing.unwrap_private_key(
            keys.wrapped_private_key, keys.public_key, other.code
        )
    with pytest.raises(sealing.BadTallyCode):  # the code of this box, another box
        sealing.unwrap_private_key(
            other.wrapped_private_key, keys.public_key, keys.code
        )
    assert re.fullmatch(r"([A-Z2-7]{4}-){6}[A-Z2-7]{2}", keys.code)
    assert len(sealing.fingerprint(keys.public_key)) == 16


def _paper_box(sitting, n_items=3):
    items = [sitting.items[0]] + [
        add_agenda_item(sitting.meeting, label=f"Đề nghị {i}")
        for i in range(n_items - 1)
    ]
    return items


def test_ground_truth_tally_and_receipts_on_one_paper(sitting):
    """Belenios style: choices drawn in advance (seeded), a recused member, members
    who hand in no paper."""
    rng = random.Random(7)
    items = _paper_box(sitting, 4)
    recused = sitting.seats[5]
    recuse(items[2], recused, reason="Cùng đơn vị")
    opened = open_ballots(sitting.meeting, items, actor=sitting.secretary_user)
    ballots = list(opened.box.ballots.select_related("agenda_item").order_by("pk"))
    voters = [s for s in sitting.seats if rng.random() < 0.8]
    truth, receipts = {}, {}
    for seat in voters:
        paper = {
            b.pk: rng.choice(CHOICES)
            for b in ballots
            if not (seat == recused and b.agenda_item == items[2])
        }
        truth[seat.pk] = paper
        receipts[seat.pk] = cast_paper(opened.box, seat, paper)
    # While open: papers sealed, nothing in the clear, nothing published.
    assert SealedPaper.objects.filter(box=opened.box).count() == len(voters)
    assert not BallotVote.objects.exists()
    with pytest.raises(ValidationError, match="Chưa đóng phiếu"):
        published_receipts(opened.box)
    with pytest.raises(ValidationError, match="không đúng"):
        close_box(opened.box, "AAAA-BBBB", actor=sitting.secretary_user)
    assert BallotBox.objects.get(pk=opened.box.pk).is_open
    results = close_box(opened.box, opened.code, actor=sitting.secretary_user)
    assert len(results) == 4
    for ballot, result in zip(ballots, results, strict=True):
        cast = [p[ballot.pk] for p in truth.values() if ballot.pk in p]
        assert (result.yes, result.no) == (
            cast.count("dong_y"),
            cast.count("khong_dong_y"),
        )
        assert result.abstained_or_absent == ballot.roster_size - len(cast)
        assert tally(ballot).participations == len(cast)
    # The key is gone, the sealed papers too; the receipts are published sorted.
    box = BallotBox.objects.get(pk=opened.box.pk)
    assert box.wrapped_private_key is None and not box.is_open
    assert not SealedPaper.objects.exists()
    published = published_receipts(box)
    assert published == sorted(published) and len(published) == len(voters)
    assert {hash_receipt(r) for r in receipts.values()} == set(published)
    assert not set(receipts.values()) & set(published)  # hashes, not the receipts
    any_receipt = next(iter(receipts.values()))
    assert receipt_is_published(box, any_receipt.lower().replace("-", " "))
    assert find_counted_receipt(any_receipt) == box
    assert find_counted_receipt("AAAA-BBBB") is None


def test_no_audit_entry_mentions_a_choice_a_receipt_or_a_vote(sitting):
    items = _paper_box(sitting, 2)
    opened = open_ballots(sitting.meeting, items, actor=sitting.secretary_user)
    ballots = list(opened.box.ballots.all())
    receipts = [
        cast_paper(opened.box, seat, {b.pk: CHOICES[i % 2] for b in ballots})
        for i, seat in enumerate(sitting.seats)
    ]
    close_box(opened.box, opened.code, actor=sitting.secretary_user)
    vote_ids = {str(v) for v in BallotVote.objects.values_list("pk", flat=True)}
    hashes = set(BallotReceipt.objects.values_list("receipt_hash", flat=True))
    entries = list(ActivityLog.objects.filter(action__startswith="councils."))
    participations = [e for e in entries if e.action == "councils.ballot.participate"]
    assert len(participations) == 10  # one per paper, not per row
    assert all(set(e.data) == {"member", "channel"} for e in participations)
    for entry in entries:
        text = json.dumps(entry.data, ensure_ascii=False) + entry.object_repr
        assert not re.search(r"dong_y|đồng ý", text, re.IGNORECASE), entry.action
        assert not any(r in text for r in receipts)
        assert not any(h in text for h in hashes)
        assert not any(v in text for v in vote_ids)
        assert opened.code not in text
        assert entry.object_id not in vote_ids
