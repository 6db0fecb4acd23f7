"""Vietnamese labels of the audit actions this app writes (Hội đồng, phiên họp, bỏ phiếu):
what the audit log and the history pages show instead of the code."""

from django.utils.translation import gettext_lazy as _

from thidua.common.actions import register_actions

register_actions(
    {
        "councils.minutes": _("Lập biên bản họp Hội đồng"),
        "councils.agenda.add": _("Thêm nội dung xét vào phiên họp"),
        "councils.agenda.clear_conflict": _(
            "Cho phép thành viên có xung đột lợi ích biểu quyết"
        ),
        "councils.agenda.declare_conflict": _("Khai báo xung đột lợi ích"),
        "councils.paper_result": _("Nhập kết quả họp Hội đồng từ biên bản giấy"),
        "councils.agenda.recuse": _(
            "Thành viên không tham gia biểu quyết một nội dung"
        ),
        "councils.ballot.close": _("Đóng phiếu, kiểm phiếu"),
        "councils.ballot.open": _("Mở bỏ phiếu"),
        "councils.ballot.participate": _("Thành viên đã bỏ phiếu"),
        "councils.ballot.void": _("Hủy lượt bỏ phiếu (không kiểm phiếu)"),
        "councils.meeting.attendance": _("Điểm danh phiên họp"),
        "councils.meeting.close": _("Bế mạc phiên họp"),
        "councils.meeting.open": _("Khai mạc phiên họp"),
        "councils.meeting.schedule": _("Triệu tập phiên họp Hội đồng"),
        "councils.voting_rule.set": _("Đặt quy chế biểu quyết"),
    }
)
