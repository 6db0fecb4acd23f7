"""Vietnamese labels of the audit actions the award register writes."""

from django.utils.translation import gettext_lazy as _

from thidua.common.actions import register_actions

register_actions(
    {
        "awards.record": _("Ghi sổ khen thưởng"),
        "awards.annul": _("Hủy bỏ khen thưởng"),
    }
)
