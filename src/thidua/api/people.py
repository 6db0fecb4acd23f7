"""People of the registry, exactly as the person pages show them to the caller."""

import datetime

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema

from thidua.organizations.models import Person
from thidua.organizations.selectors import access_agency, access_person, person_list

from .auth import require_scope
from .params import (
    BadParameter,
    Cursor,
    Id,
    Limit,
    Offset,
    Page,
    check_params,
    paginate,
)
from .schemas import errors

__all__ = ["router"]

router = Router(tags=["people"])
SCOPE = "people:read"


class UnitOut(Schema):
    id: int
    name: str


class PersonOut(Schema):
    """The list prints no CCCD and no birth date: ask one person for those."""

    id: int
    full_name: str
    gender: str
    category: str
    position: str
    unit: UnitOut


class PersonDetailOut(PersonOut):
    """``cccd`` in full for those who may edit the person (as on its page), masked
    (``001******789``) for the others who may see it."""

    birth_date: datetime.date
    cccd: str
    ethnicity: str
    civil_rank: str
    is_direct_worker: bool
    recruited_on: datetime.date | None
    education_level: str
    tdkt_since: datetime.date | None


class PersonPage(Page):
    results: list[PersonOut]


def _out(person: Person) -> dict:
    return {
        "id": person.pk,
        "full_name": person.full_name,
        "gender": person.gender,
        "category": person.category,
        "position": person.position,
        "unit": {"id": person.unit_id, "name": person.unit.name},
    }


@router.get("/", response={200: PersonPage, **errors()}, summary="Danh sách cá nhân")
def list_people(
    request: HttpRequest,
    q: str | None = None,
    unit: Id | None = None,
    cccd: str | None = None,
    limit: Limit | None = None,
    offset: Offset | None = None,
    cursor: Cursor | None = None,
):
    """Ordered by tên (Vietnamese order), then id. ``q``: words of the name, accents
    and case ignored (``nguyen van anh`` finds Nguyễn Văn Ánh); ``unit``: that agency
    and the units under it; ``cccd``: one exact number. Only people the caller may
    see are ever searched."""
    check_params(request, "q", "unit", "cccd")
    require_scope(request, SCOPE)
    subtree = None
    if unit is not None:
        try:
            subtree = access_agency(request.user, unit)
        except Http404:
            raise BadParameter("unit", _("không có đơn vị %d") % unit) from None
    people = person_list(request.user, query=q or "", unit=subtree)
    if cccd is not None:
        people = people.filter(cccd=cccd.strip())
    page = paginate(request, people, limit, offset, cursor)
    page["results"] = [_out(p) for p in page["results"]]
    return page


@router.get(
    "/{person_id}", response={200: PersonDetailOut, **errors()}, summary="Một cá nhân"
)
def get_person(request: HttpRequest, person_id: Id):
    check_params(request, paged=False)
    person = access_person(request.user, person_id)
    require_scope(request, SCOPE)
    can_edit = request.user.has_perm("organizations.change_person", person)
    return {
        **_out(person),
        "birth_date": person.birth_date,
        "cccd": person.cccd if can_edit else person.masked_cccd,
        "ethnicity": person.ethnicity,
        "civil_rank": person.civil_rank,
        "is_direct_worker": person.is_direct_worker,
        "recruited_on": person.recruited_on,
        "education_level": person.education_level,
        "tdkt_since": person.tdkt_since,
    }
