"""What an account's roles reach in the organisation tree, computed once per request
and cached on the user; ``is_admin``, the predicate every app's rules start from."""

import hashlib
from dataclasses import dataclass, field

import rules
from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max, Sum

from thidua.accounts.enums import Role

from .models import Agency

__all__ = ["Scopes", "is_admin", "scopes_for"]


@dataclass(frozen=True)
class Scopes:
    is_admin: bool = False
    officer_agencies: frozenset[int] = field(default_factory=frozenset)
    unit_head_agencies: frozenset[int] = field(default_factory=frozenset)
    higher_officer_agencies: frozenset[int] = field(default_factory=frozenset)
    council_ids: frozenset[int] = field(default_factory=frozenset)
    secretary_council_ids: frozenset[int] = field(default_factory=frozenset)
    # The agencies (themselves, not their subtrees) whose head, authorised deputy or
    # clerk the account is: who decides, who signs for the head, who numbers and sends.
    head_agencies: frozenset[int] = field(default_factory=frozenset)
    deputy_agencies: frozenset[int] = field(default_factory=frozenset)
    clerk_agencies: frozenset[int] = field(default_factory=frozenset)
    # The acting head (Q.) and the officials who sign by authorisation or by order
    # (TUQ., TL.) where the agency set it: they approve like the head's deputy.
    acting_agencies: frozenset[int] = field(default_factory=frozenset)
    delegate_agencies: frozenset[int] = field(default_factory=frozenset)
    person_id: int | None = None

    @property
    def has_any_role(self) -> bool:
        return bool(
            self.is_admin
            or self.officer_agencies
            or self.unit_head_agencies
            or self.higher_officer_agencies
            or self.head_agencies
            or self.deputy_agencies
            or self.clerk_agencies
            or self.acting_agencies
            or self.delegate_agencies
            or self.council_ids
            or self.person_id
        )

    @property
    def approver_agencies(self) -> frozenset[int]:
        """The agencies whose documents the account approves and signs: as the head,
        his deputy (KT.), the acting head (Q.) or his delegate (TUQ., TL.)."""
        return (
            self.head_agencies
            | self.deputy_agencies
            | self.acting_agencies
            | self.delegate_agencies
        )


def _subtree_ids(root_ids: set[int]) -> frozenset[int]:

    ids: set[int] = set()
    for root in root_ids:
        ids.update(
            Agency.objects.descendants(root, include_self=True).values_list(
                "id", flat=True
            )
        )
    return frozenset(ids)


def _tree_stamp() -> tuple:
    """Changes whenever an agency is added, removed or edited (every edit through the
    services bumps ``version``), so a cached subtree is never used after the tree moved."""

    stamp = Agency.objects.aggregate(n=Count("id"), v=Sum("version"), top=Max("id"))
    return (stamp["n"], stamp["v"], stamp["top"])


def scopes_for(user) -> Scopes:
    """The agencies (whole subtrees) and councils the user's roles reach.

    Subtrees are the costly part (a tree query per role); they are kept in the cache for
    ``THIDUA_SCOPES_CACHE_SECONDS`` under a key made of the account's roles and a stamp of
    the agency tree, both read from the database — so a role granted or revoked, or an
    agency moved, takes effect at once in every worker."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Scopes()
    cached = getattr(user, "_thidua_scopes", None)
    if cached is not None:
        return cached
    rows = sorted(
        user.roles.values_list("role", "agency_id", "council_id"),
        key=lambda r: (r[0], r[1] or 0, r[2] or 0),
    )
    seconds = settings.THIDUA_SCOPES_CACHE_SECONDS
    key = None
    if seconds and any(agency_id for _r, agency_id, _c in rows):
        raw = repr((user.pk, user.is_superuser, user.person_id, rows, _tree_stamp()))
        key = "thidua:scopes:" + hashlib.sha256(raw.encode()).hexdigest()
        scopes = cache.get(key)
        if scopes is not None:
            user._thidua_scopes = scopes
            return scopes
    scopes = _compute(user, rows)
    if key:
        cache.set(key, scopes, seconds)
    user._thidua_scopes = scopes
    return scopes


def _compute(user, rows) -> Scopes:
    roots: dict[str, set[int]] = {}
    councils: dict[str, set[int]] = {}
    is_admin = user.is_superuser
    for role, agency_id, council_id in rows:
        if role == Role.ADMIN:
            is_admin = True
        if agency_id:
            roots.setdefault(role, set()).add(agency_id)
        if council_id:
            councils.setdefault(role, set()).add(council_id)
    return Scopes(
        is_admin=is_admin,
        officer_agencies=_subtree_ids(roots.get(Role.OFFICER, set())),
        unit_head_agencies=_subtree_ids(roots.get(Role.UNIT_HEAD, set())),
        higher_officer_agencies=_subtree_ids(roots.get(Role.HIGHER_OFFICER, set())),
        council_ids=frozenset(
            councils.get(Role.COUNCIL_MEMBER, set())
            | councils.get(Role.COUNCIL_SECRETARY, set())
        ),
        secretary_council_ids=frozenset(councils.get(Role.COUNCIL_SECRETARY, set())),
        head_agencies=frozenset(roots.get(Role.HEAD, set())),
        deputy_agencies=frozenset(roots.get(Role.DEPUTY, set())),
        clerk_agencies=frozenset(roots.get(Role.CLERK, set())),
        acting_agencies=frozenset(roots.get(Role.ACTING, set())),
        delegate_agencies=frozenset(roots.get(Role.DELEGATE, set())),
        person_id=user.person_id,
    )


@rules.predicate
def is_admin(user) -> bool:
    return scopes_for(user).is_admin
