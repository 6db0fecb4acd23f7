"""Re-evaluation of every open dossier when the law or a setting changes (issue #16,
point 7): the verdict each open nomination was last given, runs that judge them again
(a durable job), the changes found — shown only to those who see the nomination — and
the periodic check of the law's fingerprint that asks for a run."""

import datetime
import subprocess
import sys
from unittest import mock

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from thidua.common import jobs
from thidua.common.models import ActivityLog
from thidua.nominations.enums import OPEN_STATES, NominationState
from thidua.nominations.models import (
    NominationVerdict,
    ReevaluationRun,
    VerdictChange,
)
from thidua.nominations.selectors import reevaluation as selectors
from thidua.nominations.services import reevaluation as services
from thidua.nominations.services.nomination import open_round, transition_nomination
from thidua.nominations.tasks import task_check_law
from thidua.organizations.eligibility import applied_regime, verdicts_for
from thidua.organizations.models import Agency, Person
from thidua.organizations.services.records import record_assessment

from ..api.data import propose

pytestmark = pytest.mark.django_db

CSTDCS_BOTH = ["cstdcs_htxs_and_initiative"]
LAW2026 = "Luật Thi đua, khen thưởng 2022 (sửa đổi, bổ sung năm 2026)"


def _round(agency, year=2026):
    return open_round(
        agency=agency,
        name=f"Xét khen thưởng {year}",
        kind="hang_nam",
        year=year,
        submission_deadline=datetime.date(2099, 12, 31),
    )


@pytest.fixture
def world(org, users):
    """Under the 2026 law: two CSTĐCS dossiers (HTXS, no initiative — enough unless the
    reported change 'HTXS and an initiative' is on), one of Sở KH&ĐT's Phòng ĐKKD and
    one of Sở Tài chính; an LĐTT whose verdict no setting changes; a cancelled one."""
    ours, theirs = _round(org.skhdt), _round(org.other)
    people = org.people
    for key, rating in (
        ("dkkd_staff", "HTXS"),
        ("head", "HTT"),
        ("other_staff", "HTXS"),
    ):
        record_assessment(people[key], year=2026, rating=rating)
    cancelled = propose(ours, org.vp, people["vp_staff"], "LDTT")
    cancelled = transition_nomination(
        cancelled, "huy_bo", actor=users["admin"], reason="Đề nghị nhầm"
    )
    return {
        "round": ours,
        "cstdcs": propose(
            ours, org.dkkd, people["dkkd_staff"], "CSTDCS", through=["da_gui"]
        ),
        "ldtt": propose(ours, org.dkkd, people["head"], "LDTT"),
        "theirs": propose(theirs, org.other_unit, people["other_staff"], "CSTDCS"),
        "cancelled": cancelled,
    }


@pytest.fixture
def run_now(django_capture_on_commit_callbacks):
    """Ask for a run and let its job run (tests run jobs when the request commits)."""

    def run(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            run, _created = services.request_reevaluation(**kwargs)
        run.refresh_from_db()
        return run

    return run


@pytest.fixture
def checked(django_capture_on_commit_callbacks):
    """The periodic check, with what it queues run."""

    def check():
        with django_capture_on_commit_callbacks(execute=True):
            run = services.check_law()
        if run is not None:
            run.refresh_from_db()
        return run

    return check


def _actions(action):
    return ActivityLog.objects.filter(action=action)


def test_open_states_are_states_and_leave_out_the_closed_ones():
    assert set(OPEN_STATES) <= set(NominationState.values)
    assert not {"da_quyet_dinh", "da_khen_thuong", "khong_khen_thuong", "huy_bo"} & set(
        OPEN_STATES
    )


def test_the_first_check_records_every_open_verdict_and_no_change(world, checked):
    run = checked()
    assert run.trigger == "lan_dau" and run.status == "done" and not run.active
    assert run.checked_count == 3 and run.changed_count == 0
    assert run.fingerprint == selectors.law_fingerprint()
    assert LAW2026 in run.in_force_label
    recorded = {v.nomination_id: v for v in NominationVerdict.objects.all()}
    assert set(recorded) == {world[k].pk for k in ("cstdcs", "ldtt", "theirs")}
    cstdcs = recorded[world["cstdcs"].pk]
    assert cstdcs.status == "eligible" and cstdcs.regime == "luat2026"
    assert cstdcs.regime_label.startswith(LAW2026) and cstdcs.run == run
    assert not VerdictChange.objects.exists()
    for action in (
        "nominations.reevaluation_request",
        "nominations.reevaluation_start",
        "nominations.reevaluation",
    ):
        assert _actions(action).filter(object_id=str(run.pk)).count() == 1, action
    done = _actions("nominations.reevaluation").get()
    assert done.data["checked"] == 3 and done.data["changed"] == 0


def test_a_changed_law_setting_is_found_and_listed(world, checked, users):
    first = checked()
    with override_settings(THIDUA_LAW2026_CHANGES=CSTDCS_BOTH):
        assert selectors.law_fingerprint() != first.fingerprint
        run = checked()
    assert run.trigger == "quy_dinh" and run.status == "done"
    assert run.checked_count == 3 and run.changed_count == 2
    changes = {c.nomination_id: c for c in run.changes.all()}
    # The LĐTT is unchanged, the cancelled dossier never judged: neither listed.
    assert set(changes) == {world["cstdcs"].pk, world["theirs"].pk}
    change = changes[world["cstdcs"].pk]
    assert (change.before, change.after) == ("eligible", "not_eligible")
    assert change.regime_before == change.regime_after == "luat2026"
    assert not change.regime_changed
    assert change.before_at <= change.created_at
    assert NominationVerdict.objects.get(nomination=world["cstdcs"]).status == (
        "not_eligible"
    )
    audit = _actions("nominations.verdict_changed").get(
        object_id=str(world["cstdcs"].pk)
    )
    assert audit.data["verdict_before"] == "Đủ điều kiện"
    assert audit.data["verdict_after"] == "Chưa đủ điều kiện"
    assert audit.data["regime_after"].startswith(LAW2026)
    assert audit.agency_id == world["cstdcs"].proposing_unit_id
    assert selectors.latest_change(world["cstdcs"]) == change
    assert selectors.latest_change(world["ldtt"]) is None


def test_changes_are_shown_only_to_those_who_see_the_nomination(world, checked, users):
    checked()
    with override_settings(THIDUA_LAW2026_CHANGES=CSTDCS_BOTH):
        run = checked()

    def seen(role):
        return {c.nomination_id for c in selectors.changes_for_user(users[role], run)}

    ours, theirs = world["cstdcs"].pk, world["theirs"].pk
    assert seen("admin") == {ours, theirs}
    assert seen("officer") == {ours}
    assert seen("unit_head") == {ours}
    assert seen("other_officer") == {theirs}
    assert seen("staff") == seen("council_member") == set()


def test_the_same_law_queues_nothing_and_records_new_dossiers(
    world, checked, org, users
):
    first = checked()
    person = org.people["secretary"]
    record_assessment(person, year=2026, rating="HTT")
    late = propose(world["round"], org.vp, person, "LDTT")
    assert list(selectors.unrecorded_nominations()) == [late]
    assert checked() is None
    assert ReevaluationRun.objects.get() == first
    assert NominationVerdict.objects.get(nomination=late).run is None
    assert _actions("nominations.verdicts_recorded").get().data == {"recorded": 1}
    # Nothing new: nothing written.
    assert checked() is None
    assert _actions("nominations.verdicts_recorded").count() == 1


def test_an_agencys_own_settings_change_the_fingerprint(world, checked, org):
    first = checked()
    org.skhdt.eligibility_policy = {"discipline_partial_year": "include"}
    org.skhdt.save(update_fields=["eligibility_policy"])
    run = checked()
    assert run.trigger == "quy_dinh" and run.fingerprint != first.fingerprint
    # The setting changes no verdict here: nothing listed.
    assert run.changed_count == 0 and not run.changes.exists()


def test_the_fingerprint_follows_the_regime_in_force():
    with time_machine.travel(
        datetime.datetime(2026, 9, 30, 12, tzinfo=datetime.UTC), tick=False
    ):
        before = selectors.law_fingerprint()
        assert selectors.regimes_in_force() == ["nd152_2025"]
    with time_machine.travel(
        datetime.datetime(2026, 10, 1, 12, tzinfo=datetime.UTC), tick=False
    ):
        assert selectors.law_fingerprint() != before
        assert selectors.regimes_in_force() == ["luat2026"]
    assert selectors.law_fingerprint(datetime.date(2026, 9, 30)) == before


def test_only_the_regime_changed_is_a_change_too(world, checked, run_now, client_for):
    checked()
    older = "Luật Thi đua, khen thưởng 2022, Nghị định 152/2025/NĐ-CP"
    NominationVerdict.objects.filter(nomination=world["ldtt"]).update(
        regime="nd152_2025", regime_label=older
    )
    run = run_now(actor=None)
    change = run.changes.get()
    assert change.nomination_id == world["ldtt"].pk
    assert change.before == change.after == "eligible" and change.regime_changed
    officer = client_for("officer")
    page = officer.get(world["ldtt"].get_absolute_url()).content.decode()
    assert f"trước theo {older}, nay theo {LAW2026}" in page
    listed = officer.get(run.get_absolute_url()).content.decode()
    assert older in listed


def test_asking_twice_runs_once(world, users):
    run, created = services.request_reevaluation(actor=users["admin"])
    assert created and run.status == "queued" and run.trigger == "quan_tri"
    again, created = services.request_reevaluation(actor=users["admin"])
    assert again == run and not created
    assert ReevaluationRun.objects.count() == 1
    assert selectors.active_run() == run
    assert _actions("nominations.reevaluation_request").count() == 1


def test_a_run_is_done_once(world, run_now, checked):
    checked()
    with override_settings(THIDUA_LAW2026_CHANGES=CSTDCS_BOTH):
        run = run_now(actor=None)
        logged = ActivityLog.objects.count()
        services.run_reevaluation(run.pk)  # the queue delivered it twice
    assert run.changes.count() == 2
    assert ActivityLog.objects.count() == logged


def test_the_check_waits_for_a_run_under_way(world):
    run, _created = services.request_reevaluation()
    assert services.check_law() is None
    assert ReevaluationRun.objects.get() == run


def test_only_a_system_administrator_asks(world, users):
    for role in ("officer", "higher_officer", "head", "staff"):
        with pytest.raises(PermissionDenied):
            services.request_reevaluation(actor=users[role])
    assert not ReevaluationRun.objects.exists()


def test_a_run_that_fails_writes_nothing_and_says_why(world, run_now):
    with mock.patch.object(
        services, "current_verdicts", side_effect=RuntimeError("hỏng")
    ):
        run = run_now(actor=None)
    assert run.status == "failed" and not run.active and run.finished_at
    assert "không ghi kết quả nào" in run.message
    assert not NominationVerdict.objects.exists()
    failed = _actions("nominations.reevaluation_failed").get()
    assert failed.data["reason"] == run.message
    services.give_up_reevaluation(run.pk, "lần nữa")  # over already: nothing
    run.refresh_from_db()
    assert run.message != "lần nữa"
    # A failed run is not the last word: it may be asked for again.
    assert run_now(actor=None).status == "done"


def test_a_dossier_the_engine_cannot_judge_is_left_out(world, org, users, run_now):
    """A unit whose own settings are wrong (written straight into the database): the
    engine refuses its dossier. The others of its chunk are judged one by one."""
    Agency.objects.filter(pk=org.vp.pk).update(
        eligibility_policy={"quota_rounding": "tuỳ ý"}
    )
    future = propose(
        world["round"],
        org.vp,
        org.people["vp_staff"],
        "LDTT",
        through=["da_gui"],
        actor=users["admin"],
    )
    run = run_now(actor=None)
    assert run.skipped_count == 1 and run.checked_count == 3
    assert not NominationVerdict.objects.filter(nomination=future).exists()
    verdicts, skipped = selectors.current_verdicts([future])
    assert verdicts == {} and skipped == [future.pk]
    # Nothing else to record, the periodic check writes nothing.
    assert services.record_new_verdicts() == 0


def test_chunks_report_their_progress(world, monkeypatch):
    monkeypatch.setattr(selectors, "CHUNK", 2)
    calls = []
    verdicts, skipped = selectors.current_verdicts(
        selectors.open_nominations(), lambda: calls.append(1)
    )
    assert len(verdicts) == 3 and skipped == [] and len(calls) == 2


def test_runs_are_read_by_pk(world, run_now):
    run = run_now(actor=None)
    assert selectors.access_run(run.pk) == run
    for bad in (999999, "abc"):
        with pytest.raises(Http404):
            selectors.access_run(bad)
    assert selectors.recent_runs() == [run]
    assert selectors.last_run() == selectors.latest_finished_run() == run
    assert str(run).startswith("Đánh giá lại ngày ")
    assert str(ReevaluationRun()) == "Đánh giá lại hồ sơ đang mở"
    record = NominationVerdict.objects.get(nomination=world["ldtt"])
    assert str(record) == f"{world['ldtt'].pk}: Đủ điều kiện"


def test_the_periodic_task_checks_the_law(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        task_check_law()
    assert ReevaluationRun.objects.get().status == "done"


@pytest.fixture
def dead_owner():
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return jobs._identity(process.pid)


def test_a_run_whose_worker_died_is_run_again(
    world, dead_owner, django_capture_on_commit_callbacks
):
    run, _created = services.request_reevaluation()
    ReevaluationRun.objects.filter(pk=run.pk).update(
        status="running", job_owner=dead_owner, job_attempts=1
    )
    with django_capture_on_commit_callbacks(execute=True):
        lines = jobs.recover_stale()
    assert f"nominations.reevaluation #{run.pk}: xếp lại hàng đợi" in lines
    run.refresh_from_db()
    assert run.status == "done" and run.checked_count == 3


def test_after_too_many_crashes_the_admin_reads_why(world, dead_owner, settings):
    run, _created = services.request_reevaluation()
    ReevaluationRun.objects.filter(pk=run.pk).update(
        job_owner=dead_owner, job_attempts=settings.THIDUA_JOB_MAX_ATTEMPTS
    )
    jobs.recover_stale()
    run.refresh_from_db()
    assert run.status == "failed" and "ngừng thử lại" in run.message


def test_the_verdict_keeps_the_regime_whose_verdict_applies(org, users):
    """Received before 01/10/2026, a 2026 dossier is judged under both the 2025 decree
    and the amended law, and keeps the more favourable verdict: under the reported
    change, the 2025 decree's."""
    record_assessment(org.people["dkkd_staff"], year=2026, rating="HTXS")
    nomination = propose(
        _round(org.skhdt),
        org.dkkd,
        org.people["dkkd_staff"],
        "CSTDCS",
        through=["da_gui"],
        actor=users["admin"],
    )
    received = {nomination.pk: datetime.date(2026, 9, 1)}
    with override_settings(THIDUA_LAW2026_CHANGES=CSTDCS_BOTH):
        verdict = verdicts_for([nomination], received)[nomination.pk]
    assert verdict.status == "eligible" and verdict.regime == "nd152_2025"
    assert verdict.regime_label.endswith("Nghị định 152/2025/NĐ-CP")
    assert applied_regime({"regime": "nd98_2023"}) == "nd98_2023"


def test_a_person_without_a_unit_is_judged_by_the_law_alone(world):
    Person.objects.filter(pk=world["ldtt"].person_id).update(unit=None)
    nomination = selectors.open_nominations().get(pk=world["ldtt"].pk)
    verdict = verdicts_for([nomination])[nomination.pk]
    assert verdict.status == "eligible" and verdict.regime == "luat2026"


def test_recorded_at_is_when_the_verdict_was_last_given(world, checked):
    with time_machine.travel(timezone.now(), tick=False):
        checked()
        recorded = NominationVerdict.objects.get(nomination=world["ldtt"])
        assert recorded.recorded_at == timezone.now()


def test_the_changes_page_reads_in_a_constant_number_of_queries(world, client_for):
    runs = []
    for keys in (["ldtt"], ["ldtt", "cstdcs", "theirs"]):
        run = ReevaluationRun.objects.create(
            trigger="quan_tri", status="done", active=False
        )
        for key in keys:
            VerdictChange.objects.create(
                run=run,
                nomination=world[key],
                before="eligible",
                after="not_eligible",
                regime_before="luat2026",
                regime_after="luat2026",
                regime_label_before=LAW2026,
                regime_label_after=LAW2026,
                before_at=timezone.now(),
            )
        runs.append(run)
    admin = client_for("admin")
    counts = []
    for run in runs:
        with CaptureQueriesContext(connection) as queries:
            page = admin.get(run.get_absolute_url())
        assert page.content.decode().count("<tr>") == 1 + run.changes.count()
        counts.append(len(queries))
    assert counts[0] == counts[1]
