"""Keyset (cursor) pages: a page starts after the last row of the one before, found
through the list's ordering, so the thousandth page costs what the first does (an
``offset`` makes the database walk every row before it; bench/api_awards.py).

A cursor is the signed JSON of the position (the ordering's values on one row), the
direction, and a digest of the path, filters and ordering it was made for: opaque to
clients, refused when forged or reused on another list."""

import datetime
import hashlib
from dataclasses import dataclass
from decimal import Decimal
from uuid import UUID

from django.core import signing
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import BooleanField, F, Field, Func, Q, QuerySet, Value
from django.db.models.expressions import OrderBy
from django.http import HttpRequest
from django.utils.translation import gettext as _

__all__ = [
    "InvalidCursor",
    "Key",
    "Position",
    "beyond",
    "decode",
    "encode",
    "order_keys",
    "ordered",
]

SALT = "thidua.api.cursor"
# Query parameters that move along a list rather than choose it.
PAGING = ("limit", "offset", "cursor")


class InvalidCursor(ValueError):
    """The problem with a cursor, in the words of the error (400 naming ``cursor``)."""


@dataclass(frozen=True)
class Key:
    """One term of a list's ordering."""

    path: str
    desc: bool
    field: Field
    nullable: bool

    def order(self, reverse: bool = False):
        desc = self.desc != reverse
        if not self.nullable:
            return f"-{self.path}" if desc else self.path
        # Spelled out, so that SQLite and PostgreSQL agree: NULLs after the values
        # (before them when walking backward).
        nulls = {"nulls_first": True} if reverse else {"nulls_last": True}
        return F(self.path).desc(**nulls) if desc else F(self.path).asc(**nulls)


@dataclass(frozen=True)
class Position:
    """Where a page starts: after ``values`` (``backward``: before them; ``values``
    None with ``backward``: from the end of the list)."""

    values: list | None
    backward: bool


def _resolve(model, path: str) -> tuple[Field, bool]:
    nullable = False
    parts = path.split("__")
    for part in parts[:-1]:
        relation = model._meta.get_field(part)
        nullable |= bool(relation.null)
        model = relation.related_model
    name = model._meta.pk.name if parts[-1] == "pk" else parts[-1]
    field = model._meta.get_field(name)
    if field.is_relation and field.name == name:
        # Ordering by a relation sorts by the other model's Meta.ordering: name the
        # column (``movement_id``) so that the keys are what the SQL sorts by.
        raise ValueError(f"order by {path!r}: use the {field.attname!r} column")
    return field, nullable or bool(field.null)


def order_keys(items: QuerySet) -> list[Key]:
    """The explicit ``order_by`` of ``items``; it must end in the primary key, which
    makes it a total order (ties in the other terms are broken by it)."""
    keys = []
    for term in items.query.order_by:
        if isinstance(term, str):
            path, desc = term.lstrip("-"), term.startswith("-")
        elif isinstance(term, OrderBy) and isinstance(term.expression, F):
            path, desc = term.expression.name, term.descending
        else:
            raise ValueError(f"cursor pages cannot order by {term!r}")
        try:
            field, nullable = _resolve(items.model, path)
        except FieldDoesNotExist as exc:
            raise ValueError(f"order by {path!r}: {exc}") from None
        keys.append(Key(path, desc, field, nullable))
    if not keys or keys[-1].field != items.model._meta.pk or "__" in keys[-1].path:
        raise ValueError(f"{items.model.__name__} list must be ordered last by its pk")
    return keys


def ordered(items: QuerySet, keys: list[Key], reverse: bool = False) -> QuerySet:
    return items.order_by(*(key.order(reverse) for key in keys))


class _Row(Func):
    template = "(%(expressions)s)"
    output_field = BooleanField()  # never read: the ORM wants one for mixed types


class _Compare(Func):
    """``(a, b, c) < (x, y, z)``: one range of an index on (a, b, c) for SQLite and
    PostgreSQL, where the spelled-out OR of the same is a scan with a filter."""

    template = "%(expressions)s"
    output_field = BooleanField()

    def __init__(self, lhs, rhs, operator: str):
        self.arg_joiner = f" {operator} "
        super().__init__(lhs, rhs)


def _strictly(run: list[Key], values: list, forward: bool, or_equal: bool = False):
    """Rows beyond ``values`` on a run of non-null keys sorted the same way."""
    operator = ("<" if run[0].desc == forward else ">") + ("=" if or_equal else "")
    if len(run) == 1:
        lookup = {"<": "lt", ">": "gt", "<=": "lte", ">=": "gte"}[operator]
        return Q(**{f"{run[0].path}__{lookup}": values[0]})
    lhs = _Row(*(F(key.path) for key in run))
    rhs = _Row(
        *(Value(v, output_field=key.field) for key, v in zip(run, values, strict=True))
    )
    return _Compare(lhs, rhs, operator)


def _equal(key: Key, value) -> Q:
    return Q(**{f"{key.path}__isnull": True} if value is None else {key.path: value})


def _beyond_nullable(key: Key, value, forward: bool) -> Q | None:
    """NULLs sort last (see :meth:`Key.order`)."""
    if value is None:
        return None if forward else Q(**{f"{key.path}__isnull": False})
    lookup = "lt" if key.desc == forward else "gt"
    strictly = Q(**{f"{key.path}__{lookup}": value})
    return strictly | Q(**{f"{key.path}__isnull": True}) if forward else strictly


def _runs(keys: list[Key], values: list):
    """Consecutive non-null keys of one direction, grouped; a nullable key alone."""
    runs: list[tuple[list[Key], list]] = []
    for key, value in zip(keys, values, strict=True):
        last = runs[-1][0] if runs else None
        if (
            last
            and not key.nullable
            and not last[-1].nullable
            and last[-1].desc == key.desc
        ):
            runs[-1][0].append(key)
            runs[-1][1].append(value)
        else:
            runs.append(([key], [value]))
    return runs


def beyond(keys: list[Key], position: Position):
    """The filter of the rows after ``position`` (before it, walking backward)."""
    forward = not position.backward
    runs = _runs(keys, position.values)
    condition = None
    for run, values in reversed(runs):
        if run[0].nullable:
            strictly = _beyond_nullable(run[0], values[0], forward)
            equal = _equal(run[0], values[0])
        else:
            strictly = _strictly(run, values, forward)
            equal = Q(**{key.path: v for key, v in zip(run, values, strict=True)})
        if condition is None:
            condition = strictly
        elif strictly is None:
            condition = equal & condition
        else:
            condition = strictly | (equal & condition)
    first, values = runs[0]
    if len(runs) > 1 and not first[0].nullable:
        # The first run's bound again, alone: where the index scan starts (an OR
        # alone is a scan from the top with a filter). Not with one run: SQLite
        # would take the bound for the range and filter the rest of the row value.
        return _strictly(first, values, forward, or_equal=True) & Q(condition)
    return condition


def _digest(request: HttpRequest, keys: list[Key]) -> str:
    filters = sorted(
        (name, value)
        for name, values in request.GET.lists()
        if name not in PAGING
        for value in values
    )
    order = ",".join(("-" if k.desc else "") + k.path for k in keys)
    text = f"{request.path}\0{filters!r}\0{order}"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _plain(value):
    if isinstance(value, datetime.date):  # datetimes too, to the microsecond
        return value.isoformat()
    if isinstance(value, Decimal | UUID):
        return str(value)
    return value


def encode(request: HttpRequest, keys: list[Key], position: Position) -> str:
    values = None if position.values is None else [_plain(v) for v in position.values]
    payload = {"l": _digest(request, keys), "v": values}
    if position.backward:
        payload["b"] = 1
    return signing.Signer(salt=SALT, sep=".").sign_object(payload)


def decode(request: HttpRequest, keys: list[Key], cursor: str) -> Position:
    """The position a cursor of this list names; InvalidCursor else."""
    invalid = InvalidCursor(_("không hợp lệ"))
    try:
        payload = signing.Signer(salt=SALT, sep=".").unsign_object(cursor)
    except (signing.BadSignature, ValueError):
        raise invalid from None
    if not isinstance(payload, dict):
        raise invalid
    if payload.get("l") != _digest(request, keys):
        raise InvalidCursor(
            _("thuộc danh sách khác (đường dẫn, bộ lọc hoặc thứ tự khác)")
        )
    backward, values = bool(payload.get("b")), payload.get("v")
    if values is None and backward:
        return Position(None, True)
    if not isinstance(values, list) or len(values) != len(keys):
        raise invalid
    try:
        values = [
            None if v is None and key.nullable else key.field.to_python(v)
            for key, v in zip(keys, values, strict=True)
        ]
    except (ValidationError, TypeError):
        raise invalid from None
    if any(v is None for key, v in zip(keys, values, strict=True) if not key.nullable):
        raise invalid
    return Position(values, backward)
