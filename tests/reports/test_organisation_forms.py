"""Forms 0601 (movements), 0604 (TĐKT organisations), 0605 (TĐKT staff) of TT 02/2023."""

import datetime
import io

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from thidua.common.report_sources import report_sources
from thidua.documents.services.numbering import issue_document
from thidua.movements.models import Movement
from thidua.movements.reporting import duration_band
from thidua.organizations.models import Cluster
from thidua.organizations.reporting import age_band, seniority_band, years_between
from thidua.organizations.services.structure import update_agency
from thidua.reports.definitions import REGIMES
from thidua.reports.exports import DATA_FIRST_ROW
from thidua.reports.selectors import compute_report, reporting_period

from .helpers import D

pytestmark = pytest.mark.django_db
TT02 = REGIMES["tt02_2023"]


def report(agency, year=2025):
    start, end = reporting_period(year)
    return compute_report(agency, start, end, TT02)


def figures(rep, slug):
    return next(f for f in rep.figures if f.form.slug == slug)


def movement(
    launcher,
    *,
    issued_on=None,
    kind="chuyen_de",
    year=2025,
    starts=None,
    ends=None,
    scope=None,
    cluster=None,
):
    m = Movement.objects.create(
        name=f"Phong trào {Movement.objects.count() + 1}",
        kind=kind,
        year=year,
        launcher=launcher,
        scope_agency=scope,
        scope_cluster=cluster,
        starts_on=starts,
        ends_on=ends,
    )
    if issued_on:
        with transaction.atomic():
            m.issued_document = issue_document(
                type_code="KH",
                agency=launcher,
                issued_on=issued_on,
                summary=m.name,
                signer_title="Giám đốc",
                signer_name="Vũ Hoàng Quý",
            )
        # Issued outside the services: as a movement issued before the head's
        # approval step existed.
        m.state, m.legacy = "da_ban_hanh", True
        m.save(update_fields=["issued_document", "state", "legacy"])
    return m


def movements(org):
    cluster = Cluster.objects.get()
    for agency, abbreviation in ((org.other, "STC"), (org.dkkd, "ĐKKD")):
        update_agency(
            agency, expected_version=agency.version, abbreviation=abbreviation
        )
        agency.refresh_from_db()
    # 1 province, annual regular movement launched in February: one year
    movement(
        org.province,
        issued_on=D(2025, 2, 10),
        kind="thuong_xuyen",
        starts=D(2025, 2, 15),
        ends=D(2025, 12, 31),
    )
    # 2 province, cluster movement over two years
    movement(
        org.province,
        issued_on=D(2025, 2, 20),
        cluster=cluster,
        starts=D(2025, 3, 1),
        ends=D(2027, 2, 28),
    )
    # 3 Sở, six months
    movement(
        org.skhdt,
        issued_on=D(2025, 3, 20),
        scope=org.skhdt,
        starts=D(2025, 4, 1),
        ends=D(2025, 9, 30),
    )
    # 4 Sở, 2021–2025, launched before the period
    movement(
        org.skhdt,
        issued_on=D(2020, 12, 20),
        year=2021,
        starts=D(2021, 1, 1),
        ends=D(2025, 12, 31),
    )
    # 5 draft: never counted
    movement(org.skhdt, starts=D(2025, 1, 1), ends=D(2025, 12, 31))
    # 6 the other Sở, dates not recorded
    movement(org.other, issued_on=D(2025, 6, 1))
    # 7 a unit, five years
    movement(
        org.dkkd,
        issued_on=D(2025, 1, 5),
        scope=org.dkkd,
        starts=D(2025, 1, 1),
        ends=D(2029, 12, 31),
    )


def test_duration_bands():
    assert duration_band("chuyen_de", 2025, D(2025, 1, 1), D(2025, 12, 31)) == "1_nam"
    assert duration_band("chuyen_de", 2025, D(2025, 2, 1), D(2025, 12, 31)) == "duoi_1"
    assert (
        duration_band("thuong_xuyen", 2025, D(2025, 2, 1), D(2025, 12, 31)) == "1_nam"
    )
    assert duration_band("thuong_xuyen", 2025, None, None) == "1_nam"
    assert duration_band("chuyen_de", 2025, None, D(2025, 12, 31)) is None
    assert duration_band("chuyen_de", 2025, D(2025, 1, 1), D(2026, 1, 1)) == "1_3"
    assert duration_band("chuyen_de", 2024, D(2024, 2, 29), D(2027, 2, 27)) == "1_3"
    assert duration_band("chuyen_de", 2024, D(2024, 2, 29), D(2027, 2, 28)) == "3_5"
    assert duration_band("chuyen_de", 2021, D(2021, 1, 1), D(2025, 12, 30)) == "3_5"
    assert duration_band("chuyen_de", 2021, D(2021, 1, 1), D(2025, 12, 31)) == "tu_5"
    # a regular movement running past its year is measured by its dates
    assert duration_band("thuong_xuyen", 2025, D(2025, 1, 1), D(2026, 6, 30)) == "1_3"


def test_age_and_seniority_bands():
    end = D(2025, 11, 30)
    assert years_between(D(1995, 11, 30), end) == 30
    assert years_between(D(1995, 12, 1), end) == 29
    assert [age_band(a) for a in (30, 31, 40, 41, 50, 51, 55, 56, 60, 61)] == [
        "den_30",
        "31_40",
        "31_40",
        "41_50",
        "41_50",
        "51_55",
        "51_55",
        "56_60",
        "56_60",
        "tren_60",
    ]
    assert [seniority_band(y) for y in (0, 4, 5, 9, 10, 30)] == [
        "duoi_5",
        "duoi_5",
        "5_10",
        "5_10",
        "tu_10",
        "tu_10",
    ]


def test_form_0601_counts_movements_by_launcher_scope_duration_and_method(org):
    movements(org)
    f = figures(report(org.province), "0601n")
    assert f.value("01", "total") == 5  # 1, 2, 3, 6, 7
    assert (
        f.value("01", "trung_uong"),
        f.value("01", "bo_tinh"),
        f.value("01", "co_quan"),
    ) == (0, 2, 3)
    assert [f.value(code, "total") for code in ("02", "03", "04", "05")] == [0, 1, 1, 3]
    assert f.value("04", "bo_tinh") == 1  # the cluster movement, launched by UBND
    # durations: 6 has no dates and is in no row
    assert [f.value(code, "total") for code in ("06", "07", "08", "09", "10")] == [
        1,
        1,
        1,
        0,
        1,
    ]
    assert (f.value("11", "total"), f.value("12", "total")) == (4, 1)
    skhdt = report(org.skhdt)
    assert figures(skhdt, "0601n").value("01", "total") == 2  # 3 and the unit's 7
    own = {part.agency.pk: part.figures for part in skhdt.parts}
    index = [fig.form.slug for fig in skhdt.figures].index("0601n")
    assert own[org.skhdt.pk][index].value("01", "total") == 1
    assert own[org.dkkd.pk][index].value("01", "total") == 1
    assert own[org.vp.pk][index].value("01", "total") == 0


def test_form_0601_settings(org, settings):
    movements(org)
    settings.THIDUA_REPORT_MOVEMENTS = "dien_ra"
    f = figures(report(org.province), "0601n")
    assert f.value("01", "total") == 6  # + 4, running in 2025 (launched in 2020)
    settings.THIDUA_REPORT_MOVEMENTS = "phat_dong"
    settings.THIDUA_REPORT_NATIONAL_AGENCIES = ["UBND-LS"]
    f = figures(report(org.province), "0601n")
    assert (f.value("01", "trung_uong"), f.value("02", "total")) == (2, 1)
    assert f.value("04", "trung_uong") == 1  # a cluster stays a cluster


def test_form_0604_counts_active_tdkt_organisations(org):
    update_agency(
        org.btdkt, expected_version=org.btdkt.version, tdkt_body="ban_thuoc_snv"
    )
    update_agency(
        org.other_unit,
        expected_version=org.other_unit.version,
        tdkt_body="phong_thuoc_snv",
        is_active=False,
    )
    f = figures(report(org.province), "0604n")
    assert [f.value(c, "total") for c in ("01", "02", "03", "04", "05")] == [
        1,
        0,
        0,
        1,
        0,
    ]
    assert figures(report(org.skhdt), "0604n").value("01", "total") == 0


def _staff(person, *, birth, since, education=""):
    person.birth_date, person.tdkt_since, person.education_level = (
        birth,
        since,
        education,
    )
    person.save(update_fields=["birth_date", "tdkt_since", "education_level"])


def test_form_0605_counts_tdkt_staff_at_the_end_of_the_period(org):
    p = org.people
    _staff(
        p["btdkt_staff"],
        birth=D(1968, 3, 1),
        since=D(2012, 3, 1),
        education="tren_dai_hoc",
    )  # 57, 13 years, woman
    _staff(
        p["officer"], birth=D(1995, 12, 1), since=D(2021, 1, 1), education="dai_hoc"
    )  # 29, 4 years, woman
    _staff(p["secretary"], birth=D(1980, 1, 1), since=D(2025, 12, 1))  # after the end
    _staff(p["other_staff"], birth=D(1985, 5, 17), since=D(2018, 6, 1))  # 40, 7 y, man
    f = figures(report(org.province), "0605n")
    assert (f.value("01", "total"), f.value("01", "nu")) == (3, 2)
    ages = [f.value(c, "total") for c in ("02", "03", "04", "05", "06", "07")]
    assert ages == [1, 1, 0, 0, 1, 0]
    schooling = [f.value(c, "total") for c in ("08", "09", "10", "11", "12")]
    assert schooling == [0, 0, 0, 1, 1]  # other_staff's level is not recorded
    assert [f.value(c, "total") for c in ("13", "14", "15")] == [1, 1, 1]
    assert f.value("15", "nu") == 1
    # the secretary counts in the next year's report
    assert figures(report(org.skhdt, 2026), "0605n").value("01", "total") == 2


def test_queries_do_not_grow_with_movements_and_staff(org):
    with CaptureQueriesContext(connection) as small:
        report(org.province)
    movements(org)
    _staff(org.people["officer"], birth=D(1990, 1, 1), since=D(2020, 1, 1))
    with CaptureQueriesContext(connection) as large:
        report(org.province)
    assert len(small) == len(large) == 1 + len(report_sources())


def test_page_and_excel_show_the_new_forms(client_for, org):
    movements(org)
    _staff(org.people["btdkt_staff"], birth=D(1968, 3, 1), since=D(2012, 3, 1))
    client = client_for("higher_officer")
    page = client.get(reverse("reports:report", args=[org.province.pk]), {"nam": 2025})
    html = page.content.decode()
    for slug in ("0601n", "0604n", "0605n"):
        assert f'data-testid="form-{slug}"' in html
    assert "theo ngày ban hành văn bản phát động" in html
    assert "Tại ngày 30/11/2025" in html
    response = client.get(
        reverse("reports:report-file", args=[org.province.pk, "xlsx"]), {"nam": 2025}
    )
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames[:3] == ["0601.N", "0602.N", "0603.N"]
    sheet = workbook["0601.N"]
    assert sheet["A4"].value == "SỐ PHONG TRÀO THI ĐUA"
    assert [c.value for c in sheet[DATA_FIRST_ROW]][:6] == ["Tổng số", "01", 5, 0, 2, 3]
    staff = workbook["0605.N"]
    assert staff["A5"].value == "Tại ngày 30/11/2025"
    assert [c.value for c in staff[DATA_FIRST_ROW]][:4] == ["Tổng số", "01", 1, 1]
    assert workbook["0604.N"]["A1"].value == "Biểu số 0604.N/BNV-TĐKT"


def test_a_wrong_movement_setting_is_a_system_error(settings):
    from thidua.reports.checks import check_report_settings  # noqa: PLC0415

    settings.THIDUA_REPORT_MOVEMENTS = "launched"
    assert [e.id for e in check_report_settings(None)] == ["thidua.reports.E001"]
    settings.THIDUA_REPORT_MOVEMENTS = "dien_ra"
    assert check_report_settings(None) == []


def test_person_dates_are_checked(org, client_for):
    from django.core.exceptions import ValidationError  # noqa: PLC0415

    from thidua.organizations.services.person import clean_person_data  # noqa: PLC0415

    person = org.people["officer"]
    tomorrow = datetime.date.today() + datetime.timedelta(days=2)  # noqa: DTZ011
    with pytest.raises(ValidationError) as error:
        clean_person_data({"tdkt_since": tomorrow}, instance=person)
    assert "tdkt_since" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        clean_person_data({"tdkt_since": D(1970, 1, 1)}, instance=person)
    assert "sau ngày sinh" in error.value.message_dict["tdkt_since"][0]
    with pytest.raises(ValidationError) as error:
        clean_person_data({"education_level": "tien_si"}, instance=person)
    assert "education_level" in error.value.message_dict


def test_the_page_lists_what_each_new_form_counted(client_for, org):
    movements(org)
    _staff(
        org.people["btdkt_staff"],
        birth=D(1968, 3, 1),
        since=D(2012, 3, 1),
        education="tren_dai_hoc",
    )
    update_agency(
        org.btdkt, expected_version=org.btdkt.version, tdkt_body="ban_thuoc_snv"
    )
    client = client_for("higher_officer")
    url = reverse("reports:report", args=[org.province.pk])
    html = client.get(url, {"nam": 2025}).content.decode()
    for slug, n in (("0601n", 5), ("0604n", 1), ("0605n", 1)):
        assert f'data-testid="counted-{slug}"' in html
        assert f"Danh sách được tính ({n})" in html
    assert "Vi Thị Oanh" in html and "Trên đại học" in html
    assert "Ban Thi đua – Khen thưởng" in html
    assert Movement.objects.get(launcher=org.dkkd).name in html
    # the Sở's officer sees only its subtree: the province's movements are not listed
    page = (
        client_for("officer")
        .get(reverse("reports:report", args=[org.skhdt.pk]), {"nam": 2025})
        .content.decode()
    )
    assert "Danh sách được tính (2)" in page
    assert Movement.objects.filter(launcher=org.province).first().name not in page
