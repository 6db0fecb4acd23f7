"""The REST API, version 1 (django-ninja). Routers per domain; errors are JSON with
Vietnamese messages. Callers authenticate with a bearer token (scoped) or the signed-in
session (the browsable docs); see docs/api.md."""

from django.core.exceptions import (
    NON_FIELD_ERRORS,
    PermissionDenied,
    RequestDataTooBig,
)
from django.core.exceptions import ValidationError as BusinessError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.parser import Parser

from thidua.common.text import nul_path, strip_controls
from thidua.eligibility import CaseError

from .agencies import router as agencies_router
from .assessments import router as assessments_router
from .auth import ScopeMissing, api_auth
from .awards import router as awards_router
from .councils import router as councils_router
from .decisions import router as decisions_router
from .eligibility import router as eligibility_router
from .movements import movements_router, registrations_router
from .nominations import router as nominations_router
from .params import BadParameter
from .people import router as people_router

__all__ = ["api"]


class JsonParser(Parser):
    """JSON bodies as ninja reads them, as common.middleware treats the rest of a
    request: a NUL byte in any string refused (PostgreSQL refuses it in a query), the
    other control characters dropped (no document thidua writes can hold them)."""

    def parse_body(self, request):
        data = super().parse_body(request)
        where = nul_path(data)
        if where is not None:
            raise BadParameter(where or "body", _("không được chứa ký tự NUL"))
        return _without_controls(data)


def _without_controls(value):
    if isinstance(value, str):
        return strip_controls(value)
    if isinstance(value, list):
        return [_without_controls(item) for item in value]
    if isinstance(value, dict):
        return {key: _without_controls(item) for key, item in value.items()}
    return value


api = NinjaAPI(
    title="thidua API",
    version="1",
    urls_namespace="api-v1",
    auth=api_auth,
    docs_url="/docs",
    openapi_url="/schema/",
    parser=JsonParser(),
)
api.add_router("/agencies", agencies_router)
api.add_router("/people", people_router)
api.add_router("/awards", awards_router)
api.add_router("/eligibility", eligibility_router)
api.add_router("/nominations", nominations_router)
api.add_router("/decisions", decisions_router)
api.add_router("/movements", movements_router)
api.add_router("/registrations", registrations_router)
api.add_router("/councils", councils_router)
api.add_router("/assessments", assessments_router)

# pydantic's error types, in the words of the pages.
PROBLEMS = {
    "missing": "bắt buộc",
    "int_parsing": "phải là số nguyên",
    "int_type": "phải là số nguyên",
    "bool_parsing": "phải là true hoặc false",
    "float_parsing": "phải là số",
    "date_from_datetime_parsing": "phải là ngày dạng YYYY-MM-DD",
    "date_parsing": "phải là ngày dạng YYYY-MM-DD",
    "enum": "không nằm trong các giá trị cho phép",
    "literal_error": "không nằm trong các giá trị cho phép",
    "string_too_long": "quá dài",
    "string_type": "phải là chuỗi",
    "model_attributes_type": "phải là một đối tượng JSON",
    "dict_type": "phải là một đối tượng JSON",
    "extra_forbidden": "không được hỗ trợ",
    "json_invalid": "JSON không hợp lệ",
}


def _problem(error: dict) -> str:
    bounds = error.get("ctx") or {}
    if error.get("type") == "greater_than_equal":
        return f"phải từ {bounds.get('ge')} trở lên"
    if error.get("type") == "less_than_equal":
        return f"phải từ {bounds.get('le')} trở xuống"
    return PROBLEMS.get(error.get("type"), error.get("msg"))


def _error(request, status: int, detail: str, field: str = "", **extra):
    body = {"detail": detail, **({"field": field} if field else {}), **extra}
    return api.create_response(request, body, status=status)


@api.exception_handler(CaseError)
def case_error(request, exc: CaseError):
    return _error(request, 400, str(exc), getattr(exc, "field", ""))


@api.exception_handler(BadParameter)
def bad_parameter(request, exc: BadParameter):
    return _error(request, 400, str(exc), exc.field)


@api.exception_handler(Http404)
def not_found(request, exc):
    return _error(request, 404, "Không tìm thấy.")


@api.exception_handler(AuthenticationError)
def unauthenticated(request, exc: AuthenticationError):
    # ninja raises it bare ("Unauthorized") when no credentials were given at all.
    message = exc.message if exc.message != "Unauthorized" else "Chưa đăng nhập."
    return _error(request, 401, message)


@api.exception_handler(ScopeMissing)
def scope_missing(request, exc: ScopeMissing):
    return _error(request, 403, exc.message, scope=exc.scope)


@api.exception_handler(RequestDataTooBig)
def too_big(request, exc):
    return _error(request, 413, "Dữ liệu gửi lên quá lớn.", "body")


@api.exception_handler(PermissionDenied)
def forbidden(request, exc):
    # A service refusing the caller something they may see (the object was found
    # through its visibility selector first, so a hidden one answers 404).
    return _error(request, 403, "Không có quyền thực hiện thao tác này.")


@api.exception_handler(BusinessError)
def refused(request, exc: BusinessError):
    """A service's ValidationError: 409 when someone else changed the object since the
    caller read it, else 400 with the service's Vietnamese messages and the field."""
    if getattr(exc, "code", None) == "stale":
        return _error(request, 409, exc.messages[0], "version")
    if hasattr(exc, "error_dict"):
        problems = [
            (field, message)
            for field, messages in exc.message_dict.items()
            for message in messages
        ]
        field, first = problems[0]
        field = "" if field == NON_FIELD_ERRORS else field
        return _error(
            request,
            400,
            first,
            field,
            errors=[f"{f}: {m}" if f != NON_FIELD_ERRORS else m for f, m in problems],
        )
    return _error(request, 400, " ".join(exc.messages), errors=exc.messages)


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    # ninja's own: a body it cannot parse as JSON is the only one reaching here today
    # (or one our parser refused, naming the field).
    if isinstance(exc.__cause__, BadParameter):
        return bad_parameter(request, exc.__cause__)
    if exc.status_code == 400 and exc.message.startswith("Cannot parse request body"):
        return _error(request, 400, "body: JSON không hợp lệ", "body")
    return _error(request, exc.status_code, exc.message)


@api.exception_handler(ValidationError)
def invalid(request, exc: ValidationError):
    problems = []
    for error in exc.errors:
        loc = [str(p) for p in error.get("loc", [])]
        # ("query", "limit"); a JSON body is ("body", <the view's parameter>, "field").
        where = ".".join(loc[2:] if loc[:1] == ["body"] else loc[1:]) or "body"
        problems.append((where, _problem(error)))
    field, first = problems[0] if problems else ("body", "không hợp lệ")
    return _error(
        request,
        400,
        f"{field}: {first}",
        field,
        errors=[f"{where}: {problem}" for where, problem in problems],
    )
