"""Reads of accounts and API tokens, scoped by the roles' reach in the tree: only
system administrators manage accounts; everyone their own tokens."""

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from thidua.accounts.enums import Role
from thidua.accounts.models import ApiToken, RoleAssignment, User

from .access import scopes_for

__all__ = [
    "access_account",
    "access_token",
    "accounts_for_user",
    "tokens_for_user",
    "unit_recipients",
    "units_nobody_acts_for",
]

# Who acts for a unit on what reaches it (confirm, register, propose): its head and
# its TĐKT officers.
UNIT_ACTORS = (Role.UNIT_HEAD, Role.OFFICER)


def accounts_for_user(user) -> QuerySet[User]:
    if not scopes_for(user).is_admin:
        return User.objects.none()
    roles = RoleAssignment.objects.select_related("agency", "council")
    return (
        User.objects.select_related("person", "person__unit")
        .prefetch_related(Prefetch("roles", queryset=roles))
        .order_by("username")
    )


def access_account(user, pk) -> User:
    try:
        return accounts_for_user(user).get(pk=pk)
    except (User.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def tokens_for_user(user) -> QuerySet[ApiToken]:
    """API tokens the user manages: their own; a system administrator, everyone's."""
    if not user.is_authenticated:
        return ApiToken.objects.none()
    tokens = ApiToken.objects.select_related("user")
    if scopes_for(user).is_admin:
        return tokens
    return tokens.filter(user=user)


def access_token(user, pk) -> ApiToken:
    try:
        return tokens_for_user(user).get(pk=pk)
    except (ApiToken.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def unit_recipients(agency_ids, roles=UNIT_ACTORS) -> dict[int, list[User]]:
    """For each agency, the active accounts holding one of ``roles`` on the agency
    itself — "the unit" a notice or a reminder is addressed to (one query)."""
    result: dict[int, dict[int, User]] = {a: {} for a in agency_ids}
    assignments = RoleAssignment.objects.filter(
        role__in=roles, agency_id__in=result, user__is_active=True
    ).select_related("user")
    for assignment in assignments:
        result[assignment.agency_id][assignment.user_id] = assignment.user
    return {
        agency_id: sorted(users.values(), key=lambda u: u.username)
        for agency_id, users in result.items()
    }


def units_nobody_acts_for(agencies) -> list:
    """The agencies (of ``agencies``) without an active account of their own to
    confirm or register: the office must create one, or nobody there ever will."""
    agencies = list(agencies)
    recipients = unit_recipients([a.pk for a in agencies])
    return [a for a in agencies if not recipients[a.pk]]
