"""Councils (hội đồng thi đua – khen thưởng): those of the agencies whose TĐKT office the
caller staffs, and those the caller sits on (as the council pages)."""

import datetime

from django.db.models import F
from django.http import HttpRequest
from ninja import Router, Schema

from thidua.organizations.models import Council
from thidua.organizations.selectors import access_council, councils_for_user

from .auth import require_scope
from .params import Cursor, Id, Limit, Offset, Page, check_params, paginate
from .schemas import Ref, errors, ref

__all__ = ["router"]

router = Router(tags=["councils"])
SCOPE = "councils:read"


class CouncilOut(Schema):
    id: int
    name: str
    abbreviation: str
    agency: Ref
    established_by: str
    term_start: datetime.date
    term_end: datetime.date | None


class MemberOut(Schema):
    """A seat: ``role`` (``chu_tich``, ``thu_ky``, …), the member's office, the term."""

    person: Ref
    role: str
    role_name: str
    title: str
    start_date: datetime.date
    end_date: datetime.date | None


class CouncilDetailOut(CouncilOut):
    members: list[MemberOut]


class CouncilPage(Page):
    results: list[CouncilOut]


def _out(council: Council) -> dict:
    return {
        "id": council.pk,
        "name": council.name,
        "abbreviation": council.abbreviation,
        "agency": ref(council.agency),
        "established_by": council.established_by,
        "term_start": council.term_start,
        "term_end": council.term_end,
    }


@router.get(
    "/", response={200: CouncilPage, **errors()}, summary="Danh sách hội đồng TĐKT"
)
def list_councils(
    request: HttpRequest,
    agency: Id | None = None,
    limit: Limit | None = None,
    offset: Offset | None = None,
    cursor: Cursor | None = None,
):
    """By name, then id. ``agency``: the councils of one agency."""
    check_params(request, "agency")
    require_scope(request, SCOPE)
    councils = councils_for_user(request.user).select_related("agency")
    if agency is not None:
        councils = councils.filter(agency_id=agency)
    councils = councils.order_by("name", "id")
    page = paginate(request, councils, limit, offset, cursor)
    page["results"] = [_out(c) for c in page["results"]]
    return page


@router.get(
    "/{council_id}",
    response={200: CouncilDetailOut, **errors()},
    summary="Một hội đồng TĐKT",
)
def get_council(request: HttpRequest, council_id: Id):
    """With its seats, current and past (a past seat has its ``end_date``)."""
    check_params(request, paged=False)
    council = access_council(request.user, council_id)
    require_scope(request, SCOPE)
    members = council.members.select_related("person").order_by(
        F("end_date").asc(nulls_first=True), "start_date", "id"
    )
    return {
        **_out(council),
        "members": [
            {
                "person": ref(m.person, "full_name"),
                "role": m.role,
                "role_name": m.get_role_display(),
                "title": m.title,
                "start_date": m.start_date,
                "end_date": m.end_date,
            }
            for m in members
        ],
    }
