"""Retention of dated backups (``thidua backup FOLDER --keep-daily 7 --keep-weekly 4
--keep-monthly 12``)."""

import datetime

from thidua.common.backup.prune import prune, to_keep


def test_newest_of_each_recent_day_week_and_month_is_kept():
    start = datetime.datetime(2026, 1, 1, 1, 30)  # noqa: DTZ001 (names carry local time)
    # Two backups a day for 120 days.
    moments = [start + datetime.timedelta(hours=12 * i) for i in range(240)]
    keep = to_keep(moments, daily=7, weekly=4, monthly=12)
    newest = max(moments)
    days = {m.date() for m in keep}
    # The seven latest days, each by its later backup.
    assert {newest.date() - datetime.timedelta(days=i) for i in range(7)} <= days
    assert all(m.hour == 13 for m in keep)
    # One per ISO week for four weeks, one per month back to January.
    assert len({m.isocalendar()[:2] for m in keep}) >= 4
    assert {(m.year, m.month) for m in keep} == {
        (2026, 1),
        (2026, 2),
        (2026, 3),
        (2026, 4),
    }
    assert len(keep) < 7 + 4 + 12


def test_prune_deletes_only_dated_backups_outside_the_policy(tmp_path):
    names = [f"thidua-202601{d:02d}-020000.tar.gz" for d in range(1, 21)]
    for name in [*names, "ghi-chu.txt", "thidua-khac.tar.gz"]:
        (tmp_path / name).write_text("x")
    deleted = prune(tmp_path, daily=3, weekly=0, monthly=0, protect=tmp_path / names[0])
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted([names[0], *names[-3:], "ghi-chu.txt", "thidua-khac.tar.gz"])
    assert len(deleted) == 16
