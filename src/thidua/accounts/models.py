from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .enums import DelegatedForm, Role, TokenStatus

__all__ = ["ApiToken", "RoleAssignment", "User"]


class User(AbstractUser):
    """A login. ``person`` links it to the staff record the user may see as their own."""

    person = models.OneToOneField(
        "organizations.Person",
        verbose_name=_("cá nhân"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="user",
    )

    class Meta:
        verbose_name = _("tài khoản")
        verbose_name_plural = _("tài khoản")

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def get_full_name(self) -> str:
        # Vietnamese order: họ đệm (last_name) before tên (first_name).
        return f"{self.last_name} {self.first_name}".strip()

    def get_short_name(self) -> str:
        return self.first_name


class RoleAssignment(models.Model):
    """One role of one account, scoped to an agency (and its subtree) or a council."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("vai trò"), max_length=24, choices=Role.choices)
    agency = models.ForeignKey(
        "organizations.Agency",
        verbose_name=_("cơ quan, đơn vị"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="role_assignments",
    )
    council = models.ForeignKey(
        "organizations.Council",
        verbose_name=_("hội đồng"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="role_assignments",
    )
    # Q.: the title the acting head acts in ("Giám đốc"), printed after "Q.".
    acting_title = models.CharField(
        _("chức danh được giao quyền"), max_length=160, blank=True
    )
    # TUQ./TL.: the form, and the head who delegated (his title follows the prefix).
    signs_as = models.CharField(
        _("hình thức ký thay"), max_length=8, choices=DelegatedForm.choices, blank=True
    )
    principal = models.ForeignKey(
        User,
        verbose_name=_("thủ trưởng ủy quyền, giao thừa lệnh"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="delegations",
    )

    class Meta:
        verbose_name = _("phân quyền")
        verbose_name_plural = _("phân quyền")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "agency", "council"],
                name="role_assignment_once",
            ),
            models.CheckConstraint(
                condition=(
                    Q(
                        role__in=[
                            "officer",
                            "unit_head",
                            "higher_officer",
                            "head",
                            "deputy",
                            "clerk",
                            "acting",
                            "delegate",
                        ],
                        agency__isnull=False,
                    )
                    | Q(
                        role__in=["council_member", "council_secretary"],
                        council__isnull=False,
                    )
                    | Q(role__in=["admin", "staff"])
                ),
                name="role_assignment_has_scope",
            ),
            # The acting head's title, and only his.
            models.CheckConstraint(
                condition=Q(role="acting", acting_title__gt="")
                | (~Q(role="acting") & Q(acting_title="")),
                name="role_assignment_acting_title",
            ),
            # A delegate signs TUQ. or TL. for a recorded head; nobody else does.
            models.CheckConstraint(
                condition=Q(
                    role="delegate",
                    signs_as__in=DelegatedForm.values,
                    principal__isnull=False,
                )
                | (~Q(role="delegate") & Q(signs_as="", principal__isnull=True)),
                name="role_assignment_delegation",
            ),
        ]

    def __str__(self) -> str:
        scope = self.agency or self.council or ""
        return f"{self.user}: {self.get_role_display()} {scope}".strip()


class ApiToken(models.Model):
    """A key for the REST API. It acts as its owner, with the owner's roles and
    visibility, narrowed to ``scopes``. Only the SHA-256 of the secret is kept; the
    plaintext ``tdk_<prefix>_<secret>`` is shown once, at creation."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField(_("tên khóa"), max_length=100)
    prefix = models.CharField(_("tiền tố"), max_length=16, unique=True, editable=False)
    secret_hash = models.CharField(max_length=64, editable=False)
    scopes = models.JSONField(_("phạm vi"), default=list)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    expires_at = models.DateTimeField(_("hết hạn"))
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("dùng gần nhất"), null=True, blank=True)

    class Meta:
        verbose_name = _("khóa API")
        verbose_name_plural = _("khóa API")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} (tdk_{self.prefix}_…)"

    @property
    def status(self) -> TokenStatus:
        """Revoked, expired or live."""
        if self.revoked_at is not None:
            return TokenStatus.REVOKED
        if self.expires_at <= timezone.now():
            return TokenStatus.EXPIRED
        return TokenStatus.LIVE

    @property
    def is_live(self) -> bool:
        return self.status == TokenStatus.LIVE
