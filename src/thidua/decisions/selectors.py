"""Reads of decisions: the issuing agency's TĐKT office, its head and authorised
deputies, its clerk (and admins) only."""

import datetime
from dataclasses import dataclass

from django.db.models import F, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from thidua.awards.models import Award
from thidua.councils.models import BallotResult, PaperCouncilResult
from thidua.nominations.selectors import nomination_verdicts
from thidua.organizations.access import scopes_for
from thidua.organizations.enums import CouncilRole
from thidua.organizations.models import Agency, CouncilMember, Person

from .enums import UNNUMBERED, DecisionState
from .models import Decision, DecisionItem

__all__ = [
    "CouncilResult",
    "access_decision",
    "brief_items",
    "council_chair",
    "council_results",
    "decision_awards",
    "decisions_awaiting_approval",
    "decisions_for_user",
    "decisions_of_round",
    "decisions_to_issue",
]


def decisions_for_user(user) -> QuerySet[Decision]:
    """Decisions the caller may read: those of rounds of agencies whose TĐKT office they
    staff, or whose head, authorised deputy or clerk they are; every one for an admin."""
    scopes = scopes_for(user)
    base = Decision.objects.select_related("round__agency", "issued_document")
    if scopes.is_admin:
        return base
    return base.filter(
        round__agency_id__in=scopes.officer_agencies
        | scopes.approver_agencies
        | scopes.clerk_agencies
    )


def decisions_of_round(user, round_) -> list[tuple[Decision, bool]]:
    """The round's decisions as its page lists them, each with whether ``user`` opens
    it: every one the user may read (drafts included), and the issued ones to anyone
    who sees the round (a unit head learns the number and the summary, without a link
    to a page he may not open). Numbered first, newest first."""
    readable = set(
        decisions_for_user(user).filter(round=round_).values_list("pk", flat=True)
    )
    rows = (
        Decision.objects.filter(round=round_)
        .filter(Q(pk__in=readable) | ~Q(state__in=UNNUMBERED))
        .select_related("issued_document")
        .order_by(F("issued_document__issued_on").desc(nulls_first=True), "-pk")
    )
    return [(decision, decision.pk in readable) for decision in rows]


def access_decision(user, pk) -> Decision:
    """Decisions are the issuing agency's business (``decisions_for_user``); any other
    is answered as missing."""
    decision = decisions_for_user(user).filter(pk=pk).first()
    if decision is None:
        raise Http404
    return decision


def _with_items(decisions: QuerySet[Decision]) -> QuerySet[Decision]:
    items = DecisionItem.objects.select_related(
        "nomination__person", "nomination__agency"
    ).order_by("position")
    return decisions.select_related("approved_by").prefetch_related(
        Prefetch("items", queryset=items)
    )


def decisions_awaiting_approval(user) -> QuerySet[Decision]:
    """The head's (or authorised deputy's) queue: drafts submitted to him."""
    scopes = scopes_for(user)
    return _with_items(
        Decision.objects.select_related("round__agency").filter(
            state=DecisionState.AWAITING,
            round__agency_id__in=scopes.approver_agencies,
        )
    ).order_by("created_at", "pk")


def decisions_to_issue(user) -> QuerySet[Decision]:
    """The clerk's queue: approved decisions waiting for their number."""
    scopes = scopes_for(user)
    return _with_items(
        Decision.objects.select_related("round__agency").filter(
            state=DecisionState.APPROVED, round__agency_id__in=scopes.clerk_agencies
        )
    ).order_by("approved_at", "pk")


def decision_awards(decision: Decision):
    """The register entries the decision wrote (linked from its items)."""
    return Award.objects.filter(decision_item__decision=decision)


@dataclass(frozen=True)
class CouncilResult:
    """What the council decided on a dossier: the tally of its closed ballot, or the
    one entered from its signed paper minutes (``paper``)."""

    yes: int
    no: int
    roster_size: int
    passed: bool
    on: datetime.date
    council: str
    paper: bool


def council_results(nomination_ids) -> dict[int, CouncilResult]:
    """Two queries: the paper results, and the tallies of closed ballots (the last one
    of a dossier put to the vote more than once). A paper result prevails: a dossier
    only moves past the council one way."""
    found: dict[int, CouncilResult] = {}
    tallies = (
        BallotResult.objects.filter(
            ballot__agenda_item__nomination_id__in=nomination_ids
        )
        .select_related("ballot__agenda_item__meeting__council")
        .order_by("computed_at", "pk")
    )
    for tally in tallies:
        item = tally.ballot.agenda_item
        found[item.nomination_id] = CouncilResult(
            yes=tally.yes,
            no=tally.no,
            roster_size=tally.roster_size,
            passed=tally.passed,
            on=timezone.localdate(tally.computed_at),
            council=item.meeting.council.name,
            paper=False,
        )
    for paper in PaperCouncilResult.objects.filter(
        nomination_id__in=nomination_ids
    ).select_related("council"):
        found[paper.nomination_id] = CouncilResult(
            yes=paper.yes,
            no=paper.no,
            roster_size=paper.roster_size,
            passed=paper.passed,
            on=paper.met_on,
            council=paper.council.name,
            paper=True,
        )
    return found


def council_chair(agency: Agency) -> Person | None:
    """Who chairs, today, the Hội đồng TĐKT of ``agency`` (the first council's)."""
    today = timezone.localdate()
    seat = (
        CouncilMember.objects.filter(
            Q(end_date__isnull=True) | Q(end_date__gte=today),
            council__agency=agency,
            role=CouncilRole.CHAIR,
            start_date__lte=today,
        )
        .select_related("person")
        .order_by("council_id", "pk")
        .first()
    )
    return seat.person if seat else None


def brief_items(decisions: list[Decision]) -> list[Decision]:
    """What the head reads before approving: on each item of ``decisions`` (their items
    prefetched, ``_with_items``), ``council_result`` (a ``CouncilResult`` or ``None``)
    and ``verdict`` (a ``Verdict``). Queries do not grow with decisions or people."""
    items = [item for decision in decisions for item in decision.items.all()]
    nominations = [item.nomination for item in items]
    results = council_results([n.pk for n in nominations])
    verdicts = nomination_verdicts(nominations)
    for item in items:
        item.council_result = results.get(item.nomination_id)
        item.verdict = verdicts[item.nomination_id]
    return decisions
