"""Vietnamese labels of the audit actions this app writes (quyết định khen thưởng)."""

from django.utils.translation import gettext_lazy as _

from thidua.common.actions import register_actions
from thidua.common.history_fields import register_data_fields

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

# What the keys of these entries' data mean in a history (common/history_fields.py).
register_data_fields(
    {"awards": _("Số khen thưởng ghi sổ")}, actions=("decisions.register",)
)
