"""Vietnamese labels of the audit actions this app writes (quyết định khen thưởng)."""

from django.utils.translation import gettext_lazy as _

from thidua.common.actions import register_actions

register_actions(
    {
        "decisions.issue": _("Ban hành quyết định khen thưởng"),
        "decisions.register": _("Ghi sổ khen thưởng theo quyết định"),
        "decisions.annul": _("Hủy bỏ quyết định khen thưởng"),
        "decisions.transition": _("Chuyển trạng thái quyết định khen thưởng"),
    }
)
