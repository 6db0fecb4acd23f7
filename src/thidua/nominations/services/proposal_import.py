"""A unit's proposal list from the .xlsx template (nominations/proposal_template.py):
every filled row read and checked, every error of every row named ("Dòng 7, cột Danh
hiệu/hình thức đề nghị: …"), nothing proposed unless all rows are right.

The file goes through the staff import's guards first (organizations/imports/
workbook.py: size, zip bombs, macros, XML entities); a cell holding a formula is
refused. People are found in the unit's tree by CCCD, else by name and birth date; a
row with a unit and no name proposes that unit (a collective)."""

import datetime
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from thidua.common.text import fold, nfc
from thidua.eligibility.catalog import NAMES
from thidua.organizations.imports.workbook import WorkbookRejected, open_rows
from thidua.organizations.models import Agency, Person

from ..models import NominationRound
from .bulk import Proposal, proposal_problems

__all__ = ["COLUMNS", "MAX_ROWS", "ParsedList", "read_proposals"]

# header, key, required
COLUMNS = [
    ("STT", "stt", False),
    ("Họ và tên", "name", False),
    ("Ngày sinh", "birth_date", False),
    ("Số CCCD", "cccd", False),
    ("Đơn vị", "unit", False),
    ("Danh hiệu/hình thức đề nghị", "code", True),
    ("Thành tích tóm tắt", "summary", False),
]
HEADERS = {key: header for header, key, _required in COLUMNS}
# A unit's list is a few hundred names; more is not a proposal list.
MAX_ROWS = 2000
_CODES = {fold(name): code for code, name in NAMES.items()} | {
    fold(code): code for code in NAMES
}


@dataclass
class ParsedList:
    rows: int = 0
    proposals: list[Proposal] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.proposals)


def _text(value) -> str:
    return "" if value is None else nfc(str(value))


def _date(value) -> datetime.date | None:
    """A date cell (openpyxl reads one as a datetime), or dd/mm/yyyy text; ``None``
    when unreadable."""
    if isinstance(value, datetime.datetime):
        return value.date()
    try:
        return datetime.datetime.strptime(_text(value), "%d/%m/%Y").date()  # noqa: DTZ007 (a date)
    except ValueError:
        return None


class _Reader:
    """Turns a row's cells into a proposal, or the row's errors, column by column."""

    def __init__(self, unit: Agency, positions: dict[str, int]):
        self.positions = positions
        tree = list(Agency.objects.descendants(unit, include_self=True))
        self.units = {fold(a.name): a for a in tree} | {
            fold(a.code): a for a in tree if a.code
        }
        self.people = Person.objects.filter(unit__in=tree)

    def values(self, cells) -> tuple[dict, list[tuple[str, str]]]:
        values, errors = {}, []
        for _header, key, _required in COLUMNS:
            index = self.positions.get(key)
            cell = cells[index] if index is not None and index < len(cells) else None
            value = getattr(cell, "value", None)
            if getattr(cell, "data_type", None) == "f" or (
                isinstance(value, str) and value.startswith("=")
            ):
                errors.append((key, _("ô chứa công thức; chỉ nhận giá trị.")))
                value = None
            values[key] = value
        return values, errors

    def is_blank(self, values: dict) -> bool:
        return all(_text(v) == "" for k, v in values.items() if k != "stt")

    def read(self, number: int, values: dict, errors: list) -> Proposal | None:
        code = _CODES.get(fold(_text(values["code"])))
        if not _text(values["code"]):
            errors.append(("code", _("thiếu danh hiệu, hình thức đề nghị.")))
        elif code is None:
            errors.append(
                (
                    "code",
                    _("“%(v)s” không có trong danh mục danh hiệu, hình thức.")
                    % {"v": _text(values["code"])},
                )
            )
        person, agency = self._subject(values, errors)
        if errors:
            return None
        return Proposal(
            label=_("Dòng %(n)s") % {"n": number},
            code=code,
            person=person,
            agency=agency,
            summary=_text(values["summary"]),
        )

    def _subject(self, values: dict, errors: list):
        name, cccd = _text(values["name"]), _text(values["cccd"]).replace(" ", "")
        if cccd:
            person = self.people.filter(cccd=cccd).first()
            if person is None:
                errors.append(
                    (
                        "cccd",
                        _("không có cán bộ số CCCD %(c)s trong đơn vị.") % {"c": cccd},
                    )
                )
            elif name and fold(name) != fold(person.full_name):
                errors.append(
                    (
                        "name",
                        _("“%(v)s” khác họ tên của số CCCD này (%(p)s).")
                        % {"v": name, "p": person.full_name},
                    )
                )
            return person, None
        if name:
            return self._by_name(name, values["birth_date"], errors), None
        unit = _text(values["unit"])
        if not unit:
            errors.append(
                ("name", _("thiếu họ và tên (hoặc số CCCD; tập thể: tên đơn vị)."))
            )
            return None, None
        agency = self.units.get(fold(unit))
        if agency is None:
            errors.append(
                (
                    "unit",
                    _("“%(v)s” không phải đơn vị thuộc đơn vị đề nghị.") % {"v": unit},
                )
            )
        return None, agency

    def _by_name(self, name: str, raw_birth, errors: list) -> Person | None:
        birth = _date(raw_birth)
        if birth is None:
            errors.append(
                (
                    "birth_date",
                    _("cần ngày sinh dạng dd/mm/yyyy (hoặc ghi số CCCD).")
                    if not _text(raw_birth)
                    else _("“%(v)s” không phải ngày hợp lệ dạng dd/mm/yyyy.")
                    % {"v": _text(raw_birth)},
                )
            )
            return None
        found = [
            p
            for p in self.people.filter(birth_date=birth)
            if fold(p.full_name) == fold(name)
        ]
        if len(found) == 1:
            return found[0]
        where = {"n": name, "d": birth.strftime("%d/%m/%Y"), "k": len(found)}
        message = (
            _("có %(k)s cán bộ %(n)s sinh ngày %(d)s; hãy ghi số CCCD.")
            if found
            else _("không có cán bộ %(n)s sinh ngày %(d)s trong đơn vị.")
        )
        errors.append(("name", message % where))
        return None


def _positions(header_cells) -> tuple[dict[str, int], list[str]]:
    by_header = {fold(header): key for header, key, _required in COLUMNS}
    positions: dict[str, int] = {}
    for index, cell in enumerate(header_cells):
        key = by_header.get(fold(_text(getattr(cell, "value", None))))
        if key is not None and key not in positions:
            positions[key] = index
    missing = [
        _("Dòng 1: thiếu cột bắt buộc “%(h)s”.") % {"h": header}
        for header, key, required in COLUMNS
        if required and key not in positions
    ]
    return positions, missing


def _read(path: Path, round_: NominationRound, unit: Agency) -> ParsedList:
    parsed, reader = ParsedList(), None
    for number, cells in open_rows(path):
        if reader is None:
            positions, missing = _positions(cells)
            if missing:
                parsed.errors = missing
                return parsed
            reader = _Reader(unit, positions)
            continue
        values, errors = reader.values(cells)
        if reader.is_blank(values):
            continue
        parsed.rows += 1
        if parsed.rows > MAX_ROWS:
            parsed.errors = [_("Tệp có quá %(max)s dòng đề nghị.") % {"max": MAX_ROWS}]
            return parsed
        proposal = reader.read(number, values, errors)
        parsed.errors += [
            _("Dòng %(n)s, cột %(c)s: %(m)s")
            % {"n": number, "c": HEADERS[key], "m": message}
            for key, message in errors
        ]
        if proposal is not None:
            parsed.proposals.append(proposal)
    if parsed.rows == 0:
        parsed.errors.append(_("Tệp chưa có dòng đề nghị nào."))
    return parsed


def read_proposals(upload, round_: NominationRound, unit: Agency) -> ParsedList:
    """The uploaded list read and checked, nothing written: the rows' errors (reading
    and the bulk service's refusals: wrong kind, listed twice, already proposed), or
    the proposals ready for ``services.bulk.create_nominations``."""
    with tempfile.NamedTemporaryFile(suffix=".xlsx") as stored:
        for chunk in upload.chunks():
            stored.write(chunk)
        stored.flush()
        try:
            parsed = _read(Path(stored.name), round_, unit)
        except WorkbookRejected as exc:
            return ParsedList(errors=[str(exc)])
    if not parsed.errors:
        parsed.errors = proposal_problems(round_, unit, parsed.proposals)
    return parsed
