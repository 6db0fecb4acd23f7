"""The agency dashboard: figures from the register, the seed's priority share, scope,
Excel equal to the figures cell by cell, constant queries."""

import datetime
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_person
from thidua.awards.services.annulment import annul_award
from thidua.awards.services.register import record_award
from thidua.site.selectors import dashboard_charts

pytestmark = pytest.mark.django_db
YEARS = range(2023, 2026)


def give(code, year, **subject):
    return record_award(
        code=code,
        year=year,
        decision_number=f"{year}/QĐ-SKHĐT",
        decision_date=datetime.date(year + 1, 1, 10),
        decided_by="Giám đốc Sở",
        **subject,
    )


@pytest.fixture
def register(org):
    direct = org.people["dkkd_staff"]
    direct.is_direct_worker = True
    direct.save()
    give("LDTT", 2024, person=direct)
    give("LDTT", 2024, person=org.people["vp_staff"])
    give("CSTDCS", 2024, person=org.people["head"])
    give("TTLDTT", 2024, agency=org.dkkd)  # small collective
    give("TTLDTT", 2024, agency=org.vp)
    gone = give("LDTT", 2025, person=org.people["vp_staff"])
    annul_award(
        gone,
        reason="Sai",
        annulment_decision="9/QĐ",
        annulled_on=datetime.date(2026, 2, 1),
    )
    give("LDTT", 2024, person=org.people["other_staff"])  # another agency


def charts(user, org):
    return {c.key: c for c in dashboard_charts(user, org.skhdt, YEARS)}


def test_figures_and_the_priority_share(register, org, users):
    result = charts(users["officer"], org)
    by_year = result["awards_by_year"]
    row_2024 = dict(zip(by_year.columns, by_year.rows[1], strict=True))
    assert row_2024["LĐTT"] == 2 and row_2024["CSTĐCS"] == 1 and row_2024["TTLĐTT"] == 2
    assert by_year.rows[2][1:] == [0] * (
        len(by_year.columns) - 1
    )  # 2025: annulled only
    priority = dict(
        zip(result["priority"].columns, result["priority"].rows[1], strict=True)
    )
    assert priority["Khen thưởng cá nhân"] == 3
    assert priority["Trong đó trực tiếp lao động, công tác"] == 1
    assert priority["Tỷ lệ cá nhân trực tiếp (%)"] == 33.3
    assert priority["Tỷ lệ tập thể nhỏ (%)"] == 50.0
    units = dict(result["awards_by_unit"].rows)
    assert units == {"Văn phòng Sở": 2, "Phòng Đăng ký kinh doanh": 3}


def test_scope_and_pages(register, org, users, client_for):
    other = {
        c.key: c for c in dashboard_charts(users["other_officer"], org.other, YEARS)
    }
    assert sum(sum(r[1:]) for r in other["awards_by_year"].rows) == 1
    client = client_for("officer")
    url = reverse("dashboard-charts")
    page = client.get(url, {"tu": 2023, "den": 2025})
    assert (
        page.status_code == 200
        and 'data-testid="chart-priority"' in page.content.decode()
    )
    assert 'id="chart-data-priority"' in page.content.decode()
    assert client.get(url, {"co_quan": org.other.pk}).status_code == 404  # not its own
    assert client.get(url, {"tu": 2025, "den": 2000}).status_code == 404
    assert client_for("staff").get(url).status_code == 404
    assert url in client_for("officer").get(reverse("dashboard")).content.decode()


def test_excel_equals_the_figures_cell_by_cell(register, org, users, client_for):
    response = client_for("officer").get(
        reverse("dashboard-charts"), {"tu": 2023, "den": 2025, "excel": "tat-ca"}
    )
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    for chart in charts(users["officer"], org).values():
        sheet = book[chart.key]
        assert sheet["A1"].value == chart.title
        assert [c.value for c in sheet[2]] == chart.columns
        for r, row in enumerate(chart.rows, start=3):
            assert [c.value for c in sheet[r]] == row
        assert sheet.max_row == 2 + len(chart.rows)
    one = client_for("officer").get(
        reverse("dashboard-charts"), {"tu": 2023, "den": 2025, "excel": "priority"}
    )
    assert openpyxl.load_workbook(io.BytesIO(one.content)).sheetnames == ["priority"]


def test_queries_do_not_grow_with_the_register(org, users):
    def count():
        with CaptureQueriesContext(connection) as queries:
            dashboard_charts(users["officer"], org.skhdt, YEARS)
        return len(queries)

    give("LDTT", 2024, person=org.people["dkkd_staff"])
    count()  # the account's scopes are read once and kept on the user
    small = count()
    for i in range(15):
        give("LDTT", 2023 + i % 3, person=make_person(org.dkkd, f"Lò Văn Số {i}"))
    assert count() == small


def test_one_movement_s_figures(register, org, users, client_for):
    """With ?phong_trao=, only what the movement brought: the nominations of its rounds
    and the awards its rounds' decisions wrote."""
    from thidua.documents.services.render import render_issued_document
    from thidua.movements.models import Movement
    from thidua.nominations.services.nomination import open_round

    from ..decisions.factories import issued_decision
    from ..decisions.test_decisions import decided

    movement = Movement.objects.create(
        name="Phong trào chuyển đổi số",
        kind="chuyen_de",
        year=2025,
        launcher=org.skhdt,
        scope_agency=org.skhdt,
    )
    org.skhdt.place_name = "Lạng Sơn"
    org.skhdt.save()
    round_ = open_round(
        agency=org.skhdt,
        name="Tổng kết chuyển đổi số",
        kind="tong_ket_phong_trao",
        year=2025,
        movement=movement,
        submission_deadline=datetime.date(2099, 1, 1),
    )
    nomination = decided(round_, org, "dkkd_staff", "GIAY_KHEN", users)
    decision = issued_decision(
        round_,
        [nomination],
        issued_on=datetime.date(2026, 1, 15),
        signer_title="Giám đốc",
        signer_name="Vũ Hoàng Quý",
    )
    render_issued_document(decision.issued_document.pk)
    years = range(2024, 2026)
    only = {
        c.key: c for c in dashboard_charts(users["officer"], org.skhdt, years, movement)
    }
    counted = sum(sum(r[1:]) for r in only["awards_by_year"].rows)
    assert counted == 1  # the Giấy khen, not the five awards of the register fixture
    assert dict(only["nominations"].rows) == {"Đã khen thưởng": 1}
    assert [r[0] for r in only["movements"].rows] == ["Phong trào chuyển đổi số"]
    client = client_for("officer")
    page = client.get(
        reverse("dashboard-charts"),
        {"tu": 2024, "den": 2025, "phong_trao": movement.pk},
    )
    assert 'data-testid="dashboard-movement"' in page.content.decode()
    assert (
        client.get(reverse("dashboard-charts"), {"phong_trao": 999999}).status_code
        == 404
    )


def test_excel_of_nominations_by_state_writes_the_state_names(org, client_for):
    """The state names are lazy translations, which openpyxl refused ("Cannot convert
    'Nháp' to Excel"): the whole download and this sheet were a 500 on any agency with a
    nomination."""
    from thidua.nominations.services.nomination import create_nomination, open_round

    round_ = open_round(
        agency=org.skhdt,
        name="Xét khen thưởng 2025",
        kind="hang_nam",
        year=2025,
        submission_deadline=datetime.date(2099, 12, 31),
    )
    create_nomination(
        round_, proposing_unit=org.dkkd, person=org.people["dkkd_staff"], code="LDTT"
    )
    client = client_for("officer")
    for wanted in ("tat-ca", "nominations"):
        response = client.get(reverse("dashboard-charts"), {"excel": wanted})
        assert response.status_code == 200
        sheet = openpyxl.load_workbook(io.BytesIO(response.content))["nominations"]
        assert [c.value for c in sheet[3]] == ["Nháp", 1]


def test_a_year_not_over_is_marked(register, org, users, client_for):
    """The current year's awards are decided until the next spring: the charts mark it
    (label, pale bar, dashed line, a note) rather than show a fall to 0."""
    this = timezone.localdate().year
    years = range(this - 2, this + 1)
    result = {c.key: c for c in dashboard_charts(users["officer"], org.skhdt, years)}
    assert result["awards_by_year"].unfinished == [this]
    assert result["priority"].payload["unfinished"] == [this]
    assert result["awards_by_unit"].unfinished == []
    assert charts(users["officer"], org)["priority"].unfinished == []  # 2023–2025
    page = client_for("officer").get(
        reverse("dashboard-charts"), {"tu": this - 2, "den": this}
    )
    body = page.content.decode()
    assert f"Năm {this} chưa kết thúc" in body
    assert 'data-testid="unfinished-awards_by_year"' in body
    assert "chưa hết năm</span>" in body
