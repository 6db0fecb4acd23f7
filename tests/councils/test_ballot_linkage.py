"""Whoever holds the database after the count cannot link a member to a choice.

The attacks run in a subprocess against a database of its own (see
``ballot_attack_worker.py``) — a scratch PostgreSQL database when the suite runs on
PostgreSQL, a WAL SQLite file otherwise — so they see what real commits leave on disk.
"""

import json
from pathlib import Path

import pytest

from ..scratch import run_worker

WORKER = Path(__file__).with_name("ballot_attack_worker.py")


@pytest.fixture(scope="module")
def attack(tmp_path_factory):
    result = run_worker(
        WORKER, ["--members", "24"], tmp_path_factory.mktemp("attack"), prefix="attack"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_every_order_the_database_keeps_pairs_members_and_votes_at_chance(attack):
    # Half the members said yes to every row, half no, in that order: pairing the
    # n-th voter with the n-th vote is right for everyone if any order leaks (or wrong
    # for everyone, which leaks as much). A random pairing of 24 is right for 2·X of
    # them, X hypergeometric (24, 12, 12): 22 or more, or 2 or fewer, happens by chance
    # about once in 10 000 ballots.
    orders = (
        {"primary key", "ctid", "xmin"}
        if attack["vendor"] == "postgresql"
        else {
            "primary key",
            "rowid",
        }
    )
    assert {key.split(" ~ ")[0] for key in attack["attacks"]} == orders
    for key, per_ballot in attack["attacks"].items():
        assert len(per_ballot) == 3  # every row of the paper
        for accuracy in per_ballot:
            assert 2 / 24 < accuracy < 22 / 24, (key, per_ballot)


def test_the_same_attack_links_everyone_while_the_key_still_exists(attack):
    """Control: before the count, the sealed papers opened with the tally code and
    taken in the database's row order give every choice away — so the attack is sound,
    and the secrecy above rests on the shuffle and on the key's erasure at close."""
    physical = "ctid" if attack["vendor"] == "postgresql" else "rowid"
    assert attack["control"] == {f"{physical} ~ participation": 1.0}


def test_counted_votes_share_one_transaction_apart_from_the_participations(attack):
    if attack["vendor"] != "postgresql":
        # SQLite keeps no transaction id on rows: nothing to link by (and a skip
        # would fail CI, where a skip means a missing package).
        assert attack["transaction_ids"] == {}
        return
    ids = attack["transaction_ids"]
    assert len(ids["votes"]) == 1
    assert not set(ids["votes"]) & set(ids["participations"])


def test_receipts_are_stored_sorted_and_no_secret_reaches_disk_or_backup(attack):
    assert attack["receipts_sorted"]
    assert attack["keys_recorded"] == 1 + attack["members"]  # the box, each paper
    if attack["vendor"] == "sqlite":  # the WAL was read while it held the count
        assert "thidua.sqlite3-wal (live)" in attack["files_scanned"]
    else:
        assert attack["files_scanned"] > 0
    assert attack["secrets_found"] == {"database files": [], "backup": []}
