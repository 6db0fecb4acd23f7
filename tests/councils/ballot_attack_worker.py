"""Attacks on ballot secrecy by whoever holds the database after the count.

Run as a subprocess by ``test_ballot_linkage.py`` against a database of its own (a
scratch PostgreSQL database, or a WAL SQLite file), because the attacks read what a
real commit leaves behind: row order (rowid, ctid), transaction ids (xmin), the
audit trail, the raw database files with their WAL and free pages, and a backup.

The members vote in the worst order for secrecy: the first half says "đồng ý" on every
row, the second half "không đồng ý". An attack that pairs the n-th member to vote with
the n-th stored vote is then right for every member if any order leaks, and right for
about half of them if none does. The control runs the same pairing on the sealed
papers *before* the count, opened with the tally code: it is right for everyone, which
shows the attack is sound and that secrecy rests on the key being erased at close.
"""

import argparse
import json
import os
import random
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _pair_accuracy(voters: list[int], truth: dict, votes: list[str]) -> float:
    """Pair the i-th voter with the i-th vote; the share of right guesses."""
    right = sum(truth[m] == c for m, c in zip(voters, votes, strict=True))
    return right / len(voters)


def _vote_orders(ballot_id: int) -> dict[str, list[str]]:
    """The stored votes of one ballot in every order the database offers."""
    from django.db import connection

    orders = {"primary key": "id"}
    if connection.vendor == "postgresql":
        orders["ctid"] = "ctid"
        orders["xmin"] = "xmin::text::bigint, ctid"
    else:
        orders["rowid"] = "rowid"
    found = {}
    with connection.cursor() as cursor:
        for name, order in orders.items():
            cursor.execute(
                f"SELECT choice FROM councils_ballotvote WHERE ballot_id = %s "
                f"ORDER BY {order}",
                [ballot_id],
            )
            found[name] = [row[0] for row in cursor.fetchall()]
    return found


def _transaction_ids(box_id: int) -> dict:
    """PostgreSQL: the xmin of the counted votes and of the participations."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT v.xmin::text FROM councils_ballotvote v "
            "JOIN councils_ballot b ON b.id = v.ballot_id WHERE b.box_id = %s",
            [box_id],
        )
        votes = {row[0] for row in cursor.fetchall()}
        cursor.execute(
            "SELECT DISTINCT p.xmin::text FROM councils_ballotparticipation p "
            "JOIN councils_ballot b ON b.id = p.ballot_id WHERE b.box_id = %s",
            [box_id],
        )
        participations = {row[0] for row in cursor.fetchall()}
    return {"votes": sorted(votes), "participations": sorted(participations)}


def _physical_order_of_sealed_papers(opened, ballot, seats, truth) -> dict:
    """Control, while the box is open and with the tally code: pair the n-th voter with
    the n-th sealed paper in the order the database keeps them."""
    from django.db import connection

    from thidua.councils.models import BallotParticipation
    from thidua.councils.sealing import open_paper, unwrap_private_key
    from thidua.councils.services.ballot import _ROW

    box = opened.box
    key = unwrap_private_key(box.wrapped_private_key, box.public_key, opened.code)
    physical = "ctid" if connection.vendor == "postgresql" else "rowid"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT sealed FROM councils_sealedpaper WHERE box_id = %s "
            f"ORDER BY {physical}",
            [box.pk],
        )
        papers = [bytes(row[0]) for row in cursor.fetchall()]
    choices = []
    for paper in papers:
        plain = open_paper(key, paper)
        rows = dict(
            _ROW.unpack_from(plain, offset) for offset in range(32, len(plain), 9)
        )
        choices.append("dong_y" if rows[ballot.pk] == ord("Y") else "khong_dong_y")
    voters = list(
        BallotParticipation.objects.filter(ballot=ballot)
        .order_by("pk")
        .values_list("member_id", flat=True)
    )
    return {f"{physical} ~ participation": _pair_accuracy(voters, truth, choices)}


def _raw_files() -> list[Path]:
    """The database's files as they are on disk, WAL and free pages included."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("CHECKPOINT")
            cursor.execute("SHOW data_directory")
            data = Path(cursor.fetchone()[0])
            cursor.execute(
                "SELECT oid FROM pg_database WHERE datname = current_database()"
            )
            oid = cursor.fetchone()[0]
        return [
            *(data / "base" / str(oid)).iterdir(),
            *(p for p in (data / "pg_wal").iterdir() if p.is_file()),
        ]
    name = Path(connection.settings_dict["NAME"])
    return [p for p in (name, Path(f"{name}-wal"), Path(f"{name}-shm")) if p.exists()]


def _backup_bytes(folder: Path) -> bytes:
    from django.core.management import call_command

    target = folder / "backup.tar"
    call_command("backup", str(target), "--include-keys", verbosity=0)
    chunks = []
    with tarfile.open(target) as archive:
        for member in archive.getmembers():
            if member.isfile():
                chunks.append(archive.extractfile(member).read())
    return b"".join(chunks)


def _secrets_found(blobs: dict[str, bytes], secrets: dict[str, list[bytes]]) -> dict:
    return {
        where: sorted(
            kind
            for kind, values in secrets.items()
            if any(value and value in blob for value in values)
        )
        for where, blob in blobs.items()
    }


def run(members: int, seed: int) -> dict:
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
    )
    from django.db import connection
    from django.utils import timezone

    from tests.councils.ballot_worker import make_council
    from thidua.common.models import ActivityLog
    from thidua.councils import sealing
    from thidua.councils.models import BallotParticipation, BallotReceipt
    from thidua.councils.sealing import normalise_code
    from thidua.councils.services import count
    from thidua.councils.services.ballot import cast_paper, open_ballots
    from thidua.councils.services.meeting import (
        add_agenda_item,
        open_meeting,
        record_attendance,
        schedule_meeting,
    )

    # Every private key made (box keys and each paper's ephemeral key), to look for
    # them afterwards where an attacker would.
    made = []
    generate = sealing.X25519PrivateKey.generate

    def recording_generate():
        key = generate()
        made.append(key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()))
        return key

    sealing.X25519PrivateKey.generate = staticmethod(recording_generate)

    council, _unit, seats = make_council(members)
    officer = seats[1]
    meeting = schedule_meeting(
        council, title="Phiên họp xét khen thưởng", scheduled_at=timezone.now()
    )
    open_meeting(meeting, actor=officer)
    for seat in seats:
        record_attendance(meeting, seat, present=True)

    def one_box(label: str):
        items = [add_agenda_item(meeting, label=f"{label} {i}") for i in range(3)]
        opened = open_ballots(meeting, items, actor=officer)
        ballots = list(opened.box.ballots.order_by("pk"))
        # Worst case for secrecy: the voting order alone tells the choice.
        truth = {
            s.pk: "dong_y" if i < len(seats) // 2 else "khong_dong_y"
            for i, s in enumerate(seats)
        }
        receipts = [
            cast_paper(opened.box, s, {b.pk: truth[s.pk] for b in ballots})
            for s in seats
        ]
        return opened, ballots, truth, receipts

    count._shuffler = random.Random(seed)
    opened, ballots, truth, receipts = one_box("Đề nghị")
    control = _physical_order_of_sealed_papers(opened, ballots[0], seats, truth)
    count.close_box(opened.box, opened.code, actor=officer)

    def attacks(box, ballots_of_box) -> dict:
        voters = list(
            BallotParticipation.objects.filter(ballot=ballots_of_box[0])
            .order_by("pk")
            .values_list("member_id", flat=True)
        )
        audit_order = [
            entry.data["member"]
            for entry in ActivityLog.objects.filter(
                action="councils.ballot.participate", object_id=str(box.pk)
            ).order_by("timestamp", "pk")
        ]
        found = {}
        for ballot in ballots_of_box:
            for name, votes in _vote_orders(ballot.pk).items():
                for basis, order in (("participation", voters), ("audit", audit_order)):
                    key = f"{name} ~ {basis}"
                    found.setdefault(key, []).append(
                        _pair_accuracy(order, truth, votes)
                    )
        return found

    receipts_by_rowid = list(
        BallotReceipt.objects.filter(box=opened.box)
        .order_by("pk")
        .values_list("receipt_hash", flat=True)
    )
    with tempfile.TemporaryDirectory() as folder:
        backup = _backup_bytes(Path(folder))
    # On disk with the WAL still there, then after the last connection has gone (SQLite
    # checkpoints its WAL into the file; PostgreSQL has checkpointed above).
    live = {f"{p.name} (live)": p.read_bytes() for p in _raw_files() if p.is_file()}
    connection.close()
    after = {p.name: p.read_bytes() for p in _raw_files() if p.is_file()}
    blobs = {**live, **after}
    everything = {
        "database files": b"".join(blobs.values()),
        "backup": backup,
    }
    secrets = {
        "private keys": made,
        "tally code": [
            opened.code.encode(),
            normalise_code(opened.code).encode(),
        ],
        "receipts": [r.encode() for r in receipts]
        + [normalise_code(r).encode() for r in receipts],
    }
    return {
        "vendor": connection.vendor,
        "members": len(seats),
        "keys_recorded": len(made),
        "attacks": attacks(opened.box, ballots),
        "control": control,
        "transaction_ids": _transaction_ids(opened.box.pk),
        "receipts_sorted": receipts_by_rowid == sorted(receipts_by_rowid),
        "secrets_found": _secrets_found(everything, secrets),
        "files_scanned": sorted(blobs) if connection.vendor == "sqlite" else len(blobs),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=24)
    parser.add_argument("--seed", type=int, default=20261207)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    summary = run(args.members, args.seed)
    sys.stdout.write(json.dumps(summary, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
