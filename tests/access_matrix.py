"""The access matrix: role × route × object × method → expected answer.

Each domain app declares, in ``tests/<app>/access.py``, every URL name of its namespace
(``ROUTES``) — or, for the API, every operation (``OPERATIONS``, tests/api/access.py) —
with the object it is opened on (a key of the world of tests/access_world.py), the
method, and what each role must get. tests/test_access_matrix.py requests every case
(a refusal must write nothing to the audit trail, a 404 must be byte for byte the page
of a missing object), and fails when a URL name of the project or an operation of the
API schema is declared nowhere.

The answers:

- ``200`` (or another exact status): allowed;
- ``403``: the object is visible to the role but the action is not allowed;
- ``404``: the object is hidden from the role — exactly as if it did not exist;
- ``LOGIN``: anonymous, sent to the login page;
- ``DONE``: a POST the role may make: it ran, or was refused on its merits (a form
  error, a state that does not allow it), answering 2xx or a redirect elsewhere than
  the login page — never 403/404.

The roles are those of tests.factories.make_users; ``anonymous`` is a client with no
session (for the API: no token).

A row reads like its rule: ``only(*OWN_OFFICE)`` is "the TĐKT office of Sở KH&ĐT (and
the admin) get 200, everyone else the same 404 as for a missing object";
``only(*OWN_OFFICE, forbidden=SEES_MOVEMENT)`` adds "those who see the movement get
403". An expectation that the code does not meet yet (an access bug) is written as the
rules say, and listed in the row's ``bugs`` (role → reason): the case is a strict xfail
until the code is fixed.
"""

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .workflow_matrix import ROLES as WORKFLOW_ROLES

__all__ = [
    "ADMIN_ONLY",
    "ANONYMOUS",
    "DONE",
    "EVERYONE",
    "LOGIN",
    "OFFICERS",
    "OFFICES",
    "OTHER_OFFICE",
    "OWN_OFFICE",
    "PUBLIC",
    "ROLES",
    "SIGNED_IN",
    "ApiOperation",
    "Route",
    "Values",
    "api_operations",
    "declarations",
    "expect",
    "only",
    "operation",
    "page_routes",
    "post",
    "route",
    "with_",
]

# Every role of tests.factories.make_users, as the workflow matrices name them.
ROLES = tuple(WORKFLOW_ROLES)
ANONYMOUS = "anonymous"
EVERYONE = ROLES
LOGIN = "login"
DONE = "done"

# Who runs what, in the organisation of tests.factories.make_org:
# the TĐKT office of Sở KH&ĐT (officer) and of Sở Tài chính (other_officer), and the
# system administrator, who reaches everything.
OWN_OFFICE = ("admin", "officer")
OTHER_OFFICE = ("admin", "other_officer")
# An officer role anywhere (documents.view_register, common.view_activitylog, …).
OFFICERS = ("admin", "officer", "other_officer")
# Works as a TĐKT office over some agencies, the province's included
# (organizations.selectors.office_agencies: reports, dashboards, inboxes).
OFFICES = ("admin", "officer", "higher_officer", "other_officer")


def expect(
    ok: Iterable[str] = (),
    forbidden: Iterable[str] = (),
    *,
    rest=404,
    anonymous=LOGIN,
    status=200,
) -> dict:
    """``status`` for the roles in ``ok``, 403 for ``forbidden``, ``rest`` for the
    others; ``anonymous`` for a client with no session."""
    ok, forbidden = set(ok), set(forbidden)
    unknown = (ok | forbidden) - set(ROLES)
    assert not unknown, f"no such role: {unknown}"
    answers = {
        role: status if role in ok else 403 if role in forbidden else rest
        for role in ROLES
    }
    return answers | {ANONYMOUS: anonymous}


def only(*ok: str, forbidden: Iterable[str] = (), status=200) -> dict:
    """Allowed for ``ok``, 403 for the ``forbidden`` who see the object, hidden (404)
    from everyone else. ``forbidden`` may repeat roles of ``ok``: they stay allowed."""
    return expect(ok, set(forbidden) - set(ok), status=status)


def post(answers: Mapping) -> dict:
    """The same policy for a POST: where a GET gets 200, the action is ``DONE``."""
    return {role: DONE if answer == 200 else answer for role, answer in answers.items()}


PUBLIC = expect(EVERYONE, anonymous=200)
SIGNED_IN = expect(EVERYONE)
ADMIN_ONLY = expect(["admin"], rest=403)


class Values:
    """URL kwargs or query values read from the world when the case runs:
    ``Values(pk="movement", review="review")`` is the movement's and the review's pk;
    an int, or a str starting with ``=``, is taken as is (``fmt="=docx"``)."""

    def __init__(self, **keys: str | int):
        self.keys = keys

    def __call__(self, world) -> dict:
        out = {}
        for name, key in self.keys.items():
            if isinstance(key, int):
                out[name] = key
            elif key.startswith("="):
                out[name] = key[1:]
            else:
                out[name] = getattr(world, key).pk
        return out

    def note(self, target: str = "") -> str:
        """The keys that the case's target does not already name."""
        return ",".join(
            f"{name}={key.removeprefix('=')}"
            for name, key in self.keys.items()
            if not (name == "pk" and key == target) and not isinstance(key, int)
        )


def with_(**keys: str | int) -> Values:
    """URL kwargs (or query values) from the world, see :class:`Values`."""
    return Values(**keys)


@dataclass(frozen=True)
class Route:
    """One URL name opened on one object with one method, and the answer per role."""

    name: str
    target: str  # the world's key of the object ("" for none): names the case
    answers: Mapping[str, object]
    method: str = "GET"
    kwargs: Callable | None = None  # world -> URL kwargs; default {"pk": target.pk}
    query: Values | Mapping = field(default_factory=dict)
    data: Callable | Mapping | None = None  # POST body (a callable gets the world)
    bugs: Mapping[str, str] = field(default_factory=dict)  # role -> why it is wrong

    def __post_init__(self):
        assert set(self.answers) == {*ROLES, ANONYMOUS}, self.name
        assert set(self.bugs) <= set(self.answers), self.name

    @property
    def id(self) -> str:
        notes = [_kwargs_note(self.kwargs, self.target), _note(self.query)]
        return "|".join(p for p in (self.method, self.name, self.target, *notes) if p)

    def query_values(self, world) -> dict:
        return _values(self.query, world)

    def url_kwargs(self, world) -> dict:
        if self.kwargs is not None:
            return self.kwargs(world)
        if self.target:
            return {"pk": getattr(world, self.target).pk}
        return {}

    def body(self, world) -> dict:
        if callable(self.data):
            return self.data(world)
        return dict(self.data or {})


def _kwargs_note(kwargs, target: str) -> str:
    return kwargs.note(target) if isinstance(kwargs, Values) else ""


def _note(query) -> str:
    if isinstance(query, Values):
        return "?" + query.note().replace(",", "&")
    return "?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else ""


def _values(query, world) -> dict:
    return query(world) if callable(query) else dict(query)


def route(
    name: str,
    target: str = "",
    answers: Mapping | None = None,
    *,
    method: str = "GET",
    kwargs: Callable | None = None,
    query: Values | Mapping | None = None,
    data: Callable | Mapping | None = None,
    bugs: Mapping[str, str] | None = None,
) -> Route:
    return Route(
        name,
        target,
        answers,
        method=method,
        kwargs=kwargs,
        query=query or {},
        data=data,
        bugs=bugs or {},
    )


@dataclass(frozen=True)
class ApiOperation:
    """One API operation opened on one object, with the scope it needs and the roles
    that see the object. With a token holding the scope, ``answers`` (200, or 404 for a
    hidden object; 403 where a service refuses a visible one); with a token lacking the
    scope, 403 where the object is visible and 404 where it is hidden; with no token,
    401."""

    name: str  # URL name in the api-v1 namespace, e.g. "get_agency"
    target: str
    scope: str
    answers: Mapping[str, object]  # role -> answer with the scope
    method: str = "GET"
    kwargs: Callable | None = None
    query: Values | Mapping = field(default_factory=dict)
    data: Callable | Mapping | None = None
    # role -> why its answer with the scope is wrong; "role/lacking": without it
    bugs: Mapping[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return "|".join(
            p for p in (self.method, self.name, self.target, _note(self.query)) if p
        )

    def url_kwargs(self, world) -> dict:
        return self.kwargs(world) if self.kwargs is not None else {}

    def query_values(self, world) -> dict:
        return _values(self.query, world)

    def body(self, world):
        return self.data(world) if callable(self.data) else self.data


def operation(
    name: str,
    target: str = "",
    *,
    scope: str,
    ok: Iterable[str] = EVERYONE,
    forbidden: Iterable[str] = (),
    method: str = "GET",
    kwargs: Callable | None = None,
    query: Values | Mapping | None = None,
    data: Callable | Mapping | None = None,
    status: int = 200,
    bugs: Mapping[str, str] | None = None,
) -> ApiOperation:
    """``ok`` see the object and may act (``status``), ``forbidden`` see it but a
    service refuses them (403), the others do not see it (404)."""
    answers = expect(ok, forbidden, status=status, anonymous=401)
    return ApiOperation(
        name,
        target,
        scope,
        answers,
        method=method,
        kwargs=kwargs,
        query=query or {},
        data=data,
        bugs=bugs or {},
    )


def declarations() -> list:
    """The ``access`` modules of every test package (tests/<app>/access.py)."""
    root = Path(__file__).parent
    modules = []
    for info in sorted(pkgutil.iter_modules([str(root)]), key=lambda i: i.name):
        if info.ispkg and (root / info.name / "access.py").exists():
            modules.append(importlib.import_module(f"{__package__}.{info.name}.access"))
    return modules


def page_routes() -> list[Route]:
    return [r for module in declarations() for r in getattr(module, "ROUTES", [])]


def api_operations() -> list[ApiOperation]:
    return [o for module in declarations() for o in getattr(module, "OPERATIONS", [])]
