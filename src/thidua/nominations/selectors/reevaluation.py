"""Reads of the re-evaluation of open dossiers (issue #16, point 7): the law's
fingerprint, the open nominations and their verdicts today, the runs and what each
changed — scoped to the nominations the user sees (hidden = missing)."""

import hashlib
import json
from collections.abc import Callable, Iterable

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from thidua.eligibility import REGIMES, CaseError
from thidua.organizations.eligibility import Verdict
from thidua.organizations.models import Agency

from ..enums import OPEN_STATES, ReevaluationStatus
from ..models import Nomination, ReevaluationRun, VerdictChange
from . import nomination_verdicts, nominations_for_user

__all__ = [
    "CHUNK",
    "access_run",
    "active_run",
    "changes_for_user",
    "current_verdicts",
    "last_run",
    "latest_change",
    "latest_finished_run",
    "law_fingerprint",
    "open_nominations",
    "recent_runs",
    "regimes_in_force",
    "unrecorded_nominations",
]

# Nominations judged together (their records read in a few queries per chunk).
CHUNK = 200


def regimes_in_force(today=None) -> list[str]:
    """The regimes whose texts are in force ``today`` (the engine's names)."""
    today = today or timezone.localdate()
    return [name for name, regime in REGIMES.items() if regime.in_force_on(today)]


def _rules(regime) -> list:
    """The regime's rules as written (its default policy): each condition's text,
    requirement and citation, so that an upgrade changing them changes the
    fingerprint."""
    compiled = regime.compile()
    return [
        [code, kind, [[s.text, s.required, s.citation.text] for s in rule.specs]]
        for kind, rules in sorted(compiled.rules.items())
        for code, rule in sorted(rules.items())
    ]


def law_fingerprint(today=None) -> str:
    """A stable hash of what decides a verdict besides the records: every regime's
    name, dates and rules as written, the ones in force today, the reported changes of
    the 2026 amendment turned on (THIDUA_LAW2026_CHANGES) and every agency's own
    settings (``Agency.eligibility_policy``). Another value than the last run's: the
    law or a setting changed, the open dossiers are judged again."""
    regimes = [
        [
            name,
            str(regime.valid_from or ""),
            str(regime.valid_to or ""),
            regime.first_review_year,
            regime.last_review_year,
            regime.favourable_over or "",
            _rules(regime),
        ]
        for name, regime in REGIMES.items()
    ]
    policies = [
        [pk, policy]
        for pk, policy in Agency.objects.order_by("pk").values_list(
            "pk", "eligibility_policy"
        )
        if policy
    ]
    payload = {
        "regimes": regimes,
        "in_force": regimes_in_force(today),
        "law2026": sorted(settings.THIDUA_LAW2026_CHANGES),
        "policies": policies,
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def open_nominations() -> QuerySet[Nomination]:
    """Dossiers not yet decided nor closed, with what their verdict reads."""
    return (
        Nomination.objects.filter(state__in=OPEN_STATES)
        .select_related("agency", "person")
        .order_by("pk")
    )


def unrecorded_nominations() -> QuerySet[Nomination]:
    """Open dossiers whose verdict was never recorded (proposed since the last run)."""
    return open_nominations().filter(recorded_verdict__isnull=True)


def current_verdicts(
    nominations: Iterable[Nomination], progress: Callable[[], None] | None = None
) -> tuple[dict[int, Verdict], list[int]]:
    """The verdict of each nomination today, as its page shows it
    (``nomination_verdicts``: the law in force the day its dossier was received), by
    pk; and the pks the engine cannot judge (a case it refuses, e.g. a dossier received
    before its review year), left out. ``progress`` is called after each chunk."""
    nominations = list(nominations)
    verdicts: dict[int, Verdict] = {}
    skipped: list[int] = []
    for start in range(0, len(nominations), CHUNK):
        chunk = nominations[start : start + CHUNK]
        try:
            verdicts.update(nomination_verdicts(chunk))
        except CaseError:
            # One case the engine refuses: judge the chunk one by one.
            for nomination in chunk:
                try:
                    verdicts.update(nomination_verdicts([nomination]))
                except CaseError:
                    skipped.append(nomination.pk)
        if progress is not None:
            progress()
    return verdicts, skipped


def active_run() -> ReevaluationRun | None:
    """The run waiting or under way, if any (at most one)."""
    return ReevaluationRun.objects.filter(active=True).first()


def last_run() -> ReevaluationRun | None:
    """The latest run, whatever its state: whose fingerprint the law is compared
    with."""
    return ReevaluationRun.objects.order_by("-created_at", "-pk").first()


def latest_finished_run() -> ReevaluationRun | None:
    """The latest run that went to its end: the changes officers read."""
    return (
        ReevaluationRun.objects.filter(status=ReevaluationStatus.DONE)
        .order_by("-created_at", "-pk")
        .first()
    )


def recent_runs(limit: int = 10) -> list[ReevaluationRun]:
    return list(
        ReevaluationRun.objects.select_related("requested_by").order_by(
            "-created_at", "-pk"
        )[:limit]
    )


def access_run(pk) -> ReevaluationRun:
    """A run by pk (every signed-in user may open one: the changes it lists are
    scoped); a missing one is a 404."""
    try:
        return ReevaluationRun.objects.get(pk=pk)
    except (ReevaluationRun.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def changes_for_user(user, run: ReevaluationRun) -> QuerySet[VerdictChange]:
    """What ``run`` found changed among the nominations ``user`` sees
    (``nominations_for_user``: the round's office, the proposing unit, the deciders
    above); the others are not there at all."""
    visible = nominations_for_user(user).values("pk")
    return (
        VerdictChange.objects.filter(run=run, nomination_id__in=visible)
        .select_related(
            "nomination__round__agency",
            "nomination__proposing_unit",
            "nomination__person",
            "nomination__agency",
        )
        .order_by("nomination__round__agency__name", "nomination__code", "pk")
    )


def latest_change(nomination: Nomination) -> VerdictChange | None:
    """The last change of the nomination's verdict a re-evaluation found, for its
    page."""
    return nomination.verdict_changes.select_related("run").order_by("-pk").first()
