"""Vietnamese labels of the audit actions this app writes (quyết định, sổ khen thưởng):
what the audit log and the history pages show instead of the code."""

from django.utils.translation import gettext_lazy as _

from thidua.common.actions import register_actions

register_actions(
    {
        "awards.record": _("Ghi sổ khen thưởng"),
        "decisions.issue": _("Ban hành quyết định khen thưởng"),
        "awards.annul": _("Hủy bỏ khen thưởng"),
    }
)
