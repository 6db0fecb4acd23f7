"""Vietnamese labels of the audit actions the award register writes."""

from django.utils.translation import gettext_lazy as _

from thidua.common.actions import register_actions
from thidua.common.history_fields import register_action_model

register_actions(
    {
        "awards.record": _("Ghi sổ khen thưởng"),
        "awards.annul": _("Hủy bỏ khen thưởng"),
    }
)

# An award recorded is audited on its person or agency: its keys are the Award's.
register_action_model("awards.Award", actions=("awards.record",))
