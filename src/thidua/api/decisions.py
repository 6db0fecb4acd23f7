"""Decisions (quyết định khen thưởng): the issuing agency's business, read by its TĐKT
office (as the decision pages)."""

import datetime

from django.db.models import Count
from django.http import HttpRequest
from ninja import Router, Schema

from thidua.decisions.models import Decision
from thidua.decisions.selectors import access_decision, decisions_for_user

from .auth import require_scope
from .params import Cursor, Id, Limit, Offset, Page, Year, check_params, paginate
from .schemas import Ref, errors, ref

__all__ = ["router"]

router = Router(tags=["decisions"])
SCOPE = "decisions:read"


class DecisionOut(Schema):
    """``year``: the achievement year of its review round; ``status``: of the issued
    document (``ready`` once the signed files exist); ``state``: of the decision
    (``du_thao`` drafted by the office, ``cho_duyet`` before the head, ``tra_lai``
    returned with ``return_reason``, ``da_duyet`` approved — ``approved_at`` — and
    waiting for the clerk's number: until then ``symbol``, ``issued_on`` and
    ``status`` are null; ``da_ban_hanh`` numbered, files being made; ``da_ghi_so``
    awards entered in the register; ``da_huy_bo`` annulled as a whole);
    ``awards_written``: entered in the award register (kept for clients of version
    1: ``state`` is ``da_ghi_so`` or ``da_huy_bo``)."""

    id: int
    symbol: str | None
    issued_on: datetime.date | None
    summary: str
    year: int
    round: Ref
    agency: Ref
    signer_title: str
    signer_name: str
    status: str | None
    state: str
    approved_at: datetime.datetime | None
    return_reason: str
    awards_written: bool
    item_count: int


class DecisionItemOut(Schema):
    """One awardee: the nomination, its subject and the cash amount (đồng)."""

    position: int
    nomination_id: int
    person: Ref | None
    agency: Ref | None
    code: str
    cash_amount: int
    cash_basis: str


class DecisionDetailOut(DecisionOut):
    items: list[DecisionItemOut]


class DecisionPage(Page):
    results: list[DecisionOut]


def _out(decision: Decision, item_count: int) -> dict:
    document = decision.issued_document
    return {
        "id": decision.pk,
        "symbol": document and document.symbol,
        "issued_on": document and document.issued_on,
        "summary": decision.summary,
        "year": decision.round.year,
        "round": ref(decision.round),
        "agency": ref(decision.round.agency),
        "signer_title": decision.signer_title,
        "signer_name": decision.signer_name,
        "status": document and document.status,
        "state": decision.state,
        "approved_at": decision.approved_at,
        "return_reason": decision.return_reason,
        "awards_written": decision.awards_written,
        "item_count": item_count,
    }


@router.get(
    "/", response={200: DecisionPage, **errors()}, summary="Danh sách quyết định"
)
def list_decisions(
    request: HttpRequest,
    year: Year | None = None,
    agency: Id | None = None,
    limit: Limit | None = None,
    offset: Offset | None = None,
    cursor: Cursor | None = None,
):
    """Newest first (date issued, then id). ``year``: the achievement year of the
    review round; ``agency``: the issuing agency (that agency only)."""
    check_params(request, "year", "agency")
    require_scope(request, SCOPE)
    decisions = decisions_for_user(request.user).annotate(n_items=Count("items"))
    if year is not None:
        decisions = decisions.filter(round__year=year)
    if agency is not None:
        decisions = decisions.filter(round__agency_id=agency)
    decisions = decisions.order_by("-issued_document__issued_on", "-id")
    page = paginate(request, decisions, limit, offset, cursor)
    page["results"] = [_out(d, d.n_items) for d in page["results"]]
    return page


@router.get(
    "/{decision_id}",
    response={200: DecisionDetailOut, **errors()},
    summary="Một quyết định khen thưởng",
)
def get_decision(request: HttpRequest, decision_id: Id):
    """With its awardees, in the order of the decision."""
    check_params(request, paged=False)
    decision = access_decision(request.user, decision_id)
    require_scope(request, SCOPE)
    items = list(
        decision.items.select_related(
            "nomination__person", "nomination__agency"
        ).order_by("position", "id")
    )
    return {
        **_out(decision, len(items)),
        "items": [
            {
                "position": item.position,
                "nomination_id": item.nomination_id,
                "person": ref(item.nomination.person, "full_name"),
                "agency": ref(item.nomination.agency),
                "code": item.nomination.code,
                "cash_amount": item.cash_amount,
                "cash_basis": item.cash_basis,
            }
            for item in items
        ],
    }
