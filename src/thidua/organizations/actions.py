"""Vietnamese labels of the audit actions this app writes (cơ quan, cá nhân, hồ sơ cán bộ, hội đồng, cụm khối):
what the audit log and the history pages show instead of the code."""

from django.utils.translation import gettext_lazy as _

from thidua.common.actions import register_actions
from thidua.common.history_fields import register_action_model

register_actions(
    {
        "agencies.create": _("Thêm cơ quan, đơn vị"),
        "agencies.update": _("Sửa cơ quan, đơn vị"),
        "people.create": _("Thêm cá nhân"),
        "people.update": _("Sửa thông tin cá nhân"),
        "people.transfer": _("Chuyển đơn vị công tác"),
        "people.import": _("Nhập danh sách từ Excel"),
        "people.import_start": _("Bắt đầu kiểm tra tệp nhập danh sách"),
        "people.import_given_up": _("Ngừng xử lý tệp nhập danh sách"),
        "people.import_create": _("Thêm qua nhập Excel"),
        "people.import_update": _("Cập nhật qua nhập Excel"),
        "assessments.set": _("Xếp loại cá nhân"),
        "assessments.set_collective": _("Xếp loại tập thể"),
        "discipline.create": _("Ghi nhận kỷ luật"),
        "reviews.create": _("Ghi nhận đang xem xét, điều tra, khiếu nại"),
        "reviews.close": _("Kết thúc vụ việc đang xem xét"),
        "initiatives.create": _("Ghi nhận sáng kiến, đề tài"),
        "councils.create": _("Thành lập hội đồng"),
        "councils.add_member": _("Thêm thành viên hội đồng"),
        "councils.end_member": _("Thành viên thôi tham gia hội đồng"),
        "clusters.create": _("Thành lập cụm, khối thi đua"),
        "clusters.add_member": _("Thêm thành viên cụm, khối"),
        "clusters.set_leadership": _("Phân công cụm trưởng, cụm phó"),
    }
)

# Keys of these entries' data that are fields of another model than the audited one.
register_action_model("organizations.Assessment", actions=("assessments.set",))
register_action_model("organizations.CouncilMember", actions=("councils.add_member",))
