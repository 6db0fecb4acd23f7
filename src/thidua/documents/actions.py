"""Vietnamese labels of the audit actions this app writes (văn bản đi, ký số):
what the audit log and the history pages show instead of the code."""

from django.utils.translation import gettext_lazy as _

from thidua.common.actions import register_actions
from thidua.common.history_fields import DataField, register_data_fields

register_actions(
    {
        "documents.issue": _("Cấp số văn bản đi"),
        "documents.render": _("Tạo tệp văn bản"),
        "documents.rerender": _("Tạo lại tệp văn bản"),
        "documents.render_failed": _("Tạo tệp văn bản lỗi"),
        "documents.declare_numbers": _("Khai báo số đã dùng"),
        "documents.layout": _("Sửa bố cục văn bản"),
        "documents.credential_deactivate": _("Ngừng dùng chứng thư số"),
        "documents.credential_upload": _("Tải lên chứng thư số"),
        "documents.personal_credential_upload": _("Tải lên chứng thư số cá nhân"),
        "documents.personal_credential_generate": _(
            "Tạo chứng thư số cá nhân thử nghiệm (bản dùng thử)"
        ),
        "documents.sign": _("Đóng dấu số văn bản (chứng thư của cơ quan)"),
        "documents.sign_personal": _("Ký số văn bản (chứng thư cá nhân người ký)"),
        "documents.sign_personal_missing": _("Văn bản thiếu chữ ký số cá nhân"),
        "documents.tamper_detected": _("Phát hiện tệp văn bản bị thay đổi"),
        "documents.draft_create": _("Tạo văn bản soạn thảo"),
        "documents.draft_import": _("Nhập văn bản soạn thảo từ tệp DOCX"),
        "documents.draft_save": _("Sửa nội dung văn bản soạn thảo"),
        "documents.draft_attach": _("Đính kèm tệp vào văn bản soạn thảo"),
        "documents.draft_detach": _("Gỡ tệp đính kèm khỏi văn bản soạn thảo"),
        "documents.draft_template_save": _("Lưu mẫu văn bản của cơ quan"),
        "documents.draft_transition": _("Chuyển trạng thái văn bản soạn thảo"),
        "documents.draft_submit": _("Trình thủ trưởng duyệt văn bản"),
        "documents.draft_approve": _("Thủ trưởng duyệt văn bản"),
        "documents.draft_return": _("Thủ trưởng trả lại văn bản"),
        "documents.draft_issue": _("Lấy số và ban hành văn bản soạn thảo"),
    }
)

# What the keys of these entries' data mean in a history (common/history_fields.py).
register_data_fields(
    {
        "replaced": _("Chứng thư được thay thế"),
        "elements": _("Phần đã sửa"),
        "credential": DataField(_("Chứng thư số"), model="documents.SigningCredential"),
        "fingerprint": _("Dấu vân tay chứng thư"),
        "missing_reason": _("Lý do chưa ký"),
        "signed_at": _("Thời điểm ký"),
        "official_type": _("Văn bản hành chính"),
        "issued_on": _("Ngày ban hành"),
        "subject_cn": _("Chủ thể chứng thư"),
        "not_after": _("Hiệu lực đến"),
        "template": _("Mẫu"),
        "movement": DataField(_("Phong trào"), model="movements.Movement"),
        "label": _("Tên gọi"),
    }
)
