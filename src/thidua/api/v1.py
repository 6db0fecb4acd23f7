"""The REST API, version 1 (django-ninja). Routers per domain; errors are JSON with
Vietnamese messages. Authentication is the signed-in session for now; per-token scopes
come with the API issue."""

from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError
from ninja.security import django_auth

from thidua.eligibility import CaseError

from .eligibility import router as eligibility_router

__all__ = ["api"]

api = NinjaAPI(
    title="thidua API",
    version="1",
    urls_namespace="api-v1",
    auth=django_auth,
    docs_url="/docs",
    openapi_url="/schema/",
)
api.add_router("/eligibility", eligibility_router)


@api.exception_handler(CaseError)
def case_error(request, exc: CaseError):
    return api.create_response(
        request, {"detail": str(exc), "field": getattr(exc, "field", "")}, status=400
    )


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "Không tìm thấy."}, status=404)


@api.exception_handler(AuthenticationError)
def unauthenticated(request, exc):
    return api.create_response(request, {"detail": "Chưa đăng nhập."}, status=401)


@api.exception_handler(ValidationError)
def invalid(request, exc: ValidationError):
    problems = [
        f"{'.'.join(str(p) for p in error.get('loc', [])[1:]) or 'body'}: {error.get('msg')}"
        for error in exc.errors
    ]
    return api.create_response(
        request, {"detail": "Dữ liệu không hợp lệ.", "errors": problems}, status=400
    )
