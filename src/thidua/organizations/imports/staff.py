"""Staff import from the .xlsx template: every row is checked before anything is written.

One bad row means nothing is written; the result lists each error with its row,
column and a Vietnamese message. Re-importing the same file changes nothing (people
are matched by CCCD).
"""

import datetime
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.common.planner import refresh_statistics
from thidua.common.services.audit import log_actions_bulk, snapshot
from thidua.common.text import fold, nfc

from ..enums import EducationLevel, Gender, PersonCategory
from ..models import Agency, Membership, Person
from ..services.person import (
    PERSON_FIELDS,
    derive_person_fields,
    normalise_person_data,
    person_field_errors,
)
from .workbook import WorkbookRejected, open_rows

__all__ = ["COLUMNS", "DATE_COLUMNS", "ImportResult", "RowError", "import_staff"]


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool
    width: int = 16


COLUMNS = [
    Column("stt", "STT", False, 6),
    Column("full_name", "Họ và tên", True, 28),
    Column("gender", "Giới tính", True, 10),
    Column("birth_date", "Ngày sinh", True, 13),
    Column("cccd", "Số CCCD", True, 16),
    Column("ethnicity", "Dân tộc", True, 12),
    Column("category", "Đối tượng", True, 18),
    Column("position", "Chức vụ", False, 22),
    Column("civil_rank", "Ngạch", False, 22),
    Column("is_direct_worker", "Trực tiếp lao động, công tác", False, 14),
    Column("recruited_on", "Ngày tuyển dụng", False, 14),
    Column("education_level", "Trình độ đào tạo", False, 14),
    Column("tdkt_since", "Làm công tác TĐKT từ ngày", False, 14),
    Column("unit_code", "Mã đơn vị", True, 14),
]
HEADER_ROW = 1
_COLUMN_ORDER = {c.header: n for n, c in enumerate(COLUMNS)}
_GENDERS = {"nam": Gender.MALE, "nu": Gender.FEMALE}
_CATEGORIES = {fold(label): value for value, label in PersonCategory.choices}
# Trình độ đào tạo as written in HR workbooks; a master's or doctorate is "trên đại học".
_EDUCATION = {fold(label): value for value, label in EducationLevel.choices} | {
    "thac si": EducationLevel.TREN_DAI_HOC,
    "tien si": EducationLevel.TREN_DAI_HOC,
}
# Columns added after the first template: a workbook without them leaves the values as
# they are instead of blanking them.
_LATER_COLUMNS = ("education_level", "tdkt_since")
# Dates, written dd/mm/yyyy (the template formats these columns as text).
DATE_COLUMNS = ("birth_date", "recruited_on", "tdkt_since")
_YES = {"co", "x", "1", "true", "yes"}
_NO = {"khong", "", "0", "false", "no"}


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass
class ImportResult:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    rejected: str = ""
    dry_run: bool = False
    sha256: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors and not self.rejected


def _header_of(key: str) -> str:
    return next(c.header for c in COLUMNS if c.key == key)


def _parse_date(value, errors: list[str]) -> datetime.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = nfc(str(value))
    try:
        return datetime.datetime.strptime(text, "%d/%m/%Y").date()  # noqa: DTZ007 (a date)
    except ValueError:
        errors.append(
            _("“%(v)s” không phải ngày hợp lệ dạng dd/mm/yyyy.") % {"v": text}
        )
        return None


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return nfc(str(value))


class _RowParser:
    """Turns one row of cells into person data plus per-column errors."""

    def __init__(self, positions: dict[str, int], unit_codes: dict[str, Agency]):
        self.positions = positions
        self.unit_codes = unit_codes
        self.today = timezone.localdate()

    def parse(self, number: int, cells) -> tuple[dict, list[RowError]]:
        errors: list[RowError] = []
        raw: dict = {}
        for column in COLUMNS:
            index = self.positions.get(column.key)
            cell = cells[index] if index is not None and index < len(cells) else None
            value = getattr(cell, "value", None)
            if getattr(cell, "data_type", None) == "f" or (
                isinstance(value, str) and value.startswith("=")
            ):
                errors.append(
                    RowError(
                        number, column.header, _("Ô chứa công thức; chỉ nhận giá trị.")
                    )
                )
                value = None
            if isinstance(value, str) and len(value) > 500:
                errors.append(RowError(number, column.header, _("Nội dung quá dài.")))
                value = None
            raw[column.key] = value
        data, field_errors = self._convert(raw)
        for key, messages in field_errors.items():
            for message in messages:
                errors.append(RowError(number, _header_of(key), message))
        # Every error of the row at once: the checks of the values taken together run
        # even when a cell could not be read, for the columns not reported yet.
        reported = {e.column for e in errors}
        merged = {k: data.get(k) for k in PERSON_FIELDS}
        for key, messages in person_field_errors(merged, today=self.today).items():
            if _header_of(key) in reported:
                continue
            for message in messages:
                errors.append(RowError(number, _header_of(key), message))
        errors.sort(key=lambda e: _COLUMN_ORDER[e.column])
        return data, errors

    def is_blank(self, cells) -> bool:
        """A row with nothing in the template's columns (a numbered STT alone, spaces,
        formatting) is no row: the template formats two thousand of them."""
        for column in COLUMNS:
            index = self.positions.get(column.key)
            if column.key == "stt" or index is None or index >= len(cells):
                continue
            value = getattr(cells[index], "value", None)
            if value is not None and (not isinstance(value, str) or value.strip()):
                return False
        return True

    def _convert(self, raw: dict) -> tuple[dict, dict[str, list[str]]]:
        errors: dict[str, list[str]] = {}
        data: dict = {}
        for column in COLUMNS:
            if column.required and (
                raw[column.key] is None or _text(raw[column.key]) == ""
            ):
                errors.setdefault(column.key, []).append(_("Thiếu giá trị bắt buộc."))
        cccd = raw["cccd"]
        if isinstance(cccd, int | float) and not isinstance(cccd, bool):
            text = _text(cccd)
            if len(text) == 11:
                errors.setdefault("cccd", []).append(
                    _("Số CCCD bị mất số 0 ở đầu; hãy định dạng cột là văn bản.")
                )
            data["cccd"] = text
        else:
            data["cccd"] = _text(cccd).replace(" ", "")
        data["full_name"] = _text(raw["full_name"])
        gender = fold(_text(raw["gender"]))
        if gender and gender not in _GENDERS:
            errors.setdefault("gender", []).append(
                _("Giới tính phải là “Nam” hoặc “Nữ”.")
            )
        data["gender"] = _GENDERS.get(gender, "")
        category = fold(_text(raw["category"]))
        if category and category not in _CATEGORIES:
            errors.setdefault("category", []).append(
                _(
                    "Đối tượng phải là: cán bộ, công chức, viên chức hoặc người lao động."
                )
            )
        data["category"] = _CATEGORIES.get(category, "")
        data["ethnicity"] = _text(raw["ethnicity"])
        data["position"] = _text(raw["position"])
        data["civil_rank"] = _text(raw["civil_rank"])
        direct = fold(_text(raw["is_direct_worker"]))
        if direct not in _YES | _NO:
            errors.setdefault("is_direct_worker", []).append(
                _("Chỉ nhận “Có” hoặc “Không”.")
            )
        data["is_direct_worker"] = direct in _YES
        education = fold(_text(raw["education_level"]))
        if education and education not in _EDUCATION:
            errors.setdefault("education_level", []).append(
                _("Chỉ nhận: sơ cấp, trung cấp, cao đẳng, đại học, trên đại học.")
            )
        data["education_level"] = _EDUCATION.get(education, "")
        for key in DATE_COLUMNS:
            messages: list[str] = []
            data[key] = _parse_date(raw[key], messages)
            if messages:
                errors.setdefault(key, []).extend(messages)
        code = _text(raw["unit_code"])
        if code and code not in self.unit_codes:
            errors.setdefault("unit_code", []).append(
                _("Mã đơn vị “%(code)s” không có trong cơ quan này.") % {"code": code}
            )
        data["unit"] = self.unit_codes.get(code)
        for key in _LATER_COLUMNS:
            if key not in self.positions:
                del data[key]
        return normalise_person_data(data), errors


def _locate_columns(header_cells) -> tuple[dict[str, int], list[RowError]]:
    by_header = {fold(c.header): c for c in COLUMNS}
    positions: dict[str, int] = {}
    for index, cell in enumerate(header_cells):
        column = by_header.get(fold(_text(getattr(cell, "value", None))))
        if column is not None and column.key not in positions:
            positions[column.key] = index
    errors = [
        RowError(
            HEADER_ROW, c.header, _("Thiếu cột bắt buộc “%(h)s”.") % {"h": c.header}
        )
        for c in COLUMNS
        if c.required and c.key not in positions
    ]
    return positions, errors


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def import_staff(
    path: Path,
    *,
    agency: Agency,
    actor=None,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Validate every row of ``path`` and, if all are valid, write them in one transaction.

    People are matched by CCCD: new ones are created with a membership in their
    unit, known ones in ``agency``'s subtree are updated (a changed unit is a
    transfer dated today), and CCCDs of people outside the subtree are refused.
    """
    result = ImportResult(dry_run=dry_run, sha256=_file_sha256(path))
    units = {a.code: a for a in Agency.objects.descendants(agency, include_self=True)}
    max_rows = settings.THIDUA_IMPORT_MAX_ROWS
    parsed: list[tuple[int, dict]] = []
    seen: dict[str, int] = {}
    try:
        rows = open_rows(path)
        parser = None
        for number, cells in rows:
            if number == HEADER_ROW:
                positions, header_errors = _locate_columns(cells)
                if header_errors:
                    result.errors.extend(header_errors)
                    return result
                parser = _RowParser(positions, units)
                continue
            if parser.is_blank(cells):
                continue
            result.rows += 1
            if result.rows > max_rows:
                result.rejected = _("Tệp có quá %(max)s dòng dữ liệu.") % {
                    "max": max_rows
                }
                return result
            data, errors = parser.parse(number, cells)
            cccd = data.get("cccd")
            if cccd and not any(e.column == _header_of("cccd") for e in errors):
                if cccd in seen:
                    errors.append(
                        RowError(
                            number,
                            _header_of("cccd"),
                            _("Số CCCD trùng với dòng %(row)s.") % {"row": seen[cccd]},
                        )
                    )
                else:
                    seen[cccd] = number
            result.errors.extend(errors)
            parsed.append((number, data))
            if progress and result.rows % 500 == 0:
                progress(result.rows)
        if parser is None:
            result.rejected = _("Tệp không có dữ liệu.")
            return result
    except WorkbookRejected as exc:
        result.rejected = str(exc)
        return result
    if result.rows == 0:
        result.rejected = _("Tệp không có dòng dữ liệu nào.")
        return result
    existing = _existing_by_cccd(list(seen))
    unit_ids = {a.pk for a in units.values()}
    for number, data in parsed:
        person = existing.get(data.get("cccd"))
        if person is not None and person.unit_id not in unit_ids:
            result.errors.append(
                RowError(
                    number,
                    _header_of("cccd"),
                    _("Số CCCD này thuộc cán bộ của cơ quan khác."),
                )
            )
    if result.errors:
        result.errors.sort(key=lambda e: e.row)
        return result
    _apply(parsed, existing, result, actor=actor, agency=agency, dry_run=dry_run)
    if result.created and not dry_run:
        # Many new people at once: the planner's statistics (common/planner.py).
        transaction.on_commit(refresh_statistics, robust=True)
    if progress:
        progress(result.rows)
    return result


def _existing_by_cccd(cccds: list[str]) -> dict[str, Person]:
    found: dict[str, Person] = {}
    for start in range(0, len(cccds), 900):
        chunk = cccds[start : start + 900]
        found.update({p.cccd: p for p in Person.objects.filter(cccd__in=chunk)})
    return found


class _DryRun(Exception):
    pass


def _apply(
    parsed, existing, result: ImportResult, *, actor, agency: Agency, dry_run: bool
):
    today = timezone.localdate()
    try:
        with transaction.atomic():
            new_people: list[Person] = []
            changed: list[tuple[Person, dict]] = []
            transfers: list[tuple[Person, Agency, int | None]] = []
            for _number, data in parsed:
                unit = data.pop("unit")
                person = existing.get(data["cccd"])
                if person is None:
                    fields = {k: data[k] for k in PERSON_FIELDS if k in data}
                    person = Person(**fields, unit=unit)
                    derive_person_fields(person)
                    new_people.append(person)
                    continue
                before = snapshot(person, PERSON_FIELDS)
                for name in PERSON_FIELDS:
                    if name in data:
                        setattr(person, name, data[name])
                after = snapshot(person, PERSON_FIELDS)
                changes = {
                    k: [before[k], after[k]] for k in after if before[k] != after[k]
                }
                if person.unit_id != unit.pk:
                    transfers.append((person, unit, person.unit_id))
                    changes["unit"] = [person.unit_id, unit.pk]
                    person.unit = unit
                if changes:
                    derive_person_fields(person)
                    person.version += 1
                    changed.append((person, changes))
                else:
                    result.unchanged += 1
            Person.objects.bulk_create(new_people, batch_size=500)
            Membership.objects.bulk_create(
                [
                    Membership(
                        person=p,
                        unit_id=p.unit_id,
                        start_date=p.recruited_on or today,
                        position=p.position,
                    )
                    for p in new_people
                ],
                batch_size=500,
            )
            if changed:
                Person.objects.bulk_update(
                    [p for p, _c in changed],
                    [*PERSON_FIELDS, "unit", "search_text", "sort_key", "version"],
                    batch_size=500,
                )
            for person, unit, _old in transfers:
                Membership.objects.filter(person=person, end_date__isnull=True).update(
                    end_date=today - datetime.timedelta(days=1)
                )
                Membership.objects.create(
                    person=person, unit=unit, start_date=today, position=person.position
                )
            entries = [
                (p, "people.import_create", p.unit_id, {"file_sha256": result.sha256})
                for p in new_people
            ] + [
                (
                    p,
                    "people.import_update",
                    p.unit_id,
                    {"file_sha256": result.sha256, "changes": changes},
                )
                for p, changes in changed
            ]
            log_actions_bulk(entries, actor=actor)
            result.created, result.updated = len(new_people), len(changed)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
