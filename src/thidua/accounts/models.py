from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .enums import DelegatedForm, MailPreference, Role, TokenStatus

__all__ = ["ApiToken", "Notification", "RoleAssignment", "User"]


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
    # How the account's notifications reach its mailbox (the page lists them all).
    mail_preference = models.CharField(
        _("nhận thông báo qua thư điện tử"),
        max_length=12,
        choices=MailPreference.choices,
        default=MailPreference.IMMEDIATE,
    )
    # Set when an administrator chose the password (a new account, a reset): the
    # owner changes it before anything else (accounts.middleware).
    must_change_password = models.BooleanField(
        _("phải đổi mật khẩu khi đăng nhập"), default=False
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


class Notification(models.Model):
    """One thing one account is told about: shown on its "Thông báo" page until read,
    and mailed at once, in the daily digest, or not at all (``mail``, copied from the
    account's preference when written; ``mailed_at`` once done, so a lost job is
    picked up again by the sweep)."""

    recipient = models.ForeignKey(
        User,
        verbose_name=_("người nhận"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("loại"), max_length=40)
    title = models.CharField(_("nội dung"), max_length=300)
    body = models.TextField(_("chi tiết"), blank=True)
    link = models.CharField(_("đường dẫn"), max_length=500, blank=True)
    # What it is about (a movement, a nomination, a decision…), whichever app it is in.
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, null=True, blank=True
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    subject = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(_("lúc"), default=timezone.now)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)
    mail = models.CharField(_("gửi thư"), max_length=12, choices=MailPreference.choices)
    mailed_at = models.DateTimeField(_("đã gửi thư lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["recipient", "read_at", "-created_at"],
                name="notification_inbox",
            ),
            models.Index(
                fields=["mail", "mailed_at"],
                name="notification_mail_due",
                condition=Q(mailed_at__isnull=True),
            ),
            models.Index(
                fields=["content_type", "object_id"], name="notification_subject"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(content_type__isnull=True, object_id__isnull=True)
                | Q(content_type__isnull=False, object_id__isnull=False),
                name="notification_subject_whole",
            ),
        ]

    def __str__(self) -> str:
        return self.title
