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
    "unit_contacts",
]


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


def unit_contacts(agency_id: int) -> list[str]:
    """E-mail addresses of the active heads and officers of one agency (for notices
    and reminders addressed to "the unit")."""
    return sorted(
        {
            email
            for email in RoleAssignment.objects.filter(
                role__in=[Role.UNIT_HEAD, Role.OFFICER],
                agency_id=agency_id,
                user__is_active=True,
            ).values_list("user__email", flat=True)
            if email
        }
    )


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
