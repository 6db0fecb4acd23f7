"""Councils 0004-0006 (redesign P3) replace the agenda's bare integers and JSON list
and the biên bản looked up by source kind with foreign keys, carrying existing data
over in both directions: the demo (a closed meeting, conflicts of interest, its two
biên bản) is migrated back to the old columns, given rows only an old database can
hold, and forward and back again, on SQLite and on PostgreSQL."""

import json
from pathlib import Path

from ..scratch import run_worker

WORKER = Path(__file__).with_name("council_links_worker.py")


def test_agenda_and_minutes_links_survive_the_migrations_both_ways(tmp_path):
    result = run_worker(WORKER, [], tmp_path, prefix="links")
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    links, old, odd = report["links"], report["old"], report["odd"]

    # The demo's meeting: every item about a nomination, with its nominee; some
    # members in conflict; both biên bản linked, naming the meeting as their source.
    assert len(links["items"]) >= 3
    assert all(nomination and person for _i, nomination, person, *_ in links["items"])
    assert any(people for *_ids, people, _seats in links["items"])
    (meeting, minutes, tally), *_ = links["meetings"]
    assert minutes and tally and minutes != tally
    assert links["documents"] == [
        [meeting, "council_minutes", meeting, "council_tally", meeting]
    ]

    # Backwards: the old columns hold the same links, no conflicts table, no links on
    # the meeting (the documents still name it by source kind and id).
    assert old["tables"] == ["councils_agendaitem"]
    assert old["meeting_columns"] == []
    assert [
        [pk, "nomination", nomination, person, unit, people]
        for pk, nomination, person, unit, people, _seats in links["items"]
    ] == old["items"]
    assert old["documents"] == [
        [meeting, "council_minutes", minutes],
        [meeting, "council_tally", tally],
    ]

    # Forwards again, with the odd rows: the item whose nominee ids were cleared gets
    # its nomination's nominee, a conflicted person twice or without a seat gives one
    # seat or none, and a subject id naming nothing links to no nomination.
    assert report["new_tables"] == ["councils_agendaconflict", "councils_agendaitem"]
    again = {row[0]: row for row in report["links_again"]["items"]}
    before = {row[0]: row for row in links["items"]}
    assert again[odd["cleared"]] == before[odd["cleared"]]
    assert again[odd["orphan"]][1] is None
    assert again[odd["orphan"]][2:] == before[odd["orphan"]][2:]
    assert {k: v for k, v in again.items() if k != odd["orphan"]} == {
        k: v for k, v in before.items() if k != odd["orphan"]
    }
    assert report["links_again"]["meetings"] == links["meetings"]
    # Ballots through councils 0008 and back: every one in a box, votes and results
    # kept; the closed boxes hold no key and publish receipts.
    assert links["ballots"] and all(in_box for _pk, in_box, *_ in links["ballots"])
    assert report["links_again"]["ballots"] == links["ballots"]
    assert report["links_last"]["ballots"] == links["ballots"]
    for state in (links, report["links_again"], report["links_last"]):
        assert state["boxes"] and all(
            box == ["closed", True, True] for box in state["boxes"]
        )

    # And back once more: the orphan is now an item about no nomination.
    old_again = {row[0]: row for row in report["old_again"]["items"]}
    old_before = {row[0]: row for row in old["items"]}
    assert old_again[odd["orphan"]][2] is None
    old_again.pop(odd["orphan"]), old_before.pop(odd["orphan"])
    assert old_again == old_before
    assert report["links_last"] == report["links_again"]
