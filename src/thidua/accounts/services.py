"""Writes on accounts: create an account, grant a role, issue an API token. Audited."""

import datetime
import hashlib
import hmac
import secrets

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.common.services.audit import log_action
from thidua.common.text import nfc

from .enums import ApiScope, DelegatedForm, Role
from .models import ApiToken, RoleAssignment, User

__all__ = [
    "authenticate_token",
    "change_password",
    "check_password_policy",
    "create_account",
    "grant_role",
    "issue_token",
    "revoke_role",
    "revoke_token",
    "set_active",
    "TokenRefused",
    "token_login_name",
]


def _signing_problems(role, acting_title, signs_as, principal) -> dict:
    """What the role's signing details lack or have too many of, field by field (the
    database checks the same: role_assignment_acting_title, role_assignment_delegation)."""
    problems = {}
    if role == Role.ACTING and not acting_title:
        problems["acting_title"] = [
            _(
                "Quyền thủ trưởng phải ghi chức danh được giao quyền (ví dụ: Giám đốc Sở)."
            )
        ]
    if role != Role.ACTING and acting_title:
        problems["acting_title"] = [
            _("Chỉ quyền thủ trưởng mới ghi chức danh được giao quyền.")
        ]
    if role == Role.DELEGATE:
        if signs_as not in DelegatedForm.values:
            problems["signs_as"] = [_("Chọn hình thức ký: TUQ. hoặc TL.")]
        if principal is None:
            problems["principal"] = [_("Chọn thủ trưởng ủy quyền, giao thừa lệnh.")]
    elif signs_as or principal is not None:
        problems["signs_as"] = [
            _("Chỉ người được ủy quyền, thừa lệnh mới có hình thức ký TUQ., TL.")
        ]
    return problems


def grant_role(
    user: User,
    role: str,
    *,
    agency=None,
    council=None,
    acting_title: str = "",
    signs_as: str = "",
    principal=None,
    actor=None,
) -> RoleAssignment:
    """Give ``user`` a role scoped to an agency subtree or a council. The acting head
    (Role.ACTING) names the title he acts in; a delegate (Role.DELEGATE) signs TUQ. or
    TL. for ``principal``, who must be the agency's head."""
    if role not in Role.values:
        raise ValidationError({"role": [_("Vai trò không hợp lệ.")]})
    acting_title = nfc(acting_title.strip())
    problems = _signing_problems(role, acting_title, signs_as, principal)
    if problems:
        raise ValidationError(problems)
    if (
        principal is not None
        and not RoleAssignment.objects.filter(
            user=principal, role=Role.HEAD, agency=agency
        ).exists()
    ):
        raise ValidationError(
            {"principal": [_("Người ủy quyền phải là thủ trưởng của cơ quan.")]}
        )
    assignment = RoleAssignment(
        user=user,
        role=role,
        agency=agency,
        council=council,
        acting_title=acting_title,
        signs_as=signs_as,
        principal=principal,
    )
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
                **({"acting_title": assignment.acting_title} if acting_title else {}),
                **(
                    {"signs_as": signs_as, "principal": principal.pk}
                    if principal is not None
                    else {}
                ),
            },
        )
    return assignment


def check_password_policy(password: str, user: User) -> None:
    """AUTH_PASSWORD_VALIDATORS (accounts/passwords.py); every problem at once, under
    the ``password`` field."""
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.messages}) from None


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
        # A password an administrator chose is known to two people: its owner
        # replaces it at the first login (accounts.middleware).
        must_change_password=_set_by_another(actor, None),
    )
    check_password_policy(password, user)
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


def _set_by_another(actor, user) -> bool:
    """Whether a signed-in administrator (not the account's owner) sets the password."""
    return bool(
        actor is not None
        and actor.is_authenticated
        and (user is None or actor.pk != user.pk)
    )


def change_password(user: User, password: str, *, actor=None) -> User:
    """Set a new password (checked against the policy); other sessions end. Set by an
    administrator, it must be changed by its owner at the next login."""
    check_password_policy(password, user)
    forced = _set_by_another(actor, user)
    with transaction.atomic():
        user.set_password(password)
        user.must_change_password = forced
        user.save(update_fields=["password", "must_change_password"])
        log_action(
            user,
            "accounts.set_password",
            actor=actor,
            data={"by_self": actor == user, "must_change": forced},
        )
    return user


TOKEN_PREFIX = "tdk"
# last_used_at is written at most this often, so that reads stay reads.
TOKEN_TOUCH_SECONDS = 60


def _hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def issue_token(
    user: User, name: str, scopes, expires_at: datetime.datetime, *, actor=None
) -> tuple[ApiToken, str]:
    """A new API token for ``user``; answers it and its plaintext, which is never
    stored (only the SHA-256 of the secret) and cannot be shown again."""
    name = (name or "").strip()
    scopes = sorted(set(scopes or ()))
    now = timezone.now()
    longest = now + datetime.timedelta(days=settings.THIDUA_API_TOKEN_MAX_DAYS)
    errors = {}
    if not name:
        errors["name"] = [_("Nhập tên khóa.")]
    if not scopes:
        errors["scopes"] = [_("Chọn ít nhất một phạm vi.")]
    elif unknown := [s for s in scopes if s not in ApiScope.values]:
        errors["scopes"] = [_("Phạm vi không hợp lệ: %s.") % ", ".join(unknown)]
    if expires_at is None or expires_at <= now:
        errors["expires_at"] = [_("Ngày hết hạn phải sau hôm nay.")]
    elif expires_at > longest:
        errors["expires_at"] = [
            _("Khóa có hiệu lực tối đa %d ngày.") % settings.THIDUA_API_TOKEN_MAX_DAYS
        ]
    if not user.is_active:
        errors["user"] = [_("Tài khoản này đã bị khóa.")]
    if errors:
        raise ValidationError(errors)
    prefix, secret = secrets.token_hex(6), secrets.token_urlsafe(32)
    token = ApiToken(
        user=user,
        name=name,
        prefix=prefix,
        secret_hash=_hash_secret(secret),
        scopes=scopes,
        expires_at=expires_at,
    )
    with transaction.atomic():
        token.save()
        log_action(
            token,
            "accounts.issue_token",
            actor=actor,
            agency_id=user.person.unit_id if user.person_id else None,
            data={
                "user": user.username,
                "name": name,
                "prefix": prefix,
                "scopes": scopes,
                "expires_at": expires_at.isoformat(),
            },
        )
    return token, f"{TOKEN_PREFIX}_{prefix}_{secret}"


def revoke_token(token: ApiToken, *, actor=None) -> ApiToken:
    """Stop a token at once. Revoking twice changes nothing."""
    with transaction.atomic():
        locked = ApiToken.objects.select_for_update().get(pk=token.pk)
        if locked.revoked_at is None:
            locked.revoked_at = timezone.now()
            locked.save(update_fields=["revoked_at"])
            log_action(
                locked,
                "accounts.revoke_token",
                actor=actor,
                data={"user": locked.user.username, "prefix": locked.prefix},
            )
    token.revoked_at = locked.revoked_at
    return token


class TokenRefused(Exception):
    """The presented API token does not authenticate; ``str()`` says why, in Vietnamese.
    Expiry, revocation and a locked owner are told only to the holder of the secret;
    ``wrong_secret`` says the caller does not hold it (a guess, counted as a failed
    login)."""

    def __init__(self, message: str, *, wrong_secret: bool = False) -> None:
        super().__init__(message)
        self.wrong_secret = wrong_secret


def token_login_name(plaintext: str) -> str:
    """The name failed uses of a token are counted under: ``api:<prefix>``."""
    parts = (plaintext or "").strip().split("_", 2)
    prefix = parts[1] if len(parts) == 3 and parts[0] == TOKEN_PREFIX else ""
    return f"api:{prefix[:40]}"


def authenticate_token(plaintext: str) -> ApiToken:
    """The live token of an active account that ``plaintext`` is, or TokenRefused.
    Notes the use (at most once a minute; not audited, like a login time)."""
    parts = (plaintext or "").strip().split("_", 2)
    token = None
    if len(parts) == 3 and parts[0] == TOKEN_PREFIX and parts[1] and parts[2]:
        token = ApiToken.objects.select_related("user").filter(prefix=parts[1]).first()
    if token is None or not hmac.compare_digest(
        token.secret_hash, _hash_secret(parts[2])
    ):
        raise TokenRefused(_("Khóa API không hợp lệ."), wrong_secret=True)
    now = timezone.now()
    if token.revoked_at is not None:
        raise TokenRefused(_("Khóa API đã bị thu hồi."))
    if token.expires_at <= now:
        raise TokenRefused(_("Khóa API đã hết hạn."))
    if not token.user.is_active:
        raise TokenRefused(_("Tài khoản của khóa API đã bị khóa."))
    if (
        token.last_used_at is None
        or (now - token.last_used_at).total_seconds() >= TOKEN_TOUCH_SECONDS
    ):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
