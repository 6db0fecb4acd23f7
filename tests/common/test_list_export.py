"""Every list's "Xuất Excel" (issue #17, point 2; common/list_export.py): the page's
own rows — its permission, scope and filters —, Vietnamese headers, dates as dates,
numbers as numbers, streamed, in a number of queries that does not grow with it."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import make_person
from thidua.common.list_export import Column, ListExportMixin, export_url
from thidua.nominations.services.nomination import create_nomination, open_round

pytestmark = pytest.mark.django_db


def _sheet(response):
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert "attachment" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return [list(row) for row in book.active.iter_rows(values_only=True)]


def _round(org, agency=None, year=2025):
    return open_round(
        agency=agency or org.skhdt,
        name=f"Xét {year}",
        kind="hang_nam",
        year=year,
        submission_deadline=datetime.date(2099, 1, 1),
    )


def test_the_round_list_exports_the_rows_the_user_sees(client_for, org):
    round_ = _round(org)
    create_nomination(
        round_, proposing_unit=org.dkkd, person=org.people["dkkd_staff"], code="LDTT"
    )
    create_nomination(
        round_, proposing_unit=org.vp, person=org.people["vp_staff"], code="LDTT"
    )
    officer = client_for("officer")
    page = officer.get(round_.get_absolute_url())
    assert 'data-testid="export-xlsx"' in page.content.decode()
    rows = _sheet(officer.get(round_.get_absolute_url(), {"xuat": "xlsx"}))
    assert rows[0][:3] == ["Đơn vị đề nghị", "Đối tượng", "Danh hiệu, hình thức"]
    assert len(rows) == 3
    assert rows[1][4] == 2025 and isinstance(rows[1][4], int)
    # Phòng ĐKKD's head sees his unit's dossier only, and exports only it.
    head_rows = _sheet(
        client_for("unit_head").get(round_.get_absolute_url(), {"xuat": "xlsx"})
    )
    assert [r[1] for r in head_rows[1:]] == [str(org.people["dkkd_staff"])]
    # Another office: the round is hidden, and so is its workbook.
    other = client_for("other_officer")
    assert other.get(round_.get_absolute_url(), {"xuat": "xlsx"}).status_code == 404


def test_the_export_costs_the_same_queries_for_more_rows(client_for, org):
    round_ = _round(org, year=2023)
    client = client_for("officer")
    counts = []
    for size in (2, 10):
        while round_.nominations.count() < size:
            person = make_person(org.dkkd, f"Đỗ Văn Số {round_.nominations.count()}")
            create_nomination(
                round_, proposing_unit=org.dkkd, person=person, code="LDTT"
            )
        with CaptureQueriesContext(connection) as queries:
            _sheet(client.get(round_.get_absolute_url(), {"xuat": "xlsx"}))
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_people_export_keeps_the_filters_and_dates(client_for, org):
    people = org.people["dkkd_staff"]
    people.birth_date = datetime.date(1990, 3, 4)
    people.save()
    officer = client_for("officer")
    url = reverse("organizations:person-list")
    page = officer.get(url, {"unit": org.dkkd.pk})
    assert "xuat=xlsx" in page.content.decode()
    rows = _sheet(officer.get(url, {"unit": org.dkkd.pk, "xuat": "xlsx", "page": 9}))
    assert rows[0][:2] == ["Họ và tên", "Ngày sinh"]
    names = [r[0] for r in rows[1:]]
    assert people.full_name in names
    assert org.people["vp_staff"].full_name not in names
    born = next(r for r in rows if r[0] == people.full_name)[1]
    assert born.date() == datetime.date(1990, 3, 4)


@pytest.mark.parametrize(
    ("name", "role", "header"),
    [
        ("movements:movement-list", "officer", "Phong trào"),
        ("submissions:list", "officer", "Số tờ trình"),
        ("documents:register", "officer", "Số, ký hiệu"),
    ],
)
def test_other_lists_export(client_for, org, name, role, header):
    rows = _sheet(client_for(role).get(reverse(name), {"xuat": "xlsx"}))
    assert rows[0][0] == header


def test_export_url_keeps_the_page_filters(rf):
    request = rf.get("/ca-nhan/", {"q": "An", "xuat": "pdf"})
    assert export_url(request) == "/ca-nhan/?q=An&xuat=xlsx"
    with pytest.raises(NotImplementedError):
        ListExportMixin().export_rows({})
    assert Column("A", str).number_format == ""
