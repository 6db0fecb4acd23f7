"""Vietnamese labels of the audit actions this app writes (trao đổi dữ liệu):
what the audit log and the history pages show instead of the code."""

from django.utils.translation import gettext_lazy as _

from thidua.common.actions import register_actions

register_actions(
    {
        "awards.import_update": _("Cập nhật sổ khen thưởng qua dữ liệu trao đổi"),
        "exchange.export": _("Xuất dữ liệu trao đổi"),
        "exchange.import": _("Nhập dữ liệu trao đổi"),
    }
)
