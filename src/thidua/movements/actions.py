"""Vietnamese labels of the audit actions this app writes (phong trào, đăng ký, chỉ tiêu, sơ kết):
what the audit log and the history pages show instead of the code."""

from django.utils.translation import gettext_lazy as _

from thidua.common.actions import register_actions
from thidua.common.history_fields import DataField, register_data_fields

from .forms.movement import SECTION_FORMSETS

register_actions(
    {
        "movements.create": _("Tạo phong trào"),
        "movements.update": _("Sửa phong trào"),
        "movements.update_section": _("Sửa nội dung phong trào"),
        "movements.transition": _("Chuyển trạng thái phong trào"),
        "movements.submit": _("Trình thủ trưởng duyệt văn bản phát động"),
        "movements.approve": _("Duyệt văn bản phát động"),
        "movements.send_back": _("Trả lại dự thảo văn bản phát động"),
        "movements.issue": _("Lấy số và ban hành văn bản phát động"),
        "movements.issue_by_plan": _("Phát động phong trào bằng kế hoạch đã ban hành"),
        "movements.deliver": _("Gửi văn bản đến các đơn vị"),
        "movements.confirm_delivery": _("Đơn vị xác nhận quán triệt"),
        "movements.remind": _("Nhắc đơn vị quán triệt"),
        "registrations.save": _("Lưu đăng ký thi đua"),
        "registrations.transition": _("Chuyển trạng thái đăng ký thi đua"),
        "indicators.report": _("Báo cáo tiến độ chỉ tiêu"),
        "reviews.draft": _("Soạn báo cáo sơ kết, tổng kết"),
        "reviews.update": _("Sửa báo cáo sơ kết, tổng kết"),
        "indicators.create": _("Thêm chỉ tiêu"),
        "indicators.update": _("Sửa chỉ tiêu"),
    }
)


def _section_form(data: dict):
    """The form of the section an update_section entry changed (its item fields)."""
    entry = SECTION_FORMSETS.get(data.get("section"))
    return entry[1].form if entry else None


# What the keys of these entries' data mean in a history (common/history_fields.py).
register_data_fields(
    {
        "section": DataField(
            _("Phần"),
            choices={key: title for key, (title, _form) in SECTION_FORMSETS.items()},
        ),
        "before": DataField(_("Trước"), items=_section_form),
        "after": DataField(_("Sau"), items=_section_form),
    },
    actions=("movements.update_section",),
)
register_data_fields(
    {
        "indicator": _("Chỉ tiêu"),
        "owner": _("Đơn vị phụ trách"),
        "target": _("Mức chỉ tiêu"),
        "evidence": _("Mã băm minh chứng"),
        "reported_on": _("Ngày báo cáo"),
        "value": _("Kết quả đạt"),
        "units": _("Đơn vị nhận"),
        "plan": DataField(_("Kế hoạch"), model="documents.DraftDocument"),
        "review": DataField(_("Báo cáo"), model="movements.MovementReport"),
        "entries": _("Đăng ký danh hiệu"),
    }
)
