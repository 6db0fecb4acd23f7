"""Vietnamese labels of the audit actions this app writes (đợt xét, hồ sơ, công khai):
what the audit log and the history pages show instead of the code."""

from django.utils.translation import gettext_lazy as _

from thidua.common.actions import register_actions
from thidua.common.history_fields import DataField, register_data_fields

register_actions(
    {
        "notices.open": _("Công khai danh sách đề nghị khen thưởng"),
        "notices.comment": _("Góp ý danh sách công khai"),
        "notices.acknowledge": _("Xem xét góp ý công khai"),
        "nominations.open_round": _("Mở đợt xét khen thưởng"),
        "nominations.create": _("Lập hồ sơ đề nghị"),
        "nominations.attach": _("Thêm tài liệu hồ sơ"),
        "nominations.replace_attachment": _("Thay tài liệu hồ sơ"),
        "nominations.withdraw_attachment": _("Rút tài liệu hồ sơ"),
        "nominations.transition": _("Chuyển trạng thái hồ sơ"),
        "nominations.report_generate": _("Tạo báo cáo thành tích"),
        "nominations.report_save": _("Lưu báo cáo thành tích"),
        "nominations.reevaluation_request": _("Yêu cầu đánh giá lại hồ sơ đang mở"),
        "nominations.reevaluation_start": _("Bắt đầu đánh giá lại hồ sơ đang mở"),
        "nominations.reevaluation": _("Đánh giá lại hồ sơ đang mở"),
        "nominations.reevaluation_failed": _("Đánh giá lại hồ sơ không thực hiện được"),
        "nominations.verdict_changed": _(
            "Kết quả xét điều kiện thay đổi khi đánh giá lại"
        ),
        "nominations.verdicts_recorded": _("Ghi nhận kết quả xét điều kiện hồ sơ mới"),
    }
)

# What the keys of these entries' data mean in a history (common/history_fields.py).
register_data_fields(
    {
        "subject": _("Đối tượng"),
        "nominations": DataField(_("Hồ sơ"), model="nominations.Nomination"),
    }
)
register_data_fields(
    {"from": _("Từ ngày"), "to": _("Đến ngày")}, actions=("notices.open",)
)
