"""Eligibility endpoints: check a case (the CLI's JSON in, the same JSON out), explain a
rule, and the verdict of a person of the registry."""

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router

from thidua.eligibility import CaseError, check_case
from thidua.eligibility.case import check_review_year_range
from thidua.eligibility.explain import explain
from thidua.eligibility.validate import load_json
from thidua.organizations.eligibility import verdict_for_person
from thidua.organizations.selectors import access_person

from .auth import require_scope
from .params import Id, check_params
from .schemas import errors

__all__ = ["router"]

router = Router(tags=["eligibility"])
SCOPE = "eligibility:read"


@router.post(
    "/check",
    response={200: dict, **errors(413)},
    summary="Xét điều kiện khen thưởng cho một hồ sơ (case JSON)",
)
def check(request: HttpRequest) -> dict:
    """Body: the case JSON of docs/eligibility.md §2. Answers the output JSON, or 400 with
    one Vietnamese line naming the field."""
    check_params(request, paged=False)
    require_scope(request, SCOPE)
    data = load_json(request.body or b"", "(body)")
    check_review_year_range(data, timezone.localdate())
    return check_case(data)


@router.get(
    "/explain/{code}",
    response={200: dict, **errors()},
    summary="Điều kiện và căn cứ của một danh hiệu, hình thức",
)
def explain_code(request: HttpRequest, code: str, regime: str | None = None) -> dict:
    check_params(request, "regime", paged=False)
    require_scope(request, SCOPE)
    return explain(code, regime)


@router.get(
    "/people/{person_id}",
    response={200: dict, **errors()},
    summary="Kết quả xét của một cá nhân trong hệ thống",
)
def person_verdict(request: HttpRequest, person_id: Id, year: int) -> dict:
    check_params(request, "year", paged=False)
    person = access_person(request.user, person_id)
    require_scope(request, SCOPE)
    if not 1945 <= year <= 2100:
        raise CaseError("year", f"{year} không hợp lệ")
    return verdict_for_person(person, year)
