"""What an account's roles reach, computed once per request and cached on the user."""

from dataclasses import dataclass, field

from .enums import Role

__all__ = ["Scopes", "scopes_for"]


@dataclass(frozen=True)
class Scopes:
    is_admin: bool = False
    officer_agencies: frozenset[int] = field(default_factory=frozenset)
    unit_head_agencies: frozenset[int] = field(default_factory=frozenset)
    higher_officer_agencies: frozenset[int] = field(default_factory=frozenset)
    council_ids: frozenset[int] = field(default_factory=frozenset)
    secretary_council_ids: frozenset[int] = field(default_factory=frozenset)
    person_id: int | None = None

    @property
    def has_any_role(self) -> bool:
        return bool(
            self.is_admin
            or self.officer_agencies
            or self.unit_head_agencies
            or self.higher_officer_agencies
            or self.council_ids
            or self.person_id
        )


def _subtree_ids(root_ids: set[int]) -> frozenset[int]:
    from thidua.organizations.models import Agency  # noqa: PLC0415 (accounts loads before organizations)

    ids: set[int] = set()
    for root in root_ids:
        ids.update(
            Agency.objects.descendants(root, include_self=True).values_list(
                "id", flat=True
            )
        )
    return frozenset(ids)


def scopes_for(user) -> Scopes:
    """The agencies (whole subtrees) and councils the user's roles reach."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Scopes()
    cached = getattr(user, "_thidua_scopes", None)
    if cached is not None:
        return cached
    roots: dict[str, set[int]] = {}
    councils: dict[str, set[int]] = {}
    is_admin = user.is_superuser
    for role, agency_id, council_id in user.roles.values_list(
        "role", "agency_id", "council_id"
    ):
        if role == Role.ADMIN:
            is_admin = True
        if agency_id:
            roots.setdefault(role, set()).add(agency_id)
        if council_id:
            councils.setdefault(role, set()).add(council_id)
    scopes = Scopes(
        is_admin=is_admin,
        officer_agencies=_subtree_ids(roots.get(Role.OFFICER, set())),
        unit_head_agencies=_subtree_ids(roots.get(Role.UNIT_HEAD, set())),
        higher_officer_agencies=_subtree_ids(roots.get(Role.HIGHER_OFFICER, set())),
        council_ids=frozenset(
            councils.get(Role.COUNCIL_MEMBER, set())
            | councils.get(Role.COUNCIL_SECRETARY, set())
        ),
        secretary_council_ids=frozenset(councils.get(Role.COUNCIL_SECRETARY, set())),
        person_id=user.person_id,
    )
    user._thidua_scopes = scopes
    return scopes
