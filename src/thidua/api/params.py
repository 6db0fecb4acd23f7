"""Query parameters shared by the list endpoints: pagination and the refusal of
parameters an endpoint does not know (a typo must not silently widen a list)."""

import hashlib
from typing import Annotated

from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from ninja import Schema
from ninja.responses import NinjaJSONEncoder
from pydantic import Field

__all__ = [
    "MAX_LIMIT",
    "BadParameter",
    "Id",
    "Limit",
    "Offset",
    "Page",
    "Year",
    "check_params",
    "paginate",
]

MAX_LIMIT = 200
DEFAULT_LIMIT = 50
PAGE_PARAMS = ("limit", "offset")
# Bounds the database can hold (a 64-bit key): a larger number is a 400 naming the
# parameter, never an overflow in the database driver.
MAX_ID = 2**63 - 1
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Year = Annotated[int, Field(ge=1900, le=2100)]
Offset = Annotated[int, Field(le=MAX_ID)]
Limit = Annotated[int, Field(le=MAX_ID)]


class BadParameter(ValueError):
    """A query parameter out of range or unknown: 400 naming it."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        super().__init__(f"{field}: {problem}")


class Page(Schema):
    count: int
    next: str | None
    previous: str | None


def check_params(request: HttpRequest, *allowed: str, paged: bool = True) -> None:
    known = set(allowed) | (set(PAGE_PARAMS) if paged else set())
    for name in request.GET:
        if name not in known:
            raise BadParameter(name, _("tham số không được hỗ trợ"))


def _page_url(request: HttpRequest, limit: int, offset: int) -> str:
    query = request.GET.copy()
    query["limit"], query["offset"] = str(limit), str(offset)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def _count(items: QuerySet) -> int:
    """The list's size, remembered for ``THIDUA_API_COUNT_CACHE_SECONDS`` per query (the
    SQL carries the caller's scope and filters): counting 100,000 rows on every page is
    most of a page's cost, and a count a few seconds old is what list APIs give."""
    seconds = settings.THIDUA_API_COUNT_CACHE_SECONDS
    if not seconds:
        return items.count()
    sql, params = items.order_by().query.get_compiler(using=items.db).as_sql()
    key = (
        "thidua:api-count:" + hashlib.sha256(f"{sql}\0{params!r}".encode()).hexdigest()
    )
    count = cache.get(key)
    if count is None:
        count = items.count()
        cache.set(key, count, seconds)
    return count


def paginate(
    request: HttpRequest, items: QuerySet, limit: int | None, offset: int | None
) -> dict:
    """``{"count", "next", "previous", "results"}`` of one page: two queries whatever
    the page size (the count and the slice; the caller joins what it prints)."""
    limit = DEFAULT_LIMIT if limit is None else limit
    offset = 0 if offset is None else offset
    if not 1 <= limit <= MAX_LIMIT:
        raise BadParameter("limit", _("phải từ 1 đến %d") % MAX_LIMIT)
    if offset < 0:
        raise BadParameter("offset", _("không được âm"))
    count = _count(items)
    results = list(items[offset : offset + limit])
    return {
        "count": count,
        "next": _page_url(request, limit, offset + limit)
        if offset + limit < count
        else None,
        "previous": _page_url(request, limit, max(offset - limit, 0))
        if offset > 0
        else None,
        "results": results,
    }


def page_response(page: dict) -> JsonResponse:
    """A page already shaped as its schema, as JSON without a second validation of every
    row (a third of a busy list's time; tests/api/test_schemathesis.py checks that the
    answers still conform to the schema)."""
    return JsonResponse(page, encoder=NinjaJSONEncoder)
