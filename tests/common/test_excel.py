"""common.excel: every value an Excel writer holds becomes one openpyxl accepts."""

import datetime
import io
import zoneinfo
from decimal import Decimal

import openpyxl
from django.utils.translation import gettext_lazy

from thidua.common.excel import cell, number_format, row, show_number
from thidua.nominations.enums import NominationState

HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def test_values_become_plain_ones():
    assert cell(gettext_lazy("Nháp")) == "Nháp" and type(cell(gettext_lazy("x"))) is str
    assert cell(NominationState.DRAFT) == "Nháp"  # a choice: its label
    assert cell("=SUM(A1)") == "'=SUM(A1)" and cell("-1") == "'-1"  # formula injection
    assert cell("Nguyễn\x01 Văn\x0b A") == "Nguyễn Văn A"  # control characters
    aware = datetime.datetime(2025, 3, 1, 8, 30, tzinfo=HANOI)
    assert cell(aware).tzinfo is None
    for plain in (None, 3, 2.5, Decimal("1.5"), True, datetime.date(2025, 1, 1)):
        assert cell(plain) == plain
    assert cell(cell("=x")) == cell("=x")  # twice is once


def test_a_row_of_them_saves():
    book = openpyxl.Workbook()
    aware = datetime.datetime(2025, 3, 1, 8, 30, tzinfo=HANOI)
    values = [gettext_lazy("Nháp"), NominationState.DRAFT, "a\x00b", aware, 1, None]
    book.active.append(row(values))
    out = io.BytesIO()
    book.save(out)
    sheet = openpyxl.load_workbook(out).active
    assert [c.value for c in sheet[1]][:3] == ["Nháp", "Nháp", "ab"]


def test_numbers_stay_numbers_with_a_vietnamese_display():
    book = openpyxl.Workbook()
    book.active.append(row([1234567, Decimal("93.5"), 100.0, True, "1.234", None]))
    for target in book.active[1]:
        show_number(target)
    out = io.BytesIO()
    book.save(out)
    cells = openpyxl.load_workbook(out).active[1]
    assert [c.value for c in cells[:3]] == [1234567, 93.5, 100]  # numbers, not text
    # Excel shows the codes with the reader's separators: 1.234.567 and 93,5.
    assert [c.number_format for c in cells] == [
        "#,##0",
        "#,##0.0#",
        "#,##0",
        "General",  # a boolean and text keep theirs (the empty cell is not saved)
        "General",
    ]
    assert number_format("x") is None and number_format(2.25) == "#,##0.0#"
