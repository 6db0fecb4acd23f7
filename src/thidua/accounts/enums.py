from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.common.choices import StateChoices

__all__ = [
    "READ_SCOPES",
    "ApiScope",
    "DelegatedForm",
    "MailPreference",
    "Role",
    "TokenStatus",
]


class Role(models.TextChoices):
    """What an account may do, always scoped to an agency or a council."""

    ADMIN = "admin", _("Quản trị hệ thống")
    OFFICER = "officer", _("Cán bộ thi đua – khen thưởng")
    UNIT_HEAD = "unit_head", _("Lãnh đạo đơn vị")
    COUNCIL_MEMBER = "council_member", _("Thành viên hội đồng")
    COUNCIL_SECRETARY = "council_secretary", _("Thư ký hội đồng")
    STAFF = "staff", _("Cán bộ, công chức")
    HIGHER_OFFICER = "higher_officer", _("Cán bộ TĐKT cấp trên")
    # The head of the agency, who decides (Luật TĐKT 2022: thủ trưởng cơ quan), the
    # deputies who sign for him (KT.), and the clerk who numbers, dates, seals and
    # sends what they signed (văn thư, Nghị định 30/2020/NĐ-CP).
    HEAD = "head", _("Thủ trưởng cơ quan")
    DEPUTY = "deputy", _("Cấp phó được ủy quyền")
    CLERK = "clerk", _("Văn thư")
    # Who else may sign for the head where the agency sets it (NĐ 30/2020 Art 13,
    # Phụ lục I ô 7a): the acting head, "Q. <chức danh>" (the title he acts in, on the
    # assignment); an official signing by authorisation or by order, "TUQ."/"TL.
    # <chức danh thủ trưởng>" (the delegating head recorded on the assignment).
    ACTING = "acting", _("Quyền thủ trưởng (ký Q.)")
    DELEGATE = "delegate", _("Được ủy quyền, thừa lệnh ký (TUQ., TL.)")


class MailPreference(models.TextChoices):
    """When an account's notifications are mailed to it."""

    IMMEDIATE = "immediate", _("Gửi ngay từng thông báo")
    DIGEST = "digest", _("Gửi một thư tổng hợp mỗi ngày")
    NONE = "none", _("Không gửi thư")


class DelegatedForm(models.TextChoices):
    """How a delegate signs for the head: by authorisation in writing (TUQ.) or by
    order under the agency's working rules (TL.)."""

    TUQ = "TUQ.", _("Thừa ủy quyền (TUQ.)")
    TL = "TL.", _("Thừa lệnh (TL.)")


AGENCY_ROLES = {
    Role.OFFICER,
    Role.UNIT_HEAD,
    Role.HIGHER_OFFICER,
    Role.HEAD,
    Role.DEPUTY,
    Role.CLERK,
    Role.ACTING,
    Role.DELEGATE,
}
COUNCIL_ROLES = {Role.COUNCIL_MEMBER, Role.COUNCIL_SECRETARY}


class ApiScope(models.TextChoices):
    """What an API token may do, on top of its owner's own visibility. Named
    ``<domain>:<read|write>``; write scopes join as their endpoints do."""

    AGENCIES_READ = "agencies:read", _("Đọc cơ quan, đơn vị")
    PEOPLE_READ = "people:read", _("Đọc danh sách cá nhân")
    AWARDS_READ = "awards:read", _("Đọc sổ khen thưởng")
    NOMINATIONS_READ = "nominations:read", _("Đọc hồ sơ đề nghị")
    NOMINATIONS_WRITE = "nominations:write", _("Chuyển trạng thái hồ sơ đề nghị")
    DECISIONS_READ = "decisions:read", _("Đọc quyết định khen thưởng")
    MOVEMENTS_READ = "movements:read", _("Đọc phong trào thi đua, đăng ký thi đua")
    COUNCILS_READ = "councils:read", _("Đọc hội đồng thi đua – khen thưởng")
    ASSESSMENTS_READ = "assessments:read", _("Đọc kết quả xếp loại cá nhân")
    ELIGIBILITY_READ = "eligibility:read", _("Xét điều kiện khen thưởng")


READ_SCOPES = frozenset(s for s in ApiScope.values if s.endswith(":read"))


class TokenStatus(StateChoices):
    """Where an API token stands (``ApiToken.status``, not stored)."""

    LIVE = "live", _("đang dùng")
    EXPIRED = "expired", _("hết hạn")
    REVOKED = "revoked", _("đã thu hồi")

    @classmethod
    def colors(cls) -> dict:
        return {cls.LIVE: "success", cls.EXPIRED: "secondary", cls.REVOKED: "danger"}
