"""Re-evaluation of every open dossier when the law or a setting changes (issue #16,
point 7).

Each open nomination keeps the verdict it was last given (``NominationVerdict``:
status, regime, when). A run (``ReevaluationRun``, a durable job of
thidua.common.jobs) judges every open nomination again exactly as its page does
(``nomination_verdicts``: the law in force the day the dossier was received, the
agency's settings merged from the root down, THIDUA_LAW2026_CHANGES), records each
verdict that changed (``VerdictChange``, audited on the nomination) and the new
verdicts, in one transaction with the run's end. A run is asked for by a system
administrator, or by the periodic check when the law's fingerprint
(``law_fingerprint``) is not the last run's; between changes the check records the
verdict of dossiers proposed since, so that the next change has something to compare
with."""

import logging

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.common.jobs import checkpoint, claim, enqueue_on_commit, fresh_lease
from thidua.common.services.audit import log_action, log_actions_bulk
from thidua.common.text import nfc
from thidua.eligibility.regimes import regime_label
from thidua.organizations.enums import VerdictStatus

from ..enums import OPEN_STATES, ReevaluationStatus, ReevaluationTrigger
from ..models import NominationVerdict, ReevaluationRun, VerdictChange
from ..models.reevaluation import ACTIVE
from ..selectors.reevaluation import (
    active_run,
    current_verdicts,
    last_run,
    law_fingerprint,
    open_nominations,
    regimes_in_force,
    unrecorded_nominations,
)
from ..tasks import task_reevaluate
from ..workflows import REEVALUATION, REEVALUATION_JOB

__all__ = [
    "REEVALUATE",
    "check_law",
    "give_up_reevaluation",
    "record_new_verdicts",
    "request_reevaluation",
    "run_reevaluation",
]

logger = logging.getLogger(__name__)

REEVALUATE = "nominations.reevaluate_nominations"
# Verdicts of newly proposed dossiers recorded by one periodic check at most.
NEW_PER_CHECK = 1000


def request_reevaluation(
    *, actor=None, trigger: str = ReevaluationTrigger.ADMIN
) -> tuple[ReevaluationRun, bool]:
    """Queue a run over every open dossier: ``(run, True)``. While a run waits or
    runs, ``(that run, False)``: asking twice runs once. A user must hold
    ``nominations.reevaluate_nominations``; the periodic check asks with no actor."""
    if actor is not None and not actor.has_perm(REEVALUATE):
        raise PermissionDenied
    with transaction.atomic():
        try:
            with transaction.atomic():
                run = ReevaluationRun.objects.create(
                    trigger=trigger,
                    requested_by=actor,
                    fingerprint=law_fingerprint(),
                    **fresh_lease(),
                )
        except IntegrityError:  # one waits or runs already (reevaluation_one_active)
            return ReevaluationRun.objects.get(active=True), False
        log_action(
            run,
            "nominations.reevaluation_request",
            actor=actor,
            data={"trigger": str(ReevaluationTrigger(trigger).label)},
        )
        enqueue_on_commit(task_reevaluate, run.pk)
    return run, True


def _words(status: str) -> str:
    return str(VerdictStatus(status).label)


def _in_force_label() -> str:
    return nfc("; ".join(regime_label(name) for name in regimes_in_force()))


def _record(run: ReevaluationRun, nominations, verdicts) -> int:
    """Write the changes found and the verdicts given (inside the caller's
    transaction); returns how many changed."""
    now = timezone.now()
    before = {
        row.nomination_id: row
        for row in NominationVerdict.objects.filter(nomination__state__in=OPEN_STATES)
    }
    changes, records, audit = [], [], []
    for nomination in nominations:
        verdict = verdicts.get(nomination.pk)
        if verdict is None:
            continue
        label = nfc(verdict.regime_label)
        old = before.get(nomination.pk)
        if old is not None and (old.status, old.regime) != (
            verdict.status,
            verdict.regime,
        ):
            changes.append(
                VerdictChange(
                    run=run,
                    nomination=nomination,
                    before=old.status,
                    after=verdict.status,
                    regime_before=old.regime,
                    regime_after=verdict.regime,
                    regime_label_before=old.regime_label,
                    regime_label_after=label,
                    before_at=old.recorded_at,
                )
            )
            audit.append(
                (
                    nomination,
                    "nominations.verdict_changed",
                    nomination.proposing_unit_id,
                    {
                        "verdict_before": _words(old.status),
                        "verdict_after": _words(verdict.status),
                        "regime_before": old.regime_label,
                        "regime_after": label,
                        "reevaluation": run.pk,
                    },
                )
            )
        records.append(
            NominationVerdict(
                nomination=nomination,
                status=verdict.status,
                regime=verdict.regime,
                regime_label=label,
                recorded_at=now,
                run=run,
            )
        )
    VerdictChange.objects.bulk_create(changes)
    NominationVerdict.objects.bulk_create(
        records,
        update_conflicts=True,
        unique_fields=["nomination"],
        update_fields=["status", "regime", "regime_label", "recorded_at", "run"],
    )
    log_actions_bulk(audit)
    return len(changes)


def run_reevaluation(run_id: int) -> None:
    """Judge every open dossier again and record what changed.

    Safe to run again after a crash: it claims the run first (a finished run, or one a
    live worker holds, is left alone) and writes nothing before the one transaction
    that records the changes, the verdicts and the run's end."""
    if not claim(ReevaluationRun, run_id, ACTIVE):
        return
    run = ReevaluationRun.objects.select_related("requested_by").get(pk=run_id)
    if run.status == ReevaluationStatus.QUEUED:  # not when run again after a crash
        with transaction.atomic():
            run = REEVALUATION.transition(
                run,
                ReevaluationStatus.RUNNING,
                actor=run.requested_by,
                check_permission=False,
                through=REEVALUATION_JOB,
                lock=lambda query: query.select_related("requested_by"),
            )

    def progress() -> None:
        checkpoint("reevaluation.chunk", ReevaluationRun, run.pk)

    try:
        fingerprint = law_fingerprint()
        in_force = _in_force_label()
        nominations = list(open_nominations())
        verdicts, skipped = current_verdicts(nominations, progress)
    except Exception:
        # Nothing was written; the admin reads why, the traceback is in the log.
        logger.exception("re-evaluation %s failed", run.pk)
        give_up_reevaluation(
            run.pk,
            _(
                "Lỗi hệ thống khi đánh giá lại; không ghi kết quả nào. Mã lượt đánh "
                "giá lại: %(id)s."
            )
            % {"id": run.pk},
        )
        return

    with transaction.atomic():
        changed = _record(run, nominations, verdicts)

        def finish(locked, _move) -> list[str]:
            locked.fingerprint = fingerprint
            locked.in_force_label = in_force
            locked.checked_count = len(verdicts)
            locked.changed_count = changed
            locked.skipped_count = len(skipped)
            locked.finished_at = timezone.now()
            locked.job_owner = None
            locked.active = False
            return [
                "fingerprint",
                "in_force_label",
                "checked_count",
                "changed_count",
                "skipped_count",
                "finished_at",
                "job_owner",
                "active",
            ]

        REEVALUATION.transition(
            run,
            ReevaluationStatus.DONE,
            actor=run.requested_by,
            check_permission=False,
            through=REEVALUATION_JOB,
            effect=finish,
            data={
                "checked": len(verdicts),
                "changed": changed,
                "skipped": len(skipped),
            },
        )


def give_up_reevaluation(run_id: int, reason: str) -> None:
    """End a run that wrote nothing — a system error, or a worker that died on it too
    often (thidua.common.jobs): the admin reads why and may ask again."""

    def explain(locked, _move) -> list[str]:
        locked.message = reason
        locked.finished_at = timezone.now()
        locked.job_owner = None
        locked.active = False
        return ["message", "finished_at", "job_owner", "active"]

    with transaction.atomic():
        run = (
            ReevaluationRun.objects.select_for_update()
            .filter(pk=run_id, status__in=ACTIVE)
            .first()
        )
        if run is not None:
            REEVALUATION.transition(
                run,
                ReevaluationStatus.FAILED,
                reason=reason,
                check_permission=False,
                through=REEVALUATION_JOB,
                effect=explain,
            )


def record_new_verdicts(limit: int = NEW_PER_CHECK) -> int:
    """Record the verdict of open dossiers that have none yet (proposed since the last
    run), so that a change of the law finds what they were; returns how many. One
    audit entry for the batch."""
    nominations = list(unrecorded_nominations()[:limit])
    verdicts, _skipped = current_verdicts(nominations)
    if not verdicts:
        return 0
    now = timezone.now()
    with transaction.atomic():
        NominationVerdict.objects.bulk_create(
            [
                NominationVerdict(
                    nomination_id=pk,
                    status=verdict.status,
                    regime=verdict.regime,
                    regime_label=nfc(verdict.regime_label),
                    recorded_at=now,
                )
                for pk, verdict in verdicts.items()
            ],
            # A run recording them at the same moment wins: its verdicts are as new.
            ignore_conflicts=True,
        )
        log_action(
            None, "nominations.verdicts_recorded", data={"recorded": len(verdicts)}
        )
    return len(verdicts)


def check_law() -> ReevaluationRun | None:
    """The periodic check (nominations/tasks.py): when the law's fingerprint is not the
    last run's — a regime came into force, THIDUA_LAW2026_CHANGES or an agency's own
    settings changed — queue a run and return it; otherwise record the verdicts of the
    dossiers proposed since. Nothing while a run waits or runs: the next check
    compares with it."""
    if active_run() is not None:
        return None
    last = last_run()
    if last is None:
        return request_reevaluation(trigger=ReevaluationTrigger.FIRST)[0]
    if last.fingerprint != law_fingerprint():
        return request_reevaluation(trigger=ReevaluationTrigger.LAW)[0]
    record_new_verdicts()
    return None
