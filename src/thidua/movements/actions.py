"""Vietnamese labels of the audit actions this app writes (phong trào, đăng ký, chỉ tiêu, sơ kết):
what the audit log and the history pages show instead of the code."""

from django.utils.translation import gettext_lazy as _

from thidua.common.actions import register_actions

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
