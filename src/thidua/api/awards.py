"""The award register (sổ khen thưởng), scoped like the people and units it concerns."""

import datetime

from django.http import HttpRequest
from ninja import Router, Schema

from thidua.awards.models import Award
from thidua.awards.selectors import access_award, awards_for_user
from thidua.common.awards import AWARD_CODES

from .auth import require_scope
from .params import (
    Cursor,
    Id,
    Limit,
    Offset,
    Page,
    Year,
    check_params,
    page_response,
    paginate,
)
from .schemas import errors

__all__ = ["router"]

router = Router(tags=["awards"])
SCOPE = "awards:read"


class SubjectOut(Schema):
    id: int
    name: str


class AwardOut(Schema):
    """One of ``person`` (cá nhân) and ``agency`` (tập thể) is set."""

    id: int
    code: str
    name: str
    award_type: str
    year: int
    person: SubjectOut | None
    agency: SubjectOut | None
    decision_number: str
    decision_date: datetime.date
    decided_by: str
    revoked: bool
    annulled_on: datetime.date | None


class AwardPage(Page):
    results: list[AwardOut]


ROW_FIELDS = (
    "id",
    "code",
    "award_type",
    "year",
    "person_id",
    "person__full_name",
    "agency_id",
    "agency__name",
    "decision_number",
    "decision_date",
    "decided_by",
    "revoked",
    "annulled_on",
)
CODE_NAMES = dict(AWARD_CODES)


def _row(r: dict) -> dict:
    """The list's shape of :func:`_out`, from a ``values()`` row."""
    return {
        "id": r["id"],
        "code": r["code"],
        "name": str(CODE_NAMES.get(r["code"], r["code"])),
        "award_type": r["award_type"],
        "year": r["year"],
        "person": {"id": r["person_id"], "name": r["person__full_name"]}
        if r["person_id"]
        else None,
        "agency": {"id": r["agency_id"], "name": r["agency__name"]}
        if r["agency_id"]
        else None,
        "decision_number": r["decision_number"],
        "decision_date": r["decision_date"],
        "decided_by": r["decided_by"],
        "revoked": r["revoked"],
        "annulled_on": r["annulled_on"],
    }


def _out(award: Award) -> dict:
    person, agency = award.person, award.agency
    return {
        "id": award.pk,
        "code": award.code,
        "name": award.get_code_display(),
        "award_type": award.award_type,
        "year": award.year,
        "person": {"id": person.pk, "name": person.full_name} if person else None,
        "agency": {"id": agency.pk, "name": agency.name} if agency else None,
        "decision_number": award.decision_number,
        "decision_date": award.decision_date,
        "decided_by": award.decided_by,
        "revoked": award.revoked,
        "annulled_on": award.annulled_on,
    }


@router.get("/", response={200: AwardPage, **errors()}, summary="Sổ khen thưởng")
def list_awards(
    request: HttpRequest,
    year: Year | None = None,
    code: str | None = None,
    person: Id | None = None,
    agency: Id | None = None,
    revoked: bool | None = None,
    limit: Limit | None = None,
    offset: Offset | None = None,
    cursor: Cursor | None = None,
):
    """Newest first (year, decision date, then id). ``person``: awards of one person;
    ``agency``: collective awards of one unit; ``revoked``: ``true`` for the annulled
    ones only, ``false`` for the standing ones."""
    check_params(request, "year", "code", "person", "agency", "revoked")
    require_scope(request, SCOPE)
    awards = awards_for_user(request.user).select_related("person", "agency")
    if year is not None:
        awards = awards.filter(year=year)
    if code:
        awards = awards.filter(code=code)
    if person is not None:
        awards = awards.filter(person_id=person)
    if agency is not None:
        awards = awards.filter(agency_id=agency)
    if revoked is not None:
        awards = awards.filter(revoked=revoked)
    awards = awards.order_by("-year", "-decision_date", "-id")
    # Plain rows, not model instances: a busy list spends its time building objects.
    page = paginate(request, awards.values(*ROW_FIELDS), limit, offset, cursor)
    page["results"] = [_row(r) for r in page["results"]]
    return page_response(page)


@router.get(
    "/{award_id}", response={200: AwardOut, **errors()}, summary="Một khen thưởng"
)
def get_award(request: HttpRequest, award_id: Id):
    check_params(request, paged=False)
    award = access_award(request.user, award_id)
    require_scope(request, SCOPE)
    return _out(award)
