"""The history pages read every audit entry in Vietnamese: the entries each app's real
services write (the access world's), and every way a value is shown."""

import re
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from thidua.common.history import Table, history_rows
from thidua.common.history_fields import (
    DataField,
    data_field,
    register_action_model,
    register_data_fields,
)
from thidua.common.models import ActivityLog
from thidua.common.services.audit import log_action
from thidua.eligibility.regimes import REGIMES
from thidua.organizations.models import Person

from ..access_world import build_world
from ..factories import make_org
from ..test_access_matrix import _pdf

# An English key left as its label: lower case ASCII words joined by "_".
RAW_KEY = re.compile(r"^[a-z]+(_[a-z]+)*$")


def _texts(value):
    if isinstance(value, Table):
        yield from value.headers
        for row in value.rows:
            yield from row
    else:
        yield value


@pytest.mark.django_db
def test_every_entry_of_the_real_services_reads_in_vietnamese():
    with (
        mock.patch("thidua.documents.rendering.docx_to_pdf", _pdf),
        mock.patch("thidua.documents.rendering.pdf.docx_to_pdf", _pdf),
    ):
        build_world()
    entries = list(ActivityLog.objects.select_related("content_type").order_by("seq"))
    assert len(entries) > 200
    with CaptureQueriesContext(connection) as all_of_them:
        rows = history_rows(entries)
    with CaptureQueriesContext(connection) as a_few:
        history_rows(entries[:20])
    # Names are fetched per model, not per entry.
    assert len(all_of_them.captured_queries) < 40
    assert len(a_few.captured_queries) <= len(all_of_them.captured_queries)
    shown = set()
    for row in rows:
        assert row.action != row.entry.action, row.entry.action
        labels = [label for label, *_values in row.changes + row.details]
        for label in labels:
            assert label and not RAW_KEY.match(label), (row.entry.action, label)
        values = [v for _label, *pair in row.changes + row.details for v in pair]
        for value in values:
            for text in _texts(value):
                assert isinstance(text, str)
                assert "{'" not in text and "[{" not in text and "['" not in text
                assert "None" not in text and "True" not in text, text
                shown.add(text)
    # State codes as their labels, dates as dd/mm/yyyy, ids as names.
    assert "Đã ban hành" in shown
    assert "nhap" not in shown and "da_ban_hanh" not in shown
    assert "05/02/2026" in shown
    assert "Chủ tịch" in shown  # a council member's role
    assert "Quản trị hệ thống" in shown  # an account's role


@pytest.mark.django_db
def test_values_of_every_shape():
    org = make_org()
    person = Person.objects.filter(unit__isnull=False).first()
    register_data_fields(
        {
            "test_people": DataField("Những người", model="organizations.Person"),
            "test_choice": DataField("Lựa chọn", choices={"a": "Một"}),
            "test_hidden": DataField("Ẩn", hidden=True),
            "test_items": DataField("Danh sách", items=Person),
            "test_items_of": DataField("Danh sách theo", items=lambda data: Person),
        },
        actions=("people.update",),
    )
    register_action_model("organizations.Person", actions=("people.transfer",))
    log_action(
        person,
        "people.update",
        changes={"unit": [person.unit_id, None], "birth_date": ["1990-01-31", None]},
        data={
            "test_people": [person.pk, 999999],
            "test_choice": "a",
            "test_hidden": 1,
            "test_items": [{"full_name": "A", "gender": "nu", "unit": person.unit_id}],
            "test_items_of": [],
            "start_date": "2026-13-40",
            "end_date": "2026-12-08T09:30:00+07:00",
            "year": 2026,
            "dry_run": False,
            "rows": [["a", 1], ["b", 2]],
            "kind": {"yes": 1, "42": True},
            "username": "9999-99-99T99:99",
            "regime": "nd152_2025",
        },
    )
    log_action(person, "people.transfer", data={"gender": "nam", "unknown_key": "x"})
    merge, update = history_rows(
        ActivityLog.objects.filter(action__in=["people.update", "people.transfer"])
    )
    changes = {label: (old, new) for label, old, new in update.changes}
    assert changes["Đơn vị hiện tại"] == (str(person.unit), "–")
    assert changes["Ngày sinh"] == ("31/01/1990", "–")
    details = dict(update.details)
    assert "Ẩn" not in details
    assert details["Những người"] == f"{person}; 999999"
    assert details["Lựa chọn"] == "Một"
    table = details["Danh sách"]
    assert table.headers == ["Họ và tên", "Giới tính", "Đơn vị hiện tại"]
    assert table.rows == [["A", "Nữ", str(person.unit)]]
    assert details["Danh sách theo"] == "–"
    assert details["Từ ngày"] == "2026-13-40"  # not a day: as written
    assert details["Đến ngày"] == "08/12/2026 09:30"
    assert details["Năm"] == "2026"
    assert details["Chỉ kiểm tra"] == "Không"
    assert details["Số dòng"] == "a – 1; b – 2"
    assert details["Loại"] == "Đồng ý: 1; #42: Có"
    assert details["Tên đăng nhập"] == "9999-99-99T99:99"
    assert details["Chế độ pháp lý"] == REGIMES["nd152_2025"].label
    assert dict(merge.details) == {"Giới tính": "Nam", "unknown_key": "x"}
    assert org  # the organisation the person belongs to


def test_a_key_declared_twice_differently_is_refused():
    register_data_fields({"test_twice": "Một"})
    register_data_fields({"test_twice": "Một"})  # the same again: harmless
    with pytest.raises(ValueError, match="declared twice"):
        register_data_fields({"test_twice": "Hai"})
    register_action_model("organizations.Person", actions=("test.twice",))
    with pytest.raises(ValueError, match="declared twice"):
        register_action_model("organizations.Agency", actions=("test.twice",))
    assert data_field("any.action", "test_twice").label == "Một"
    assert data_field("any.action", "test_never") is None
