"""Vietnamese labels of the audit actions this app writes (quyết định khen thưởng)."""

from django.utils.translation import gettext_lazy as _

from thidua.common.actions import register_actions

register_actions(
    {
        "decisions.draft": _("Dự thảo quyết định khen thưởng"),
        "decisions.submit": _("Trình thủ trưởng duyệt quyết định khen thưởng"),
        "decisions.approve": _("Duyệt quyết định khen thưởng"),
        "decisions.return": _("Trả lại dự thảo quyết định khen thưởng"),
        "decisions.issue": _("Ban hành quyết định khen thưởng"),
        "decisions.register": _("Ghi sổ khen thưởng theo quyết định"),
        "decisions.annul": _("Hủy bỏ quyết định khen thưởng"),
        "decisions.transition": _("Chuyển trạng thái quyết định khen thưởng"),
    }
)
