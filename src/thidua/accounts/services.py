"""Writes on accounts: create an account, grant a role. Both audited."""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.common.services.audit import log_action

from .enums import Role
from .models import RoleAssignment, User

__all__ = [
    "change_password",
    "create_account",
    "grant_role",
    "revoke_role",
    "set_active",
]


def grant_role(
    user: User, role: str, *, agency=None, council=None, actor=None
) -> RoleAssignment:
    """Give ``user`` a role scoped to an agency subtree or a council."""
    if role not in Role.values:
        raise ValidationError({"role": [_("Vai trò không hợp lệ.")]})
    assignment = RoleAssignment(user=user, role=role, agency=agency, council=council)
    assignment.full_clean()
    with transaction.atomic():
        assignment.save()
        log_action(
            user,
            "accounts.grant_role",
            actor=actor,
            agency_id=agency.pk if agency else (council.agency_id if council else None),
            data={
                "role": role,
                "agency": getattr(agency, "pk", None),
                "council": getattr(council, "pk", None),
            },
        )
    return assignment


def create_account(
    *,
    username: str,
    password: str,
    person=None,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    roles=(),
    actor=None,
) -> User:
    """Create a login (password checked against the policy) and grant its roles."""
    if User.objects.filter(username=username).exists():
        raise ValidationError({"username": [_("Tên đăng nhập đã tồn tại.")]})
    if person is not None and not (first_name or last_name):
        parts = person.full_name.split(" ")
        last_name, first_name = " ".join(parts[:-1]), parts[-1]
    user = User(
        username=username,
        person=person,
        first_name=first_name,
        last_name=last_name,
        email=email,
    )
    validate_password(password, user)
    user.set_password(password)
    with transaction.atomic():
        user.full_clean(exclude=["password"])
        user.save()
        agency_id = person.unit_id if person is not None else None
        log_action(
            user,
            "accounts.create",
            actor=actor,
            agency_id=agency_id,
            data={"username": username},
        )
        for role, agency, council in roles:
            grant_role(user, role, agency=agency, council=council, actor=actor)
    return user


def revoke_role(assignment: RoleAssignment, *, actor=None) -> None:
    """Remove one role; effective on the user's next request."""
    with transaction.atomic():
        user = assignment.user
        data = {
            "role": assignment.role,
            "agency": assignment.agency_id,
            "council": assignment.council_id,
        }
        agency_id = assignment.agency_id or (
            assignment.council.agency_id if assignment.council_id else None
        )
        assignment.delete()
        log_action(
            user, "accounts.revoke_role", actor=actor, agency_id=agency_id, data=data
        )


def set_active(user: User, active: bool, *, actor=None) -> User:
    """Lock or unlock an account. A locked account's sessions stop working at once."""
    if actor is not None and actor.pk == user.pk and not active:
        raise ValidationError(_("Không thể tự khóa tài khoản của mình."))
    with transaction.atomic():
        if user.is_active != active:
            user.is_active = active
            user.save(update_fields=["is_active"])
            log_action(
                user,
                "accounts.unlock" if active else "accounts.lock",
                actor=actor,
                changes={"is_active": [not active, active]},
            )
    return user


def change_password(user: User, password: str, *, actor=None) -> User:
    """Set a new password (checked against the policy); other sessions end."""
    validate_password(password, user)
    with transaction.atomic():
        user.set_password(password)
        user.save(update_fields=["password"])
        log_action(
            user, "accounts.set_password", actor=actor, data={"by_self": actor == user}
        )
    return user
