"""Vietnamese labels of the audit actions this app writes (Hội đồng, phiên họp, bỏ phiếu):
what the audit log and the history pages show instead of the code."""

from django.utils.translation import gettext_lazy as _

from thidua.common.actions import register_actions
from thidua.common.history_fields import (
    DataField,
    register_action_model,
    register_data_fields,
)

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

# What the keys of these entries' data mean in a history (common/history_fields.py).
MEMBER = "organizations.CouncilMember"
register_action_model("councils.Attendance", actions=("councils.meeting.attendance",))
register_action_model("councils.AgendaItem", actions=("councils.agenda.add",))
register_data_fields(
    {
        "member": DataField(_("Thành viên"), model=MEMBER),
        "by_member": DataField(_("Thành viên thực hiện"), model=MEMBER),
        "rosters": DataField(_("Danh sách được bỏ phiếu"), model=MEMBER),
        "agenda_items": DataField(_("Nội dung bỏ phiếu"), model="councils.AgendaItem"),
        "conflicted_person_ids": DataField(
            _("Người có xung đột lợi ích"), model="organizations.Person"
        ),
        "papers": _("Số phiếu"),
        "results": _("Kết quả kiểm phiếu"),
        "yes": _("Đồng ý"),
        "no": _("Không đồng ý"),
        "abstained_or_absent": _("Không biểu quyết hoặc vắng"),
        "roster_size": _("Số thành viên"),
        "passed": _("Thông qua"),
        "rule": _("Quy tắc thông qua"),
        "tally": _("Biên bản kiểm phiếu"),
        "met_on": _("Ngày họp"),
        "minutes": _("Biên bản"),
        "source": DataField(
            _("Nguồn kết quả"), choices={"paper": _("Biên bản họp trên giấy")}
        ),
        "key_fingerprint": _("Dấu khóa kiểm phiếu"),
    }
)
