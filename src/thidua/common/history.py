"""Audit entries as an officer reads them: field labels, choice labels, dd/mm/yyyy dates,
names instead of ids."""

import datetime
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from .actions import action_label
from .models import ActivityLog

__all__ = ["HistoryRow", "history_rows"]

# Detail keys that are not fields of the audited object.
DATA_LABELS = {
    "year": _("Năm"),
    "start_date": _("Từ ngày"),
    "file": _("Tệp"),
    "file_sha256": _("Mã băm tệp"),
    "rows": _("Số dòng"),
    "created": _("Thêm mới"),
    "updated": _("Cập nhật"),
    "errors": _("Số lỗi"),
    "rejected": _("Lý do từ chối"),
    "dry_run": _("Chỉ kiểm tra"),
    "role": _("Vai trò"),
    "person_name": _("Cá nhân"),
    "agency_name": _("Cơ quan"),
    "from_year": _("Từ năm"),
    "username": _("Tên đăng nhập"),
    "end_date": _("Đến ngày"),
    "kind": _("Loại"),
    "by_self": _("Tự đổi"),
    # Re-evaluation of open dossiers (nominations/services/reevaluation.py).
    "trigger": _("Lý do"),
    "checked": _("Số hồ sơ đã xét"),
    "changed": _("Số hồ sơ thay đổi kết quả"),
    "skipped": _("Số hồ sơ không xét được"),
    "recorded": _("Số hồ sơ ghi nhận"),
    "verdict_before": _("Kết quả trước"),
    "verdict_after": _("Kết quả sau"),
    "regime_before": _("Chế độ pháp lý trước"),
    "regime_after": _("Chế độ pháp lý sau"),
    "reevaluation": _("Lượt đánh giá lại"),
}
HIDDEN_DATA = {"person", "agency", "council", "leader", "deputy"}


@dataclass
class HistoryRow:
    entry: ActivityLog
    action: str
    changes: list[tuple[str, str, str]]
    details: list[tuple[str, str]]


def _plain(value) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return str(_("Có")) if value else str(_("Không"))
    if (
        isinstance(value, str)
        and len(value) == 10
        and value[4] == "-"
        and value[7] == "-"
    ):
        try:
            return datetime.date.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:
            return value
    return str(value)


class _Formatter:
    def __init__(self, entries: list[ActivityLog]):
        self.related: dict[type, dict[str, str]] = {}
        wanted: dict[type, set] = {}
        for entry in entries:
            model = entry.content_type.model_class() if entry.content_type_id else None
            for name, pair in (entry.data.get("changes") or {}).items():
                field = self._field(model, name)
                if isinstance(field, models.ForeignKey):
                    wanted.setdefault(field.related_model, set()).update(
                        v for v in pair if v is not None
                    )
        for model, ids in wanted.items():
            self.related[model] = {
                str(o.pk): str(o) for o in model.objects.filter(pk__in=ids)
            }

    @staticmethod
    def _field(model, name):
        if model is None:
            return None
        try:
            return model._meta.get_field(name)
        except Exception:  # not a field of this model
            return None

    def label(self, model, name: str) -> str:
        field = self._field(model, name)
        if field is not None and hasattr(field, "verbose_name"):
            return str(field.verbose_name).capitalize()
        return str(DATA_LABELS.get(name, name))

    def value(self, model, name: str, value) -> str:
        field = self._field(model, name)
        if field is not None and getattr(field, "choices", None):
            return str(dict(field.choices).get(value, _plain(value)))
        if isinstance(field, models.ForeignKey) and value is not None:
            return self.related.get(field.related_model, {}).get(
                str(value), _plain(value)
            )
        return _plain(value)


def history_rows(entries) -> list[HistoryRow]:
    """Readable rows for a list of entries (one extra query per referenced model)."""
    entries = list(entries)
    fmt = _Formatter(entries)
    rows = []
    for entry in entries:
        model = entry.content_type.model_class() if entry.content_type_id else None
        changes = [
            (
                fmt.label(model, name),
                fmt.value(model, name, old),
                fmt.value(model, name, new),
            )
            for name, (old, new) in (entry.data.get("changes") or {}).items()
        ]
        details = [
            (fmt.label(model, key), fmt.value(model, key, value))
            for key, value in entry.data.items()
            if key != "changes" and key not in HIDDEN_DATA
        ]
        rows.append(HistoryRow(entry, action_label(entry.action), changes, details))
    return rows
