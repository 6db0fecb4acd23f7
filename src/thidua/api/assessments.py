"""Yearly ratings (xếp loại chất lượng) of the people the caller may see."""

from django.http import Http404, HttpRequest
from ninja import Router, Schema

from thidua.organizations.models import Assessment
from thidua.organizations.selectors import assessments_for_user

from .auth import require_scope
from .params import Cursor, Id, Limit, Offset, Page, Year, check_params, paginate
from .schemas import Ref, errors, ref

__all__ = ["router"]

router = Router(tags=["assessments"])
SCOPE = "assessments:read"


class AssessmentOut(Schema):
    """``rating``: ``HTXS``, ``HTT``, ``HT`` or ``KHT``."""

    id: int
    person: Ref
    year: int
    rating: str
    rating_name: str


class AssessmentPage(Page):
    results: list[AssessmentOut]


def _out(assessment: Assessment) -> dict:
    return {
        "id": assessment.pk,
        "person": ref(assessment.person, "full_name"),
        "year": assessment.year,
        "rating": assessment.rating,
        "rating_name": assessment.get_rating_display(),
    }


@router.get(
    "/", response={200: AssessmentPage, **errors()}, summary="Kết quả xếp loại cá nhân"
)
def list_assessments(
    request: HttpRequest,
    person: Id | None = None,
    year: Year | None = None,
    limit: Limit | None = None,
    offset: Offset | None = None,
    cursor: Cursor | None = None,
):
    """Newest year first, then by tên, then id. ``person``: one person's ratings;
    ``year``: one year's."""
    check_params(request, "person", "year")
    require_scope(request, SCOPE)
    assessments = assessments_for_user(request.user).select_related("person")
    if person is not None:
        assessments = assessments.filter(person_id=person)
    if year is not None:
        assessments = assessments.filter(year=year)
    assessments = assessments.order_by("-year", "person__sort_key", "id")
    page = paginate(request, assessments, limit, offset, cursor)
    page["results"] = [_out(a) for a in page["results"]]
    return page


@router.get(
    "/{assessment_id}",
    response={200: AssessmentOut, **errors()},
    summary="Một kết quả xếp loại",
)
def get_assessment(request: HttpRequest, assessment_id: Id):
    check_params(request, paged=False)
    assessment = (
        assessments_for_user(request.user)
        .select_related("person")
        .filter(pk=assessment_id)
        .first()
    )
    if assessment is None:
        raise Http404
    require_scope(request, SCOPE)
    return _out(assessment)
