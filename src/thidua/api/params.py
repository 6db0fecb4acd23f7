"""Query parameters shared by the list endpoints: pagination (by ``offset`` or by
``cursor``, see cursor.py) and the refusal of parameters an endpoint does not know (a
typo must not silently widen a list)."""

import hashlib
from typing import Annotated

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db.models import F, QuerySet
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from ninja import Schema
from ninja.responses import NinjaJSONEncoder
from pydantic import Field

from thidua.common.params import MAX_ID, BadParameter

from .cursor import (
    InvalidCursor,
    Key,
    Position,
    beyond,
    decode,
    encode,
    order_keys,
    ordered,
)

__all__ = [
    "MAX_LIMIT",
    "BadParameter",
    "Cursor",
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
PAGE_PARAMS = ("limit", "offset", "cursor")
# Bounds the database can hold (MAX_ID, a 64-bit key): a larger number is a 400 naming
# the parameter, never an overflow in the database driver.
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Year = Annotated[int, Field(ge=1900, le=2100)]
Offset = Annotated[int, Field(le=MAX_ID)]
Limit = Annotated[int, Field(le=MAX_ID)]
# Opaque: the ``next``/``previous`` links carry it (a few hundred characters at most).
Cursor = Annotated[
    str,
    Field(
        max_length=4000,
        description="Opaque position in the list, from a page's next/previous link "
        "(docs/api.md, Pagination); not with offset.",
    ),
]


class Page(Schema):
    count: int
    next: str | None
    previous: str | None


def check_params(request: HttpRequest, *allowed: str, paged: bool = True) -> None:
    known = set(allowed) | (set(PAGE_PARAMS) if paged else set())
    for name in request.GET:
        if name not in known:
            raise BadParameter(name, _("tham số không được hỗ trợ"))


def _page_url(
    request: HttpRequest, limit: int, *, offset: int | None = None, cursor=None
) -> str:
    """This request's URL moved to another page: by ``offset``, or by ``cursor`` (None:
    the first page)."""
    query = request.GET.copy()
    query.pop("cursor", None)
    if offset is None:
        query.pop("offset", None)
    query["limit"] = str(limit)
    if offset is not None:
        query["offset"] = str(offset)
    if cursor:
        query["cursor"] = cursor
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def _count(items: QuerySet) -> int:
    """The list's size, remembered for ``THIDUA_API_COUNT_CACHE_SECONDS`` per query (the
    SQL carries the caller's scope and filters): counting 100,000 rows on every page is
    most of a page's cost, and a count a few seconds old is what list APIs give."""
    seconds = settings.THIDUA_API_COUNT_CACHE_SECONDS
    if not seconds:
        return items.count()
    try:
        sql, params = items.order_by().query.get_compiler(using=items.db).as_sql()
    except EmptyResultSet:  # a filter that matches nothing (an empty scope): no query
        return 0
    key = (
        "thidua:api-count:" + hashlib.sha256(f"{sql}\0{params!r}".encode()).hexdigest()
    )
    count = cache.get(key)
    if count is None:
        count = items.count()
        cache.set(key, count, seconds)
    return count


def paginate(
    request: HttpRequest,
    items: QuerySet,
    limit: int | None,
    offset: int | None,
    cursor: str | None = None,
) -> dict:
    """``{"count", "next", "previous", "results"}`` of one page: two queries whatever
    the page size or depth (the count and the slice; the caller joins what it prints).

    With ``offset`` the links page by offset, as they always did; otherwise (the first
    page, or a ``cursor``) they carry cursors, so that a client following ``next`` never
    makes the database walk the rows it has already read."""
    limit = DEFAULT_LIMIT if limit is None else limit
    if not 1 <= limit <= MAX_LIMIT:
        raise BadParameter("limit", _("phải từ 1 đến %d") % MAX_LIMIT)
    if offset is not None and offset < 0:
        raise BadParameter("offset", _("không được âm"))
    if cursor and offset is not None:
        raise BadParameter("cursor", _("không dùng cùng với offset"))
    keys = order_keys(items)
    items = ordered(items, keys)
    try:
        position = decode(request, keys, cursor) if cursor else None
    except InvalidCursor as exc:
        raise BadParameter("cursor", str(exc)) from None
    count = _count(items)
    if offset is None:
        return {"count": count, **_keyset_page(request, items, keys, limit, position)}
    results = list(items[offset : offset + limit])
    return {
        "count": count,
        "next": _page_url(request, limit, offset=offset + limit)
        if offset + limit < count
        else None,
        "previous": _page_url(request, limit, offset=max(offset - limit, 0))
        if offset > 0
        else None,
        "results": results,
    }


def _keyset_page(
    request: HttpRequest,
    items: QuerySet,
    keys: list[Key],
    limit: int,
    position: Position | None,
) -> dict:
    """One row more than the page tells whether there is a page beyond (the count may
    be a few seconds old; this is not)."""
    backward = position is not None and position.backward
    rows = items.annotate(**{f"_key{i}": F(key.path) for i, key in enumerate(keys)})
    if backward:
        rows = ordered(rows, keys, reverse=True)
    if position is not None and position.values is not None:
        rows = rows.filter(beyond(keys, position))
    rows = list(rows[: limit + 1])
    more, rows = len(rows) > limit, rows[:limit]
    if backward:
        rows.reverse()

    def link(row, backward: bool) -> str:
        values = [
            row[f"_key{i}"] if isinstance(row, dict) else getattr(row, f"_key{i}")
            for i in range(len(keys))
        ]
        return _page_url(
            request, limit, cursor=encode(request, keys, Position(values, backward))
        )

    if backward:
        previous = link(rows[0], True) if more else None
        if position.values is None:  # the last page
            following = None
        elif rows:
            following = link(rows[-1], False)
        else:  # nothing before the position: what follows is the first page
            following = _page_url(request, limit)
        return {"next": following, "previous": previous, "results": rows}
    following = link(rows[-1], False) if more else None
    if position is None:
        previous = None
    elif rows:
        previous = link(rows[0], True)
    else:  # past the end (rows deleted since): the last page
        previous = _page_url(
            request, limit, cursor=encode(request, keys, Position(None, True))
        )
    return {"next": following, "previous": previous, "results": rows}


def page_response(page: dict) -> JsonResponse:
    """A page already shaped as its schema, as JSON without a second validation of every
    row (a third of a busy list's time; tests/api/test_schemathesis.py checks that the
    answers still conform to the schema)."""
    return JsonResponse(page, encoder=NinjaJSONEncoder)
