"""Agencies: the organisation tree (public to every signed-in caller, as on the pages)."""

from django.http import HttpRequest
from ninja import Router, Schema

from thidua.organizations.enums import AgencyLevel
from thidua.organizations.selectors import access_agency, agencies_for_user

from .auth import require_scope
from .params import Cursor, Id, Limit, Offset, Page, check_params, paginate
from .schemas import errors

__all__ = ["router"]

router = Router(tags=["agencies"])
SCOPE = "agencies:read"


class AgencyOut(Schema):
    id: int
    code: str
    name: str
    short_name: str
    abbreviation: str
    level: str
    parent_id: int | None
    is_active: bool
    tdkt_body: str  # TdktBody (form 0604), empty when the agency is not one


class AgencyPage(Page):
    results: list[AgencyOut]


@router.get(
    "/", response={200: AgencyPage, **errors()}, summary="Danh sách cơ quan, đơn vị"
)
def list_agencies(
    request: HttpRequest,
    parent: Id | None = None,
    level: AgencyLevel | None = None,
    limit: Limit | None = None,
    offset: Offset | None = None,
    cursor: Cursor | None = None,
):
    """Ordered by id. ``parent``: the direct children of one agency; ``level``: one
    level (``tinh``, ``so_ban_nganh``, ``phong_don_vi``, …)."""
    check_params(request, "parent", "level")
    require_scope(request, SCOPE)
    agencies = agencies_for_user(request.user).order_by("id")
    if parent is not None:
        agencies = agencies.filter(parent_id=parent)
    if level:
        agencies = agencies.filter(level=level)
    return paginate(request, agencies, limit, offset, cursor)


@router.get(
    "/{agency_id}", response={200: AgencyOut, **errors()}, summary="Một cơ quan, đơn vị"
)
def get_agency(request: HttpRequest, agency_id: Id):
    check_params(request, paged=False)
    agency = access_agency(request.user, agency_id)
    require_scope(request, SCOPE)
    return agency
