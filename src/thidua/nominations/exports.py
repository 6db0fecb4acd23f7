"""The columns of the round's dossier list as a workbook (the page's "Xuất Excel":
common/list_export.py): the rows the page shows, in its order."""

from django.utils import timezone

from thidua.common.list_export import DATE, Column

__all__ = ["ROUND_COLUMNS"]


def _local_day(moment):
    return timezone.localdate(moment) if moment else None


ROUND_COLUMNS = [
    Column("Đơn vị đề nghị", lambda n: n.proposing_unit.display_name),
    Column("Đối tượng", lambda n: str(n.subject)),
    Column("Danh hiệu, hình thức", lambda n: n.get_code_display()),
    Column("Loại hình", lambda n: n.get_award_type_display()),
    Column("Năm thành tích", lambda n: n.year),
    Column("Trạng thái", lambda n: n.get_state_display()),
    Column("Thẩm quyền", lambda n: n.authority.label),
    Column("Ngày thẩm định", lambda n: _local_day(n.appraised_at), DATE),
    Column("Vượt tỷ lệ", lambda n: n.over_quota or ""),
]
