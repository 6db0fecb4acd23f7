"""Emulation movements (phong trào thi đua) and the units' registrations (đăng ký thi
đua), scoped as the movement pages: the launching office sees its movements, drafts
included, and every registration; the units covered see the issued movements and their
own registrations."""

import datetime

from django.db.models import Count
from django.http import Http404, HttpRequest
from ninja import Router, Schema

from thidua.movements.enums import MovementState
from thidua.movements.models import Movement, Registration
from thidua.movements.selectors import (
    access_movement,
    movements_for_user,
    registrations_for_user,
)

from .auth import require_scope
from .params import Cursor, Id, Limit, Offset, Page, Year, check_params, paginate
from .schemas import Ref, errors, ref

__all__ = ["movements_router", "registrations_router"]

movements_router = Router(tags=["movements"])
registrations_router = Router(tags=["registrations"])
SCOPE = "movements:read"


class MovementOut(Schema):
    """``symbol``/``issued_on``: of the launch document, once issued."""

    id: int
    name: str
    kind: str
    year: int
    state: str
    state_name: str
    launcher: Ref
    scope_agency: Ref | None
    scope_cluster: Ref | None
    starts_on: datetime.date | None
    ends_on: datetime.date | None
    registration_deadline: datetime.date | None
    symbol: str | None
    issued_on: datetime.date | None


class MovementDetailOut(MovementOut):
    theme: str


class MovementPage(Page):
    results: list[MovementOut]


class RegistrationOut(Schema):
    """``collective_title``: the unit's target title (empty if none); ``entry_count``:
    its members who registered a title."""

    id: int
    movement: Ref
    agency: Ref
    collective_title: str
    state: str
    submitted_at: datetime.datetime | None
    decided_at: datetime.datetime | None
    entry_count: int


class EntryOut(Schema):
    person: Ref
    title: str
    pledge: str


class RegistrationDetailOut(RegistrationOut):
    pledges: str
    return_reason: str
    entries: list[EntryOut]


class RegistrationPage(Page):
    results: list[RegistrationOut]


def _movement(movement: Movement) -> dict:
    document = movement.issued_document
    return {
        "id": movement.pk,
        "name": movement.name,
        "kind": movement.kind,
        "year": movement.year,
        "state": movement.state,
        "state_name": movement.get_state_display(),
        "launcher": ref(movement.launcher),
        "scope_agency": ref(movement.scope_agency),
        "scope_cluster": ref(movement.scope_cluster),
        "starts_on": movement.starts_on,
        "ends_on": movement.ends_on,
        "registration_deadline": movement.registration_deadline,
        "symbol": document.symbol if document else None,
        "issued_on": document.issued_on if document else None,
    }


def _registration(registration: Registration, entry_count: int) -> dict:
    return {
        "id": registration.pk,
        "movement": ref(registration.movement),
        "agency": ref(registration.agency),
        "collective_title": registration.collective_title,
        "state": registration.state,
        "submitted_at": registration.submitted_at,
        "decided_at": registration.decided_at,
        "entry_count": entry_count,
    }


@movements_router.get(
    "/",
    response={200: MovementPage, **errors()},
    summary="Danh sách phong trào thi đua",
)
def list_movements(
    request: HttpRequest,
    year: Year | None = None,
    state: MovementState | None = None,
    limit: Limit | None = None,
    offset: Offset | None = None,
    cursor: Cursor | None = None,
):
    """Newest year first, then id. ``year``: one year; ``state``: one state (``nhap``,
    ``da_ban_hanh``, ``dang_thuc_hien``, …)."""
    check_params(request, "year", "state")
    require_scope(request, SCOPE)
    movements = movements_for_user(request.user).select_related(
        "scope_agency", "scope_cluster"
    )
    if year is not None:
        movements = movements.filter(year=year)
    if state:
        movements = movements.filter(state=state)
    movements = movements.order_by("-year", "-id")
    page = paginate(request, movements, limit, offset, cursor)
    page["results"] = [_movement(m) for m in page["results"]]
    return page


@movements_router.get(
    "/{movement_id}",
    response={200: MovementDetailOut, **errors()},
    summary="Một phong trào thi đua",
)
def get_movement(request: HttpRequest, movement_id: Id):
    check_params(request, paged=False)
    movement = access_movement(request.user, movement_id)
    require_scope(request, SCOPE)
    return {**_movement(movement), "theme": movement.theme}


@registrations_router.get(
    "/",
    response={200: RegistrationPage, **errors()},
    summary="Danh sách đăng ký thi đua",
)
def list_registrations(
    request: HttpRequest,
    movement: Id | None = None,
    agency: Id | None = None,
    limit: Limit | None = None,
    offset: Offset | None = None,
    cursor: Cursor | None = None,
):
    """By movement (newest first), then unit name, then id. ``movement``: one
    movement's; ``agency``: one unit's."""
    check_params(request, "movement", "agency")
    require_scope(request, SCOPE)
    registrations = registrations_for_user(request.user).annotate(
        n_entries=Count("entries")
    )
    if movement is not None:
        registrations = registrations.filter(movement_id=movement)
    if agency is not None:
        registrations = registrations.filter(agency_id=agency)
    registrations = registrations.order_by("-movement_id", "agency__name", "id")
    page = paginate(request, registrations, limit, offset, cursor)
    page["results"] = [_registration(r, r.n_entries) for r in page["results"]]
    return page


@registrations_router.get(
    "/{registration_id}",
    response={200: RegistrationDetailOut, **errors()},
    summary="Một bản đăng ký thi đua",
)
def get_registration(request: HttpRequest, registration_id: Id):
    """With the members' target titles and pledges."""
    check_params(request, paged=False)
    registration = (
        registrations_for_user(request.user).filter(pk=registration_id).first()
    )
    if registration is None:
        raise Http404
    require_scope(request, SCOPE)
    entries = list(
        registration.entries.select_related("person").order_by("person__sort_key", "id")
    )
    return {
        **_registration(registration, len(entries)),
        "pledges": registration.pledges,
        "return_reason": registration.return_reason,
        "entries": [
            {"person": ref(e.person, "full_name"), "title": e.title, "pledge": e.pledge}
            for e in entries
        ],
    }
