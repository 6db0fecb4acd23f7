"""common.excel: every value an Excel writer holds becomes one openpyxl accepts."""

import datetime
import io
import zoneinfo
from decimal import Decimal

import openpyxl
from django.utils.translation import gettext_lazy

from thidua.common.excel import cell, row
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
