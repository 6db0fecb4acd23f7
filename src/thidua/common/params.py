"""Numbers and ids read from a request's query string or raw form data (the values no
Django form field checks): a malformed number answers 400 naming the parameter, a value
that cannot be an id is a missing object (404, as a hidden one) — never a ValueError or
an integer overflow deep in a database query.

The API shares :class:`BadParameter` (its handler answers JSON, the pages' handler a
page, both naming the parameter)."""

import re

from django.core.exceptions import BadRequest
from django.http import Http404
from django.utils.translation import gettext as _

__all__ = [
    "MAX_ID",
    "BadParameter",
    "id_list",
    "id_param",
    "int_param",
    "parse_int",
]

# What a 64-bit key holds (BigAutoField): a larger id cannot exist.
MAX_ID = 2**63 - 1
# ASCII digits only: int() also takes "١٢", " 12 " and "1_000".
_INTEGER = re.compile(r"[+-]?[0-9]+")
# Beyond this many digits a number is only "too large" (int() refuses 4,300 digits).
_DIGITS = 30


class BadParameter(BadRequest):
    """A query or form parameter malformed or out of range: 400 naming it."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}")


def parse_int(
    value, field: str, *, min_value: int | None = None, max_value: int | None = None
) -> int:
    """``value`` (a string) as an int within the bounds, or :class:`BadParameter`."""
    text = value if isinstance(value, str) else ""
    if not _INTEGER.fullmatch(text):
        raise BadParameter(field, _("phải là số nguyên"))
    number = int(text) if len(text) <= _DIGITS else int(text[0] + "9" * _DIGITS)
    if min_value is not None and number < min_value:
        raise BadParameter(field, _("phải từ %(n)s trở lên") % {"n": min_value})
    if max_value is not None and number > max_value:
        raise BadParameter(field, _("phải từ %(n)s trở xuống") % {"n": max_value})
    return number


def int_param(
    data,
    field: str,
    default: int | None = None,
    *,
    min_value: int | None = None,
    max_value: int | None = None,
) -> int | None:
    """``data[field]`` (a QueryDict) as an int; ``default`` when absent or empty."""
    value = data.get(field)
    if value is None or value == "":
        return default
    return parse_int(value, field, min_value=min_value, max_value=max_value)


def id_param(data, field: str) -> int | None:
    """An object id from ``data[field]``: None when absent or empty; a value that
    cannot be an id answers 404, as a missing or hidden object does."""
    try:
        return int_param(data, field, min_value=1, max_value=MAX_ID)
    except BadParameter:
        raise Http404 from None


def id_list(data, field: str) -> list[int]:
    """The ids among the values of a multi-valued field (check boxes); a value that
    cannot be an id is dropped, as an id that matches nothing would be."""
    ids = []
    for value in data.getlist(field):
        try:
            ids.append(parse_int(value, field, min_value=1, max_value=MAX_ID))
        except BadParameter:
            continue
    return ids
