"""Figures of the statistical forms from a small known register."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from thidua.common.report_sources import report_sources
from thidua.reports.definitions import REGIMES, regime_for
from thidua.reports.selectors import compute_report, reporting_period

from .helpers import D, award, seed

pytestmark = pytest.mark.django_db

TT02 = REGIMES["tt02_2023"]


def report(agency, year=2025, regime=TT02):
    start, end = reporting_period(year)
    return compute_report(agency, start, end, regime)


def figures(rep, slug):
    return next(f for f in rep.figures if f.form.slug == slug)


def test_reporting_year_runs_from_01_12_to_30_11():
    assert reporting_period(2025) == (D(2024, 12, 1), D(2025, 11, 30))
    assert regime_for(D(2023, 5, 9)).key == "tt03_2018"
    assert regime_for(D(2025, 11, 30)).key == "tt02_2023"


def test_ministry_and_province_level_form_0603(org):
    seed(org)
    f = figures(report(org.skhdt), "0603n")
    # BK: vp_staff, dkkd_staff (01/12/2024), dkkd collective; CSTĐ: officer; Cờ: vp
    assert f.value("01", "total") == 5
    assert f.value("01", "bk") == 3
    assert f.value("01", "cstd") == 1
    assert f.value("01", "co") == 1
    assert f.value("01", "huy_hieu") is None  # not recorded: blank, not 0
    assert f.value("02", "total") == 2  # tập thể
    assert f.value("03", "total") is None  # doanh nghiệp: not recorded
    assert f.value("05", "total") == 3  # cá nhân
    assert f.value("10", "total") == 1  # direct worker (dkkd_staff)
    assert f.value("11", "total") == 3  # thường xuyên (công trạng)
    assert f.value("12", "cstd") == 1  # chuyên đề
    assert f.value("13", "bk") == 1  # đột xuất (collective BK)
    assert f.value("17", "total") is None  # kháng chiến: not recorded


def test_state_level_form_0602(org):
    seed(org)
    f = figures(report(org.skhdt), "0602n")
    assert f.value("01", "total") == 2
    assert f.value("01", "bk_ttg_cn") == 1
    assert f.value("01", "bk_ttg_tt") == 0
    assert f.value("01", "co_cp") == 1  # decided on 30/11/2025: last day counts
    assert f.value("06", "total") == 1 and f.value("09", "total") == 1


def test_project_form_counts_by_level_subject_gender_and_ethnicity(org):
    seed(org)
    f = figures(report(org.skhdt), "tk01n")
    assert f.value("01", "total") == 8
    assert f.value("01", "tt") == 3
    assert f.value("01", "cn") == 5
    assert f.value("01", "nu") == 2  # vp_staff, officer
    assert f.value("01", "dtts") == 2  # dkkd_staff (Tày): BK and LĐTT
    assert f.value("01", "nu_dtts") == 0
    assert f.value("01", "ho") is None
    assert f.value("02", "total") == 2  # cấp Nhà nước
    assert f.value("03", "total") == 5  # cấp bộ, tỉnh
    assert f.value("04", "total") == 1  # cấp cơ sở (LĐTT)
    assert f.value("04.2", "cn") == 1  # LĐTT


def test_revoked_and_out_of_period_awards_are_not_counted(org):
    seed(org)
    rep = report(org.skhdt, year=2026)  # 01/12/2025–30/11/2026
    assert figures(rep, "tk01n").value("01", "total") == 1  # head, 01/12/2025
    rep = report(org.skhdt, year=2024)  # ends 30/11/2024
    assert figures(rep, "tk01n").value("01", "total") == 1  # secretary, 30/11/2024


def test_parent_consolidates_children_with_a_per_child_breakdown(org):
    seed(org)
    province = report(org.province)
    skhdt = report(org.skhdt)
    other = report(org.other)
    for index in range(len(TT02.forms)):
        total = province.figures[index].total_row
        parts = [values for _part, values in province.part_rows(index)]
        for col, value in enumerate(total):
            if value is None:
                assert all(p[col] is None for p in parts)
            else:
                assert value == sum(p[col] for p in parts)
        by_agency = {
            part.agency.pk: values for part, values in province.part_rows(index)
        }
        assert by_agency[org.skhdt.pk] == skhdt.figures[index].total_row
        assert by_agency[org.other.pk] == other.figures[index].total_row
    names = [part.agency.name for part in province.parts]
    assert names[0] == org.province.name and province.parts[0].own
    assert set(names[1:]) == {org.sknv.name, org.skhdt.name, org.other.name}
    assert figures(province, "tk01n").value("01", "total") == 10
    assert figures(other, "tk01n").value("01", "total") == 2


def test_skhdt_report_leaves_out_the_other_agency(org):
    seed(org)
    ids = {part.agency.pk for part in report(org.skhdt).parts}
    assert ids == {org.skhdt.pk, org.vp.pk, org.dkkd.pk}


def test_constant_number_of_queries_whatever_the_data(org):
    seed(org)
    with CaptureQueriesContext(connection) as small:
        report(org.province)
    for i in range(30):
        award(
            org.vp if i % 2 else org.people["vp_staff"],
            "GIAY_KHEN",
            D(2025, 1, 1 + i % 28),
            award_type="dot_xuat",
            year=1990 + i,
        )
    with CaptureQueriesContext(connection) as large:
        rep = report(org.province)
    assert (
        len(small) == len(large) == 1 + len(report_sources())
    )  # the subtree + one a source
    assert figures(rep, "tk01n").value("01", "total") == 40
