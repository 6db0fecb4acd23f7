"""Audit entries as an officer reads them: the labels the forms use, choice and state
labels, dd/mm/yyyy dates, Có/Không, names instead of ids (fetched in one query per
model for a whole page), lists of items as small tables — never a raw dict or list.

What a key of an entry's data means comes from the audited model's fields, or from
what the app that writes it declared (common/history_fields.py)."""

import datetime
from dataclasses import dataclass, field

from django import forms
from django.apps import apps
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.eligibility.regimes import REGIMES

from .actions import action_label
from .history_fields import (
    DataField,
    action_model,
    data_field,
    register_data_fields,
)
from .models import ActivityLog

__all__ = ["HistoryRow", "Table", "history_rows", "row_text"]

# Keys of the kernel and of many apps' entries.
register_data_fields(
    {
        "reason": _("Lý do"),
        "year": _("Năm"),
        "start_date": _("Từ ngày"),
        "end_date": _("Đến ngày"),
        "file": _("Tệp"),
        "name": _("Tên"),
        "size": _("Dung lượng (byte)"),
        "sha256": _("Mã băm tệp"),
        "file_sha256": _("Mã băm tệp"),
        "docx_sha256": _("Mã băm tệp DOCX"),
        "pdf_sha256": _("Mã băm tệp PDF"),
        "rows": _("Số dòng"),
        "created": _("Thêm mới"),
        "updated": _("Cập nhật"),
        "errors": _("Số lỗi"),
        "rejected": _("Lý do từ chối"),
        "dry_run": _("Chỉ kiểm tra"),
        "person_name": _("Cá nhân"),
        "agency_name": _("Cơ quan"),
        "from_year": _("Từ năm"),
        "username": _("Tên đăng nhập"),
        "kind": _("Loại"),
        "by_self": _("Tự đổi"),
        "symbol": _("Số, ký hiệu"),
        "signer": _("Người ký"),
        "items": _("Số mục"),
        "version": _("Phiên bản"),
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
        # The law engine's regimes by their texts, never their codes.
        "regime": DataField(
            _("Chế độ pháp lý"),
            choices={name: regime.label for name, regime in REGIMES.items()},
        ),
    }
)
# Ids kept beside the name the entry also carries (person_name, agency_name).
register_data_fields(
    {
        key: DataField(label=key, hidden=True)
        for key in ("person", "agency", "council", "leader", "deputy")
    }
)


@dataclass
class Table:
    """A list of items: one row each, the columns labelled as their form does."""

    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class HistoryRow:
    entry: ActivityLog
    action: str
    changes: list[tuple[str, object, object]]
    details: list[tuple[str, object]]


@dataclass(frozen=True)
class _Spec:
    """How one value reads: its label, its choices, the model its ids point to, the
    form or model naming the keys of its items."""

    label: str
    choices: dict | None = None
    model: type | None = None
    items: object = None


def _date_text(value: str) -> str | None:
    if len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return datetime.date.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:
            return None
    if len(value) >= 19 and value[4] == "-" and value[10] in "T ":
        try:
            moment = datetime.datetime.fromisoformat(value)
        except ValueError:
            return None
        if timezone.is_aware(moment):
            moment = timezone.localtime(moment)
        return moment.strftime("%d/%m/%Y %H:%M")
    return None


def _choices(source) -> dict | None:
    if source is None:
        return None
    pairs = source.choices if hasattr(source, "choices") else source
    return {str(code): str(label) for code, label in dict(pairs).items()}


def _model_field(model, name: str):
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except Exception:  # not a field of this model: a detail of the entry
        return None


def _field_spec(model, name: str, form=None) -> _Spec | None:
    """The spec of ``name`` as a field of ``model`` (its label from ``form`` when it
    names it there), None when it is none."""
    model_field = _model_field(model, name)
    form_field = form.base_fields.get(name) if form is not None else None
    if model_field is None and form_field is None:
        return None
    label = (form_field.label if form_field is not None else None) or getattr(
        model_field, "verbose_name", name
    )
    related = (
        model_field.related_model
        if isinstance(model_field, models.ForeignKey | models.ManyToManyField)
        else None
    )
    return _Spec(
        label=str(label)[:1].upper() + str(label)[1:],
        choices=_choices(getattr(model_field, "choices", None) or None),
        model=related,
    )


def _data_spec(action: str, key: str, data: dict) -> _Spec | None:
    declared = data_field(action, key)
    if declared is None:
        return None
    if declared.hidden:
        return _Spec(label="", items="hidden")
    return _Spec(
        label=str(declared.label),
        choices=_choices(declared.choices),
        model=apps.get_model(declared.model) if declared.model else None,
        items=declared.items_source(data),
    )


def _items_model_form(source):
    """(model, form) naming the keys of a list's items."""
    if isinstance(source, type) and issubclass(source, forms.BaseForm):
        meta = getattr(source, "_meta", None)
        return getattr(meta, "model", None), source
    return source, None


def _in_form_order(keys: list[str], model, form) -> list[str]:
    """The columns as the form (else the model) orders its fields: PostgreSQL's jsonb
    keeps an object's keys in its own order, not the order they were written in."""
    if form is not None:
        order = list(form.base_fields)
    elif model is not None:
        order = [f.name for f in model._meta.get_fields()]
    else:
        return keys
    rank = {name: index for index, name in enumerate(order)}
    return sorted(keys, key=lambda key: rank.get(key, len(order)))


def _leaves(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _leaves(item)
    elif isinstance(value, list):
        for item in value:
            yield from _leaves(item)
    elif value is not None and not isinstance(value, bool):
        yield value


class _Formatter:
    def __init__(self, entries: list[ActivityLog]):
        self.names: dict[type, dict[str, str]] = {}
        self.wanted: dict[type, set] = {}
        for entry in entries:
            self._walk(entry, self._want)
        for model, ids in self.wanted.items():
            clean = {str(i) for i in ids if str(i).isdigit()}
            self.names[model] = {
                str(obj.pk): str(obj)
                for obj in model._default_manager.filter(pk__in=clean)
            }

    # What the entry's values refer to, gathered before any is shown.
    def _want(self, spec: _Spec, value) -> None:
        if spec.model is not None:
            self.wanted.setdefault(spec.model, set()).update(_leaves(value))
        if spec.items and spec.items != "hidden" and isinstance(value, list):
            model, form = _items_model_form(spec.items)
            for item in value:
                if isinstance(item, dict):
                    for key, inner in item.items():
                        inner_spec = _field_spec(model, key, form)
                        if inner_spec is not None:
                            self._want(inner_spec, inner)

    def _walk(self, entry: ActivityLog, visit) -> None:
        model = self.model_of(entry)
        for name, pair in (entry.data.get("changes") or {}).items():
            spec = self.spec(entry, model, name)
            visit(spec, pair)
        for key, value in entry.data.items():
            if key != "changes":
                visit(self.spec(entry, model, key), value)

    @staticmethod
    def model_of(entry: ActivityLog):
        return entry.content_type.model_class() if entry.content_type_id else None

    @staticmethod
    def spec(entry: ActivityLog, model, key: str) -> _Spec:
        declared = action_model(entry.action)
        return (
            _data_spec(entry.action, key, entry.data)
            or _field_spec(model, key)
            or (_field_spec(apps.get_model(declared), key) if declared else None)
            or _Spec(label=key)
        )

    def text(self, spec: _Spec, value) -> str:
        """One value as a sentence: lists joined, dicts as "label: value"."""
        if value is None or value == "" or value == [] or value == {}:
            return "–"
        if isinstance(value, bool):
            return str(_("Có")) if value else str(_("Không"))
        if isinstance(value, list):
            return "; ".join(
                " – ".join(self.text(spec, v) for v in item)
                if isinstance(item, list)
                else self.text(spec, item)
                for item in value
            )
        if isinstance(value, dict):
            # Named keys first, then the others ("#42"): jsonb (PostgreSQL) does not
            # keep the order the keys were written in, so that order cannot be shown.
            named, unnamed = [], []
            for key, inner in value.items():
                inner_spec = data_field("", key)
                if inner_spec:
                    named.append(f"{inner_spec.label}: {self.text(spec, inner)}")
                else:
                    unnamed.append(f"#{key}: {self.text(spec, inner)}")
            return "; ".join(named + unnamed)
        if spec.model is not None:
            name = self.names.get(spec.model, {}).get(str(value))
            if name is not None:
                return name
        if spec.choices is not None and str(value) in spec.choices:
            return spec.choices[str(value)]
        if isinstance(value, str):
            return _date_text(value) or value
        return str(value)

    def value(self, spec: _Spec, value):
        """A value as a page shows it: a table for a list of items, else text."""
        if (
            isinstance(value, list)
            and value
            and all(isinstance(item, dict) for item in value)
        ):
            model, form = _items_model_form(spec.items)
            keys = _in_form_order(
                list(dict.fromkeys(k for item in value for k in item)), model, form
            )
            specs = [_field_spec(model, key, form) or self._nested(key) for key in keys]
            return Table(
                headers=[s.label for s in specs],
                rows=[
                    [
                        self.text(s, item.get(key))
                        for key, s in zip(keys, specs, strict=True)
                    ]
                    for item in value
                ],
            )
        return self.text(spec, value)

    @staticmethod
    def _nested(key: str) -> _Spec:
        declared = data_field("", key)
        return _Spec(label=str(declared.label)) if declared else _Spec(label=key)


def history_rows(entries) -> list[HistoryRow]:
    """Readable rows for a list of entries (one query per model their ids point to,
    however many entries)."""
    entries = list(entries)
    fmt = _Formatter(entries)
    rows = []
    for entry in entries:
        model = fmt.model_of(entry)
        changes = []
        for name, (old, new) in (entry.data.get("changes") or {}).items():
            spec = fmt.spec(entry, model, name)
            changes.append((spec.label, fmt.value(spec, old), fmt.value(spec, new)))
        details = []
        for key, value in entry.data.items():
            if key == "changes":
                continue
            spec = fmt.spec(entry, model, key)
            if spec.items == "hidden":
                continue
            details.append((spec.label, fmt.value(spec, value)))
        rows.append(HistoryRow(entry, action_label(entry.action), changes, details))
    return rows


def _value_text(value) -> str:
    if isinstance(value, Table):
        return " | ".join(
            ", ".join(f"{h}: {c}" for h, c in zip(value.headers, r, strict=True))
            for r in value.rows
        )
    return str(value)


def row_text(row: HistoryRow) -> str:
    """A row's content on one line, for a workbook cell."""
    parts = [
        f"{label}: {_value_text(old)} → {_value_text(new)}"
        for label, old, new in row.changes
    ]
    parts += [f"{label}: {_value_text(value)}" for label, value in row.details]
    return "; ".join(parts)
