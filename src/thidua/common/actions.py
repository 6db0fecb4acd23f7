"""Labels of audit action codes, so history pages read in Vietnamese."""

from django.utils.translation import gettext_lazy as _

__all__ = ["ACTION_LABELS", "action_label"]

ACTION_LABELS = {
    "agencies.create": _("Thêm cơ quan, đơn vị"),
    "agencies.update": _("Sửa cơ quan, đơn vị"),
    "people.create": _("Thêm cá nhân"),
    "people.update": _("Sửa thông tin cá nhân"),
    "people.transfer": _("Chuyển đơn vị công tác"),
    "people.import": _("Nhập danh sách từ Excel"),
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
    "movements.create": _("Tạo phong trào"),
    "movements.update": _("Sửa phong trào"),
    "movements.update_section": _("Sửa nội dung phong trào"),
    "movements.transition": _("Chuyển trạng thái phong trào"),
    "movements.deliver": _("Gửi văn bản đến các đơn vị"),
    "movements.confirm_delivery": _("Đơn vị xác nhận quán triệt"),
    "movements.remind": _("Nhắc đơn vị quán triệt"),
    "registrations.save": _("Lưu đăng ký thi đua"),
    "registrations.transition": _("Chuyển trạng thái đăng ký thi đua"),
    "indicators.create": _("Thêm chỉ tiêu"),
    "indicators.update": _("Sửa chỉ tiêu"),
    "indicators.report": _("Báo cáo tiến độ chỉ tiêu"),
    "reviews.draft": _("Soạn báo cáo sơ kết, tổng kết"),
    "reviews.update": _("Sửa báo cáo sơ kết, tổng kết"),
    "awards.record": _("Ghi sổ khen thưởng"),
    "decisions.issue": _("Ban hành quyết định khen thưởng"),
    "awards.annul": _("Hủy bỏ khen thưởng"),
    "nominations.open_round": _("Mở đợt xét khen thưởng"),
    "nominations.create": _("Lập hồ sơ đề nghị"),
    "nominations.attach": _("Thêm tài liệu hồ sơ"),
    "nominations.transition": _("Chuyển trạng thái hồ sơ"),
    "documents.issue": _("Cấp số văn bản đi"),
    "documents.render": _("Tạo tệp văn bản"),
    "documents.declare_numbers": _("Khai báo số đã dùng"),
    "documents.layout": _("Sửa bố cục văn bản"),
    "accounts.create": _("Tạo tài khoản"),
    "accounts.grant_role": _("Phân quyền"),
    "accounts.revoke_role": _("Thu hồi quyền"),
    "accounts.lock": _("Khóa tài khoản"),
    "accounts.unlock": _("Mở khóa tài khoản"),
    "accounts.set_password": _("Đặt mật khẩu"),
}


def action_label(code: str) -> str:
    return str(ACTION_LABELS.get(code, code))
