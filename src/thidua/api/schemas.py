"""Schemas shared by the routers: a reference to another object, and the error body
every endpoint may answer, declared in each operation's responses so that the OpenAPI
schema says what a client really gets (checked by schemathesis)."""

from ninja import Schema

__all__ = ["ErrorOut", "Ref", "errors", "ref"]


class Ref(Schema):
    """Another object, by id and name (its own endpoint has the rest)."""

    id: int
    name: str


def ref(obj, name: str = "name") -> dict | None:
    return None if obj is None else {"id": obj.pk, "name": getattr(obj, name)}


class ErrorOut(Schema):
    """``detail`` in Vietnamese; ``field`` names the input at fault; ``errors`` lists
    every problem when there are several; ``scope`` the missing scope (403)."""

    detail: str
    field: str | None = None
    errors: list[str] | None = None
    scope: str | None = None


# Every authenticated operation: bad parameters, no or bad credentials, missing scope,
# missing or hidden object, too many failed logins from the address (or of the token).
COMMON = (400, 401, 403, 404, 429)


def errors(*extra: int) -> dict[int, type[ErrorOut]]:
    """``{400: ErrorOut, 401: …, 403: …, 404: …, 429: …}`` plus ``extra`` codes (409, 413)."""
    return dict.fromkeys((*COMMON, *extra), ErrorOut)
