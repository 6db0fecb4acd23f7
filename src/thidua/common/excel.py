"""What thidua writes into a workbook cell, whatever the caller holds: every Excel writer
passes each value through :func:`cell` (or a whole row through :func:`row`).

openpyxl takes only plain values and raises on the rest ("Cannot convert 'Nháp' to
Excel" for a lazy translation, an error for a time-zone-aware datetime or a control
character), so a label or a name entered with a stray control character would make the
download a server error. Text that a spreadsheet would run as a formula gets a leading
apostrophe (formula injection)."""

import datetime
import enum
import re
from decimal import Decimal

from django.utils import timezone

__all__ = [
    "DATE_FORMAT",
    "cell",
    "number_format",
    "row",
    "show_number",
    "with_guide",
]

# Excel's format codes write "," for the grouping and "." for the decimal point and
# show them in the reader's locale: Excel set to Vietnamese shows 1.234.567 and 93,5.
# A whole number takes no decimal part ("100", not "100,"), a fraction up to two.
WHOLE_FORMAT = "#,##0"
FRACTION_FORMAT = "#,##0.0#"
DATE_FORMAT = "DD/MM/YYYY"

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# The characters the XML of a workbook cannot hold (openpyxl's ILLEGAL_CHARACTERS_RE).
_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")


def cell(value):
    """``value`` as openpyxl writes it: numbers, dates and None as they are; a choice
    (enum member) as its label; text (lazy translations too) as a plain str without
    control characters, formula-safe; a time-zone-aware datetime in local time; any
    other object as its text."""
    if isinstance(value, enum.Enum):
        value = getattr(value, "label", value.value)
    if value is None or isinstance(value, bool | int | float | Decimal):
        return value
    if isinstance(value, datetime.datetime):
        return timezone.make_naive(value) if timezone.is_aware(value) else value
    if isinstance(value, datetime.date | datetime.time):
        return value
    text = _ILLEGAL.sub("", str(value))  # a lazy string, a str subclass, an object
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def number_format(value) -> str | None:
    """The format code a number's cell takes (None for anything else): the cell keeps
    the number, so sums and charts work, and shows it with separators."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return None
    return WHOLE_FORMAT if value == int(value) else FRACTION_FORMAT


def show_number(target) -> None:
    """Give an openpyxl cell holding a number its :func:`number_format`."""
    code = number_format(target.value)
    if code is not None:
        target.number_format = code


def row(values) -> list:
    """Each value of a row through :func:`cell`, for ``sheet.append``."""
    return [cell(value) for value in values]


def with_guide(workbook, lines: list, *, bold) -> bytes:
    """The template ``workbook`` with its "Hướng dẫn" sheet — one line a row, the first
    (its title) in ``bold`` — as the bytes of an .xlsx (the import templates)."""
    from io import BytesIO  # noqa: PLC0415 (only the template downloads need it)

    from openpyxl.styles import Font  # noqa: PLC0415 (heavy: loaded when a workbook is written)

    guide = workbook.create_sheet("Hướng dẫn")
    for number, line in enumerate(lines, start=1):
        guide.cell(row=number, column=1, value=cell(line)).font = (
            bold if number == 1 else Font()
        )
    guide.column_dimensions["A"].width = 100
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
