"""Nominations (hồ sơ đề nghị), seen by the proposing unit, the round's TĐKT office and
admins; moved from state to state only through the one transition service."""

import datetime

from django.http import HttpRequest
from ninja import Field, Router, Schema
from pydantic import ConfigDict

from thidua.nominations.enums import NominationState
from thidua.nominations.models import Nomination
from thidua.nominations.selectors import (
    access_nomination,
    authority_of,
    nominations_for_user,
)
from thidua.nominations.services.nomination import transition_nomination

from .auth import require_scope
from .params import Cursor, Id, Limit, Offset, Page, Year, check_params, paginate
from .schemas import Ref, errors, ref

__all__ = ["router"]

router = Router(tags=["nominations"])
SCOPE = "nominations:read"
WRITE_SCOPE = "nominations:write"
TEXT_MAX = 5000


class NominationOut(Schema):
    """One of ``person`` (cá nhân) and ``agency`` (tập thể) is set. ``version`` is what
    a transition must send back."""

    id: int
    round: Ref
    proposing_unit: Ref
    person: Ref | None
    agency: Ref | None
    code: str
    name: str
    award_type: str
    year: int
    state: str
    state_name: str
    version: int
    created_at: datetime.datetime


class EventOut(Schema):
    from_state: str
    to_state: str
    actor: str
    reason: str
    at: datetime.datetime


class AuthorityOut(Schema):
    """Whether the head of the round's agency confers the code ("Cơ quan quyết
    định"), or to whom the agency must submit it upward, with the legal citation."""

    decides: bool
    label: str
    citation: str


class NominationDetailOut(NominationOut):
    summary: str
    reason: str
    appraisal: str
    appraised_at: datetime.datetime | None
    authority: AuthorityOut
    events: list[EventOut]


class NominationPage(Page):
    results: list[NominationOut]


class TransitionIn(Schema):
    """The move to make, and the ``version`` the caller read (a stale one answers 409)."""

    model_config = ConfigDict(extra="forbid")

    to: NominationState
    reason: str = Field("", max_length=TEXT_MAX, strict=True)
    appraisal: str = Field("", max_length=TEXT_MAX, strict=True)
    version: int = Field(..., ge=1, strict=True)


def _out(nomination: Nomination) -> dict:
    return {
        "id": nomination.pk,
        "round": ref(nomination.round),
        "proposing_unit": ref(nomination.proposing_unit),
        "person": ref(nomination.person, "full_name"),
        "agency": ref(nomination.agency),
        "code": nomination.code,
        "name": nomination.get_code_display(),
        "award_type": nomination.award_type,
        "year": nomination.year,
        "state": nomination.state,
        "state_name": nomination.get_state_display(),
        "version": nomination.version,
        "created_at": nomination.created_at,
    }


def _detail(nomination: Nomination) -> dict:
    authority = authority_of(nomination)
    return {
        **_out(nomination),
        "summary": nomination.summary,
        "reason": nomination.reason,
        "appraisal": nomination.appraisal,
        "appraised_at": nomination.appraised_at,
        "authority": {
            "decides": authority.decides,
            "label": authority.label,
            "citation": authority.citation,
        },
        "events": [
            {
                "from_state": event.from_state,
                "to_state": event.to_state,
                "actor": event.actor_display,
                "reason": event.reason,
                "at": event.at,
            }
            for event in nomination.events.all()
        ],
    }


@router.get(
    "/", response={200: NominationPage, **errors()}, summary="Danh sách hồ sơ đề nghị"
)
def list_nominations(
    request: HttpRequest,
    round: Id | None = None,
    state: NominationState | None = None,
    code: str | None = None,
    year: Year | None = None,
    proposing_unit: Id | None = None,
    limit: Limit | None = None,
    offset: Offset | None = None,
    cursor: Cursor | None = None,
):
    """Newest first (created, then id). ``round``: one đợt xét; ``state``: one state
    (``nhap``, ``da_gui``, ``tra_lai``, …); ``code``: the proposed title or form
    (``LDTT``, ``CSTDCS``, …); ``year``: the achievement year; ``proposing_unit``: the
    unit that proposed (that unit only)."""
    check_params(request, "round", "state", "code", "year", "proposing_unit")
    require_scope(request, SCOPE)
    nominations = nominations_for_user(request.user)
    if round is not None:
        nominations = nominations.filter(round_id=round)
    if state:
        nominations = nominations.filter(state=state)
    if code:
        nominations = nominations.filter(code=code)
    if year is not None:
        nominations = nominations.filter(year=year)
    if proposing_unit is not None:
        nominations = nominations.filter(proposing_unit_id=proposing_unit)
    nominations = nominations.order_by("-created_at", "-id")
    page = paginate(request, nominations, limit, offset, cursor)
    page["results"] = [_out(n) for n in page["results"]]
    return page


@router.get(
    "/{nomination_id}",
    response={200: NominationDetailOut, **errors()},
    summary="Một hồ sơ đề nghị",
)
def get_nomination(request: HttpRequest, nomination_id: Id):
    """With its summary, the last reason and appraisal, and its timeline."""
    check_params(request, paged=False)
    nomination = access_nomination(request.user, nomination_id)
    require_scope(request, SCOPE)
    return _detail(nomination)


@router.post(
    "/{nomination_id}/transition",
    response={200: NominationDetailOut, **errors(409, 413)},
    summary="Chuyển trạng thái một hồ sơ đề nghị",
)
def transition(request: HttpRequest, nomination_id: Id, payload: TransitionIn):
    """The same move as the buttons of the nomination page, through the same service:
    who may make it, the reason it needs, the dossier it needs, the timeline and the
    audit log. ``version``: the one last read; if the nomination changed since, 409
    and nothing is done. Answers the nomination as it now stands."""
    check_params(request, paged=False)
    nomination = access_nomination(request.user, nomination_id)
    require_scope(request, WRITE_SCOPE)
    transition_nomination(
        nomination,
        payload.to,
        actor=request.user,
        reason=payload.reason,
        appraisal=payload.appraisal,
        expected_version=payload.version,
    )
    return _detail(access_nomination(request.user, nomination_id))
