"""What a movement still lacks before it can go before the head, as sentences an officer
reads (the signer block is the approver's, written at approval)."""

from django.utils.translation import gettext as _

from thidua.documents.doc_types import doc_type
from thidua.documents.selectors import local_types_for

from ..models import Movement

__all__ = ["missing_elements"]


def missing_elements(movement: Movement) -> list[str]:
    """Every missing required element (NĐ 30/2020 Art 8 cl.2 plus the movement's own)."""
    missing = []
    launcher = movement.launcher
    if not movement.name.strip():
        missing.append(_("Tên phong trào (trích yếu)."))
    if not launcher.abbreviation:
        missing.append(_("Chữ viết tắt của cơ quan ban hành (để ghi số, ký hiệu)."))
    if not launcher.place_name:
        missing.append(_("Địa danh của cơ quan ban hành."))
    if not movement.type_code or not movement.document_title.strip():
        missing.append(_("Loại văn bản và tên loại."))
    elif doc_type(movement.type_code, local_types_for(launcher)) is None:
        missing.append(
            _("Mã loại văn bản “%(code)s” chưa được khai báo trong sổ văn bản đi.")
            % {"code": movement.type_code}
        )
    if not (movement.opening.strip() or movement.implemented_documents.exists()):
        missing.append(_("Căn cứ hoặc phần mở đầu (văn bản được thực hiện)."))
    if not movement.purposes.exists():
        missing.append(_("Mục đích (ít nhất một)."))
    if not movement.contents.exists():
        missing.append(_("Nội dung thi đua (ít nhất một)."))
    if not movement.duties.exists():
        missing.append(_("Tổ chức thực hiện (ít nhất một nhiệm vụ)."))
    if not movement.recipients.exists():
        missing.append(_("Nơi nhận."))
    if not (movement.scope_agency_id or movement.scope_cluster_id):
        missing.append(_("Phạm vi phong trào (cơ quan hoặc cụm, khối)."))
    return missing
