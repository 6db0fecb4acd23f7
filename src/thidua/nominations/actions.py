"""Vietnamese labels of the audit actions this app writes (đợt xét, hồ sơ, công khai):
what the audit log and the history pages show instead of the code."""

from django.utils.translation import gettext_lazy as _

from thidua.common.actions import register_actions
from thidua.common.history_fields import DataField, register_data_fields

from .enums import AttachmentKind

register_actions(
    {
        "notices.open": _("Công khai danh sách đề nghị khen thưởng"),
        "notices.comment": _("Góp ý danh sách công khai"),
        "notices.acknowledge": _("Xem xét góp ý công khai"),
        "nominations.open_round": _("Mở đợt xét khen thưởng"),
        "nominations.create": _("Lập hồ sơ đề nghị"),
        "nominations.bulk_create": _("Lập nhiều hồ sơ đề nghị cùng lúc"),
        "nominations.attach": _("Thêm tài liệu hồ sơ"),
        "nominations.unit_file": _("Tải tài liệu chung của đơn vị cho đợt xét"),
        "nominations.replace_attachment": _("Thay tài liệu hồ sơ"),
        "nominations.withdraw_attachment": _("Rút tài liệu hồ sơ"),
        "nominations.transition": _("Chuyển trạng thái hồ sơ"),
        "nominations.evidence_add": _("Bổ sung minh chứng hồ sơ"),
        "nominations.evidence_remove": _("Rút minh chứng hồ sơ"),
        "nominations.evidence": _("Xác nhận minh chứng hồ sơ"),
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
# The bulk and unit-level entries of #17 (services/bulk.py, unit_files.py, evidence.py).
register_data_fields(
    {
        "source": DataField(
            _("Lập từ"),
            choices={"dang_ky": _("đăng ký thi đua"), "excel": _("danh sách Excel")},
        ),
        "unit": _("Đơn vị"),
        "count": _("Số hồ sơ"),
    },
    actions=("nominations.bulk_create",),
)
register_data_fields(
    {
        "unit": _("Đơn vị"),
        "kind": DataField(_("Loại tài liệu"), choices=AttachmentKind),
        "name": _("Tên tệp"),
    },
    actions=("nominations.unit_file",),
)
register_data_fields(
    {
        "evidence": DataField(
            _("Minh chứng"), model="nominations.DossierEvidence", hidden=True
        ),
        "claim": _("Minh chứng"),
    },
    actions=(
        "nominations.evidence_add",
        "nominations.evidence_remove",
        "nominations.evidence",
    ),
)
