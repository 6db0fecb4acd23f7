"""Vietnamese labels of the audit actions of the tờ trình: what the audit log and the
history pages show instead of the code."""

from django.utils.translation import gettext_lazy as _

from thidua.common.actions import register_actions, register_retired_actions
from thidua.common.history_fields import register_data_fields

register_actions(
    {
        "submissions.draft": _("Dự thảo tờ trình cấp trên"),
        "submissions.ask_approval": _("Trình thủ trưởng duyệt tờ trình"),
        "submissions.approve": _("Duyệt tờ trình"),
        "submissions.send_back": _("Trả lại dự thảo tờ trình"),
        "submissions.issue": _("Lấy số và trình cấp trên"),
        "submissions.transition": _("Chuyển trạng thái tờ trình"),
        "submissions.forward_item": _("Trình tiếp một hồ sơ lên cấp trên"),
        "submissions.appraise": _("Thẩm định hồ sơ trình"),
        "submissions.return": _("Trả lại hồ sơ trình"),
        "submissions.returned_from_above": _("Cấp trên trả lại hồ sơ"),
        "submissions.outcome": _("Ghi nhận kết quả khen thưởng của cấp trên"),
        "submissions.import": _("Nhập gói hồ sơ trình cấp trên"),
    }
)
# Written before the head's approval step: a tờ trình was sent at once, and forwarded
# in one step (now drafted, approved, issued; forwarded item by item).
register_retired_actions(
    {
        "submissions.submit": _("Trình cấp trên"),
        "submissions.forward": _("Trình tiếp cấp trên"),
    }
)

# What the keys of these entries' data mean in a history (common/history_fields.py).
register_data_fields(
    {"to": _("Nơi nhận")},
    actions=("submissions.draft", "submissions.issue"),
)
