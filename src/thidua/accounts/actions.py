"""Vietnamese labels of the audit actions this app writes (tài khoản, khóa API):
what the audit log and the history pages show instead of the code."""

from django.utils.translation import gettext_lazy as _

from thidua.common.actions import register_actions
from thidua.common.history_fields import DataField, register_data_fields

from .enums import Role

register_actions(
    {
        "accounts.create": _("Tạo tài khoản"),
        "accounts.grant_role": _("Phân quyền"),
        "accounts.revoke_role": _("Thu hồi quyền"),
        "accounts.set_password": _("Đặt mật khẩu"),
        "accounts.issue_token": _("Cấp khóa API"),
        "accounts.revoke_token": _("Thu hồi khóa API"),
        "accounts.lock": _("Khóa tài khoản"),
        "accounts.unlock": _("Mở khóa tài khoản"),
        "accounts.set_mail_preference": _("Đổi cách nhận thông báo qua thư"),
        "accounts.password_reset_requested": _("Yêu cầu đặt lại mật khẩu qua thư"),
        "accounts.password_reset": _("Đặt lại mật khẩu qua thư"),
    }
)

# What the keys of these entries' data mean in a history (common/history_fields.py).
register_data_fields(
    {"role": DataField(_("Vai trò"), choices=Role)}, actions=("accounts.grant_role",)
)
register_data_fields(
    {"user": _("Tài khoản"), "prefix": _("Tiền tố khóa"), "scopes": _("Phạm vi")}
)
