"""Secrecy from the database alone, Belenios-style ground truth, and receipts."""

import json
import os
import random
import re

import pytest
from django.db import models

from tests.councils.ballots import (
    cast_vote,
    close_ballot,
    hash_receipt,
    open_ballot,
    published_receipts,
    tally,
)
from thidua.common.models import ActivityLog
from thidua.councils.models import BallotParticipation, BallotVote
from thidua.councils.services.meeting import add_agenda_item

from .ballot_worker import seat_members

pytestmark = pytest.mark.django_db

CHOICES = ("dong_y", "khong_dong_y")


def test_vote_table_has_no_member_no_time_and_a_random_key():
    meta = BallotVote._meta
    pk = meta.pk
    assert isinstance(pk, models.UUIDField)
    assert pk.default.__name__ == "uuid4" and not pk.editable
    assert not any(isinstance(f, models.AutoField) for f in meta.get_fields())
    assert not any(
        isinstance(f, models.DateField | models.TimeField) for f in meta.get_fields()
    ), "no timestamp (DateTimeField is a DateField subclass) on a vote"
    relations = [f for f in meta.get_fields() if f.is_relation]
    assert [f.related_model._meta.label for f in relations] == ["councils.Ballot"]
    assert {f.name for f in meta.concrete_fields} == {
        "id",
        "ballot",
        "choice",
        "receipt_hash",
    }
    assert list(meta.ordering) == ["id"]
    # And participation says who, never how.
    names = {f.name for f in BallotParticipation._meta.concrete_fields}
    assert "choice" not in names and "receipt_hash" not in names
    assert not any(
        isinstance(f, models.DateField)
        for f in BallotParticipation._meta.concrete_fields
    )


def test_votes_are_not_in_the_admin():
    from django.apps import apps

    if apps.is_installed("django.contrib.admin"):
        from django.contrib import admin

        assert BallotVote not in admin.site._registry


def _kendall_tau(xs: list[int], ys: list[int]) -> float:
    n = len(xs)
    concordant = discordant = 0
    for i in range(n):
        for j in range(i + 1, n):
            s = (xs[i] - xs[j]) * (ys[i] - ys[j])
            if s > 0:
                concordant += 1
            elif s < 0:
                discordant += 1
    return (concordant - discordant) / (n * (n - 1) / 2)


def test_key_order_does_not_reveal_the_order_of_voting(sitting, monkeypatch):
    # 20 members × 10 items = 200 votes cast in a known order. UUID4 keys come from
    # os.urandom, seeded here so that the figure is reproducible.
    rng = random.Random(20261125)
    monkeypatch.setattr(os, "urandom", rng.randbytes)
    seats = seat_members(sitting.council, sitting.seats[2].person.unit, 20)
    from thidua.councils.services.meeting import record_attendance

    for seat in seats[10:]:
        record_attendance(sitting.meeting, seat, present=True)
    ballots = [open_ballot(sitting.items[0], actor=sitting.secretary_user)]
    for i in range(9):
        item = add_agenda_item(sitting.meeting, label=f"Đề nghị {i}")
        ballots.append(open_ballot(item, actor=sitting.secretary_user))
    cast_order = []
    for ballot in ballots:
        for seat in seats:
            receipt = cast_vote(ballot, seat, rng.choice(CHOICES))
            cast_order.append(hash_receipt(receipt))
    assert len(cast_order) == 200
    # The order the participations were written in is the order of casting …
    participations = list(
        BallotParticipation.objects.order_by("pk").values_list("ballot", "member")
    )
    assert participations == [(b.pk, s.pk) for b in ballots for s in seats]
    # … while the votes, by key and by default ordering, are shuffled.
    by_default = list(BallotVote.objects.values_list("receipt_hash", flat=True))
    by_key = list(
        BallotVote.objects.order_by("pk").values_list("receipt_hash", flat=True)
    )
    assert by_default == by_key
    rank = {h: i for i, h in enumerate(by_default)}
    tau = _kendall_tau(list(range(200)), [rank[h] for h in cast_order])
    assert abs(tau) < 0.1, tau
    # Within one ballot too.
    first = [h for h in by_default if h in set(cast_order[:20])]
    tau_one = _kendall_tau(list(range(20)), [first.index(h) for h in cast_order[:20]])
    assert abs(tau_one) < 0.5, tau_one


def test_no_audit_entry_mentions_a_choice_a_receipt_or_a_vote(sitting):
    ballot = open_ballot(sitting.items[0], actor=sitting.secretary_user)
    receipts = [
        cast_vote(ballot, seat, CHOICES[i % 2]) for i, seat in enumerate(sitting.seats)
    ]
    close_ballot(ballot, actor=sitting.secretary_user)
    vote_ids = {str(v) for v in BallotVote.objects.values_list("pk", flat=True)}
    hashes = set(BallotVote.objects.values_list("receipt_hash", flat=True))
    entries = list(ActivityLog.objects.filter(action__startswith="councils."))
    participations = [e for e in entries if e.action == "councils.ballot.participate"]
    assert len(participations) == 10
    assert all(set(e.data) == {"member", "channel"} for e in participations)
    for entry in entries:
        text = json.dumps(entry.data, ensure_ascii=False) + entry.object_repr
        assert not re.search(r"dong_y|đồng ý", text, re.IGNORECASE), entry.action
        assert not any(r in text for r in receipts)
        assert not any(h in text for h in hashes)
        assert not any(v in text for v in vote_ids)
        assert entry.object_id not in vote_ids


def test_ground_truth_tally_and_receipts(sitting):
    """Belenios style: choices drawn in advance (seeded), some members abstain."""
    rng = random.Random(7)
    items = [sitting.items[0]] + [
        add_agenda_item(sitting.meeting, label=f"Đề nghị {i}") for i in range(4)
    ]
    for item in items:
        ballot = open_ballot(item, actor=sitting.secretary_user)
        truth = {
            seat.pk: rng.choice([*CHOICES, None]) for seat in sitting.seats
        }  # None: does not vote
        receipts = {
            pk: cast_vote(ballot, seat, truth[pk])
            for seat in sitting.seats
            if (pk := seat.pk) and truth[pk]
        }
        close_ballot(ballot, actor=sitting.secretary_user)
        result = tally(ballot)
        voted = [c for c in truth.values() if c]
        assert result.yes == voted.count("dong_y")
        assert result.no == voted.count("khong_dong_y")
        assert result.abstained_or_absent == 10 - len(voted)
        assert result.participations == len(voted) == len(receipts)
        published = published_receipts(ballot)
        assert len(published) == result.participations
        assert published == sorted(published)
        assert all(re.fullmatch(r"[0-9a-f]{64}", h) for h in published)
        assert {hash_receipt(r) for r in receipts.values()} <= set(published)
        # Receipts are not the stored values: a leaked table gives no receipt away.
        assert not set(receipts.values()) & set(published)
