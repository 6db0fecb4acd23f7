from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["Role"]


class Role(models.TextChoices):
    """What an account may do, always scoped to an agency or a council."""

    ADMIN = "admin", _("Quản trị hệ thống")
    OFFICER = "officer", _("Cán bộ thi đua – khen thưởng")
    UNIT_HEAD = "unit_head", _("Lãnh đạo đơn vị")
    COUNCIL_MEMBER = "council_member", _("Thành viên hội đồng")
    COUNCIL_SECRETARY = "council_secretary", _("Thư ký hội đồng")
    STAFF = "staff", _("Cán bộ, công chức")
    HIGHER_OFFICER = "higher_officer", _("Cán bộ TĐKT cấp trên")


AGENCY_ROLES = {Role.OFFICER, Role.UNIT_HEAD, Role.HIGHER_OFFICER}
COUNCIL_ROLES = {Role.COUNCIL_MEMBER, Role.COUNCIL_SECRETARY}
