"""The award register's move from the decisions app to the awards app and the tờ
trình's from nominations to submissions (redesign P1/P3) carry existing data over: a
database holding the demo (with its tờ trình) and a decision issued in thidua is
migrated back to before the moves and forward again, on SQLite and on PostgreSQL."""

import json
from pathlib import Path

from ..scratch import run_worker

WORKER = Path(__file__).with_name("migration_worker.py")


def test_register_tờ_trình_and_decision_links_survive_the_moves(tmp_path):
    result = run_worker(WORKER, [], tmp_path, prefix="migrate")
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    before, after = report["before"], report["after"]
    assert len(before["register"]) > 2  # the demo's register plus the decision's
    assert len(before["links"]) == 2 and all(a for _item, a in before["links"])
    # Before the move the rows sit in the decisions app's table…
    assert report["between"] == {
        "tables": ["decisions_award", "nominations_submission"],
        "awards": len(before["register"]),
        "items": len(before["submission_items"]),
    }
    assert before["submissions"] and before["submission_items"]
    # The items' subject links (submissions 0004) are filled again from their
    # nominations: each local item names exactly one of person and agency.
    assert all(
        (person is None) != (agency is None)
        for *_, person, agency in before["submission_items"]
    )
    # …and after it in the awards app's, every entry and code unchanged, each line of
    # the decision linked again to the entry it wrote (found by subject, award, year
    # and the decision's number and date), nothing else linked.
    assert report["after_tables"] == ["awards_award", "submissions_submission"]
    assert after == before
    assert all(code == award for code, award in after["link_codes"])
